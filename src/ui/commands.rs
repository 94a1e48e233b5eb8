//! What each command does to the app: the hotkeys, the floating toolbar and the mouse all end
//! up here, so a key and its button can never behave differently.

use crate::glue::{clock, selection};
use crate::model::action::Action;
use crate::model::annotation::{AnnotationId, AnnotationKind, Origin, QuoteType};
use crate::model::speaker::{SpeakerId, SpeakerKind};
use crate::model::text::Span;
use crate::view::caret::{self, KeySelection};
use crate::view::keymap::{Command, Direction, Edge};
use crate::view::speaker_guess;

use super::app::{App, Tab};
use super::notice::Notice;

impl App {
    pub(super) fn run_command(&mut self, command: Command) {
        match command {
            Command::MakeQuote => self.create(AnnotationKind::Quote),
            Command::MakeClaim => self.create(AnnotationKind::Claim),
            Command::SetQuoteType(quote_type) => self.with_selected(|id| Action::SetQuoteType { id, quote_type }),
            Command::MarkCue => self.link_pending(|id, span| Action::SetCue { id, span: Some(span) }),
            Command::MarkSource => self.link_pending(|id, span| Action::SetSourceMention { id, span: Some(span) }),
            Command::AddFragment => self.link_pending(|id, span| Action::AddFragment { id, span }),
            Command::ReplaceSpan => self.replace_span(),
            Command::Stance(key) => self.set_stance(key),
            Command::NextAnnotation => self.step_selection(1),
            Command::PreviousAnnotation => self.step_selection(-1),
            Command::Delete => self.with_selected(|id| Action::DeleteAnnotation { id }),
            Command::Undo => {
                if self.editor.undo() {
                    self.document_changed();
                }
            }
            Command::Redo => {
                if self.editor.redo() {
                    self.document_changed();
                }
            }
            Command::Escape => self.escape(),
            Command::ToggleHelp => self.help_open = !self.help_open,
            Command::FocusSpeaker => self.focus_field("speaker-input"),
            Command::FocusTarget => self.focus_field("target-select"),
            Command::FocusNote => self.focus_field("note-input"),
            Command::MoveCaret { direction, step, extend } => self.move_caret(direction, step, extend),
            Command::MoveBoundary { edge, direction } => self.move_boundary(edge, direction),
            Command::ToggleWordSnap => self.snap_words = !self.snap_words,
        }
    }

    /// Reads the browser's selection in the article once, converts it to a snapped span of
    /// the model, and makes it the pending span. A selection that crosses blocks, leaves the
    /// article, or is empty after snapping becomes nothing.
    pub(super) fn take_dom_selection(&mut self, clicked: Option<AnnotationId>) {
        let Some(root) = self.article_ref.cast::<web_sys::Element>() else { return };
        let Some(raw) = selection::selected_span(&root) else {
            // A plain click places the keyboard caret there, and on a highlight selects it.
            if let Some(at) = selection::caret_offset(&root) {
                self.key_selection = Some(KeySelection::caret(at));
                self.focus.pending = None;
                self.focus.caret = Some(at);
            }
            if clicked.is_some() {
                self.focus.selected = clicked;
                self.tab = Tab::Details;
            }
            return;
        };
        selection::clear_selection();
        let doc = self.editor.document();
        let index = doc.text_index();
        let snapped = if self.snap_words { index.snap_to_words(raw) } else { index.trim_whitespace(index.snap_to_graphemes(raw)) };
        if snapped.is_empty() {
            return;
        }
        if doc.article.block_containing(snapped).is_none() {
            self.notice = Some(Notice::info(
                "A span stays inside one paragraph (or the title, or the abstract). For a quote that runs on, tag each part and add it with F.",
            ));
            return;
        }
        self.key_selection = Some(KeySelection { anchor: snapped.start, head: snapped.end });
        self.set_pending(Some(snapped), Some(snapped.end));
    }

    fn set_pending(&mut self, pending: Option<Span>, caret: Option<usize>) {
        self.focus.pending = pending;
        self.focus.caret = caret;
    }

    pub(super) fn select(&mut self, id: Option<AnnotationId>) {
        self.focus.selected = id;
    }

    fn pending_or_explain(&mut self) -> Option<Span> {
        if self.focus.pending.is_none() {
            self.notice = Some(Notice::info("Select some text first: drag over it, or move with the arrow keys holding Shift."));
        }
        self.focus.pending
    }

