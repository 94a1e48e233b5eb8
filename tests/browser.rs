//! Browser glue and components, in headless Chromium (`wasm-bindgen-test`).
//! Run by `./run test`; on its own: see scripts/test-all.sh for the environment it needs.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Node};

use stancemark::glue::{selection, storage};
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::history::Editor;
use stancemark::model::schema::Schema;
use stancemark::model::text::{Span, TextIndex};
use stancemark::ui::article_view::{ArticleProps, ArticleView};
use stancemark::view::keymap::Command;
use stancemark::view::segments::{self, Focus};
use stancemark::view::session::{Input, Session};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh container in the page, holding `html`.
fn mount(html: &str) -> Element {
    let root = document().create_element("div").unwrap();
    root.set_inner_html(html);
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Selects from (node, utf16 offset) to (node, utf16 offset), as a mouse drag would.
fn select(start: (&Node, u32), end: (&Node, u32)) {
    let range = document().create_range().unwrap();
    range.set_start(start.0, start.1).unwrap();
    range.set_end(end.0, end.1).unwrap();
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
}

fn text_of(root: &Element, css: &str) -> Node {
    root.query_selector(css).unwrap().unwrap().first_child().unwrap()
}

#[wasm_bindgen_test]
fn a_selection_inside_one_run_maps_to_code_points() {
    // "👍🏽" is two code points and four UTF-16 units; "é" here is e + combining accent.
    let root = mount(r#"<p><span data-start="10">a👍🏽 cafe&#x301; x</span></p>"#);
    let node = text_of(&root, "span");
    // UTF-16: a=0, 👍=1..3, 🏽=3..5, space=5, c=6 a=7 f=8 e=9 ◌́=10, space=11, x=12
    select((&node, 6), (&node, 11));
    assert_eq!(selection::selected_span(&root), Some(Span::new(10 + 4, 10 + 9)));
    root.remove();
}

#[wasm_bindgen_test]
fn a_selection_across_many_highlight_runs_uses_each_runs_offset() {
    let root = mount(concat!(
        r#"<p><span data-start="0">Peskov </span><span data-start="7" class="seg quote">said "</span>"#,
        r#"<span data-start="13" class="seg quote claim">Both 🇺🇦 sides</span><span data-start="26">" today.</span></p>"#,
    ));
    let first = text_of(&root, "[data-start='7']");
    let last = text_of(&root, "[data-start='26']");
    select((&first, 0), (&last, 1));
    assert_eq!(selection::selected_span(&root), Some(Span::new(7, 27)));
    // A backwards drag gives the same span.
    select((&first, 0), (&first, 0));
    let range = document().create_range().unwrap();
    range.set_start(&first, 0).unwrap();
    range.set_end(&last, 1).unwrap();
    let selection = web_sys::window().unwrap().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.set_base_and_extent(&last, 1, &first, 0).unwrap();
    assert_eq!(selection::selected_span(&root), Some(Span::new(7, 27)));
    root.remove();
}

#[wasm_bindgen_test]
fn positions_between_elements_snap_to_the_neighbouring_run() {
    let root =
        mount(r#"<p><span class="caret"></span><span data-start="5">abc</span><span data-start="8">def</span></p>"#);
    let paragraph: Node = root.query_selector("p").unwrap().unwrap().unchecked_into();
    // Before the second child (the first run) and after the last child.
    assert_eq!(selection::point_to_offset(&root, &paragraph, 1), Some(5));
    assert_eq!(selection::point_to_offset(&root, &paragraph, 3), Some(11));
    let run: Node = root.query_selector("[data-start='8']").unwrap().unwrap().unchecked_into();
    assert_eq!(selection::point_to_offset(&root, &run, 1), Some(11));
    root.remove();
}

#[wasm_bindgen_test]
fn selections_outside_the_article_or_empty_give_nothing() {
    let root = mount(r#"<span data-start="0">inside</span>"#);
    let outside = mount(r#"<span data-start="0">outside</span>"#);
    let node = text_of(&outside, "span");
    select((&node, 0), (&node, 3));
    assert_eq!(selection::selected_span(&root), None);
    let inside = text_of(&root, "span");
    select((&inside, 2), (&inside, 2));
    assert_eq!(selection::selected_span(&root), None);
    root.remove();
    outside.remove();
}

/// Renders the app's real article component for `doc` into a fresh container.
async fn render_article(doc: &Document, focus: &Focus) -> Element {
    render_article_with(doc, focus, Default::default()).await
}

async fn render_article_with(doc: &Document, focus: &Focus, on_suggestion: yew::Callback<usize>) -> Element {
    let root = mount("");
    let props = ArticleProps {
        blocks: Rc::new(segments::block_views(doc, focus)),
        node_ref: Default::default(),
        on_mouse_up: Default::default(),
        on_suggestion,
    };
    yew::Renderer::<ArticleView>::with_root_and_props(root.clone(), props).render();
    // Yew renders on its scheduler: let it run.
    yew::platform::time::sleep(std::time::Duration::from_millis(20)).await;
    root
}

#[wasm_bindgen_test]
async fn every_rendered_run_maps_back_to_its_exact_text() {
    let article = Article::parse_text("Title 👩‍👩‍👧\n\nHe said \"漢字 and e\u{301}e\u{301}\" twice. 🇺🇦").unwrap();
    let doc = Document::new(article, Schema::default());
    // A pending span and a caret split the text into several runs, as during real work.
    let focus = Focus { pending: Some(Span::new(14, 22)), caret: Some(22), ..Focus::default() };
    let root = render_article(&doc, &focus).await;
    let runs = root.query_selector_all("[data-start]").unwrap();
    assert!(runs.length() >= 4, "expected several runs, got {}", runs.length());
    let index = TextIndex::new(doc.text());
    for i in 0..runs.length() {
        let Some(node) = runs.item(i).unwrap().first_child() else { continue };
        let text = node.text_content().unwrap();
        select((&node, 0), (&node, text.encode_utf16().count() as u32));
        let span = selection::selected_span(&root).expect("a span");
        assert_eq!(index.slice(span), text, "run {i}");
    }
    // One selection across all runs of the paragraph is the whole paragraph.
    let paragraph = &doc.article.blocks[1];
    let first = root.query_selector_all("article > :nth-child(2) [data-start]").unwrap();
    let (start, end) =
        (first.item(0).unwrap().first_child().unwrap(), first.item(first.length() - 1).unwrap().first_child().unwrap());
    select((&start, 0), (&end, end.text_content().unwrap().encode_utf16().count() as u32));
    assert_eq!(selection::selected_span(&root), Some(paragraph.span));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_click_on_a_ghost_names_its_suggestion() {
    let article = Article::parse_text("Talks\n\n\"We will wait,\" said Mayor Ana Lopes.").unwrap();
    let mut editor = Editor::new(Document::new(article, Schema::default()));
    let mut session = Session::new("t".into(), None, || "2026-01-01T00:00:00Z".into());
    session.run(&mut editor, Input::Key(Command::Suggest));
    let index = session.suggested().current().expect("a suggestion");
    let clicked = Rc::new(std::cell::Cell::new(None));
    let on_suggestion = {
        let clicked = clicked.clone();
        yew::Callback::from(move |i: usize| clicked.set(Some(i)))
    };
    let root = render_article_with(editor.document(), &session.focus(), on_suggestion).await;
    let ghost = root.query_selector(".seg.ghost-current").unwrap().expect("the current ghost is drawn");
    assert_eq!(ghost.get_attribute("data-suggestion"), Some(index.to_string()));
    let event = web_sys::MouseEventInit::new();
    event.set_bubbles(true);
    ghost.dispatch_event(&web_sys::MouseEvent::new_with_mouse_event_init_dict("mouseup", &event).unwrap()).unwrap();
    assert_eq!(clicked.get(), Some(index));
    root.remove();
}

#[wasm_bindgen_test]
async fn markup_in_an_article_is_shown_as_text_and_never_runs() {
    let text = "<script>window.pwned = 1</script>\n\n<img src=x onerror=\"window.pwned = 2\"> 🎉";
    let doc = Document::new(Article::parse_text(text).unwrap(), Schema::default());
    let root = render_article(&doc, &Focus::default()).await;
    assert!(root.query_selector("script, img").unwrap().is_none(), "markup became elements");
    assert!(root.text_content().unwrap().contains("<img src=x onerror=\"window.pwned = 2\"> 🎉"));
    let pwned = js_sys::Reflect::get(&web_sys::window().unwrap(), &"pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "article markup ran");
    root.remove();
}

#[wasm_bindgen_test]
fn work_left_by_the_single_document_version_is_read_then_cleared() {
    let local = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    local.set_item("stancemark.document.v1", "{\"saved\": true}").unwrap();
    local.set_item("stancemark.journal.v1", "{}").unwrap();
    assert_eq!(storage::load_document().unwrap().as_deref(), Some("{\"saved\": true}"));
    assert_eq!(storage::load_journal().unwrap().as_deref(), Some("{}"));
    storage::clear_document_and_journal();
    assert_eq!(storage::load_document().unwrap(), None);
    assert_eq!(storage::load_journal().unwrap(), None);
}
