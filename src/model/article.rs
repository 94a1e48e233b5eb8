//! Articles: the text being annotated, its metadata, and its blocks.
//!
//! The canonical text is the normalised file itself (see `docs/format.md`): title line, blank
//! line, dateline, blank line, `Abstract: ` paragraph, blank line, body paragraphs separated by
//! one blank line. Every offset in a document points into it.

use serde::{Deserialize, Serialize};

use super::json::{FieldError, FieldPath};
use super::normalise;
pub use super::parse_error::ParseError;
use super::record;
use super::text::{Span, TextIndex};
use super::utf8::{self, NotUtf8};

/// What a block of the article is; rendered differently and used to keep spans from crossing
/// from the title into the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Title,
    Dateline,
    Abstract,
    Paragraph,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Dateline => "dateline",
            BlockKind::Abstract => "abstract",
            BlockKind::Paragraph => "paragraph",
        }
    }

    pub fn parse(s: &str) -> Option<BlockKind> {
        match s {
            "title" => Some(BlockKind::Title),
            "dateline" => Some(BlockKind::Dateline),
            "abstract" => Some(BlockKind::Abstract),
            "paragraph" => Some(BlockKind::Paragraph),
            _ => None,
        }
    }
}

/// One block; `span` covers its content in the canonical text. For the abstract the content
/// starts after the `Abstract: ` label, which stays in the text just before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub id: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub abstract_text: Option<String>,
    /// The canonical text: NFC, `\n` newlines, no trailing newline.
    pub text: String,
    /// In text order, non-overlapping.
    pub blocks: Vec<Block>,
}

impl Article {
    /// Reads a file's bytes: a JSON record if the first non-whitespace character is `{`,
    /// otherwise the text format.
    pub fn parse_bytes(bytes: &[u8]) -> Result<Article, ParseError> {
        let s = utf8::text(bytes).map_err(|NotUtf8 { byte, offset, line, .. }| ParseError::NotUtf8 {
            byte,
            offset,
            line,
        })?;
        let body = s.strip_prefix('\u{FEFF}').unwrap_or(s);
        if body.trim_start().starts_with('{') {
            Article::from_record_json(body)
        } else {
            Article::parse_text(s)
        }
    }

    /// Reads the text format: an optional header (title, dateline, abstract) and paragraphs.
    pub fn parse_text(s: &str) -> Result<Article, ParseError> {
        if s.is_empty() {
            return Err(ParseError::Empty);
        }
        let paras = normalise::paragraphs(&normalise::clean(s));
        if paras.is_empty() {
            return Err(ParseError::OnlyWhitespace);
        }
        let kinds = classify(&paras);
        let parts = paras.into_iter().zip(kinds).map(|(p, k)| Part::new(k, p)).collect();
        Ok(Article::from_parts(None, parts))
    }

    /// Reads a JSON record `{id?, title?, published?, abstract?, text}`. Its canonical text
    /// follows the same layout as the text format, built from the fields.
    pub fn from_record_json(s: &str) -> Result<Article, ParseError> {
        let r = record::read(s)?;
        let mut parts = Vec::new();
        if let Some(t) = r.title {
            parts.push(Part::new(BlockKind::Title, t));
        }
        if let Some(p) = r.published {
            parts.push(Part::new(BlockKind::Dateline, p));
        }
        if let Some(a) = r.abstract_text {
            parts.push(Part::new(BlockKind::Abstract, format!("Abstract: {a}")));
        }
        parts.extend(r.paragraphs.into_iter().map(|p| Part::new(BlockKind::Paragraph, p)));
        Ok(Article::from_parts(r.id, parts))
    }

    /// The text of a block's content.
    pub fn block_text(&self, block: &Block) -> &str {
        slice_cp(&self.text, block.span)
    }

    /// The block whose content contains `span`, if any (an empty span at a block's end counts).
    pub fn block_containing(&self, span: Span) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.span.end < span.end);
        self.blocks.get(i).filter(|b| b.span.contains(&span))
    }

    /// Checks what import cannot take on trust: blocks non-empty, in order, inside the text,
    /// and the metadata equal to the text of its block. Paths are relative to the article.
    pub fn check(&self, index: &TextIndex) -> Result<(), FieldError> {
        let n = index.cp_len();
        let mut prev_end = 0;
        for (i, b) in self.blocks.iter().enumerate() {
            let path = FieldPath::root().key("blocks").index(i);
            if b.span.end > n {
                return Err(FieldError::new(
                    path,
                    format!("end {} is past the end of the text ({n} code points)", b.span.end),
                ));
            }
            if b.span.start >= b.span.end {
                return Err(FieldError::new(path, format!("block {} is empty or reversed", b.span)));
            }
            if b.span.start < prev_end {
                return Err(FieldError::new(path, "blocks must be in text order and must not overlap"));
            }
            prev_end = b.span.end;
        }
        let field =
            |kind: BlockKind| self.blocks.iter().find(|b| b.kind == kind).map(|b| index.slice(b.span).to_owned());
        for (name, value, kind) in [
            ("title", &self.title, BlockKind::Title),
            ("published", &self.published, BlockKind::Dateline),
            ("abstract", &self.abstract_text, BlockKind::Abstract),
        ] {
            if *value != field(kind) {
                let message = format!("does not match the text of the {} block", kind.as_str());
                return Err(FieldError::new(FieldPath::root().key(name), message));
            }
        }
        Ok(())
    }

    fn from_parts(id: Option<String>, parts: Vec<Part>) -> Article {
        let mut text = String::new();
        let mut blocks = Vec::with_capacity(parts.len());
        let mut cp = 0;
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                text.push_str("\n\n");
                cp += 2;
            }
            let len = part.text.chars().count();
            blocks.push(Block { kind: part.kind, span: Span::new(cp + part.content_start, cp + len) });
            text.push_str(&part.text);
            cp += len;
        }
        let mut article = Article { id, title: None, published: None, abstract_text: None, text, blocks };
        let first = |kind| article.blocks.iter().find(|b| b.kind == kind).map(|b| article.block_text(b).to_owned());
        let (title, published, abstract_text) =
            (first(BlockKind::Title), first(BlockKind::Dateline), first(BlockKind::Abstract));
        article.title = title;
        article.published = published;
        article.abstract_text = abstract_text;
        article
    }
}

