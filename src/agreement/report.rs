//! The agreement report: figures per article and over the corpus, named for readers and for
//! JSON (`docs/format.md` §10 lists every field). Building it is the one place that runs the
//! whole pipeline: pair, count per article, add up, bootstrap.

use serde::Serialize;

use super::article::{article_stats, ArticleStats, PairStats};
use super::bootstrap::{intervals, DEFAULT_RESAMPLES, DEFAULT_SEED};
use super::corpus::{Corpus, Evaluation, Value, HEADLINE, SCOPES};
use super::labels::Label;
use super::pairing::{Pairing, Unpaired};
use super::{Annotated, DEFAULT_OVERLAP};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// The lenient matching threshold, in (0, 1].
    pub overlap: f64,
    /// Bootstrap resamples; 0 for no confidence intervals.
    pub resamples: usize,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options { overlap: DEFAULT_OVERLAP, resamples: DEFAULT_RESAMPLES, seed: DEFAULT_SEED }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub annotators: Vec<String>,
    pub overlap: f64,
    pub bootstrap: Bootstrap,
    pub unpaired: Vec<Unpaired>,
    pub corpus: Figures,
    pub articles: Vec<ArticleReport>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Bootstrap {
    pub resamples: usize,
    pub seed: u64,
    pub level: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ArticleReport {
    pub article: String,
    pub title: Option<String>,
    pub text_sha256: String,
    pub figures: Figures,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figures {
    pub annotations: Vec<AnnotatorCount>,
    pub f1: F1,
    /// Only with exactly two annotators.
    pub kappa: Option<Labels<Measure>>,
    pub alpha: Labels<Measure>,
    pub alpha_u: Categories<Measure>,
    pub unmatched: Vec<Unmatched>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnnotatorCount {
    pub annotator: String,
    pub annotations: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct F1 {
    pub exact: Scopes<ScopeF1>,
    pub lenient: Scopes<ScopeF1>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scopes<T> {
    pub all: T,
    pub quote: T,
    pub claim: T,
    pub direct: T,
    pub indirect: T,
    pub mixed: T,
}

impl<T> Scopes<T> {
    fn from_fn(mut f: impl FnMut(usize) -> T) -> Scopes<T> {
        Scopes { all: f(0), quote: f(1), claim: f(2), direct: f(3), indirect: f(4), mixed: f(5) }
    }

    /// In [`SCOPES`] order, with their names.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &T)> {
        SCOPES.into_iter().zip([&self.all, &self.quote, &self.claim, &self.direct, &self.indirect, &self.mixed])
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScopeF1 {
    /// The mean over annotator pairs of their F1 (pairs where it is defined).
    pub mean: Option<f64>,
    pub ci: Option<[f64; 2]>,
    pub pairs: Vec<PairF1>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PairF1 {
    pub a: String,
    pub b: String,
    pub f1: Option<f64>,
    pub matched: usize,
    pub a_count: usize,
    pub b_count: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Measure {
    pub value: Option<f64>,
    pub ci: Option<[f64; 2]>,
    /// κ: items (matched spans where both have a value); α: pairable values; α_U: units.
    pub n: u64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Labels<T> {
    pub quote_type: T,
    pub speaker: T,
    pub stance: T,
    pub target: T,
    pub cue: T,
}

impl<T> Labels<T> {
    fn from_fn(mut f: impl FnMut(usize) -> T) -> Labels<T> {
        Labels { quote_type: f(0), speaker: f(1), stance: f(2), target: f(3), cue: f(4) }
    }

    /// In [`Label::ALL`] order, with their names.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &T)> {
        Label::ALL.map(Label::as_str).into_iter().zip([
            &self.quote_type,
            &self.speaker,
            &self.stance,
            &self.target,
            &self.cue,
        ])
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Categories<T> {
    pub quote: T,
    pub claim: T,
}

impl<T> Categories<T> {
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &T)> {
        [("quote", &self.quote), ("claim", &self.claim)].into_iter()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unmatched {
    pub a: String,
    pub b: String,
    /// Annotations of `a` with no lenient match among `b`'s, and the other way round.
    pub only_a: usize,
    pub only_b: usize,
    /// Their ids, in text order; `null` in the corpus figures (ids are per article).
    pub only_a_ids: Option<Vec<String>>,
    pub only_b_ids: Option<Vec<String>>,
}

/// The whole report of a pairing.
pub fn report(pairing: &Pairing, options: &Options) -> Report {
    let stats: Vec<ArticleStats> = pairing
        .articles
        .iter()
        .map(|article| {
            let docs: Vec<Annotated> = pairing
                .annotators
                .iter()
                .zip(&article.docs)
                .map(|(annotator, doc)| Annotated { annotator: annotator.clone(), doc })
                .collect();
            article_stats(&docs, options.overlap)
        })
        .collect();
    let names = &pairing.annotators;
    let corpus = Corpus::new(&stats);
    let cis = intervals(&corpus, options.resamples, options.seed);
    let corpus_figures = figures(&corpus.evaluate_all(), names, &cis, None);
    let articles = pairing
        .articles
        .iter()
        .zip(&stats)
        .map(|(article, s)| ArticleReport {
            article: article.name.clone(),
            title: article.title.clone(),
            text_sha256: article.text_sha256.clone(),
            figures: article_figures_of(s, names),
        })
        .collect();
    Report {
        annotators: names.clone(),
        overlap: options.overlap,
        bootstrap: Bootstrap { resamples: options.resamples, seed: options.seed, level: 0.95 },
        unpaired: pairing.unpaired.clone(),
        corpus: corpus_figures,
        articles,
    }
}

/// The figures of one article, without intervals: what the Compare view shows.
pub fn article_figures(docs: &[Annotated], overlap: f64) -> Figures {
    let names: Vec<String> = docs.iter().map(|d| d.annotator.clone()).collect();
    article_figures_of(&article_stats(docs, overlap), &names)
}

fn article_figures_of(stats: &ArticleStats, names: &[String]) -> Figures {
    let one = std::slice::from_ref(stats);
    figures(&Corpus::new(one).evaluate_all(), names, &[None; HEADLINE], Some(&stats.pairs))
}

/// Names the figures of an evaluation; `cis` in headline order; `pairs` gives unmatched ids.
fn figures(e: &Evaluation, names: &[String], cis: &[Option<[f64; 2]>], pairs: Option<&[PairStats]>) -> Figures {
    let scope_f1 = |exact: bool, s: usize, ci: Option<[f64; 2]>| ScopeF1 {
        mean: e.f1_mean(exact, s),
        ci,
        pairs: e
            .pairs
            .iter()
            .map(|p| {
                let c = if exact { p.exact[s] } else { p.lenient[s] };
                PairF1 {
                    a: names[p.a].clone(),
                    b: names[p.b].clone(),
                    f1: c.f1(),
                    matched: c.matched,
                    a_count: c.a,
                    b_count: c.b,
                }
            })
            .collect(),
    };
    let scopes = SCOPES.len();
    let labels = Label::ALL.len();
    let measure = |v: &Value, ci: Option<[f64; 2]>| Measure { value: v.value, ci, n: v.n.round() as u64 };
    Figures {
        annotations: names
            .iter()
            .zip(&e.annotations)
            .map(|(n, c)| AnnotatorCount { annotator: n.clone(), annotations: *c })
            .collect(),
        f1: F1 {
            exact: Scopes::from_fn(|s| scope_f1(true, s, cis[s])),
            lenient: Scopes::from_fn(|s| scope_f1(false, s, cis[scopes + s])),
        },
        kappa: e.kappa.as_ref().map(|k| Labels::from_fn(|l| measure(&k[l], cis[2 * scopes + l]))),
        alpha: Labels::from_fn(|l| measure(&e.alpha[l], cis[2 * scopes + labels + l])),
        alpha_u: Categories {
            quote: measure(&e.alpha_u[0], cis[2 * scopes + 2 * labels]),
            claim: measure(&e.alpha_u[1], cis[2 * scopes + 2 * labels + 1]),
        },
        unmatched: e
            .pairs
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let ids = |f: fn(&PairStats) -> &Vec<crate::model::annotation::AnnotationId>| {
                    pairs.map(|ps| f(&ps[i]).iter().map(|id| id.0.clone()).collect())
                };
                Unmatched {
                    a: names[p.a].clone(),
                    b: names[p.b].clone(),
                    only_a: p.only_a,
                    only_b: p.only_b,
                    only_a_ids: ids(|p| &p.only_a),
                    only_b_ids: ids(|p| &p.only_b),
                }
            })
            .collect(),
    }
}
