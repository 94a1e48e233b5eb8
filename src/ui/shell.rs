//! The page around the article: top bar, notice, reading pane with the floating toolbar, side
//! panel with its tabs, status bar, help sheet and drop hint. A plain function of the editor,
//! the session and the views. The callbacks of the costly children (article, panels, floating
//! toolbar) are made once, so their props stay equal and Yew skips them.

use yew::prelude::*;

use crate::model::action::Action;
use crate::model::annotation::{AnnotationId, AnnotationKind};
use crate::model::history::Editor;
use crate::model::keys::ArticleMove;
use crate::model::speaker::SpeakerId;
use crate::view::keymap::{self, Command};
use crate::view::panels::{self, EmptyHints, FloatKeys};
use crate::view::session::{ExportKind, Input, MouseSelection, Session, Tab};
use crate::view::views::{Panel, Shown};

use super::app::{App, Msg};
use super::article_view::ArticleView;
use super::compare_panel::ComparePanel;
use super::corpus::CorpusCallbacks;
use super::corpus_ctl::CorpusAction;
use super::details::Details;
use super::float_bar::FloatBar;
use super::help::HelpSheet;
use super::list::AnnotationList;
use super::notice::NoticeBar;
use super::speakers::SpeakersPanel;
use super::statusbar::StatusBar;
use super::suggestion_card::SuggestionCardView;
use super::topbar::TopBar;

/// The elements the app reads or moves directly.
#[derive(Default)]
pub struct Refs {
    pub article: NodeRef,
    pub float_bar: NodeRef,
    pub reading: NodeRef,
}

impl Refs {
    /// Puts the floating toolbar just above the pending span, through the DOM (no re-render).
    pub fn place_float_bar(&self) {
        let (Some(bar), Some(reading)) =
            (self.float_bar.cast::<web_sys::HtmlElement>(), self.reading.cast::<web_sys::Element>())
        else {
            return;
        };
        let Ok(Some(first)) = reading.query_selector(".seg.pending") else { return };
        let area = reading.get_bounding_client_rect();
        let span = first.get_bounding_client_rect();
        // Whole pixels: formatting an f64 would pull float printing into the bundle.
        let top = (span.top() - area.top()) as i32 + reading.scroll_top() - bar.offset_height() - 8;
        let left = ((span.left() - area.left()) as i32).max(8);
        let style = bar.style();
        let _ = style.set_property("top", &format!("{top}px"));
        let _ = style.set_property("left", &format!("{left}px"));
    }
}

/// Callbacks created once, so the memoised children see equal props and skip re-rendering.
pub struct Callbacks {
    pub input: Callback<Input>,
    mouse_up: Callback<Option<AnnotationId>>,
    select: Callback<AnnotationId>,
    select_suggestion: Callback<usize>,
    command: Callback<Command>,
    edit: Callback<Action>,
    jump: Callback<SpeakerId>,
    speaker_from_mention: Callback<()>,
    speaker_named: Callback<String>,
    new_target: Callback<String>,
    open: Callback<Vec<web_sys::File>>,
    compare_files: Callback<Vec<web_sys::File>>,
    export: Callback<ExportKind>,
    article: Callback<ArticleMove>,
    delete_article: Callback<()>,
    pub corpus: CorpusCallbacks,
}

impl Callbacks {
    pub fn new(link: &html::Scope<App>, refs: &Refs) -> Callbacks {
        let input = link.callback(Msg::Input);
        let article = refs.article.clone();
        Callbacks {
            mouse_up: input.reform(move |clicked| Input::MouseUp { selection: mouse_selection(&article), clicked }),
            select: input.reform(Input::Select),
            select_suggestion: input.reform(Input::SelectSuggestion),
            command: input.reform(Input::Key),
            edit: input.reform(Input::Edit),
            jump: input.reform(Input::JumpToSpeaker),
            speaker_from_mention: input.reform(|()| Input::NewSpeakerFromMention),
            speaker_named: input.reform(Input::NewSpeakerNamed),
            new_target: input.reform(Input::NewTarget),
            open: link.callback(Msg::Open),
            compare_files: link.callback(Msg::CompareFiles),
            export: input.reform(Input::Export),
            article: link.callback(Msg::Article),
            delete_article: link.callback(|()| Msg::Corpus(CorpusAction::AskDeleteArticle)),
            corpus: corpus_callbacks(link),
            input,
        }
    }
}

