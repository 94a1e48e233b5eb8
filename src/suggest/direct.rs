//! Floating quotes: a sentence that is only a quote, with no cue, right after someone was
//! quoted. News writing continues a speaker's words this way ("“A,” she said. “B.”"), and a
//! quote running over paragraphs reopens with a new mark. The speaker is the last one quoted;
//! the suggestion has no cue and no mention. Short quotes inside narration (scare quotes) are
//! never suggested: they are neither alone in their sentence nor attributed.

use crate::model::annotation::QuoteType;
use crate::model::text::Span;

use super::attribution::Found;
use super::tokens::{Kind, Parsed, Sentence};

/// How many paragraphs back the last quoted speaker still carries over.
pub(crate) const CARRY_PARAGRAPHS: usize = 1;

pub(crate) fn floating(p: &Parsed, s: Sentence) -> Option<Found> {
    if !p.is_quote(s.lo) {
        return None;
    }
    let rest_is_punct = (s.lo + 1..s.hi).all(|k| matches!(p.toks[k].kind, Kind::Punct(_)));
    if !rest_is_punct || p.quote_words(s.lo) < 3 {
        return None;
    }
    let t = &p.toks[s.lo];
    // A paragraph quoted in single marks alone is a headline or a title, not speech.
    if matches!(p.chars[t.start], '‘' | '\'' | '‚') {
        return None;
    }
    Some(Found {
        fragments: vec![Span::new(t.start, t.end)],
        quote_type: QuoteType::Direct,
        cue: None,
        mention: None,
        confidence: 0.6,
        rule: "direct.floating",
    })
}
