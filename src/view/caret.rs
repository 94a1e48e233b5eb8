//! The keyboard caret: where it goes on ← → (by grapheme cluster or by word), how a selection
//! grows from its anchor, and how a span's boundary moves by a word. It lives inside the
//! article's blocks and jumps from the end of one block to the start of the next.

use crate::model::article::Block;
use crate::model::text::{Span, TextIndex};

use super::keymap::{Direction, Edge, Step};

/// A keyboard selection: `anchor` stays put, `head` moves with the caret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeySelection {
    pub anchor: usize,
    pub head: usize,
}

impl KeySelection {
    pub fn caret(at: usize) -> KeySelection {
        KeySelection { anchor: at, head: at }
    }

    pub fn span(&self) -> Span {
        Span::ordered(self.anchor, self.head)
    }
}

/// Moves the caret one step; `None` when there is nowhere to go.
pub fn step(index: &TextIndex, blocks: &[Block], at: usize, direction: Direction, step: Step) -> Option<usize> {
    let block = blocks.iter().position(|b| b.span.start <= at && at <= b.span.end)?;
    let span = blocks[block].span;
    match direction {
        Direction::Forward if at >= span.end => blocks.get(block + 1).map(|b| b.span.start),
        Direction::Backward if at <= span.start => block.checked_sub(1).map(|i| blocks[i].span.end),
        Direction::Forward => Some(match step {
            Step::Grapheme => next_grapheme(index, at, span.end),
            Step::Word => word_end_after(index, at, span.end),
        }),
        Direction::Backward => Some(match step {
            Step::Grapheme => previous_grapheme(index, at, span.start),
            Step::Word => word_start_before(index, at, span.start),
        }),
    }
}

/// Moves the caret and, when `extend` is set, keeps the anchor so the selection grows.
/// A selection never leaves the block its anchor is in.
pub fn move_selection(
    index: &TextIndex,
    blocks: &[Block],
    selection: KeySelection,
    direction: Direction,
    unit: Step,
    extend: bool,
) -> KeySelection {
    let Some(head) = step(index, blocks, selection.head, direction, unit) else { return selection };
    if !extend {
        return KeySelection::caret(head);
    }
    let same_block = blocks.iter().any(|b| {
        let inside = |p: usize| b.span.start <= p && p <= b.span.end;
        inside(selection.anchor) && inside(head)
    });
    if same_block {
        KeySelection { anchor: selection.anchor, head }
    } else {
        selection
    }
}

/// Moves one edge of `span` by a word, keeping it non-empty and inside `block`.
pub fn move_edge(index: &TextIndex, block: Span, span: Span, edge: Edge, direction: Direction) -> Span {
    let moved = match (edge, direction) {
        (Edge::Start, Direction::Backward) => Span::new(word_start_before(index, span.start, block.start), span.end),
        (Edge::Start, Direction::Forward) => Span::new(word_start_after(index, span.start, span.end), span.end),
        (Edge::End, Direction::Backward) => Span::new(span.start, word_end_before(index, span.end, span.start)),
        (Edge::End, Direction::Forward) => Span::new(span.start, word_end_after(index, span.end, block.end)),
    };
    if moved.is_empty() {
        span
    } else {
        moved
    }
}

fn next_grapheme(index: &TextIndex, at: usize, limit: usize) -> usize {
    (at + 1..=limit).find(|&p| index.is_grapheme_boundary(p)).unwrap_or(limit)
}

fn previous_grapheme(index: &TextIndex, at: usize, limit: usize) -> usize {
    (limit..at).rev().find(|&p| index.is_grapheme_boundary(p)).unwrap_or(limit)
}

fn is_space_at(index: &TextIndex, p: usize) -> bool {
    index.slice(Span::new(p, p + 1)).chars().all(char::is_whitespace)
}

/// Is `p` the start of a word (a boundary with a non-space after it)?
fn is_word_start(index: &TextIndex, p: usize) -> bool {
    index.is_word_boundary(p) && !is_space_at(index, p) && !is_punctuation_at(index, p)
}

/// Is `p` the end of a word (a boundary with a non-space before it)?
fn is_word_end(index: &TextIndex, p: usize) -> bool {
    p > 0 && index.is_word_boundary(p) && !is_space_at(index, p - 1) && !is_punctuation_at(index, p - 1)
}

