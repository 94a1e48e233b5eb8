//! The suggestions on the open article: what the suggester found, less what the person has
//! since accepted, rejected or annotated, and which one is current. Pure, kept by the session.
//!
//! The suggester's list is kept whole and the open ones are worked out again from it after
//! every edit, so undoing an accept or a reject brings its ghost back. That costs one pass over
//! the suggestions, each looked up among the annotations near it: proportional to the
//! suggestions, never to the text.

use std::collections::HashSet;
use std::rc::Rc;

use crate::model::action::Action;
use crate::model::annotation::AnnotationKind;
use crate::model::batch::BatchPlan;
use crate::model::coverage::Coverage;
use crate::model::document::Document;
use crate::model::sequence;
use crate::model::speaker::SpeakerId;
use crate::model::text::Span;
use crate::suggest::{self, SpeakerRef, Suggestion, Suggestions};

/// Who an accepted suggestion is attributed to, when the person changed it before accepting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeakerChoice {
    /// The speaker the suggester proposed (an existing one, or a new one it names).
    Suggested,
    Existing(SpeakerId),
    Nobody,
}

/// What a ghost highlight marks: the quote's words, or (for the current one) its cue or source.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GhostRole {
    Fragment,
    Cue,
    Mention,
}

/// One span of an open suggestion, for the article's highlights.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Ghost {
    pub span: Span,
    pub role: GhostRole,
    /// Index into the suggester's list: what a click on it makes current.
    pub index: usize,
    pub current: bool,
    pub first_fragment: bool,
}

#[derive(Default)]
pub struct Suggested {
    found: Rc<Suggestions>,
    /// Whether the suggester ran on this article (an empty list then means it found nothing).
    ran: bool,
    /// Indices into `found.items` still open, in text order.
    open: Vec<usize>,
    current: Option<usize>,
    /// The person's speaker for a suggestion, by index, when not the suggested one.
    choices: Vec<(usize, SpeakerChoice)>,
    /// Changes whenever what the page shows of the suggestions changes.
    revision: u64,
    /// The ghosts for that revision, shared with every [`crate::view::segments::Focus`].
    ghosts: Rc<Vec<Ghost>>,
}

impl Suggested {
    /// Runs the suggester on `doc` and makes the first open suggestion current.
    pub fn run(&mut self, doc: &Document) {
        // The suggester lists them in text order, so the ghosts, the list and ] / [ agree.
        let found = suggest::suggest(doc);
        *self = Suggested { found: Rc::new(found), ran: true, ..Suggested::default() };
        self.sync(doc);
        self.current = self.open.first().copied();
        self.changed();
    }

    /// Forgets the suggestions (hidden, or another article opened).
    pub fn clear(&mut self) {
        *self = Suggested::default();
        self.changed();
    }

    /// Works out the open suggestions again after `doc` changed. The current one stays current
    /// while it is open; when it was accepted or rejected, the next open one takes its place.
    pub fn sync(&mut self, doc: &Document) {
        if self.found.items.is_empty() && self.open.is_empty() {
            return;
        }
        let closed = Closed::of(doc);
        let open: Vec<usize> = (0..self.found.items.len()).filter(|&i| !closed.closes(&self.found.items[i])).collect();
        let current = match self.current {
            Some(i) if open.contains(&i) => Some(i),
            Some(i) => open.iter().copied().find(|&j| j > i).or_else(|| open.last().copied()),
            None => None,
        };
        if open != self.open || current != self.current || self.revision == 0 {
            self.open = open;
            self.current = current;
            self.changed();
        }
    }

    fn changed(&mut self) {
        self.revision = sequence::next();
        self.ghosts = Rc::new(self.build_ghosts());
    }

    /// The spans to draw as ghosts, in text order: every open suggestion's fragments, and the
    /// current one's cue and source too.
    pub fn ghosts(&self) -> &Rc<Vec<Ghost>> {
        &self.ghosts
    }

