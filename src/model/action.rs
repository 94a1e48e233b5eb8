//! Every change to a document is one of these actions. The UI dispatches them, the reducer
//! ([`super::reducer`]) checks and applies them, and the history undoes them.

use serde::{Deserialize, Serialize};

use super::annotation::{AnnotationId, AnnotationKind, Origin, QuoteType};
use super::ids::{StanceId, TargetId};
use super::speaker::{SpeakerId, SpeakerKind};
use super::text::Span;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Action {
    /// A quote without a quote type becomes a direct quote; a claim must not have one.
    CreateAnnotation {
        kind: AnnotationKind,
        quote_type: Option<QuoteType>,
        span: Span,
        author: String,
        at: String,
        origin: Origin,
        /// The suggestion rule, when accepted from a suggestion. Journals written before the
        /// field existed have none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        rule: Option<String>,
    },
    AddFragment {
        id: AnnotationId,
        span: Span,
    },
    /// Refused for the last fragment: delete the annotation instead.
    RemoveFragment {
        id: AnnotationId,
        index: usize,
    },
    /// Moves a fragment's boundaries; fragments are re-sorted afterwards.
    SetFragment {
        id: AnnotationId,
        index: usize,
        span: Span,
    },
    SetCue {
        id: AnnotationId,
        span: Option<Span>,
    },
    SetSourceMention {
        id: AnnotationId,
        span: Option<Span>,
    },
    /// To a quote: the quote type becomes direct. To a claim: the quote type is cleared.
    SetKind {
        id: AnnotationId,
        kind: AnnotationKind,
    },
    SetQuoteType {
        id: AnnotationId,
        quote_type: QuoteType,
    },
    SetSpeaker {
        id: AnnotationId,
        speaker: Option<SpeakerId>,
    },
    SetStance {
        id: AnnotationId,
        stance: Option<StanceId>,
    },
    SetTarget {
        id: AnnotationId,
        target: Option<TargetId>,
    },
    SetNote {
        id: AnnotationId,
        note: String,
    },
    DeleteAnnotation {
        id: AnnotationId,
    },
    /// Records which annotators had this annotation (adjudication); sorted and deduplicated.
    SetAgreedBy {
        id: AnnotationId,
        annotators: Vec<String>,
    },
    AddSpeaker {
        name: String,
        kind: SpeakerKind,
        role: Option<String>,
    },
    RenameSpeaker {
        id: SpeakerId,
        name: String,
    },
    AddAlias {
        id: SpeakerId,
        alias: String,
    },
    RemoveAlias {
        id: SpeakerId,
        alias: String,
    },
    SetSpeakerKind {
        id: SpeakerId,
        kind: SpeakerKind,
    },
    SetSpeakerRole {
        id: SpeakerId,
        role: Option<String>,
    },
    SetSpeakerWikidata {
        id: SpeakerId,
        wikidata: Option<String>,
    },
    /// Repoints `absorb`'s annotations to `keep`; `absorb`'s name and aliases become aliases
    /// of `keep`, and its role and Wikidata id fill `keep`'s if those are empty.
    MergeSpeakers {
        keep: SpeakerId,
        absorb: SpeakerId,
    },
    /// Refused while an annotation names the speaker.
    RemoveSpeaker {
        id: SpeakerId,
    },
    AddTarget {
        label: String,
    },
    RenameTarget {
        id: TargetId,
        label: String,
    },
    /// Refused while an annotation takes a stance toward the target.
    RemoveTarget {
        id: TargetId,
    },
    /// Remembers that the person turned a suggestion down. Refused when it already is.
    RejectSuggestion {
        fragments: Vec<Span>,
        rule: String,
    },
    /// Several actions as one: all apply or none does, and one undo reverts them all (e.g.
    /// accepting a suggestion creates a quote and sets its speaker and cue). An action in a
    /// batch may refer to an annotation created earlier in it by the id
    /// [`super::document::Document::peek_annotation_id`] predicts.
    Batch {
        actions: Vec<Action>,
    },
}

impl Action {
    /// A short description for "Undo …" / "Redo …" labels.
    pub fn describe(&self) -> String {
        use Action::*;
        match self {
            CreateAnnotation { kind, .. } => format!("create {}", kind.as_str()),
            AddFragment { .. } => "add fragment".into(),
            RemoveFragment { .. } => "remove fragment".into(),
            SetFragment { .. } => "move fragment boundary".into(),
            SetCue { .. } => "set cue".into(),
            SetSourceMention { .. } => "set source mention".into(),
            SetKind { kind, .. } => format!("make {}", kind.as_str()),
            SetQuoteType { quote_type, .. } => format!("make {} quote", quote_type.as_str()),
            SetSpeaker { .. } => "set speaker".into(),
            SetStance { .. } => "set stance".into(),
            SetTarget { .. } => "set target".into(),
            SetNote { .. } => "edit note".into(),
            DeleteAnnotation { .. } => "delete annotation".into(),
            AddSpeaker { name, .. } => format!("add speaker {name}"),
            RenameSpeaker { .. } => "rename speaker".into(),
            AddAlias { .. } => "add alias".into(),
            RemoveAlias { .. } => "remove alias".into(),
            SetSpeakerKind { .. } => "set speaker kind".into(),
            SetSpeakerRole { .. } => "set speaker role".into(),
            SetSpeakerWikidata { .. } => "set Wikidata id".into(),
            MergeSpeakers { .. } => "merge speakers".into(),
            RemoveSpeaker { .. } => "remove speaker".into(),
            AddTarget { label } => format!("add target {label}"),
            RenameTarget { .. } => "rename target".into(),
            RemoveTarget { .. } => "remove target".into(),
            RejectSuggestion { .. } => "reject suggestion".into(),
            SetAgreedBy { .. } => "record who agreed".into(),
            Batch { actions } => match actions.first() {
                Some(first) if actions.len() == 1 => first.describe(),
                Some(first) => format!("{} and {} more", first.describe(), actions.len() - 1),
                None => "nothing".into(),
            },
        }
    }
}

/// Why an action was refused, for the user. A refused action changes nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

/// What an applied action created, so the UI can select it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub created_annotation: Option<AnnotationId>,
    pub created_speaker: Option<SpeakerId>,
    pub created_target: Option<TargetId>,
}
