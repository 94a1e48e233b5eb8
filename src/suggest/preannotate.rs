//! Pre-annotation: every suggestion at least this sure accepted into the document, each as the
//! app's A would accept it. The command line's `suggest` and the corpus page's "Suggest in new
//! articles" both do this.

use crate::model::document::Document;

use super::{accept_action, suggest};

/// Accepts every suggestion for `doc` at or above `min_confidence`; how many it accepted.
pub fn preannotate(doc: &mut Document, min_confidence: f32, author: &str, at: &str) -> usize {
    let found = suggest(doc);
    let mut accepted = 0;
    for s in found.items.iter().filter(|s| s.confidence >= min_confidence) {
        let action = accept_action(doc, s, &found.new_speakers, author, at);
        // The model refuses nothing the suggester makes for a document it just read; were it
        // to, that one suggestion is left out rather than the whole article.
        if doc.apply(action).is_ok() {
            accepted += 1;
        }
    }
    accepted
}
