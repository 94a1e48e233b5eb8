//! The corpus page in headless Chromium (`wasm-bindgen-test`): a 10,000-article project puts
//! only a screenful of rows in the page, rows open their article, the import report lists the
//! bad lines and offers the good ones, and the export form checks its split.
//! Run by `./run test`; on its own: see scripts/test-all.sh for the environment it needs.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::{AttrValue, Callback};

use stancemark::corpus::list::{ListQuery, SortKey, SortOrder};
use stancemark::corpus::project::Project;
use stancemark::corpus::status::{Status, StatusSet};
use stancemark::corpus::summary::ArticleSummary;
use stancemark::model::schema::Schema;
use stancemark::ui::corpus::{CorpusCallbacks, CorpusPage, CorpusPageProps};
use stancemark::view::corpus_page::{
    ExportFormat, ExportRequest, ExportScope, ImportView, ProjectChoice, SplitRequest, StorageView, SuggestView,
    EMPTY_PROJECT,
};

wasm_bindgen_test_configure!(run_in_browser);

/// The pixel height of a row and of the header in corpus.css.
const ROW: i32 = 36;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The app's style sheets, once: the list's virtual rows rely on its fixed row height and
/// on scrolling in its own area.
fn styles() {
    if document().get_element_by_id("test-styles").is_some() {
        return;
    }
    let style = document().create_element("style").unwrap();
    style.set_id("test-styles");
    style.set_text_content(Some(include_str!("../static/style.css")));
    document().head().unwrap().append_child(&style).unwrap();
}

fn summaries(n: usize) -> Vec<ArticleSummary> {
    (0..n)
        .map(|i| ArticleSummary {
            id: format!("a{i:05}"),
            title: format!("Article {i}: the Kremlin on the ceasefire proposal"),
            published: Some(format!("2025-03-{:02}", i % 28 + 1)),
            text_sha256: format!("{i:064x}"),
            status: Status::ALL[i % 4],
            quotes: i % 7,
            claims: i % 3,
            missing_speaker: i % 2,
            missing_stance: 0,
            edited_at: Some("2025-03-17T09:00:00Z".to_owned()),
            edited_by: Some("Ana".to_owned()),
        })
        .collect()
}

fn project(n: usize) -> Rc<Project> {
    let mut project = Project::new("p1", "Ceasefire coverage", Schema::default());
    assert!(project.restore(summaries(n)).is_empty());
    Rc::new(project)
}

/// Every callback writes what it got into the log, as text.
fn callbacks(log: &Rc<RefCell<Vec<String>>>) -> CorpusCallbacks {
    fn record<T: 'static>(log: &Rc<RefCell<Vec<String>>>, show: impl Fn(T) -> String + 'static) -> Callback<T> {
        let log = log.clone();
        Callback::from(move |value: T| log.borrow_mut().push(show(value)))
    }
    CorpusCallbacks {
        open_article: record(log, |id: String| format!("open {id}")),
        set_query: record(log, |q: ListQuery| {
            format!("query {:?} {:?} {:?} {:?}", q.sort, q.order, q.statuses, q.search)
        }),
        switch_project: record(log, |id: String| format!("switch {id}")),
        new_project: record(log, |name: String| format!("new {name}")),
        delete_project: record(log, |id: String| format!("delete {id}")),
        import_files: record(log, |files: Vec<web_sys::File>| format!("files {}", files.len())),
        import_folder: record(log, |files: Vec<web_sys::File>| format!("folder {}", files.len())),
        cancel_import: record(log, |()| "cancel".to_owned()),
        import_good: record(log, |()| "import good".to_owned()),
        dismiss: record(log, |()| "dismiss".to_owned()),
        export: record(log, |r: ExportRequest| format!("export {r:?}")),
        suggest_new: record(log, |()| "suggest new".to_owned()),
        cancel_suggest: record(log, |()| "cancel suggest".to_owned()),
        back: record(log, |()| "back".to_owned()),
    }
}

