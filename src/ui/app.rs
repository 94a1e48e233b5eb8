//! The root component: owns the model's `Editor` (document plus undo history) and what the
//! reader is doing (selection, pending span, caret). Events become [`Msg`]s; model changes go
//! through `Editor::apply`, and after each one the work is saved and the view models rebuilt.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::file::callbacks::FileReader;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::action::Action;
use crate::model::annotation::AnnotationId;
use crate::model::document::Document;
use crate::model::history::Editor;
use crate::model::schema::Schema;
use crate::model::speaker::SpeakerId;
use crate::view::caret::KeySelection;
use crate::view::keymap::{self, Command, KeyPress};
use crate::view::segments::{self, BlockView, Focus};

use super::article_view::ArticleView;
use super::details::Details;
use super::float_bar::{FloatBar, FloatKeys};
use super::help::HelpSheet;
use super::list::AnnotationList;
use super::notice::{Notice, NoticeAction, NoticeBar};
use super::persistence;
use super::speakers::SpeakersPanel;
use super::statusbar::StatusBar;
use super::topbar::{Export, TopBar};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Details,
    Annotations,
    Speakers,
}

pub enum Msg {
    Command(Command),
    /// The mouse was released over the article: the browser's selection may be new, or it
    /// was a click on the highlight of this annotation.
    MouseUp(Option<AnnotationId>),
    Select(Option<AnnotationId>),
    Edit(Action),
    NewSpeakerFromMention,
    NewSpeakerNamed(String),
    JumpToSpeaker(SpeakerId),
    Export(Export),
    Copied(Result<(), String>),
    Open(web_sys::File),
    Opened { name: String, bytes: Result<Vec<u8>, String> },
    DragActive(bool),
    NoticeAction(NoticeAction),
    DismissNotice,
    SetTab(Tab),
    SetAuthor(String),
    /// Write the document to the browser's storage (scheduled right after each change).
    Save,
}

pub struct App {
    pub(super) editor: Editor,
    /// A shared snapshot of the document for the side panel; rebuilt after each change.
    pub(super) doc: Rc<Document>,
    pub(super) blocks: Rc<Vec<BlockView>>,
    pub(super) focus: Focus,
    pub(super) key_selection: Option<KeySelection>,
    pub(super) snap_words: bool,
    pub(super) notice: Option<Notice>,
    pub(super) saved: Result<(), String>,
    pub(super) help_open: bool,
    /// Who is annotating: stored with each annotation, so datasets can be audited per person.
    pub(super) author: String,
    pub(super) tab: Tab,
    pub(super) dragging: bool,
    /// The document before the last file was opened, so opening the wrong file is undoable.
    pub(super) previous: Option<Document>,
    /// Scroll the selected annotation into view after the next render.
    pub(super) scroll_to_selected: bool,
    /// The editor revision and focus the current views were built for.
    views_key: Option<(u64, Focus)>,
    /// Focus this element id after the next render (a hotkey asked for a field).
    pub(super) focus_request: Option<&'static str>,
    pub(super) article_ref: NodeRef,
    pub(super) float_ref: NodeRef,
    pub(super) reading_ref: NodeRef,
    /// The schema the keydown listener maps keys with, shared with it.
    hotkey_schema: Rc<RefCell<Schema>>,
    reader: Option<FileReader>,
    /// A save waiting for the current frame to paint; at most one at a time.
    save_scheduled: Option<gloo::timers::callback::Timeout>,
    link: html::Scope<App>,
    listeners: Vec<EventListener>,
    callbacks: Callbacks,
}