/// A paragraph of the canonical layout and where its content starts (after a label).
struct Part {
    kind: BlockKind,
    text: String,
    content_start: usize,
}

impl Part {
    fn new(kind: BlockKind, text: String) -> Part {
        let content_start = match kind {
            BlockKind::Abstract => abstract_label_len(&text).unwrap_or(0),
            _ => 0,
        };
        Part { kind, text, content_start }
    }
}

/// Decides the header: a title is only recognised when the first paragraph is a single line
/// followed by a dateline or an abstract, so an ordinary article's short first paragraph is
/// never mistaken for a title.
fn classify(paras: &[String]) -> Vec<BlockKind> {
    let mut kinds = vec![BlockKind::Paragraph; paras.len()];
    let follows = |i: usize| paras.get(i).is_some_and(|p| is_dateline(p) || abstract_label_len(p).is_some());
    if paras.len() < 2 || paras[0].contains('\n') || !follows(1) {
        return kinds;
    }
    kinds[0] = BlockKind::Title;
    let mut i = 1;
    if is_dateline(&paras[i]) {
        kinds[i] = BlockKind::Dateline;
        i += 1;
    }
    if paras.get(i).is_some_and(|p| abstract_label_len(p).is_some()) {
        kinds[i] = BlockKind::Abstract;
    }
    kinds
}

/// A dateline is a short single line starting with a date `YYYY-MM-DD`, alone or followed by
/// a time (`2025-03-16 03:31:00`, `2025-03-16T03:31Z`). The length cap keeps a paragraph that
/// merely opens with a timestamp from being taken for one.
pub(crate) fn is_dateline(p: &str) -> bool {
    if p.contains('\n') || p.chars().count() > 40 {
        return false;
    }
    let b = p.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let date_ok = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && (1..=12).contains(&two_digits(&b[5..7]))
        && (1..=31).contains(&two_digits(&b[8..10]));
    if !date_ok {
        return false;
    }
    match b.get(10) {
        None => true,
        Some(b' ' | b'T') => digits(11..13) && b.get(13) == Some(&b':') && digits(14..16),
        Some(_) => false,
    }
}

fn two_digits(b: &[u8]) -> u8 {
    (b[0] - b'0') * 10 + (b[1] - b'0')
}

/// Length in code points of an `Abstract:` label and the spaces after it, if `p` starts with
/// one (any letter case) and has content after it.
fn abstract_label_len(p: &str) -> Option<usize> {
    let label = p.get(..9)?;
    if !label.eq_ignore_ascii_case("abstract:") {
        return None;
    }
    let rest = &p[9..];
    let content = rest.trim_start();
    if content.is_empty() {
        return None;
    }
    Some(9 + rest[..rest.len() - content.len()].chars().count())
}

fn slice_cp(s: &str, span: Span) -> &str {
    let mut ix = s.char_indices().map(|(b, _)| b).chain(std::iter::once(s.len()));
    let start = ix.nth(span.start).unwrap_or(s.len());
    let end = if span.end > span.start { ix.nth(span.end - span.start - 1).unwrap_or(s.len()) } else { start };
    &s[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_shapes() {
        assert!(is_dateline("2025-03-16"));
        assert!(is_dateline("2025-03-16 03:31:00"));
        assert!(is_dateline("2025-03-16T03:31Z"));
        assert!(!is_dateline("2025-03-16 Moscow said on Friday that it would consider the plan"));
        assert!(!is_dateline("2025-13-16"));
        assert!(!is_dateline("March 16, 2025"));
    }

    #[test]
    fn abstract_label_length_includes_following_spaces() {
        assert_eq!(abstract_label_len("Abstract: text"), Some(10));
        assert_eq!(abstract_label_len("ABSTRACT:\ttext"), Some(10));
        assert_eq!(abstract_label_len("Abstract:"), None);
        assert_eq!(abstract_label_len("Abstracts are"), None);
    }

    #[test]
    fn header_layout_and_blocks() {
        let a = Article::parse_text("Title here\n\n2025-03-16 03:31:00\n\nAbstract: Short.\n\nBody one.\n\nBody two.")
            .unwrap();
        assert_eq!(a.title.as_deref(), Some("Title here"));
        assert_eq!(a.published.as_deref(), Some("2025-03-16 03:31:00"));
        assert_eq!(a.abstract_text.as_deref(), Some("Short."));
        let kinds: Vec<_> = a.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(kinds, vec![Title, Dateline, Abstract, Paragraph, Paragraph]);
        let texts: Vec<_> = a.blocks.iter().map(|b| a.block_text(b)).collect();
        assert_eq!(texts, vec!["Title here", "2025-03-16 03:31:00", "Short.", "Body one.", "Body two."]);
    }

    #[test]
    fn block_containing_finds_the_one_block() {
        let a = Article::parse_text("Title\n\n2025-01-01\n\nBody text.").unwrap();
        let body = a.blocks[2];
        assert_eq!(a.block_containing(Span::new(body.span.start, body.span.start + 4)), Some(&body));
        assert_eq!(a.block_containing(Span::new(2, body.span.start + 1)), None, "crosses blocks");
        assert_eq!(a.block_containing(Span::new(5, 6)), None, "in the gap between blocks");
    }
}
