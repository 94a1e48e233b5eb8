//! Suggestions a person turned down. They are part of the document, so running the suggester
//! again (after a reload, or in another session) does not bring them back, and a dataset can
//! count which rules people rejected.

use super::text::Span;

/// A rejected suggestion, known by its fragments: the same rule finding the same words again
/// is the same suggestion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RejectedSuggestion {
    pub fragments: Vec<Span>,
    /// The rule that made it ("direct.cue_after").
    pub rule: String,
}
