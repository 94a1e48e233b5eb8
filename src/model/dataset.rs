//! Dataset JSONL: one document JSON per line. Reading keeps going after a bad line so that a
//! validator can report every broken document in one run, including a line that is not UTF-8.

use super::document::Document;
use super::export::dataset_document_line;
use super::import::{document_from_json, ImportError};
use super::utf8::{self, NotUtf8};

/// Each non-blank line's 1-based number and its text, or where the line stops being UTF-8.
/// Lines end at `\n`; a `\r` before it is dropped, as `str::lines` does.
pub fn lines(bytes: &[u8]) -> impl Iterator<Item = (usize, Result<&str, NotUtf8>)> {
    let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    bytes
        .split(|b| *b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .enumerate()
        .map(|(i, line)| (i + 1, utf8::text(line)))
        .filter(|(_, line)| !line.is_ok_and(|text| text.trim().is_empty()))
}

/// Each non-blank line's 1-based number and what it holds.
pub fn read_jsonl(s: &str) -> Vec<(usize, Result<Document, ImportError>)> {
    lines(s.as_bytes()).map(|(number, line)| (number, document_from_json(line.expect("a str is UTF-8")))).collect()
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

    #[test]
    fn a_line_that_is_not_utf8_does_not_hide_the_others() {
        let read: Vec<_> = lines(b"one\r\n\xFFtwo\n \nthree\n").collect();
        let columns: Vec<_> = read.iter().map(|(n, l)| (*n, l.map_err(|e| e.column))).collect();
        assert_eq!(columns, vec![(1, Ok("one")), (2, Err(1)), (4, Ok("three"))]);
    }
}
