//! Bringing articles into a project: files of any kind the app and the tool accept, each
//! article given its id, duplicates (the same canonical text) reported instead of added twice,
//! bad inputs listed with their line and the model's message.
//!
//! Intake decides nothing: it reads everything and sorts it into added, duplicates and bad.
//! The caller chooses between "all or nothing" ([`Intake::is_clean`]) and "add the good ones,
//! skip the bad". A large JSONL file is read in steps by [`JsonlIntake`], so the app can yield
//! to the browser between steps and cancel by dropping it.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::ids::{base_id, KnownArticles};
use super::lines::LineReader;
use super::meta::{dataset_line, read_document_value, CorpusMeta};
use super::summary::ArticleSummary;
use crate::model::article::Article;
use crate::model::document::Document;
use crate::model::export::FORMAT;
use crate::model::json;
use crate::model::locate::line_of_error;
use crate::model::schema::Schema;
use crate::model::utf8::{self, NotUtf8};

/// An article ready to join the project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    /// Its id in the project, also written as the document's `article.id`.
    pub id: String,
    pub summary: ArticleSummary,
    pub meta: CorpusMeta,
    /// The document as a dataset line with its corpus object: what the project stores.
    pub dataset_line: String,
    /// The schema of a Stancemark document that came with its own (its targets join the
    /// project's); `None` for an article, which was given the project's schema.
    pub own_schema: Option<Schema>,
    /// The file it came from, and the line for a JSONL file.
    pub source: String,
    pub line: Option<usize>,
}

/// An input whose canonical text is already in the project or earlier in the same intake.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub source: String,
    pub line: Option<usize>,
    /// The id of the article that has the same text.
    pub id_existing: String,
}

/// An input that could not be read, with the model's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadInput {
    pub source: String,
    pub line: Option<usize>,
    pub message: String,
}

/// `file:line` or `file`, as compilers print a place.
fn place(f: &mut fmt::Formatter<'_>, source: &str, line: Option<usize>) -> fmt::Result {
    match line {
        Some(line) => write!(f, "{source}:{line}"),
        None => write!(f, "{source}"),
    }
}

/// `articles.jsonl:12: text_sha256: does not match the text: ...`
impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        place(f, &self.source, self.line)?;
        write!(f, ": {}", self.message)
    }
}

/// `articles.jsonl:40: the same text as article "story-3"; not added again`
impl fmt::Display for Duplicate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        place(f, &self.source, self.line)?;
        write!(f, ": the same text as article {:?}; not added again", self.id_existing)
    }
}

/// What came in, sorted: the articles to add, the duplicates, the bad inputs.
#[derive(Clone, Debug, Default)]
pub struct Intake {
    pub added: Vec<Incoming>,
    pub duplicates: Vec<Duplicate>,
    pub bad: Vec<BadInput>,
    /// The project's articles and those added so far: ids stay unique, texts are not added twice.
    known: KnownArticles,
    /// Given to articles that come without a schema.
    schema: Schema,
}

/// A file read line by line: dataset lines and article records, one per line.
pub fn is_jsonl(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("jsonl"))
}

impl Intake {
    /// An empty intake into a project that holds `known` articles and uses `schema`.
    pub fn new(known: KnownArticles, schema: Schema) -> Intake {
        Intake { added: Vec::new(), duplicates: Vec::new(), bad: Vec::new(), known, schema }
    }

