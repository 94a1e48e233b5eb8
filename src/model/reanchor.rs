//! Moving annotations onto a changed text (a corrected typo, a re-scraped article), the way
//! Hypothesis anchors highlights: by each span's exact text, with the context around it to
//! choose between repeats. What cannot be placed unambiguously is reported, never guessed.

use super::annotation::{Annotation, AnnotationId};
use super::article::Article;
use super::document::Document;
use super::export::CONTEXT;
use super::import::{document_from_json, ImportError};
use super::invariants::{fragments_problem, span_problem};
use super::text::{Span, TextIndex};

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
}

impl ReanchorReport {
    pub fn is_clean(&self) -> bool {
        self.dropped.is_empty() && self.cleared.is_empty()
    }
}

/// Reads `doc_json` (which must be valid against its own text) and moves its annotations onto
/// `new_article`'s text. Speakers, schema and id counters carry over unchanged.
pub fn reanchor(doc_json: &str, new_article: &Article) -> Result<(Document, ReanchorReport), ImportError> {
    let old = document_from_json(doc_json)?;
    Ok(reanchor_document(&old, new_article))
}

/// [`reanchor`] for a document already in memory.
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
    (doc, report)
}

fn place_annotation(old: &Document, new: &Document, a: &Annotation, report: &mut ReanchorReport) -> Option<Annotation> {
    let mut out = a.clone();
    for (i, f) in a.fragments.iter().enumerate() {
        match locate(old.text_index(), *f, new) {
            Ok((span, moved)) => {
                count(report, moved);
                out.fragments[i] = span;
            }
            Err(reason) => {
                report.dropped.push(unplaced(old, a, format!("fragments[{i}]"), *f, reason));
                return None;
            }
        }
    }
    out.fragments.sort();
    if let Some(problem) = fragments_problem(&out.fragments) {
        report.dropped.push(unplaced(old, a, "fragments".into(), a.fragments[0], problem));
        return None;
    }
    for (field, slot) in [("cue", &mut out.cue), ("source_mention", &mut out.source_mention)] {
        if let Some(s) = *slot {
            match locate(old.text_index(), s, new) {
                Ok((span, moved)) => {
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

/// Finds `span` of the old text in the new document: at its old offsets if text and context
/// are unchanged there, else the one occurrence of its text, else the occurrence whose
/// surroundings match the old context best, if exactly one does.
fn locate(old: &TextIndex, span: Span, new: &Document) -> Result<(Span, bool), String> {
    let text = old.slice(span);
    let before = old.slice(Span::new(span.start.saturating_sub(CONTEXT), span.start));
    let after = old.slice(Span::new(span.end, span.end + CONTEXT));
    let nix = new.text_index();
    let score = |c: Span| {
        common_suffix(nix.slice(Span::new(c.start.saturating_sub(CONTEXT), c.start)), before)
            + common_prefix(nix.slice(Span::new(c.end, c.end + CONTEXT)), after)
    };
    let full = before.chars().count() + after.chars().count();
    if nix.slice(span) == text && span.end <= nix.cp_len() && score(span) == full && span_problem(new, span).is_none() {
        return Ok((span, false));
    }
    let candidates: Vec<Span> = occurrences(nix, text).into_iter().filter(|c| span_problem(new, *c).is_none()).collect();
    let chosen = match candidates.len() {
        0 => return Err("its text is not in the new text (or only across a block boundary)".into()),
        1 => candidates[0],
        n => {
            let scores: Vec<usize> = candidates.iter().map(|c| score(*c)).collect();
            let best = *scores.iter().max().expect("n > 1");
            if scores.iter().filter(|s| **s == best).count() > 1 {
                return Err(format!("its text appears {n} times and the context does not tell which one it is"));
            }
            candidates[scores.iter().position(|s| *s == best).expect("best is in scores")]
        }
    };
    Ok((chosen, chosen != span))
}

/// Every occurrence of `needle`, overlapping ones included, as code point spans.
fn occurrences(ix: &TextIndex, needle: &str) -> Vec<Span> {
    let hay = ix.text();
    let len = needle.chars().count();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let byte = from + i;
        let start = ix.byte_to_cp(byte).expect("find returns char boundaries");
        out.push(Span::new(start, start + len));
        from = byte + hay[byte..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_include_overlapping_ones_in_code_points() {
        let ix = TextIndex::new("😀aaa😀aa");
        assert_eq!(occurrences(&ix, "aa"), vec![Span::new(1, 3), Span::new(2, 4), Span::new(5, 7)]);
    }

    #[test]
    fn context_agreement_is_counted_in_characters() {
        assert_eq!(common_suffix("said 👍🏽", "he said 👍🏽"), 7);
        assert_eq!(common_prefix("end.", "ends"), 3);
    }
}
