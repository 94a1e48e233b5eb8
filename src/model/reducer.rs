//! The reducer: checks an action against the document and turns it into primitive changes.
//! Planning only reads the document, so a refused action cannot have changed anything.

use super::action::{Action, Outcome, Refusal};
use super::annotation::{Annotation, AnnotationId, AnnotationKind, QuoteType};
use super::change::{apply_all, revert_all, Change};
use super::document::Document;
use super::ids::TargetId;
use super::invariants::{annotation_problem, fragments_problem, span_problem};
use super::rejection::RejectedSuggestion;
use super::schema::Target;
use super::speaker::{is_wikidata_id, same, Speaker, SpeakerId};
use super::text::Span;
use crate::model::sort;

type Plan = Result<(Vec<Change>, Outcome), Refusal>;

fn refuse<T>(message: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal(message.into()))
}

impl Document {
    /// Applies an action without recording history (scripts, tests, the CLI). The UI goes
    /// through [`super::history::Editor::apply`].
    pub fn apply(&mut self, action: Action) -> Result<Outcome, Refusal> {
        self.apply_logged(&action).map(|(outcome, _)| outcome)
    }

    /// Applies an action and returns the changes it made, for the history.
    pub(crate) fn apply_logged(&mut self, action: &Action) -> Result<(Outcome, Vec<Change>), Refusal> {
        if let Action::Batch { actions } = action {
            return self.apply_batch(actions);
        }
        let (changes, outcome) = plan(self, action)?;
        apply_all(self, &changes);
        Ok((outcome, changes))
    }

    fn apply_batch(&mut self, actions: &[Action]) -> Result<(Outcome, Vec<Change>), Refusal> {
        let mut all = Vec::new();
        let mut outcome = Outcome::default();
        for (i, action) in actions.iter().enumerate() {
            match self.apply_logged(action) {
                Ok((o, changes)) => {
                    outcome.created_annotation = o.created_annotation.or(outcome.created_annotation);
                    outcome.created_speaker = o.created_speaker.or(outcome.created_speaker);
                    outcome.created_target = o.created_target.or(outcome.created_target);
                    all.extend(changes);
                }
                Err(r) => {
                    // All or nothing: undo the steps that did apply.
                    revert_all(self, &all);
                    return refuse(format!("step {} of {} ({}): {r}", i + 1, actions.len(), action.describe()));
                }
            }
        }
        Ok((outcome, all))
    }
}

