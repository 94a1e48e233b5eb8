//! Quotes and reported speech attributed inside one sentence: a cue ("said"), the source
//! mention next to it, and the content before it ("QUOTE, he said."), after it ("He said
//! (that) CLAUSE.", "He told reporters: QUOTE") or around it ("A," he said, "B.").

use crate::model::annotation::QuoteType;
use crate::model::text::Span;

use super::cues::{lexicon, CueKind};
use super::mention::{self, is_weekday, Range};
use super::tokens::{Kind, Parsed, Sentence};

/// One suggestion before its speaker is resolved.
pub(crate) struct Found {
    pub fragments: Vec<Span>,
    pub quote_type: QuoteType,
    pub cue: Option<Span>,
    pub mention: Option<Range>,
    pub confidence: f32,
    pub rule: &'static str,
}

struct Attribution {
    cue: usize,
    mention: Range,
    /// The first and last token of the cue and mention together.
    lo: usize,
    hi: usize,
    /// "-ing" after a comma ("…, adding that …"): only a clause after it.
    participle: bool,
    /// A phrasal cue ("points out"): the particle is the token after `cue`.
    phrasal: bool,
}

/// Words that open a relative clause or an appositive after "…, he said," rather than the
/// second half of an interrupted quote.
const NOT_CONTENT: &[&str] = &["who", "whose", "which", "where", "a", "an", "the", "when", "while", "as"];

/// Words a forward clause does not start with: the cue was not reporting a clause.
const NOT_CLAUSE_START: &[&str] =
    &["to", "of", "about", "for", "with", "by", "from", "in", "on", "at", "up", "out", "off", "down", "over"];

pub(crate) fn sentence(p: &Parsed, s: Sentence) -> Vec<Found> {
    let atts = attributions(p, s);
    let mut out = Vec::new();
    let mut from = s.lo;
    for (i, a) in atts.iter().enumerate() {
        if a.cue < from {
            continue;
        }
        // A later attribution after a comma ("…, he believed …") ends this one's clause.
        let cut = atts[i + 1..]
            .iter()
            .find(|b| b.lo > a.hi && b.lo > 0 && p.is_punct(b.lo - 1, ','))
            .map_or(s.hi, |b| b.lo - 1);
        let cue_span = Some(Span::new(p.toks[a.cue].start, p.toks[a.cue].end));
        // Whatever this attribution finds has its cue and its mention.
        let found = |fragments: Vec<Span>, quote_type: QuoteType, confidence: f32, rule: &'static str| Found {
            fragments,
            quote_type,
            cue: cue_span,
            mention: Some(a.mention),
            confidence,
            rule,
        };
        let kind = lexicon().verb(p.word(a.cue));
        let needs_that = a.phrasal || matches!(kind, Some(CueKind::VerbWithObject | CueKind::Naming));
        let forward = clause_start(p, a, cut)
            .filter(|&k| is_clause(p, k, cut) && (!needs_that || p.is_quote(k) || p.word(k) == "that"));
        let before_end = (a.lo > from && (p.is_punct(a.lo - 1, ',') || p.is_quote(a.lo - 1)) && !a.participle)
            .then(|| if p.is_punct(a.lo - 1, ',') { a.lo - 1 } else { a.lo });
        let before = before_end.filter(|&e| e > from);
        let second = interrupted_rest(p, a, cut);
        let suggestion = match (before, second, forward) {
            (Some(b), Some(k), _) => {
                let first = content(p, from, b);
                let rest = content(p, k, cut);
                match (first, rest) {
                    (Some((f, t1)), Some((r, t2))) => {
                        from = cut;
                        let qt = if t1 == t2 { t1 } else { QuoteType::Mixed };
                        let rule = if qt == QuoteType::Direct { "direct.interrupted" } else { "indirect.interrupted" };
                        Some(found(vec![f, r], qt, 0.85, rule))
                    }
                    _ => None,
                }
            }
            (Some(b), None, Some(k)) if p.is_quote(a.lo - 1) && !p.is_quote(k) && p.word(k) != "that" => {
                content(p, from, b).map(|(span, qt)| {
                    from = a.hi + 1;
                    found(vec![span], qt, 0.9, "direct.cue_after")
                })
            }
            (_, _, Some(k)) => content(p, k, cut).map(|(span, qt)| {
                from = cut;
                let that = p.word(k) == "that";
                let (rule, confidence) = match (qt, a.participle, that) {
                    (QuoteType::Direct, _, _) => ("direct.cue_before", 0.9),
                    (QuoteType::Mixed, _, _) => ("mixed.cue_before", 0.75),
                    (_, true, _) => ("indirect.participle", 0.65),
                    (_, _, true) => ("indirect.said_that", 0.8),
                    _ => ("indirect.said", 0.7),
                };
                found(vec![span], qt, confidence, rule)
            }),
            (Some(b), None, None) if !opens_adverbial(p, from) => {
                content(p, lead_in(p, from, b), b).map(|(span, qt)| {
                    from = a.hi + 1;
                    let (rule, confidence) = match qt {
                        QuoteType::Direct => ("direct.cue_after", 0.95),
                        QuoteType::Mixed => ("mixed.cue_after", 0.75),
                        QuoteType::Indirect => ("indirect.cue_after", 0.65),
                    };
                    found(vec![span], qt, confidence, rule)
                })
            }
            _ => None,
        };
        let suggestion = suggestion.or_else(|| {
            let q = (kind == Some(CueKind::Naming) && a.mention.1 < a.cue).then(|| named(p, a, cut)).flatten()?;
            from = q + 1;
            Some(found(vec![Span::new(p.toks[q].start, p.toks[q].end)], QuoteType::Direct, 0.8, "direct.named"))
        });
        out.extend(suggestion);
    }
    out
}

