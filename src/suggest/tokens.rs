//! Words, punctuation and whole quotes, per paragraph, and the sentences they form. A quote is
//! one token, so a full stop inside it never ends the narrator's sentence, and the rules can
//! read "QUOTE , he said ." as a short sequence.

use super::marks::{self, Quoted};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct(char),
    /// An index into [`Parsed::quotes`].
    Quote(usize),
}

#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lower-case text of a word; empty otherwise.
    pub lower: String,
    /// A word that starts with a capital letter.
    pub cap: bool,
}

/// A text cut into tokens, paragraphs (a line is a paragraph: no quote crosses a line break)
/// and sentences, both as token ranges.
pub(crate) struct Parsed {
    pub chars: Vec<char>,
    pub toks: Vec<Tok>,
    pub quotes: Vec<Quoted>,
    pub paras: Vec<(usize, usize)>,
    pub sentences: Vec<Sentence>,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Sentence {
    pub lo: usize,
    pub hi: usize,
    pub para: usize,
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "sen", "gov", "rep", "jr", "sr", "lt", "gen", "col", "capt", "sgt", "prof", "rev",
    "no", "inc", "co", "corp", "ltd", "vs", "etc", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "ont", "fla",
    "calif", "mass", "const", "cpl", "supt", "insp", "det", "hon", "approx",
];

/// Words that open a subordinate clause: a cue after one is not the attribution of a quote before it.
const SUBORDINATORS: &[&str] = &["when", "as", "after", "before", "while", "if", "once", "until", "because", "since"];

/// The full stops of Chinese and Japanese text, and the full-width full stop: no space follows them.
fn is_wide_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '．')
}

/// Combining marks and joiners, which belong to the character before them: accents written
/// apart (`e` + U+0301), enclosing keycaps, variation selectors. A heuristic by block, not the
/// full Unicode property.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{200d}' | '\u{20d0}'..='\u{20ff}' | '\u{fe00}'..='\u{fe0f}' | '\u{fe20}'..='\u{fe2f}')
}

impl Parsed {
    pub fn new(text: &str) -> Parsed {
        let chars: Vec<char> = text.chars().collect();
        let mut p = Parsed { chars, toks: Vec::new(), quotes: Vec::new(), paras: Vec::new(), sentences: Vec::new() };
        let mut line_start = 0;
        let n = p.chars.len();
        for i in 0..=n {
            if i == n || p.chars[i] == '\n' {
                if i > line_start {
                    p.paragraph(line_start, i);
                }
                line_start = i + 1;
            }
        }
        p
    }

    fn paragraph(&mut self, start: usize, end: usize) {
        let first_tok = self.toks.len();
        let quotes = marks::find(&self.chars, start, end);
        let mut q = quotes.iter().peekable();
        let mut i = start;
        while i < end {
            if let Some(quote) = q.next_if(|quote| quote.start == i) {
                self.toks.push(Tok {
                    start: i,
                    end: quote.end,
                    kind: Kind::Quote(self.quotes.len()),
                    lower: String::new(),
                    cap: false,
                });
                self.quotes.push(*quote);
                i = quote.end;
                continue;
            }
            let c = self.chars[i];
            if c.is_whitespace() || is_mark(c) {
                // A combining mark left over (after a quote or a punctuation mark) is no token;
                // the spans made from the tokens are widened to whole characters later.
                i += 1;
            } else if c.is_alphanumeric() {
                let mut j = i + 1;
                while j < end {
                    let d = self.chars[j];
                    let joins = matches!(d, '\'' | '’' | '-' | '.' | '&')
                        && self.chars.get(j + 1).is_some_and(|n| n.is_alphanumeric())
                        && j + 1 < end;
                    if !(d.is_alphanumeric() || is_mark(d) || joins) {
                        break;
                    }
                    j += 1;
                }
                let lower = self.chars[i..j].iter().flat_map(|c| c.to_lowercase()).collect();
                self.toks.push(Tok { start: i, end: j, kind: Kind::Word, lower, cap: c.is_uppercase() });
                i = j;
            } else {
                self.toks.push(Tok { start: i, end: i + 1, kind: Kind::Punct(c), lower: String::new(), cap: false });
                i += 1;
            }
        }
        let para = self.paras.len();
        let last_tok = self.toks.len();
        self.paras.push((first_tok, last_tok));
        let mut lo = first_tok;
        for t in first_tok..last_tok {
            if t + 1 == last_tok || self.ends_sentence(t) {
                self.sentences.push(Sentence { lo, hi: t + 1, para });
                lo = t + 1;
            }
        }
    }

