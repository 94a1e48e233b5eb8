//! Short human labels for annotations ("Q3", "C12") and one-line descriptions for tooltips and
//! lists. A label is the kind's letter and the number of the annotation's id, so it never
//! changes while the person works: a note can say "see Q12", and adding an annotation early in
//! a long article re-renders only its paragraph instead of renumbering every later one.

use std::collections::HashMap;

use crate::model::annotation::{Annotation, AnnotationId, AnnotationKind, QuoteType};
use crate::model::document::Document;

/// The label of one annotation: "Q" or "C" and its id's number ("a12" → "Q12").
pub fn annotation_label(annotation: &Annotation) -> String {
    let letter = match annotation.kind {
        AnnotationKind::Quote => 'Q',
        AnnotationKind::Claim => 'C',
    };
    let id = annotation.id.0.as_str();
    let number = id.trim_start_matches(|c: char| !c.is_ascii_digit());
    format!("{letter}{}", if number.is_empty() { id } else { number })
}

/// Labels for every annotation of a document.
pub fn annotation_labels(doc: &Document) -> HashMap<AnnotationId, String> {
    doc.annotations.iter().map(|a| (a.id.clone(), annotation_label(a))).collect()
}

pub fn kind_name(annotation: &Annotation) -> &'static str {
    match (annotation.kind, annotation.quote_type) {
        (AnnotationKind::Claim, _) => "Claim",
        (AnnotationKind::Quote, Some(QuoteType::Direct)) => "Direct quote",
        (AnnotationKind::Quote, Some(QuoteType::Indirect)) => "Indirect quote",
        (AnnotationKind::Quote, Some(QuoteType::Mixed)) => "Mixed quote",
        (AnnotationKind::Quote, None) => "Quote",
    }
}

pub fn speaker_name<'d>(doc: &'d Document, annotation: &Annotation) -> Option<&'d str> {
    let id = annotation.speaker.as_ref()?;
    doc.speaker(id).map(|speaker| speaker.name.as_str())
}

pub fn stance_label<'d>(doc: &'d Document, annotation: &Annotation) -> Option<&'d str> {
    doc.schema.stance(annotation.stance.as_ref()?).map(|s| s.label.as_str())
}

pub fn target_label<'d>(doc: &'d Document, annotation: &Annotation) -> Option<&'d str> {
    doc.schema.target(annotation.target.as_ref()?).map(|t| t.label.as_str())
}

/// "Direct quote · Dmitry Peskov · against → the 30-day ceasefire proposal", for hover text
/// and the annotation list. Missing parts say so, because a gap is something to fix.
pub fn summary(doc: &Document, annotation: &Annotation) -> String {
    let speaker = speaker_name(doc, annotation).unwrap_or("no speaker");
    let stance = match (stance_label(doc, annotation), target_label(doc, annotation)) {
        (Some(stance), Some(target)) => format!("{stance} → {target}"),
        (Some(stance), None) => format!("{stance} → no target"),
        (None, Some(target)) => format!("no stance → {target}"),
        (None, None) => "no stance".to_owned(),
    };
    format!("{} · {speaker} · {stance}", kind_name(annotation))
}