/// Every cue in the sentence with a mention next to it, in text order.
fn attributions(p: &Parsed, s: Sentence) -> Vec<Attribution> {
    let lex = lexicon();
    let mut out: Vec<Attribution> = Vec::new();
    for c in s.lo..s.hi {
        let t = &p.toks[c];
        let phrasal = c + 1 < s.hi && lex.phrasal(p.word(c), p.word(c + 1));
        if t.kind != Kind::Word || t.cap || (lex.verb(p.word(c)).is_none() && !phrasal) {
            continue;
        }
        // The cue's last token: the particle of a phrasal cue.
        let last = c + usize::from(phrasal);
        let participle = p.word(c).ends_with("ing") && c > s.lo && p.is_punct(c - 1, ',');
        let mention = if participle {
            out.last().map(|a| a.mention).or_else(|| subject(p, s))
        } else {
            let after_quote =
                c > s.lo && (p.is_quote(c - 1) || (p.is_punct(c - 1, ',') && c > s.lo + 1 && p.is_quote(c - 2)));
            // "…, says Jane Roe." and "…, argued Roe, …": an inverted mention after a comma.
            let inverted = c > s.lo
                && p.is_punct(c - 1, ',')
                && mention::right(p, last, s.hi).is_some_and(|m| {
                    (m.1 + 1..s.hi).all(|k| matches!(p.toks[k].kind, Kind::Punct(_))) || p.is_punct(m.1 + 1, ',')
                });
            if after_quote || inverted || c == s.lo {
                mention::right(p, last, s.hi).or_else(|| mention::left(p, s.lo, c))
            } else if c > s.lo && matches!(p.word(c - 1), "and" | "but") {
                // "… did not comment, but said …": the subject of the first verb.
                mention::left(p, s.lo, c).or_else(|| out.last().map(|a| a.mention)).or_else(|| subject(p, s))
            } else {
                mention::left(p, s.lo, c)
            }
        };
        let Some(m) = mention else { continue };
        let (lo, hi) = if participle { (c, last) } else { (m.0.min(c), m.1.max(last)) };
        out.push(Attribution { cue: c, mention: m, lo, hi, participle, phrasal });
    }
    out
}

/// The sentence's opening noun phrase ("A Superior Court judge"), for a participle cue with
/// no mention of its own.
fn subject(p: &Parsed, s: Sentence) -> Option<Range> {
    let run = |lo: usize| {
        let n = (lo..s.hi)
            .take_while(|&k| {
                p.toks[k].kind == Kind::Word && (p.toks[k].cap || matches!(p.word(k), "a" | "an" | "the" | "of"))
            })
            .count();
        let starts_clause =
            n > 0 && !matches!(p.word(lo), "in" | "on" | "at" | "after" | "before" | "while" | "when" | "during");
        (starts_clause && (lo..lo + n).any(|k| p.toks[k].cap)).then(|| (lo, lo + n - 1))
    };
    // Past an opening phrase such as "In a statement," when the sentence has one.
    run(s.lo).or_else(|| (s.lo..s.hi).take(10).find(|&k| p.is_punct(k, ',')).and_then(|k| run(k + 1)))
}

/// Where the reported clause starts after the attribution: past an addressee ("told
/// reporters"), a time ("on Friday") or a setting ("in a statement"), at "that" if one comes.
fn clause_start(p: &Parsed, a: &Attribution, hi: usize) -> Option<usize> {
    let lex = lexicon();
    let mut k = a.hi + 1;
    let that_within = |from: usize, n: usize| {
        (from..hi).take(n).take_while(|&j| p.toks[j].kind == Kind::Word).find(|&j| p.word(j) == "that")
    };
    if lex.verb(p.word(a.cue)) == Some(CueKind::VerbWithAddressee) && a.mention.1 < a.cue {
        if let Some(t) = that_within(k, 8) {
            return Some(t);
        }
        let run = (k..hi)
            .take_while(|&j| {
                p.toks[j].cap || matches!(p.word(j), "reporters" | "journalists" | "me" | "us" | "him" | "her" | "them")
            })
            .count();
        k += run;
    }
    loop {
        if k >= hi {
            return None;
        }
        let w = p.word(k);
        if let Some(len) =
            lex.adjuncts.iter().find(|ph| (0..ph.len()).all(|i| k + i < hi && p.word(k + i) == ph[i])).map(Vec::len)
        {
            k += len;
        } else if is_weekday(w) || (w.ends_with("ly") && !p.toks[k].cap && p.toks[k].kind == Kind::Word) {
            k += 1;
        } else if matches!(w, "on" | "in" | "at" | "during" | "earlier" | "last" | "this" | "late") {
            if let Some(t) = that_within(k, 10) {
                return Some(t);
            }
            // "on Friday", "last week", "in July": a time, skipped whole.
            let next = if k + 1 < hi { p.word(k + 1) } else { "" };
            let time = (w == "on" && is_weekday(next))
                || (matches!(w, "earlier" | "last" | "this") && matches!(next, "week" | "month" | "year"))
                || (w == "in" && k + 1 < hi && p.toks[k + 1].cap);
            if !time {
                return None;
            }
            k += 2;
        } else if (p.is_punct(k, ':') || p.is_punct(k, ',')) && k + 1 < hi && p.is_quote(k + 1) {
            return Some(k + 1);
        } else {
            return Some(k);
        }
    }
}

