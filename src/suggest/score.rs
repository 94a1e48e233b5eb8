//! Scoring suggestions against gold quotes, pure: GGT's metric, exact spans, cues, speakers.
//!
//! - Quote types. Gold sets carry no type, so it is derived from the gold's quotation marks:
//!   a span enclosed in quotation marks is direct, one containing double quotation marks but
//!   not enclosed is mixed, one without is indirect (the `quote_marks` field of the GGT set).
//! - A suggestion with several fragments is scored as one prediction per fragment, each with
//!   the suggestion's cue and speaker: the gold splits an interrupted quote at the narrator's
//!   words, so a fragment is what corresponds to a gold quote.
//! - GGT's metric: a prediction matches a gold quote when their overlap divided by the gold
//!   length exceeds the threshold (0.3 lenient, 0.8 strict); pairs are taken greedily, best
//!   ratio first, one to one. Recall per type counts gold quotes of that type; precision per
//!   type counts predictions of that (predicted) type.
//! - The speaker is correct when the predicted mention overlaps the gold speaker span, or
//!   both have none (a floating quote). Speaker accuracy is over lenient matches; end-to-end
//!   speaker recall is correct speakers over all gold quotes. "Name" compares the resolved
//!   speaker name with the gold's resolved name, ignoring case.
//! - Exact match compares spans after trimming quotation marks, spaces and punctuation at
//!   both ends, one to one. A cue is correct when a lenient match has the same cue span.

use crate::model::annotation::QuoteType;
use crate::model::greedy;
use crate::model::text::Span;

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub span: Span,
    pub quote_type: QuoteType,
    pub speaker: Option<Span>,
    pub speaker_name: Option<String>,
    pub cue: Option<Span>,
}

/// Counts for one quote type or all; the ratios are methods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub pred: usize,
    pub lenient_gold: usize,
    pub lenient_pred: usize,
    pub strict_gold: usize,
    pub strict_pred: usize,
    pub exact_gold: usize,
    pub exact_pred: usize,
    pub speaker_ok: usize,
    pub name_ok: usize,
    pub cue_gold: usize,
    pub cue_pred: usize,
    pub cue_ok: usize,
    /// Correct cues counted by the predicted type, for precision per type.
    pub cue_ok_pred: usize,
}

/// Precision, recall and F1.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn prf(hit_pred: usize, pred: usize, hit_gold: usize, gold: usize) -> Prf {
    let (p, r) = (ratio(hit_pred, pred), ratio(hit_gold, gold));
    Prf { p, r, f1: if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) } }
}

impl Counts {
    pub fn lenient(&self) -> Prf {
        prf(self.lenient_pred, self.pred, self.lenient_gold, self.gold)
    }
    pub fn strict(&self) -> Prf {
        prf(self.strict_pred, self.pred, self.strict_gold, self.gold)
    }
    pub fn exact(&self) -> Prf {
        prf(self.exact_pred, self.pred, self.exact_gold, self.gold)
    }
    pub fn cue(&self) -> Prf {
        prf(self.cue_ok_pred, self.cue_pred, self.cue_ok, self.cue_gold)
    }
    /// Correct speakers over lenient matches.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_ok, self.lenient_gold)
    }
    pub fn name_accuracy(&self) -> f64 {
        ratio(self.name_ok, self.lenient_gold)
    }
    /// Correct speakers over all gold quotes.
    pub fn speaker_recall(&self) -> f64 {
        ratio(self.speaker_ok, self.gold)
    }
    fn add(&mut self, o: &Counts) {
        let fields = [
            (&mut self.gold, o.gold),
            (&mut self.pred, o.pred),
            (&mut self.lenient_gold, o.lenient_gold),
            (&mut self.lenient_pred, o.lenient_pred),
            (&mut self.strict_gold, o.strict_gold),
            (&mut self.strict_pred, o.strict_pred),
            (&mut self.exact_gold, o.exact_gold),
            (&mut self.exact_pred, o.exact_pred),
            (&mut self.speaker_ok, o.speaker_ok),
            (&mut self.name_ok, o.name_ok),
            (&mut self.cue_gold, o.cue_gold),
            (&mut self.cue_pred, o.cue_pred),
            (&mut self.cue_ok, o.cue_ok),
            (&mut self.cue_ok_pred, o.cue_ok_pred),
        ];
        for (a, b) in fields {
            *a += b;
        }
    }
}

/// Counts per type (direct, indirect, mixed, in [`QuoteType`] order) and overall.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub by_type: [Counts; 3],
}

fn slot(t: QuoteType) -> usize {
    match t {
        QuoteType::Direct => 0,
        QuoteType::Indirect => 1,
        QuoteType::Mixed => 2,
    }
}

