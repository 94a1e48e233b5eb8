//! Reading a `serde_json::Value` field by field while keeping the path, so that every error
//! names the exact field (`annotations[3].fragments[0].end`) rather than serde's line/column
//! of a derived deserializer. Parsing to a `Value` first also makes import all-or-nothing.

use serde_json::{Map, Value};

use super::error::FieldError;
use super::path::FieldPath;

/// An object being read, with its path from the root.
#[derive(Clone)]
pub struct Obj<'a> {
    pub map: &'a Map<String, Value>,
    pub path: FieldPath,
}

/// Views `v` at `path` as an object.
pub fn obj<'a>(v: &'a Value, path: &FieldPath) -> Result<Obj<'a>, FieldError> {
    match v {
        Value::Object(map) => Ok(Obj { map, path: path.clone() }),
        other => Err(FieldError::new(path, format!("must be an object, found {}", type_name(other)))),
    }
}

/// Views `v` at `path` as an array; yields each element's path with it.
pub fn array<'a>(v: &'a Value, path: &FieldPath) -> Result<Vec<(FieldPath, &'a Value)>, FieldError> {
    match v {
        Value::Array(items) => Ok(items.iter().enumerate().map(|(i, item)| (path.index(i), item)).collect()),
        other => Err(FieldError::new(path, format!("must be an array, found {}", type_name(other)))),
    }
}

impl<'a> Obj<'a> {
    pub fn path_of(&self, key: &str) -> FieldPath {
        self.path.key(key)
    }

    /// An error about the field `key` of this object.
    pub fn error_at(&self, key: &str, message: impl Into<String>) -> FieldError {
        FieldError::new(self.path_of(key), message)
    }

    pub fn get(&self, key: &str) -> Result<&'a Value, FieldError> {
        self.map.get(key).ok_or_else(|| self.error_at(key, "is missing"))
    }

    /// The field, or `None` when it is absent or null.
    pub fn get_opt(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub fn str(&self, key: &str) -> Result<&'a str, FieldError> {
        let v = self.get(key)?;
        v.as_str().ok_or_else(|| self.error_at(key, format!("must be a string, found {}", type_name(v))))
    }

    pub fn opt_str(&self, key: &str) -> Result<Option<&'a str>, FieldError> {
        match self.get_opt(key) {
            None => Ok(None),
            Some(v) => v
                .as_str()
                .map(Some)
                .ok_or_else(|| self.error_at(key, format!("must be a string or null, found {}", type_name(v)))),
        }
    }

    /// A non-negative integer that fits in `usize`.
    pub fn index(&self, key: &str) -> Result<usize, FieldError> {
        let v = self.get(key)?;
        v.as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| self.error_at(key, format!("must be a non-negative integer, found {}", describe(v))))
    }

    pub fn array(&self, key: &str) -> Result<Vec<(FieldPath, &'a Value)>, FieldError> {
        array(self.get(key)?, &self.path_of(key))
    }

    pub fn obj(&self, key: &str) -> Result<Obj<'a>, FieldError> {
        obj(self.get(key)?, &self.path_of(key))
    }

    /// A string field whose value must be one of `names`, mapped through `parse`.
    pub fn choice<T>(&self, key: &str, names: &[&str], parse: impl Fn(&str) -> Option<T>) -> Result<T, FieldError> {
        let s = self.str(key)?;
        parse(s).ok_or_else(|| self.error_at(key, format!("{s:?} is not one of: {}", names.join(", "))))
    }
}

/// A value shown in a message: numbers and short strings verbatim, other things by type.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.chars().count() <= 40 => format!("{s:?}"),
        other => type_name(other).to_owned(),
    }
}

/// A JSON value's type as a reader would name it in an error message.
pub fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_carry_the_field_path() {
        let v: Value = serde_json::from_str(r#"{"a": {"n": -1, "s": 3, "k": "x"}, "list": [1, {"z": true}]}"#).unwrap();
        let root = obj(&v, &FieldPath::root()).unwrap();
        let a = root.obj("a").unwrap();
        assert_eq!(a.index("n").unwrap_err().to_string(), "a.n: must be a non-negative integer, found -1");
        assert_eq!(a.str("s").unwrap_err().to_string(), "a.s: must be a string, found a number");
        assert_eq!(a.str("missing").unwrap_err().to_string(), "a.missing: is missing");
        let k = a.choice("k", &["y"], |s| (s == "y").then_some(())).unwrap_err();
        assert_eq!(k.to_string(), "a.k: \"x\" is not one of: y");
        let items = root.array("list").unwrap();
        assert_eq!(items[1].0, FieldPath::root().key("list").index(1));
        assert_eq!(
            obj(items[0].1, &items[0].0).err().unwrap().to_string(),
            "list[0]: must be an object, found a number"
        );
    }
}
