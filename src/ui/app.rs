//! The root component. It owns the model's `Editor` and the pure `Session`; every event
//! becomes a session `Input`, and the effects the session returns are carried out by the
//! `EffectRunner`. Besides those it keeps node refs, listeners, the view cache and the timer
//! that highlights a long article's blocks chunk by chunk.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::render::AnimationFrame;
use yew::prelude::*;

use crate::model::history::Editor;
use crate::model::schema::Schema;
use crate::view::session::{Input, Session};
use crate::view::views::{Shown, Views};

use super::effects::{send_after_paint, EffectRunner};
use super::listeners;
use super::persistence;
use super::shell::{self, Callbacks, Page, Refs};

pub enum Msg {
    Input(Input),
    /// Start reading a picked or dropped file; it comes back as `Input::FileRead`.
    Open(web_sys::File),
    /// The scheduled save's moment came (the change is painted), or the page is closing.
    Save,
    /// The person paused: fold the save journal into the base.
    Compact,
    /// Highlight the next blocks of an article that opened with its first screen highlighted.
    HighlightMore,
}

pub struct App {
    editor: Editor,
    session: Session,
    views: Views,
    shown: Shown,
    refs: Refs,
    effects: EffectRunner,
    /// The schema the keydown listener maps keys with, shared with it.
    hotkey_schema: Rc<RefCell<Schema>>,
    listeners: Vec<EventListener>,
    /// The next chunk of blocks to highlight: after the next frame, or later while a drag is on.
    highlighting: Option<AnimationFrame>,
    /// A mouse button is down: highlighting more blocks waits, since re-rendering a block's
    /// text under a drag in progress would move the selection's ends.
    pointer_down: Rc<Cell<bool>>,
    callbacks: Callbacks,
}

/// Blocks highlighted per chunk while an article opens: a few frames' work each.
const HIGHLIGHT_CHUNK: usize = 48;
/// How often highlighting looks again whether a drag has ended.
const DRAG_RECHECK_MS: u32 = 100;

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let restored = persistence::restore();
        let editor = Editor::new(restored.document);
        let author = crate::glue::storage::load_author().unwrap_or_else(|| "annotator".to_owned());
        let notice = restored.problem.map(crate::view::notice::Notice::error);
        let session = Session::new(author, notice, crate::glue::clock::now_rfc3339);
        let mut views = Views::default();
        let shown = views.refresh(&editor, &session);
        let refs = Refs::default();
        App {
            hotkey_schema: Rc::new(RefCell::new(editor.document().schema.clone())),
            callbacks: Callbacks::new(ctx.link(), &refs),
            editor,
            session,
            views,
            shown,
            refs,
            effects: EffectRunner::new(ctx.link().clone(), restored.journal),
            listeners: Vec::new(),
            highlighting: None,
            pointer_down: Rc::default(),
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let input = match msg {
            Msg::Input(input) => input,
            Msg::Open(file) => {
                self.effects.read_file(file);
                return false;
            }
            Msg::Save => match self.effects.save(&mut self.editor) {
                Some(result) => Input::Saved(result),
                None => return false,
            },
            Msg::Compact => Input::Saved(self.effects.compact(&mut self.editor)),
            Msg::HighlightMore => {
                self.highlighting = None;
                if self.pointer_down.get() {
                    self.schedule_highlighting(ctx, DRAG_RECHECK_MS);
                    return false;
                }
                self.views.highlight_more(&self.editor, HIGHLIGHT_CHUNK);
                self.shown = self.views.refresh(&self.editor, &self.session);
                return true;
            }
        };
        if matches!(input, Input::FileRead { .. }) {
            self.effects.file_read();
        }
        let (revision, looks) = (self.editor.revision(), self.session.looks());
        let effects = self.session.run(&mut self.editor, input);
        let edited = self.editor.revision() != revision;
        if edited && *self.hotkey_schema.borrow() != self.editor.document().schema {
            *self.hotkey_schema.borrow_mut() = self.editor.document().schema.clone();
        }
        self.effects.carry_out(effects);
        let changed = edited || self.session.looks() != looks;
        if changed {
            self.shown = self.views.refresh(&self.editor, &self.session);
        }
        changed
    }

    fn view(&self, _ctx: &Context<Self>) -> Html {
        shell::render(&Page {
            editor: &self.editor,
            session: &self.session,
            shown: &self.shown,
            refs: &self.refs,
            callbacks: &self.callbacks,
        })
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render {
            self.listeners = listeners::listen(ctx.link(), self.hotkey_schema.clone(), &self.pointer_down);
            // Read by benches/browser.rs: navigation start to an article that takes input.
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark("stancemark-interactive");
            }
        }
        self.refs.place_float_bar();
        self.effects.after_render();
        if self.views.partly_highlighted(&self.editor) {
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
