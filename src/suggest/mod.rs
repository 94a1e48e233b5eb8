//! Suggestions: quotes, cues and speakers found in an article by rules, offline, in Rust, so
//! they run in the page as fast as natively. Nothing here touches the browser; the app shows
//! the suggestions and turns an accepted one into ordinary annotations with [`accept_action`].
//!
//! The pipeline, one file per step: `marks` pairs quotation marks, `tokens` cuts paragraphs
//! into words, quotes and sentences, `cues` holds the reporting lexicon (`cues.txt`),
//! `mention` finds the source mention beside a cue, `attribution` reads "QUOTE, he said",
//! "He said (that) CLAUSE" and interrupted quotes, `indirect` reads "according to", `direct`
//! carries a speaker over to quotes that stand alone, and `speakers` groups mentions into
//! speakers. `score` measures suggestions against gold annotations (see `stancemark eval`).

mod attribution;
mod cues;
mod direct;
pub mod gold;
mod indirect;
mod marks;
mod mention;
pub mod names;
mod preannotate;
pub mod score;
mod speakers;
mod tokens;

use crate::model::action::Action;
use crate::model::annotation::{AnnotationKind, Origin, QuoteType};
use crate::model::coverage::Coverage;
use crate::model::document::Document;
use crate::model::speaker::{Speaker, SpeakerId, SpeakerKind};
use crate::model::text::Span;

use std::collections::BTreeMap;

use crate::model::sort;
use attribution::Found;
pub use preannotate::preannotate;
use tokens::Parsed;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suggestions {
    /// In text order, fragments of different suggestions never overlap.
    pub items: Vec<Suggestion>,
    /// Speakers the suggestions refer to that the document does not have yet.
    pub new_speakers: Vec<NewSpeaker>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub quote_type: QuoteType,
    /// Code-point spans, sorted and non-overlapping; "A," he said, "B." has two.
    pub fragments: Vec<Span>,
    pub cue: Option<Span>,
    pub source_mention: Option<Span>,
    pub speaker: Option<SpeakerRef>,
    /// How sure the rule is, 0.0 to 1.0: a quote with a cue next to it ranks above a
    /// paraphrase, and a quote that stands alone below both.
    pub confidence: f32,
    /// Which rule produced it, a stable id such as `direct.cue_after` or `according_to`.
    pub rule: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeakerRef {
    Existing(SpeakerId),
    /// An index into [`Suggestions::new_speakers`].
    New(usize),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSpeaker {
    pub name: String,
    pub kind: SpeakerKind,
    pub role: Option<String>,
    /// Other names the article uses for them ("Peskov" for "Dmitry Peskov"); no pronouns.
    pub aliases: Vec<String>,
}

impl NewSpeaker {
    /// The speaker among `speakers` this one is, once accepted: one that answers to any of
    /// its names. Accepting and the suggestion's card both ask this.
    pub fn known_in<'s>(&self, speakers: &'s [Speaker]) -> Option<&'s Speaker> {
        let names = std::iter::once(&self.name).chain(&self.aliases);
        speakers.iter().find(|sp| names.clone().any(|n| sp.answers_to(n)))
    }
}

