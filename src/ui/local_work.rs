//! Work saved by the single-document version, before projects: one document (the base) and
//! the journal of steps since, in localStorage. On start it joins the project as an article;
//! the keys are cleared only once that copy has been written to the database and read back.
//! Saved work that cannot be read is set aside under another key, never destroyed.

use crate::glue::storage;
use crate::model::document::Document;
use crate::model::import;
use crate::model::journal::{self, Replayed};

/// The document localStorage held, with its journal replayed, and what went wrong on the way.
pub struct LocalWork {
    pub document: Document,
    pub problem: Option<String>,
}

/// What localStorage holds, if anything; `Err` with a message when it holds something that
/// cannot be read (set aside first, so the next start does not stumble on it again).
pub fn take() -> Result<Option<LocalWork>, String> {
    let base = match storage::load_document() {
        Ok(Some(base)) => base,
        Ok(None) => return Ok(None),
        Err(error) => return Err(format!("Work saved by an earlier version could not be read: {error}.")),
    };
    let mut document = match import::document_from_json(&base) {
        Ok(document) => document,
        Err(error) => {
            let journal_kept =
                storage::load_journal().ok().flatten().is_none_or(|j| storage::set_aside_journal(&j).is_ok());
            let where_kept = match storage::set_aside_unreadable(&base) {
                Ok(()) if journal_kept => {
                    storage::clear_document_and_journal();
                    "It is kept in this browser's storage under \"stancemark.document.v1.unreadable\"."
                }
                _ => "It could not all be set aside.",
            };
            return Err(format!("Work saved by an earlier version could not be restored ({error}). {where_kept}"));
        }
    };
    let journal = match storage::load_journal() {
        Ok(journal) => journal.unwrap_or_default(),
        Err(error) => {
            let problem = format!("The latest changes saved by an earlier version could not be read ({error}).");
            return Ok(Some(LocalWork { document, problem: Some(problem) }));
        }
    };
    let problem = match journal::replay(&mut document, &base, &journal) {
        Ok(Replayed::Steps(_) | Replayed::Superseded) => None,
        Err(error) => Some(match storage::set_aside_journal(&journal) {
            Ok(()) => format!(
                "The latest changes saved by an earlier version could not be restored ({error}). They are kept under \"stancemark.journal.v1.unreadable\"."
            ),
            Err(_) => format!("The latest changes saved by an earlier version could not be restored ({error})."),
        }),
    };
    Ok(Some(LocalWork { document, problem }))
}

/// The work has a verified copy in the database: localStorage no longer needs to hold it.
pub fn clear() {
    storage::clear_document_and_journal();
}
