//! The labels compared on matched spans, and each annotation's value for them. A value is
//! missing (`None`) when the annotator gave none: such an annotation takes no part in that
//! label's κ and α, as Krippendorff's missing data (leaving a stance empty is not an opinion
//! about the stance). The Compare view, which asks what to adjudicate, treats an empty value as
//! differing from a set one instead (see `disagreements`).

use super::speakers::SpeakerIdentity;
use crate::model::annotation::Annotation;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Label {
    QuoteType,
    Speaker,
    Stance,
    Target,
    /// Whether the annotation has a cue: never missing.
    Cue,
}

impl Label {
    pub const ALL: [Label; 5] = [Label::QuoteType, Label::Speaker, Label::Stance, Label::Target, Label::Cue];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::QuoteType => "quote_type",
            Label::Speaker => "speaker",
            Label::Stance => "stance",
            Label::Target => "target",
            Label::Cue => "cue",
        }
    }
}

/// The value of `label` for annotator `annotator`'s annotation `a`. Speakers are compared by
/// identity across annotators, the rest by id (stance and target ids come from the schema,
/// which annotators of one project share).
pub fn value(label: Label, a: &Annotation, annotator: usize, speakers: &SpeakerIdentity) -> Option<String> {
    match label {
        Label::QuoteType => a.quote_type.map(|t| t.as_str().to_owned()),
        Label::Speaker => a.speaker.as_ref().and_then(|s| speakers.of(annotator, s)).map(|i| format!("#{i}")),
        Label::Stance => a.stance.as_ref().map(|s| s.0.clone()),
        Label::Target => a.target.as_ref().map(|t| t.0.clone()),
        Label::Cue => Some(if a.cue.is_some() { "cue" } else { "no cue" }.to_owned()),
    }
}

/// How many labels two annotators' annotations agree on (missing equals missing): breaks ties
/// between equally overlapping candidates, so duplicates pair with their like.
pub fn agreements(a: (&Annotation, usize), b: (&Annotation, usize), speakers: &SpeakerIdentity) -> usize {
    Label::ALL.iter().filter(|l| value(**l, a.0, a.1, speakers) == value(**l, b.0, b.1, speakers)).count()
}
