//! The save journal: instead of writing the whole document (megabytes, with thousands of
//! annotations) after every edit, the app appends the edit's changes, one JSON line per step,
//! and writes the whole document (the base) only now and then, when the tab is idle.
//!
//! The journal's first line names the base it applies to by the SHA-256 of the base's stored
//! text. Writing a new base and then starting a new journal are two writes; if the tab dies
//! between them, the old journal names the old base, so on reload it is known to be already
//! inside the new base and is dropped. Nothing is lost and nothing is applied twice. The same
//! layout works record by record in IndexedDB: a base record and journal records that name it.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::change::Change;
use super::document::{Document, NextIds};
use super::export::{AnnotationOut, RejectionOut};
use super::import::{read_annotation_in, read_next_ids, read_rejection, read_speaker};
use super::json::{self, FieldError, FieldPath, Obj};
use super::schema::{read_target, Target};
use super::speaker::Speaker;
use super::text::TextIndex;

#[derive(Serialize, Deserialize)]
struct Header {
    base_sha256: String,
}

/// The first line of a journal for the base stored as `base` (ends with a newline).
pub fn header(base: &str) -> String {
    let header = Header { base_sha256: sha256_hex(base) };
    serde_json::to_string(&header).expect("plain data serialises") + "\n"
}

/// One change as a journal line holds it. Annotations, speakers and targets are written as the
/// document JSON writes them and read back with the importer's readers, so the journal adds
/// no format of its own and every step is checked like an import.
// Short-lived, one per change being written: boxing the large variants would only add allocations.
#[allow(clippy::large_enum_variant)]
#[derive(Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum ChangeOut<'a> {
    InsertAnnotation { annotation: AnnotationOut<'a> },
    RemoveAnnotation { annotation: AnnotationOut<'a> },
    ReplaceAnnotation { before: AnnotationOut<'a>, after: AnnotationOut<'a> },
    InsertSpeaker { at: usize, speaker: &'a Speaker },
    RemoveSpeaker { at: usize, speaker: &'a Speaker },
    ReplaceSpeaker { before: &'a Speaker, after: &'a Speaker },
    InsertTarget { at: usize, target: &'a Target },
    RemoveTarget { at: usize, target: &'a Target },
    ReplaceTarget { before: &'a Target, after: &'a Target },
    NextIds { before: NextIds, after: NextIds },
    InsertRejection { rejection: RejectionOut<'a> },
    RemoveRejection { rejection: RejectionOut<'a> },
}

impl<'a> ChangeOut<'a> {
    fn new(ix: &'a TextIndex, change: &'a Change) -> ChangeOut<'a> {
        let annotation = |a| AnnotationOut::new(ix, a);
        match change {
            Change::InsertAnnotation(a) => ChangeOut::InsertAnnotation { annotation: annotation(a) },
            Change::RemoveAnnotation(a) => ChangeOut::RemoveAnnotation { annotation: annotation(a) },
            Change::ReplaceAnnotation { before, after } => {
                ChangeOut::ReplaceAnnotation { before: annotation(before), after: annotation(after) }
            }
            Change::InsertSpeaker { at, speaker } => ChangeOut::InsertSpeaker { at: *at, speaker },
            Change::RemoveSpeaker { at, speaker } => ChangeOut::RemoveSpeaker { at: *at, speaker },
            Change::ReplaceSpeaker { before, after } => ChangeOut::ReplaceSpeaker { before, after },
            Change::InsertTarget { at, target } => ChangeOut::InsertTarget { at: *at, target },
            Change::RemoveTarget { at, target } => ChangeOut::RemoveTarget { at: *at, target },
            Change::ReplaceTarget { before, after } => ChangeOut::ReplaceTarget { before, after },
            Change::NextIds { before, after } => ChangeOut::NextIds { before: *before, after: *after },
            Change::InsertRejection(r) => ChangeOut::InsertRejection { rejection: RejectionOut::new(ix, r) },
            Change::RemoveRejection(r) => ChangeOut::RemoveRejection { rejection: RejectionOut::new(ix, r) },
        }
    }
}

/// One journal line: the changes of one step (an action, an undo or a redo), in order.
pub(crate) fn step_line(ix: &TextIndex, changes: &[Change]) -> String {
    let out: Vec<ChangeOut> = changes.iter().map(|change| ChangeOut::new(ix, change)).collect();
    serde_json::to_string(&out).expect("plain data serialises") + "\n"
}

/// Reads one change of a step, checked against `doc` as the step's earlier changes left it.
fn read_change(o: &Obj, doc: &Document) -> Result<Change, FieldError> {
    let annotation = |key| read_annotation_in(&o.obj(key)?, doc);
    let speaker = |key| read_speaker(&o.obj(key)?);
    let target = |key| read_target(&o.obj(key)?);
    let next_ids = |key| read_next_ids(&o.obj(key)?);
    let op = o.str("op")?;
    Ok(match op {
        "insert_annotation" => Change::InsertAnnotation(annotation("annotation")?),
        "remove_annotation" => Change::RemoveAnnotation(annotation("annotation")?),
        "replace_annotation" => {
            Change::ReplaceAnnotation { before: annotation("before")?, after: annotation("after")? }
        }
        "insert_speaker" => Change::InsertSpeaker { at: o.index("at")?, speaker: speaker("speaker")? },
        "remove_speaker" => Change::RemoveSpeaker { at: o.index("at")?, speaker: speaker("speaker")? },
        "replace_speaker" => Change::ReplaceSpeaker { before: speaker("before")?, after: speaker("after")? },
        "insert_target" => Change::InsertTarget { at: o.index("at")?, target: target("target")? },
        "remove_target" => Change::RemoveTarget { at: o.index("at")?, target: target("target")? },
        "replace_target" => Change::ReplaceTarget { before: target("before")?, after: target("after")? },
        "next_ids" => Change::NextIds { before: next_ids("before")?, after: next_ids("after")? },
        "insert_rejection" => Change::InsertRejection(read_rejection(&o.obj("rejection")?, doc)?),
        "remove_rejection" => Change::RemoveRejection(read_rejection(&o.obj("rejection")?, doc)?),
        other => return Err(o.error_at("op", format!("{other:?} is not a change the journal knows"))),
    })
}

/// Reads and applies one step, change by change (a later change may name what an earlier one
/// made, such as a new speaker). On an error `doc` may hold part of the step: [`replay`]
/// restores the base.
fn apply_step(doc: &mut Document, step: &Value) -> Result<(), String> {
    let changes = json::array(step, &FieldPath::root()).map_err(|error| format!("is not a readable step ({error})"))?;
    for (path, value) in changes {
        let change = json::obj(value, &path)
            .and_then(|o| read_change(&o, doc).map_err(|e| e.under(&path)))
            .map_err(|error| format!("is not a readable step ({error})"))?;
        if !change.fits(doc) {
            return Err("does not fit the saved document".to_owned());
        }
        change.apply(doc);
    }
    Ok(())
}

fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// What replaying a journal did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replayed {
    /// This many steps were applied on top of the base.
    Steps(usize),
    /// The journal belongs to an earlier base, which already holds its steps: drop it.
    Superseded,
}

/// Why a journal could not be replayed; the document is left as the base had it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JournalError {
    /// 1-based line of the journal.
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for JournalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {} of the save journal {}", self.line, self.message)
    }
}

/// Applies the steps of `journal` to `doc`, which was read from `base` (its stored text).
/// All or nothing: on an error `doc` is as it was. An empty journal (or only whitespace) has
/// no steps; the caller should start one that names the base.
pub fn replay(doc: &mut Document, base: &str, journal: &str) -> Result<Replayed, JournalError> {
    let mut lines = journal.lines().enumerate().filter(|(_, line)| !line.trim().is_empty());
    let Some((_, first)) = lines.next() else { return Ok(Replayed::Steps(0)) };
    let header: Header = serde_json::from_str(first)
        .map_err(|error| JournalError { line: 1, message: format!("has no readable header ({error})") })?;
    if header.base_sha256 != sha256_hex(base) {
        return Ok(Replayed::Superseded);
    }
    replay_steps(doc, lines.map(|(index, line)| (index + 1, line))).map(Replayed::Steps)
}

/// Applies step lines, each with its line number for messages, to `doc`; the number applied.
/// All or nothing, as [`replay`]. This is the whole replay where steps are stored as records
/// after a base that the store keeps in step with them (IndexedDB writes both in one
/// transaction), so no header is needed to tell an old journal from a new one.
pub fn replay_steps<'a>(
    doc: &mut Document,
    lines: impl IntoIterator<Item = (usize, &'a str)>,
) -> Result<usize, JournalError> {
    let mut lines = lines.into_iter().peekable();
    if lines.peek().is_none() {
        // Nothing to apply: no copy to keep, no invariants to check again.
        return Ok(0);
    }
    let before = doc.clone();
    let (mut steps, mut last_line) = (0, 1);
    for (line_number, line) in lines {
        last_line = line_number;
        let step = json::parse(line).map_err(|error| error.to_string()).and_then(|step| apply_step(doc, &step));
        if let Err(message) = step {
            *doc = before;
            return Err(JournalError { line: line_number, message });
        }
        steps += 1;
    }
    // Each change was checked to fit; the invariants are checked once, for the whole replay.
    if let Err(problem) = doc.check_invariants() {
        *doc = before;
        return Err(JournalError { line: last_line, message: format!("leaves a broken document: {problem}") });
    }
    Ok(steps)
}
