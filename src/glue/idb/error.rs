//! What went wrong, in words a person can act on. IndexedDB reports a `DOMException` whose
//! `name` says why (as localStorage does in `glue::storage`); the event of a blocked open has a
//! `type` instead.

use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::glue::storage::StorageError;

const CLOSED: &str = "the browser closed its database (another tab may have upgraded Stancemark): reload the page";

fn name(error: &JsValue) -> Option<String> {
    let field = |field: &str| Reflect::get(error, &field.into()).ok()?.as_string();
    field("name").or_else(|| field("type"))
}

pub(super) fn opening(error: JsValue) -> StorageError {
    StorageError(
        match name(&error).as_deref() {
            Some("blocked") => "another tab holds an older version of Stancemark open: close it and reload the page",
            Some("VersionError") => "your work was saved by a newer version of Stancemark: reload the page",
            Some("QuotaExceededError") => "the browser's storage is full",
            _ => "the browser refused to open its database (private mode or storage turned off?)",
        }
        .into(),
    )
}

pub(super) fn writing(error: JsValue) -> StorageError {
    StorageError(match name(&error).as_deref() {
        Some("QuotaExceededError") => "the browser's storage is full".into(),
        // Only `add_articles` adds rather than puts, so a taken key is an article id.
        Some("ConstraintError") => "an article with this id is already in the project".into(),
        Some("InvalidStateError" | "TransactionInactiveError") => CLOSED.into(),
        Some("DataCloneError" | "DataError") => "the browser could not store a value (a bug: please report it)".into(),
        None | Some("AbortError") => "the browser did not finish writing".into(),
        Some(other) => format!("the browser refused to save ({other})"),
    })
}

pub(super) fn reading(error: JsValue) -> StorageError {
    StorageError(match name(&error).as_deref() {
        Some("InvalidStateError" | "TransactionInactiveError") => CLOSED.into(),
        _ => "the browser refused to read saved work".into(),
    })
}

pub(super) fn converting(error: impl std::fmt::Display) -> StorageError {
    StorageError(format!("a value could not be prepared for saving (a bug: please report it): {error}"))
}

pub(super) fn decoding(error: impl std::fmt::Display) -> StorageError {
    StorageError(format!("saved work could not be read back: {error}"))
}
