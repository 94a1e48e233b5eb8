//! Per-article corpus metadata: status, last edit, split. It travels on the article's dataset
//! line as an optional last field, `"corpus": {"status", "edited_at", "edited_by", "split"}`,
//! so a dataset is the whole project's state in one file, while readers of the document
//! format (which ignore unknown fields) keep reading the same lines.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::splice::with_trailing_fields;
use super::split::Split;
use super::status::Status;
use crate::model::document::Document;
use crate::model::export::dataset_document_line;
use crate::model::import::{document_from_value, ImportError};
use crate::model::json::{self, FieldPath, Obj};

/// The key of the corpus object on a dataset line.
pub const KEY: &str = "corpus";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorpusMeta {
    pub status: Status,
    /// RFC 3339, as given by the caller (the model has no clock).
    pub edited_at: Option<String>,
    /// The annotator's name, as annotations record it in `created_by`.
    pub edited_by: Option<String>,
    /// Set when the dataset was split (`stancemark split`, or the app's split export).
    pub split: Option<Split>,
}

impl CorpusMeta {
    /// What a line without a corpus object means: new when nothing is annotated yet, else in
    /// progress (a document annotated before corpora existed is not known to be done).
    pub fn default_for(doc: &Document) -> CorpusMeta {
        let status = if doc.annotations.is_empty() { Status::New } else { Status::InProgress };
        CorpusMeta { status, edited_at: None, edited_by: None, split: None }
    }

    /// Reads the corpus object of a document's JSON root, or the default when it is absent
    /// or null. Errors name the field: `corpus.status: "finished" is not one of: ...`.
    pub(crate) fn from_root(root: &Obj, doc: &Document) -> Result<CorpusMeta, ImportError> {
        match root.get_opt(KEY) {
            None => Ok(CorpusMeta::default_for(doc)),
            Some(v) => CorpusMeta::from_value(v, &root.path_of(KEY)),
        }
    }

    /// Reads a corpus object at `path`. `status` is required; the other fields may be absent.
    pub fn from_value(v: &Value, path: &FieldPath) -> Result<CorpusMeta, ImportError> {
        let o = json::obj(v, path)?;
        let status = o.choice("status", Status::NAMES, Status::parse)?;
        let split = match o.get_opt("split") {
            None => None,
            Some(_) => Some(o.choice("split", Split::NAMES, Split::parse)?),
        };
        Ok(CorpusMeta {
            status,
            edited_at: o.opt_str("edited_at")?.map(str::to_owned),
            edited_by: o.opt_str("edited_by")?.map(str::to_owned),
            split,
        })
    }

    /// Records an edit of the document: who and when, and a new article that now has
    /// annotations becomes in progress (done and skipped stay as the annotator set them).
    pub fn record_edit(&mut self, doc: &Document, at: &str, by: &str) {
        self.edited_at = Some(at.to_owned());
        self.edited_by = Some(by.to_owned());
        if self.status == Status::New && !doc.annotations.is_empty() {
            self.status = Status::InProgress;
        }
    }
}

/// Reads a document JSON or a dataset line with its optional corpus object.
pub fn read_document(json_text: &str) -> Result<(Document, CorpusMeta), ImportError> {
    read_document_value(&json::parse(json_text)?)
}

/// Reads an already parsed document with its optional corpus object.
pub fn read_document_value(v: &Value) -> Result<(Document, CorpusMeta), ImportError> {
    let doc = document_from_value(v)?;
    let meta = CorpusMeta::from_root(&json::obj(v, &FieldPath::root())?, &doc)?;
    Ok((doc, meta))
}

/// The document's dataset line (compact, no trailing newline): the document JSON's fields in
/// their fixed order, then `"corpus"` last.
pub fn dataset_line(doc: &Document, meta: &CorpusMeta) -> String {
    #[derive(Serialize)]
    struct CorpusField<'a> {
        corpus: &'a CorpusMeta,
    }
    with_trailing_fields(dataset_document_line(doc), &CorpusField { corpus: meta })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Article;
    use crate::model::schema::Schema;

    fn doc() -> Document {
        Document::new(Article::parse_text("A text.").unwrap(), Schema::default())
    }

    #[test]
    fn the_corpus_object_comes_last_and_reads_back() {
        let meta =
            CorpusMeta { status: Status::Done, edited_at: Some("t".into()), edited_by: None, split: Some(Split::Dev) };
        let line = dataset_line(&doc(), &meta);
        let plain = dataset_document_line(&doc());
        assert_eq!(
            line,
            format!(
                "{},\"corpus\":{{\"status\":\"done\",\"edited_at\":\"t\",\"edited_by\":null,\"split\":\"dev\"}}}}",
                &plain[..plain.len() - 1]
            )
        );
        assert_eq!(read_document(&line).unwrap(), (doc(), meta));
        assert_eq!(read_document(&plain).unwrap().1, CorpusMeta::default_for(&doc()));
    }

    #[test]
    fn a_bad_corpus_object_names_its_field() {
        let plain = dataset_document_line(&doc());
        let with = |corpus: &str| format!("{},\"corpus\":{corpus}}}", &plain[..plain.len() - 1]);
        let error = |corpus: &str| read_document(&with(corpus)).unwrap_err().to_string();
        assert_eq!(
            error(r#"{"status":"finished"}"#),
            "corpus.status: \"finished\" is not one of: new, in_progress, done, skipped"
        );
        assert_eq!(error(r#"{"status":"new","split":"val"}"#), "corpus.split: \"val\" is not one of: train, dev, test");
        assert_eq!(
            error(r#"{"status":"new","edited_by":3}"#),
            "corpus.edited_by: must be a string or null, found a number"
        );
        assert_eq!(error(r#"{}"#), "corpus.status: is missing");
        assert_eq!(error("[]"), "corpus: must be an object, found an array");
        assert_eq!(read_document(&with("null")).unwrap().1.status, Status::New);
    }
}
