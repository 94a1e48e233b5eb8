//! Moving a document's annotations onto a changed text (a corrected typo, a re-scraped
//! article): each span is found again by its anchor (see `anchor`). What cannot be placed
//! unambiguously is reported, never guessed. This works on documents in memory; reading one
//! from JSON first is `import::reanchor`, so import depends on this module and not the reverse.

use super::anchor::{Anchor, Found, Lost};
use super::annotation::{Annotation, AnnotationId};
use super::article::Article;
use super::document::Document;
use super::invariants::{fragments_problem, span_problem};
use super::rejection::RejectedSuggestion;
use super::text::Span;

/// A span that could not be placed on the new text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unplaced {
    pub annotation: AnnotationId,
    /// `fragments[0]`, `cue` or `source_mention`.
    pub field: String,
    pub text: String,
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReanchorReport {
    /// Spans found at their old offsets.
    pub unchanged: usize,
    /// Spans found elsewhere.
    pub moved: usize,
    /// Annotations dropped because a fragment could not be placed.
    pub dropped: Vec<Unplaced>,
    /// Cues and source mentions cleared (their annotation was kept).
    pub cleared: Vec<Unplaced>,
    /// Rejected suggestions whose words could not be placed: forgotten, so such a suggestion
    /// may be suggested again.
    pub rejections_forgotten: usize,
}

impl ReanchorReport {
    pub fn is_clean(&self) -> bool {
        self.dropped.is_empty() && self.cleared.is_empty()
    }
}

/// Moves the annotations and rejected suggestions of `old` onto `new_article`'s text.
/// Speakers, schema and id counters carry over unchanged.
pub fn reanchor_document(old: &Document, new_article: &Article) -> (Document, ReanchorReport) {
    let mut doc = Document::new(new_article.clone(), old.schema.clone());
    doc.speakers = old.speakers.clone();
    doc.next_ids = old.next_ids;
    let mut report = ReanchorReport::default();
    let mut placed = Vec::new();
    for a in &old.annotations {
        if let Some(a) = place_annotation(old, &doc, a, &mut report) {
            placed.push(a);
        }
    }
    doc.annotations = placed;
    doc.sort_annotations();
    for r in &old.rejected_suggestions {
        let fragments: Option<Vec<Span>> =
            r.fragments.iter().map(|f| locate(old, *f, &doc).ok().map(|found| found.span)).collect();
        match fragments.filter(|f| fragments_problem(f).is_none()) {
            Some(fragments) => doc.rejected_suggestions.push(RejectedSuggestion { fragments, rule: r.rule.clone() }),
            None => report.rejections_forgotten += 1,
        }
    }
    (doc, report)
}

fn place_annotation(old: &Document, new: &Document, a: &Annotation, report: &mut ReanchorReport) -> Option<Annotation> {
    let mut out = a.clone();
    for (i, f) in a.fragments.iter().enumerate() {
        match locate(old, *f, new) {
            Ok(Found { span, moved }) => {
                count(report, moved);
                out.fragments[i] = span;
            }
            Err(reason) => {
                report.dropped.push(unplaced(old, a, format!("fragments[{i}]"), *f, reason));
                return None;
            }
        }
    }
    super::sort::sort_by(&mut out.fragments, Ord::cmp);
    if let Some(problem) = fragments_problem(&out.fragments) {
        report.dropped.push(unplaced(old, a, "fragments".into(), a.fragments[0], problem));
        return None;
    }
    for (field, slot) in [("cue", &mut out.cue), ("source_mention", &mut out.source_mention)] {
        if let Some(s) = *slot {
            match locate(old, s, new) {
                Ok(Found { span, moved }) => {
                    count(report, moved);
                    *slot = Some(span);
                }
                Err(reason) => {
                    report.cleared.push(unplaced(old, a, field.into(), s, reason));
                    *slot = None;
                }
            }
        }
    }
    Some(out)
}

fn count(report: &mut ReanchorReport, moved: bool) {
    if moved {
        report.moved += 1;
    } else {
        report.unchanged += 1;
    }
}

fn unplaced(old: &Document, a: &Annotation, field: String, span: Span, reason: String) -> Unplaced {
    Unplaced { annotation: a.id.clone(), field, text: old.span_text(span).to_owned(), reason }
}

/// Finds `span` of the old document in the new one, where a span may be placed there.
fn locate(old: &Document, span: Span, new: &Document) -> Result<Found, String> {
    let anchor = Anchor::of(old.text_index(), span);
    anchor.find(new.text_index(), span, |candidate| span_problem(new, candidate).is_none()).map_err(|lost| match lost {
        Lost::Absent => "its text is not in the new text (or only across a block boundary)".to_owned(),
        Lost::Ambiguous(n) => format!("its text appears {n} times and the context does not tell which one it is"),
    })
}
