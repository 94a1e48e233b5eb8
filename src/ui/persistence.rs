//! Where the work lives between page loads: a base (the document written whole) and a journal
//! of the steps since (`model::journal`). Each edit appends its step to the journal, a few
//! hundred bytes; the base is rewritten when the tab is idle, when the document was replaced,
//! when the journal passes its limit, and when the journal is not the one this tab wrote.
//! Saved work that can no longer be read is set aside under another key, never overwritten.

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
    /// The stored journal, as this tab knows it (see [`Journal`]).
    pub journal: Journal,
}

/// What this tab knows of the stored journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Journal {
    /// It names the stored base and this tab wrote it last: its length, so steps can be
    /// appended. Another tab that wrote since changes the length, so its work is never mixed
    /// with ours: the last tab to save wins, as with whole saves.
    Written(usize),
    /// No stored journal names the stored base (held here) yet. Its header hashes the base,
    /// megabytes with thousands of annotations, so it is written after the article is on
    /// screen (the first save), not while opening.
    Unstarted(String),
    /// Not known: the next save writes the whole document.
    Unknown,
}

impl Journal {
    /// Writes the journal's header if it is still unstarted.
    fn start(&mut self) {
        if let Journal::Unstarted(base) = self {
            let header = journal::header(base);
            *self = match storage::save_journal(&header) {
                Ok(()) => Journal::Written(header.len()),
                Err(_) => Journal::Unknown,
            };
        }
    }

    pub fn is_unstarted(&self) -> bool {
        matches!(self, Journal::Unstarted(_))
    }
}

pub fn restore() -> Restored {
    let fresh = |problem| Restored { document: sample_document(), problem, journal: Journal::Unknown };
    let base = match storage::load_document() {
        Ok(Some(base)) => base,
        Ok(None) => return fresh(None),
        Err(error) => return fresh(Some(format!("Saved work could not be read: {error}."))),
    };
    let mut document = match import::document_from_json(&base) {
        Ok(document) => document,
        Err(error) => {
            // Its journal goes aside too: the next save starts both afresh.
            let journal_kept =
                storage::load_journal().ok().flatten().is_none_or(|j| storage::set_aside_journal(&j).is_ok());
            let where_kept = match storage::set_aside_unreadable(&base) {
                Ok(()) if journal_kept => {
                    "It is kept in this browser's storage under \"stancemark.document.v1.unreadable\"."
                }
                _ => "It could not all be set aside.",
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
            return Restored { document, problem: Some(problem), journal: Journal::Unknown };
        }
    };
    match journal::replay(&mut document, &base, &journal) {
        Ok(Replayed::Steps(_)) if !journal.trim().is_empty() => {
            Restored { document, problem: None, journal: Journal::Written(journal.len()) }
        }
        // A journal that does not name this base (none yet, or one a finished compaction left
        // behind) is replaced by an empty one that does, so the first edit appends, not rewrites.
        Ok(_) => Restored { journal: Journal::Unstarted(base), document, problem: None },
        Err(error) => {
            let where_kept = match storage::set_aside_journal(&journal) {
                Ok(()) => "They are kept under \"stancemark.journal.v1.unreadable\".",
                Err(_) => "They could not be set aside.",
            };
            let problem = format!("Your latest changes could not be restored ({error}). {where_kept}");
            Restored { document, problem: Some(problem), journal: Journal::Unknown }
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
/// whole document when it was replaced, the journal is not the one this tab wrote, or the
/// journal has grown past [`JOURNAL_LIMIT`].
pub fn save(editor: &mut Editor, journal: &mut Journal) -> Result<Wrote, StorageError> {
    journal.start();
    let Journal::Written(length) = *journal else { return whole(editor, journal) };
    match editor.take_unsaved() {
        Unsaved::Nothing => Ok(Wrote::Nothing),
        Unsaved::Whole => whole(editor, journal),
        Unsaved::Steps(lines) => match storage::append_journal(&lines, length) {
            Ok(Some(appended)) if appended <= JOURNAL_LIMIT => {
                *journal = Journal::Written(appended);
                Ok(Wrote::Steps)
            }
            Ok(_) => whole(editor, journal),
            Err(error) => {
                // The stored journal may now miss this step: only a whole save can be trusted next.
                editor.mark_unsaved_whole();
                *journal = Journal::Unknown;
                Err(error)
            }
        },
    }
}

/// Folds everything into a new base, with an empty journal that names it.
pub fn compact(editor: &mut Editor, journal: &mut Journal) -> Result<(), StorageError> {
    whole(editor, journal).map(|_| ())
}

/// The base first, then the journal: a tab that dies between the two leaves a journal that
/// names the old base, which `journal::replay` then knows to drop. If the base cannot be
/// written, storage is as it was and what is unsaved stays unsaved.
fn whole(editor: &mut Editor, journal: &mut Journal) -> Result<Wrote, StorageError> {
    let base = export::dataset_document_line(editor.document());
    storage::save_document(&base)?;
    let header = journal::header(&base);
    match storage::save_journal(&header) {
        Ok(()) => {
            editor.discard_unsaved();
            *journal = Journal::Written(header.len());
            Ok(Wrote::Whole)
        }
        Err(error) => {
            editor.mark_unsaved_whole();
            *journal = Journal::Unknown;
            Err(error)
        }
    }
}
