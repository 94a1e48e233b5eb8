//! Reading the document JSON back. All or nothing: the whole file is checked before a
//! document is returned, and every error names the field path and what is wrong with it.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::anchor;
use super::annotation::{Annotation, AnnotationId, AnnotationKind, Origin, QuoteType};
use super::article::{Article, Block, BlockKind};
use super::document::{Document, NextIds};
use super::export::{text_sha256, FORMAT, OFFSET_UNIT, VERSION};
use super::ids::{StanceId, TargetId};
use super::invariants::{fragments_problem, span_problem};
use super::json::{self, describe, FieldError, FieldPath, Obj};
use super::rejection::RejectedSuggestion;
use super::schema::Schema;
use super::speaker::{Speaker, SpeakerId, SpeakerKind};
use super::text::Span;
use crate::model::sort;

pub use super::reanchor::{reanchor_document, ReanchorReport, Unplaced};

pub type ImportError = FieldError;

/// Reads a document JSON file (or one line of a dataset JSONL file).
pub fn document_from_json(s: &str) -> Result<Document, ImportError> {
    document_from_value(&json::parse(s)?)
}

/// Reads `doc_json` (which must be valid against its own text) and moves its annotations onto
/// `new_article`'s text (see [`reanchor_document`]).
pub fn reanchor(doc_json: &str, new_article: &Article) -> Result<(Document, ReanchorReport), ImportError> {
    Ok(reanchor_document(&document_from_json(doc_json)?, new_article))
}

/// Reads an already parsed document.
pub fn document_from_value(v: &Value) -> Result<Document, ImportError> {
    let root = json::obj(v, &FieldPath::root())?;
    check_header(&root)?;
    let text = root.str("text")?;
    let sha = root.str("text_sha256")?;
    if !sha.eq_ignore_ascii_case(&text_sha256(text)) {
        return Err(root.error_at("text_sha256",
            "does not match the text: the text was changed after export (re-anchor the annotations to the new text instead)",
        ));
    }
    let article = read_article(&root.obj("article")?, text)?;
    let schema = Schema::from_value(root.get("schema")?, &root.path_of("schema"))?;
    let mut doc = Document::new(article, schema);
    doc.article.check(doc.text_index()).map_err(|e| e.under(&root.path_of("article")))?;
    doc.speakers = read_speakers(&root)?;
    doc.annotations = read_annotations(&root, &doc)?;
    doc.sort_annotations();
    doc.next_ids = match root.get_opt("next_ids") {
        Some(v) => read_next_ids(&json::obj(v, &root.path_of("next_ids"))?)?,
        None => derived_next_ids(&doc),
    };
    if let Some(v) = root.get_opt("rejected_suggestions") {
        for (path, v) in json::array(v, &root.path_of("rejected_suggestions"))? {
            let o = json::obj(v, &path)?;
            let rejection = read_rejection(&o, &doc)?;
            if doc.rejected_suggestions.iter().any(|r| r.fragments == rejection.fragments) {
                return Err(o.error_at("fragments", "the same suggestion is rejected twice"));
            }
            doc.rejected_suggestions.push(rejection);
        }
    }
    // Every rule was checked field by field above; this is the last line of defence.
    doc.check_invariants()
        .map_err(|m| FieldError::new(FieldPath::root(), format!("the document breaks a rule: {m}")))?;
    Ok(doc)
}

fn check_header(root: &Obj) -> Result<(), ImportError> {
    let format = root
        .map
        .get("format")
        .ok_or_else(|| root.error_at("format", format!("is missing: this is not a {FORMAT} file")))?;
    if format.as_str() != Some(FORMAT) {
        return Err(root.error_at("format", format!("expected {FORMAT:?}, found {}", describe(format))));
    }
    let version = root.get("version")?;
    if version.as_u64() != Some(VERSION) {
        return Err(root.error_at(
            "version",
            format!("unknown version {}: this Stancemark reads version {VERSION}", describe(version)),
        ));
    }
    let unit = root.str("offset_unit")?;
    if unit != OFFSET_UNIT {
        return Err(root.error_at("offset_unit", format!("expected {OFFSET_UNIT:?}, found {unit:?}")));
    }
    Ok(())
}

fn read_article(o: &Obj, text: &str) -> Result<Article, ImportError> {
    let mut blocks = Vec::new();
    for (path, v) in o.array("blocks")? {
        let b = json::obj(v, &path)?;
        let kind = b.choice("kind", &["title", "dateline", "abstract", "paragraph"], BlockKind::parse)?;
        let (start, end) = (b.index("start")?, b.index("end")?);
        blocks.push(Block { kind, span: Span::new(start, end) });
    }
    let owned = |s: Option<&str>| s.map(str::to_owned);
    Ok(Article {
        id: owned(o.opt_str("id")?),
        title: owned(o.opt_str("title")?),
        published: owned(o.opt_str("published")?),
        abstract_text: owned(o.opt_str("abstract")?),
        text: text.to_owned(),
        blocks,
    })
}

