//! Krippendorff's unitizing α_U (Krippendorff 1995; 2004, §12.4), per category, as DKPro
//! Statistics' `KrippendorffAlphaUnitizingAgreement` computes it (INCEpTION uses that class).
//!
//! The continuum is the article's text, L code points. Each coder's units of the category
//! (its annotations' fragments, overlapping ones merged, since α_U wants one coder's units
//! disjoint) cut the continuum into units and gaps. For two coders' overlapping segments g, h:
//! δ² = (b_g − b_h)² + (e_g − e_h)² when both are units; l_g² when g is a unit lying inside
//! h, a gap (and the same the other way round); else 0. Then
//!   D_o = 2 / (R (R − 1) L²) · Σ over coder pairs of Σ δ²,
//!   D_e = 2 / L · Σ_units [ (N − 1)(2l³ − 3l² + l) / 3 + l² Σ_{gaps g ≥ l} (g − l + 1) ]
//!         / ( R L (R L − 1) − Σ_units l (l − 1) ),
//! with R coders and N units of the category in all, and α_U = 1 − D_o / D_e. DKPro returns 0
//! when D_o = D_e; here α_U is `None` when D_e is 0 (nobody marked the category), and
//! 1 − D_o / D_e otherwise, which is 0 in DKPro's other case too.
//!
//! Over a corpus the articles are pooled as separate continua: observed disagreements add up,
//! L is the total length, and the expected disagreement counts every unit against every gap of
//! every article (a gap ends where its article ends, unlike concatenating the texts).

use crate::model::sort;
use crate::model::text::Span;

/// One coder's units of a category: the spans sorted, overlapping ones merged (touching ones
/// stay two units, as two annotations are two units).
pub fn units_of(spans: impl IntoIterator<Item = Span>) -> Vec<Span> {
    let mut spans: Vec<Span> = spans.into_iter().filter(|s| !s.is_empty()).collect();
    sort::sort(&mut spans);
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start < last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// What α_U needs of one continuum (an article) and one category.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitizingCounts {
    pub coders: usize,
    pub length: usize,
    /// Σ over coder pairs of Σ δ² over their overlapping segments.
    pub observed: f64,
    /// Lengths of every coder's units.
    pub units: Vec<usize>,
    /// Lengths of every coder's gaps.
    pub gaps: Vec<usize>,
}

impl UnitizingCounts {
    /// `coders[r]` is coder r's units (as [`units_of`] gives them) on a continuum of `length`.
    pub fn new(coders: &[Vec<Span>], length: usize) -> UnitizingCounts {
        let segments: Vec<Vec<Segment>> = coders.iter().map(|u| segments(u, length)).collect();
        let mut observed = 0.0;
        for (r, first) in segments.iter().enumerate() {
            for second in &segments[r + 1..] {
                observed += pair_disagreement(first, second);
            }
        }
        let mut counts = UnitizingCounts { coders: coders.len(), length, observed, ..Default::default() };
        for s in segments.iter().flatten() {
            let list = if s.unit { &mut counts.units } else { &mut counts.gaps };
            list.push(s.span.len());
        }
        counts
    }

    /// α_U of this one continuum.
    pub fn alpha(&self) -> Option<f64> {
        Pool::new(&[self]).alpha(&[1.0])
    }

    /// (D_o, D_e) of this one continuum, for checking against published figures.
    pub fn disagreements(&self) -> (f64, f64) {
        Pool::new(&[self]).disagreements(&[1.0])
    }
}

/// α_U of coders' units on one continuum.
pub fn alpha_u(coders: &[Vec<Span>], length: usize) -> Option<f64> {
    UnitizingCounts::new(coders, length).alpha()
}

#[derive(Clone, Copy, Debug)]
struct Segment {
    span: Span,
    unit: bool,
}

/// The units and the gaps between them, tiling `[0, length)`.
fn segments(units: &[Span], length: usize) -> Vec<Segment> {
    let mut out = Vec::with_capacity(2 * units.len() + 1);
    let mut at = 0;
    for u in units {
        if u.start > at {
            out.push(Segment { span: Span::new(at, u.start), unit: false });
        }
        out.push(Segment { span: *u, unit: true });
        at = u.end;
    }
    if length > at {
        out.push(Segment { span: Span::new(at, length), unit: false });
    }
    out
}

