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

use crate::glue::tab_lock::{self, Claim, Handlers, TabLock};
use crate::model::keys::ArticleMove;
use crate::model::schema::Schema;
use crate::view::corpus_page::StorageView;
use crate::view::session::Input;

use super::corpus_ctl::{CorpusAction, DeleteOutcome, OpenedProject};
use super::effects::send_after_paint;
use super::elsewhere::{self, Elsewhere};
use super::export_job::Files;
use super::listeners;
use super::running::Running;
use super::shell::{Callbacks, Refs};
use super::store::{self, Loaded, Started};

pub enum Msg {
    /// The database said what to open, for the start numbered so (see `App::opening`).
    Started(u64, Box<Started>),
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
    /// A project was deleted (or not), and the next one read.
    ProjectDeleted {
        id: String,
        name: String,
        articles: usize,
        outcome: DeleteOutcome,
    },
    /// Work moved from localStorage was read back (true: exactly as written).
    MigrationChecked(bool),
    Tab(TabMsg),
}

/// The lock that lets one tab at a time work on the database (`glue::tab_lock`).
pub enum TabMsg {
    /// The lock, taken by the start numbered so.
    Held(u64, TabLock),
    /// Another tab had the work when this one opened.
    Busy,
    /// "Use it here": ask the other tab to hand over.
    UseHere,
    /// Another tab asks for the work.
    ReleaseAsked,
    /// Another tab took the work without waiting: this one did not answer in time.
    Lost,
}

/// How long a tab asking for the work waits for the other tab to save and hand over before
/// it takes the work anyway; the other tab answers at once unless it is hung.
const HANDOVER_PATIENCE_MS: i32 = 3_000;

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
    /// Held while this tab works on the database; `None` without Web Locks or in another tab.
    tab_lock: Option<TabLock>,
    /// Another tab has the work: what this one shows instead.
    elsewhere: Option<Elsewhere>,
    /// The number of the start under way or made last: a start given up (another tab took the
    /// work while this one opened) reports under an older number and is dropped, lock and all.
    opening: u64,
}

/// Takes the tab lock, asking the tab that has it to hand over when `ask` (else finding it
/// busy), then opens the work from the database.
fn open_here(link: html::Scope<App>, ask: bool, opening: u64) {
    wasm_bindgen_futures::spawn_local(async move {
        let handlers = tab_handlers(&link);
        let claim = match ask {
            true => tab_lock::claim(store::DATABASE, &handlers, HANDOVER_PATIENCE_MS).await,
            false => tab_lock::try_hold(store::DATABASE, &handlers).await,
        };
        match claim {
            Claim::Busy => return link.send_message(Msg::Tab(TabMsg::Busy)),
            Claim::Held(lock) => link.send_message(Msg::Tab(TabMsg::Held(opening, lock))),
            Claim::Unsupported => {}
        }
        link.send_message(Msg::Started(opening, Box::new(store::start().await)));
    });
}

/// What the tab lock tells this tab, as messages.
fn tab_handlers(link: &html::Scope<App>) -> Handlers {
    let (asked, lost) = (link.clone(), link.clone());
    Handlers {
        release_asked: Rc::new(move || asked.send_message(Msg::Tab(TabMsg::ReleaseAsked))),
        lost: Rc::new(move || lost.send_message(Msg::Tab(TabMsg::Lost))),
    }
}

/// How often highlighting looks again whether a drag has ended.
const DRAG_RECHECK_MS: u32 = 100;

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        open_here(ctx.link().clone(), false, 0);
        let refs = Refs::default();
        App {
            callbacks: Callbacks::new(ctx.link(), &refs),
            refs,
            running: None,
            hotkey_schema: Rc::new(RefCell::new(Schema::default())),
            listeners: Vec::new(),
            highlighting: None,
            pointer_down: Rc::default(),
            tab_lock: None,
            elsewhere: None,
            opening: 0,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        if let Msg::Tab(tab) = msg {
            return self.tab(ctx, tab);
        }
        let Some(running) = &mut self.running else {
            // A start given up reports too late: dropping it closes its connection.
            if let Msg::Started(opening, started) = msg {
                if opening != self.opening {
                    return false;
                }
                let running = Running::new(*started, ctx.link().clone());
                *self.hotkey_schema.borrow_mut() = running.editor.document().schema.clone();
                self.running = Some(running);
                self.elsewhere = None;
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

    fn view(&self, ctx: &Context<Self>) -> Html {
        match (&self.running, self.elsewhere) {
            (_, Some(elsewhere)) => elsewhere::view(elsewhere, ctx.link().callback(|_| Msg::Tab(TabMsg::UseHere))),
            (Some(running), None) => running.view(&self.refs, &self.callbacks),
            (None, None) => html! { <div class="opening" aria-busy="true">{ "Opening your work…" }</div> },
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
    fn tab(&mut self, ctx: &Context<Self>, tab: TabMsg) -> bool {
        match tab {
            // Held for a start given up since: dropping it lets the lock go.
            TabMsg::Held(opening, _) if opening != self.opening => false,
            TabMsg::Held(_, lock) => {
                self.tab_lock = Some(lock);
                false
            }
            TabMsg::Busy => {
                self.elsewhere = Some(Elsewhere::Busy);
                true
            }
            TabMsg::UseHere => {
                if self.elsewhere == Some(Elsewhere::Claiming) {
                    return false;
                }
                self.elsewhere = Some(Elsewhere::Claiming);
                self.opening += 1;
                open_here(ctx.link().clone(), true, self.opening);
                true
            }
            // Only the tab holding the lock hears the channel.
            TabMsg::ReleaseAsked if self.tab_lock.is_none() => false,
            TabMsg::ReleaseAsked => {
                if let Some(running) = &mut self.running {
                    running.flush();
                }
                self.hand_over(Elsewhere::HandedOver);
                true
            }
            TabMsg::Lost => {
                // Another tab works on the database now: nothing more may be written from here.
                drop(self.tab_lock.take());
                if let Some(db) = self.running.take().and_then(|running| running.saver.db().cloned()) {
                    db.close();
                }
                // A start still under way has written nothing yet: it is given up.
                self.opening += 1;
                self.highlighting = None;
                self.elsewhere = Some(Elsewhere::TakenAway);
                true
            }
        }
    }

    /// Lets another tab have the work: this tab's app goes, its database connection closes, and
    /// then the lock is let go. The saves just made are started in this turn's microtasks, so
    /// waiting one task before closing means each of them has its transaction, and the other
    /// tab, which reads only once it has the lock, reads after them.
    fn hand_over(&mut self, shown: Elsewhere) {
        let db = self.running.take().and_then(|running| running.saver.db().cloned());
        let lock = self.tab_lock.take();
        // A start still under way (asked while opening) has written nothing yet: it is given up.
        self.opening += 1;
        self.highlighting = None;
        self.elsewhere = Some(shown);
        gloo::timers::callback::Timeout::new(0, move || {
            if let Some(db) = db {
                db.close();
            }
            drop(lock);
        })
        .forget();
    }

    /// Highlights the next chunk after the next frame is painted (and `delay_ms` more), so
    /// each chunk's work falls between frames.
    fn schedule_highlighting(&mut self, ctx: &Context<Self>, delay_ms: u32) {
        if self.highlighting.is_none() {
            self.highlighting = Some(send_after_paint(ctx.link(), delay_ms, || Msg::HighlightMore));
        }
    }
}
