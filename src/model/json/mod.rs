//! Reading JSON: text to a value with one wording for JSON that does not parse ([`parse`]),
//! then field by field along a typed [`FieldPath`] that every [`FieldError`] names.

mod error;
mod path;
mod reader;
mod syntax;

pub use error::FieldError;
pub use path::{FieldPath, Step};
pub(crate) use reader::{array, describe, obj, type_name, Obj};
pub use syntax::{parse, InvalidJson, JsonProblem};
