//! The whole annotation state of one article: what is exported, imported, and changed by
//! actions. The text index is derived from the article and cached here.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::annotation::{Annotation, AnnotationId};
use super::article::Article;
use super::ids::TargetId;
use super::rejection::RejectedSuggestion;
use super::schema::Schema;
use super::speaker::{Speaker, SpeakerId};
use super::text::{Span, TextIndex};

/// Counters for fresh ids (`a1`, `a2`, ... and `s1`, ...). They are part of the state and of
/// the export so that ids stay deterministic: redo recreates the same id, and an imported
/// document goes on numbering where it left off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NextIds {
    pub annotation: u64,
    pub speaker: u64,
}

impl Default for NextIds {
    fn default() -> NextIds {
        NextIds { annotation: 1, speaker: 1 }
    }
}

/// Do not assign `article` directly after construction: the cached index would go stale.
/// Build a new document with [`Document::new`] instead.
#[derive(Clone)]
pub struct Document {
    pub article: Article,
    pub schema: Schema,
    /// In the order they were added.
    pub speakers: Vec<Speaker>,
    /// In text order (see [`Annotation::order_key`]).
    pub annotations: Vec<Annotation>,
    pub next_ids: NextIds,
    /// Suggestions turned down, in the order they were rejected.
    pub rejected_suggestions: Vec<RejectedSuggestion>,
    /// Shared between clones: it never changes for a given article, and a UI that clones its
    /// state on every action should not copy four arrays per code point each time.
    index: Arc<TextIndex>,
}

impl PartialEq for Document {
    /// Compares the data; the index is derived from the article.
    fn eq(&self, other: &Document) -> bool {
        self.article == other.article
            && self.schema == other.schema
            && self.speakers == other.speakers
            && self.annotations == other.annotations
            && self.next_ids == other.next_ids
            && self.rejected_suggestions == other.rejected_suggestions
    }
}

impl Eq for Document {}

impl std::fmt::Debug for Document {
    // The index repeats the text and a few arrays per code point: noise in test failures.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("article", &self.article)
            .field("schema", &self.schema)
            .field("speakers", &self.speakers)
            .field("annotations", &self.annotations)
            .field("next_ids", &self.next_ids)
            .field("rejected_suggestions", &self.rejected_suggestions)
            .finish()
    }
}

impl Document {
    pub fn new(article: Article, schema: Schema) -> Document {
        let index = Arc::new(TextIndex::new(&article.text));
        Document {
            article,
            schema,
            speakers: Vec::new(),
            annotations: Vec::new(),
            next_ids: NextIds::default(),
            rejected_suggestions: Vec::new(),
            index,
        }
    }

    pub fn text_index(&self) -> &TextIndex {
        &self.index
    }

    pub fn text(&self) -> &str {
        &self.article.text
    }

    /// The text of a span (clamped to the text).
    pub fn span_text(&self, span: Span) -> &str {
        self.index.slice(span)
    }

