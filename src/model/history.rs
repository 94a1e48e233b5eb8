//! The editor: a document plus a bounded undo/redo history of inverse edits. Each entry holds
//! only what its action touched, so thousands of edits on a document with thousands of
//! annotations stay cheap.

use std::collections::VecDeque;

use super::action::{Action, Outcome, Refusal};
use super::change::{apply_all, inverse_all, revert_all, Change};
use super::document::Document;
use super::journal;
use super::schema::Schema;

/// How many actions can be undone by default.
pub const DEFAULT_HISTORY_LIMIT: usize = 1000;

#[derive(Clone, Debug)]
struct Entry {
    label: String,
    changes: Vec<Change>,
}

#[derive(Clone, Debug)]
pub struct Editor {
    doc: Document,
    undo: VecDeque<Entry>,
    redo: Vec<Entry>,
    limit: usize,
    revision: u64,
    /// The steps not yet taken for saving, each as the changes that redo it.
    unsaved_steps: Vec<Vec<Change>>,
    /// The document was replaced since the last save: only a whole save will do.
    unsaved_whole: bool,
    /// Increases when the document is replaced by another: views built for one article must
    /// not be reused for the next, even one with the same block offsets.
    generation: u64,
}

/// What changed since the document was last taken for saving ([`Editor::take_unsaved`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsaved {
    Nothing,
    /// Journal lines to append ([`journal`]), one per step.
    Steps(String),
    /// The document was replaced: write it whole.
    Whole,
}

impl Editor {
    pub fn new(doc: Document) -> Editor {
        Editor::with_limit(doc, DEFAULT_HISTORY_LIMIT)
    }

    /// An editor that keeps at most `limit` undo steps (at least one).
    pub fn with_limit(doc: Document, limit: usize) -> Editor {
        Editor {
            doc,
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            revision: 0,
            unsaved_steps: Vec::new(),
            unsaved_whole: false,
            generation: super::sequence::next(),
        }
    }

    pub fn document(&self) -> &Document {
        &self.doc
    }

    pub fn into_document(self) -> Document {
        self.doc
    }

    /// Increases with every change to the document (apply, undo, redo, replace), so the UI can
    /// tell states apart without comparing documents.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Applies `action`, or refuses it and changes nothing. An action that changes nothing
    /// (setting the value already set) leaves the history alone.
    pub fn apply(&mut self, action: Action) -> Result<Outcome, Refusal> {
        let (outcome, changes) = self.doc.apply_logged(&action)?;
        if !changes.is_empty() {
            if self.undo.len() == self.limit {
                self.undo.pop_front();
            }
            self.unsaved_steps.push(changes.clone());
            self.undo.push_back(Entry { label: action.describe(), changes });
            self.redo.clear();
            self.revision += 1;
        }
        Ok(outcome)
    }

    pub fn undo(&mut self) -> bool {
        let Some(entry) = self.undo.pop_back() else { return false };
        revert_all(&mut self.doc, &entry.changes);
        self.unsaved_steps.push(inverse_all(&entry.changes));
        self.redo.push(entry);
        self.revision += 1;
        true
    }

    /// Re-applies the recorded changes rather than the action, so a recreated annotation gets
    /// back the same id.
    pub fn redo(&mut self) -> bool {
        let Some(entry) = self.redo.pop() else { return false };
        apply_all(&mut self.doc, &entry.changes);
        self.unsaved_steps.push(entry.changes.clone());
        self.undo.push_back(entry);
        self.revision += 1;
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What undo would revert, e.g. "create quote".
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|e| e.label.as_str())
    }

    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// What changed since the last call, for the save: the steps as journal lines, or the
    /// whole document when it was replaced. Afterwards nothing is unsaved.
    pub fn take_unsaved(&mut self) -> Unsaved {
        let steps = std::mem::take(&mut self.unsaved_steps);
        if std::mem::take(&mut self.unsaved_whole) {
            Unsaved::Whole
        } else if steps.is_empty() {
            Unsaved::Nothing
        } else {
            let ix = self.doc.text_index();
            Unsaved::Steps(steps.iter().map(|step| journal::step_line(ix, step)).collect())
        }
    }

    /// Forgets what is unsaved, without encoding it: the whole document was just written.
    pub fn discard_unsaved(&mut self) {
        self.unsaved_steps.clear();
        self.unsaved_whole = false;
    }

    /// Which document this is: unique to each editor and changed when
    /// [`Editor::replace_document`] swaps in another, so a view cache can tell two editors
    /// (two articles of a corpus) apart as well as two documents in one editor.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Marks the whole document unsaved, e.g. after a journal write failed and the journal in
    /// storage no longer holds every step.
    pub fn mark_unsaved_whole(&mut self) {
        self.unsaved_steps.clear();
        self.unsaved_whole = true;
    }

    /// Adds the targets `shared` has and the document lacks (a corpus offers every article the
    /// targets made in any of them), outside the undo history: undoing an edit must not take
    /// away a target other articles use. The whole document is saved next, so a later step
    /// that uses one of them can be replayed. True when a target was added.
    pub fn add_shared_targets(&mut self, shared: &Schema) -> bool {
        let missing: Vec<_> =
            shared.targets.iter().filter(|t| self.doc.schema.target(&t.id).is_none()).cloned().collect();
        if missing.is_empty() {
            return false;
        }
        self.doc.schema.targets.extend(missing);
        self.revision += 1;
        self.mark_unsaved_whole();
        true
    }

    /// Swaps in another document (an import or a new article) and clears the history: undo
    /// steps planned against the old document mean nothing for the new one. Returns the old one.
    pub fn replace_document(&mut self, doc: Document) -> Document {
        self.undo.clear();
        self.redo.clear();
        self.revision += 1;
        self.unsaved_steps.clear();
        self.unsaved_whole = true;
        self.generation = super::sequence::next();
        std::mem::replace(&mut self.doc, doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Article;
    use crate::model::schema::Schema;
    use crate::model::speaker::SpeakerKind;

    #[test]
    fn labels_and_revisions_follow_undo_and_redo() {
        let mut ed = Editor::new(Document::new(Article::parse_text("Text.").unwrap(), Schema::default()));
        assert!(!ed.undo() && !ed.redo(), "nothing to undo or redo yet");
        ed.apply(Action::AddSpeaker { name: "Rubio".into(), kind: SpeakerKind::Person, role: None }).unwrap();
        assert_eq!((ed.undo_label(), ed.revision()), (Some("add speaker Rubio"), 1));
        assert!(ed.undo());
        assert_eq!((ed.undo_label(), ed.redo_label(), ed.revision()), (None, Some("add speaker Rubio"), 2));
        assert!(ed.document().speakers.is_empty());
        assert!(ed.redo());
        assert_eq!(ed.document().speakers[0].id.0, "s1", "redo recreates the same id");
        let refused = ed.apply(Action::AddSpeaker { name: "rubio".into(), kind: SpeakerKind::Person, role: None });
        assert!(refused.is_err());
        assert_eq!(ed.revision(), 3, "a refusal is not a revision");
    }
}