fn corpus_callbacks(link: &html::Scope<App>) -> CorpusCallbacks {
    let action = link.callback(Msg::Corpus);
    CorpusCallbacks {
        open_article: link.callback(Msg::OpenArticle),
        set_query: action.reform(CorpusAction::SetQuery),
        switch_project: action.reform(CorpusAction::SwitchProject),
        new_project: action.reform(CorpusAction::NewProject),
        delete_project: action.reform(CorpusAction::DeleteProject),
        import_files: action.reform(CorpusAction::Import),
        import_folder: action.reform(CorpusAction::Import),
        cancel_import: action.reform(|()| CorpusAction::CancelImport),
        import_good: action.reform(|()| CorpusAction::ImportGood),
        dismiss: action.reform(|()| CorpusAction::Dismiss),
        export: action.reform(CorpusAction::Export),
        suggest_new: action.reform(|()| CorpusAction::SuggestNew),
        cancel_suggest: action.reform(|()| CorpusAction::CancelSuggest),
        back: action.reform(|()| CorpusAction::Back),
    }
}

/// Where the open article stands in its project, for the top bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleNav {
    /// 1-based, in the order articles were added.
    pub position: usize,
    pub total: usize,
    pub done: usize,
    pub status: crate::corpus::status::Status,
    /// Its title as the corpus list shows it.
    pub title: String,
}

/// The browser's selection in the article, in code points.
fn mouse_selection(article: &NodeRef) -> MouseSelection {
    let Some(root) = article.cast::<web_sys::Element>() else { return MouseSelection::Outside };
    match crate::glue::selection::selected_span(&root) {
        Some(span) => MouseSelection::Range(span),
        None => crate::glue::selection::caret_offset(&root).map_or(MouseSelection::Outside, MouseSelection::Caret),
    }
}

/// What one render of the page is made from.
pub struct Page<'a> {
    pub editor: &'a Editor,
    pub session: &'a Session,
    pub shown: &'a Shown,
    pub refs: &'a Refs,
    pub callbacks: &'a Callbacks,
    pub article: Option<ArticleNav>,
}