impl Scores {
    pub fn of(&self, t: QuoteType) -> &Counts {
        &self.by_type[slot(t)]
    }

    pub fn all(&self) -> Counts {
        let mut all = Counts::default();
        for c in &self.by_type {
            all.add(c);
        }
        all
    }

    pub fn merge(&mut self, o: &Scores) {
        for (a, b) in self.by_type.iter_mut().zip(&o.by_type) {
            a.add(b);
        }
    }
}

/// The type a gold span's quotation marks suggest (see the module comment).
pub fn type_from_marks(text: &str) -> QuoteType {
    let opens = |c: char| matches!(c, '"' | '“' | '‘' | '\'' | '«' | '„');
    let closes = |c: char| matches!(c, '"' | '”' | '’' | '\'' | '»' | '“');
    let enclosed = text.chars().next().is_some_and(opens) && text.chars().last().is_some_and(closes);
    if enclosed {
        QuoteType::Direct
    } else if text.contains(['"', '“', '”', '«', '»', '„']) {
        QuoteType::Mixed
    } else {
        QuoteType::Indirect
    }
}

/// `span` without quotation marks, spaces and punctuation at either end.
pub fn trimmed(chars: &[char], span: Span) -> Span {
    let strip = |c: char| {
        c.is_whitespace() || (c.is_ascii_punctuation() && c != ')' && c != '%') || "“”‘’«»„‚‹›…—–".contains(c)
    };
    let (mut s, mut e) = (span.start, span.end.min(chars.len()));
    while s < e && strip(chars[s]) {
        s += 1;
    }
    while e > s && strip(chars[e - 1]) {
        e -= 1;
    }
    Span::new(s, e)
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Greedy one-to-one pairs where overlap / gold length exceeds `threshold`.
fn greedy(gold: &[Quote], pred: &[Quote], threshold: f64) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (g, gq) in gold.iter().enumerate() {
        for (p, pq) in pred.iter().enumerate() {
            let r = ratio(overlap(gq.span, pq.span), gq.span.len());
            if r > threshold {
                pairs.push((r, g, p));
            }
        }
    }
    // Built by gold, then prediction: equal ratios are taken in that order.
    greedy::pair(pairs, gold.len(), pred.len()).pairs
}

/// Scores one article's predictions against its gold quotes; `chars` is its text.
pub fn score(chars: &[char], gold: &[Quote], pred: &[Quote]) -> Scores {
    let mut s = Scores::default();
    for g in gold {
        let c = &mut s.by_type[slot(g.quote_type)];
        c.gold += 1;
        c.cue_gold += usize::from(g.cue.is_some());
    }
    for p in pred {
        let c = &mut s.by_type[slot(p.quote_type)];
        c.pred += 1;
        c.cue_pred += usize::from(p.cue.is_some());
    }
    for (g, p) in greedy(gold, pred, 0.8) {
        s.by_type[slot(gold[g].quote_type)].strict_gold += 1;
        s.by_type[slot(pred[p].quote_type)].strict_pred += 1;
    }
    for (g, p) in greedy(gold, pred, 0.3) {
        let (gq, pq) = (&gold[g], &pred[p]);
        let cue_ok = usize::from(gq.cue.is_some() && gq.cue == pq.cue);
        s.by_type[slot(pq.quote_type)].lenient_pred += 1;
        s.by_type[slot(pq.quote_type)].cue_ok_pred += cue_ok;
        let c = &mut s.by_type[slot(gq.quote_type)];
        c.lenient_gold += 1;
        let speaker_ok = match (gq.speaker, pq.speaker) {
            (Some(a), Some(b)) => a.overlaps(&b),
            (None, None) => true,
            _ => false,
        };
        c.speaker_ok += usize::from(speaker_ok);
        let same_name = |a: &String, b: &String| a.trim().to_lowercase() == b.trim().to_lowercase();
        c.name_ok += usize::from(matches!((&gq.speaker_name, &pq.speaker_name), (Some(a), Some(b)) if same_name(a, b)));
        c.cue_ok += cue_ok;
    }
    let pred_trim: Vec<Span> = pred.iter().map(|p| trimmed(chars, p.span)).collect();
    let mut used = vec![false; pred.len()];
    for g in gold {
        let t = trimmed(chars, g.span);
        if let Some(p) = (0..pred.len()).find(|&p| !used[p] && pred_trim[p] == t) {
            used[p] = true;
            s.by_type[slot(g.quote_type)].exact_gold += 1;
            s.by_type[slot(pred[p].quote_type)].exact_pred += 1;
        }
    }
    s
}