fn is_punctuation_at(index: &TextIndex, p: usize) -> bool {
    index
        .slice(Span::new(p, p + 1))
        .chars()
        .all(|c| c.is_ascii_punctuation() || matches!(c, '“' | '”' | '‘' | '’' | '—' | '–'))
}

fn word_end_after(index: &TextIndex, at: usize, limit: usize) -> usize {
    (at + 1..=limit).find(|&p| is_word_end(index, p)).unwrap_or(limit)
}

fn word_end_before(index: &TextIndex, at: usize, limit: usize) -> usize {
    (limit + 1..at).rev().find(|&p| is_word_end(index, p)).unwrap_or(at)
}

fn word_start_before(index: &TextIndex, at: usize, limit: usize) -> usize {
    (limit..at).rev().find(|&p| is_word_start(index, p)).unwrap_or(limit)
}

fn word_start_after(index: &TextIndex, at: usize, limit: usize) -> usize {
    (at + 1..limit).find(|&p| is_word_start(index, p)).unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::BlockKind;

    fn setup(text: &str) -> (TextIndex, Vec<Block>) {
        let index = TextIndex::new(text);
        let mut blocks = Vec::new();
        let mut start = 0;
        for (i, part) in text.split("\n\n").enumerate() {
            let len = part.chars().count();
            let kind = if i == 0 { BlockKind::Title } else { BlockKind::Paragraph };
            blocks.push(Block { kind, span: Span::new(start, start + len) });
            start += len + 2;
        }
        (index, blocks)
    }

    #[test]
    fn grapheme_steps_never_split_an_emoji_with_skin_tone() {
        let (index, blocks) = setup("a👍🏽b");
        assert_eq!(step(&index, &blocks, 1, Direction::Forward, Step::Grapheme), Some(3));
        assert_eq!(step(&index, &blocks, 3, Direction::Backward, Step::Grapheme), Some(1));
    }

    #[test]
    fn the_caret_jumps_between_blocks() {
        let (index, blocks) = setup("Title\n\nBody text");
        assert_eq!(step(&index, &blocks, 5, Direction::Forward, Step::Grapheme), Some(7));
        assert_eq!(step(&index, &blocks, 7, Direction::Backward, Step::Grapheme), Some(5));
        assert_eq!(step(&index, &blocks, 16, Direction::Forward, Step::Grapheme), None);
    }

    #[test]
    fn word_steps_land_on_word_ends_and_starts() {
        let (index, blocks) = setup("Peskov said, \"Both sides\"");
        assert_eq!(step(&index, &blocks, 0, Direction::Forward, Step::Word), Some(6));
        assert_eq!(step(&index, &blocks, 6, Direction::Forward, Step::Word), Some(11));
        assert_eq!(step(&index, &blocks, 11, Direction::Backward, Step::Word), Some(7));
    }

    #[test]
    fn an_extending_selection_stays_in_its_block() {
        let (index, blocks) = setup("Title\n\nBody");
        let at_end = KeySelection { anchor: 0, head: 5 };
        let moved = move_selection(&index, &blocks, at_end, Direction::Forward, Step::Grapheme, true);
        assert_eq!(moved, at_end);
        let plain = move_selection(&index, &blocks, at_end, Direction::Forward, Step::Grapheme, false);
        assert_eq!(plain, KeySelection::caret(7));
    }

    #[test]
    fn edges_move_by_words_and_never_empty_the_span() {
        let (index, _) = setup("one two three four");
        let block = Span::new(0, 18);
        let span = Span::new(4, 13); // "two three"
        assert_eq!(move_edge(&index, block, span, Edge::Start, Direction::Backward), Span::new(0, 13));
        assert_eq!(move_edge(&index, block, span, Edge::Start, Direction::Forward), Span::new(8, 13));
        assert_eq!(move_edge(&index, block, span, Edge::End, Direction::Forward), Span::new(4, 18));
        assert_eq!(move_edge(&index, block, span, Edge::End, Direction::Backward), Span::new(4, 7));
        let one_word = Span::new(4, 7);
        assert_eq!(move_edge(&index, block, one_word, Edge::Start, Direction::Forward), one_word);
    }
}