    /// A sentence ends after `.`, `?` or `!` (or a quote ending in one) when a space then a
    /// capitalised word or a new quote follows, unless the full stop ends an abbreviation or an
    /// initial. The full-width stops `。！？．` end one whatever follows, space or not.
    fn ends_sentence(&self, t: usize) -> bool {
        let tok = &self.toks[t];
        if matches!(tok.kind, Kind::Punct(c) if is_wide_stop(c)) {
            return true;
        }
        let next = &self.toks[t + 1];
        let starts_new = next.cap || matches!(next.kind, Kind::Quote(_)) || next.lower.starts_with(char::is_numeric);
        let spaced = next.start != tok.end || matches!(self.quote_last_inner(t), Some(c) if is_wide_stop(c));
        if !starts_new || !spaced {
            return false;
        }
        match tok.kind {
            Kind::Punct('?' | '!') => true,
            Kind::Punct('.') => match t.checked_sub(1).map(|p| &self.toks[p]) {
                Some(prev) if prev.kind == Kind::Word && prev.end == tok.start => {
                    let initial = prev.end - prev.start == 1 && prev.cap;
                    !(initial || prev.lower.contains('.') || ABBREVIATIONS.contains(&prev.lower.as_str()))
                }
                _ => true,
            },
            Kind::Quote(q) => {
                // "“Why now?” Kim said." goes on: a cue soon after the quote keeps it in the
                // sentence, unless a subordinate clause opens first ("“No.” When asked, he …") or
                // a capitalised pronoun starts a new sentence ("“Why?” He now says …").
                let lex = super::cues::lexicon();
                let pronoun = next.cap && next.lower != "i" && super::names::PRONOUNS.contains(&next.lower.as_str());
                let cue_follows = !pronoun
                    && (t + 1..self.toks.len().min(t + 7))
                        .take_while(|&k| !matches!(self.toks[k].kind, Kind::Punct('.') | Kind::Quote(_)))
                        .take_while(|&k| !SUBORDINATORS.contains(&self.toks[k].lower.as_str()))
                        .any(|k| {
                            let next = self.toks.get(k + 1).map_or("", |n| n.lower.as_str());
                            let w = self.toks[k].lower.as_str();
                            !self.toks[k].cap && (lex.verb(w).is_some() || lex.phrasal(w, next))
                        });
                !self.quotes[q].closed
                    || (!cue_follows
                        && matches!(self.quote_last_inner(t), Some(c) if matches!(c, '.' | '?' | '!' | '…') || is_wide_stop(c)))
            }
            _ => false,
        }
    }

    pub fn word(&self, t: usize) -> &str {
        &self.toks[t].lower
    }

    pub fn is_punct(&self, t: usize, c: char) -> bool {
        self.toks[t].kind == Kind::Punct(c)
    }

    pub fn is_quote(&self, t: usize) -> bool {
        matches!(self.toks[t].kind, Kind::Quote(_))
    }

    /// The last character inside a quote token, before its closing mark ("," in `“A,”`).
    pub fn quote_last_inner(&self, t: usize) -> Option<char> {
        let Kind::Quote(q) = self.toks[t].kind else { return None };
        let quote = self.quotes[q];
        let inner_end = if quote.closed { quote.end - 1 } else { quote.end };
        let mut e = inner_end;
        // `’’` closes a double quote with two characters.
        while e > quote.start + 1 && matches!(self.chars[e - 1], '’' | '\'' | ' ') {
            e -= 1;
        }
        (e > quote.start + 1).then(|| self.chars[e - 1])
    }

    /// How many words a quote token holds (spaces plus one), for telling scare quotes apart.
    pub fn quote_words(&self, t: usize) -> usize {
        let tok = &self.toks[t];
        1 + self.chars[tok.start..tok.end].iter().filter(|c| c.is_whitespace()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let p = Parsed::new(text);
        p.sentences.iter().map(|s| p.chars[p.toks[s.lo].start..p.toks[s.hi - 1].end].iter().collect()).collect()
    }

    #[test]
    fn quotes_are_single_tokens_and_abbreviations_do_not_split() {
        assert_eq!(
            sentences("Mr. Gray spoke. “We won. Next year too,” he said. Dr. Lee agreed."),
            ["Mr. Gray spoke.", "“We won. Next year too,” he said.", "Dr. Lee agreed."]
        );
        assert_eq!(sentences("“Done.” She left.\nNew line"), ["“Done.”", "She left.", "New line"]);
    }

    #[test]
    fn full_width_stops_end_sentences_without_a_space() {
        assert_eq!(
            sentences("He arrived。\"We will win,\" Ana Ruiz said."),
            ["He arrived。", "\"We will win,\" Ana Ruiz said."]
        );
        assert_eq!(
            sentences("「我们会赢」，他说。\"好\"她说！谁？是．"),
            ["「我们会赢」，他说。", "\"好\"她说！", "谁？", "是．"]
        );
        assert_eq!(sentences("「我们会赢。」「好。」"), ["「我们会赢。」", "「好。」"]);
    }
}
