//! The train/dev/test split, by article: the same rule in the app and the command-line tool,
//! so a split made in one is the split made in the other.
//!
//! For each article id, `u` is the first 8 bytes (big-endian) of SHA-256(`"{seed}\n{id}"`)
//! divided by 2^64; the article is in train if `u < train`, in dev if `u < train + dev`, else
//! in test. Each article's split depends only on its own id and the seed, so adding articles
//! to a corpus never moves an existing article to another split, and any language with
//! SHA-256 can reproduce it (`docs/format.md` has it in Python).

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Split {
    Train,
    Dev,
    Test,
}

impl Split {
    pub const ALL: [Split; 3] = [Split::Train, Split::Dev, Split::Test];
    pub const NAMES: &'static [&'static str] = &["train", "dev", "test"];

    pub fn as_str(self) -> &'static str {
        Split::NAMES[self as usize]
    }

    pub fn parse(s: &str) -> Option<Split> {
        Split::ALL.into_iter().find(|split| split.as_str() == s)
    }
}

/// The shares of train, dev and test: each at least 0, summing to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ratios {
    train: f64,
    dev: f64,
    test: f64,
}

/// How far from 1 (or 100) the ratios may sum: rounding in decimal input, never a real gap.
const TOLERANCE: f64 = 1e-9;

impl Ratios {
    /// Checks three shares: finite, non-negative, summing to 1.
    pub fn new(train: f64, dev: f64, test: f64) -> Result<Ratios, RatiosError> {
        let shares = [train, dev, test];
        Ratios::check_each(&shares)?;
        let sum: f64 = shares.iter().sum();
        if (sum - 1.0).abs() > TOLERANCE {
            return Err(RatiosError(format!(
                "the ratios must sum to 1 (or to 100 as percentages), they sum to {}",
                decimal(sum)
            )));
        }
        Ok(Ratios { train, dev, test })
    }

    fn check_each(shares: &[f64]) -> Result<(), RatiosError> {
        match shares.iter().find(|r| !r.is_finite() || **r < 0.0) {
            Some(bad) if bad.is_nan() => {
                Err(RatiosError("each ratio must be a number of at least 0, found NaN".into()))
            }
            Some(bad) if bad.is_infinite() => Err(RatiosError(format!(
                "each ratio must be a number of at least 0, found {}inf",
                if *bad < 0.0 { "-" } else { "" }
            ))),
            Some(bad) => {
                Err(RatiosError(format!("each ratio must be a number of at least 0, found {}", decimal(*bad))))
            }
            None => Ok(()),
        }
    }

    /// Reads `80/10/10` (percentages) or `0.8,0.1,0.1` (fractions): three numbers separated
    /// by `/` or `,`. Numbers that sum to 100 are read as percentages.
    pub fn parse(s: &str) -> Result<Ratios, RatiosError> {
        let parts: Vec<&str> = s.split(['/', ',']).map(str::trim).collect();
        let [train, dev, test] = parts[..] else {
            return Err(RatiosError(format!(
                "expected three ratios for train, dev and test such as 80/10/10 or 0.8,0.1,0.1, found {s:?}"
            )));
        };
        let number = |part: &str| {
            plain_decimal(part)
                .map_err(|why| RatiosError(format!("{part:?} {why} (ratios look like 80/10/10 or 0.8,0.1,0.1)")))
        };
        let (train, dev, test) = (number(train)?, number(dev)?, number(test)?);
        // Checked before reading percentages, so the message shows the number as written.
        Ratios::check_each(&[train, dev, test])?;
        if (train + dev + test - 100.0).abs() <= TOLERANCE * 100.0 {
            return Ratios::new(train / 100.0, dev / 100.0, test / 100.0);
        }
        Ratios::new(train, dev, test)
    }

    pub fn train(&self) -> f64 {
        self.train
    }

    pub fn dev(&self) -> f64 {
        self.dev
    }

    pub fn test(&self) -> f64 {
        self.test
    }

    /// The split of the article `article_id` (see the module's rule).
    pub fn split_of(&self, seed: u64, article_id: &str) -> Split {
        let u = unit_interval(seed, article_id);
        if u < self.train {
            Split::Train
        } else if u < self.train + self.dev {
            Split::Dev
        } else {
            Split::Test
        }
    }
}

/// A plain decimal number ("80", "0.8", "-10", ".5"; no exponent, at most 15 significant
/// digits and 22 decimals, which any ratio fits), as the `f64` nearest to it: the same value
/// `str::parse::<f64>` and Python's `float()` give, so splits agree everywhere. The digits are
/// an integer below 2^53 and 10^decimals is exact in an `f64`, so one division rounds
/// correctly. `str::parse` would link the standard library's general algorithm and its 10 KB
/// table of powers of five into the app's bundle for three small numbers.
fn plain_decimal(s: &str) -> Result<f64, &'static str> {
    const POWERS_OF_TEN: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    let (negative, unsigned) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    // Trailing zeros after the point change nothing; leading zeros before it neither.
    let (whole, fraction) = (whole.trim_start_matches('0'), fraction.trim_end_matches('0'));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if unsigned.is_empty() || unsigned == "." || !all_digits(whole) || !all_digits(fraction) {
        return Err("is not a number");
    }
    let digits = format!("{whole}{fraction}");
    if digits.trim_start_matches('0').len() > 15 || fraction.len() >= POWERS_OF_TEN.len() {
        return Err("has more digits than a ratio needs: give at most 15");
    }
    let mantissa: u64 = if digits.is_empty() { 0 } else { digits.parse().map_err(|_| "is not a number")? };
    let value = mantissa as f64 / POWERS_OF_TEN[fraction.len()];
    Ok(if negative { -value } else { value })
}

