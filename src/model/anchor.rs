//! Anchoring a span by its exact text plus a little context on each side, the way Hypothesis
//! anchors highlights. Export stores an anchor with every span, import checks a stored one
//! against the text, and re-anchoring finds one again in a changed text.

use super::text::{Span, TextIndex};

/// Code points of context stored before and after each span.
pub const CONTEXT: usize = 32;

/// A span's exact text and the context around it: up to [`CONTEXT`] code points on each side,
/// fewer at the edges of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor<'a> {
    pub text: &'a str,
    pub before: &'a str,
    pub after: &'a str,
}

/// Where an anchor was found, and whether that differs from where it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub moved: bool,
}

/// Why an anchor could not be found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lost {
    /// The exact text occurs nowhere it may be placed.
    Absent,
    /// The exact text occurs this many times and the context does not single one out.
    Ambiguous(usize),
}

impl<'a> Anchor<'a> {
    pub fn of(ix: &'a TextIndex, span: Span) -> Anchor<'a> {
        Anchor {
            text: ix.slice(span),
            before: ix.slice(Span::new(span.start.saturating_sub(CONTEXT), span.start)),
            after: ix.slice(Span::new(span.end, span.end + CONTEXT)),
        }
    }

    /// Finds this anchor in `ix`, trying only spans that `usable` accepts: at `was` (its old
    /// offsets) if text and context are unchanged there, else the one occurrence of its text,
    /// else the occurrence whose surroundings agree best with its context, if exactly one does.
    pub fn find(&self, ix: &TextIndex, was: Span, usable: impl Fn(Span) -> bool) -> Result<Found, Lost> {
        let whole_context = self.before.chars().count() + self.after.chars().count();
        let in_place = was.end <= ix.cp_len() && ix.slice(was) == self.text;
        if in_place && self.agreement(ix, was) == whole_context && usable(was) {
            return Ok(Found { span: was, moved: false });
        }
        let candidates: Vec<Span> = occurrences(ix, self.text).into_iter().filter(|c| usable(*c)).collect();
        let span = match candidates[..] {
            [] => return Err(Lost::Absent),
            [only] => only,
            _ => {
                let agreements: Vec<usize> = candidates.iter().map(|c| self.agreement(ix, *c)).collect();
                let best = *agreements.iter().max().expect("two or more candidates");
                let mut best_ones = candidates.iter().zip(&agreements).filter(|(_, a)| **a == best);
                match (best_ones.next(), best_ones.next()) {
                    (Some((span, _)), None) => *span,
                    _ => return Err(Lost::Ambiguous(candidates.len())),
                }
            }
        };
        Ok(Found { span, moved: span != was })
    }

    /// How many characters of the context around `candidate` agree with this anchor's,
    /// counted outward from the span on each side.
    fn agreement(&self, ix: &TextIndex, candidate: Span) -> usize {
        let around = Anchor::of(ix, candidate);
        common_suffix(around.before, self.before) + common_prefix(around.after, self.after)
    }
}

/// Whether a stored `context_before` is what precedes `span`. Any length is accepted, so a
/// file written by another tool with more context than [`CONTEXT`] still reads.
pub fn agrees_before(ix: &TextIndex, span: Span, stored: &str) -> bool {
    ix.slice(Span::new(0, span.start)).ends_with(stored)
}

/// Whether a stored `context_after` is what follows `span`.
pub fn agrees_after(ix: &TextIndex, span: Span, stored: &str) -> bool {
    ix.slice(Span::new(span.end, ix.cp_len())).starts_with(stored)
}

/// Every occurrence of `needle`, overlapping ones included, as code point spans.
fn occurrences(ix: &TextIndex, needle: &str) -> Vec<Span> {
    let hay = ix.text();
    let len = needle.chars().count();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let byte = from + i;
        let start = ix.byte_to_cp(byte).expect("find returns char boundaries");
        out.push(Span::new(start, start + len));
        from = byte + hay[byte..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_clamped_at_the_text_edges() {
        let ix = TextIndex::new("😀 short");
        assert_eq!(Anchor::of(&ix, Span::new(2, 7)), Anchor { text: "short", before: "😀 ", after: "" });
    }

    #[test]
    fn stored_context_of_any_length_is_checked_against_the_text() {
        let ix = TextIndex::new("Peskov said: yes. Then he left.");
        let yes = Span::new(13, 16);
        assert!(agrees_before(&ix, yes, "Peskov said: ") && agrees_before(&ix, yes, ""));
        assert!(!agrees_before(&ix, yes, "Rubio said: "));
        assert!(agrees_after(&ix, yes, ". Then he left.") && !agrees_after(&ix, yes, ". Then he stayed."));
    }

    #[test]
    fn the_context_chooses_between_repeats() {
        let old = TextIndex::new("he said yes. she said yes.");
        let theirs = Anchor::of(&old, Span::new(22, 25));
        let new = TextIndex::new("Today he said yes. And she said yes.");
        assert_eq!(theirs.find(&new, Span::new(22, 25), |_| true), Ok(Found { span: Span::new(32, 35), moved: true }));
        let unchanged = Anchor::of(&old, Span::new(8, 11));
        assert_eq!(
            unchanged.find(&old, Span::new(8, 11), |_| true),
            Ok(Found { span: Span::new(8, 11), moved: false })
        );
        let bare = TextIndex::new("yes");
        let no_context = Anchor::of(&bare, Span::new(0, 3));
        assert_eq!(
            no_context.find(&TextIndex::new("yes, no, yes"), Span::new(20, 23), |_| true),
            Err(Lost::Ambiguous(2))
        );
        assert_eq!(theirs.find(&TextIndex::new("no"), Span::new(22, 25), |_| true), Err(Lost::Absent));
    }

    #[test]
    fn occurrences_include_overlapping_ones_in_code_points() {
        let ix = TextIndex::new("😀aaa😀aa");
        assert_eq!(occurrences(&ix, "aa"), vec![Span::new(1, 3), Span::new(2, 4), Span::new(5, 7)]);
    }

    #[test]
    fn context_agreement_is_counted_in_characters() {
        assert_eq!(common_suffix("said 👍🏽", "he said 👍🏽"), 7);
        assert_eq!(common_prefix("end.", "ends"), 3);
    }
}