    pub fn ran(&self) -> bool {
        self.ran
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The suggester's list; [`Suggested::open`] indexes it.
    pub fn items(&self) -> &[Suggestion] {
        &self.found.items
    }

    pub fn found(&self) -> &Suggestions {
        &self.found
    }

    pub fn open(&self) -> &[usize] {
        &self.open
    }

    pub fn current(&self) -> Option<usize> {
        self.current
    }

    /// Makes suggestion `index` current, if it is open.
    pub fn select(&mut self, index: usize) -> bool {
        if !self.open.contains(&index) {
            return false;
        }
        if self.current != Some(index) {
            self.current = Some(index);
            self.changed();
        }
        true
    }

    /// No suggestion current (an annotation was selected instead); the ghosts stay.
    pub fn deselect(&mut self) {
        if self.current.take().is_some() {
            self.changed();
        }
    }

    /// Moves to the next (`forward`) or previous open suggestion, wrapping around; from none,
    /// to the first or last.
    pub fn step(&mut self, forward: bool) -> bool {
        let Some(&first) = self.open.first() else { return false };
        let last = *self.open.last().expect("not empty");
        let next = match self.current.and_then(|c| self.open.iter().position(|&i| i == c)) {
            None if forward => first,
            None => last,
            Some(at) if forward => self.open.get(at + 1).copied().unwrap_or(first),
            Some(0) => last,
            Some(at) => self.open[at - 1],
        };
        self.select(next)
    }

    pub fn choice(&self, index: usize) -> &SpeakerChoice {
        self.choices.iter().find(|(i, _)| *i == index).map_or(&SpeakerChoice::Suggested, |(_, c)| c)
    }

    /// Attributes suggestion `index` to someone else when it is accepted.
    pub fn choose_speaker(&mut self, index: usize, choice: SpeakerChoice) {
        self.choices.retain(|(i, _)| *i != index);
        if choice != SpeakerChoice::Suggested {
            self.choices.push((index, choice));
        }
        self.changed();
    }

    /// The action that accepts suggestion `index` (one undo step), with the person's speaker.
    pub fn accept_action(&self, doc: &Document, index: usize, author: &str, at: &str) -> Option<Action> {
        if !self.open.contains(&index) {
            return None;
        }
        let mut suggestion = self.found.items[index].clone();
        match self.choice(index) {
            // A speaker chosen, then removed or merged away: the card shows the suggested one again.
            SpeakerChoice::Existing(id) if doc.speaker(id).is_some() => {
                suggestion.speaker = Some(SpeakerRef::Existing(id.clone()))
            }
            SpeakerChoice::Nobody => suggestion.speaker = None,
            SpeakerChoice::Suggested | SpeakerChoice::Existing(_) => {}
        }
        // The suggester's own pick may have been removed since it ran.
        if let Some(SpeakerRef::Existing(id)) = &suggestion.speaker {
            if doc.speaker(id).is_none() {
                suggestion.speaker = None;
            }
        }
        Some(suggest::accept_action(doc, &suggestion, &self.found.new_speakers, author, at))
    }

    /// One action that accepts every open suggestion at or above `threshold` (one undo step
    /// for all of them), and how many it accepts. Each accept is planned on a scratch copy
    /// that already holds the ones before it, so ids and new speakers line up.
    pub fn accept_all_action(&self, doc: &Document, threshold: f32, author: &str, at: &str) -> Option<(Action, usize)> {
        let mut plan = BatchPlan::new(doc);
        let mut taken: Vec<Span> = Vec::new();
        for &i in &self.open {
            let s = &self.found.items[i];
            // Two suggestions over the same words are alternatives: the first (in text order) wins.
            if s.confidence < threshold || s.fragments.iter().any(|f| taken.iter().any(|t| t.overlaps(f))) {
                continue;
            }
            let Some(action) = self.accept_action(plan.document(), i, author, at) else { continue };
            // A suggestion the model refuses is left open for the person to look at.
            if plan.push(action) {
                taken.extend(s.fragments.iter().copied());
            }
        }
        plan.finish()
    }

    /// The action that rejects suggestion `index`, remembered in the document.
    pub fn reject_action(&self, index: usize) -> Option<Action> {
        let s = self.found.items.get(index).filter(|_| self.open.contains(&index))?;
        Some(Action::RejectSuggestion { fragments: s.fragments.clone(), rule: s.rule.to_owned() })
    }

    fn build_ghosts(&self) -> Vec<Ghost> {
        let mut ghosts = Vec::new();
        for &index in &self.open {
            let s = &self.found.items[index];
            let current = self.current == Some(index);
            for (n, &span) in s.fragments.iter().enumerate() {
                ghosts.push(Ghost { span, role: GhostRole::Fragment, index, current, first_fragment: n == 0 });
            }
            if current {
                let linked = [(s.cue, GhostRole::Cue), (s.source_mention, GhostRole::Mention)];
                for (span, role) in linked {
                    if let Some(span) = span {
                        ghosts.push(Ghost { span, role, index, current, first_fragment: false });
                    }
                }
            }
        }
        crate::model::sort::sort_by_key(&mut ghosts, |g| (g.span.start, std::cmp::Reverse(g.span.end)));
        ghosts
    }
}

/// What closes a suggestion: a rejection of the same fragments, or a quote annotation over any
/// of its words (accepting it, or tagging the same quote by hand). Built once per sync.
struct Closed<'d> {
    rejected: HashSet<&'d [Span]>,
    quotes: Coverage,
}

impl<'d> Closed<'d> {
    fn of(doc: &'d Document) -> Closed<'d> {
        let rejected = doc.rejected_suggestions.iter().map(|r| r.fragments.as_slice()).collect();
        Closed { rejected, quotes: Coverage::of_kind(&doc.annotations, AnnotationKind::Quote) }
    }

    fn closes(&self, s: &Suggestion) -> bool {
        self.rejected.contains(s.fragments.as_slice()) || s.fragments.iter().any(|f| self.quotes.overlaps(*f))
    }
}