fn props(project: Rc<Project>, query: ListQuery, log: &Rc<RefCell<Vec<String>>>) -> CorpusPageProps {
    let rows = Rc::new(project.rows(&query));
    let projects = Rc::new(vec![
        ProjectChoice { id: "p1".to_owned(), name: project.name.clone(), done: 2500, total: 10_000 },
        ProjectChoice { id: "p2".to_owned(), name: "Elections".to_owned(), done: 0, total: 3 },
    ]);
    CorpusPageProps {
        project,
        projects,
        rows,
        query,
        current: None,
        import: None,
        export: None,
        suggesting: None,
        storage: StorageView { usage: Some(12_400_000.0), quota: Some(2.1e9), persisted: true, warning: None },
        on: callbacks(log),
    }
}

/// Renders the page in a 420-pixel-high container at the top of the window (headless Chromium's is about 440 high), as in the app's main area.
async fn render(props: CorpusPageProps) -> Element {
    styles();
    let root = document().create_element("div").unwrap();
    root.set_attribute("style", "position: fixed; top: 0; left: 0; z-index: 1; height: 420px; width: 1200px; display: flex; flex-direction: column").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<CorpusPage>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Lets Yew render, its effects measure, and the measured rows render.
async fn settle() {
    // A render's effects may schedule another render: give each its turn.
    for _ in 0..4 {
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
}

fn all(root: &Element, css: &str) -> Vec<Element> {
    let list = root.query_selector_all(css).unwrap();
    (0..list.length()).map(|i| list.get(i).unwrap().dyn_into::<Element>().unwrap()).collect()
}

fn one(root: &Element, css: &str) -> HtmlElement {
    root.query_selector(css).unwrap().unwrap_or_else(|| panic!("no {css}")).dyn_into().unwrap()
}

fn row_ids(root: &Element) -> Vec<String> {
    all(root, "[data-testid=corpus-row]").iter().map(|r| r.get_attribute("data-article-id").unwrap()).collect()
}

/// Dispatches a bubbling event of `kind` (as typing does with "input").
fn fire(target: &Element, kind: &str) {
    dispatch(target, "Event", kind, &[]);
}

/// Dispatches a bubbling event made with the constructor named `class` and these fields
/// (web-sys binds the constructors' dictionaries only behind features the app does not need).
fn dispatch(target: &Element, class: &str, kind: &str, fields: &[(&str, &str)]) {
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &JsValue::TRUE).unwrap();
    for (name, value) in fields {
        js_sys::Reflect::set(&init, &(*name).into(), &(*value).into()).unwrap();
    }
    let constructor: js_sys::Function =
        js_sys::Reflect::get(&web_sys::window().unwrap(), &class.into()).unwrap().unchecked_into();
    let event = js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&kind.into(), &init)).unwrap();
    target.dispatch_event(event.unchecked_ref()).unwrap();
}

fn type_into(root: &Element, css: &str, text: &str) {
    let input: HtmlInputElement = root.query_selector(css).unwrap().unwrap().dyn_into().unwrap();
    input.set_value(text);
    fire(&input, "input");
}

#[wasm_bindgen_test]
async fn ten_thousand_articles_put_only_a_screenful_of_rows_in_the_page() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let root = render(props(project(10_000), ListQuery::default(), &log)).await;
    let scroller = one(&root, ".corpus-scroll");
    assert!(scroller.client_height() < 420, "the list scrolls in its own area, not the page");

    let ids = row_ids(&root);
    let screenful = (scroller.client_height() / ROW + 1) as usize;
    assert_eq!(ids[0], "a00000");
    assert!(
        ids.len() >= screenful && ids.len() <= screenful + 10 + 1,
        "{} rows for a screen of {screenful}",
        ids.len()
    );
    // The table keeps the height of all its rows, so the scroll bar tells where one is.
    assert_eq!(scroller.scroll_height(), ROW + 10_000 * ROW);
    let first = all(&root, "[data-testid=corpus-row]")[0].get_bounding_client_rect();
    assert_eq!(first.height(), f64::from(ROW), "rows have the height the list computes with");

    // Scrolled to the middle: the rows there, and still only a screenful of them.
    scroller.set_scroll_top(5000 * ROW);
    settle().await;
    let ids = row_ids(&root);
    assert!(ids.contains(&"a05000".to_owned()) && ids.contains(&"a05005".to_owned()), "{ids:?}");
    assert!(!ids.contains(&"a00000".to_owned()));
    assert!(ids.len() <= screenful + 2 * 10 + 1, "{} rows", ids.len());
    let shown = one(&root, "[data-article-id=a05003]").get_bounding_client_rect();
    let area = scroller.get_bounding_client_rect();
    assert!(
        shown.top() >= area.top() && shown.bottom() <= area.bottom(),
        "the row scrolled to is where the list puts it"
    );

    // A click on a row opens its article.
    one(&root, "[data-article-id=a05003] td.c-date").click();
    assert_eq!(log.borrow().as_slice(), ["open a05003"]);
    let progress = one(&root, "[data-testid=corpus-progress]").text_content().unwrap();
    assert!(progress.starts_with("2,500 of 10,000 done · 2,500 skipped · "), "{progress}");
    let storage = one(&root, "[data-testid=corpus-storage] span").text_content().unwrap();
    assert_eq!(storage, "Using 12.4 MB of 2.1 GB · kept until you clear it");
    root.remove();
}