pub fn render(page: &Page) -> Html {
    let Page { editor, session, shown, refs, callbacks, article } = page;
    let doc = editor.document();
    let input = &callbacks.input;
    let send = |make: fn() -> Input| input.reform(move |()| make());
    // The list's title for the article, made once when it joined the project (an untitled
    // article's first words), not again at every render.
    let title = article.as_ref().map_or_else(|| crate::corpus::summary::title_of(doc), |nav| nav.title.clone());
    let selected = session.selected().and_then(|id| doc.annotation(id));
    let tab_button = |tab: Tab, label: String| {
        html! {
            <button role="tab" aria-selected={(session.tab() == tab).to_string()} onclick={input.reform(move |_: MouseEvent| Input::SetTab(tab))}
                title={label.clone()}>
                { label }
            </button>
        }
    };
    let on_drag_over = input.reform(|event: DragEvent| {
        event.prevent_default();
        Input::DragActive(true)
    });
    // Leaving for a child element is not leaving the page.
    let on_drag_leave = input.reform(|event: DragEvent| Input::DragActive(event.related_target().is_some()));
    let (open, drag_done) = (callbacks.open.clone(), input.clone());
    let on_drop = Callback::from(move |event: DragEvent| {
        event.prevent_default();
        drag_done.emit(Input::DragActive(false));
        if let Some(files) = event.data_transfer().and_then(|d| d.files()) {
            open.emit((0..files.length()).filter_map(|i| files.get(i)).collect());
        }
    });
    let pending = session.pending().map(|span| AttrValue::from(panels::pending_summary(doc, span)));

    html! {
        <div class="shell" ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <TopBar title={AttrValue::from(title)} can_undo={editor.can_undo()} can_redo={editor.can_redo()}
                undo_key={AttrValue::from(keymap::key_label(&doc.schema, "undo"))}
                redo_key={AttrValue::from(keymap::key_label(&doc.schema, "redo"))}
                on_undo={send(|| Input::Key(Command::Undo))} on_redo={send(|| Input::Key(Command::Redo))}
                on_export={callbacks.export.clone()} on_open={callbacks.open.clone()}
                on_help={send(|| Input::Key(Command::ToggleHelp))}
                on_suggest={send(|| Input::Key(Command::Suggest))}
                suggest_key={AttrValue::from(keymap::key_label(&doc.schema, "suggest"))}
                article={article.clone()} on_article={callbacks.article.clone()}
                on_delete_article={callbacks.delete_article.clone()} />
            { match session.notice() {
                Some(notice) => html! {
                    <NoticeBar notice={notice.clone()} on_dismiss={send(|| Input::DismissNotice)}
                        on_action={input.reform(Input::NoticeAction)} />
                },
                None => html! { <div></div> },
            } }
            <main class="workspace">
                <div class="reading" ref={refs.reading.clone()}>
                    <ArticleView blocks={shown.blocks.clone()} node_ref={refs.article.clone()} on_mouse_up={callbacks.mouse_up.clone()}
                        on_suggestion={callbacks.select_suggestion.clone()} />
                    if session.pending().is_some() {
                        <FloatBar node_ref={refs.float_bar.clone()} can_link={selected.is_some()}
                            can_add_fragment={selected.is_some_and(|a| a.kind == AnnotationKind::Quote)}
                            keys={FloatKeys::of(doc)} on_command={callbacks.command.clone()} />
                    }
                </div>
                <aside class="side" aria-label="Annotation details">
                    <div class="tabs" role="tablist">
                        { tab_button(Tab::Details, "Details".to_owned()) }
                        { tab_button(Tab::Annotations, format!("Annotations ({})", doc.annotations.len())) }
                        { tab_button(Tab::Speakers, format!("Speakers ({})", doc.speakers.len())) }
                        { tab_button(Tab::Compare, "Compare".to_owned()) }
                    </div>
                    { side_panel(&shown.panel, session, callbacks, &EmptyHints::of(doc)) }
                </aside>
            </main>
            <StatusBar saved={session.saved().err().map(AttrValue::from)} annotations={doc.annotations.len()} speakers={doc.speakers.len()}
                pending={pending} snap_words={session.snap_words()}
                author={AttrValue::from(session.author().to_owned())} on_author={input.reform(Input::SetAuthor)} />
            if session.help_open() {
                <HelpSheet rows={keymap::help_rows(&doc.schema)} on_close={send(|| Input::Key(Command::ToggleHelp))} />
            }
            if session.dragging() {
                <div class="drop-hint">{ "Drop articles (.txt, .json, .jsonl) or Stancemark documents to add them to the project" }</div>
            }
        </div>
    }
}

fn side_panel(panel: &Panel, session: &Session, callbacks: &Callbacks, hints: &EmptyHints) -> Html {
    match panel {
        Panel::Details(Some(view)) => html! {
            <Details view={view.clone()} on_edit={callbacks.edit.clone()} on_new_target={callbacks.new_target.clone()}
                on_create_speaker_from_mention={callbacks.speaker_from_mention.clone()}
                on_create_speaker_named={callbacks.speaker_named.clone()} />
        },
        Panel::Suggestion(card) => match card.as_ref() {
            Some(card) => html! { <SuggestionCardView card={card.clone()} on_input={callbacks.input.clone()} /> },
            None => html! {},
        },
        Panel::Details(None) => html! {
            <p class="panel-section empty" data-testid="details-empty">{ &hints.details }</p>
        },
        Panel::Annotations(rows) => html! {
            <AnnotationList rows={rows.clone()} selected={session.selected().cloned()} on_select={callbacks.select.clone()}
                current_suggestion={session.suggested().current()} on_select_suggestion={callbacks.select_suggestion.clone()}
                empty_hint={AttrValue::from(hints.annotations.clone())} />
        },
        Panel::Compare(view) => html! {
            <ComparePanel view={view.clone()} on_input={callbacks.input.clone()} on_files={callbacks.compare_files.clone()} />
        },
        Panel::Speakers(rows) => html! {
            <SpeakersPanel rows={rows.clone()} on_edit={callbacks.edit.clone()} on_jump={callbacks.jump.clone()}
                empty_hint={AttrValue::from(hints.speakers.clone())} />
        },
    }
}