fn plan(doc: &Document, action: &Action) -> Plan {
    use Action::*;
    match action {
        CreateAnnotation { kind, quote_type, span, author, at, origin, rule } => {
            let quote_type = match (kind, quote_type) {
                (AnnotationKind::Quote, q) => Some(q.unwrap_or(QuoteType::Direct)),
                (AnnotationKind::Claim, None) => None,
                (AnnotationKind::Claim, Some(_)) => {
                    return refuse(
                        "a claim has no quote type; make it a quote to mark direct, indirect or mixed speech",
                    )
                }
            };
            check_span(doc, *span)?;
            if let Some(twin) = doc.annotations.iter().find(|a| a.kind == *kind && a.fragments == [*span]) {
                return refuse(format!("there is already a {} on exactly this text ({})", kind.as_str(), twin.id));
            }
            let (id, next) = doc.fresh_annotation_id();
            let a = Annotation {
                origin: *origin,
                rule: rule.clone(),
                ..Annotation::new(id.clone(), *kind, quote_type, vec![*span], author, at)
            };
            let changes = vec![Change::NextIds { before: doc.next_ids, after: next }, Change::InsertAnnotation(a)];
            Ok((changes, Outcome { created_annotation: Some(id), ..Outcome::default() }))
        }
        AddFragment { id, span } => edit_annotation(doc, id, |a| {
            check_span(doc, *span)?;
            if let Some((i, f)) = a.fragments.iter().enumerate().find(|(_, f)| f.overlaps(span)) {
                return refuse(format!(
                    "the new fragment overlaps fragment {} ({f}); move that fragment's boundary instead",
                    i + 1
                ));
            }
            a.fragments.push(*span);
            super::sort::sort_by(&mut a.fragments, Ord::cmp);
            Ok(())
        }),
        RemoveFragment { id, index } => edit_annotation(doc, id, |a| {
            fragment_index(a, *index)?;
            if a.fragments.len() == 1 {
                return refuse("this is the only fragment; delete the annotation instead");
            }
            a.fragments.remove(*index);
            Ok(())
        }),
        SetFragment { id, index, span } => edit_annotation(doc, id, |a| {
            fragment_index(a, *index)?;
            check_span(doc, *span)?;
            let clash = a.fragments.iter().enumerate().find(|(i, f)| i != index && f.overlaps(span));
            if let Some((i, f)) = clash {
                return refuse(format!("the fragment would overlap fragment {} ({f}) of the same annotation", i + 1));
            }
            a.fragments[*index] = *span;
            super::sort::sort_by(&mut a.fragments, Ord::cmp);
            Ok(())
        }),
        SetCue { id, span } => edit_annotation(doc, id, |a| {
            span.map(|s| check_span(doc, s)).transpose()?;
            a.cue = *span;
            Ok(())
        }),
        SetSourceMention { id, span } => edit_annotation(doc, id, |a| {
            span.map(|s| check_span(doc, s)).transpose()?;
            a.source_mention = *span;
            Ok(())
        }),
        SetKind { id, kind } => edit_annotation(doc, id, |a| {
            if a.kind != *kind {
                a.kind = *kind;
                a.quote_type = match kind {
                    AnnotationKind::Quote => Some(QuoteType::Direct),
                    AnnotationKind::Claim => None,
                };
            }
            Ok(())
        }),
        SetQuoteType { id, quote_type } => edit_annotation(doc, id, |a| {
            if a.kind != AnnotationKind::Quote {
                return refuse("a claim has no quote type; make it a quote first");
            }
            a.quote_type = Some(*quote_type);
            Ok(())
        }),
        SetSpeaker { id, speaker } => edit_annotation(doc, id, |a| {
            if let Some(s) = speaker {
                find_speaker(doc, s)?;
            }
            a.speaker = speaker.clone();
            Ok(())
        }),
        SetStance { id, stance } => edit_annotation(doc, id, |a| {
            if let Some(s) = stance {
                if doc.schema.stance(s).is_none() {
                    let known: Vec<_> = doc.schema.stances.iter().map(|v| v.id.as_str()).collect();
                    return refuse(format!("{s:?} is not a stance of this schema (known: {})", known.join(", ")));
                }
            }
            a.stance = stance.clone();
            Ok(())
        }),
        SetTarget { id, target } => edit_annotation(doc, id, |a| {
            if let Some(t) = target {
                if doc.schema.target(t).is_none() {
                    return refuse(format!("{t:?} is not a target of this schema; add it first"));
                }
            }
            a.target = target.clone();
            Ok(())
        }),
        SetNote { id, note } => edit_annotation(doc, id, |a| {
            a.note = note.clone();
            Ok(())
        }),
        SetAgreedBy { id, annotators } => edit_annotation(doc, id, |a| {
            let mut names: Vec<String> = annotators.iter().map(|n| n.trim().to_owned()).collect();
            if names.iter().any(String::is_empty) {
                return refuse("an annotator's name is empty");
            }
            sort::sort(&mut names);
            names.dedup();
            a.agreed_by = names;
            Ok(())
        }),
        DeleteAnnotation { id } => {
            let a = find_annotation(doc, id)?;
            Ok((vec![Change::RemoveAnnotation(a.clone())], Outcome::default()))
        }
        AddSpeaker { name, kind, role } => {
            let name = name.trim();
            if name.is_empty() {
                return refuse("a speaker needs a name");
            }
            name_free(doc, name, None)?;
            let (id, next) = doc.fresh_speaker_id();
            let speaker = Speaker {
                id: id.clone(),
                name: name.to_owned(),
                kind: *kind,
                role: non_empty(role.as_deref()),
                aliases: Vec::new(),
                wikidata: None,
            };
            let changes = vec![
                Change::NextIds { before: doc.next_ids, after: next },
                Change::InsertSpeaker { at: doc.speakers.len(), speaker },
            ];
            Ok((changes, Outcome { created_speaker: Some(id), ..Outcome::default() }))
        }
        RenameSpeaker { id, name } => edit_speaker(doc, id, |s| {
            let name = name.trim();
            if name.is_empty() {
                return refuse("a speaker needs a name");
            }
            name_free(doc, name, Some(id))?;
            // Renaming to one of its own aliases swaps them rather than listing the name twice.
            s.aliases.retain(|a| !same(a, name));
            s.name = name.to_owned();
            Ok(())
        }),
        AddAlias { id, alias } => edit_speaker(doc, id, |s| {
            let alias = alias.trim();
            if alias.is_empty() {
                return refuse("an alias must not be empty");
            }
            if s.answers_to(alias) {
                return refuse(format!("{} already answers to {alias:?}", s.name));
            }
            name_free(doc, alias, Some(id))?;
            s.aliases.push(alias.to_owned());
            Ok(())
        }),
        RemoveAlias { id, alias } => edit_speaker(doc, id, |s| {
            let Some(i) = s.aliases.iter().position(|a| same(a, alias)) else {
                return refuse(format!("{} has no alias {alias:?}", s.name));
            };
            s.aliases.remove(i);
            Ok(())
        }),
        SetSpeakerKind { id, kind } => edit_speaker(doc, id, |s| {
            s.kind = *kind;
            Ok(())
        }),
        SetSpeakerRole { id, role } => edit_speaker(doc, id, |s| {
            s.role = non_empty(role.as_deref());
            Ok(())
        }),
        SetSpeakerWikidata { id, wikidata } => edit_speaker(doc, id, |s| {
            let q = non_empty(wikidata.as_deref());
            if let Some(q) = &q {
                if !is_wikidata_id(q) {
                    return refuse(format!("{q:?} is not a Wikidata item id: use Q followed by digits, e.g. Q7747"));
                }
            }
            s.wikidata = q;
            Ok(())
        }),
        MergeSpeakers { keep, absorb } => merge_speakers(doc, keep, absorb),
        RemoveSpeaker { id } => {
            let s = find_speaker(doc, id)?;
            let used = doc.speaker_usage_count(id);
            if used > 0 {
                return refuse(format!(
                    "{} ({id}) is the speaker of {used} annotation{}; merge it into another speaker or change those annotations first",
                    s.name,
                    if used == 1 { "" } else { "s" }
                ));
            }
            let at = doc.speaker_position(id).expect("found above");
            Ok((vec![Change::RemoveSpeaker { at, speaker: s.clone() }], Outcome::default()))
        }
        AddTarget { label } => {
            let label = label.trim();
            target_label_free(doc, label, None)?;
            let target = Target { id: doc.schema.fresh_target_id(label), label: label.to_owned() };
            let created = Some(target.id.clone());
            let changes = vec![Change::InsertTarget { at: doc.schema.targets.len(), target }];
            Ok((changes, Outcome { created_target: created, ..Outcome::default() }))
        }
        RenameTarget { id, label } => {
            let before = find_target(doc, id)?;
            let label = label.trim();
            target_label_free(doc, label, Some(id))?;
            let after = Target { id: id.clone(), label: label.to_owned() };
            if after == *before {
                return Ok((Vec::new(), Outcome::default()));
            }
            Ok((vec![Change::ReplaceTarget { before: before.clone(), after }], Outcome::default()))
        }
        RemoveTarget { id } => {
            let t = find_target(doc, id)?;
            let used = doc.target_usage_count(id);
            if used > 0 {
                return refuse(format!(
                    "{:?} is the target of {used} annotation{}; change those annotations first",
                    t.label,
                    if used == 1 { "" } else { "s" }
                ));
            }
            let at = doc.schema.targets.iter().position(|x| x.id == *id).expect("found above");
            Ok((vec![Change::RemoveTarget { at, target: t.clone() }], Outcome::default()))
        }
        RejectSuggestion { fragments, rule } => {
            if let Some(problem) = fragments_problem(fragments) {
                return refuse(problem);
            }
            for span in fragments {
                check_span(doc, *span)?;
            }
            if doc.rejected_suggestions.iter().any(|r| r.fragments == *fragments) {
                return refuse("this suggestion is already rejected");
            }
            let rejection = RejectedSuggestion { fragments: fragments.clone(), rule: rule.clone() };
            Ok((vec![Change::InsertRejection(rejection)], Outcome::default()))
        }
        Batch { .. } => unreachable!("batches are applied step by step by apply_logged"),
    }
}

