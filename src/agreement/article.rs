//! One article reduced to counts: per annotator pair, matched spans per scope (exact and
//! lenient) and the unmatched ones; per label, the κ and α counts over the article's groups;
//! per category, the α_U counts. Counts, not figures, so that articles add up (`corpus`).

use super::groups::groups;
use super::labels::{self, Label};
use super::matching::{match_spans, Counts, Mode, Scope};
use super::nominal::{AlphaCounts, KappaCounts};
use super::speakers::SpeakerIdentity;
use super::unitizing::{units_of, UnitizingCounts};
use super::Annotated;
use crate::model::annotation::{Annotation, AnnotationId, AnnotationKind};
use crate::model::document::Document;
use crate::model::sort;

/// The α_U categories, in report order.
pub const CATEGORIES: [AnnotationKind; 2] = [AnnotationKind::Quote, AnnotationKind::Claim];

#[derive(Clone, Debug, PartialEq)]
pub struct PairStats {
    /// Annotator indices, `a < b`.
    pub a: usize,
    pub b: usize,
    /// Per [`Scope::ALL`].
    pub exact: [Counts; 5],
    pub lenient: [Counts; 5],
    /// Annotations of `a` (of `b`) with no lenient match in the other's, in text order.
    pub only_a: Vec<AnnotationId>,
    pub only_b: Vec<AnnotationId>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LabelStats {
    /// The label's values in this article; counts refer to them by position.
    pub values: Vec<String>,
    pub alpha: AlphaCounts,
    /// Only with exactly two annotators: groups where both have a value.
    pub kappa: Option<KappaCounts>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ArticleStats {
    pub annotators: usize,
    /// Annotations per annotator.
    pub annotations: Vec<usize>,
    /// Every pair of annotators, `(0,1), (0,2), …, (1,2), …`.
    pub pairs: Vec<PairStats>,
    /// Per [`Label::ALL`].
    pub labels: Vec<LabelStats>,
    /// Per [`CATEGORIES`].
    pub unitizing: Vec<UnitizingCounts>,
}

/// The counts of one article; `docs` share one text.
pub fn article_stats(docs: &[Annotated], overlap: f64) -> ArticleStats {
    let docs: Vec<&Document> = docs.iter().map(|d| d.doc).collect();
    let mut pairs = Vec::new();
    for a in 0..docs.len() {
        for b in a + 1..docs.len() {
            pairs.push(pair_stats(docs[a], docs[b], a, b, overlap));
        }
    }
    let speakers = SpeakerIdentity::build(&docs);
    let groups = groups(&docs, &speakers, overlap);
    let labels = Label::ALL
        .iter()
        .map(|&label| {
            let mut values: Vec<String> = Vec::new();
            let mut alpha = AlphaCounts::default();
            let mut kappa = (docs.len() == 2).then(KappaCounts::default);
            for g in &groups {
                let mut unit: Vec<Option<u32>> = vec![None; docs.len()];
                for (k, i) in g.present() {
                    unit[k] =
                        labels::value(label, &docs[k].annotations[i], k, &speakers).map(|v| intern(&mut values, v));
                }
                let present: Vec<u32> = unit.iter().flatten().copied().collect();
                alpha.add_unit(&present);
                if let (Some(kappa), [Some(x), Some(y)]) = (kappa.as_mut(), unit.as_slice()) {
                    kappa.add_pair(*x, *y);
                }
            }
            LabelStats { values, alpha, kappa }
        })
        .collect();
    let length = docs.first().map_or(0, |d| d.text_index().cp_len());
    let unitizing = CATEGORIES
        .iter()
        .map(|&kind| {
            let coders: Vec<_> = docs
                .iter()
                .map(|d| units_of(d.annotations.iter().filter(|a| a.kind == kind).flat_map(|a| a.fragments.clone())))
                .collect();
            UnitizingCounts::new(&coders, length)
        })
        .collect();
    ArticleStats {
        annotators: docs.len(),
        annotations: docs.iter().map(|d| d.annotations.len()).collect(),
        pairs,
        labels,
        unitizing,
    }
}

fn pair_stats(x: &Document, y: &Document, a: usize, b: usize, overlap: f64) -> PairStats {
    let mut exact = [Counts::default(); 5];
    let mut lenient = [Counts::default(); 5];
    let (mut only_a, mut only_b) = (Vec::new(), Vec::new());
    for (s, scope) in Scope::ALL.iter().enumerate() {
        let xs: Vec<(usize, &Annotation)> =
            x.annotations.iter().enumerate().filter(|(_, a)| scope.includes(a)).collect();
        let ys: Vec<(usize, &Annotation)> =
            y.annotations.iter().enumerate().filter(|(_, a)| scope.includes(a)).collect();
        let xa: Vec<&Annotation> = xs.iter().map(|p| p.1).collect();
        let ya: Vec<&Annotation> = ys.iter().map(|p| p.1).collect();
        exact[s] = Counts::of(&match_spans(&xa, &ya, Mode::Exact), xa.len(), ya.len());
        let m = match_spans(&xa, &ya, Mode::Lenient(overlap));
        lenient[s] = Counts::of(&m, xa.len(), ya.len());
        // Quotes and claims together are every annotation: their unmatched ones are listed.
        if matches!(scope, Scope::Quote | Scope::Claim) {
            only_a.extend(m.only_a.iter().map(|&i| xs[i].0));
            only_b.extend(m.only_b.iter().map(|&j| ys[j].0));
        }
    }
    sort::sort(&mut only_a);
    sort::sort(&mut only_b);
    let ids = |doc: &Document, list: Vec<usize>| list.into_iter().map(|i| doc.annotations[i].id.clone()).collect();
    PairStats { a, b, exact, lenient, only_a: ids(x, only_a), only_b: ids(y, only_b) }
}

fn intern(values: &mut Vec<String>, v: String) -> u32 {
    match values.iter().position(|x| *x == v) {
        Some(i) => i as u32,
        None => {
            values.push(v);
            (values.len() - 1) as u32
        }
    }
}
