//! Suggestions in the session: running the suggester, walking its ghosts, accepting (one undo
//! step each, or one for "accept all") and rejecting (remembered in the document).

use crate::model::history::Editor;
use crate::view::notice::Notice;
use crate::view::suggested::SpeakerChoice;

use super::{Effect, Session, Tab};

/// What "accept all" takes by default: suggestions the suggester is this sure of.
pub const ACCEPT_ALL_THRESHOLD: f32 = 0.8;

impl Session {
    pub(super) fn suggest(&mut self, editor: &Editor, effects: &mut Vec<Effect>) {
        self.suggested.run(editor.document());
        self.selected = None;
        let open = self.suggested.open().len();
        let found = self.suggested.items().len();
        let hidden = found - open;
        let hidden = if hidden > 0 { format!(" ({hidden} more already annotated or rejected)") } else { String::new() };
        self.notice = Some(Notice::info(match open {
            0 => format!("No new suggestions{hidden}."),
            1 => format!("1 suggestion{hidden}: A accepts it, Delete rejects it."),
            n => format!("{n} suggestions{hidden}: A accepts, Delete rejects, ] and [ move between them."),
        }));
        if open > 0 {
            self.tab = Tab::Details;
            effects.push(Effect::ScrollToSelected);
        }
    }

    pub(super) fn select_suggestion(&mut self, index: usize, effects: &mut Vec<Effect>) {
        if self.suggested.select(index) {
            self.selected = None;
            self.tab = Tab::Details;
            effects.push(Effect::ScrollToSelected);
        }
    }

    pub(super) fn step_suggestion(&mut self, forward: bool, effects: &mut Vec<Effect>) {
        if self.suggested.step(forward) {
            self.selected = None;
            self.tab = Tab::Details;
            effects.push(Effect::ScrollToSelected);
        } else {
            self.explain_no_suggestions();
        }
    }

    /// Accepts suggestion `index` (the current one when `None`); the next open one becomes current.
    pub(super) fn accept_suggestion(&mut self, editor: &mut Editor, index: Option<usize>, effects: &mut Vec<Effect>) {
        let Some(index) = index.or(self.suggested.current()) else { return self.explain_no_suggestions() };
        let at = (self.clock)();
        let Some(action) = self.suggested.accept_action(editor.document(), index, &self.author, &at) else { return };
        if self.apply(editor, action).is_some() {
            self.after_suggestion_closed(editor, effects);
        }
    }

    pub(super) fn reject_suggestion(&mut self, editor: &mut Editor, index: Option<usize>, effects: &mut Vec<Effect>) {
        let Some(index) = index.or(self.suggested.current()) else { return self.explain_no_suggestions() };
        let Some(action) = self.suggested.reject_action(index) else { return };
        if self.apply(editor, action).is_some() {
            self.after_suggestion_closed(editor, effects);
        }
    }

    pub(super) fn accept_all_suggestions(&mut self, editor: &mut Editor, threshold: f32) {
        let at = (self.clock)();
        match self.suggested.accept_all_action(editor.document(), threshold, &self.author, &at) {
            Some((action, count)) => {
                if self.apply(editor, action).is_some() {
                    let s = if count == 1 { "" } else { "s" };
                    self.notice =
                        Some(Notice::info(format!("Accepted {count} suggestion{s} in one step (Ctrl+Z undoes it).")));
                }
            }
            None => self.notice = Some(Notice::info("No open suggestion is that sure; accept them one by one with A.")),
        }
    }

    pub(super) fn choose_suggestion_speaker(&mut self, index: usize, choice: SpeakerChoice) {
        self.suggested.choose_speaker(index, choice);
    }

    pub(super) fn hide_suggestions(&mut self) {
        self.suggested.clear();
    }

    /// After an accept or a reject, the session's list follows the document at once (not only
    /// after `run`), so the next one is current for the scroll that follows.
    fn after_suggestion_closed(&mut self, editor: &Editor, effects: &mut Vec<Effect>) {
        self.suggested.sync(editor.document());
        if self.suggested.current().is_some() {
            effects.push(Effect::ScrollToSelected);
        } else if self.suggested.open().is_empty() {
            self.notice = Some(Notice::info("Every suggestion is accepted or rejected. G suggests again."));
        }
    }

    fn explain_no_suggestions(&mut self) {
        self.notice = Some(Notice::info(if self.suggested.ran() {
            "No open suggestions. G suggests again."
        } else {
            "No suggestions yet: press G (or Suggest) to find quotes, cues and speakers."
        }));
    }
}