fn merge_speakers(doc: &Document, keep: &SpeakerId, absorb: &SpeakerId) -> Plan {
    if keep == absorb {
        return refuse("cannot merge a speaker into itself");
    }
    let kept = find_speaker(doc, keep)?;
    let absorbed = find_speaker(doc, absorb)?;
    let mut merged = kept.clone();
    for name in std::iter::once(&absorbed.name).chain(&absorbed.aliases) {
        if !merged.answers_to(name) {
            merged.aliases.push(name.clone());
        }
    }
    merged.role = merged.role.or_else(|| absorbed.role.clone());
    merged.wikidata = merged.wikidata.or_else(|| absorbed.wikidata.clone());
    let mut changes = vec![Change::ReplaceSpeaker { before: kept.clone(), after: merged }];
    for a in doc.annotations.iter().filter(|a| a.speaker.as_ref() == Some(absorb)) {
        let after = Annotation { speaker: Some(keep.clone()), ..a.clone() };
        changes.push(Change::ReplaceAnnotation { before: a.clone(), after });
    }
    let at = doc.speaker_position(absorb).expect("found above");
    changes.push(Change::RemoveSpeaker { at, speaker: absorbed.clone() });
    Ok((changes, Outcome::default()))
}

/// Plans a change to one annotation: `edit` refuses or changes a copy, the copy is checked
/// against every rule, and an edit that changes nothing records nothing.
fn edit_annotation(
    doc: &Document,
    id: &AnnotationId,
    edit: impl FnOnce(&mut Annotation) -> Result<(), Refusal>,
) -> Plan {
    let before = find_annotation(doc, id)?;
    let mut after = before.clone();
    edit(&mut after)?;
    if after == *before {
        return Ok((Vec::new(), Outcome::default()));
    }
    annotation_problem(doc, &after).map_err(Refusal)?;
    Ok((vec![Change::ReplaceAnnotation { before: before.clone(), after }], Outcome::default()))
}