fn read_speakers(root: &Obj) -> Result<Vec<Speaker>, ImportError> {
    let mut speakers = Vec::new();
    let mut seen: HashMap<String, FieldPath> = HashMap::new();
    for (path, v) in root.array("speakers")? {
        let o = json::obj(v, &path)?;
        let speaker = read_speaker(&o)?;
        if let Some(first) = seen.insert(speaker.id.0.clone(), path.clone()) {
            return Err(o.error_at("id", format!("duplicate id {:?} (also used by {first})", speaker.id.0)));
        }
        speakers.push(speaker);
    }
    Ok(speakers)
}

/// `agreed_by`: absent, or an array of non-empty annotator names (kept sorted, once each).
fn read_agreed_by(o: &Obj) -> Result<Vec<String>, ImportError> {
    let Some(v) = o.get_opt("agreed_by") else { return Ok(Vec::new()) };
    let mut names = Vec::new();
    for (path, v) in json::array(v, &o.path_of("agreed_by"))? {
        match v.as_str().map(str::trim) {
            Some(name) if !name.is_empty() => names.push(name.to_owned()),
            _ => return Err(FieldError::new(path, "must be an annotator's name (a non-empty string)")),
        }
    }
    sort::sort(&mut names);
    names.dedup();
    Ok(names)
}

/// A rejected suggestion `{fragments: [span…], rule}`, its spans checked like an annotation's
/// (the save journal reads rejections this way too).
pub(crate) fn read_rejection(o: &Obj, doc: &Document) -> Result<RejectedSuggestion, ImportError> {
    let mut fragments = Vec::new();
    for (path, v) in o.array("fragments")? {
        fragments.push(read_span(&json::obj(v, &path)?, doc)?);
    }
    if let Some(problem) = fragments_problem(&fragments) {
        return Err(o.error_at("fragments", problem));
    }
    Ok(RejectedSuggestion { fragments, rule: o.str("rule")?.to_owned() })
}

/// One speaker as the document JSON writes it (the save journal reads speakers this way too).
pub(crate) fn read_speaker(o: &Obj) -> Result<Speaker, ImportError> {
    let id = non_empty_id(o)?;
    let mut aliases = Vec::new();
    for (p, a) in o.array("aliases")? {
        let a = a.as_str().ok_or_else(|| FieldError::new(p, format!("must be a string, found {}", describe(a))))?;
        aliases.push(a.to_owned());
    }
    let speaker = Speaker {
        id: SpeakerId(id),
        name: o.str("name")?.to_owned(),
        kind: o.choice("kind", SpeakerKind::NAMES, SpeakerKind::parse)?,
        role: o.opt_str("role")?.map(str::to_owned),
        aliases,
        wikidata: o.opt_str("wikidata")?.map(str::to_owned),
    };
    speaker.check().map_err(|(field, m)| o.error_at(field, m))?;
    Ok(speaker)
}

/// One annotation as the document JSON writes it, checked against `doc` (its text, speakers
/// and schema); the save journal reads annotations this way too.
pub(crate) fn read_annotation_in(o: &Obj, doc: &Document) -> Result<Annotation, ImportError> {
    let speakers: HashSet<&str> = doc.speakers.iter().map(|s| s.id.0.as_str()).collect();
    read_annotation(o, doc, &speakers)
}

fn read_annotations(root: &Obj, doc: &Document) -> Result<Vec<Annotation>, ImportError> {
    let speakers: HashSet<&str> = doc.speakers.iter().map(|s| s.id.0.as_str()).collect();
    let mut seen: HashMap<String, FieldPath> = HashMap::new();
    let mut out = Vec::new();
    for (path, v) in root.array("annotations")? {
        let o = json::obj(v, &path)?;
        let a = read_annotation(&o, doc, &speakers)?;
        if let Some(first) = seen.insert(a.id.0.clone(), path.clone()) {
            return Err(o.error_at("id", format!("duplicate id {:?} (also used by {first})", a.id.0)));
        }
        out.push(a);
    }
    Ok(out)
}

