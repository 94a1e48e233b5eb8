//! Reading the documents of a file for `validate`, `convert`, `stats` and `split`: a dataset
//! JSONL line by line (every line is checked, even after a bad one), or one document JSON,
//! each with its corpus object when it has one. Problems are worded like a compiler's,
//! `file:line: path: message`.

use stancemark::corpus::meta::{self, CorpusMeta};
use stancemark::model::dataset;
use stancemark::model::document::Document;
use stancemark::model::import::ImportError;
use stancemark::model::locate::line_of_error;
use stancemark::model::utf8;

use crate::error::CliError;
use crate::input;

/// The documents in `path`: a dataset if its name ends in `.jsonl`, else one document JSON.
pub fn documents(path: &str) -> Result<Vec<Document>, CliError> {
    let mut docs = Vec::new();
    each_document(path, |doc, _| docs.push(doc))?;
    Ok(docs)
}

/// Hands each document of `path` with its corpus metadata to `each`, one at a time, so that
/// a large dataset is never held whole; then reports every bad line, if any.
pub fn each_document(path: &str, mut each: impl FnMut(Document, CorpusMeta)) -> Result<(), CliError> {
    let bytes = input::read(path)?;
    if !path.ends_with(".jsonl") {
        let (doc, meta) = document(path, &bytes)?;
        each(doc, meta);
        return Ok(());
    }
    let mut problems = Vec::new();
    for (number, line) in dataset::lines(&bytes) {
        let read = match line {
            Err(not_utf8) => Err(not_utf8.to_string()),
            Ok(text) => meta::read_document(text).map_err(|e| with_hint(&e, text)),
        };
        match read {
            Ok((doc, meta)) => each(doc, meta),
            Err(problem) => problems.push(CliError::invalid(format!("{path}:{number}: {problem}"))),
        }
    }
    CliError::all(problems).map_or(Ok(()), Err)
}

fn document(path: &str, bytes: &[u8]) -> Result<(Document, CorpusMeta), CliError> {
    let text = utf8::text(bytes).map_err(|e| CliError::invalid(format!("{path}:{}: {e}", e.line)))?;
    meta::read_document(text).map_err(|e| {
        let line = line_of_error(text, &e).map_or(String::new(), |l| format!(":{l}"));
        CliError::invalid(format!("{path}{line}: {}", with_hint(&e, text)))
    })
}

/// The error, plus a pointer for the common mistake of validating flat rows.
fn with_hint(e: &ImportError, source: &str) -> String {
    if e.path == "format" && source.contains("\"annotation_id\"") {
        return format!(
            "{e} (this looks like a flat rows file from `convert --rows`; validate the documents it came from)"
        );
    }
    e.to_string()
}
