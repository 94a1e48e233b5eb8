//! What the reader is doing, beside the document: the selection and caret, the selected
//! annotation, the side panel's tab, the help sheet, the notice, snapping, the document before
//! the last file was opened. Pure, in the spirit of Yew's `function_todomvc` `state.rs`: an
//! [`Input`] goes in through [`Session::run`] with the [`Editor`], and [`Effect`]s come out as
//! data for the component to carry out (save, scroll, focus, download, copy).
//!
//! Two rules hold by construction, in `run`: every input that changes the document yields
//! [`Effect::Save`], and a selected annotation that no longer exists is forgotten. The views
//! are keyed on the editor's revision and [`Session::focus`], so they follow on their own.

mod comparing;
mod editing;
mod selection;
mod suggesting;
mod transfer;

use crate::model::action::{Action, Outcome};
use crate::model::annotation::{AnnotationId, AnnotationKind};
use crate::model::history::Editor;
use crate::model::keys::ArticleMove;
use crate::model::schema::Schema;
use crate::model::speaker::SpeakerId;
use crate::model::text::Span;
use crate::view::caret::KeySelection;
use crate::view::compare::Compare;
use crate::view::keymap::{key_label, Command};
use crate::view::notice::{Notice, NoticeAction};
use crate::view::segments::Focus;
use crate::view::suggested::{SpeakerChoice, Suggested};

pub use comparing::CompareInput;
pub use suggesting::{reject_key, ACCEPT_ALL_THRESHOLD};

pub use transfer::ExportKind;

/// The side panel's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Details,
    Annotations,
    Speakers,
    /// Other annotators' versions: figures, disagreements, adjudication.
    Compare,
}

/// Where a mouse release left the browser's selection in the article, already converted to
/// code points by the DOM glue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MouseSelection {
    /// Text was selected: the raw range, before snapping.
    Range(Span),
    /// A click: the caret is here.
    Caret(usize),
    /// The selection is not in the article.
    Outside,
}

/// Everything the person (or the browser, on their behalf) can ask of the session.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Key(Command),
    /// The mouse was released over the article, on the highlight of `clicked` if any.
    MouseUp {
        selection: MouseSelection,
        clicked: Option<AnnotationId>,
    },
    /// An annotation was chosen in the list.
    Select(AnnotationId),
    /// A form control in a panel asks for a model action.
    Edit(Action),
    NewSpeakerFromMention,
    NewSpeakerNamed(String),
    /// A new stance target typed in the details panel, chosen for the selected annotation.
    NewTarget(String),
    /// A ghost was clicked, or a suggestion chosen in the list: it becomes current.
    SelectSuggestion(usize),
    /// The buttons of the current suggestion's card (`None`: the current one).
    AcceptSuggestion(Option<usize>),
    RejectSuggestion(Option<usize>),
    /// Accept every open suggestion at least this sure, in one undo step.
    AcceptAllSuggestions(f32),
    /// The person picked another speaker for a suggestion before accepting it.
    ChooseSuggestionSpeaker(usize, SpeakerChoice),
    HideSuggestions,
    Compare(CompareInput),
    /// Select the next annotation of this speaker after the current selection.
    JumpToSpeaker(SpeakerId),
    Export(ExportKind),
    /// Another article of the project is open now: nothing selected in the last one applies.
    ArticleOpened,
    /// Something the app must tell the person (an import's outcome, the end of the work).
    Notify(Notice),
    NoticeAction(NoticeAction),
    DismissNotice,
    SetTab(Tab),
    SetAuthor(String),
    DragActive(bool),
    /// What became of an effect the component carried out.
    Saved(Result<(), String>),
    Copied(Result<(), String>),
    DownloadRefused,
    AuthorNotStored(String),
}

