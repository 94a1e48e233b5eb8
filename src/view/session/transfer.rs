//! Work leaving the page: exports become download or clipboard effects.

use crate::model::document::Document;
use crate::model::export;

use super::{Effect, Session};

/// The ways a document leaves the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    DocumentJson,
    RowsJsonl,
    DatasetJsonl,
    CopyJson,
}

impl Session {
    pub(super) fn export(&self, doc: &Document, kind: ExportKind) -> Effect {
        let stem = export::document_id(doc);
        let download =
            |suffix: &str, mime, contents| Effect::Download { file_name: format!("{stem}.{suffix}"), mime, contents };
        match kind {
            ExportKind::DocumentJson => download("stancemark.json", "application/json", export::document_json(doc)),
            ExportKind::RowsJsonl => download("rows.jsonl", "application/x-ndjson", export::flat_rows_jsonl(doc)),
            ExportKind::DatasetJsonl => {
                download("dataset.jsonl", "application/x-ndjson", export::dataset_document_line(doc) + "\n")
            }
            ExportKind::CopyJson => Effect::CopyToClipboard(export::document_json(doc)),
        }
    }
}
