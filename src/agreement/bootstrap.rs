//! 95 % confidence intervals by the percentile bootstrap over articles: draw as many articles
//! as the corpus has, with replacement, compute the corpus figures on the draw, repeat; the
//! interval runs from the 2.5th to the 97.5th percentile of the resampled figures. Articles,
//! not spans, are resampled because spans of one article are not independent (one annotator's
//! reading of an article shapes all its spans).
//!
//! The generator is SplitMix64 (Steele, Lea & Flood 2014), written here so the crate needs no
//! random-number dependency and every platform draws the same numbers: the same corpus, seed
//! and number of resamples give the same interval, natively and in the browser.

use super::corpus::{Corpus, HEADLINE};
use crate::model::sort;

/// The seed when none is given.
pub const DEFAULT_SEED: u64 = 0;
/// The number of resamples when none is given.
pub const DEFAULT_RESAMPLES: usize = 1000;

/// SplitMix64: a 64-bit state advanced by a constant, each output a mix of the state.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` by multiply-and-shift (Lemire); its bias, below n / 2^64, is far
    /// under anything a bootstrap could show.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() as u128 * n as u128) >> 64) as usize
    }
}

/// The interval of each headline figure (see [`super::corpus::Evaluation::headline`]): `None`
/// for a figure undefined in more than half of the resamples, and for every figure when there
/// are fewer than two articles (resampling one article says nothing about others).
pub fn intervals(corpus: &Corpus, resamples: usize, seed: u64) -> Vec<Option<[f64; 2]>> {
    let n = corpus.len();
    if n < 2 || resamples == 0 {
        return vec![None; HEADLINE];
    }
    let mut rng = SplitMix64::new(seed);
    let mut draws: Vec<Vec<f64>> = (0..HEADLINE).map(|_| Vec::with_capacity(resamples)).collect();
    let mut weights = vec![0u32; n];
    for _ in 0..resamples {
        weights.iter_mut().for_each(|w| *w = 0);
        for _ in 0..n {
            weights[rng.below(n)] += 1;
        }
        for (d, v) in draws.iter_mut().zip(corpus.evaluate(&weights).headline()) {
            d.extend(v);
        }
    }
    draws
        .into_iter()
        .map(|mut d| {
            if d.len() * 2 < resamples {
                return None;
            }
            sort::sort_by(&mut d, f64::total_cmp);
            Some([percentile(&d, 0.025), percentile(&d, 0.975)])
        })
        .collect()
}

/// The `q` quantile of sorted values, interpolating linearly between ranks (the definition
/// numpy and R use by default).
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    let at = q * (sorted.len() - 1) as f64;
    let (low, high) = (at.floor() as usize, at.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (at - low as f64)
}
