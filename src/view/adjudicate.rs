//! Adjudication, the pure part: taking an annotator's annotation into the gold document (the
//! article open in the annotator) as one undo step, with who had it recorded in `agreed_by`.
//!
//! The annotators' documents share the gold's text but not its ids: their speakers are found
//! in the gold by Wikidata id or by any of their names (else added), their targets by id and
//! label, or by label (else added), so a taken annotation means the same thing in the gold.

use crate::model::action::Action;
use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::batch::BatchPlan;
use crate::model::document::Document;
use crate::model::ids::TargetId;
use crate::model::speaker::{same, Speaker, SpeakerId};

/// The one action that makes `a` (an annotation of `from`) part of `gold`, recording that
/// `agreed_by` had it, after removing the gold's annotations `replacing` (another version of
/// the same quote taken before, say). Refused, with the reason, when the gold's schema lacks
/// the annotation's stance value: taking it without would lose what the annotator said.
pub fn take_action(
    gold: &Document,
    from: &Document,
    a: &Annotation,
    agreed_by: &[String],
    replacing: &[AnnotationId],
) -> Result<Action, String> {
    if let Some(stance) = a.stance.as_ref().filter(|s| gold.schema.stance(s).is_none()) {
        return Err(format!(
            "this article's schema has no stance {:?}: add it to the schema, or take another version",
            stance.as_str()
        ));
    }
    let mut actions: Vec<Action> = replacing.iter().map(|id| Action::DeleteAnnotation { id: id.clone() }).collect();
    // The same words of the same kind cannot be annotated twice: the gold's version goes.
    if let Some(twin) = gold.annotations.iter().find(|g| g.kind == a.kind && g.fragments == a.fragments) {
        if !replacing.contains(&twin.id) {
            actions.push(Action::DeleteAnnotation { id: twin.id.clone() });
        }
    }
    let id = gold.peek_annotation_id();
    actions.push(Action::CreateAnnotation {
        kind: a.kind,
        quote_type: a.quote_type,
        span: a.fragments[0],
        author: a.created_by.clone(),
        at: a.created_at.clone(),
        origin: a.origin,
        rule: a.rule.clone(),
    });
    actions.extend(a.fragments[1..].iter().map(|&span| Action::AddFragment { id: id.clone(), span }));
    if a.cue.is_some() {
        actions.push(Action::SetCue { id: id.clone(), span: a.cue });
    }
    if a.source_mention.is_some() {
        actions.push(Action::SetSourceMention { id: id.clone(), span: a.source_mention });
    }
    if let Some(speaker) = a.speaker.as_ref().and_then(|s| from.speaker(s)) {
        let speaker = speaker_in_gold(gold, speaker, &mut actions);
        actions.push(Action::SetSpeaker { id: id.clone(), speaker: Some(speaker) });
    }
    if let Some(target) = a.target.as_ref().and_then(|t| from.schema.target(t)) {
        let target = target_in_gold(gold, &target.id, &target.label, &mut actions);
        actions.push(Action::SetTarget { id: id.clone(), target: Some(target) });
    }
    if let Some(stance) = &a.stance {
        actions.push(Action::SetStance { id: id.clone(), stance: Some(stance.clone()) });
    }
    if !a.note.is_empty() {
        actions.push(Action::SetNote { id: id.clone(), note: a.note.clone() });
    }
    actions.push(Action::SetAgreedBy { id, annotators: agreed_by.to_vec() });
    Ok(Action::Batch { actions })
}

/// One action taking several annotations (each from its document, with who had it), planned
/// one after another on a copy of the gold so that the ids and new speakers line up, after
/// removing the gold's annotations `replacing`; the number taken. One that cannot be taken
/// (its stance is not in the schema, or the model refuses it) is left out.
pub fn take_all_action(
    gold: &Document,
    takes: &[(&Document, &Annotation, Vec<String>)],
    replacing: &[AnnotationId],
) -> Option<(Action, usize)> {
    let mut plan = BatchPlan::new(gold);
    for (n, (from, a, agreed_by)) in takes.iter().enumerate() {
        let replacing = if n == 0 { replacing } else { &[] };
        if let Ok(action) = take_action(plan.document(), from, a, agreed_by, replacing) {
            plan.push(action);
        }
    }
    plan.finish()
}

/// The gold's speaker for `speaker`, adding it (with its aliases, role and Wikidata id) when
/// the gold has no speaker by that Wikidata id or any of its names.
fn speaker_in_gold(gold: &Document, speaker: &Speaker, actions: &mut Vec<Action>) -> SpeakerId {
    let known = gold.speakers.iter().find(|g| {
        (speaker.wikidata.is_some() && g.wikidata == speaker.wikidata) || speaker.names().any(|n| g.answers_to(n))
    });
    if let Some(known) = known {
        return known.id.clone();
    }
    // An annotation names one speaker, so this batch adds at most this one: its id is the next.
    let id = gold.peek_speaker_id();
    actions.push(Action::AddSpeaker { name: speaker.name.clone(), kind: speaker.kind, role: speaker.role.clone() });
    for alias in speaker.aliases.iter().filter(|alias| !same(alias, &speaker.name)) {
        actions.push(Action::AddAlias { id: id.clone(), alias: alias.clone() });
    }
    if speaker.wikidata.is_some() {
        actions.push(Action::SetSpeakerWikidata { id: id.clone(), wikidata: speaker.wikidata.clone() });
    }
    id
}

/// The gold's target for an annotator's target: the same id with the same label, else one
/// with the same label, else a new one.
fn target_in_gold(gold: &Document, id: &TargetId, label: &str, actions: &mut Vec<Action>) -> TargetId {
    if gold.schema.target(id).is_some_and(|t| same(&t.label, label)) {
        return id.clone();
    }
    if let Some(t) = gold.schema.targets.iter().find(|t| same(&t.label, label)) {
        return t.id.clone();
    }
    actions.push(Action::AddTarget { label: label.to_owned() });
    gold.schema.fresh_target_id(label)
}
