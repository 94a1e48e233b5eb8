//! View models of suggestions in the side panel: the current suggestion's card (what it says,
//! who it names and why, with a speaker the person may change before accepting) and the rows
//! the annotation list shows for open suggestions.

use crate::model::document::Document;
use crate::model::speaker::SpeakerId;
use crate::suggest::{SpeakerRef, Suggestion, Suggestions};
use crate::view::keymap::key_label;
use crate::view::panels::AnnotationRow;
use crate::view::session::reject_key;
use crate::view::suggested::{SpeakerChoice, Suggested};

/// The current suggestion, as its card shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuggestionCard {
    pub index: usize,
    /// "direct quote", "indirect quote", "mixed quote".
    pub kind: String,
    pub text: String,
    pub cue: Option<String>,
    pub source: Option<String>,
    /// The speaker choices in the order the menu lists them; `chosen` indexes it.
    pub speakers: Vec<(SpeakerChoice, String)>,
    pub chosen: usize,
    /// 0–100.
    pub confidence: u8,
    pub rule: &'static str,
    /// "3 of 12": where it is among the open suggestions.
    pub position: String,
    /// The keys that accept and reject it, as keycaps ("" when accept has none).
    pub accept_key: String,
    pub reject_key: String,
}

/// The card of the current suggestion, if there is one.
pub fn card(doc: &Document, suggested: &Suggested) -> Option<SuggestionCard> {
    let index = suggested.current()?;
    let s = suggested.items().get(index)?;
    let mut speakers = vec![(SpeakerChoice::Suggested, suggested_speaker_label(doc, suggested.found(), s))];
    speakers.extend(doc.speakers.iter().map(|sp| (SpeakerChoice::Existing(sp.id.clone()), sp.name.clone())));
    speakers.push((SpeakerChoice::Nobody, "no speaker".to_owned()));
    let chosen = speakers.iter().position(|(c, _)| c == suggested.choice(index)).unwrap_or(0);
    let open = suggested.open();
    let at = open.iter().position(|&i| i == index).map_or(0, |p| p + 1);
    Some(SuggestionCard {
        index,
        kind: format!("{} quote", s.quote_type.as_str()),
        text: fragments_text(doc, s),
        cue: s.cue.map(|c| doc.span_text(c).to_owned()),
        source: s.source_mention.map(|m| doc.span_text(m).to_owned()),
        speakers,
        chosen,
        confidence: (s.confidence.clamp(0.0, 1.0) * 100.0).round() as u8,
        rule: s.rule,
        position: format!("{at} of {}", open.len()),
        accept_key: key_label(&doc.schema, "accept_suggestion"),
        reject_key: reject_key(&doc.schema),
    })
}

/// The annotation list's rows for the open suggestions, merged into `rows` by text position.
pub fn with_suggestion_rows(doc: &Document, suggested: &Suggested, rows: &[AnnotationRow]) -> Vec<AnnotationRow> {
    let starts: Vec<usize> = doc.annotations_in_text_order().iter().map(|a| a.first_start()).collect();
    let mut merged = Vec::with_capacity(rows.len() + suggested.open().len());
    let mut next_row = 0;
    for &index in suggested.open() {
        let s = &suggested.items()[index];
        while next_row < rows.len() && starts[next_row] <= s.fragments[0].start {
            merged.push(rows[next_row].clone());
            next_row += 1;
        }
        let speaker = suggested_speaker_label(doc, suggested.found(), s);
        merged.push(AnnotationRow {
            id: crate::model::annotation::AnnotationId(format!("suggestion-{index}")),
            label: "?".to_owned(),
            is_claim: false,
            snippet: fragments_text(doc, s),
            summary: format!("suggested {} quote · {speaker} · {}%", s.quote_type.as_str(), percent(s.confidence)),
            suggestion: Some(index),
        });
    }
    merged.extend_from_slice(&rows[next_row..]);
    merged
}

fn percent(confidence: f32) -> u8 {
    (confidence.clamp(0.0, 1.0) * 100.0).round() as u8
}

fn fragments_text(doc: &Document, s: &Suggestion) -> String {
    let texts: Vec<&str> = s.fragments.iter().map(|f| doc.span_text(*f)).collect();
    texts.join(" … ")
}

/// The proposed speaker's name: an existing speaker's, or the new one the suggester names.
fn suggested_speaker_label(doc: &Document, found: &Suggestions, s: &Suggestion) -> String {
    match &s.speaker {
        Some(SpeakerRef::Existing(id)) => existing_name(doc, id),
        Some(SpeakerRef::New(i)) => match found.new_speakers.get(*i) {
            Some(new) => match new.known_in(&doc.speakers) {
                Some(known) => known.name.clone(),
                None => format!("{} (new)", new.name),
            },
            None => "no speaker".to_owned(),
        },
        None => "no speaker".to_owned(),
    }
}

fn existing_name(doc: &Document, id: &SpeakerId) -> String {
    doc.speaker(id).map_or_else(|| "no speaker".to_owned(), |sp| sp.name.clone())
}
