//! Commands that edit the document: each becomes one model action (or one batch, so it is one
//! undo step), taking its span from the pending selection and its annotation from the selected one.

use crate::model::action::Action;
use crate::model::annotation::{AnnotationId, AnnotationKind, Origin, QuoteType};
use crate::model::history::Editor;
use crate::model::speaker::SpeakerKind;
use crate::model::text::Span;
use crate::view::caret::{self, KeySelection};
use crate::view::keymap::{Direction, Edge};
use crate::view::notice::Notice;
use crate::view::speaker_guess;

use super::{Session, Tab};

impl Session {
    pub(super) fn create(&mut self, editor: &mut Editor, kind: AnnotationKind) {
        let Some(span) = self.pending_or_explain() else { return };
        let quote_type = (kind == AnnotationKind::Quote).then_some(QuoteType::Direct);
        let action = Action::CreateAnnotation {
            kind,
            quote_type,
            span,
            author: self.author.clone(),
            at: (self.clock)(),
            origin: Origin::Manual,
            rule: None,
        };
        if let Some(outcome) = self.apply(editor, action) {
            self.collapse_selection();
            self.selected = outcome.created_annotation;
            self.tab = Tab::Details;
        }
    }

    /// The pending span was used: the caret stays where the selection's head was, so the
    /// keyboard carries on from there.
    fn collapse_selection(&mut self) {
        self.selection = self.selection.map(|s| KeySelection::caret(s.head));
    }

    pub(super) fn with_selected(&mut self, editor: &mut Editor, make: impl FnOnce(AnnotationId) -> Action) {
        if let Some(id) = self.selected_or_explain(&editor.document().schema) {
            self.apply(editor, make(id));
        }
    }

    /// Uses the pending span for the selected annotation (its cue, source or a fragment).
    pub(super) fn link_pending(&mut self, editor: &mut Editor, make: impl FnOnce(AnnotationId, Span) -> Action) {
        let Some(span) = self.pending_or_explain() else { return };
        let Some(id) = self.selected_or_explain(&editor.document().schema) else { return };
        if self.apply(editor, make(id, span)).is_some() {
            self.collapse_selection();
        }
    }

    /// The pending span becomes the selected annotation's span: the fragment it overlaps, or
    /// the only one. Selecting a little more or less and pressing R moves both boundaries.
    pub(super) fn replace_span(&mut self, editor: &mut Editor) {
        let Some(span) = self.pending_or_explain() else { return };
        let Some(id) = self.selected_or_explain(&editor.document().schema) else { return };
        let Some(annotation) = editor.document().annotation(&id) else { return };
        let overlapping = annotation.fragments.iter().position(|f| f.overlaps(&span));
        let index = match (overlapping, annotation.fragments.len()) {
            (Some(index), _) => index,
            (None, 1) => 0,
            (None, _) => {
                self.notice = Some(Notice::info("Select text that overlaps the fragment you want to change."));
                return;
            }
        };
        self.link_pending(editor, |id, span| Action::SetFragment { id, index, span });
    }

    /// Sets the stance bound to `key`; the same key again clears it.
    pub(super) fn set_stance(&mut self, editor: &mut Editor, key: char) {
        let Some(id) = self.selected_or_explain(&editor.document().schema) else { return };
        let doc = editor.document();
        let Some(stance) = doc.schema.stance_for_key(key).map(|s| s.id.clone()) else { return };
        let current = doc.annotation(&id).and_then(|a| a.stance.as_ref());
        let stance = (current != Some(&stance)).then_some(stance);
        self.apply(editor, Action::SetStance { id, stance });
    }

    /// Moves the start of the selected annotation's first fragment, or the end of its last.
    pub(super) fn move_boundary(&mut self, editor: &mut Editor, edge: Edge, direction: Direction) {
        let Some(id) = self.selected_or_explain(&editor.document().schema) else { return };
        let doc = editor.document();
        let Some(annotation) = doc.annotation(&id) else { return };
        let index = match edge {
            Edge::Start => 0,
            Edge::End => annotation.fragments.len() - 1,
        };
        let span = annotation.fragments[index];
        let Some(block) = doc.article.block_containing(span) else { return };
        let moved = caret::move_edge(doc.text_index(), block.span, span, edge, direction);
        if moved != span {
            self.apply(editor, Action::SetFragment { id, index, span: moved });
        }
    }

    /// Creates a speaker named after the selected annotation's source mention and assigns it,
    /// as one undoable step. A pronoun or a bare role cannot name anyone: that is explained.
    pub(super) fn new_speaker_from_mention(&mut self, editor: &mut Editor) {
        let Some(id) = self.selected_or_explain(&editor.document().schema) else { return };
        let doc = editor.document();
        let Some(mention) = doc.annotation(&id).and_then(|a| a.source_mention) else { return };
        let text = doc.span_text(mention).trim().to_owned();
        match speaker_guess::propose(&text) {
            Some(proposal) => {
                let alias = (proposal.name != text).then_some(text);
                self.create_and_assign_speaker(editor, id, proposal.name, proposal.kind, proposal.role, alias);
            }
            None => {
                self.notice = Some(Notice::info(format!(
                    "“{text}” refers to someone named elsewhere: pick them in the speaker list, or type their name."
                )));
            }
        }
    }

    pub(super) fn new_speaker_named(&mut self, editor: &mut Editor, name: String) {
        if let Some(id) = self.selected_or_explain(&editor.document().schema) {
            self.create_and_assign_speaker(editor, id, name, SpeakerKind::Person, None, None);
        }
    }

    fn create_and_assign_speaker(
        &mut self,
        editor: &mut Editor,
        annotation: AnnotationId,
        name: String,
        kind: SpeakerKind,
        role: Option<String>,
        alias: Option<String>,
    ) {
        let speaker = editor.document().peek_speaker_id();
        let mut actions = vec![Action::AddSpeaker { name, kind, role }];
        if let Some(alias) = alias.filter(|a| !a.is_empty()) {
            actions.push(Action::AddAlias { id: speaker.clone(), alias });
        }
        actions.push(Action::SetSpeaker { id: annotation, speaker: Some(speaker) });
        self.apply(editor, Action::Batch { actions });
    }

    /// Adds a stance target and chooses it for the selected annotation, in one undoable step.
    pub(super) fn new_target(&mut self, editor: &mut Editor, label: &str) {
        let label = label.trim();
        if label.is_empty() {
            return;
        }
        let Some(id) = self.selected_or_explain(&editor.document().schema) else { return };
        let target = editor.document().schema.fresh_target_id(label);
        let actions =
            vec![Action::AddTarget { label: label.to_owned() }, Action::SetTarget { id, target: Some(target) }];
        self.apply(editor, Action::Batch { actions });
    }
}
