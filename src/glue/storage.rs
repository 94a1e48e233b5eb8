//! The browser's localStorage: the annotator's name, and the work the single-document version
//! kept there (a base and a journal, see `model::journal`), which is read once to move it into
//! a project and then removed. Failures are reported, never swallowed.

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

/// The saved document JSON, if there is one.
pub fn load_document() -> Result<Option<String>, StorageError> {
    read(DOCUMENT_KEY)
}

pub fn load_journal() -> Result<Option<String>, StorageError> {
    read(JOURNAL_KEY)
}

/// Removes the single-document version's work, once it has a verified copy elsewhere.
pub fn clear_document_and_journal() {
    if let Ok(storage) = local_storage() {
        let _ = storage.remove_item(DOCUMENT_KEY);
        let _ = storage.remove_item(JOURNAL_KEY);
    }
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
