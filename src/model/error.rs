//! The error every JSON reader in the model returns. It is defined with the JSON reading it
//! belongs to (`json`); this is its established public path.

pub use super::json::{FieldError, FieldPath};
