//! Where the work lives between page loads: the document JSON in the browser's storage,
//! written after every change and read back at start. A saved copy that can no longer be read
//! is set aside under another key, never overwritten.

use crate::glue::storage::{self, StorageError};
use crate::model::article::Article;
use crate::model::document::Document;
use crate::model::schema::Schema;
use crate::model::{export, import};

/// The article the app opens with, shipped inside the bundle so it opens without a fetch.
const SAMPLE_ARTICLE: &str = include_str!("../../static/ceasefire-2025-03-16.txt");

pub fn sample_document() -> Document {
    let article = Article::parse_text(SAMPLE_ARTICLE).expect("the bundled sample article parses");
    Document::new(article, Schema::default())
}

/// What start-up found in storage.
pub struct Restored {
    pub document: Document,
    /// Something the person must hear about: saved work that could not be read.
    pub problem: Option<String>,
}

pub fn restore() -> Restored {
    match storage::load_document() {
        Ok(Some(json)) => match import::document_from_json(&json) {
            Ok(document) => Restored { document, problem: None },
            Err(error) => {
                let kept = storage::set_aside_unreadable(&json).is_ok();
                let where_kept = if kept {
                    "It is kept in this browser's storage under \"stancemark.document.v1.unreadable\"."
                } else {
                    "It could not be set aside."
                };
                Restored {
                    document: sample_document(),
                    problem: Some(format!(
                        "Saved work could not be restored ({error}). {where_kept} The sample article is open instead."
                    )),
                }
            }
        },
        Ok(None) => Restored { document: sample_document(), problem: None },
        Err(error) => {
            Restored { document: sample_document(), problem: Some(format!("Saved work could not be read: {error}.")) }
        }
    }
}

pub fn save(document: &Document) -> Result<(), StorageError> {
    storage::save_document(&export::document_json(document))
}
