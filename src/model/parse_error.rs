//! Why a file could not be read as an article: shared by the text format (`article`) and the
//! JSON record (`record`), so that neither has to depend on the other for it.

use super::json::InvalidJson;

/// Why a file could not be read as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    NotUtf8 { byte: u8, offset: usize, line: usize },
    Empty,
    OnlyWhitespace,
    Json(InvalidJson),
    NotAnObject,
    MissingText,
    WrongType { field: String, expected: &'static str, found: &'static str },
    EmptyText,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ParseError::NotUtf8 { byte, offset, line } => write!(
                f,
                "the file is not UTF-8: invalid byte 0x{byte:02X} at byte {offset} (line {line}); \
                 save it as UTF-8 and try again"
            ),
            ParseError::Empty => write!(f, "the file is empty"),
            ParseError::OnlyWhitespace => {
                write!(f, "the file contains only whitespace: there is no text to annotate")
            }
            ParseError::Json(invalid) => {
                write!(f, "the file starts with `{{`, so it was read as a JSON record: {invalid}")
            }
            ParseError::NotAnObject => write!(f, "the JSON record must be an object"),
            ParseError::MissingText => write!(
                f,
                "the JSON record has no `text` field (expected {{\"id\"?, \"title\"?, \"published\"?, \"abstract\"?, \"text\"}})"
            ),
            ParseError::WrongType { field, expected, found } => {
                write!(f, "the JSON record's `{field}` must be {expected}, found {found}")
            }
            ParseError::EmptyText => write!(f, "the JSON record's `text` field is empty"),
        }
    }
}

impl std::error::Error for ParseError {}
