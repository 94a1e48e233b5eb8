//! Span matching between two annotators: which of A's annotations is which of B's.
//!
//! An annotation covers the characters of its fragments (cue and source mention are not part
//! of the span). Two annotations' *overlap* is the number of characters both cover divided by
//! the number either covers (intersection over union), so 1 means the same characters and a
//! short span inside a long one scores low. They match *exactly* when they are of the same kind
//! with identical fragments, *leniently* when they are of the same kind and their overlap is at
//! least the threshold (and above zero). Matching is one to one and greedy: candidate pairs are
//! taken best overlap first (ties in text order), each annotation used at most once. Greedy is
//! not always the largest matching, but with spans of one annotator rarely overlapping it
//! almost always is, and it is the same answer everywhere.

use crate::model::annotation::{Annotation, AnnotationKind, QuoteType};
use crate::model::{greedy, sort};

/// A subset of annotations scored on its own: each kind, and each quote type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    Quote,
    Claim,
    Direct,
    Indirect,
    Mixed,
}

impl Scope {
    pub const ALL: [Scope; 5] = [Scope::Quote, Scope::Claim, Scope::Direct, Scope::Indirect, Scope::Mixed];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Quote => "quote",
            Scope::Claim => "claim",
            Scope::Direct => "direct",
            Scope::Indirect => "indirect",
            Scope::Mixed => "mixed",
        }
    }

    pub fn includes(self, a: &Annotation) -> bool {
        match self {
            Scope::Quote => a.kind == AnnotationKind::Quote,
            Scope::Claim => a.kind == AnnotationKind::Claim,
            Scope::Direct => a.quote_type == Some(QuoteType::Direct),
            Scope::Indirect => a.quote_type == Some(QuoteType::Indirect),
            Scope::Mixed => a.quote_type == Some(QuoteType::Mixed),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    Exact,
    /// The least overlap (intersection over union of covered characters) that counts.
    Lenient(f64),
}

/// Characters covered by the fragments (sorted and non-overlapping, as the model keeps them).
pub fn covered_len(a: &Annotation) -> usize {
    a.fragments.iter().map(|f| f.len()).sum()
}

/// Characters covered by both annotations: one pass over the two sorted fragment lists.
pub fn shared_len(a: &Annotation, b: &Annotation) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.fragments.len() && j < b.fragments.len() {
        let (x, y) = (a.fragments[i], b.fragments[j]);
        shared += x.end.min(y.end).saturating_sub(x.start.max(y.start));
        if x.end <= y.end {
            i += 1;
        } else {
            j += 1;
        }
    }
    shared
}

/// Intersection over union of the covered characters, 0 to 1.
pub fn overlap(a: &Annotation, b: &Annotation) -> f64 {
    let shared = shared_len(a, b);
    let union = covered_len(a) + covered_len(b) - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// How well `a` and `b` match in `mode`, or `None` when they do not.
pub fn score(a: &Annotation, b: &Annotation, mode: Mode) -> Option<f64> {
    if a.kind != b.kind || a.first_start() >= b.last_end() || b.first_start() >= a.last_end() {
        return None;
    }
    match mode {
        Mode::Exact => (a.fragments == b.fragments).then_some(1.0),
        Mode::Lenient(threshold) => {
            let o = overlap(a, b);
            (o > 0.0 && o >= threshold).then_some(o)
        }
    }
}

/// A one-to-one matching: pairs of indices into A and B, and what is left on each side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matching {
    /// `(index in A, index in B)`, in A's order.
    pub pairs: Vec<(usize, usize)>,
    pub only_a: Vec<usize>,
    pub only_b: Vec<usize>,
}

/// Greedy one-to-one matching of `a` against `b` (see the module's comment).
pub fn match_spans(a: &[&Annotation], b: &[&Annotation], mode: Mode) -> Matching {
    let mut candidates = Vec::new();
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            if let Some(s) = score(x, y, mode) {
                candidates.push((s, i, j));
            }
        }
    }
    // Equal overlaps keep text order, so the result does not depend on the sort.
    let greedy::Paired { mut pairs, used_a, used_b } = greedy::pair(candidates, a.len(), b.len());
    sort::sort(&mut pairs);
    let unused = |used: &[bool]| used.iter().enumerate().filter(|(_, u)| !**u).map(|(i, _)| i).collect();
    Matching { only_a: unused(&used_a), only_b: unused(&used_b), pairs }
}

/// Matched pairs and the sizes of the two sides: enough to compute F1, and they add up over
/// articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub matched: usize,
    pub a: usize,
    pub b: usize,
}

impl Counts {
    pub fn of(m: &Matching, a: usize, b: usize) -> Counts {
        Counts { matched: m.pairs.len(), a, b }
    }

    /// F1 = 2|M| / (|A| + |B|); `None` when neither annotator has a span here (nothing to
    /// agree on is neither agreement nor disagreement).
    pub fn f1(&self) -> Option<f64> {
        let total = self.a + self.b;
        (total > 0).then(|| 2.0 * self.matched as f64 / total as f64)
    }

    pub fn add(&mut self, other: Counts, weight: usize) {
        self.matched += other.matched * weight;
        self.a += other.a * weight;
        self.b += other.b * weight;
    }
}
