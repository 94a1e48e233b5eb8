//! Adjudication, natively: an annotator's annotation taken into the gold keeps what it says
//! (speaker by name, target by label, stance, cue, source, fragments) with who had it; two
//! annotations of one person make one speaker; taking B's version replaces A's; all in one step.

#[path = "fixtures/common.rs"]
mod common;

use common::{annotated_sample, sample_article};
use stancemark::model::document::Document;
use stancemark::model::history::Editor;
use stancemark::model::schema::Schema;
use stancemark::view::adjudicate::{take_action, take_all_action};

fn empty_gold() -> Document {
    let mut schema = Schema::default();
    schema.targets.clear();
    Document::new(sample_article(), schema)
}

#[test]
fn a_taken_annotation_means_the_same_in_the_gold() {
    let from = annotated_sample();
    let a = from.annotations.iter().find(|a| a.fragments.len() == 2).expect("Peskov's interrupted quote");
    let mut gold = Editor::new(empty_gold());
    gold.apply(take_action(gold.document(), &from, a, &["ana".into(), "bo".into()], &[]).unwrap()).unwrap();
    let doc = gold.document();
    let g = &doc.annotations[0];
    assert_eq!(g.fragments, a.fragments);
    assert_eq!((g.cue, g.source_mention, g.quote_type, &g.stance), (a.cue, a.source_mention, a.quote_type, &a.stance));
    assert_eq!(doc.speaker(g.speaker.as_ref().unwrap()).unwrap().name, "Dmitry Peskov");
    assert!(doc.speaker(g.speaker.as_ref().unwrap()).unwrap().answers_to("Peskov"), "aliases come along");
    let label = &doc.schema.target(g.target.as_ref().unwrap()).unwrap().label;
    assert_eq!(label, &from.schema.target(a.target.as_ref().unwrap()).unwrap().label);
    assert_eq!(g.agreed_by, ["ana", "bo"]);
    assert_eq!((&g.created_by, &g.note), (&a.created_by, &a.note), "who made it, and the note, are kept");
    gold.undo();
    assert!(gold.document().annotations.is_empty() && gold.document().speakers.is_empty(), "one step");
}

#[test]
fn taking_all_is_one_step_with_one_speaker_per_person() {
    let mut from = annotated_sample();
    // A second quote by Peskov in the annotator's document.
    let span = common::span_of(&from, "Both sides understand that such a call is needed");
    let id = common::create(&mut from, stancemark::model::annotation::AnnotationKind::Quote, None, span);
    let peskov = from.speakers.iter().find(|s| s.name == "Dmitry Peskov").unwrap().id.clone();
    from.apply(stancemark::model::action::Action::SetSpeaker { id, speaker: Some(peskov) }).unwrap();
    let takes: Vec<_> = from.annotations.iter().map(|a| (&from, a, vec!["ana".to_owned()])).collect();
    let mut gold = Editor::new(empty_gold());
    let (action, count) = take_all_action(gold.document(), &takes, &[]).unwrap();
    assert_eq!(count, from.annotations.len());
    gold.apply(action).unwrap();
    assert_eq!(gold.document().annotations.len(), from.annotations.len());
    assert_eq!(gold.document().speakers.len(), from.speakers.len(), "{:#?}", gold.document().speakers);
    gold.undo();
    assert!(gold.document().annotations.is_empty());
}

#[test]
fn taking_b_where_the_gold_holds_a_replaces_it() {
    let a_doc = annotated_sample();
    let mut b_doc = annotated_sample();
    let first = b_doc.annotations[0].id.clone();
    b_doc
        .apply(stancemark::model::action::Action::SetStance { id: first.clone(), stance: Some("against".into()) })
        .unwrap();
    let mut gold = Editor::new(empty_gold());
    gold.apply(take_action(gold.document(), &a_doc, &a_doc.annotations[0], &["ana".into()], &[]).unwrap()).unwrap();
    let b = b_doc.annotation(&first).unwrap();
    gold.apply(take_action(gold.document(), &b_doc, b, &["bo".into()], &[]).unwrap()).unwrap();
    let doc = gold.document();
    assert_eq!(doc.annotations.len(), 1, "replaced, not added");
    assert_eq!(doc.annotations[0].stance.as_ref().map(|s| s.as_str()), Some("against"));
    assert_eq!(doc.annotations[0].agreed_by, ["bo"]);
}

#[test]
fn a_stance_the_gold_schema_lacks_is_refused_by_name_not_dropped() {
    let mut from = annotated_sample();
    from.schema.stances.push(stancemark::model::schema::StanceValue {
        id: "sceptical".into(),
        label: "sceptical".into(),
        key: '9',
    });
    let first = from.annotations[0].id.clone();
    from.apply(stancemark::model::action::Action::SetStance { id: first.clone(), stance: Some("sceptical".into()) })
        .unwrap();
    let gold = empty_gold();
    let why = take_action(&gold, &from, from.annotation(&first).unwrap(), &["ana".into()], &[]).unwrap_err();
    assert!(why.contains("\"sceptical\""), "{why}");
}
