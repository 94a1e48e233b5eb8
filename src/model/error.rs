//! The error every JSON reader in the model returns: where in the document (a field path such
//! as `annotations[3].fragments[0].end`) and what is wrong there, in words a user can act on.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// Path of the offending field from the root, e.g. `annotations[3].fragments[0].end`;
    /// empty when the problem is the file as a whole (bad JSON).
    pub path: String,
    pub message: String,
}

impl FieldError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError { path: path.into(), message: message.into() }
    }

    /// The same error seen from a parent object: `stances[0].id` becomes `schema.stances[0].id`.
    pub fn under(mut self, prefix: &str) -> FieldError {
        self.path = join(prefix, &self.path);
        self
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for FieldError {}

/// Joins two path pieces: `join("a", "b")` is `a.b`, `join("a", "[0]")` is `a[0]`.
pub fn join(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (_, true) => prefix.to_owned(),
        _ if rest.starts_with('[') => format!("{prefix}{rest}"),
        _ => format!("{prefix}.{rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_like_field_accessors() {
        assert_eq!(join("annotations[3]", "fragments[0]"), "annotations[3].fragments[0]");
        assert_eq!(join("annotations", "[3]"), "annotations[3]");
        assert_eq!(join("", "version"), "version");
        let e = FieldError::new("stances[0].id", "duplicate").under("schema");
        assert_eq!(e.to_string(), "schema.stances[0].id: duplicate");
        assert_eq!(FieldError::new("", "bad JSON").to_string(), "bad JSON");
    }
}
