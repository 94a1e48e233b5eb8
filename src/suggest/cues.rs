//! The reporting-cue lexicon (`cues.txt`), read once. Cues are data so that adding a verb or a
//! phrase needs no code, and so a reviewer can see at a glance what the rules react to.

use crate::model::sort;
use std::sync::OnceLock;

/// What a cue word can do in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A reporting verb form ("said").
    Verb,
    /// A reporting verb that may take an addressee first ("told reporters that").
    VerbWithAddressee,
    /// A verb that reports a clause only after "that" ("confirmed that …", not "confirmed the move").
    VerbWithObject,
    /// A verb that names its object with a quote ("called it a “mess”"); else like `VerbWithObject`.
    Naming,
}

pub(crate) struct Lexicon {
    /// Verb forms, sorted for binary search.
    verbs: Vec<(&'static str, CueKind)>,
    /// Verb forms that report only with a particle after them ("points out"), sorted.
    phrasal: Vec<(&'static str, &'static str)>,
    /// Phrases that introduce a source ("according to"), as words.
    pub sources: Vec<Vec<&'static str>>,
    /// Phrases to skip between a cue and its clause ("in a statement"), as words.
    pub adjuncts: Vec<Vec<&'static str>>,
}

const DATA: &str = include_str!("cues.txt");

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| parse(DATA))
}

fn parse(data: &'static str) -> Lexicon {
    let mut lex = Lexicon { verbs: Vec::new(), phrasal: Vec::new(), sources: Vec::new(), adjuncts: Vec::new() };
    for line in data.lines() {
        let line = line.split('#').next().unwrap_or("").trim();
        let Some((tag, rest)) = line.split_once(' ') else { continue };
        let words = rest.split_whitespace();
        match tag {
            "verb" => lex.verbs.extend(words.map(|w| (w, CueKind::Verb))),
            "verb+" => lex.verbs.extend(words.map(|w| (w, CueKind::VerbWithAddressee))),
            "verbo" => lex.verbs.extend(words.map(|w| (w, CueKind::VerbWithObject))),
            "verbn" => lex.verbs.extend(words.map(|w| (w, CueKind::Naming))),
            "phrasal" => {
                let mut words = words;
                if let Some(particle) = words.next() {
                    lex.phrasal.extend(words.map(|w| (w, particle)));
                }
            }
            "source" => lex.sources.push(words.collect()),
            "adjunct" => lex.adjuncts.push(words.collect()),
            _ => {}
        }
    }
    sort::sort_by(&mut lex.verbs, |a, b| a.0.cmp(b.0));
    lex.verbs.dedup_by(|a, b| a.0 == b.0);
    sort::sort(&mut lex.phrasal);
    lex
}

impl Lexicon {
    /// The cue kind of a word, which must already be lower case. Only lower-case words in the
    /// text count: "States" in "United States" is a name, not a cue.
    pub fn verb(&self, lower: &str) -> Option<CueKind> {
        self.verbs.binary_search_by(|(w, _)| (*w).cmp(lower)).ok().map(|i| self.verbs[i].1)
    }

    /// Whether a lower-case word and the one after it form a phrasal cue ("points out").
    pub fn phrasal(&self, lower: &str, next: &str) -> bool {
        self.phrasal.binary_search(&(lower, next)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_reads_every_section() {
        let lex = lexicon();
        assert_eq!(lex.verb("said"), Some(CueKind::Verb));
        assert_eq!(lex.verb("told"), Some(CueKind::VerbWithAddressee));
        assert_eq!(lex.verb("table"), None);
        assert!(lex.phrasal("pointed", "out") && !lex.phrasal("pointed", "to"));
        assert!(lex.sources.iter().any(|p| p == &["according", "to"]));
        assert!(lex.adjuncts.iter().any(|p| p == &["in", "a", "statement"]));
    }
}
