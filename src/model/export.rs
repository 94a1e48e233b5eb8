//! Writing documents out: the versioned document JSON, its one-line dataset form, and flat
//! rows (one per quote or claim) for model training. Every span carries its exact text and
//! some context, so any consumer can check the offsets without trusting this code.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::anchor::Anchor;
use super::annotation::{Annotation, AnnotationKind, Origin, QuoteType};
use super::article::BlockKind;
use super::document::{Document, NextIds};
use super::ids::{StanceId, TargetId};
use super::rejection::RejectedSuggestion;
use super::schema::Schema;
use super::speaker::{Speaker, SpeakerId, SpeakerKind};
use super::text::{Span, TextIndex};

pub const FORMAT: &str = "stancemark-document";
pub const VERSION: u64 = 1;
pub const OFFSET_UNIT: &str = "unicode_code_point";
pub use super::anchor::CONTEXT;
/// Joins the fragments of a discontinuous quote in the flat rows.
pub const FRAGMENT_SEPARATOR: &str = " … ";

/// Lower-case hex SHA-256 of the text's UTF-8 bytes.
pub fn text_sha256(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// The article id, or else the first 12 hex digits of the text's SHA-256: stable across
/// exports of the same text.
pub fn document_id(doc: &Document) -> String {
    match &doc.article.id {
        Some(id) => id.clone(),
        None => text_sha256(doc.text())[..12].to_owned(),
    }
}

/// The document JSON, pretty-printed, fields in a fixed order (see `docs/format.md`).
pub fn document_json(doc: &Document) -> String {
    serde_json::to_string_pretty(&DocumentOut::new(doc)).expect("plain data serialises")
}

/// The same document as one compact line of a dataset JSONL file (no trailing newline).
pub fn dataset_document_line(doc: &Document) -> String {
    serde_json::to_string(&DocumentOut::new(doc)).expect("plain data serialises")
}

/// One JSON line per quote or claim, in text order, each ending with `\n`.
pub fn flat_rows_jsonl(doc: &Document) -> String {
    let document_id = document_id(doc);
    let mut out = String::new();
    for a in &doc.annotations {
        let row = Row::new(doc, &document_id, a);
        out.push_str(&serde_json::to_string(&row).expect("plain data serialises"));
        out.push('\n');
    }
    out
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    version: u64,
    offset_unit: &'static str,
    text: &'a str,
    text_sha256: String,
    article: ArticleOut<'a>,
    schema: &'a Schema,
    speakers: &'a [Speaker],
    annotations: Vec<AnnotationOut<'a>>,
    next_ids: NextIds,
    // Written only when there are some, so documents without suggestions read as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rejected_suggestions: Vec<RejectionOut<'a>>,
}

/// A rejected suggestion as the document JSON (and the save journal) writes it: its fragments
/// as spans with their text and context, like every span, so a reader can check them and a
/// changed text can find them again.
#[derive(Serialize)]
pub(crate) struct RejectionOut<'a> {
    fragments: Vec<SpanOut<'a>>,
    rule: &'a str,
}

impl<'a> RejectionOut<'a> {
    pub(crate) fn new(ix: &'a TextIndex, r: &'a RejectedSuggestion) -> RejectionOut<'a> {
        RejectionOut { fragments: r.fragments.iter().map(|s| SpanOut::new(ix, *s)).collect(), rule: &r.rule }
    }
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<&'a str>,
    #[serde(rename = "abstract")]
    abstract_text: Option<&'a str>,
    blocks: Vec<BlockOut>,
}

#[derive(Serialize)]
struct BlockOut {
    kind: BlockKind,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    context_before: &'a str,
    context_after: &'a str,
}

/// An annotation as the document JSON writes it (the save journal writes annotations this way too).
#[derive(Serialize)]
pub(crate) struct AnnotationOut<'a> {
    id: &'a str,
    kind: AnnotationKind,
    quote_type: Option<QuoteType>,
    fragments: Vec<SpanOut<'a>>,
    cue: Option<SpanOut<'a>>,
    source_mention: Option<SpanOut<'a>>,
    speaker: Option<&'a SpeakerId>,
    stance: Option<&'a str>,
    target: Option<&'a str>,
    note: &'a str,
    created_by: &'a str,
    created_at: &'a str,
    origin: Origin,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    agreed_by: &'a [String],
}