fn read_annotation(o: &Obj, doc: &Document, speakers: &HashSet<&str>) -> Result<Annotation, ImportError> {
    let id = AnnotationId(non_empty_id(o)?);
    let kind = o.choice("kind", AnnotationKind::NAMES, AnnotationKind::parse)?;
    let quote_type = match o.get_opt("quote_type") {
        None => None,
        Some(_) => Some(o.choice("quote_type", QuoteType::NAMES, QuoteType::parse)?),
    };
    match (kind, quote_type) {
        (AnnotationKind::Quote, None) => {
            return Err(o.error_at("quote_type", "a quote needs a quote type: direct, indirect or mixed"))
        }
        (AnnotationKind::Claim, Some(_)) => return Err(o.error_at("quote_type", "must be null for a claim")),
        _ => {}
    }
    let mut fragments = Vec::new();
    for (path, v) in o.array("fragments")? {
        fragments.push(read_span(&json::obj(v, &path)?, doc)?);
    }
    if let Some(m) = fragments_problem(&fragments) {
        return Err(o.error_at("fragments", m));
    }
    let optional_span = |key: &str| match o.get_opt(key) {
        None => Ok(None),
        Some(v) => read_span(&json::obj(v, &o.path_of(key))?, doc).map(Some),
    };
    let (cue, source_mention) = (optional_span("cue")?, optional_span("source_mention")?);
    let speaker = o.opt_str("speaker")?.map(|s| SpeakerId(s.to_owned()));
    if let Some(s) = &speaker {
        if !speakers.contains(s.0.as_str()) {
            return Err(o.error_at("speaker", format!("no speaker has id {:?}", s.0)));
        }
    }
    let stance = o.opt_str("stance")?.map(StanceId::from);
    if let Some(s) = &stance {
        if doc.schema.stance(s).is_none() {
            return Err(o.error_at("stance", format!("{:?} is not a stance value of the schema", s.as_str())));
        }
    }
    let target = o.opt_str("target")?.map(TargetId::from);
    if let Some(t) = &target {
        if doc.schema.target(t).is_none() {
            return Err(o.error_at("target", format!("{:?} is not a target of the schema", t.as_str())));
        }
    }
    Ok(Annotation {
        id,
        kind,
        quote_type,
        fragments,
        cue,
        source_mention,
        speaker,
        stance,
        target,
        note: o.str("note")?.to_owned(),
        created_by: o.str("created_by")?.to_owned(),
        created_at: o.str("created_at")?.to_owned(),
        origin: o.choice("origin", Origin::NAMES, Origin::parse)?,
        rule: o.opt_str("rule")?.map(str::to_owned),
        agreed_by: read_agreed_by(o)?,
    })
}

/// A span `{start, end, text, context_before?, context_after?}`: the offsets must be inside
/// the text and the stored text must be what they point at, which catches offsets written in
/// another unit (UTF-16, bytes) by another tool.
fn read_span(o: &Obj, doc: &Document) -> Result<Span, ImportError> {
    let (start, end) = (o.index("start")?, o.index("end")?);
    let ix = doc.text_index();
    let n = ix.cp_len();
    if end > n {
        return Err(o.error_at("end", format!("{end} is past the end of the text ({n} code points)")));
    }
    if start > end {
        return Err(o.error_at("start", format!("{start} is after the end {end}")));
    }
    let span = Span::new(start, end);
    let stored = o.str("text")?;
    let actual = ix.slice(span);
    if stored != actual {
        return Err(o.error_at(
            "text",
            format!("{} does not match the text at {span}, which is {}", quoted(stored), quoted(actual)),
        ));
    }
    if let Some(m) = span_problem(doc, span) {
        return Err(FieldError::new(&o.path, m));
    }
    if let Some(before) = o.opt_str("context_before")? {
        if !anchor::agrees_before(ix, span, before) {
            return Err(o.error_at("context_before", "does not match the text before the span"));
        }
    }
    if let Some(after) = o.opt_str("context_after")? {
        if !anchor::agrees_after(ix, span, after) {
            return Err(o.error_at("context_after", "does not match the text after the span"));
        }
    }
    Ok(span)
}

fn non_empty_id(o: &Obj) -> Result<String, ImportError> {
    let id = o.str("id")?;
    if id.trim().is_empty() {
        return Err(o.error_at("id", "must not be empty"));
    }
    Ok(id.to_owned())
}

/// A string for a message, shortened so that a paragraph-long span stays readable.
fn quoted(s: &str) -> String {
    if s.chars().count() <= 60 {
        return format!("{s:?}");
    }
    let head: String = s.chars().take(57).collect();
    format!("{:?}", head + "...")
}

pub(crate) fn read_next_ids(o: &Obj) -> Result<NextIds, ImportError> {
    Ok(NextIds { annotation: o.index("annotation")? as u64, speaker: o.index("speaker")? as u64 })
}

/// For a file without `next_ids` (hand-written or from another tool): go on after the
/// highest `aN` and `sN` in use.
fn derived_next_ids(doc: &Document) -> NextIds {
    let after = |ids: Vec<&str>, prefix: char| {
        ids.iter().filter_map(|id| id.strip_prefix(prefix)?.parse::<u64>().ok()).max().map_or(1, |n| n + 1)
    };
    NextIds {
        annotation: after(doc.annotations.iter().map(|a| a.id.0.as_str()).collect(), 'a'),
        speaker: after(doc.speakers.iter().map(|s| s.id.0.as_str()).collect(), 's'),
    }
}