fn edit_speaker(doc: &Document, id: &SpeakerId, edit: impl FnOnce(&mut Speaker) -> Result<(), Refusal>) -> Plan {
    let before = find_speaker(doc, id)?;
    let mut after = before.clone();
    edit(&mut after)?;
    if after == *before {
        return Ok((Vec::new(), Outcome::default()));
    }
    after.check().map_err(|(field, m)| Refusal(format!("{field}: {m}")))?;
    Ok((vec![Change::ReplaceSpeaker { before: before.clone(), after }], Outcome::default()))
}

fn find_annotation<'d>(doc: &'d Document, id: &AnnotationId) -> Result<&'d Annotation, Refusal> {
    doc.annotation(id).ok_or_else(|| Refusal(format!("there is no annotation {id} (it may have been deleted)")))
}

fn find_speaker<'d>(doc: &'d Document, id: &SpeakerId) -> Result<&'d Speaker, Refusal> {
    doc.speaker(id).ok_or_else(|| Refusal(format!("there is no speaker {id} (it may have been merged or removed)")))
}

fn find_target<'d>(doc: &'d Document, id: &TargetId) -> Result<&'d Target, Refusal> {
    doc.schema.target(id).ok_or_else(|| Refusal(format!("there is no target {:?} in this schema", id.as_str())))
}

fn check_span(doc: &Document, span: Span) -> Result<(), Refusal> {
    span_problem(doc, span).map_or(Ok(()), refuse)
}

fn fragment_index(a: &Annotation, index: usize) -> Result<(), Refusal> {
    if index >= a.fragments.len() {
        return refuse(format!("{} has {} fragment(s); there is no fragment {}", a.id, a.fragments.len(), index + 1));
    }
    Ok(())
}

/// Refuses a name or alias another speaker already answers to: two speakers called the same
/// would make the exported data ambiguous. Merge them instead.
fn name_free(doc: &Document, name: &str, except: Option<&SpeakerId>) -> Result<(), Refusal> {
    match doc.speakers.iter().find(|s| Some(&s.id) != except && s.answers_to(name)) {
        Some(s) => refuse(format!(
            "{name:?} is already the name or an alias of {} ({}); use that speaker or merge the two",
            s.name, s.id
        )),
        None => Ok(()),
    }
}

fn target_label_free(doc: &Document, label: &str, except: Option<&TargetId>) -> Result<(), Refusal> {
    if label.is_empty() {
        return refuse("a target needs a label");
    }
    match doc.schema.targets.iter().find(|t| Some(&t.id) != except && same(&t.label, label)) {
        Some(t) => refuse(format!("there is already a target {:?} ({})", t.label, t.id)),
        None => Ok(()),
    }
}

fn non_empty(s: Option<&str>) -> Option<String> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}
