//! View models of the side panels: the annotation list, the speakers and the selected
//! annotation's details. Each is built from the document once per change and shared by `Rc`,
//! so a panel compares its props by pointer and re-renders only when its view is rebuilt.

use crate::model::annotation::{Annotation, AnnotationId, AnnotationKind};
use crate::model::document::Document;
use crate::model::keys::{Command, KEY_TABLE};
use crate::model::schema::{StanceValue, Target};
use crate::model::speaker::{Speaker, SpeakerId};
use crate::model::text::Span;
use crate::view::keymap::{key_label, label};
use crate::view::labels;

/// One row of the annotation list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotationRow {
    pub id: AnnotationId,
    pub label: String,
    pub is_claim: bool,
    /// The fragments' text, joined by " … ".
    pub snippet: String,
    /// Kind, speaker and stance in a line ([`labels::summary`]).
    pub summary: String,
    /// An open suggestion's row (its index in the suggester's list), not an annotation's.
    pub suggestion: Option<usize>,
}

/// Every annotation in text order, mirroring the highlights.
pub fn annotation_rows(doc: &Document) -> Vec<AnnotationRow> {
    doc.annotations_in_text_order()
        .iter()
        .map(|annotation| AnnotationRow {
            id: annotation.id.clone(),
            label: labels::annotation_label(annotation),
            is_claim: annotation.kind == AnnotationKind::Claim,
            snippet: fragments_text(doc, annotation).join(" … "),
            summary: labels::summary(doc, annotation),
            suggestion: None,
        })
        .collect()
}

fn fragments_text(doc: &Document, annotation: &Annotation) -> Vec<String> {
    annotation.fragments.iter().map(|f| doc.span_text(*f).to_owned()).collect()
}

/// A speaker with how many annotations are theirs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerRow {
    pub speaker: Speaker,
    pub annotations: usize,
}

/// The speakers, most quoted first.
pub fn speaker_rows(doc: &Document) -> Vec<SpeakerRow> {
    let mut rows: Vec<SpeakerRow> = doc
        .speakers
        .iter()
        .map(|speaker| SpeakerRow { speaker: speaker.clone(), annotations: doc.speaker_usage_count(&speaker.id) })
        .collect();
    crate::model::sort::sort_by_key(&mut rows, |row| std::cmp::Reverse(row.annotations));
    rows
}

/// The selected annotation as the details panel shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DetailsView {
    pub annotation: Annotation,
    /// "Q3 · Direct quote".
    pub heading: String,
    pub fragments: Vec<String>,
    pub cue: Option<String>,
    pub mention: Option<String>,
    pub speaker: Option<Speaker>,
    /// Every speaker, for the picker's search.
    pub speakers: Vec<Speaker>,
    pub stances: Vec<StanceValue>,
    pub targets: Vec<Target>,
    pub keys: DetailKeys,
}

/// The keys the details panel shows beside its controls, as keycaps ("Q", "Delete").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DetailKeys {
    pub direct: String,
    pub indirect: String,
    pub mixed: String,
    pub cue: String,
    pub source: String,
    pub speaker: String,
    pub target: String,
    pub note: String,
    pub delete: String,
}

impl DetailKeys {
    pub fn of(doc: &Document) -> DetailKeys {
        let key = |name| key_label(&doc.schema, name);
        DetailKeys {
            direct: key("direct"),
            indirect: key("indirect"),
            mixed: key("mixed"),
            cue: key("cue"),
            source: key("source_mention"),
            speaker: key("speaker"),
            target: key("target"),
            note: key("note"),
            delete: key("delete"),
        }
    }
}

pub fn details_view(doc: &Document, id: &AnnotationId) -> Option<DetailsView> {
    let annotation = doc.annotation(id)?;
    let text = |span| doc.span_text(span).to_owned();
    Some(DetailsView {
        heading: format!("{} · {}", labels::annotation_label(annotation), labels::kind_name(annotation)),
        fragments: fragments_text(doc, annotation),
        cue: annotation.cue.map(text),
        mention: annotation.source_mention.map(text),
        speaker: annotation.speaker.as_ref().and_then(|s| doc.speaker(s)).cloned(),
        speakers: doc.speakers.clone(),
        stances: doc.schema.stances.clone(),
        targets: doc.schema.targets.clone(),
        keys: DetailKeys::of(doc),
        annotation: annotation.clone(),
    })
}

/// The speakers a card offers to merge into `keep`: every other one.
pub fn merge_candidates(rows: &[SpeakerRow], keep: &SpeakerId) -> Vec<(SpeakerId, String)> {
    rows.iter()
        .filter(|row| &row.speaker.id != keep)
        .map(|row| (row.speaker.id.clone(), row.speaker.name.clone()))
        .collect()
}

/// The keys shown on the floating toolbar's buttons, as keycaps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FloatKeys {
    pub quote: String,
    pub claim: String,
    pub cue: String,
    pub source: String,
    pub fragment: String,
    pub replace_span: String,
}

impl FloatKeys {
    pub fn of(doc: &Document) -> FloatKeys {
        let key = |name| key_label(&doc.schema, name);
        let replace_span = KEY_TABLE.iter().find(|b| b.command == Command::ReplaceSpan).map(|b| label(b.key));
        FloatKeys {
            quote: key("quote"),
            claim: key("claim"),
            cue: key("cue"),
            source: key("source_mention"),
            fragment: key("add_fragment"),
            replace_span: replace_span.unwrap_or_default(),
        }
    }
}

/// The pending span for the status bar: “its first 48 characters…” (start–end).
pub fn pending_summary(doc: &Document, span: Span) -> String {
    const SHOWN: usize = 48;
    let text = doc.span_text(span);
    let short: String = text.chars().take(SHOWN).collect();
    let more = if text.chars().nth(SHOWN).is_some() { "…" } else { "" };
    format!("“{short}{more}” ({}–{})", span.start, span.end)
}

/// What the side panel says when it has nothing to show, naming the schema's keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmptyHints {
    pub details: String,
    pub annotations: String,
    pub speakers: String,
}

impl EmptyHints {
    pub fn of(doc: &Document) -> EmptyHints {
        let key = |name| {
            let label = key_label(&doc.schema, name);
            if label.is_empty() {
                "its key".to_owned()
            } else {
                label
            }
        };
        let (quote, claim) = (key("quote"), key("claim"));
        EmptyHints {
            details: format!(
                "Nothing selected. Click a highlight, or press {} for the first annotation. Select text and press {quote} or {claim} to add one; ? lists every key.",
                key("next")
            ),
            annotations: format!(
                "No annotations yet. Select the words of a quote in the article and press {quote} (quote) or {claim} (claim)."
            ),
            speakers: format!(
                "No speakers yet. Select who is speaking (\"Kremlin spokesman Dmitry Peskov\"), press {} to mark it as the source of the selected quote, then create the speaker from it.",
                key("source_mention")
            ),
        }
    }
}
