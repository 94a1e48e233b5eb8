//! Where a field is in a JSON document: typed steps from the root (`annotations`, `[3]`,
//! `fragments`, `[0]`, `end`). Readers build it step by step, messages print it as
//! `annotations[3].fragments[0].end`, and `locate` walks the steps to find the field's line,
//! so the written form is never parsed back.

use std::fmt;

/// One step down from a JSON value: into an object's field or an array's element.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// The path of a field from the document's root; the root itself has no steps.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct FieldPath {
    steps: Vec<Step>,
}

impl FieldPath {
    /// The document as a whole.
    pub fn root() -> FieldPath {
        FieldPath::default()
    }

    /// The field `key` of the object at this path.
    pub fn key(&self, key: &str) -> FieldPath {
        self.with(Step::Key(key.to_owned()))
    }

    /// The element `index` of the array at this path.
    pub fn index(&self, index: usize) -> FieldPath {
        self.with(Step::Index(index))
    }

    /// This path seen from a parent: `stances[0].id` under `schema` is `schema.stances[0].id`.
    pub fn under(&self, parent: &FieldPath) -> FieldPath {
        FieldPath { steps: parent.steps.iter().chain(&self.steps).cloned().collect() }
    }

    pub fn is_root(&self) -> bool {
        self.steps.is_empty()
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    fn with(&self, step: Step) -> FieldPath {
        let mut steps = self.steps.clone();
        steps.push(step);
        FieldPath { steps }
    }

    /// Reads a path written out in code, such as `hotkeys.quote` or `stances[0].key`. Readers
    /// of documents build their paths with [`FieldPath::key`] and [`FieldPath::index`]; this is
    /// for checks that name a fixed place. A bracket that does not hold a number stays part of
    /// the key, so nothing is lost from the message.
    fn written(path: &str) -> FieldPath {
        let mut steps = Vec::new();
        for part in path.split('.').filter(|p| !p.is_empty()) {
            match key_and_indexes(part) {
                Some((key, indexes)) => {
                    steps.extend((!key.is_empty()).then(|| Step::Key(key.to_owned())));
                    steps.extend(indexes);
                }
                None => steps.push(Step::Key(part.to_owned())),
            }
        }
        FieldPath { steps }
    }
}

/// `name[1][2]` as `("name", [1, 2])`; `None` when what follows the name is not indexes.
fn key_and_indexes(part: &str) -> Option<(&str, Vec<Step>)> {
    let (key, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
    let mut indexes = Vec::new();
    while !rest.is_empty() {
        let inner = rest.strip_prefix('[')?;
        let close = inner.find(']')?;
        indexes.push(Step::Index(inner[..close].parse().ok()?));
        rest = &inner[close + 1..];
    }
    Some((key, indexes))
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, step) in self.steps.iter().enumerate() {
            match step {
                Step::Key(key) if i == 0 => write!(f, "{key}")?,
                Step::Key(key) => write!(f, ".{key}")?,
                Step::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl From<&str> for FieldPath {
    fn from(path: &str) -> FieldPath {
        FieldPath::written(path)
    }
}

impl From<String> for FieldPath {
    fn from(path: String) -> FieldPath {
        FieldPath::written(&path)
    }
}

impl From<&FieldPath> for FieldPath {
    fn from(path: &FieldPath) -> FieldPath {
        path.clone()
    }
}

/// Compares with the written form, so tests and callers can say `error.path == "version"`.
impl PartialEq<&str> for FieldPath {
    fn eq(&self, written: &&str) -> bool {
        self.to_string().as_str() == *written
    }
}

impl PartialEq<str> for FieldPath {
    fn eq(&self, written: &str) -> bool {
        self.to_string().as_str() == written
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_print_like_field_accessors() {
        let path = FieldPath::root().key("annotations").index(3).key("fragments").index(0).key("end");
        assert_eq!(path.to_string(), "annotations[3].fragments[0].end");
        assert_eq!(FieldPath::root().to_string(), "");
        assert_eq!(FieldPath::root().index(2).to_string(), "[2]");
        let schema = FieldPath::root().key("schema");
        assert_eq!(FieldPath::root().key("stances").index(0).under(&schema), "schema.stances[0]");
    }

    #[test]
    fn written_paths_read_back_into_the_same_steps() {
        let built = FieldPath::root().key("a").index(1).index(2).key("b");
        assert_eq!(FieldPath::from("a[1][2].b"), built);
        assert_eq!(FieldPath::from(""), FieldPath::root());
        // Not a path a reader builds, but its words must survive into the message.
        assert_eq!(FieldPath::from("hotkeys.odd[key").to_string(), "hotkeys.odd[key");
    }
}