/// `x` to nine decimals at most (the tolerance the sum is checked to), without trailing zeros
/// ("95", "0.95", "-10"), printed from integers: formatting an `f64` would pull float printing
/// (over 10 KB) into the app's bundle.
fn decimal(x: f64) -> String {
    const SCALE: u128 = 1_000_000_000;
    let billionths = (x * SCALE as f64).round() as i128;
    let (sign, magnitude) = (if billionths < 0 { "-" } else { "" }, billionths.unsigned_abs());
    let (whole, fraction) = (magnitude / SCALE, magnitude % SCALE);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:09}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

/// Shown to a person: `80/10/10` style percentages.
impl fmt::Display for Ratios {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let percent = |r: f64| (r * 100.0 * 1e6).round() / 1e6;
        write!(f, "{}/{}/{}", percent(self.train), percent(self.dev), percent(self.test))
    }
}

/// Why ratios were refused, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RatiosError(pub String);

impl fmt::Display for RatiosError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RatiosError {}

/// A number in [0, 1] drawn from the seed and the id: the first 8 bytes of the SHA-256 as a
/// big-endian integer, over 2^64. Converting to `f64` rounds to nearest and dividing by a
/// power of two is exact, so this equals Python's `int.from_bytes(h[:8], "big") / 2**64`.
pub fn unit_interval(seed: u64, article_id: &str) -> f64 {
    let digest = Sha256::digest(format!("{seed}\n{article_id}").as_bytes());
    let first: [u8; 8] = digest[..8].try_into().expect("a SHA-256 has 32 bytes");
    u64::from_be_bytes(first) as f64 / 18_446_744_073_709_551_616.0
}

/// How many articles fell in each split.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SplitCounts {
    pub train: usize,
    pub dev: usize,
    pub test: usize,
}

impl SplitCounts {
    /// Counts the splits of `ids`.
    pub fn of<'a>(ratios: &Ratios, seed: u64, ids: impl IntoIterator<Item = &'a str>) -> SplitCounts {
        let mut counts = SplitCounts::default();
        for id in ids {
            counts.add(ratios.split_of(seed, id));
        }
        counts
    }

    pub fn add(&mut self, split: Split) {
        *self.get_mut(split) += 1;
    }

    pub fn get(&self, split: Split) -> usize {
        match split {
            Split::Train => self.train,
            Split::Dev => self.dev,
            Split::Test => self.test,
        }
    }

    fn get_mut(&mut self, split: Split) -> &mut usize {
        match split {
            Split::Train => &mut self.train,
            Split::Dev => &mut self.dev,
            Split::Test => &mut self.test,
        }
    }

    pub fn total(&self) -> usize {
        self.train + self.dev + self.test
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unit_number_matches_python() {
        // int.from_bytes(hashlib.sha256(b"42\nstory-1").digest()[:8], "big") / 2**64, and so on.
        assert_eq!(unit_interval(42, "story-1"), 0.1318850901160256);
        assert_eq!(unit_interval(42, "story-2"), 0.3856284289138366);
        assert_eq!(unit_interval(7, "a"), 0.5982931806435308);
    }

    /// The same `f64`, bit for bit (so 0.0 and -0.0 are told apart).
    fn bits(x: Result<f64, &str>) -> Option<u64> {
        x.ok().map(f64::to_bits)
    }

    #[test]
    fn plain_decimals_read_as_the_standard_library_reads_them() {
        for s in ["80", "0.8", "0.1", "0.7", "0.2", "33.333", "0", "-0", "000.000", ".5", "5.", "-10", "+7"] {
            assert_eq!(bits(plain_decimal(s)), s.parse::<f64>().ok().map(f64::to_bits), "{s}");
        }
        for s in ["", ".", "-", "1.2.3", "a", "NaN", "inf", "1e2", "0x10", " 1"] {
            assert_eq!(plain_decimal(s), Err("is not a number"), "{s:?}");
        }
        let too_long = Err("has more digits than a ratio needs: give at most 15");
        assert_eq!(plain_decimal("0.3333333333333333"), too_long, "Python's 1/3 has 16");
        assert_eq!(plain_decimal("0.00000000000000000000001"), too_long, "23 decimals");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2_000, failure_persistence: None, ..proptest::prelude::ProptestConfig::default()
        })]
        #[test]
        fn any_decimal_of_fifteen_digits_reads_as_str_parse_does(
            digits in "[0-9]{1,15}", point in 0usize..16, zeros in 0usize..8, negative: bool,
        ) {
            let point = point.min(digits.len());
            let sign = if negative { "-" } else { "" };
            let s = format!("{sign}{}.{}{}", &digits[..point], &digits[point..], "0".repeat(zeros));
            proptest::prop_assert_eq!(bits(plain_decimal(&s)), s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
        }

        /// Small numbers: up to 22 decimals, the most an exact power of ten divides by.
        #[test]
        fn small_decimals_up_to_twenty_two_places_read_as_str_parse_does(
            digits in "[1-9][0-9]{0,14}", leading in 0usize..22,
        ) {
            let leading = leading.min(22 - digits.len().min(22));
            let s = format!("0.{}{digits}", "0".repeat(leading));
            proptest::prop_assume!(s.len() - 2 <= 22);
            proptest::prop_assert_eq!(bits(plain_decimal(&s)), s.parse::<f64>().ok().map(f64::to_bits), "{}", s);
        }
    }

    #[test]
    fn names_round_trip() {
        for split in Split::ALL {
            assert_eq!(Split::parse(split.as_str()), Some(split));
        }
        assert_eq!(serde_json::to_string(&Split::Dev).unwrap(), "\"dev\"");
    }
}