/// Callbacks created once, so the memoised children see equal props and skip re-rendering.
struct Callbacks {
    mouse_up: Callback<Option<AnnotationId>>,
    select: Callback<AnnotationId>,
    command: Callback<Command>,
    edit: Callback<Action>,
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let link = ctx.link();
        let restored = persistence::restore();
        let editor = Editor::new(restored.document);
        let callbacks = Callbacks {
            mouse_up: link.callback(Msg::MouseUp),
            select: link.callback(|id| Msg::Select(Some(id))),
            command: link.callback(Msg::Command),
            edit: link.callback(Msg::Edit),
        };
        let mut app = App {
            doc: Rc::new(editor.document().clone()),
            editor,
            blocks: Rc::default(),
            focus: Focus::default(),
            key_selection: None,
            snap_words: true,
            notice: restored.problem.map(Notice::error),
            saved: Ok(()),
            help_open: false,
            author: crate::glue::storage::load_author().unwrap_or_else(|| "annotator".to_owned()),
            tab: Tab::Annotations,
            dragging: false,
            previous: None,
            scroll_to_selected: false,
            views_key: None,
            focus_request: None,
            article_ref: NodeRef::default(),
            float_ref: NodeRef::default(),
            reading_ref: NodeRef::default(),
            hotkey_schema: Rc::default(),
            reader: None,
            save_scheduled: None,
            link: ctx.link().clone(),
            listeners: Vec::new(),
            callbacks,
        };
        *app.hotkey_schema.borrow_mut() = app.doc.schema.clone();
        app.sync_views();
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let render = self.handle(ctx, msg);
        if render {
            self.sync_views();
        }
        render
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let doc = &self.doc;
        let selected = self.focus.selected.as_ref().and_then(|id| doc.annotation(id)).cloned();
        let title = doc.article.title.clone().unwrap_or_else(|| "Untitled article".to_owned());
        let pending_text = self.focus.pending.map(|span| {
            let text = doc.span_text(span);
            let short: String = text.chars().take(48).collect();
            let more = if text.chars().count() > 48 { "…" } else { "" };
            AttrValue::from(format!("“{short}{more}” ({}–{})", span.start, span.end))
        });
        let key = |name: &str| doc.schema.hotkeys.get(name).cloned().unwrap_or_default();
        let float_keys = FloatKeys {
            quote: key("quote"),
            claim: key("claim"),
            cue: key("cue"),
            source: key("source_mention"),
            fragment: key("add_fragment"),
        };
        let tab_button = |tab: Tab, label: String| {
            html! {
                <button role="tab" aria-selected={(self.tab == tab).to_string()} onclick={link.callback(move |_: MouseEvent| Msg::SetTab(tab))}>
                    { label }
                </button>
            }
        };
        let on_drag_over = link.callback(|event: DragEvent| {
            event.prevent_default();
            Msg::DragActive(true)
        });
        let on_drag_leave = link.callback(|event: DragEvent| {
            // Leaving for a child element is not leaving the page.
            let left_window = event.related_target().is_none();
            Msg::DragActive(!left_window)
        });
        let on_drop = link.batch_callback(|event: DragEvent| {
            event.prevent_default();
            let file = event.data_transfer().and_then(|d| d.files()).and_then(|files| files.get(0));
            let mut messages = vec![Msg::DragActive(false)];
            messages.extend(file.map(Msg::Open));
            messages
        });

