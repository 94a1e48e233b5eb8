//! Work leaving and entering the page: exports become download or clipboard effects, and an
//! opened file replaces the document while the old one is kept to go back to.

use crate::model::document::Document;
use crate::model::export;
use crate::model::history::Editor;
use crate::view::notice::{Notice, NoticeAction};
use crate::view::opening::read_document;

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

    /// Opens a dropped or picked file; one that cannot be read changes nothing and says why.
    pub(super) fn open_file(&mut self, editor: &mut Editor, name: &str, bytes: Result<Vec<u8>, String>) {
        let opened = bytes
            .map_err(|why| format!("Could not open “{name}”: {why}."))
            .and_then(|bytes| read_document(name, &bytes, &editor.document().schema));
        match opened {
            Ok(opened) => {
                self.swap_document(editor, opened.document);
                self.notice = Some(
                    Notice::info(format!("Opened “{name}”: {}.", opened.summary))
                        .with_action("Go back to the previous document", NoticeAction::RestorePrevious),
                );
            }
            Err(message) => self.notice = Some(Notice::error(message)),
        }
    }

    pub(super) fn restore_previous(&mut self, editor: &mut Editor) {
        if let Some(previous) = self.previous.take() {
            self.swap_document(editor, previous);
            self.notice = Some(Notice::info("Back to the previous document."));
        }
    }

    /// Makes `document` the one being annotated and keeps the current one as `previous`. Undo
    /// history belongs to a document, so it starts afresh, and so does the selection.
    fn swap_document(&mut self, editor: &mut Editor, document: Document) {
        let current = editor.replace_document(document);
        self.previous = Some(current);
        self.selection = None;
        self.selected = None;
    }
}