impl<'a> DocumentOut<'a> {
    fn new(doc: &'a Document) -> DocumentOut<'a> {
        let ix = doc.text_index();
        let a = &doc.article;
        DocumentOut {
            format: FORMAT,
            version: VERSION,
            offset_unit: OFFSET_UNIT,
            text: doc.text(),
            text_sha256: text_sha256(doc.text()),
            article: ArticleOut {
                id: a.id.as_deref(),
                title: a.title.as_deref(),
                published: a.published.as_deref(),
                abstract_text: a.abstract_text.as_deref(),
                blocks: a
                    .blocks
                    .iter()
                    .map(|b| BlockOut { kind: b.kind, start: b.span.start, end: b.span.end })
                    .collect(),
            },
            schema: &doc.schema,
            speakers: &doc.speakers,
            annotations: doc.annotations.iter().map(|x| AnnotationOut::new(ix, x)).collect(),
            next_ids: doc.next_ids,
            rejected_suggestions: doc.rejected_suggestions.iter().map(|r| RejectionOut::new(ix, r)).collect(),
        }
    }
}

impl<'a> AnnotationOut<'a> {
    pub(crate) fn new(ix: &'a TextIndex, a: &'a Annotation) -> AnnotationOut<'a> {
        AnnotationOut {
            id: &a.id.0,
            kind: a.kind,
            quote_type: a.quote_type,
            fragments: a.fragments.iter().map(|s| SpanOut::new(ix, *s)).collect(),
            cue: a.cue.map(|s| SpanOut::new(ix, s)),
            source_mention: a.source_mention.map(|s| SpanOut::new(ix, s)),
            speaker: a.speaker.as_ref(),
            stance: a.stance.as_ref().map(StanceId::as_str),
            target: a.target.as_ref().map(TargetId::as_str),
            note: &a.note,
            created_by: &a.created_by,
            created_at: &a.created_at,
            origin: a.origin,
            rule: a.rule.as_deref(),
            agreed_by: &a.agreed_by,
        }
    }
}

impl<'a> SpanOut<'a> {
    fn new(ix: &'a TextIndex, s: Span) -> SpanOut<'a> {
        let Anchor { text, before, after } = Anchor::of(ix, s);
        SpanOut { start: s.start, end: s.end, text, context_before: before, context_after: after }
    }
}

/// A span in a flat row: offsets and text, without context.
#[derive(Serialize)]
struct RowSpan<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct Row<'a> {
    document_id: &'a str,
    annotation_id: &'a str,
    kind: AnnotationKind,
    quote_type: Option<QuoteType>,
    /// The fragments' texts joined with " … ".
    text: String,
    /// Start of the first fragment and end of the last.
    start: usize,
    end: usize,
    fragments: Vec<RowSpan<'a>>,
    speaker_id: Option<&'a str>,
    speaker_name: Option<&'a str>,
    speaker_kind: Option<SpeakerKind>,
    stance: Option<&'a str>,
    stance_label: Option<&'a str>,
    target_id: Option<&'a str>,
    target_label: Option<&'a str>,
    cue_text: Option<&'a str>,
    cue: Option<RowSpan<'a>>,
    source_mention_text: Option<&'a str>,
    source_mention: Option<RowSpan<'a>>,
    note: &'a str,
    origin: Origin,
    /// The suggestion rule it was accepted from, `null` for annotations made by hand.
    rule: Option<&'a str>,
    /// Who had it, in an adjudicated gold document; empty otherwise.
    agreed_by: &'a [String],
    created_by: &'a str,
    created_at: &'a str,
}

impl<'a> Row<'a> {
    fn new(doc: &'a Document, document_id: &'a str, a: &'a Annotation) -> Row<'a> {
        let ix = doc.text_index();
        let span = |s: Span| RowSpan { start: s.start, end: s.end, text: ix.slice(s) };
        let speaker = a.speaker.as_ref().and_then(|id| doc.speaker(id));
        let texts: Vec<&str> = a.fragments.iter().map(|s| ix.slice(*s)).collect();
        Row {
            document_id,
            annotation_id: &a.id.0,
            kind: a.kind,
            quote_type: a.quote_type,
            text: texts.join(FRAGMENT_SEPARATOR),
            start: a.first_start(),
            end: a.last_end(),
            fragments: a.fragments.iter().map(|s| span(*s)).collect(),
            speaker_id: speaker.map(|s| s.id.0.as_str()),
            speaker_name: speaker.map(|s| s.name.as_str()),
            speaker_kind: speaker.map(|s| s.kind),
            stance: a.stance.as_ref().map(StanceId::as_str),
            stance_label: a.stance.as_ref().and_then(|s| doc.schema.stance(s)).map(|s| s.label.as_str()),
            target_id: a.target.as_ref().map(TargetId::as_str),
            target_label: a.target.as_ref().and_then(|t| doc.schema.target(t)).map(|t| t.label.as_str()),
            cue_text: a.cue.map(|s| ix.slice(s)),
            cue: a.cue.map(span),
            source_mention_text: a.source_mention.map(|s| ix.slice(s)),
            source_mention: a.source_mention.map(span),
            note: &a.note,
            origin: a.origin,
            rule: a.rule.as_deref(),
            agreed_by: &a.agreed_by,
            created_by: &a.created_by,
            created_at: &a.created_at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Article;

    #[test]
    fn sha256_is_lower_hex_of_utf8() {
        assert_eq!(text_sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn document_id_is_the_article_id_or_a_sha_prefix() {
        let mut doc = Document::new(Article::parse_text("abc").unwrap(), Schema::default());
        assert_eq!(document_id(&doc), "ba7816bf8f01");
        doc.article.id = Some("story-1".into());
        assert_eq!(document_id(&doc), "story-1");
    }

    #[test]
    fn rows_are_empty_for_a_document_without_annotations() {
        let doc = Document::new(Article::parse_text("abc").unwrap(), Schema::default());
        assert_eq!(flat_rows_jsonl(&doc), "");
        assert!(!dataset_document_line(&doc).contains('\n'));
    }
}