    fn selected_or_explain(&mut self) -> Option<AnnotationId> {
        if self.focus.selected.is_none() {
            self.notice = Some(Notice::info("Select an annotation first: click a highlight, or press J."));
        }
        self.focus.selected.clone()
    }

    fn create(&mut self, kind: AnnotationKind) {
        let Some(span) = self.pending_or_explain() else { return };
        let quote_type = (kind == AnnotationKind::Quote).then_some(QuoteType::Direct);
        let action = Action::CreateAnnotation {
            kind,
            quote_type,
            span,
            author: self.author.clone(),
            at: clock::now_rfc3339(),
            origin: Origin::Manual,
        };
        if let Some(outcome) = self.apply(action) {
            self.focus.pending = None;
            self.key_selection = None;
            self.focus.selected = outcome.created_annotation;
            self.tab = Tab::Details;
        }
    }

    fn with_selected(&mut self, make: impl FnOnce(AnnotationId) -> Action) {
        if let Some(id) = self.selected_or_explain() {
            self.apply(make(id));
        }
    }

    /// Uses the pending span for the selected annotation (its cue, source or a fragment).
    fn link_pending(&mut self, make: impl FnOnce(AnnotationId, Span) -> Action) {
        let Some(span) = self.pending_or_explain() else { return };
        let Some(id) = self.selected_or_explain() else { return };
        if self.apply(make(id, span)).is_some() {
            self.focus.pending = None;
            self.key_selection = None;
        }
    }

    /// The pending span becomes the selected annotation's span: the fragment it overlaps, or
    /// the only one. Selecting a little more or less and pressing R moves both boundaries.
    fn replace_span(&mut self) {
        let Some(span) = self.pending_or_explain() else { return };
        let Some(id) = self.selected_or_explain() else { return };
        let Some(annotation) = self.editor.document().annotation(&id) else { return };
        let overlapping = annotation.fragments.iter().position(|f| f.overlaps(&span));
        let index = match (overlapping, annotation.fragments.len()) {
            (Some(index), _) => index,
            (None, 1) => 0,
            (None, _) => {
                self.notice = Some(Notice::info("Select text that overlaps the fragment you want to change."));
                return;
            }
        };
        self.link_pending(|id, span| Action::SetFragment { id, index, span });
    }

    fn set_stance(&mut self, key: char) {
        let Some(id) = self.selected_or_explain() else { return };
        let doc = self.editor.document();
        let Some(stance) = doc.schema.stance_for_key(key).map(|s| s.id.clone()) else { return };
        // The same key again clears the stance.
        let current = doc.annotation(&id).and_then(|a| a.stance.clone());
        let stance = (current.as_deref() != Some(stance.as_str())).then_some(stance);
        self.apply(Action::SetStance { id, stance });
    }

    /// Moves the selection to the next (`+1`) or previous (`-1`) annotation in text order.
    fn step_selection(&mut self, delta: isize) {
        let ordered = self.editor.document().annotations_in_text_order();
        if ordered.is_empty() {
            return;
        }
        let current = self.focus.selected.as_ref().and_then(|id| ordered.iter().position(|a| &a.id == id));
        let next = match current {
            Some(i) => (i as isize + delta).rem_euclid(ordered.len() as isize) as usize,
            None if delta > 0 => 0,
            None => ordered.len() - 1,
        };
        let id = ordered[next].id.clone();
        self.select(Some(id));
        self.scroll_to_selected = true;
    }

    fn escape(&mut self) {
        if self.help_open {
            self.help_open = false;
        } else if self.focus.pending.is_some() || self.focus.caret.is_some() {
            self.key_selection = None;
            self.set_pending(None, None);
        } else {
            self.select(None);
        }
    }

    fn focus_field(&mut self, id: &'static str) {
        if self.selected_or_explain().is_some() {
            self.tab = Tab::Details;
            self.focus_request = Some(id);
        }
    }

    fn move_caret(&mut self, direction: Direction, step: crate::view::keymap::Step, extend: bool) {
        let doc = self.editor.document();
        let blocks = &doc.article.blocks;
        let Some(first) = blocks.first() else { return };
        let current = self.key_selection.unwrap_or_else(|| KeySelection::caret(first.span.start));
        let moved = caret::move_selection(doc.text_index(), blocks, current, direction, step, extend);
        self.key_selection = Some(moved);
        let span = moved.span();
        self.set_pending((!span.is_empty()).then_some(span), Some(moved.head));
    }