/// Suggests quotes for the document's text. Text already covered by a quote annotation gets
/// no suggestion, and speakers the document has are reused (matched by name or alias).
pub fn suggest(doc: &Document) -> Suggestions {
    let p = Parsed::new(doc.text());
    let mut found: Vec<(Found, Option<usize>)> = Vec::new();
    let mut resolver = speakers::Resolver::default();
    // The last speaker quoted (if resolved) and in which paragraph, for quotes that stand alone.
    let mut last: Option<(Option<usize>, usize)> = None;
    for &s in &p.sentences {
        let mut here = attribution::sentence(&p, s);
        if here.is_empty() {
            here.extend(indirect::according_to(&p, s));
        }
        if here.is_empty() {
            let carried = last.filter(|&(_, para)| s.para <= para + direct::CARRY_PARAGRAPHS);
            if let (Some(f), Some((g, _))) = (direct::floating(&p, s), carried) {
                found.push((f, g));
                last = Some((g, s.para));
            }
            continue;
        }
        for f in here {
            let group = f.mention.and_then(|m| {
                let text = mention::text(&p, m);
                // The text before the mention, borrowed: copying it for every mention would make
                // a long article's suggestions quadratic.
                let context = &doc.text()[..doc.text_index().cp_to_byte(p.toks[m.0].start)];
                resolver.resolve(&text, context)
            });
            last = Some((group, s.para));
            found.push((f, group));
        }
    }
    let (refs, new_speakers) = resolver.finish(&doc.speakers);
    let taken = Coverage::of_kind(&doc.annotations, AnnotationKind::Quote);
    // Fragments already kept, disjoint, by start: each candidate is checked against its
    // neighbours in O(log n) rather than against every suggestion before it.
    let mut kept: BTreeMap<usize, usize> = BTreeMap::new();
    let clashes =
        |kept: &BTreeMap<usize, usize>, f: Span| kept.range(..f.end).next_back().is_some_and(|(_, &end)| end > f.start);
    let mut items: Vec<Suggestion> = Vec::new();
    let ix = doc.text_index();
    // Every span on whole characters: a closing mark followed by a combining accent takes the accent along.
    let snap = |span: Span| ix.snap_to_graphemes(span);
    for (f, group) in found {
        let mut fragments: Vec<Span> = f.fragments.iter().map(|&x| snap(x)).collect();
        // Snapping may make two fragments of one quote meet; they stay sorted, so merge any that overlap.
        fragments.dedup_by(|b, a| {
            let joined = b.start < a.end;
            if joined {
                a.end = a.end.max(b.end);
            }
            joined
        });
        if fragments.iter().any(|&x| taken.overlaps(x) || clashes(&kept, x)) {
            continue;
        }
        kept.extend(fragments.iter().map(|x| (x.start, x.end)));
        items.push(Suggestion {
            quote_type: f.quote_type,
            fragments,
            cue: f.cue.map(snap),
            source_mention: f.mention.map(|m| snap(Span::new(p.toks[m.0].start, p.toks[m.1].end))),
            speaker: group.map(|g| refs[g].clone()),
            confidence: f.confidence,
            rule: f.rule,
        });
    }
    sort::sort_by_key(&mut items, |s| s.fragments[0].start);
    Suggestions { items, new_speakers }
}

/// The one action that accepts `s`: create the quote (origin suggestion), add its other
/// fragments, set its cue and mention, and set its speaker, adding the speaker first when it
/// is new and no speaker of the document answers to its name or aliases yet. Accepting two
/// suggestions of the same new person therefore creates one speaker.
pub fn accept_action(doc: &Document, s: &Suggestion, new_speakers: &[NewSpeaker], author: &str, at: &str) -> Action {
    let id = doc.peek_annotation_id();
    let mut actions = vec![Action::CreateAnnotation {
        kind: AnnotationKind::Quote,
        quote_type: Some(s.quote_type),
        span: s.fragments[0],
        author: author.to_owned(),
        at: at.to_owned(),
        origin: Origin::Suggestion,
        rule: Some(s.rule.to_owned()),
    }];
    actions.extend(s.fragments[1..].iter().map(|&span| Action::AddFragment { id: id.clone(), span }));
    if s.cue.is_some() {
        actions.push(Action::SetCue { id: id.clone(), span: s.cue });
    }
    if s.source_mention.is_some() {
        actions.push(Action::SetSourceMention { id: id.clone(), span: s.source_mention });
    }
    let speaker = match &s.speaker {
        None => None,
        Some(SpeakerRef::Existing(sid)) => Some(sid.clone()),
        Some(SpeakerRef::New(i)) => new_speakers.get(*i).map(|ns| match ns.known_in(&doc.speakers) {
            Some(sp) => sp.id.clone(),
            None => {
                let sid = doc.peek_speaker_id();
                actions.push(Action::AddSpeaker { name: ns.name.clone(), kind: ns.kind, role: ns.role.clone() });
                let mut added: Vec<&String> = vec![&ns.name];
                for alias in &ns.aliases {
                    if !added.iter().any(|a| crate::model::speaker::same(a, alias)) {
                        added.push(alias);
                        actions.push(Action::AddAlias { id: sid.clone(), alias: alias.clone() });
                    }
                }
                sid
            }
        }),
    };
    if speaker.is_some() {
        actions.push(Action::SetSpeaker { id, speaker });
    }
    Action::Batch { actions }
}
