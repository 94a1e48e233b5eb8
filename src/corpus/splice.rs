//! Adding fields after the last field of a compact JSON object that another serialiser wrote.
//!
//! The model writes documents and flat rows with their fields in a fixed order; the corpus
//! adds its own fields after them (a dataset line's `corpus` object, a row's `article_id` and
//! `split`). Splicing the serialised extra fields before the closing brace keeps the model's
//! serialiser the only one for its fields, keeps their order exact (serde_json's `Value`
//! would sort the keys), and needs no `#[serde(flatten)]`.

use serde::Serialize;

/// `object` (one compact JSON object, as serde_json writes it) with the fields of `extra`
/// (a struct that serialises to an object) after its own.
pub(crate) fn with_trailing_fields(mut object: String, extra: &impl Serialize) -> String {
    let extra = serde_json::to_string(extra).expect("plain data serialises");
    let fields = extra.strip_prefix('{').and_then(|s| s.strip_suffix('}')).expect("extra fields form an object");
    assert_eq!(object.pop(), Some('}'), "a compact JSON object ends with its closing brace");
    if !fields.is_empty() {
        if !object.ends_with('{') {
            object.push(',');
        }
        object.push_str(fields);
    }
    object.push('}');
    object
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Extra {
        z: u8,
        a: Option<&'static str>,
    }

    #[test]
    fn fields_follow_in_their_declared_order() {
        let extra = Extra { z: 1, a: None };
        assert_eq!(with_trailing_fields(r#"{"b":"}"}"#.to_owned(), &extra), r#"{"b":"}","z":1,"a":null}"#);
        assert_eq!(with_trailing_fields("{}".to_owned(), &extra), r#"{"z":1,"a":null}"#);
    }
}
