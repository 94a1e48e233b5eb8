//! Selecting: the mouse and the keyboard caret make the pending span; J, K and "Next quote"
//! move the selected annotation.

use crate::model::annotation::AnnotationId;
use crate::model::document::Document;
use crate::model::speaker::SpeakerId;
use crate::view::caret::{self, KeySelection};
use crate::view::keymap::{Direction, Step};
use crate::view::notice::Notice;

use super::{Effect, MouseSelection, Session, Tab};

impl Session {
    /// Takes the browser's selection in the article once, snapped to words (or graphemes), as
    /// the pending span. A selection that crosses blocks, or is empty after snapping, becomes
    /// nothing; a click places the caret and, on a highlight, selects its annotation.
    pub(super) fn mouse_up(
        &mut self,
        doc: &Document,
        selection: MouseSelection,
        clicked: Option<AnnotationId>,
        effects: &mut Vec<Effect>,
    ) {
        let raw = match selection {
            MouseSelection::Range(raw) => raw,
            MouseSelection::Caret(at) => {
                self.selection = Some(KeySelection::caret(at));
                if clicked.is_some() {
                    self.selected = clicked;
                    self.tab = Tab::Details;
                }
                return;
            }
            MouseSelection::Outside => {
                if clicked.is_some() {
                    self.selected = clicked;
                    self.tab = Tab::Details;
                }
                return;
            }
        };
        effects.push(Effect::ClearBrowserSelection);
        let index = doc.text_index();
        let snapped = if self.snap_words {
            index.snap_to_words(raw)
        } else {
            index.trim_whitespace(index.snap_to_graphemes(raw))
        };
        if snapped.is_empty() {
            return;
        }
        if doc.article.block_containing(snapped).is_none() {
            self.notice = Some(Notice::info(
                "A span stays inside one paragraph (or the title, or the abstract). For a quote that runs on, tag each part and add it with F.",
            ));
            return;
        }
        self.selection = Some(KeySelection { anchor: snapped.start, head: snapped.end });
    }

    pub(super) fn move_caret(&mut self, doc: &Document, direction: Direction, step: Step, extend: bool) {
        let blocks = &doc.article.blocks;
        let Some(first) = blocks.first() else { return };
        let current = self.selection.unwrap_or_else(|| KeySelection::caret(first.span.start));
        self.selection = Some(caret::move_selection(doc.text_index(), blocks, current, direction, step, extend));
    }

    /// Moves the selection to the next (`+1`) or previous (`-1`) annotation in text order.
    pub(super) fn step_selection(&mut self, doc: &Document, delta: isize, effects: &mut Vec<Effect>) {
        let ordered = doc.annotations_in_text_order();
        if ordered.is_empty() {
            return;
        }
        let current = self.selected.as_ref().and_then(|id| ordered.iter().position(|a| &a.id == id));
        let next = match current {
            Some(i) => (i as isize + delta).rem_euclid(ordered.len() as isize) as usize,
            None if delta > 0 => 0,
            None => ordered.len() - 1,
        };
        self.selected = Some(ordered[next].id.clone());
        effects.push(Effect::ScrollToSelected);
    }

    /// Selects the next annotation of `speaker` after the current selection, wrapping around.
    pub(super) fn jump_to_speaker(&mut self, doc: &Document, speaker: &SpeakerId, effects: &mut Vec<Effect>) {
        let ordered = doc.annotations_in_text_order();
        let after = self.selected.as_ref().and_then(|id| ordered.iter().position(|a| &a.id == id));
        let theirs = |(_, a): &(usize, &crate::model::annotation::Annotation)| a.speaker.as_ref() == Some(speaker);
        let mut candidates = ordered.iter().enumerate().filter(theirs);
        let first = candidates.clone().next();
        let next = candidates.find(|(position, _)| after.is_some_and(|after| *position > after)).or(first);
        if let Some((_, annotation)) = next {
            self.selected = Some(annotation.id.clone());
            effects.push(Effect::ScrollToSelected);
        }
    }
}