    /// Moves the start of the selected annotation's first fragment, or the end of its last.
    fn move_boundary(&mut self, edge: Edge, direction: Direction) {
        let Some(id) = self.selected_or_explain() else { return };
        let doc = self.editor.document();
        let Some(annotation) = doc.annotation(&id) else { return };
        let index = match edge {
            Edge::Start => 0,
            Edge::End => annotation.fragments.len() - 1,
        };
        let span = annotation.fragments[index];
        let Some(block) = doc.article.block_containing(span) else { return };
        let moved = caret::move_edge(doc.text_index(), block.span, span, edge, direction);
        if moved != span {
            self.apply(Action::SetFragment { id, index, span: moved });
        }
    }

    /// Creates a speaker named after the selected annotation's source mention and assigns
    /// it, as one undoable step.
    pub(super) fn new_speaker_from_mention(&mut self) {
        let Some(id) = self.selected_or_explain() else { return };
        let doc = self.editor.document();
        let Some(mention) = doc.annotation(&id).and_then(|a| a.source_mention) else { return };
        let text = doc.span_text(mention).to_owned();
        match speaker_guess::propose(&text) {
            Some(proposal) => {
                let alias = (proposal.name != text.trim()).then(|| text.trim().to_owned());
                self.create_and_assign_speaker(id, proposal.name, proposal.kind, proposal.role, alias);
            }
            None => {
                self.notice = Some(Notice::info(format!(
                    "“{text}” refers to someone named elsewhere: pick them in the speaker list, or type their name."
                )));
            }
        }
    }

    pub(super) fn new_speaker_named(&mut self, name: String) {
        if let Some(id) = self.selected_or_explain() {
            self.create_and_assign_speaker(id, name, SpeakerKind::Person, None, None);
        }
    }

    fn create_and_assign_speaker(
        &mut self,
        annotation: AnnotationId,
        name: String,
        kind: SpeakerKind,
        role: Option<String>,
        alias: Option<String>,
    ) {
        let speaker = self.editor.document().peek_speaker_id();
        let mut actions = vec![Action::AddSpeaker { name, kind, role }];
        if let Some(alias) = alias.filter(|a| !a.is_empty()) {
            actions.push(Action::AddAlias { id: speaker.clone(), alias });
        }
        actions.push(Action::SetSpeaker { id: annotation, speaker: Some(speaker) });
        self.apply(Action::Batch { actions });
    }

    /// Selects the next annotation of `speaker` after the current selection, wrapping around.
    pub(super) fn jump_to_speaker(&mut self, speaker: &SpeakerId) {
        let ordered = self.editor.document().annotations_in_text_order();
        let theirs: Vec<&AnnotationId> =
            ordered.iter().filter(|a| a.speaker.as_ref() == Some(speaker)).map(|a| &a.id).collect();
        if theirs.is_empty() {
            return;
        }
        let position = |id: &AnnotationId| ordered.iter().position(|a| &a.id == id);
        let after = self.focus.selected.as_ref().and_then(position);
        let next = theirs
            .iter()
            .find(|id| after.is_some_and(|after| position(id).is_some_and(|p| p > after)))
            .unwrap_or(&theirs[0]);
        let next = (*next).clone();
        self.select(Some(next));
        self.scroll_to_selected = true;
    }

    /// Puts the floating toolbar just above the pending span, through the DOM (no re-render).
    pub(super) fn place_float_bar(&self) {
        let (Some(bar), Some(reading)) = (self.float_ref.cast::<web_sys::HtmlElement>(), self.reading_ref.cast::<web_sys::Element>())
        else {
            return;
        };
        let Ok(Some(first)) = reading.query_selector(".seg.pending") else { return };
        let area = reading.get_bounding_client_rect();
        let span = first.get_bounding_client_rect();
        let top = span.top() - area.top() + reading.scroll_top() as f64 - bar.offset_height() as f64 - 8.0;
        let left = (span.left() - area.left()).max(8.0);
        let style = bar.style();
        let _ = style.set_property("top", &format!("{top}px"));
        let _ = style.set_property("left", &format!("{left}px"));
    }
}
