//! Primitive edits and their inverses. The reducer turns an action into a list of these; the
//! history keeps the lists, so undo costs the size of the edit, never a copy of the document.

use super::annotation::Annotation;
use super::document::{Document, NextIds};
use super::rejection::RejectedSuggestion;
use super::schema::Target;
use super::speaker::Speaker;

// Nearly every change carries an annotation or a speaker; boxing them would add an
// allocation per edit to save bytes only on the rare `NextIds` entries.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    InsertAnnotation(Annotation),
    RemoveAnnotation(Annotation),
    ReplaceAnnotation {
        before: Annotation,
        after: Annotation,
    },
    InsertSpeaker {
        at: usize,
        speaker: Speaker,
    },
    RemoveSpeaker {
        at: usize,
        speaker: Speaker,
    },
    ReplaceSpeaker {
        before: Speaker,
        after: Speaker,
    },
    InsertTarget {
        at: usize,
        target: Target,
    },
    RemoveTarget {
        at: usize,
        target: Target,
    },
    ReplaceTarget {
        before: Target,
        after: Target,
    },
    NextIds {
        before: NextIds,
        after: NextIds,
    },
    /// Appended to the document's rejected suggestions (and removed from the end by its inverse).
    InsertRejection(RejectedSuggestion),
    RemoveRejection(RejectedSuggestion),
}

impl Change {
    pub fn inverse(&self) -> Change {
        use Change::*;
        match self.clone() {
            InsertAnnotation(a) => RemoveAnnotation(a),
            RemoveAnnotation(a) => InsertAnnotation(a),
            ReplaceAnnotation { before, after } => ReplaceAnnotation { before: after, after: before },
            InsertSpeaker { at, speaker } => RemoveSpeaker { at, speaker },
            RemoveSpeaker { at, speaker } => InsertSpeaker { at, speaker },
            ReplaceSpeaker { before, after } => ReplaceSpeaker { before: after, after: before },
            InsertTarget { at, target } => RemoveTarget { at, target },
            RemoveTarget { at, target } => InsertTarget { at, target },
            ReplaceTarget { before, after } => ReplaceTarget { before: after, after: before },
            NextIds { before, after } => NextIds { before: after, after: before },
            InsertRejection(r) => RemoveRejection(r),
            RemoveRejection(r) => InsertRejection(r),
        }
    }

    /// Whether the change can be applied to `doc`: what it removes or replaces is there as it
    /// was, and what it inserts is not. The save journal replays only changes that fit.
    pub fn fits(&self, doc: &Document) -> bool {
        use Change::*;
        match self {
            InsertAnnotation(a) => doc.annotation(&a.id).is_none(),
            RemoveAnnotation(a) => doc.annotation(&a.id) == Some(a),
            // A replacement keeps the id: otherwise it could make two of one id.
            ReplaceAnnotation { before, after } => before.id == after.id && doc.annotation(&before.id) == Some(before),
            InsertSpeaker { at, speaker } => doc.speaker(&speaker.id).is_none() && *at <= doc.speakers.len(),
            RemoveSpeaker { at, speaker } => doc.speakers.get(*at) == Some(speaker),
            ReplaceSpeaker { before, after } => before.id == after.id && doc.speaker(&before.id) == Some(before),
            InsertTarget { at, target } => doc.schema.target(&target.id).is_none() && *at <= doc.schema.targets.len(),
            RemoveTarget { at, target } => doc.schema.targets.get(*at) == Some(target),
            ReplaceTarget { before, after } => before.id == after.id && doc.schema.target(&before.id) == Some(before),
            NextIds { before, .. } => doc.next_ids == *before,
            InsertRejection(r) => !doc.rejected_suggestions.iter().any(|x| x.fragments == r.fragments),
            RemoveRejection(r) => doc.rejected_suggestions.contains(r),
        }
    }

