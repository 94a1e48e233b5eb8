//! The error every JSON reader in the model returns: where in the document (a field path such
//! as `annotations[3].fragments[0].end`) and what is wrong there, in words a user can act on.

use std::fmt;

use super::path::FieldPath;
use super::syntax::InvalidJson;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Path of the offending field from the root, e.g. `annotations[3].fragments[0].end`;
    /// the root when the problem is the file as a whole (bad JSON).
    pub path: FieldPath,
    pub message: String,
    /// The line in the JSON source when the reader already knows it (where JSON stops
    /// parsing); other errors are found in the source from `path`, see `locate`.
    pub line: Option<usize>,
}

impl FieldError {
    pub fn new(path: impl Into<FieldPath>, message: impl Into<String>) -> FieldError {
        FieldError { path: path.into(), message: message.into(), line: None }
    }

    /// The same error seen from a parent object: `stances[0].id` becomes `schema.stances[0].id`.
    pub fn under(mut self, parent: &FieldPath) -> FieldError {
        self.path = self.path.under(parent);
        self
    }
}

impl From<InvalidJson> for FieldError {
    fn from(e: InvalidJson) -> FieldError {
        FieldError { path: FieldPath::root(), message: e.to_string(), line: Some(e.line) }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_root() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for FieldError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_lead_with_the_path() {
        let e = FieldError::new(FieldPath::root().key("stances").index(0).key("id"), "duplicate");
        assert_eq!(e.under(&FieldPath::root().key("schema")).to_string(), "schema.stances[0].id: duplicate");
        assert_eq!(FieldError::new(FieldPath::root(), "bad JSON").to_string(), "bad JSON");
    }

    #[test]
    fn invalid_json_keeps_its_line() {
        let e = FieldError::from(crate::model::json::parse("{\n\"a\": nope}").unwrap_err());
        assert_eq!((e.path.is_root(), e.line), (true, Some(2)));
        assert!(e.to_string().starts_with("invalid JSON at line 2, column"), "{e}");
    }
}
