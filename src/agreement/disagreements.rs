//! What the Compare view lists: where annotators of one article differ, and the spans on which
//! they all agree exactly. Built on the groups of `groups` (lenient matching at
//! [`DEFAULT_OVERLAP`]), so "the same quote with other boundaries" is one entry, not an
//! "only in A" plus an "only in B".
//!
//! Unlike κ and α, which leave missing values out, here an empty value differs from a set one:
//! "A gave a stance, B did not" is something to adjudicate.

use super::groups::{groups, Group};
use super::labels::{self, Label};
use super::speakers::SpeakerIdentity;
use super::DEFAULT_OVERLAP;
use crate::model::annotation::AnnotationId;
use crate::model::document::Document;
use crate::model::text::Span;

/// Re-exported here, beside the functions that take it.
pub use super::Annotated;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DisagreementKind {
    /// Only these annotators (indices into the documents) have the span; the others have
    /// nothing that matches it.
    OnlyIn(Vec<usize>),
    /// The annotators who have it marked different characters.
    Boundaries,
    Speaker,
    Stance,
    Target,
    QuoteType,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    pub kind: DisagreementKind,
    /// Per annotator: the annotation id it concerns, if that annotator has one.
    pub annotations: Vec<Option<AnnotationId>>,
    /// From the earliest start to the latest end of those annotations, for display and sort.
    pub span: Span,
}

/// Every disagreement, in text order; one group of matching spans may give several (only in
/// A and B, and A and B differ on the stance). `docs` share one text.
pub fn disagreements(docs: &[Annotated]) -> Vec<Disagreement> {
    disagreements_with(docs, DEFAULT_OVERLAP)
}

/// The same with another lenient matching threshold.
pub fn disagreements_with(docs: &[Annotated], overlap: f64) -> Vec<Disagreement> {
    let docs: Vec<&Document> = docs.iter().map(|d| d.doc).collect();
    let speakers = SpeakerIdentity::build(&docs);
    let mut out = Vec::new();
    for g in groups(&docs, &speakers, overlap) {
        let annotations = ids(&docs, &g);
        let span = g.span(&docs);
        let present: Vec<usize> = g.present().map(|(k, _)| k).collect();
        let mut push = |kind| out.push(Disagreement { kind, annotations: annotations.clone(), span });
        if present.len() < docs.len() {
            push(DisagreementKind::OnlyIn(present.clone()));
        }
        if present.len() < 2 {
            continue;
        }
        if !same_fragments(&docs, &g) {
            push(DisagreementKind::Boundaries);
        }
        for (label, kind) in [
            (Label::Speaker, DisagreementKind::Speaker),
            (Label::Stance, DisagreementKind::Stance),
            (Label::Target, DisagreementKind::Target),
            (Label::QuoteType, DisagreementKind::QuoteType),
        ] {
            if !same_value(&docs, &g, label, &speakers) {
                push(kind);
            }
        }
    }
    out
}

/// The groups on which every annotator agrees exactly: same kind and fragments, quote type,
/// speaker identity, stance and target. Each is the annotation ids in annotator order, in
/// text order: what "accept every span on which all annotators agree" takes.
pub fn agreed(docs: &[Annotated]) -> Vec<Vec<AnnotationId>> {
    let docs: Vec<&Document> = docs.iter().map(|d| d.doc).collect();
    let speakers = SpeakerIdentity::build(&docs);
    groups(&docs, &speakers, DEFAULT_OVERLAP)
        .into_iter()
        .filter(|g| {
            g.members.iter().all(Option::is_some)
                && same_fragments(&docs, g)
                && [Label::QuoteType, Label::Speaker, Label::Stance, Label::Target]
                    .into_iter()
                    .all(|l| same_value(&docs, g, l, &speakers))
        })
        .map(|g| ids(&docs, &g).into_iter().flatten().collect())
        .collect()
}

fn ids(docs: &[&Document], g: &Group) -> Vec<Option<AnnotationId>> {
    g.members.iter().enumerate().map(|(k, m)| m.map(|i| docs[k].annotations[i].id.clone())).collect()
}

fn same_fragments(docs: &[&Document], g: &Group) -> bool {
    let mut fragments = g.present().map(|(k, i)| &docs[k].annotations[i].fragments);
    let first = fragments.next();
    fragments.all(|f| Some(f) == first)
}

fn same_value(docs: &[&Document], g: &Group, label: Label, speakers: &SpeakerIdentity) -> bool {
    let mut values = g.present().map(|(k, i)| labels::value(label, &docs[k].annotations[i], k, speakers));
    let first = values.next();
    values.all(|v| Some(v) == first)
}
