//! The JSON article record `{id?, title?, published?, abstract?, text}`, as produced by
//! scrapers and news datasets. Unknown fields (url, source, ...) are ignored so that such
//! records load as they are.

use serde_json::Value;

use super::json::{self, type_name};
use super::normalise;
use super::parse_error::ParseError;

/// A record's fields, normalised and ready for the canonical layout.
pub struct Record {
    pub id: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub abstract_text: Option<String>,
    pub paragraphs: Vec<String>,
}

pub fn read(s: &str) -> Result<Record, ParseError> {
    let v = json::parse(s).map_err(ParseError::Json)?;
    let obj = v.as_object().ok_or(ParseError::NotAnObject)?;
    let text = obj.get("text").ok_or(ParseError::MissingText)?;
    let text = text.as_str().ok_or_else(|| wrong("text", "a string", text))?;
    let paragraphs = normalise::paragraphs(&normalise::clean(text));
    if paragraphs.is_empty() {
        return Err(ParseError::EmptyText);
    }
    // Numeric ids are common in datasets; they are kept as their decimal text.
    let id = match obj.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => return Err(wrong("id", "a string or a number", other)),
    };
    let title = optional_str(obj.get("title"), "title")?.map(|t| normalise::one_line(&t));
    let published = optional_str(obj.get("published"), "published")?.map(|t| normalise::one_line(&t));
    // An abstract is one paragraph in the layout: its blank lines would split it in two.
    let abstract_text =
        optional_str(obj.get("abstract"), "abstract")?.map(|a| normalise::paragraphs(&normalise::clean(&a)).join("\n"));
    let non_empty = |o: Option<String>| o.filter(|s| !s.is_empty());
    Ok(Record {
        id,
        title: non_empty(title),
        published: non_empty(published),
        abstract_text: non_empty(abstract_text),
        paragraphs,
    })
}

fn optional_str(v: Option<&Value>, field: &str) -> Result<Option<String>, ParseError> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(wrong(field, "a string", other)),
    }
}

fn wrong(field: &str, expected: &'static str, found: &Value) -> ParseError {
    ParseError::WrongType { field: field.to_owned(), expected, found: type_name(found) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_normalised_for_the_layout() {
        let r =
            read(r#"{"title": "  A\ntitle ", "abstract": "One\n\nTwo", "text": "P1\r\n\r\nP2", "published": null}"#)
                .unwrap();
        assert_eq!(r.title.as_deref(), Some("A title"));
        assert_eq!(r.abstract_text.as_deref(), Some("One\nTwo"));
        assert_eq!(r.published, None);
        assert_eq!(r.paragraphs, vec!["P1", "P2"]);
    }

    #[test]
    fn empty_optional_fields_count_as_absent() {
        let r = read(r#"{"title": "  ", "id": "", "text": "x"}"#).unwrap();
        assert_eq!((r.title, r.id), (None, None));
    }

    #[test]
    fn wrong_types_and_non_objects() {
        assert_eq!(read("[1]").err(), Some(ParseError::NotAnObject));
        let e = read(r#"{"text": "x", "id": [1]}"#).err().unwrap();
        assert_eq!(e.to_string(), "the JSON record's `id` must be a string or a number, found an array");
    }
}
