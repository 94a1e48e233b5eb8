//! Quotes and claims: one or more fragments of text, optionally a cue ("said") and a source
//! mention ("Kremlin spokesman Dmitry Peskov"), and what they say about whom toward what.

use serde::{Deserialize, Serialize};

use super::ids::{SpeakerId, StanceId, TargetId};
use super::text::Span;

pub use super::ids::AnnotationId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnnotationKind {
    Quote,
    Claim,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteType {
    Direct,
    Indirect,
    Mixed,
}

/// Whether a person made the annotation or accepted it from a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Manual,
    Suggestion,
}

impl AnnotationKind {
    pub const NAMES: &'static [&'static str] = &["quote", "claim"];
    pub fn as_str(self) -> &'static str {
        match self {
            AnnotationKind::Quote => "quote",
            AnnotationKind::Claim => "claim",
        }
    }
    pub fn parse(s: &str) -> Option<AnnotationKind> {
        [AnnotationKind::Quote, AnnotationKind::Claim].into_iter().find(|k| k.as_str() == s)
    }
}

impl QuoteType {
    pub const NAMES: &'static [&'static str] = &["direct", "indirect", "mixed"];
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteType::Direct => "direct",
            QuoteType::Indirect => "indirect",
            QuoteType::Mixed => "mixed",
        }
    }
    pub fn parse(s: &str) -> Option<QuoteType> {
        [QuoteType::Direct, QuoteType::Indirect, QuoteType::Mixed].into_iter().find(|k| k.as_str() == s)
    }
}

impl Origin {
    pub const NAMES: &'static [&'static str] = &["manual", "suggestion"];
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Manual => "manual",
            Origin::Suggestion => "suggestion",
        }
    }
    pub fn parse(s: &str) -> Option<Origin> {
        [Origin::Manual, Origin::Suggestion].into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: AnnotationId,
    pub kind: AnnotationKind,
    /// `Some` exactly when `kind` is `Quote`.
    pub quote_type: Option<QuoteType>,
    /// At least one; sorted and non-overlapping (a quote interrupted by "he said" has two).
    pub fragments: Vec<Span>,
    /// The reporting words: "said", "told reporters", "according to".
    pub cue: Option<Span>,
    /// The words naming the speaker: "Kremlin spokesman Dmitry Peskov", "he".
    pub source_mention: Option<Span>,
    pub speaker: Option<SpeakerId>,
    /// A stance value id from the schema.
    pub stance: Option<StanceId>,
    /// A target id from the schema.
    pub target: Option<TargetId>,
    pub note: String,
    pub created_by: String,
    /// RFC 3339, as given by the caller (the model has no clock).
    pub created_at: String,
    pub origin: Origin,
    /// The suggestion rule it was accepted from ("direct.cue_after"), so a dataset can tell
    /// which rules people kept; `None` for annotations made by hand.
    pub rule: Option<String>,
    /// In a gold document made by adjudication: the annotators who had this annotation
    /// (their names, sorted). Empty otherwise.
    pub agreed_by: Vec<String>,
}

impl Annotation {
    /// A manual annotation over `fragments`, with nothing else set yet: what the reducer
    /// creates, and what tests and benchmarks start from. New fields get their empty value
    /// here, in one place.
    pub fn new(
        id: AnnotationId,
        kind: AnnotationKind,
        quote_type: Option<QuoteType>,
        fragments: Vec<Span>,
        created_by: impl Into<String>,
        created_at: impl Into<String>,
    ) -> Annotation {
        Annotation {
            id,
            kind,
            quote_type,
            fragments,
            cue: None,
            source_mention: None,
            speaker: None,
            stance: None,
            target: None,
            note: String::new(),
            created_by: created_by.into(),
            created_at: created_at.into(),
            origin: Origin::Manual,
            rule: None,
            agreed_by: Vec::new(),
        }
    }

    /// Where the annotation starts in the text; annotations are kept ordered by it.
    pub fn first_start(&self) -> usize {
        self.fragments.first().map_or(0, |f| f.start)
    }

    /// Where the last fragment ends.
    pub fn last_end(&self) -> usize {
        self.fragments.last().map_or(0, |f| f.end)
    }

    /// The key that orders annotations in a document: text position, then longer first (so an
    /// enclosing quote comes before the claim nested in it), then id for a total order.
    pub fn order_key(&self) -> (usize, std::cmp::Reverse<usize>, &str) {
        (self.first_start(), std::cmp::Reverse(self.last_end()), &self.id.0)
    }

    /// Every span with a name for messages: `fragments[0]`, `cue`, `source_mention`.
    pub fn named_spans(&self) -> Vec<(String, Span)> {
        let mut out: Vec<(String, Span)> =
            self.fragments.iter().enumerate().map(|(i, s)| (format!("fragments[{i}]"), *s)).collect();
        out.extend(self.cue.map(|s| ("cue".to_owned(), s)));
        out.extend(self.source_mention.map(|s| ("source_mention".to_owned(), s)));
        out
    }
}
