//! Reading a dropped or picked file: a Stancemark document to resume, or an article to start
//! on. Either it becomes a whole document or nothing changes and the message says why.

use crate::model::article::Article;
use crate::model::document::Document;
use crate::model::import;
use crate::model::schema::Schema;

/// A document read from a file, with a few words on what it holds ("12 annotations, 3 speakers").
#[derive(Debug)]
pub struct Opened {
    pub document: Document,
    pub summary: String,
}

/// A Stancemark document JSON is imported whole or not at all; anything else is read as an
/// article (plain text, the sample's format, or a JSON record) and starts a new document
/// with `schema`.
pub fn read_document(name: &str, bytes: &[u8], schema: &Schema) -> Result<Opened, String> {
    if looks_like_stancemark_document(bytes) {
        let text = std::str::from_utf8(bytes).map_err(|_| format!("“{name}” is not UTF-8 text."))?;
        let document = import::document_from_json(text)
            .map_err(|error| format!("“{name}” was not opened, nothing changed: {error}"))?;
        let summary = format!("{} annotations, {} speakers", document.annotations.len(), document.speakers.len());
        return Ok(Opened { document, summary });
    }
    let article =
        Article::parse_bytes(bytes).map_err(|error| format!("“{name}” was not opened, nothing changed: {error}"))?;
    let summary = format!("a new article with {} blocks", article.blocks.len());
    Ok(Opened { document: Document::new(article, schema.clone()), summary })
}

/// A JSON object naming the Stancemark format, or JSON that does not parse at all but starts
/// like an object with a `format` key (a truncated export must get the importer's message).
fn looks_like_stancemark_document(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with('{')
        && (head.contains("\"format\"") || serde_json::from_slice::<serde_json::Value>(bytes).is_err())
}