    /// Applies the change. Changes are only ever applied to the state they were planned
    /// against (or, for undo, the state they produced), so the lookups below always succeed;
    /// a failure would be a bug in the reducer, hence the panics.
    pub fn apply(&self, doc: &mut Document) {
        use Change::*;
        match self {
            InsertAnnotation(a) => {
                doc.insert_sorted(a.clone());
            }
            RemoveAnnotation(a) => {
                let i = doc.annotation_position(&a.id).expect("removed annotation exists");
                doc.annotations.remove(i);
            }
            ReplaceAnnotation { before, after } => {
                let i = doc.annotation_position(&before.id).expect("replaced annotation exists");
                if before.order_key() == after.order_key() {
                    doc.annotations[i] = after.clone();
                } else {
                    doc.annotations.remove(i);
                    doc.insert_sorted(after.clone());
                }
            }
            InsertSpeaker { at, speaker } => doc.speakers.insert(*at, speaker.clone()),
            RemoveSpeaker { at, speaker } => {
                assert_eq!(doc.speakers[*at].id, speaker.id, "removed speaker is where it was");
                doc.speakers.remove(*at);
            }
            ReplaceSpeaker { before, after } => {
                let i = doc.speaker_position(&before.id).expect("replaced speaker exists");
                doc.speakers[i] = after.clone();
            }
            InsertTarget { at, target } => doc.schema.targets.insert(*at, target.clone()),
            RemoveTarget { at, target } => {
                assert_eq!(doc.schema.targets[*at].id, target.id, "removed target is where it was");
                doc.schema.targets.remove(*at);
            }
            ReplaceTarget { before, after } => {
                let i = doc.schema.targets.iter().position(|t| t.id == before.id).expect("replaced target exists");
                doc.schema.targets[i] = after.clone();
            }
            NextIds { after, .. } => doc.next_ids = *after,
            InsertRejection(r) => doc.rejected_suggestions.push(r.clone()),
            RemoveRejection(r) => {
                let i = doc.rejected_suggestions.iter().rposition(|x| x == r).expect("removed rejection exists");
                doc.rejected_suggestions.remove(i);
            }
        }
    }
}

/// Applies `changes` in order.
pub fn apply_all(doc: &mut Document, changes: &[Change]) {
    for c in changes {
        c.apply(doc);
    }
}

/// The changes that undo `changes` (which were applied in order): their inverses, backwards.
pub fn inverse_all(changes: &[Change]) -> Vec<Change> {
    changes.iter().rev().map(Change::inverse).collect()
}

/// Reverts `changes` (which were applied in order) by applying their inverses backwards.
pub fn revert_all(doc: &mut Document, changes: &[Change]) {
    for c in changes.iter().rev() {
        c.inverse().apply(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Article;
    use crate::model::schema::Schema;
    use crate::model::speaker::{SpeakerId, SpeakerKind};

    #[test]
    fn a_change_and_its_inverse_cancel_out() {
        let mut doc = Document::new(Article::parse_text("Some text.").unwrap(), Schema::default());
        let speaker = Speaker {
            id: SpeakerId("s1".into()),
            name: "A".into(),
            kind: SpeakerKind::Group,
            role: None,
            aliases: vec![],
            wikidata: None,
        };
        let renamed = Speaker { name: "B".into(), ..speaker.clone() };
        let target = Target { id: "t".into(), label: "T".into() };
        let changes = vec![
            Change::InsertSpeaker { at: 0, speaker: speaker.clone() },
            Change::ReplaceSpeaker { before: speaker, after: renamed },
            Change::InsertTarget { at: 1, target },
            Change::NextIds { before: doc.next_ids, after: NextIds { annotation: 5, speaker: 2 } },
        ];
        let start = doc.clone();
        apply_all(&mut doc, &changes);
        assert_eq!(doc.speakers[0].name, "B");
        assert_eq!(doc.next_ids.annotation, 5);
        revert_all(&mut doc, &changes);
        assert_eq!(doc, start);
        assert!(changes.iter().all(|c| c.inverse().inverse() == *c));
    }
}
