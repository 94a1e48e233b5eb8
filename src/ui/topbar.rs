//! The bar across the top: the app, the project's progress and the article keys, the
//! document, opening files, exports, undo and redo.

use yew::prelude::*;

use crate::model::keys::ArticleMove;
use crate::view::session::ExportKind;

use super::shell::ArticleNav;

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    pub title: AttrValue,
    pub can_undo: bool,
    pub can_redo: bool,
    /// The schema's undo and redo keys, as keycaps, for the buttons' tooltips.
    pub undo_key: AttrValue,
    pub redo_key: AttrValue,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    pub on_export: Callback<ExportKind>,
    pub on_open: Callback<Vec<web_sys::File>>,
    pub on_help: Callback<()>,
    pub on_suggest: Callback<()>,
    /// The schema's key for Suggest, as a keycap.
    pub suggest_key: AttrValue,
    /// The open article's place in its project.
    pub article: Option<ArticleNav>,
    pub on_article: Callback<ArticleMove>,
    /// "Delete this article…": the app asks before it deletes.
    pub on_delete_article: Callback<()>,
}

#[component]
pub fn TopBar(props: &TopBarProps) -> Html {
    let export = |kind: ExportKind| {
        props.on_export.reform(move |event: MouseEvent| {
            close_menu(&event);
            kind
        })
    };
    let delete_article = props.on_delete_article.reform(|event: MouseEvent| close_menu(&event));
    let on_open = props.on_open.clone();
    let on_file = Callback::from(move |event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        if let Some(files) = input.files() {
            on_open.emit((0..files.length()).filter_map(|i| files.get(i)).collect());
        }
        // The same file can be picked again after fixing it.
        input.set_value("");
    });
    html! {
        <header class="topbar">
            <div class="brand"><img src="icon.svg" alt="" width="22" height="22" />{ "Stancemark" }</div>
            { article_nav(props) }
            <span class="doc-title" title={props.title.clone()}>{ &props.title }</span>
            <nav class="toolbar" aria-label="Document">
                <label class="btn" for="open-file" title="Add articles (.txt, .json records, .jsonl) or Stancemark documents to the project and open the first; you can also drop files on the page">
                    { "Open…" }
                </label>
                <input id="open-file" class="visually-hidden" type="file" multiple=true accept=".json,.txt,.jsonl,application/json,text/plain" onchange={on_file} data-testid="open-file" />
                <button class="btn primary" onclick={export(ExportKind::DocumentJson)} title="Download the document JSON: text, speakers, annotations with offsets">{ "Export JSON" }</button>
                <details class="menu">
                    <summary class="btn" title="More ways to export, and deleting the article">{ "More" }</summary>
                    <div class="menu-items" role="menu">
                        <button role="menuitem" onclick={export(ExportKind::RowsJsonl)} title="Download one JSON line per quote or claim, ready for training">{ "Rows JSONL (one per quote or claim)" }</button>
                        <button role="menuitem" onclick={export(ExportKind::DatasetJsonl)} title="Download the document as one dataset line">{ "Dataset JSONL (one per document)" }</button>
                        <button role="menuitem" onclick={export(ExportKind::CopyJson)} title="Copy the document JSON to the clipboard">{ "Copy JSON to the clipboard" }</button>
                        if props.article.is_some() {
                            <button role="menuitem" class="danger" onclick={delete_article} data-testid="delete-article"
                                title="Take this article and its annotations out of the project (asks first)">
                                { "Delete this article…" }
                            </button>
                        }
                    </div>
                </details>
            </nav>
            <nav class="toolbar" aria-label="Suggestions">
                <button class="btn" onclick={props.on_suggest.reform(|_: MouseEvent| ())} data-testid="suggest"
                    title={with_key("Suggest quotes, cues and speakers in this article; they show dashed until you accept them", &props.suggest_key)}>
                    { "Suggest" }
                </button>
            </nav>
            <nav class="toolbar" aria-label="History">
                <button class="btn" disabled={!props.can_undo} onclick={props.on_undo.reform(|_: MouseEvent| ())} title={with_key("Undo", &props.undo_key)} data-testid="undo">{ "Undo" }</button>
                <button class="btn" disabled={!props.can_redo} onclick={props.on_redo.reform(|_: MouseEvent| ())} title={with_key("Redo", &props.redo_key)} data-testid="redo">{ "Redo" }</button>
                <button class="btn" onclick={props.on_help.reform(|_: MouseEvent| ())} title="Keyboard shortcuts (?)">{ "Keys" }<kbd>{ "?" }</kbd></button>
            </nav>
        </header>
    }
}

/// "3 / 120" (the corpus list), the article's status, and previous / next / done.
fn article_nav(props: &TopBarProps) -> Html {
    let Some(nav) = &props.article else { return html! {} };
    let go = |step: ArticleMove| props.on_article.reform(move |_: MouseEvent| step);
    let where_ = format!(
        "Article {} of {}, {} done: the project's articles, progress, import and export (Ctrl + Shift + L)",
        nav.position, nav.total, nav.done
    );
    html! {
        <nav class="toolbar article-nav" aria-label="Articles">
            <button class="btn" onclick={go(ArticleMove::ShowCorpus)} title={where_} data-testid="show-corpus">
                { format!("{} / {}", nav.position, nav.total) }
            </button>
            <span class={classes!("pill", nav.status.as_str())} data-testid="article-status">{ nav.status.label() }</span>
            <button class="btn icon" onclick={go(ArticleMove::PreviousUnfinished)} title="Previous unfinished article (Alt + ↑)" aria-label="Previous unfinished article">{ "↑" }</button>
            <button class="btn icon" onclick={go(ArticleMove::NextUnfinished)} title="Next unfinished article (Alt + ↓)" aria-label="Next unfinished article">{ "↓" }</button>
            <button class="btn" onclick={go(ArticleMove::DoneAndNext)} title="Mark this article done and go to the next unfinished one (Ctrl + Enter)" data-testid="done-next">{ "Done" }</button>
        </nav>
    }
}

/// A chosen menu item closes its menu.
fn close_menu(event: &MouseEvent) {
    let menu = event.target_dyn_into::<web_sys::Element>().and_then(|e| e.closest("details").ok().flatten());
    if let Some(menu) = menu {
        let _ = menu.remove_attribute("open");
    }
}

/// "Undo (Ctrl + Z)", or just "Undo" when the schema binds no key to it.
fn with_key(what: &str, key: &str) -> String {
    if key.is_empty() {
        what.to_owned()
    } else {
        format!("{what} ({key})")
    }
}
