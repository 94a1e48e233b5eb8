//! Short human labels for annotations ("Q3", "C1") and one-line descriptions for tooltips and
//! lists. Numbering follows text order within each kind, so labels match what a reader sees.

use std::collections::HashMap;

use crate::model::annotation::{Annotation, AnnotationId, AnnotationKind, QuoteType};
use crate::model::document::Document;

/// Labels for every annotation of a document, numbered in text order per kind.
pub fn annotation_labels(doc: &Document) -> HashMap<AnnotationId, String> {
    let (mut quotes, mut claims) = (0, 0);
    let mut labels = HashMap::with_capacity(doc.annotations.len());
    for annotation in doc.annotations_in_text_order() {
        let label = match annotation.kind {
            AnnotationKind::Quote => {
                quotes += 1;
                format!("Q{quotes}")
            }
            AnnotationKind::Claim => {
                claims += 1;
                format!("C{claims}")
            }
        };
        labels.insert(annotation.id.clone(), label);
    }
    labels
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
    let stance = annotation.stance.as_deref()?;
    doc.schema.stances.iter().find(|s| s.id == stance).map(|s| s.label.as_str())
}

pub fn target_label<'d>(doc: &'d Document, annotation: &Annotation) -> Option<&'d str> {
    let target = annotation.target.as_deref()?;
    doc.schema.targets.iter().find(|t| t.id == target).map(|t| t.label.as_str())
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
