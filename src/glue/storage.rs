//! Keeping work in the browser's localStorage, with failures reported, never swallowed: the
//! document written whole now and then (the base), and the journal of steps since (see
//! `model::journal`).

const DOCUMENT_KEY: &str = "stancemark.document.v1";
const UNREADABLE_KEY: &str = "stancemark.document.v1.unreadable";
const JOURNAL_KEY: &str = "stancemark.journal.v1";
const UNREADABLE_JOURNAL_KEY: &str = "stancemark.journal.v1.unreadable";
const AUTHOR_KEY: &str = "stancemark.author";

/// Why the work could not be saved in the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageError(pub String);

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let unavailable = || StorageError("this browser does not allow saving (private mode or storage turned off)".into());
    web_sys::window().ok_or_else(unavailable)?.local_storage().map_err(|_| unavailable())?.ok_or_else(unavailable)
}

/// Writes `value` under `key`; a full quota or a disabled storage comes back as an error.
fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|error| {
        let name = js_sys::Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string());
        match name.as_deref() {
            Some("QuotaExceededError") => StorageError("the browser's storage is full".into()),
            _ => StorageError("the browser refused to save".into()),
        }
    })
}

fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?.get_item(key).map_err(|_| StorageError("the browser refused to read saved work".into()))
}

/// Saves the document JSON (the base).
pub fn save_document(json: &str) -> Result<(), StorageError> {
    write(DOCUMENT_KEY, json)
}

/// The saved document JSON, if there is one.
pub fn load_document() -> Result<Option<String>, StorageError> {
    read(DOCUMENT_KEY)
}

/// Replaces the journal (a new base's header, with no steps yet).
pub fn save_journal(text: &str) -> Result<(), StorageError> {
    write(JOURNAL_KEY, text)
}

/// Appends journal lines to the stored journal if it is still `expected` long (this tab wrote
/// it last); `None` when it is not, or is missing, and nothing was written. localStorage has
/// no append: the journal is read and written back, up to the app's limit on its length.
pub fn append_journal(lines: &str, expected: usize) -> Result<Option<usize>, StorageError> {
    match read(JOURNAL_KEY)? {
        Some(journal) if journal.len() == expected => {
            let journal = journal + lines;
            write(JOURNAL_KEY, &journal)?;
            Ok(Some(journal.len()))
        }
        _ => Ok(None),
    }
}

pub fn load_journal() -> Result<Option<String>, StorageError> {
    read(JOURNAL_KEY)
}

/// Keeps a journal that could not be replayed, as `set_aside_unreadable` keeps a document.
pub fn set_aside_journal(text: &str) -> Result<(), StorageError> {
    write(UNREADABLE_JOURNAL_KEY, text)
}

/// Keeps saved work that no longer imports under a second key, so a bug or a format change
/// never destroys it; the next save then overwrites only the main key.
pub fn set_aside_unreadable(json: &str) -> Result<(), StorageError> {
    write(UNREADABLE_KEY, json)
}

/// The annotator's name, recorded in every annotation they make.
pub fn load_author() -> Option<String> {
    local_storage().ok()?.get_item(AUTHOR_KEY).ok().flatten().filter(|name| !name.trim().is_empty())
}

pub fn save_author(name: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(AUTHOR_KEY, name)
        .map_err(|_| StorageError("the browser refused to save your name".into()))
}
