//! Finding the words that name the source next to a cue: "Kremlin spokesman Dmitry Peskov
//! said", "said Peskov", "he said", "Linda Lee, chair of the board, said". A mention is a
//! short run of words without a clause boundary; it need not be a perfect noun phrase, only
//! cover the name so the speaker can be resolved and the span shown.

use super::tokens::{Kind, Parsed};

/// Words a mention never contains: conjunctions, subordinators, most prepositions and verbs
/// that commonly stand just before a subject.
const STOP: &[&str] = &[
    "and",
    "but",
    "or",
    "nor",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "after",
    "before",
    "when",
    "while",
    "as",
    "because",
    "if",
    "though",
    "although",
    "since",
    "where",
    "so",
    "than",
    "to",
    "for",
    "with",
    "in",
    "on",
    "at",
    "from",
    "into",
    "about",
    "what",
    "how",
    "why",
    "once",
    "until",
    "unless",
    "whether",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "not",
    "also",
    "then",
    "still",
    "yet",
    "even",
    "only",
    "just",
    "however",
    "meanwhile",
    "there",
    "here",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tonight",
    "during",
    "over",
    "under",
    "against",
    "without",
    "through",
    "despite",
    "among",
    "via",
    "per",
    "like",
    "all",
    "both",
    "either",
    "neither",
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
];

/// Words that start a noun phrase; a mention read right to left ends with one.
const DETERMINERS: &[&str] =
    &["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "one", "another"];

/// Auxiliaries and adverbs that may stand between a mention and its cue ("he has also said").
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "would",
    "will",
    "later",
    "previously",
    "again",
    "then",
    "first",
    "further",
    "earlier",
    "once",
    "did",
    "does",
    "repeatedly",
    "recently",
    "publicly",
    "simply",
    "already",
    "often",
    "always",
    "never",
    "was",
    "is",
];

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub(crate) fn is_weekday(w: &str) -> bool {
    WEEKDAYS.contains(&w)
}

/// A mention as an inclusive token range.
pub(crate) type Range = (usize, usize);

/// The mention ending just before the cue at token `cue`, looking no further left than `lo`.
/// Skips auxiliaries ("has also said") and an appositive between commas ("Lee, chair of the
/// board, said").
pub(crate) fn left(p: &Parsed, lo: usize, cue: usize) -> Option<Range> {
    let mut j = cue.checked_sub(1)?;
    while j > lo && p.toks[j].kind == Kind::Word && BETWEEN.contains(&p.word(j)) {
        j -= 1;
    }
    // "Lee earlier this week called": a time between the mention and its cue.
    let time = |k: usize| k >= lo + 2 && matches!(p.word(k), "week" | "month" | "year" | "weekend");
    if time(j) && matches!(p.word(j - 1), "this" | "last" | "next") {
        j -= 2;
        while j > lo && p.toks[j].kind == Kind::Word && BETWEEN.contains(&p.word(j)) {
            j -= 1;
        }
    }
    if j < lo {
        return None;
    }
    if p.is_punct(j, ',') {
        // "Name, appositive, said": the name is before the appositive's opening comma.
        let open = (lo..j).rev().take(14).find(|&k| p.is_punct(k, ','))?;
        if open == lo || (open + 1..j).any(|k| p.is_quote(k)) {
            return None;
        }
        j = open - 1;
    }
    if p.toks[j].kind != Kind::Word {
        return None;
    }
    if super::names::PRONOUNS.contains(&p.word(j)) {
        return Some((j, j));
    }
    let end = j;
    let mut start = None;
    loop {
        let t = &p.toks[j];
        let w = p.word(j);
        if t.kind != Kind::Word || (!t.cap && STOP.contains(&w)) || end - j >= 7 {
            break;
        }
        if t.cap && STOP.contains(&w) && (j == lo || j == end || !p.toks[j + 1].cap) {
            break;
        }
        start = Some(j);
        if DETERMINERS.contains(&w) || j == lo {
            break;
        }
        j -= 1;
    }
    let mut start = start?;
    // "“…,” the tall, bearded man said": adjectives joined by a comma, right after a quote.
    let after_quote = |k: usize| p.is_quote(k) || (k > lo && p.is_punct(k, ',') && p.is_quote(k - 1));
    if start >= lo + 4
        && p.is_punct(start - 1, ',')
        && p.toks[start - 2].kind == Kind::Word
        && !p.toks[start - 2].cap
        && !STOP.contains(&p.word(start - 2))
        && DETERMINERS.contains(&p.word(start - 3))
        && after_quote(start - 4)
    {
        start -= 3;
    }
    // A lower-case head without a determiner or a capital ("the station said" yes, "board
    // members said" yes, "then we said" no) must at least be a plural or a group word.
    plausible(p, start, end).then_some((start, end))
}

/// The mention right after the cue at `cue` ("said Peskov", "says the company's chief, Jane
/// Roe"), up to a comma, a full stop or a preposition, no further than `hi` (exclusive).
pub(crate) fn right(p: &Parsed, cue: usize, hi: usize) -> Option<Range> {
    let start = cue + 1;
    let mut j = start;
    while j < hi && j - start < 8 {
        let t = &p.toks[j];
        let w = p.word(j);
        if t.kind != Kind::Word || w == "that" || (!t.cap && STOP.contains(&w)) {
            break;
        }
        if j > start && !t.cap && is_weekday(w) {
            break;
        }
        if j > start && w.ends_with("ly") && !t.cap {
            break;
        }
        j += 1;
    }
    if j == start {
        return None;
    }
    let mut end = j - 1;
    // "says the firm's lawyer, Ada Brook.": a role then the name after a comma.
    if !p.toks[end].cap && j + 1 < hi && p.is_punct(j, ',') {
        let names = (j + 1..hi).take_while(|&k| p.toks[k].cap && p.toks[k].kind == Kind::Word).count();
        let after = j + 1 + names;
        if (1..=3).contains(&names) && (after == hi || p.is_punct(after, ',') || p.is_punct(after, '.')) {
            end = after - 1;
        }
    }
    let pronoun = start == end && super::names::PRONOUNS.contains(&p.word(start));
    (pronoun || plausible(p, start, end)).then_some((start, end))
}

fn plausible(p: &Parsed, start: usize, end: usize) -> bool {
    let any_cap = (start..=end).any(|k| p.toks[k].cap);
    let head = p.word(end);
    any_cap || DETERMINERS.contains(&p.word(start)) || super::names::GROUP_WORDS.contains(&head) || end > start
}

/// The words of a mention's tokens as written.
pub(crate) fn text(p: &Parsed, r: Range) -> String {
    p.chars[p.toks[r.0].start..p.toks[r.1].end].iter().collect()
}