/// Σ δ² over the overlapping segments of two coders: both lists tile the continuum, so walking
/// them side by side visits exactly the overlapping pairs.
fn pair_disagreement(first: &[Segment], second: &[Segment]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < first.len() && j < second.len() {
        let (g, h) = (first[i], second[j]);
        sum += delta(g, h);
        match g.span.end.cmp(&h.span.end) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

fn delta(g: Segment, h: Segment) -> f64 {
    let sq = |x: f64| x * x;
    match (g.unit, h.unit) {
        (true, true) if g.span.overlaps(&h.span) => {
            sq(g.span.start as f64 - h.span.start as f64) + sq(g.span.end as f64 - h.span.end as f64)
        }
        (true, false) if h.span.contains(&g.span) => sq(g.span.len() as f64),
        (false, true) if g.span.contains(&h.span) => sq(h.span.len() as f64),
        _ => 0.0,
    }
}

/// Continua prepared for pooling with weights (a bootstrap resample counts an article 0, 1, 2…
/// times). The sum over unit–gap pairs is the costly part; with gap lengths ranked once, each
/// weighting costs one pass over the gaps and the units, without sorting.
pub struct Pool {
    coders: usize,
    /// Distinct gap lengths, ascending.
    lengths: Vec<f64>,
    articles: Vec<Prepared>,
}

struct Prepared {
    length: f64,
    observed: f64,
    units: f64,
    /// Σ (2l³ − 3l² + l) / 3 and Σ l (l − 1) over the units.
    cubic: f64,
    square: f64,
    /// Each gap's rank in `lengths`.
    gaps: Vec<u32>,
    /// Each unit's length and the rank of the first gap length ≥ it.
    units_ranked: Vec<(f64, u32)>,
}

impl Pool {
    /// All continua must have the same number of coders.
    pub fn new(continua: &[&UnitizingCounts]) -> Pool {
        let mut lengths: Vec<usize> = continua.iter().flat_map(|c| c.gaps.iter().copied()).collect();
        sort::sort(&mut lengths);
        lengths.dedup();
        let articles = continua
            .iter()
            .map(|c| Prepared {
                length: c.length as f64,
                observed: c.observed,
                units: c.units.len() as f64,
                cubic: c.units.iter().map(|&l| (l as f64) * (2.0 * (l * l) as f64 - 3.0 * l as f64 + 1.0) / 3.0).sum(),
                square: c.units.iter().map(|&l| (l as f64) * (l as f64 - 1.0)).sum(),
                gaps: c.gaps.iter().map(|g| lengths.partition_point(|x| x < g) as u32).collect(),
                units_ranked: c.units.iter().map(|&l| (l as f64, lengths.partition_point(|x| *x < l) as u32)).collect(),
            })
            .collect();
        let coders = continua.first().map_or(0, |c| c.coders);
        Pool { coders, lengths: lengths.into_iter().map(|l| l as f64).collect(), articles }
    }

    /// (D_o, D_e) with article `k` counted `weights[k]` times.
    pub fn disagreements(&self, weights: &[f64]) -> (f64, f64) {
        let r = self.coders as f64;
        let mut count = vec![0.0; self.lengths.len()];
        let (mut length, mut observed, mut units, mut cubic, mut square) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for (a, &w) in self.articles.iter().zip(weights) {
            if w == 0.0 {
                continue;
            }
            for &g in &a.gaps {
                count[g as usize] += w;
            }
            length += w * a.length;
            observed += w * a.observed;
            units += w * a.units;
            cubic += w * a.cubic;
            square += w * a.square;
        }
        // Gaps at least as long as each rank: how many, and their total length.
        let mut at_least = vec![(0.0, 0.0); self.lengths.len() + 1];
        for i in (0..self.lengths.len()).rev() {
            let (n, total) = at_least[i + 1];
            at_least[i] = (n + count[i], total + count[i] * self.lengths[i]);
        }
        let mut cross = 0.0;
        for (a, &w) in self.articles.iter().zip(weights) {
            if w == 0.0 {
                continue;
            }
            // Σ_{g ≥ l} (g − l + 1) = (Σ g) − (l − 1)·(number of such g).
            let sum: f64 = a
                .units_ranked
                .iter()
                .map(|&(l, rank)| {
                    let (n, total) = at_least[rank as usize];
                    l * l * (total - (l - 1.0) * n)
                })
                .sum();
            cross += w * sum;
        }
        if length == 0.0 || self.coders < 2 {
            return (0.0, 0.0);
        }
        let d_o = 2.0 * observed / (r * (r - 1.0) * length * length);
        let denominator = r * length * (r * length - 1.0) - square;
        let d_e = ((units - 1.0) * cubic + cross) * 2.0 / length / denominator;
        (d_o, d_e)
    }

    pub fn alpha(&self, weights: &[f64]) -> Option<f64> {
        let (d_o, d_e) = self.disagreements(weights);
        (d_e > 0.0).then(|| 1.0 - d_o / d_e)
    }

    /// Units in the pooled continua, with weights.
    pub fn units(&self, weights: &[f64]) -> f64 {
        self.articles.iter().zip(weights).map(|(a, w)| w * a.units).sum()
    }
}