/// After a naming cue ("called"), the quote that names its object: "called the plan a
/// “mess”", "described him as “brave”". The object is a pronoun or a capitalised name.
fn named(p: &Parsed, a: &Attribution, hi: usize) -> Option<usize> {
    const OBJECTS: &[&str] =
        &["it", "him", "her", "them", "himself", "herself", "themselves", "itself", "this", "that"];
    let k = a.hi + 1;
    let object = if k < hi && OBJECTS.contains(&p.word(k)) {
        1
    } else {
        (k..hi).take(6).take_while(|&j| p.toks[j].kind == Kind::Word && p.toks[j].cap).count()
    };
    let mut j = k + object;
    if object == 0 {
        return None;
    }
    while j < hi && matches!(p.word(j), "a" | "an" | "as" | "the") {
        j += 1;
    }
    (j < hi && p.is_quote(j)).then_some(j)
}

/// A clause: a quote, or at least three words, not starting with punctuation or a preposition.
fn is_clause(p: &Parsed, k: usize, hi: usize) -> bool {
    if p.is_quote(k) {
        return true;
    }
    let words =
        (k..hi).filter(|&j| p.toks[j].kind == Kind::Word).count() + 3 * (k..hi).filter(|&j| p.is_quote(j)).count();
    p.toks[k].kind == Kind::Word && words >= 3 && !NOT_CLAUSE_START.contains(&p.word(k))
}

/// After "A, he said," the start of the second half, if there is one.
fn interrupted_rest(p: &Parsed, a: &Attribution, hi: usize) -> Option<usize> {
    let k = a.hi + 1;
    if k + 1 >= hi || !p.is_punct(k, ',') {
        return None;
    }
    let n = k + 1;
    if p.is_quote(n) {
        return Some(n);
    }
    let t = &p.toks[n];
    let w = p.word(n);
    let participle = w.ends_with("ing");
    (t.kind == Kind::Word && !t.cap && !NOT_CONTENT.contains(&w) && !participle && is_clause(p, n, hi)).then_some(n)
}

/// The span of tokens `[a, b)` without trailing punctuation outside quotes, and its type:
/// one quote alone is direct, quotes among other words mixed, no quote indirect.
fn content(p: &Parsed, a: usize, b: usize) -> Option<(Span, QuoteType)> {
    let mut a = a;
    while a < b && matches!(p.toks[a].kind, Kind::Punct(_)) {
        a += 1;
    }
    let mut e = b;
    while e > a && matches!(p.toks[e - 1].kind, Kind::Punct(c) if c != ')' && c != ']') {
        e -= 1;
    }
    if e <= a {
        return None;
    }
    let quotes = (a..e).filter(|&j| p.is_quote(j)).count();
    let qt = match quotes {
        0 => QuoteType::Indirect,
        1 if e == a + 1 => QuoteType::Direct,
        _ => QuoteType::Mixed,
    };
    Some((Span::new(p.toks[a].start, p.toks[e - 1].end), qt))
}

/// Where the content before a cue starts: at the quote alone after a narrator's lead-in that
/// ends in a colon, a dash or an ellipsis ("The answer was … “No!” she said").
fn lead_in(p: &Parsed, from: usize, b: usize) -> usize {
    let lead = b > from + 1 && p.is_quote(b - 1) && matches!(p.toks[b - 2].kind, Kind::Punct(':' | '…' | '—' | '–'));
    if lead {
        b - 1
    } else {
        from
    }
}

/// A sentence opening with a subordinate or prepositional phrase ("As news spread, …", "In
/// July, …") is narration up to its comma, not reported speech.
fn opens_adverbial(p: &Parsed, k: usize) -> bool {
    const OPENERS: &[&str] = &[
        "as",
        "when",
        "while",
        "if",
        "after",
        "before",
        "because",
        "although",
        "though",
        "since",
        "in",
        "on",
        "at",
        "during",
        "despite",
        "following",
        "with",
        "without",
        "for",
        "by",
        "from",
        "once",
        "until",
        "read",
        "watch",
    ];
    p.toks[k].kind == Kind::Word && OPENERS.contains(&p.word(k))
}