/// What the component must do for the session, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Write the document to the browser's storage, after the change is painted.
    Save,
    /// Scroll the selected annotation's highlight into view, after the next render.
    ScrollToSelected,
    /// Focus the element with this id, after the next render.
    FocusField(&'static str),
    /// The browser's selection was taken into the session: clear it so only ours shows.
    ClearBrowserSelection,
    Download {
        file_name: String,
        mime: &'static str,
        contents: String,
    },
    CopyToClipboard(String),
    /// Remember the annotator's name for the next visit.
    StoreAuthor(String),
    /// Go to another article of the project, or to its list.
    Article(ArticleMove),
}

/// Everything the page shows of the session: when an input leaves it and the document's revision
/// unchanged (a save that succeeded again, another `dragover`), the page need not render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Looks {
    focus: Focus,
    tab: Tab,
    help_open: bool,
    notice: Option<Notice>,
    snap_words: bool,
    author: String,
    saved: Result<(), String>,
    dragging: bool,
    suggestions: u64,
    compare: u64,
}

/// The session. Read it through its getters; change it only through [`Session::run`].
pub struct Session {
    /// The one selection: a pending span when anchor and head differ, the caret at the head.
    selection: Option<KeySelection>,
    selected: Option<AnnotationId>,
    tab: Tab,
    help_open: bool,
    notice: Option<Notice>,
    snap_words: bool,
    /// Who is annotating: stored with each annotation, so datasets can be audited per person.
    author: String,
    saved: Result<(), String>,
    dragging: bool,
    /// The suggester's findings on this article, and which one is current.
    suggested: Suggested,
    /// Other annotators' files, when opened in the Compare tab.
    compare: Compare,
    /// The time now, RFC 3339: the browser's clock in the app, a fixed one in tests.
    clock: fn() -> String,
}

impl Session {
    pub fn new(author: String, notice: Option<Notice>, clock: fn() -> String) -> Session {
        Session {
            selection: None,
            selected: None,
            tab: Tab::Annotations,
            help_open: false,
            notice,
            snap_words: true,
            author,
            saved: Ok(()),
            dragging: false,
            suggested: Suggested::default(),
            compare: Compare::default(),
            clock,
        }
    }

    /// Carries out one input. See the module documentation for what always holds after it.
    pub fn run(&mut self, editor: &mut Editor, input: Input) -> Vec<Effect> {
        let revision = editor.revision();
        let selected = self.selected.clone();
        let mut effects = Vec::new();
        self.dispatch(editor, input, &mut effects);
        // An annotation selected now takes over from the current suggestion (one thing is current).
        if self.selected.is_some() && self.selected != selected {
            self.suggested.deselect();
        }
        if editor.revision() != revision {
            if self.selected.as_ref().is_some_and(|id| editor.document().annotation(id).is_none()) {
                self.selected = None;
            }
            self.suggested.sync(editor.document());
            effects.push(Effect::Save);
        }
        effects
    }

