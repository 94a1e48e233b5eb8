//! Work leaving and entering the page: exports as downloads or on the clipboard, and opening
//! a file (a Stancemark document to resume, or an article to start on). A file that cannot be
//! read changes nothing and says why.

use yew::prelude::*;

use crate::glue::files;
use crate::model::article::Article;
use crate::model::document::Document;
use crate::model::schema::Schema;
use crate::model::{export, import};

use super::app::{App, Msg};
use super::notice::{Notice, NoticeAction};
use super::topbar::Export;

impl App {
    pub(super) fn export(&mut self, ctx: &Context<Self>, kind: Export) {
        let doc = self.editor.document();
        let stem = export::document_id(doc);
        let result = match kind {
            Export::DocumentJson => files::download(&format!("{stem}.stancemark.json"), "application/json", &export::document_json(doc)),
            Export::RowsJsonl => files::download(&format!("{stem}.rows.jsonl"), "application/x-ndjson", &export::flat_rows_jsonl(doc)),
            Export::DatasetJsonl => {
                let line = export::dataset_document_line(doc) + "\n";
                files::download(&format!("{stem}.dataset.jsonl"), "application/x-ndjson", &line)
            }
            Export::CopyJson => {
                let json = export::document_json(doc);
                let done = ctx.link().callback(Msg::Copied);
                yew::platform::spawn_local(async move {
                    let result = files::copy_to_clipboard(&json).await;
                    done.emit(result.map_err(|error| error.as_string().unwrap_or_else(|| "the browser refused".to_owned())));
                });
                Ok(())
            }
        };
        if result.is_err() {
            self.notice = Some(Notice::error("The browser refused the download. Try Copy JSON instead."));
        }
    }

    /// Opens a dropped or picked file. The current work is kept aside until the next file is
    /// opened, so the notice can offer to go back.
    pub(super) fn open_file(&mut self, name: &str, bytes: Result<Vec<u8>, String>) {
        let schema = &self.editor.document().schema;
        let opened = bytes
            .map_err(|why| format!("Could not open “{name}”: {why}."))
            .and_then(|bytes| read_document(name, &bytes, schema));
        match opened {
            Ok((document, what)) => {
                self.swap_document(document);
                self.notice = Some(Notice {
                    action: Some(("Go back to the previous document".to_owned(), NoticeAction::RestorePrevious)),
                    ..Notice::info(format!("Opened “{name}”: {what}."))
                });
            }
            Err(message) => self.notice = Some(Notice::error(message)),
        }
    }

    pub(super) fn restore_previous(&mut self) {
        if let Some(previous) = self.previous.take() {
            self.swap_document(previous);
            self.notice = Some(Notice::info("Back to the previous document."));
        }
    }

    /// Makes `document` the one being annotated and keeps the current one as `previous`.
    /// Undo history belongs to a document, so it starts afresh.
    fn swap_document(&mut self, document: Document) {
        let current = self.editor.document().clone();
        self.editor.replace_document(document);
        self.previous = Some(current);
        self.focus = Default::default();
        self.key_selection = None;
        self.document_changed();
    }
}

/// A Stancemark document JSON is imported whole or not at all; anything else is read as an
/// article (plain text, the sample's format, or a JSON record) and starts a new document
/// with the current schema.
fn read_document(name: &str, bytes: &[u8], schema: &Schema) -> Result<(Document, String), String> {
    if looks_like_stancemark_document(bytes) {
        let text = std::str::from_utf8(bytes).map_err(|_| format!("“{name}” is not UTF-8 text."))?;
        let document = import::document_from_json(text)
            .map_err(|error| format!("“{name}” was not opened, nothing changed: {error}"))?;
        let what = format!("{} annotations, {} speakers", document.annotations.len(), document.speakers.len());
        return Ok((document, what));
    }
    let article = Article::parse_bytes(bytes).map_err(|error| format!("“{name}” was not opened, nothing changed: {error}"))?;
    let paragraphs = article.blocks.len();
    Ok((Document::new(article, schema.clone()), format!("a new article with {paragraphs} blocks")))
}

/// A JSON object naming the Stancemark format, or JSON that does not parse at all but starts
/// like an object with a `format` key (a truncated export must get the importer's message).
fn looks_like_stancemark_document(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with('{') && (head.contains("\"format\"") || serde_json::from_slice::<serde_json::Value>(bytes).is_err())
}
