//! Suggestions in the session: running the suggester, walking its ghosts, accepting (one undo
//! step each, or one for "accept all") and rejecting (remembered in the document).

use crate::model::history::Editor;
use crate::model::schema::Schema;
use crate::view::keymap::key_label;
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
        let keys = keys_hint(&editor.document().schema);
        self.notice = Some(Notice::info(match open {
            0 => format!("No new suggestions{hidden}."),
            1 => format!("1 suggestion{hidden}: {keys}."),
            n => format!("{n} suggestions{hidden}: {keys}."),
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

    pub(super) fn step_suggestion(&mut self, editor: &Editor, forward: bool, effects: &mut Vec<Effect>) {
        if self.suggested.step(forward) {
            self.selected = None;
            self.tab = Tab::Details;
            effects.push(Effect::ScrollToSelected);
        } else {
            self.explain_no_current(editor);
        }
    }

    /// Accepts suggestion `index` (the current one when `None`); the next open one becomes current.
    pub(super) fn accept_suggestion(&mut self, editor: &mut Editor, index: Option<usize>, effects: &mut Vec<Effect>) {
        let Some(index) = index.or(self.suggested.current()) else { return self.explain_no_current(editor) };
        let at = (self.clock)();
        let Some(action) = self.suggested.accept_action(editor.document(), index, &self.author, &at) else { return };
        if self.apply(editor, action).is_some() {
            self.after_suggestion_closed(editor, effects);
        }
    }

    pub(super) fn reject_suggestion(&mut self, editor: &mut Editor, index: Option<usize>, effects: &mut Vec<Effect>) {
        let Some(index) = index.or(self.suggested.current()) else { return self.explain_no_current(editor) };
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
        // "21 suggestions: …" is out of date now; the card counts what is left.
        self.notice = None;
        if self.suggested.current().is_some() {
            effects.push(Effect::ScrollToSelected);
        } else if self.suggested.open().is_empty() {
            let again = with_key("suggests again", &key_label(&editor.document().schema, "suggest"));
            self.notice = Some(Notice::info(format!("Every suggestion is accepted or rejected. {again}.")));
        }
    }

    /// A, Delete, ] or [ with no suggestion to act on: what to do instead.
    fn explain_no_current(&mut self, editor: &Editor) {
        let schema = &editor.document().schema;
        let suggest = key_label(schema, "suggest");
        let next = key_label(schema, "next_suggestion");
        self.notice = Some(Notice::info(if !self.suggested.open().is_empty() {
            let or_key = if next.is_empty() { String::new() } else { format!(", or press {next}") };
            format!("Pick a suggestion first: click a dashed one{or_key}.")
        } else if self.suggested.ran() {
            format!("No open suggestions. {}.", with_key("Suggest finds them again", &suggest))
        } else {
            format!("No suggestions yet. {} to find quotes, cues and speakers.", with_key("Use Suggest", &suggest))
        }));
    }
}

/// "A accepts, Delete rejects, ] and [ move between them", with the schema's keys; a command
/// without a key is left out (its button on the card still works).
fn keys_hint(schema: &Schema) -> String {
    let (accept, next, previous) = (
        key_label(schema, "accept_suggestion"),
        key_label(schema, "next_suggestion"),
        key_label(schema, "previous_suggestion"),
    );
    let mut parts = Vec::new();
    if !accept.is_empty() {
        parts.push(format!("{accept} accepts"));
    }
    parts.push(format!("{} rejects", reject_key(schema)));
    match (next.is_empty(), previous.is_empty()) {
        (false, false) => parts.push(format!("{next} and {previous} move between them")),
        (false, true) => parts.push(format!("{next} moves to the next")),
        _ => {}
    }
    parts.join(", ")
}

/// The key that rejects the current suggestion: the schema's delete key, or Backspace, which
/// always deletes.
pub fn reject_key(schema: &Schema) -> String {
    let delete = key_label(schema, "delete");
    if delete.is_empty() {
        "Backspace".to_owned()
    } else {
        delete
    }
}

/// "Suggest finds them again (G)", or without the key when it has none.
fn with_key(what: &str, key: &str) -> String {
    if key.is_empty() {
        what.to_owned()
    } else {
        format!("{what} ({key})")
    }
}