    fn dispatch(&mut self, editor: &mut Editor, input: Input, effects: &mut Vec<Effect>) {
        match input {
            Input::Key(command) => self.command(editor, command, effects),
            Input::MouseUp { selection, clicked } => self.mouse_up(editor.document(), selection, clicked, effects),
            Input::Select(id) => {
                self.selected = Some(id);
                self.tab = Tab::Details;
            }
            Input::SelectSuggestion(index) => self.select_suggestion(index, effects),
            Input::AcceptSuggestion(index) => self.accept_suggestion(editor, index, effects),
            Input::RejectSuggestion(index) => self.reject_suggestion(editor, index, effects),
            Input::AcceptAllSuggestions(threshold) => self.accept_all_suggestions(editor, threshold),
            Input::ChooseSuggestionSpeaker(index, choice) => self.choose_suggestion_speaker(index, choice),
            Input::HideSuggestions => self.hide_suggestions(),
            Input::Compare(input) => self.compare_input(editor, input, effects),
            Input::Edit(action) => {
                self.apply(editor, action);
            }
            Input::NewSpeakerFromMention => self.new_speaker_from_mention(editor),
            Input::NewSpeakerNamed(name) => self.new_speaker_named(editor, name),
            Input::NewTarget(label) => self.new_target(editor, &label),
            Input::JumpToSpeaker(speaker) => self.jump_to_speaker(editor.document(), &speaker, effects),
            Input::Export(kind) => effects.push(self.export(editor.document(), kind)),
            Input::ArticleOpened => {
                self.selection = None;
                self.selected = None;
                self.notice = None;
                self.suggested.clear();
                self.compare.open_article(editor.document());
            }
            Input::Notify(notice) => self.notice = Some(notice),
            // The app carries out a notice's action (it opens another article); the notice goes.
            Input::NoticeAction(_) => self.notice = None,
            Input::DismissNotice => self.notice = None,
            Input::SetTab(tab) => self.tab = tab,
            Input::SetAuthor(name) => {
                let name = name.trim();
                if !name.is_empty() {
                    self.author = name.to_owned();
                    effects.push(Effect::StoreAuthor(self.author.clone()));
                }
            }
            Input::DragActive(active) => self.dragging = active,
            Input::Saved(result) => self.saved = result,
            Input::Copied(Ok(())) => self.notice = Some(Notice::info("The document JSON is on the clipboard.")),
            Input::Copied(Err(why)) => {
                self.notice =
                    Some(Notice::error(format!("Could not copy to the clipboard: {why}. Use Export JSON instead.")))
            }
            Input::DownloadRefused => {
                self.notice = Some(Notice::error("The browser refused the download. Try Copy JSON instead."))
            }
            Input::AuthorNotStored(why) => {
                self.notice = Some(Notice::error(format!("Your name is kept for this tab only: {why}.")))
            }
        }
    }

    fn command(&mut self, editor: &mut Editor, command: Command, effects: &mut Vec<Effect>) {
        match command {
            Command::Undo => {
                editor.undo();
            }
            Command::Redo => {
                editor.redo();
            }
            Command::Escape => self.escape(),
            Command::ToggleHelp => self.help_open = !self.help_open,
            Command::ToggleWordSnap => self.snap_words = !self.snap_words,
            Command::FocusSpeaker => self.focus_field(editor, "speaker-input", effects),
            Command::FocusTarget => self.focus_field(editor, "target-select", effects),
            Command::FocusNote => self.focus_field(editor, "note-input", effects),
            // J and K walk the disagreements while the Compare tab is open.
            // (With nothing to compare in this article, they walk the annotations as ever.)
            Command::NextAnnotation | Command::PreviousAnnotation
                if self.tab == Tab::Compare && self.compare.step(command == Command::NextAnnotation) =>
            {
                effects.push(Effect::ScrollToSelected);
            }
            Command::NextAnnotation => self.step_selection(editor.document(), 1, effects),
            Command::PreviousAnnotation => self.step_selection(editor.document(), -1, effects),
            Command::MoveCaret { direction, step, extend } => {
                self.move_caret(editor.document(), direction, step, extend)
            }
            Command::MakeQuote => self.create(editor, AnnotationKind::Quote),
            Command::MakeClaim => self.create(editor, AnnotationKind::Claim),
            Command::SetQuoteType(quote_type) => {
                self.with_selected(editor, |id| Action::SetQuoteType { id, quote_type })
            }
            Command::MarkCue => self.link_pending(editor, |id, span| Action::SetCue { id, span: Some(span) }),
            Command::MarkSource => {
                self.link_pending(editor, |id, span| Action::SetSourceMention { id, span: Some(span) })
            }
            Command::AddFragment => self.link_pending(editor, |id, span| Action::AddFragment { id, span }),
            Command::ReplaceSpan => self.replace_span(editor),
            Command::Stance(key) => self.set_stance(editor, key),
            // Delete rejects the current suggestion when no annotation is selected.
            Command::Delete if self.selected.is_none() && self.suggested.current().is_some() => {
                self.reject_suggestion(editor, None, effects)
            }
            Command::Delete => self.with_selected(editor, |id| Action::DeleteAnnotation { id }),
            Command::Suggest => self.suggest(editor, effects),
            Command::AcceptSuggestion => self.accept_suggestion(editor, None, effects),
            Command::NextSuggestion => self.step_suggestion(editor, true, effects),
            Command::PreviousSuggestion => self.step_suggestion(editor, false, effects),
            Command::MoveBoundary { edge, direction } => self.move_boundary(editor, edge, direction),
            Command::Article(step) => effects.push(Effect::Article(step)),
        }
    }