#[wasm_bindgen_test]
async fn rows_are_walked_with_arrows_and_opened_with_enter() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let root = render(props(project(100), ListQuery::default(), &log)).await;
    let row = one(&root, "[data-article-id=a00002]");
    row.focus().unwrap();
    dispatch(&row, "KeyboardEvent", "keydown", &[("key", "ArrowDown")]);
    let focused = document().active_element().unwrap();
    assert_eq!(focused.get_attribute("data-article-id").as_deref(), Some("a00003"));
    for _ in 0..2 {
        dispatch(&document().active_element().unwrap(), "KeyboardEvent", "keydown", &[("key", "ArrowUp")]);
    }
    let focused = document().active_element().unwrap();
    assert_eq!(focused.get_attribute("data-article-id").as_deref(), Some("a00001"));
    dispatch(&focused, "KeyboardEvent", "keydown", &[("key", "Enter")]);
    assert_eq!(log.borrow().as_slice(), ["open a00001"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_open_article_is_marked_and_scrolled_to() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut p = props(project(10_000), ListQuery::default(), &log);
    p.current = Some(AttrValue::from("a07777"));
    let root = render(p).await;
    let row = one(&root, "[data-article-id=a07777]");
    assert_eq!(row.get_attribute("aria-current").as_deref(), Some("true"));
    let area = one(&root, ".corpus-scroll").get_bounding_client_rect();
    let at = row.get_bounding_client_rect();
    assert!(at.top() >= area.top() && at.bottom() <= area.bottom(), "the open article's row is in view");
    one(&root, "[data-testid=corpus-back]").click();
    assert_eq!(log.borrow().as_slice(), ["back"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn headers_sort_and_chips_filter_through_the_query() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let root = render(props(project(40), ListQuery::default(), &log)).await;
    assert_eq!(row_ids(&root)[0], "a00000");
    let header = all(&root, "thead th")[0].clone();
    assert_eq!(header.get_attribute("aria-sort").as_deref(), Some("none"));
    one(&root, "thead th:first-child button").click();
    one(&root, "[data-testid=filter-done]").click();
    type_into(&root, "[data-testid=corpus-search]", "kremlin");
    let expected = [
        format!("query {:?} {:?} {:?} \"\"", SortKey::Title, SortOrder::Ascending, StatusSet::ALL),
        format!("query {:?} {:?} {:?} \"\"", SortKey::Added, SortOrder::Ascending, StatusSet::of(&[Status::Done])),
        format!("query {:?} {:?} {:?} \"kremlin\"", SortKey::Added, SortOrder::Ascending, StatusSet::ALL),
    ];
    assert_eq!(log.borrow().as_slice(), expected);
    root.remove();

    // The app answers with the rows of the query: sorted by title, descending, only done.
    let log = Rc::new(RefCell::new(Vec::new()));
    let query = ListQuery {
        sort: SortKey::Title,
        order: SortOrder::Descending,
        statuses: StatusSet::of(&[Status::Done]),
        ..ListQuery::default()
    };
    let root = render(props(project(40), query, &log)).await;
    assert_eq!(all(&root, "thead th")[0].get_attribute("aria-sort").as_deref(), Some("descending"));
    assert_eq!(row_ids(&root).len(), 10);
    assert_eq!(one(&root, "[data-testid=filter-done]").get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(one(&root, "[data-testid=filter-all]").get_attribute("aria-pressed").as_deref(), Some("false"));
    root.remove();
}

#[wasm_bindgen_test]
async fn empty_projects_and_empty_filters_say_what_to_do() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let root = render(props(project(0), ListQuery::default(), &log)).await;
    assert_eq!(one(&root, "[data-testid=corpus-empty]").text_content().unwrap(), EMPTY_PROJECT);
    assert!(root.query_selector("[data-testid=corpus-table]").unwrap().is_none());
    root.remove();

    let query = ListQuery { search: "no such title".to_owned(), ..ListQuery::default() };
    let root = render(props(project(40), query, &log)).await;
    assert_eq!(
        one(&root, "[data-testid=corpus-no-match] p").text_content().unwrap(),
        "No articles match “no such title”."
    );
    one(&root, "[data-testid=clear-filter]").click();
    assert_eq!(log.borrow().last().unwrap(), &format!("query Added Ascending {:?} \"\"", StatusSet::ALL));
    root.remove();
}

#[wasm_bindgen_test]
async fn a_report_with_bad_lines_lists_them_and_offers_the_good_articles() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut p = props(project(3), ListQuery::default(), &log);
    let bad: Vec<String> = (1..=250).map(|n| format!("articles.jsonl:{n}: text: missing field")).collect();
    p.import = Some(ImportView::Report {
        good: 120,
        duplicates: vec!["articles.jsonl:400: the same text as article \"a00001\"; not added again".to_owned()],
        bad,
    });
    let root = render(p).await;
    let lines = all(&root, "[data-testid=import-bad] li");
    assert_eq!(lines.len(), 200, "the first 200, then a count");
    assert_eq!(lines[1].text_content().unwrap(), "articles.jsonl:2: text: missing field");
    assert_eq!(one(&root, "[data-testid=import-bad] .more").text_content().unwrap(), "and 50 more");
    assert_eq!(
        one(&root, "[data-testid=import-duplicates] summary").text_content().unwrap(),
        "1 already in the project (the same text), not added again"
    );
    let good = one(&root, "[data-testid=import-good]");
    assert_eq!(good.text_content().unwrap(), "Import the 120 good articles, skip 250");
    good.click();
    one(&root, "[data-testid=import-cancel]").click();
    assert_eq!(log.borrow().as_slice(), ["import good", "cancel"]);
    // No second import while this one waits for an answer.
    assert!(one(&root, "[data-testid=import-files]").dyn_into::<HtmlInputElement>().unwrap().disabled());
    root.remove();
}

#[wasm_bindgen_test]
async fn reading_shows_progress_and_cancel() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let mut p = props(project(3), ListQuery::default(), &log);
    p.import = Some(ImportView::Reading {
        source: "articles.jsonl".to_owned(),
        lines: 12_345,
        bytes_done: 41,
        bytes_total: 100,
        elapsed_ms: 4200.0,
    });
    let root = render(p).await;
    let panel = one(&root, "[data-testid=import-panel]");
    let bar = one(&panel, "[role=progressbar]");
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("41"));
    assert_eq!(bar.get_attribute("aria-valuemax").as_deref(), Some("100"));
    assert_eq!(one(&panel, ".job-line").text_content().unwrap(), "12,345 lines read · 41 % · about 6 s left");
    one(&root, "[data-testid=import-cancel]").click();
    assert_eq!(log.borrow().as_slice(), ["cancel"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn suggesting_in_new_articles_starts_shows_progress_and_cancels() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let root = render(props(project(3), ListQuery::default(), &log)).await;
    one(&root, "[data-testid=suggest-new]").click();
    assert_eq!(log.borrow().as_slice(), ["suggest new"]);
    root.remove();

    let mut p = props(project(3), ListQuery::default(), &log);
    p.suggesting = Some(SuggestView::Running { read: 50, total: 200, accepted: 31, articles: 12 });
    let root = render(p).await;
    let panel = one(&root, "[data-testid=suggest-status]");
    assert_eq!(one(&panel, "[role=progressbar]").get_attribute("aria-valuenow").as_deref(), Some("50"));
    assert_eq!(
        one(&panel, ".job-line").text_content().unwrap(),
        "Read 50 of 200 new articles · 25 % · 31 suggestions accepted in 12 articles so far"
    );
    assert!(one(&root, "[data-testid=suggest-new]").has_attribute("disabled"), "one job at a time");
    one(&root, "[data-testid=suggest-cancel]").click();
    assert_eq!(log.borrow().as_slice(), ["suggest new", "cancel suggest"]);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_export_form_checks_the_split_before_it_exports() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let root = render(props(project(40), ListQuery::default(), &log)).await;
    one(&root, "[data-testid=export-open]").click();
    settle().await;
    one(&root, "[data-testid=export-format-rows]").click();
    one(&root, "[data-testid=export-scope-done]").click();
    one(&root, "[data-testid=export-split]").click();
    settle().await;
    type_into(&root, "[data-testid=export-ratios]", "80/10");
    settle().await;
    assert!(one(&root, "[data-testid=export-split-error]")
        .text_content()
        .unwrap()
        .starts_with("Expected three ratios"));
    assert!(one(&root, "[data-testid=export-run]").has_attribute("disabled"));
    type_into(&root, "[data-testid=export-ratios]", "70/15/15");
    type_into(&root, "[data-testid=export-seed]", "42");
    settle().await;
    assert!(root.query_selector("[data-testid=export-split-error]").unwrap().is_none());
    one(&root, "[data-testid=export-run]").click();
    settle().await;
    let request = ExportRequest {
        scope: ExportScope::Done,
        format: ExportFormat::Rows,
        split: Some(SplitRequest { ratios: "70/15/15".to_owned(), seed: 42 }),
    };
    assert_eq!(log.borrow().as_slice(), [format!("export {request:?}")]);
    assert!(root.query_selector("[data-testid=export-form]").unwrap().is_none(), "the form closes");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_folder_picker_picks_folders_and_the_switcher_switches() {
    let log = Rc::new(RefCell::new(Vec::new()));
    let root = render(props(project(3), ListQuery::default(), &log)).await;
    let folder: HtmlInputElement = one(&root, "[data-testid=import-folder]").dyn_into().unwrap();
    assert!(folder.webkitdirectory());
    let files: HtmlInputElement = one(&root, "[data-testid=import-files]").dyn_into().unwrap();
    assert!(files.multiple() && !files.webkitdirectory());

    let select: web_sys::HtmlSelectElement = one(&root, "[data-testid=project-select]").dyn_into().unwrap();
    assert_eq!(select.value(), "p1");
    let labels: Vec<String> =
        all(&root, "[data-testid=project-select] option").iter().map(|o| o.text_content().unwrap()).collect();
    assert_eq!(
        labels,
        ["Ceasefire coverage — 2,500/10,000 done", "Elections — 0/3 done", "New project…", "Delete this project…"]
    );
    select.set_value("p2");
    fire(&select, "change");
    // "New project…" opens the name form and leaves the select on the project shown.
    select.set_selected_index(2);
    fire(&select, "change");
    settle().await;
    assert_eq!(select.value(), "p1");
    type_into(&root, "[data-testid=new-project-name]", "  Elections 2026 ");
    let form: web_sys::HtmlElement = one(&root, "[data-testid=new-project-form]");
    fire(&form, "submit");
    assert_eq!(log.borrow().as_slice(), ["switch p2", "new Elections 2026"]);

    // "Delete this project…" asks first, naming what goes; Cancel deletes nothing.
    select.set_selected_index(3);
    fire(&select, "change");
    settle().await;
    assert_eq!(select.value(), "p1");
    let question = one(&root, "[data-testid=delete-project-confirm] p").text_content().unwrap();
    assert!(
        question.starts_with("Delete the project “Ceasefire coverage” with its 3 articles (6 annotations)?"),
        "{question}"
    );
    let cancel: web_sys::HtmlElement = one(&root, "[data-testid=delete-project-confirm] button:last-child");
    let focused = web_sys::window().unwrap().document().unwrap().active_element();
    assert_eq!(focused.and_then(|e| e.text_content()).as_deref(), Some("Cancel"), "the harmless answer has the focus");
    cancel.click();
    settle().await;
    assert!(root.query_selector("[data-testid=delete-project-confirm]").unwrap().is_none());
    select.set_selected_index(3);
    fire(&select, "change");
    settle().await;
    let delete: web_sys::HtmlElement = one(&root, "[data-testid=delete-project]");
    delete.click();
    assert_eq!(log.borrow().as_slice(), ["switch p2", "new Elections 2026", "delete p1"]);
    root.remove();
}
