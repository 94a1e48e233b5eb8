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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Article;
    use crate::model::schema::Schema;

    #[test]
    fn blank_lines_are_skipped_and_line_numbers_kept() {
        let doc = Document::new(Article::parse_text("A text.").unwrap(), Schema::default());
        let line = dataset_document_line(&doc);
        let file = format!("\n{line}\n\n{{\"format\": 1}}\n");
        let read = read_jsonl(&file);
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].0, 2);
        assert_eq!(read[0].1.as_ref().unwrap(), &doc);
        assert_eq!(read[1].0, 4);
        assert_eq!(read[1].1.as_ref().unwrap_err().path, "format");
        assert_eq!(documents_from_jsonl(&file).unwrap_err().0, 4);
    }
}