    pub fn annotation(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| &a.id == id)
    }

    pub fn annotation_position(&self, id: &AnnotationId) -> Option<usize> {
        self.annotations.iter().position(|a| &a.id == id)
    }

    pub fn speaker(&self, id: &SpeakerId) -> Option<&Speaker> {
        self.speakers.iter().find(|s| &s.id == id)
    }

    pub fn speaker_position(&self, id: &SpeakerId) -> Option<usize> {
        self.speakers.iter().position(|s| &s.id == id)
    }

    /// How many annotations name this speaker.
    pub fn speaker_usage_count(&self, id: &SpeakerId) -> usize {
        self.annotations.iter().filter(|a| a.speaker.as_ref() == Some(id)).count()
    }

    /// How many annotations take a stance toward this target.
    pub fn target_usage_count(&self, target: &TargetId) -> usize {
        self.annotations.iter().filter(|a| a.target.as_ref() == Some(target)).count()
    }

    /// The annotations, ordered by where they start (they are stored that way).
    pub fn annotations_in_text_order(&self) -> &[Annotation] {
        &self.annotations
    }

    /// Annotations with a fragment, cue or source mention overlapping `span`, for the UI's
    /// "what is under the cursor".
    pub fn annotations_at(&self, span: Span) -> impl Iterator<Item = &Annotation> {
        self.annotations.iter().filter(move |a| {
            a.named_spans().iter().any(|(_, s)| s.overlaps(&span) || (span.is_empty() && s.contains(&span)))
        })
    }

    /// Puts an annotation where text order says it belongs.
    pub(crate) fn insert_sorted(&mut self, a: Annotation) -> usize {
        let i = self.annotations.partition_point(|x| x.order_key() < a.order_key());
        self.annotations.insert(i, a);
        i
    }

    /// Restores text order after annotations were added in any order (import).
    pub(crate) fn sort_annotations(&mut self) {
        super::sort::sort_by(&mut self.annotations, |a, b| a.order_key().cmp(&b.order_key()));
    }

    /// The id the next created annotation will get, for a [`super::action::Action::Batch`]
    /// that creates an annotation and then edits it.
    pub fn peek_annotation_id(&self) -> AnnotationId {
        self.fresh_annotation_id().0
    }

    /// The id the next added speaker will get.
    pub fn peek_speaker_id(&self) -> SpeakerId {
        self.fresh_speaker_id().0
    }

    /// The next `aN` id not already taken (an imported file may use any ids).
    pub(crate) fn fresh_annotation_id(&self) -> (AnnotationId, NextIds) {
        let mut n = self.next_ids.annotation.max(1);
        loop {
            let id = AnnotationId(format!("a{n}"));
            if self.annotation(&id).is_none() {
                return (id, NextIds { annotation: n + 1, ..self.next_ids });
            }
            n += 1;
        }
    }

    /// The next `sN` id not already taken.
    pub(crate) fn fresh_speaker_id(&self) -> (SpeakerId, NextIds) {
        let mut n = self.next_ids.speaker.max(1);
        loop {
            let id = SpeakerId(format!("s{n}"));
            if self.speaker(&id).is_none() {
                return (id, NextIds { speaker: n + 1, ..self.next_ids });
            }
            n += 1;
        }
    }

    /// See [`super::invariants::check`].
    pub fn check_invariants(&self) -> Result<(), String> {
        super::invariants::check(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::Action;
    use crate::model::annotation::{AnnotationKind, Origin};
    use crate::model::article::Article;

    fn create(doc: &mut Document, start: usize, end: usize) -> AnnotationId {
        let action = Action::CreateAnnotation {
            kind: AnnotationKind::Claim,
            quote_type: None,
            span: Span::new(start, end),
            author: "t".into(),
            at: "t".into(),
            origin: Origin::Manual,
            rule: None,
        };
        doc.apply(action).unwrap().created_annotation.unwrap()
    }

    #[test]
    fn fresh_ids_skip_ids_already_taken() {
        let mut doc = Document::new(Article::parse_text("One two three four.").unwrap(), Schema::default());
        assert_eq!(doc.peek_annotation_id().0, "a1");
        let a = create(&mut doc, 0, 3);
        // An imported file may already use the next number for something else.
        doc.annotations[0].id = AnnotationId("a2".into());
        assert_eq!(a.0, "a1");
        assert_eq!(doc.peek_annotation_id().0, "a3");
    }

    #[test]
    fn annotations_stay_in_text_order_with_enclosing_first() {
        let mut doc = Document::new(Article::parse_text("One two three four.").unwrap(), Schema::default());
        create(&mut doc, 8, 13);
        create(&mut doc, 4, 7);
        create(&mut doc, 4, 13);
        let order: Vec<(usize, usize)> = doc.annotations.iter().map(|a| (a.first_start(), a.last_end())).collect();
        assert_eq!(order, vec![(4, 13), (4, 7), (8, 13)]);
        let under: Vec<&str> = doc.annotations_at(Span::new(9, 9)).map(|a| a.id.0.as_str()).collect();
        assert_eq!(under, vec!["a3", "a1"]);
    }

    #[test]
    fn equality_ignores_the_cached_index_but_not_the_counters() {
        let a = Document::new(Article::parse_text("Text.").unwrap(), Schema::default());
        let mut b = a.clone();
        assert_eq!(a, b);
        b.next_ids.speaker = 7;
        assert_ne!(a, b);
    }
}
