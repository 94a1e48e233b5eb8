//! One stored article as the dataset wants it: its dataset line or its flat rows, with the
//! corpus metadata its list row holds (the status and last edit are kept up to date there; the
//! stored base may predate the last steps) and the split it falls in.
//!
//! A stored article is a base line (written by [`super::meta::dataset_line`]) and the journal
//! steps since. With no steps, a dataset line is the base with its corpus object replaced: a
//! string copy, not a parse, which is what keeps exporting 10,000 articles fast.

use super::meta::{dataset_line, read_document, CorpusMeta, KEY};
use super::rows::rows_jsonl;
use super::split::Split;
use super::summary::ArticleSummary;
use crate::model::document::Document;
use crate::model::journal::replay_steps;

/// The corpus metadata the export writes for an article: its list row's status and last edit.
pub fn meta_of(summary: &ArticleSummary, split: Option<Split>) -> CorpusMeta {
    CorpusMeta {
        status: summary.status,
        edited_at: summary.edited_at.clone(),
        edited_by: summary.edited_by.clone(),
        split,
    }
}

/// The article's dataset line (no newline).
pub fn dataset_line_of(
    base: &str,
    steps: &[String],
    summary: &ArticleSummary,
    split: Option<Split>,
) -> Result<String, String> {
    let meta = meta_of(summary, split);
    if steps.is_empty() {
        if let Some(line) = with_meta(base, &meta) {
            return Ok(line);
        }
    }
    let (document, _) = document_of(base, steps, &summary.id)?;
    Ok(dataset_line(&document, &meta))
}

/// The article's flat rows, each line ending with `\n`.
pub fn rows_of(base: &str, steps: &[String], summary: &ArticleSummary, split: Option<Split>) -> Result<String, String> {
    let (document, _) = document_of(base, steps, &summary.id)?;
    Ok(rows_jsonl(&document, split))
}

/// The stored document with its steps applied.
pub fn document_of(base: &str, steps: &[String], id: &str) -> Result<(Document, CorpusMeta), String> {
    let (mut document, meta) = read_document(base).map_err(|error| format!("“{id}” could not be read: {error}"))?;
    let numbered = steps.iter().enumerate().map(|(i, line)| (i + 1, line.as_str()));
    replay_steps(&mut document, numbered).map_err(|error| format!("“{id}”: {error}"))?;
    Ok((document, meta))
}

/// `line` (a dataset line ending with its corpus object, as `dataset_line` writes it) with
/// `meta` in place of that object; `None` if the line does not end that way. Inside a compact
/// JSON line every quote in a string is escaped, so `,"corpus":` can only be the key itself.
pub fn with_meta(line: &str, meta: &CorpusMeta) -> Option<String> {
    let key = format!(",\"{KEY}\":");
    let at = line.rfind(&key)?;
    let object = &line[at + key.len()..];
    // The old object must run to the line's end: `{…}}` (its own brace, then the line's).
    if !(object.starts_with('{') && object.ends_with("}}")) {
        return None;
    }
    let meta = serde_json::to_string(meta).expect("plain data serialises");
    Some(format!("{}{key}{meta}}}", &line[..at]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::status::Status;
    use crate::model::article::Article;
    use crate::model::schema::Schema;

    fn stored() -> (Document, String) {
        let doc = Document::new(
            Article::parse_text("A \"corpus\":{} title\n\nBody, \"corpus\": said.").unwrap(),
            Schema::default(),
        );
        let line = dataset_line(&doc, &CorpusMeta::default_for(&doc));
        (doc, line)
    }

    #[test]
    fn the_corpus_object_is_replaced_without_a_parse_and_reads_back() {
        let (doc, line) = stored();
        let meta = CorpusMeta {
            status: Status::Done,
            edited_at: Some("t".into()),
            edited_by: Some("ann".into()),
            split: Some(Split::Dev),
        };
        let replaced = with_meta(&line, &meta).unwrap();
        let (read, read_meta) = read_document(&replaced).unwrap();
        assert_eq!((read, read_meta), (doc.clone(), meta.clone()));
        assert_eq!(replaced, dataset_line(&doc, &meta), "the same bytes as writing it afresh");
        assert_eq!(with_meta("{\"text\":\"x\"}", &meta), None);
    }

    #[test]
    fn steps_are_applied_before_the_line_is_written() {
        let (doc, line) = stored();
        let mut summary = ArticleSummary::of(&doc, &CorpusMeta::default_for(&doc));
        summary.status = Status::InProgress;
        let mut editor = crate::model::history::Editor::new(doc);
        editor.apply(crate::model::action::Action::AddTarget { label: "Ceasefire".into() }).unwrap();
        let crate::model::history::Unsaved::Steps(steps) = editor.take_unsaved() else { panic!("one step") };
        let steps: Vec<String> = steps.lines().map(str::to_owned).collect();
        let out = dataset_line_of(&line, &steps, &summary, Some(Split::Train)).unwrap();
        let (read, meta) = read_document(&out).unwrap();
        assert_eq!(read.schema.targets.len(), editor.document().schema.targets.len());
        assert_eq!((meta.status, meta.split), (Status::InProgress, Some(Split::Train)));
        let bad = dataset_line_of(&line, &["not json".to_owned()], &summary, None).unwrap_err();
        assert!(bad.contains("line 1"), "{bad}");
    }
}
