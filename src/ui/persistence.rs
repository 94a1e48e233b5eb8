//! Where the work lives between page loads: a base (the document written whole) and a journal
//! of the steps since (`model::journal`). Each edit appends its step to the journal, a few
//! hundred bytes; the base is rewritten only when the tab is idle or the document was
//! replaced. Saved work that can no longer be read is set aside under another key, never
//! overwritten.

use crate::glue::storage::{self, StorageError};
use crate::model::article::Article;
use crate::model::document::Document;
use crate::model::history::{Editor, Unsaved};
use crate::model::journal::{self, Replayed};
use crate::model::schema::Schema;
use crate::model::{export, import};

/// The article the app opens with, shipped inside the bundle so it opens without a fetch.
const SAMPLE_ARTICLE: &str = include_str!("../../static/ceasefire-2025-03-16.txt");

/// A journal longer than this is folded into the base at the next save, idle or not.
const JOURNAL_LIMIT: usize = 512 * 1024;

pub fn sample_document() -> Document {
    let article = Article::parse_text(SAMPLE_ARTICLE).expect("the bundled sample article parses");
    Document::new(article, Schema::default())
}

/// What start-up found in storage.
pub struct Restored {
    pub document: Document,
    /// Something the person must hear about: saved work that could not be read.
    pub problem: Option<String>,
    /// The stored journal names the stored base, so steps can be appended to it.
    pub journal_ready: bool,
}

pub fn restore() -> Restored {
    let fresh = |problem| Restored { document: sample_document(), problem, journal_ready: false };
    let base = match storage::load_document() {
        Ok(Some(base)) => base,
        Ok(None) => return fresh(None),
        Err(error) => return fresh(Some(format!("Saved work could not be read: {error}."))),
    };
    let mut document = match import::document_from_json(&base) {
        Ok(document) => document,
        Err(error) => {
            let where_kept = match storage::set_aside_unreadable(&base) {
                Ok(()) => "It is kept in this browser's storage under \"stancemark.document.v1.unreadable\".",
                Err(_) => "It could not be set aside.",
            };
            return fresh(Some(format!(
                "Saved work could not be restored ({error}). {where_kept} The sample article is open instead."
            )));
        }
    };
    let journal = match storage::load_journal() {
        Ok(journal) => journal.unwrap_or_default(),
        Err(error) => {
            let problem = format!("Your latest changes could not be read ({error}); the last full save is open.");
            return Restored { document, problem: Some(problem), journal_ready: false };
        }
    };
    // A journal that does not name this base (none yet, or one a finished compaction left
    // behind) is replaced by an empty one that does, so the first edit appends, not rewrites.
    let start_journal = || storage::save_journal(&journal::header(&base)).is_ok();
    match journal::replay(&mut document, &base, &journal) {
        Ok(Replayed::Steps(_)) if !journal.is_empty() => Restored { document, problem: None, journal_ready: true },
        Ok(_) => Restored { journal_ready: start_journal(), document, problem: None },
        Err(error) => {
            let where_kept = match storage::set_aside_journal(&journal) {
                Ok(()) => "They are kept under \"stancemark.journal.v1.unreadable\".",
                Err(_) => "They could not be set aside.",
            };
            let problem = format!("Your latest changes could not be restored ({error}). {where_kept}");
            Restored { document, problem: Some(problem), journal_ready: false }
        }
    }
}

/// What a save wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrote {
    Nothing,
    /// Steps appended to the journal.
    Steps,
    /// The whole document, with a new empty journal.
    Whole,
}

/// Writes what the editor has not saved yet: the new steps appended to the journal, or the
/// whole document when it was replaced, the journal does not name the stored base, or the
/// journal has grown long.
pub fn save(editor: &mut Editor, journal_ready: bool) -> Result<Wrote, StorageError> {
    let result = match editor.take_unsaved() {
        Unsaved::Nothing => Ok(Wrote::Nothing),
        Unsaved::Steps(lines) if journal_ready => {
            storage::append_journal(&lines).and_then(|length| match length > JOURNAL_LIMIT {
                true => write_whole(editor.document()).map(|()| Wrote::Whole),
                false => Ok(Wrote::Steps),
            })
        }
        Unsaved::Steps(_) | Unsaved::Whole => write_whole(editor.document()).map(|()| Wrote::Whole),
    };
    if result.is_err() {
        // The journal in storage may now miss a step: only a whole save can be trusted next.
        editor.mark_unsaved_whole();
    }
    result
}

/// Folds everything into a new base and starts an empty journal that names it. Steps not yet
/// saved are part of the base, so they are taken and not journaled again.
pub fn compact(editor: &mut Editor) -> Result<(), StorageError> {
    editor.take_unsaved();
    let result = write_whole(editor.document());
    if result.is_err() {
        editor.mark_unsaved_whole();
    }
    result
}

/// The base first, then the journal: a tab that dies between the two leaves a journal that
/// names the old base, which `journal::replay` then knows to drop.
fn write_whole(document: &Document) -> Result<(), StorageError> {
    let base = export::dataset_document_line(document);
    storage::save_document(&base)?;
    storage::save_journal(&journal::header(&base))
}
