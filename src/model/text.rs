//! Offsets into the canonical text.
//!
//! Every offset the model stores or exports is a Unicode code point index into one canonical
//! text, end-exclusive, so that Python's `text[start:end]` is the span. The DOM speaks UTF-16
//! code units and Rust strings speak UTF-8 bytes; [`TextIndex`] converts between the three
//! exactly, once per text, so no caller ever recomputes offsets from rendered text.

use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// A range of code points `[start, end)` in the canonical text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Builds a span as given. It does not reorder or clamp: the reducer and the importer
    /// refuse a span with `start > end` with a reason, which a silent swap would hide.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Builds a span from two ends in either order (a backwards DOM selection).
    pub fn ordered(a: usize, b: usize) -> Span {
        Span::new(a.min(b), a.max(b))
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self` (an empty `other` at an edge counts).
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one code point. Touching spans do not overlap.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Conversions between code points, UTF-16 units and UTF-8 bytes for one text, plus its
/// grapheme-cluster and word boundaries. The offset tables are built once per text: O(n)
/// memory, O(1) or O(log n) per lookup.
///
/// Boundaries are found when asked, not up front: segmenting a whole long article took most
/// of the time to open it, and only a few places (a selection's ends, a caret step, each
/// stored span's ends) are ever asked about. Grapheme boundaries come from a cursor over the
/// text. Word boundaries need more context, so each line's are computed the first time a
/// query reaches that line and kept. Both rule sets (UAX #29) always break after a line feed,
/// so a line segmented alone has exactly the boundaries it has in the whole text.
#[derive(Clone, Debug)]
pub struct TextIndex {
    text: String,
    /// `byte_at[cp]` is the byte offset of code point `cp`; one extra entry for the end.
    byte_at: Vec<u32>,
    /// `utf16_at[cp]` is the UTF-16 offset of code point `cp`; one extra entry for the end.
    utf16_at: Vec<u32>,
    /// Code point offsets where each line starts: 0, and after each `\n` (a line keeps its
    /// line feed).
    line_starts: Vec<u32>,
    /// Each line's word boundaries (its start and end included), once a query has needed them.
    line_words: Vec<OnceLock<Vec<u32>>>,
}

impl TextIndex {
    /// Indexes `text`. Offsets are stored as `u32`, which halves the memory in the browser;
    /// texts over 4 GiB are not a use case for an annotator.
    pub fn new(text: &str) -> TextIndex {
        assert!(text.len() < u32::MAX as usize, "text too large to index");
        let n = text.chars().count();
        let mut byte_at = Vec::with_capacity(n + 1);
        let mut utf16_at = Vec::with_capacity(n + 1);
        let mut line_starts = vec![0];
        let mut u16_pos = 0u32;
        for (cp, (b, c)) in text.char_indices().enumerate() {
            byte_at.push(b as u32);
            utf16_at.push(u16_pos);
            u16_pos += c.len_utf16() as u32;
            if c == '\n' {
                line_starts.push(cp as u32 + 1);
            }
        }
        byte_at.push(text.len() as u32);
        utf16_at.push(u16_pos);
        let line_words = line_starts.iter().map(|_| OnceLock::new()).collect();
        TextIndex { text: text.to_owned(), byte_at, utf16_at, line_starts, line_words }
    }

    /// The indexed text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the text in code points.
    pub fn cp_len(&self) -> usize {
        self.byte_at.len() - 1
    }

    /// Length of the text in UTF-16 code units (what `String.length` says in JavaScript).
    pub fn utf16_len(&self) -> usize {
        *self.utf16_at.last().expect("has an end entry") as usize
    }

    /// UTF-16 offset of code point `cp`; offsets past the end clamp to the end.
    pub fn cp_to_utf16(&self, cp: usize) -> usize {
        self.utf16_at[cp.min(self.cp_len())] as usize
    }

    /// Code point at UTF-16 offset `u`, or `None` if `u` falls between the two halves of a
    /// surrogate pair or past the end of the text.
    pub fn utf16_to_cp(&self, u: usize) -> Option<usize> {
        let u = u32::try_from(u).ok()?;
        self.utf16_at.binary_search(&u).ok()
    }

    /// UTF-8 byte offset of code point `cp`; offsets past the end clamp to the end.
    pub fn cp_to_byte(&self, cp: usize) -> usize {
        self.byte_at[cp.min(self.cp_len())] as usize
    }

    /// Code point at byte offset `b`, or `None` if `b` is inside a character or past the end.
    pub fn byte_to_cp(&self, b: usize) -> Option<usize> {
        let b = u32::try_from(b).ok()?;
        self.byte_at.binary_search(&b).ok()
    }

    /// The text of `span`; the span is clamped to the text so this never panics.
    pub fn slice(&self, span: Span) -> &str {
        let end = span.end.min(self.cp_len());
        let start = span.start.min(end);
        &self.text[self.cp_to_byte(start)..self.cp_to_byte(end)]
    }

    /// True at 0, at the end, and between two grapheme clusters (never inside an emoji
    /// with its skin tone or a letter with its combining accent). False past the end.
    pub fn is_grapheme_boundary(&self, cp: usize) -> bool {
        cp <= self.cp_len() && self.grapheme_cursor(cp).is_boundary(&self.text, 0).unwrap_or(true)
    }

    /// True at a word boundary (UAX #29), at 0 and at the end.
    pub fn is_word_boundary(&self, cp: usize) -> bool {
        cp <= self.cp_len() && self.words_of_line_at(cp).binary_search(&(cp as u32)).is_ok()
    }

    /// Widens `span` outward to grapheme-cluster boundaries, after clamping it to the text
    /// and putting its ends in order.
    pub fn snap_to_graphemes(&self, span: Span) -> Span {
        let span = self.clamp(span);
        Span::new(self.grapheme_floor(span.start), self.grapheme_ceil(span.end))
    }

    /// Widens `span` outward to whole words, then trims whitespace from both ends, one
    /// grapheme cluster at a time. The result lies on grapheme boundaries and has no leading
    /// or trailing whitespace unless it is empty. An empty span stays where it is.
    pub fn snap_to_words(&self, span: Span) -> Span {
        let span = self.snap_to_graphemes(span);
        if span.is_empty() {
            return span;
        }
        // Word boundaries are grapheme boundaries in practice, but UAX #29 does not promise
        // it (prepended concatenation marks), so snap to graphemes once more.
        let widened = Span::new(floor(self.words_of_line_at(span.start), span.start), self.word_ceil(span.end));
        let widened = self.snap_to_graphemes(widened);
        self.trim_whitespace(widened)
    }

    /// Shrinks `span` (on grapheme boundaries) past whole clusters of whitespace at both ends.
    pub fn trim_whitespace(&self, span: Span) -> Span {
        let mut start = span.start;
        let mut end = span.end;
        while start < end {
            let next = self.grapheme_ceil(start + 1);
            if !self.is_blank(Span::new(start, next)) {
                break;
            }
            start = next;
        }
        while start < end {
            let prev = self.grapheme_floor(end - 1);
            if !self.is_blank(Span::new(prev, end)) {
                break;
            }
            end = prev;
        }
        Span::new(start, end)
    }

    fn is_blank(&self, span: Span) -> bool {
        self.slice(span).chars().all(char::is_whitespace)
    }

    /// A cursor at `cp`, which must be at most the length.
    fn grapheme_cursor(&self, cp: usize) -> GraphemeCursor {
        GraphemeCursor::new(self.byte_at[cp] as usize, self.text.len(), true)
    }

    /// The last grapheme boundary at or before `cp` (clamped to the text).
    fn grapheme_floor(&self, cp: usize) -> usize {
        let cp = cp.min(self.cp_len());
        if self.is_grapheme_boundary(cp) {
            return cp;
        }
        let previous = self.grapheme_cursor(cp).prev_boundary(&self.text, 0).ok().flatten().unwrap_or(0);
        self.byte_to_cp(previous).expect("a boundary is between characters")
    }

    /// The first grapheme boundary at or after `cp` (clamped to the text).
    fn grapheme_ceil(&self, cp: usize) -> usize {
        let cp = cp.min(self.cp_len());
        if self.is_grapheme_boundary(cp) {
            return cp;
        }
        let next = self.grapheme_cursor(cp).next_boundary(&self.text, 0).ok().flatten().unwrap_or(self.text.len());
        self.byte_to_cp(next).expect("a boundary is between characters")
    }

    /// The first word boundary at or after `cp`. A line's last boundary is its end, which is
    /// the next line's start, so the line holding `cp` always has one.
    fn word_ceil(&self, cp: usize) -> usize {
        ceil(self.words_of_line_at(cp), cp)
    }

    /// The word boundaries of the line holding `cp` (clamped to the text), segmented the first
    /// time they are needed.
    fn words_of_line_at(&self, cp: usize) -> &[u32] {
        let cp = cp.min(self.cp_len()) as u32;
        let line = self.line_starts.partition_point(|&start| start <= cp) - 1;
        self.line_words[line].get_or_init(|| {
            let start = self.line_starts[line] as usize;
            let end = self.line_starts.get(line + 1).map_or(self.cp_len(), |&next| next as usize);
            let mut boundaries = Vec::new();
            let mut at = start;
            for word in self.slice(Span::new(start, end)).split_word_bounds() {
                boundaries.push(at as u32);
                at += word.chars().count();
            }
            boundaries.push(end as u32);
            boundaries
        })
    }

    fn clamp(&self, span: Span) -> Span {
        let n = self.cp_len();
        let (a, b) = (span.start.min(n), span.end.min(n));
        Span::ordered(a, b)
    }
}

/// Largest entry `<= x` of a sorted list that starts with 0.
fn floor(sorted: &[u32], x: usize) -> usize {
    let x = x as u32;
    match sorted.binary_search(&x) {
        Ok(_) => x as usize,
        Err(i) => sorted[i.saturating_sub(1)] as usize,
    }
}

/// Smallest entry `>= x` of a sorted list that ends with the text length (x is clamped).
fn ceil(sorted: &[u32], x: usize) -> usize {
    let x = x as u32;
    match sorted.binary_search(&x) {
        Ok(_) => x as usize,
        Err(i) => sorted[i.min(sorted.len() - 1)] as usize,
    }
}

/// Number of code points in the first `utf16_offset` UTF-16 units of `s`. Clamps to the end
/// of `s`; an offset between the halves of a surrogate pair rounds down to the character's
/// start. The DOM glue calls this per text node, where building a [`TextIndex`] would be waste.
pub fn utf16_to_cp_in(s: &str, utf16_offset: usize) -> usize {
    let mut units = 0;
    for (cp, c) in s.chars().enumerate() {
        units += c.len_utf16();
        if units > utf16_offset {
            return cp;
        }
    }
    s.chars().count()
}

/// Number of UTF-16 units in the first `cp` code points of `s` (clamped): the inverse of
/// [`utf16_to_cp_in`], for placing a DOM caret.
pub fn cp_to_utf16_in(s: &str, cp: usize) -> usize {
    s.chars().take(cp).map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    // "e" + combining acute, a thumbs-up with skin tone, a ZWJ family, CJK, Hebrew.
    const MIXED: &str = "e\u{301} 👍🏽 👨\u{200D}👩\u{200D}👧 漢字 שלום";

    #[test]
    fn conversions_agree_with_std() {
        let ix = TextIndex::new(MIXED);
        assert_eq!(ix.cp_len(), MIXED.chars().count());
        assert_eq!(ix.utf16_len(), MIXED.encode_utf16().count());
        for cp in 0..=ix.cp_len() {
            let prefix: String = MIXED.chars().take(cp).collect();
            assert_eq!(ix.cp_to_byte(cp), prefix.len());
            assert_eq!(ix.cp_to_utf16(cp), prefix.encode_utf16().count());
            assert_eq!(ix.utf16_to_cp(ix.cp_to_utf16(cp)), Some(cp));
            assert_eq!(ix.byte_to_cp(prefix.len()), Some(cp));
        }
    }

    #[test]
    fn utf16_inside_surrogate_pair_is_none() {
        let ix = TextIndex::new("a😀b");
        assert_eq!(ix.utf16_to_cp(1), Some(1));
        assert_eq!(ix.utf16_to_cp(2), None);
        assert_eq!(ix.utf16_to_cp(3), Some(2));
        assert_eq!(ix.utf16_to_cp(5), None, "past the end");
        assert_eq!(ix.byte_to_cp(2), None, "inside the emoji's four bytes");
    }

    #[test]
    fn utf16_to_cp_in_rounds_down_and_clamps() {
        assert_eq!(utf16_to_cp_in("a😀b", 2), 1);
        assert_eq!(utf16_to_cp_in("a😀b", 3), 2);
        assert_eq!(utf16_to_cp_in("a😀b", 99), 3);
        assert_eq!(cp_to_utf16_in("a😀b", 2), 3);
    }

    #[test]
    fn grapheme_snapping_keeps_clusters_whole() {
        let ix = TextIndex::new(MIXED);
        // Code point 1 is the combining accent: not a boundary.
        assert!(!ix.is_grapheme_boundary(1));
        assert_eq!(ix.snap_to_graphemes(Span::new(1, 1)), Span::new(0, 2));
        // The thumbs-up is cps 3..5; a span ending between it and its skin tone widens.
        assert_eq!(ix.slice(ix.snap_to_graphemes(Span::new(3, 4))), "👍🏽");
        // The family is one cluster of five code points.
        assert_eq!(ix.slice(ix.snap_to_graphemes(Span::new(7, 8))), "👨\u{200D}👩\u{200D}👧");
    }

    #[test]
    fn word_snapping_widens_and_trims() {
        let text = "Peskov said,  \"cautious optimism\" today";
        let ix = TextIndex::new(text);
        let snapped = ix.snap_to_words(Span::new(2, 9)); // "skov sa"
        assert_eq!(ix.slice(snapped), "Peskov said");
        let snapped = ix.snap_to_words(Span::new(11, 20)); // ",  \"cauti"
        assert_eq!(ix.slice(snapped), ",  \"cautious");
        let snapped = ix.snap_to_words(Span::new(12, 14)); // only spaces
        assert!(snapped.is_empty());
    }

    #[test]
    fn trimming_never_splits_a_space_with_a_combining_mark() {
        // A space followed by a combining mark is one cluster that is not all whitespace.
        let ix = TextIndex::new("ab \u{301}");
        assert_eq!(ix.snap_to_words(Span::new(0, 4)), Span::new(0, 4));
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 5);
        assert!(a.contains(&Span::new(2, 5)));
        assert!(!a.contains(&Span::new(1, 3)));
        assert!(a.overlaps(&Span::new(4, 9)));
        assert!(!a.overlaps(&Span::new(5, 9)), "touching spans do not overlap");
        assert_eq!(Span::ordered(7, 3), Span::new(3, 7));
        assert_eq!(Span::new(4, 2).len(), 0);
    }
}
