//! Flat rows for a corpus: the model's rows (one per quote or claim), each followed by the
//! article's id in the project and its split, so rows from many articles can be grouped and
//! filtered without the documents.

use serde::Serialize;

use super::splice::with_trailing_fields;
use super::split::Split;
use crate::model::document::Document;
use crate::model::export::{document_id, flat_rows_jsonl};

/// The fields added after a row's own.
#[derive(Serialize)]
struct CorpusFields<'a> {
    article_id: &'a str,
    split: Option<Split>,
}

/// One JSON line per quote or claim, each ending with `\n`: the model's row, then
/// `"article_id"` (the document's id, which intake made the project's id) and `"split"`
/// (`null` when the dataset is not split).
pub fn rows_jsonl(doc: &Document, split: Option<Split>) -> String {
    let article_id = document_id(doc);
    let fields = CorpusFields { article_id: &article_id, split };
    let mut out = String::new();
    // A compact JSON row escapes its newlines, so each line is one whole row.
    for row in flat_rows_jsonl(doc).lines() {
        out.push_str(&with_trailing_fields(row.to_owned(), &fields));
        out.push('\n');
    }
    out
}