    /// Reads every source in order (a name and its bytes).
    pub fn read_all<'s>(&mut self, sources: impl IntoIterator<Item = (&'s str, &'s [u8])>) {
        for (name, bytes) in sources {
            self.read(name, bytes);
        }
    }

    /// Reads one source whole: a `.jsonl` file line by line, any other file as one article
    /// or one Stancemark document. For a large JSONL file in the browser, use [`JsonlIntake`].
    pub fn read(&mut self, name: &str, bytes: &[u8]) {
        if is_jsonl(name) {
            let mut reader = LineReader::whole(bytes);
            while let Some((number, line)) = reader.next_line() {
                self.read_line(name, number, line);
            }
        } else {
            self.read_file(name, bytes);
        }
    }

    /// Nothing was bad: everything read is either added or a duplicate.
    pub fn is_clean(&self) -> bool {
        self.bad.is_empty()
    }

    /// The schema articles without one were given.
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// The ids and texts of the project and of the articles added so far.
    pub fn known(&self) -> &KnownArticles {
        &self.known
    }

    /// One file holding one article: a text file, a JSON record, or a Stancemark document.
    fn read_file(&mut self, name: &str, bytes: &[u8]) {
        let bad = |message: String, line| BadInput { source: name.to_owned(), line, message };
        // A byte order mark must not hide the brace: a document read as a record would lose
        // its annotations.
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
            match Article::parse_bytes(bytes) {
                Ok(article) => self.take_article(article, Some(name), name, None),
                Err(e) => self.bad.push(bad(e.to_string(), None)),
            }
            return;
        }
        let text = match utf8::text(body) {
            Ok(text) => text,
            Err(e) => return self.bad.push(bad(e.to_string(), Some(e.line))),
        };
        match classify(text) {
            Json::Document(v) => match read_document_value(&v) {
                Ok((doc, meta)) => self.take_document(doc, meta, Some(name), name, None),
                Err(e) => self.bad.push(bad(e.to_string(), line_of_error(text, &e))),
            },
            Json::Record => match Article::from_record_json(text) {
                Ok(article) => self.take_article(article, Some(name), name, None),
                Err(e) => self.bad.push(bad(e.to_string(), None)),
            },
            Json::Invalid(message) => self.bad.push(bad(message, None)),
        }
    }

    /// One line of a JSONL file: a Stancemark dataset line or an article record.
    fn read_line(&mut self, name: &str, number: usize, line: Result<&str, NotUtf8>) {
        let bad = |message: String| BadInput { source: name.to_owned(), line: Some(number), message };
        let text = match line {
            Ok(text) => text,
            Err(e) => return self.bad.push(bad(e.to_string())),
        };
        match classify(text) {
            Json::Document(v) => match read_document_value(&v) {
                Ok((doc, meta)) => self.take_document(doc, meta, None, name, Some(number)),
                Err(e) => self.bad.push(bad(e.to_string())),
            },
            Json::Record => match Article::from_record_json(text) {
                Ok(article) => self.take_article(article, None, name, Some(number)),
                Err(e) => self.bad.push(bad(e.to_string())),
            },
            Json::Invalid(message) => self.bad.push(bad(message)),
        }
    }

    fn take_article(&mut self, article: Article, file_name: Option<&str>, source: &str, line: Option<usize>) {
        let doc = Document::new(article, self.schema.clone());
        let meta = CorpusMeta::default_for(&doc);
        self.take(doc, meta, None, file_name, source, line);
    }

    fn take_document(
        &mut self,
        doc: Document,
        meta: CorpusMeta,
        file_name: Option<&str>,
        source: &str,
        line: Option<usize>,
    ) {
        let schema = doc.schema.clone();
        self.take(doc, meta, Some(schema), file_name, source, line);
    }

    fn take(
        &mut self,
        mut doc: Document,
        meta: CorpusMeta,
        own_schema: Option<Schema>,
        file_name: Option<&str>,
        source: &str,
        line: Option<usize>,
    ) {
        let mut summary = ArticleSummary::of(&doc, &meta);
        if let Some(existing) = self.known.id_of_text(&summary.text_sha256) {
            let id_existing = existing.to_owned();
            self.duplicates.push(Duplicate { source: source.to_owned(), line, id_existing });
            return;
        }
        let id = self.known.unique_id(&base_id(doc.article.id.as_deref(), file_name, &summary.text_sha256));
        self.known.insert(&id, &summary.text_sha256);
        doc.article.id = Some(id.clone());
        summary.id = id.clone();
        let dataset_line = dataset_line(&doc, &meta);
        self.added.push(Incoming { id, summary, meta, dataset_line, own_schema, source: source.to_owned(), line });
    }
}

/// What a JSON text holds, decided before reading it in full.
enum Json {
    /// `"format": "stancemark-document"`, parsed.
    Document(Value),
    /// Anything else that parses: read as an article record, whose reader says what is wrong.
    Record,
    /// Not JSON at all: the model's message for it.
    Invalid(String),
}

/// Only the `format` field, so that telling a document from a record does not build a
/// `Value` for a record's whole text.
#[derive(Deserialize)]
struct FormatOnly<'a> {
    #[serde(borrow)]
    format: Option<Cow<'a, str>>,
}

