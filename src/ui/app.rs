//! The root component. Until the database has said which project and article to open, it
//! shows that it is opening; then it owns a [`Running`] app: the open article's `Editor`, the
//! pure `Session`, the project's `Workspace` and the corpus page. Every event becomes a message
//! that `Running` handles; the component keeps what lives as long as the page: node refs,
//! callbacks, page-wide listeners and the timer that highlights a long article chunk by chunk.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::render::AnimationFrame;
use yew::prelude::*;

use crate::model::keys::ArticleMove;
use crate::model::schema::Schema;
use crate::view::corpus_page::StorageView;
use crate::view::session::Input;

use super::corpus_ctl::{CorpusAction, OpenedProject};
use super::effects::send_after_paint;
use super::export_job::Files;
use super::listeners;
use super::running::Running;
use super::shell::{Callbacks, Refs};
use super::store::{self, Loaded, Started};

pub enum Msg {
    /// The database said what to open.
    Started(Box<Started>),
    Input(Input),
    /// Files picked with Open… or dropped on the page: added to the project, the first opened.
    Open(Vec<web_sys::File>),
    /// Other annotators' files picked in the Compare tab: read, then compared.
    CompareFiles(Vec<web_sys::File>),
    /// The scheduled save's moment came (the change is painted), or the page is closing.
    Save,
    /// The person paused: fold the open article's journal into its base.
    Compact,
    /// A write finished, for this article ("" for the project's record).
    Stored {
        article: String,
        result: Result<(), String>,
    },
    /// Highlight the next blocks of an article that opened with its first screen highlighted.
    HighlightMore,
    /// An article key, or the corpus page's request to open an article.
    Article(ArticleMove),
    OpenArticle(String),
    ArticleLoaded {
        id: String,
        result: Result<Loaded, String>,
    },
    Corpus(CorpusAction),
    /// Bytes read so far of import `job`'s file `index`; then the whole file, or why it could
    /// not be read.
    ImportReading {
        job: u64,
        index: usize,
        read: usize,
    },
    ImportRead {
        job: u64,
        index: usize,
        file: (String, Result<Vec<u8>, String>),
    },
    ImportCheck,
    /// Articles written so far by an import, or how many were written when it stopped, and why.
    ImportWritten(Result<usize, (usize, String)>),
    ExportProgress(usize, usize),
    /// A batch of "Suggest in new articles", to write.
    Preannotated(Box<super::preannotation_job::Batch>),
    PreannotationStopped {
        job: u64,
        error: String,
    },
    /// A pre-annotated article was written: its new row joins the list.
    PreannotationWritten(crate::corpus::summary::ArticleSummary),
    ExportDone(Result<(Files, usize), String>),
    Storage(StorageView),
    /// The project switcher's project, read from the database.
    ProjectOpened(Result<Box<OpenedProject>, String>),
    /// Work moved from localStorage was read back (true: exactly as written).
    MigrationChecked(bool),
}

pub struct App {
    running: Option<Running>,
    refs: Refs,
    callbacks: Callbacks,
    /// The schema the keydown listener maps keys with, shared with it.
    hotkey_schema: Rc<RefCell<Schema>>,
    listeners: Vec<EventListener>,
    /// The next chunk of blocks to highlight: after the next frame, or later while a drag is on.
    highlighting: Option<AnimationFrame>,
    /// A mouse button is down: highlighting more blocks waits, since re-rendering a block's
    /// text under a drag in progress would move the selection's ends.
    pointer_down: Rc<Cell<bool>>,
}

/// How often highlighting looks again whether a drag has ended.
const DRAG_RECHECK_MS: u32 = 100;

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            link.send_message(Msg::Started(Box::new(store::start().await)));
        });
        let refs = Refs::default();
        App {
            callbacks: Callbacks::new(ctx.link(), &refs),
            refs,
            running: None,
            hotkey_schema: Rc::new(RefCell::new(Schema::default())),
            listeners: Vec::new(),
            highlighting: None,
            pointer_down: Rc::default(),
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let Some(running) = &mut self.running else {
            if let Msg::Started(started) = msg {
                let running = Running::new(*started, ctx.link().clone());
                *self.hotkey_schema.borrow_mut() = running.editor.document().schema.clone();
                self.running = Some(running);
                return true;
            }
            return false;
        };
        if let Msg::HighlightMore = msg {
            self.highlighting = None;
            if self.pointer_down.get() {
                self.schedule_highlighting(ctx, DRAG_RECHECK_MS);
                return false;
            }
        }
        let render = running.update(msg);
        let schema = &running.editor.document().schema;
        if *self.hotkey_schema.borrow() != *schema {
            *self.hotkey_schema.borrow_mut() = schema.clone();
        }
        render
    }

    fn view(&self, _ctx: &Context<Self>) -> Html {
        match &self.running {
            Some(running) => running.view(&self.refs, &self.callbacks),
            None => html! { <div class="opening" aria-busy="true">{ "Opening your work…" }</div> },
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render {
            self.listeners = listeners::listen(ctx.link(), self.hotkey_schema.clone(), &self.pointer_down);
        }
        let Some(running) = &mut self.running else { return };
        if running.take_first_paint() {
            // Read by benches/browser.rs: navigation start to an article that takes input.
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark("stancemark-interactive");
            }
        }
        self.refs.place_float_bar();
        running.effects.after_render();
        if running.partly_highlighted() {
            self.schedule_highlighting(ctx, 0);
        }
    }
}

impl App {
    /// Highlights the next chunk after the next frame is painted (and `delay_ms` more), so
    /// each chunk's work falls between frames.
    fn schedule_highlighting(&mut self, ctx: &Context<Self>, delay_ms: u32) {
        if self.highlighting.is_none() {
            self.highlighting = Some(send_after_paint(ctx.link(), delay_ms, || Msg::HighlightMore));
        }
    }
}