        html! {
            <div class="shell" ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <TopBar title={AttrValue::from(title)}
                    can_undo={self.editor.can_undo()} can_redo={self.editor.can_redo()}
                    on_undo={link.callback(|()| Msg::Command(Command::Undo))}
                    on_redo={link.callback(|()| Msg::Command(Command::Redo))}
                    on_export={link.callback(Msg::Export)}
                    on_open={link.callback(Msg::Open)}
                    on_help={link.callback(|()| Msg::Command(Command::ToggleHelp))} />
                { match &self.notice {
                    Some(notice) => html! {
                        <NoticeBar notice={notice.clone()} on_dismiss={link.callback(|()| Msg::DismissNotice)}
                            on_action={link.callback(Msg::NoticeAction)} />
                    },
                    None => html! { <div></div> },
                } }
                <main class="workspace">
                    <div class="reading" ref={self.reading_ref.clone()}>
                        <ArticleView blocks={self.blocks.clone()} node_ref={self.article_ref.clone()}
                            on_mouse_up={self.callbacks.mouse_up.clone()} />
                        if self.focus.pending.is_some() {
                            <FloatBar node_ref={self.float_ref.clone()} can_link={selected.is_some()}
                                can_add_fragment={selected.as_ref().is_some_and(|a| a.kind == crate::model::annotation::AnnotationKind::Quote)}
                                keys={float_keys} on_command={self.callbacks.command.clone()} />
                        }
                    </div>
                    <aside class="side" aria-label="Annotation details">
                        <div class="tabs" role="tablist">
                            { tab_button(Tab::Details, "Details".to_owned()) }
                            { tab_button(Tab::Annotations, format!("Annotations ({})", doc.annotations.len())) }
                            { tab_button(Tab::Speakers, format!("Speakers ({})", doc.speakers.len())) }
                        </div>
                        { self.side_panel(ctx, selected) }
                    </aside>
                </main>
                <StatusBar saved={self.saved.clone()} annotations={doc.annotations.len()} speakers={doc.speakers.len()}
                    pending={pending_text} snap_words={self.snap_words}
                    author={AttrValue::from(self.author.clone())} on_author={link.callback(Msg::SetAuthor)} />
                if self.help_open {
                    <HelpSheet rows={keymap::help_rows(&doc.schema)} on_close={link.callback(|()| Msg::Command(Command::ToggleHelp))} />
                }
                if self.dragging {
                    <div class="drop-hint">{ "Drop a Stancemark JSON to resume it, or an article to start on it" }</div>
                }
            </div>
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render {
            self.listen_for_keys(ctx);
            // Read by benches/browser.rs: navigation start to an article that takes input.
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark("stancemark-interactive");
            }
        }
        self.place_float_bar();
        if std::mem::take(&mut self.scroll_to_selected) {
            scroll_into_view(".seg.selected");
        }
        if let Some(id) = self.focus_request.take() {
            if let Some(element) = gloo::utils::document().get_element_by_id(id) {
                let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    }
}

impl App {
    /// Handles one message; true when the page must re-render.
    fn handle(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Command(command) => self.run_command(command),
            Msg::MouseUp(clicked) => self.take_dom_selection(clicked),
            Msg::Select(id) => {
                self.select(id);
                self.tab = Tab::Details;
            }
            Msg::Edit(action) => {
                self.apply(action);
            }
            Msg::NewSpeakerFromMention => self.new_speaker_from_mention(),
            Msg::NewSpeakerNamed(name) => self.new_speaker_named(name),
            Msg::JumpToSpeaker(speaker) => self.jump_to_speaker(&speaker),
            Msg::Export(kind) => self.export(ctx, kind),
            Msg::Copied(result) => {
                self.notice = Some(match result {
                    Ok(()) => Notice::info("The document JSON is on the clipboard."),
                    Err(why) => Notice::error(format!("Could not copy to the clipboard: {why}. Use Export JSON instead.")),
                });
            }
            Msg::Open(file) => {
                let done = ctx.link().callback(|(name, bytes)| Msg::Opened { name, bytes });
                self.reader = Some(super::loading::read_file(file, done));
                return false;
            }
            Msg::Opened { name, bytes } => {
                self.reader = None;
                self.open_file(&name, bytes);
            }
            Msg::DragActive(active) => {
                if self.dragging == active {
                    return false;
                }
                self.dragging = active;
            }
            Msg::NoticeAction(NoticeAction::RestorePrevious) => self.restore_previous(),
            Msg::DismissNotice => self.notice = None,
            Msg::SetTab(tab) => self.tab = tab,
            Msg::Save => {
                // Only a scheduled save writes: the page closing with nothing pending
                // must not overwrite what another tab saved since.
                if self.save_scheduled.take().is_none() {
                    return false;
                }
                let saved = persistence::save(&self.doc).map_err(|error| error.to_string());
                let changed = saved != self.saved;
                self.saved = saved;
                return changed;
            }
            Msg::SetAuthor(name) => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return true;
                }
                if let Err(error) = crate::glue::storage::save_author(&name) {
                    self.notice = Some(Notice::error(format!("Your name is kept for this tab only: {error}.")));
                }
                self.author = name;
            }
        }
        true
    }

    fn side_panel(&self, ctx: &Context<Self>, selected: Option<crate::model::annotation::Annotation>) -> Html {
        let link = ctx.link();
        match self.tab {
            Tab::Details => match selected {
                Some(annotation) => html! {
                    <Details doc={self.doc.clone()} annotation={annotation} on_edit={self.callbacks.edit.clone()}
                        on_create_speaker_from_mention={link.callback(|()| Msg::NewSpeakerFromMention)}
                        on_create_speaker_named={link.callback(Msg::NewSpeakerNamed)} />
                },
                None => html! {
                    <p class="panel-section empty" data-testid="details-empty">
                        { "Nothing selected. Click a highlight, or press J for the first annotation. Select text and press Q or C to add one; ? lists every key." }
                    </p>
                },
            },
            Tab::Annotations => html! {
                <AnnotationList doc={self.doc.clone()} selected={self.focus.selected.clone()}
                    on_select={self.callbacks.select.clone()} />
            },
            Tab::Speakers => html! {
                <SpeakersPanel doc={self.doc.clone()} on_edit={self.callbacks.edit.clone()}
                    on_jump={link.callback(Msg::JumpToSpeaker)} />
            },
        }
    }

    /// Rebuilds what is derived from the document and the focus, once per update and only
    /// when either changed: the highlight runs of a long article are the costliest part.
    fn sync_views(&mut self) {
        let key = (self.editor.revision(), self.focus.clone());
        if self.views_key.as_ref() == Some(&key) {
            return;
        }
        let doc = self.editor.document();
        self.blocks = Rc::new(segments::block_views(doc, &self.focus));
        self.views_key = Some(key);
    }

    /// Takes a fresh snapshot of the document after it changed and schedules its save (views
    /// follow at the end of the update, in `sync_views`). The save runs in a zero-delay timer, so the change is painted first
    /// and written a few milliseconds later; closing the page flushes it (`pagehide`).
    pub(super) fn document_changed(&mut self) {
        self.doc = Rc::new(self.editor.document().clone());
        if *self.hotkey_schema.borrow() != self.doc.schema {
            *self.hotkey_schema.borrow_mut() = self.doc.schema.clone();
        }
        if self.save_scheduled.is_none() {
            let link = self.link.clone();
            self.save_scheduled = Some(gloo::timers::callback::Timeout::new(0, move || link.send_message(Msg::Save)));
        }
        if let Some(id) = &self.focus.selected {
            if self.doc.annotation(id).is_none() {
                self.focus.selected = None;
            }
        }
    }

    /// Applies a model action; a refusal is shown and changes nothing.
    pub(super) fn apply(&mut self, action: Action) -> Option<crate::model::action::Outcome> {
        match self.editor.apply(action) {
            Ok(outcome) => {
                self.document_changed();
                Some(outcome)
            }
            Err(refusal) => {
                self.notice = Some(Notice::error(refusal.to_string()));
                None
            }
        }
    }

    /// Hotkeys work anywhere on the page. The listener reads the schema the app shares with it,
    /// so a document with its own hotkeys takes effect at once.
    fn listen_for_keys(&mut self, ctx: &Context<Self>) {
        let on_command = ctx.link().callback(Msg::Command);
        let schema = self.hotkey_schema.clone();
        let listener = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
            let event: &web_sys::KeyboardEvent = event.unchecked_ref();
            if let Some(command) = keymap::command_for(&key_press(event), &schema.borrow()) {
                event.prevent_default();
                on_command.emit(command);
            }
        });
        self.listeners.push(listener);
        // A save still waiting when the tab closes or reloads is written now.
        let link = ctx.link().clone();
        let flush = EventListener::new(&gloo::utils::window(), "pagehide", move |_| link.send_message(Msg::Save));
        self.listeners.push(flush);
    }
}

fn key_press(event: &web_sys::KeyboardEvent) -> KeyPress {
    let in_field = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|element| {
        matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || element.closest("[contenteditable=true]").ok().flatten().is_some()
    });
    KeyPress { key: event.key(), ctrl: event.ctrl_key() || event.meta_key(), shift: event.shift_key(), alt: event.alt_key(), in_field }
}

fn scroll_into_view(selector: &str) {
    if let Ok(Some(element)) = gloo::utils::document().query_selector(selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