fn classify(text: &str) -> Json {
    match serde_json::from_str::<FormatOnly>(text) {
        Ok(FormatOnly { format: Some(format) }) if format == FORMAT => match json::parse(text) {
            Ok(v) => Json::Document(v),
            Err(e) => Json::Invalid(e.to_string()),
        },
        Ok(_) => Json::Record,
        // Not an object with a string `format`, or not JSON: the parser's message if it is not JSON.
        Err(_) => match json::parse(text) {
            Err(e) => Json::Invalid(e.to_string()),
            Ok(v) if v.get("format").is_some_and(|f| f.as_str() == Some(FORMAT)) => Json::Document(v),
            Ok(_) => Json::Record,
        },
    }
}

/// How far a [`JsonlIntake`] has read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadProgress {
    /// Lines read, blank ones included.
    pub lines_done: usize,
    pub bytes_done: usize,
    /// The size given at the start, or the bytes received if more came.
    pub bytes_total: usize,
    /// Every line is read and no more input will come.
    pub finished: bool,
}

impl ReadProgress {
    /// Done as a fraction in `[0, 1]`, for a progress bar.
    pub fn fraction(&self) -> f64 {
        if self.finished {
            1.0
        } else if self.bytes_total == 0 {
            0.0
        } else {
            (self.bytes_done as f64 / self.bytes_total as f64).min(1.0)
        }
    }
}

/// A JSONL file read into an [`Intake`] a few lines per [`JsonlIntake::step`]. Feed it the
/// whole file or chunks as they arrive; drop it to cancel (the project is untouched until
/// the caller adds the finished intake).
pub struct JsonlIntake {
    intake: Intake,
    name: String,
    reader: LineReader<'static>,
    bytes_total: usize,
}

impl JsonlIntake {
    /// Reads `bytes`, the whole file, into `intake`.
    pub fn whole(intake: Intake, name: impl Into<String>, bytes: Vec<u8>) -> JsonlIntake {
        let bytes_total = bytes.len();
        JsonlIntake { intake, name: name.into(), reader: LineReader::whole(bytes), bytes_total }
    }

    /// Reads a file of `bytes_total` bytes that will come in chunks ([`JsonlIntake::feed`],
    /// then [`JsonlIntake::end_of_input`]).
    pub fn chunked(intake: Intake, name: impl Into<String>, bytes_total: usize) -> JsonlIntake {
        JsonlIntake { intake, name: name.into(), reader: LineReader::new(), bytes_total }
    }

    pub fn feed(&mut self, chunk: &[u8]) {
        self.reader.feed(chunk);
    }

    pub fn end_of_input(&mut self) {
        self.reader.end();
    }

    /// Reads up to `max_lines` lines that are not blank (fewer when the buffered input ends).
    pub fn step(&mut self, max_lines: usize) -> ReadProgress {
        for _ in 0..max_lines {
            let Some((number, line)) = self.reader.next_line() else { break };
            self.intake.read_line(&self.name, number, line);
        }
        self.progress()
    }

    pub fn progress(&self) -> ReadProgress {
        ReadProgress {
            lines_done: self.reader.lines_done(),
            bytes_done: self.reader.bytes_done(),
            bytes_total: self.bytes_total.max(self.reader.bytes_received()),
            finished: self.reader.is_finished(),
        }
    }

    /// What has been read so far, for a running count of good and bad lines.
    pub fn intake(&self) -> &Intake {
        &self.intake
    }

    /// The intake, with every line read so far (all of them once `finished`).
    pub fn into_intake(self) -> Intake {
        self.intake
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_jsonl_extension_means_line_by_line() {
        assert!(is_jsonl("a/b.jsonl") && is_jsonl("B.JSONL"));
        assert!(!is_jsonl("jsonl") && !is_jsonl("a.json") && !is_jsonl("a.jsonl.txt"));
    }

    #[test]
    fn json_is_told_apart_by_its_format_field() {
        assert!(matches!(classify(r#"{"format": "stancemark-document"}"#), Json::Document(_)));
        assert!(matches!(classify(r#"{"text": "x", "format": "html"}"#), Json::Record));
        assert!(matches!(classify(r#"{"text": "x", "format": 3}"#), Json::Record));
        assert!(matches!(classify("[1]"), Json::Record));
        let Json::Invalid(message) = classify("{\"text\": nope}") else { panic!("not JSON") };
        assert_eq!(message, "invalid JSON at line 1, column 11: expected ident");
    }
}
