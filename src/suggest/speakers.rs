//! Grouping mentions into speakers: "Kremlin spokesman Dmitry Peskov", "Peskov" and a later
//! "he" become one speaker with aliases, matched against the document's existing speakers.
//! Resolution is text order only (no parser): a pronoun names the last person quoted, a
//! surname the person whose name ends with it, "the company" the last organisation quoted.

use crate::model::speaker::{Speaker, SpeakerKind};

use super::names::{self, PERSON_PRONOUNS, PRONOUNS};
use super::{NewSpeaker, SpeakerRef};

struct Group {
    name: String,
    kind: SpeakerKind,
    role: Option<String>,
    aliases: Vec<String>,
}

#[derive(Default)]
pub(crate) struct Resolver {
    groups: Vec<Group>,
    /// Groups in the order they were last mentioned, most recent last.
    recent: Vec<usize>,
}

fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b) || a.to_lowercase() == b.to_lowercase()
}

fn last_word(s: &str) -> &str {
    s.rsplit(' ').next().unwrap_or(s)
}

impl Resolver {
    /// The group a mention refers to, creating one for a new name. `context` is the text
    /// before the mention, searched for a full name when only a surname is given.
    pub fn resolve(&mut self, mention: &str, context: &str) -> Option<usize> {
        let lower = mention.trim().to_lowercase();
        let g = if PRONOUNS.contains(&lower.as_str()) {
            let person = PERSON_PRONOUNS.contains(&lower.as_str());
            self.last(|g| (g.kind == SpeakerKind::Person) == person)?
        } else if is_description(mention) {
            let (name, role, kind) = names::propose(mention)?;
            match self.last(|g| g.kind == kind || kind == SpeakerKind::Person) {
                Some(g) if kind != SpeakerKind::Group => g,
                _ => self.add(name, role, kind),
            }
        } else {
            let (name, role, kind) = names::propose(mention)?;
            match self.find(&name, kind) {
                Some(g) => {
                    self.alias(g, &name);
                    g
                }
                None => {
                    let full = (kind == SpeakerKind::Person && !name.contains(' '))
                        .then(|| full_name(context, &name))
                        .flatten();
                    match full {
                        Some(full) => match self.find(&full, kind) {
                            Some(g) => {
                                self.alias(g, &name);
                                g
                            }
                            None => {
                                let g = self.add(full, role, kind);
                                self.alias(g, &name);
                                g
                            }
                        },
                        None => self.add(name, role, kind),
                    }
                }
            }
        };
        self.recent.retain(|&r| r != g);
        self.recent.push(g);
        Some(g)
    }

    fn last(&self, pred: impl Fn(&Group) -> bool) -> Option<usize> {
        self.recent.iter().rev().copied().find(|&g| pred(&self.groups[g]))
    }

    /// A group with this name or alias; for a person, also one whose name ends with this
    /// surname, or whose one-word name is this name's surname (then the name is upgraded).
    fn find(&mut self, name: &str, kind: SpeakerKind) -> Option<usize> {
        let known = |g: &Group| same(&g.name, name) || g.aliases.iter().any(|a| same(a, name));
        if let Some(g) = self.groups.iter().position(known) {
            return Some(g);
        }
        if kind != SpeakerKind::Person {
            return None;
        }
        let surname = last_word(name);
        let g = self.groups.iter().rposition(|g| g.kind == SpeakerKind::Person && same(last_word(&g.name), surname))?;
        if !self.groups[g].name.contains(' ') && name.contains(' ') {
            let short = std::mem::replace(&mut self.groups[g].name, name.to_owned());
            self.alias(g, &short);
        }
        Some(g)
    }

    fn add(&mut self, name: String, role: Option<String>, kind: SpeakerKind) -> usize {
        self.groups.push(Group { name, kind, role, aliases: Vec::new() });
        self.groups.len() - 1
    }

    fn alias(&mut self, g: usize, alias: &str) {
        let group = &mut self.groups[g];
        if !same(&group.name, alias) && !group.aliases.iter().any(|a| same(a, alias)) {
            group.aliases.push(alias.to_owned());
        }
    }

    /// The groups as speakers: existing document speakers where one answers to the group's
    /// name or an alias, otherwise new speakers. Returns each group's reference.
    pub fn finish(self, existing: &[Speaker]) -> (Vec<SpeakerRef>, Vec<NewSpeaker>) {
        let mut refs = Vec::new();
        let mut new = Vec::new();
        for g in self.groups {
            let hit = existing
                .iter()
                .find(|s| s.answers_to(&g.name) || g.aliases.iter().any(|a| s.answers_to(a)))
                .map(|s| SpeakerRef::Existing(s.id.clone()));
            refs.push(hit.unwrap_or_else(|| {
                new.push(NewSpeaker { name: g.name, kind: g.kind, role: g.role, aliases: g.aliases });
                SpeakerRef::New(new.len() - 1)
            }));
        }
        (refs, new)
    }
}

/// "the company", "a spokeswoman": a mention without a capitalised name after its first word,
/// which usually refers back to someone already quoted.
fn is_description(mention: &str) -> bool {
    let mut words = mention.split_whitespace();
    let first = words.next().unwrap_or("");
    matches!(first.to_lowercase().as_str(), "the" | "this" | "that" | "a" | "an" | "his" | "her" | "their" | "its")
        && !words.any(names::is_name_word)
}

/// A full name ending with `surname` in the text before it ("Rosa Quinn" for "Quinn"):
/// the nearest capitalised word just before an earlier occurrence.
fn full_name(context: &str, surname: &str) -> Option<String> {
    let mut rest = context;
    let mut found = None;
    while let Some(at) = rest.find(surname) {
        let before = rest[..at].trim_end_matches(' ');
        let after_ok = !rest[at + surname.len()..].starts_with(char::is_alphanumeric);
        if after_ok && before.len() + 1 == at {
            let given = before.rsplit(|c: char| !c.is_alphanumeric() && c != '-').next().unwrap_or("");
            if names::is_name_word(given) && !names::is_title(given) && given.len() > 1 {
                found = Some(format!("{given} {surname}"));
            }
        }
        rest = &rest[at + surname.len()..];
    }
    found
}
