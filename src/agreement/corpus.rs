//! Many articles' counts added up into figures. Every figure is computed from counts summed
//! over articles, each article counted with a weight: 1 for the corpus figures, 0, 1, 2, … for
//! a bootstrap resample. F1 over a corpus is therefore micro-averaged per annotator pair
//! (2 Σ|M| / Σ(|A| + |B|)), then averaged over pairs; κ and α pool the matched spans of all
//! articles; α_U pools the articles as separate continua (see `unitizing`).

use std::collections::HashMap;

use super::article::{ArticleStats, CATEGORIES};
use super::labels::Label;
use super::matching::Counts;
use super::nominal::{AlphaCounts, KappaCounts};
use super::unitizing::Pool;

/// The scopes of F1 figures: `all` (every annotation, matched within its kind), then
/// [`super::matching::Scope::ALL`].
pub const SCOPES: [&str; 6] = ["all", "quote", "claim", "direct", "indirect", "mixed"];

/// A figure and what it rests on (see `docs/format.md` §10 for each `n`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Value {
    pub value: Option<f64>,
    pub n: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PairTotals {
    pub a: usize,
    pub b: usize,
    /// Per [`SCOPES`].
    pub exact: [Counts; 6],
    pub lenient: [Counts; 6],
    pub only_a: usize,
    pub only_b: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub annotations: Vec<usize>,
    pub pairs: Vec<PairTotals>,
    /// Per [`Label::ALL`]; `None` unless there are exactly two annotators.
    pub kappa: Option<Vec<Value>>,
    pub alpha: Vec<Value>,
    /// Per [`CATEGORIES`].
    pub alpha_u: Vec<Value>,
}

/// The number of headline figures: F1 exact and lenient per scope, κ and α per label, α_U
/// per category. These are the figures that get confidence intervals.
pub const HEADLINE: usize = 2 * SCOPES.len() + 2 * Label::ALL.len() + CATEGORIES.len();

impl Evaluation {
    /// F1 per pair, then the mean over the pairs where it is defined.
    pub fn f1_mean(&self, exact: bool, scope: usize) -> Option<f64> {
        let f1s: Vec<f64> =
            self.pairs.iter().filter_map(|p| if exact { p.exact[scope] } else { p.lenient[scope] }.f1()).collect();
        (!f1s.is_empty()).then(|| f1s.iter().sum::<f64>() / f1s.len() as f64)
    }

    /// F1 exact per scope, F1 lenient per scope, κ per label, α per label, α_U per category.
    pub fn headline(&self) -> Vec<Option<f64>> {
        let mut out = Vec::with_capacity(HEADLINE);
        for exact in [true, false] {
            out.extend((0..SCOPES.len()).map(|s| self.f1_mean(exact, s)));
        }
        match &self.kappa {
            Some(k) => out.extend(k.iter().map(|v| v.value)),
            None => out.extend(Label::ALL.iter().map(|_| None)),
        }
        out.extend(self.alpha.iter().map(|v| v.value));
        out.extend(self.alpha_u.iter().map(|v| v.value));
        out
    }
}

/// Articles' counts prepared for weighting: label values renamed into one numbering for the
/// corpus, α_U continua ranked once.
pub struct Corpus<'a> {
    articles: &'a [ArticleStats],
    annotators: usize,
    /// `[label][article][local value]` → value number in the corpus.
    maps: Vec<Vec<Vec<u32>>>,
    sizes: Vec<usize>,
    pools: Vec<Pool>,
}

impl<'a> Corpus<'a> {
    /// The articles must have the same annotators (a pairing guarantees it).
    pub fn new(articles: &'a [ArticleStats]) -> Corpus<'a> {
        let mut maps = Vec::new();
        let mut sizes = Vec::new();
        for (l, label) in Label::ALL.iter().enumerate() {
            let mut numbers: HashMap<String, u32> = HashMap::new();
            let per_article = articles
                .iter()
                .enumerate()
                .map(|(k, a)| {
                    a.labels[l]
                        .values
                        .iter()
                        .map(|v| {
                            // Speaker identities are per article: "#0" in two articles is not one person.
                            let key = if *label == Label::Speaker { format!("{k}{v}") } else { v.clone() };
                            let next = numbers.len() as u32;
                            *numbers.entry(key).or_insert(next)
                        })
                        .collect()
                })
                .collect();
            maps.push(per_article);
            sizes.push(numbers.len());
        }
        let pools = (0..CATEGORIES.len())
            .map(|c| Pool::new(&articles.iter().map(|a| &a.unitizing[c]).collect::<Vec<_>>()))
            .collect();
        let annotators = articles.first().map_or(0, |a| a.annotators);
        Corpus { articles, annotators, maps, sizes, pools }
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every article once.
    pub fn evaluate_all(&self) -> Evaluation {
        self.evaluate(&vec![1; self.articles.len()])
    }

    /// The figures with article `k` counted `weights[k]` times.
    pub fn evaluate(&self, weights: &[u32]) -> Evaluation {
        let mut annotations = vec![0; self.annotators];
        let mut pairs: Vec<PairTotals> = match self.articles.first() {
            None => Vec::new(),
            Some(first) => first
                .pairs
                .iter()
                .map(|p| PairTotals {
                    a: p.a,
                    b: p.b,
                    exact: Default::default(),
                    lenient: Default::default(),
                    only_a: 0,
                    only_b: 0,
                })
                .collect(),
        };
        for (article, &w) in self.articles.iter().zip(weights) {
            if w == 0 {
                continue;
            }
            let w = w as usize;
            for (total, n) in annotations.iter_mut().zip(&article.annotations) {
                *total += n * w;
            }
            for (total, p) in pairs.iter_mut().zip(&article.pairs) {
                for s in 0..5 {
                    total.exact[s + 1].add(p.exact[s], w);
                    total.lenient[s + 1].add(p.lenient[s], w);
                }
                total.only_a += p.only_a.len() * w;
                total.only_b += p.only_b.len() * w;
            }
        }
        for p in &mut pairs {
            // Matching never crosses kinds, so all = quotes + claims.
            for counts in [&mut p.exact, &mut p.lenient] {
                counts[0] = counts[1];
                let claims = counts[2];
                counts[0].add(claims, 1);
            }
        }
        let mut alpha = Vec::new();
        let mut kappa = Vec::new();
        for l in 0..Label::ALL.len() {
            let mut a = AlphaCounts { disagreeing: 0.0, values: vec![0.0; self.sizes[l]] };
            let mut k =
                KappaCounts { first: vec![0.0; self.sizes[l]], second: vec![0.0; self.sizes[l]], ..Default::default() };
            for ((article, &w), map) in self.articles.iter().zip(weights).zip(&self.maps[l]) {
                if w == 0 {
                    continue;
                }
                let stats = &article.labels[l];
                a.add_scaled(&stats.alpha, w as f64, map);
                if let Some(counts) = &stats.kappa {
                    k.add_scaled(counts, w as f64, map);
                }
            }
            alpha.push(Value { value: a.alpha(), n: a.pairable() });
            kappa.push(Value { value: k.kappa(), n: k.items });
        }
        let float_weights: Vec<f64> = weights.iter().map(|&w| w as f64).collect();
        let alpha_u =
            self.pools.iter().map(|p| Value { value: p.alpha(&float_weights), n: p.units(&float_weights) }).collect();
        Evaluation { annotations, pairs, kappa: (self.annotators == 2).then_some(kappa), alpha, alpha_u }
    }
}
