//! Dataset JSONL: one document JSON per line. Reading keeps going after a bad line so that a
//! validator can report every broken document in one run.

use super::document::Document;
use super::export::dataset_document_line;
use super::import::{document_from_json, ImportError};

/// Each non-blank line's 1-based number and what it holds.
pub fn read_jsonl(s: &str) -> Vec<(usize, Result<Document, ImportError>)> {
    s.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| (i + 1, document_from_json(line)))
        .collect()
}

/// All documents of a JSONL file, or the first error with its line number.
pub fn documents_from_jsonl(s: &str) -> Result<Vec<Document>, (usize, ImportError)> {
    read_jsonl(s).into_iter().map(|(line, r)| r.map_err(|e| (line, e))).collect()
}

/// Documents as dataset JSONL, each line ending with `\n`.
pub fn to_jsonl<'a>(docs: impl IntoIterator<Item = &'a Document>) -> String {
    let mut out = String::new();
    for d in docs {
        out.push_str(&dataset_document_line(d));
        out.push('\n');
    }
    out
}
