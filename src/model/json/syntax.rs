//! Parsing JSON text, with one wording for JSON that does not parse wherever the model reads
//! it (documents, dataset lines, schemas, article records).

use std::fmt;

use serde_json::Value;

/// Why JSON text does not parse, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidJson {
    /// 1-based, as serde_json counts.
    pub line: usize,
    pub column: usize,
    pub problem: JsonProblem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonProblem {
    /// The text stops inside a value: almost always a file cut short by a failed copy or save.
    Truncated,
    /// serde_json's own description, without its " at line X column Y".
    Syntax(String),
}

impl fmt::Display for InvalidJson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let InvalidJson { line, column, problem } = self;
        match problem {
            JsonProblem::Truncated => {
                write!(f, "the JSON ends too early at line {line}, column {column}: the file looks truncated")
            }
            JsonProblem::Syntax(message) => write!(f, "invalid JSON at line {line}, column {column}: {message}"),
        }
    }
}

impl std::error::Error for InvalidJson {}

/// Parses JSON text into a value, or says where and why it does not parse.
pub fn parse(text: &str) -> Result<Value, InvalidJson> {
    serde_json::from_str(text).map_err(|e| {
        let problem = if e.is_eof() { JsonProblem::Truncated } else { JsonProblem::Syntax(without_position(&e)) };
        InvalidJson { line: e.line(), column: e.column(), problem }
    })
}

/// serde_json's message ends with its own " at line X column Y", which [`InvalidJson`] says first.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_and_truncation_are_worded_once() {
        let e = parse("{\"a\": nope}").unwrap_err();
        assert_eq!(e.to_string(), "invalid JSON at line 1, column 8: expected ident");
        let e = parse("{\"a\": [1,\n").unwrap_err();
        assert_eq!((e.line, &e.problem), (2, &JsonProblem::Truncated));
        assert_eq!(e.to_string(), "the JSON ends too early at line 2, column 0: the file looks truncated");
    }
}