    /// Applies a model action; a refusal is shown and changes nothing.
    fn apply(&mut self, editor: &mut Editor, action: Action) -> Option<Outcome> {
        match editor.apply(action) {
            Ok(outcome) => Some(outcome),
            Err(refusal) => {
                self.notice = Some(Notice::error(refusal.to_string()));
                None
            }
        }
    }

    fn focus_field(&mut self, editor: &Editor, id: &'static str, effects: &mut Vec<Effect>) {
        if self.selected_or_explain(&editor.document().schema).is_some() {
            self.tab = Tab::Details;
            effects.push(Effect::FocusField(id));
        }
    }

    fn escape(&mut self) {
        if self.help_open {
            self.help_open = false;
        } else if self.selection.is_some() {
            self.selection = None;
        } else if self.selected.is_some() {
            self.selected = None;
        } else {
            self.suggested.deselect();
        }
    }

    fn pending_or_explain(&mut self) -> Option<Span> {
        let pending = self.pending();
        if pending.is_none() {
            self.notice =
                Some(Notice::info("Select some text first: drag over it, or move with the arrow keys holding Shift."));
        }
        pending
    }

    fn selected_or_explain(&mut self, schema: &Schema) -> Option<AnnotationId> {
        if self.selected.is_none() {
            let next = key_label(schema, "next");
            let hint = if next.is_empty() { String::new() } else { format!(", or press {next}") };
            self.notice = Some(Notice::info(format!("Select an annotation first: click a highlight{hint}.")));
        }
        self.selected.clone()
    }

    /// What the highlights show of the session: the selected annotation, the pending span, the caret.
    pub fn focus(&self) -> Focus {
        Focus {
            selected: self.selected.clone(),
            pending: self.pending(),
            caret: self.selection.map(|s| s.head),
            ghosts: self.suggested.ghosts().clone(),
            lanes: if self.tab == Tab::Compare { self.compare.lanes().clone() } else { Default::default() },
        }
    }

    /// The span the next Q, C, U, M, F or R will use: the selection, unless it is only a caret.
    pub fn pending(&self) -> Option<Span> {
        self.selection.map(|s| s.span()).filter(|span| !span.is_empty())
    }

    pub fn selected(&self) -> Option<&AnnotationId> {
        self.selected.as_ref()
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn help_open(&self) -> bool {
        self.help_open
    }

    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    pub fn snap_words(&self) -> bool {
        self.snap_words
    }

    pub fn author(&self) -> &str {
        &self.author
    }

    pub fn saved(&self) -> Result<(), &str> {
        self.saved.as_ref().map(|_| ()).map_err(String::as_str)
    }

    pub fn dragging(&self) -> bool {
        self.dragging
    }

    pub fn suggested(&self) -> &Suggested {
        &self.suggested
    }

    pub fn compare(&self) -> &Compare {
        &self.compare
    }

    pub fn looks(&self) -> Looks {
        Looks {
            focus: self.focus(),
            tab: self.tab,
            help_open: self.help_open,
            notice: self.notice.clone(),
            snap_words: self.snap_words,
            author: self.author.clone(),
            saved: self.saved.clone(),
            dragging: self.dragging,
            suggestions: self.suggested.revision(),
            compare: self.compare.revision(),
        }
    }
}
