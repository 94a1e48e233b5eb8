//! "According to X, CLAUSE." and "CLAUSE, according to X.": the source phrase names the
//! source and the rest of the sentence is what it reported. The phrase itself is not a cue
//! verb, so no cue span is set (the gold convention: the cue is the main verb only).

use crate::model::annotation::QuoteType;
use crate::model::text::Span;

use super::attribution::Found;
use super::cues::lexicon;
use super::tokens::{Kind, Parsed, Sentence};

pub(crate) fn according_to(p: &Parsed, s: Sentence) -> Option<Found> {
    let lex = lexicon();
    let (at, len) = (s.lo..s.hi).find_map(|k| {
        lex.sources
            .iter()
            .find(|ph| (0..ph.len()).all(|i| k + i < s.hi && p.word(k + i) == ph[i]))
            .map(|ph| (k, ph.len()))
    })?;
    let source_start = at + len;
    let comma_after = (source_start..s.hi).find(|&k| p.is_punct(k, ','));
    if at == s.lo {
        // According to X, CLAUSE.
        let comma = comma_after?;
        let mention = (source_start, comma.checked_sub(1).filter(|&e| e >= source_start)?);
        let (span, qt) = clause(p, comma + 1, s.hi)?;
        return Some(Found {
            fragments: vec![span],
            quote_type: qt,
            cue: None,
            mention: Some(mention),
            confidence: 0.75,
            rule: "according_to",
        });
    }
    // CLAUSE, according to X.
    if at < s.lo + 3 || !p.is_punct(at - 1, ',') || comma_after.is_some() {
        return None;
    }
    let mention = (source_start, last_word(p, source_start, s.hi)?);
    let (span, qt) = clause(p, s.lo, at - 1)?;
    Some(Found {
        fragments: vec![span],
        quote_type: qt,
        cue: None,
        mention: Some(mention),
        confidence: 0.7,
        rule: "according_to.after",
    })
}

fn last_word(p: &Parsed, lo: usize, hi: usize) -> Option<usize> {
    (lo..hi).rev().find(|&k| p.toks[k].kind == Kind::Word)
}

fn clause(p: &Parsed, a: usize, b: usize) -> Option<(Span, QuoteType)> {
    let first = (a..b).find(|&k| !matches!(p.toks[k].kind, Kind::Punct(_)))?;
    let last = (first..b).rev().find(|&k| !matches!(p.toks[k].kind, Kind::Punct(_)))?;
    if (first..=last).filter(|&k| p.toks[k].kind == Kind::Word).count() < 3 {
        return None;
    }
    let qt = if (first..=last).any(|k| p.is_quote(k)) { QuoteType::Mixed } else { QuoteType::Indirect };
    Some((Span::new(p.toks[first].start, p.toks[last].end), qt))
}
