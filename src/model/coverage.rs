//! Which spans a set of spans overlaps, each question one binary search: the spans sorted by
//! start, with the furthest end among the first k. Suggestions, the open suggestions and the
//! Compare view's "settled" all ask whether some quote already covers some words.

use super::annotation::{Annotation, AnnotationKind};
use super::text::Span;
use crate::model::sort;

#[derive(Clone, Debug, Default)]
pub struct Coverage {
    spans: Vec<Span>,
    furthest_end: Vec<usize>,
}

impl Coverage {
    pub fn new(mut spans: Vec<Span>) -> Coverage {
        sort::sort(&mut spans);
        let furthest_end = spans
            .iter()
            .scan(0, |end, s| {
                *end = (*end).max(s.end);
                Some(*end)
            })
            .collect();
        Coverage { spans, furthest_end }
    }

    /// The fragments of the annotations of `kind` among `annotations`.
    pub fn of_kind<'a>(annotations: impl IntoIterator<Item = &'a Annotation>, kind: AnnotationKind) -> Coverage {
        let fragments = annotations.into_iter().filter(|a| a.kind == kind).flat_map(|a| a.fragments.iter().copied());
        Coverage::new(fragments.collect())
    }

    /// Whether a span starts before `f` ends and ends after it starts.
    pub fn overlaps(&self, f: Span) -> bool {
        let starting_before_end = self.spans.partition_point(|s| s.start < f.end);
        starting_before_end > 0 && self.furthest_end[starting_before_end - 1] > f.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_early_span_covers_a_later_question() {
        let c = Coverage::new(vec![Span::new(20, 25), Span::new(0, 100), Span::new(200, 210)]);
        assert!(c.overlaps(Span::new(50, 60)), "inside the long first span");
        assert!(c.overlaps(Span::new(205, 300)));
        assert!(!c.overlaps(Span::new(100, 200)), "touching ends do not overlap");
        assert!(!Coverage::default().overlaps(Span::new(0, 1)));
    }
}
