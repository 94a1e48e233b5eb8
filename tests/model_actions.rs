//! The reducer and the history: what each action does, what it refuses and why, and that a
//! refused action changes nothing.

#[path = "fixtures/common.rs"]
mod common;

use common::{annotated_sample, create, span_of, AT};
use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationId, AnnotationKind, Origin, QuoteType};
use stancemark::model::document::Document;
use stancemark::model::history::Editor;
use stancemark::model::schema::Schema;
use stancemark::model::speaker::{SpeakerId, SpeakerKind};
use stancemark::model::text::Span;

fn id(s: &str) -> AnnotationId {
    AnnotationId(s.into())
}

fn sid(s: &str) -> SpeakerId {
    SpeakerId(s.into())
}

fn create_action(span: Span) -> Action {
    Action::CreateAnnotation {
        kind: AnnotationKind::Quote,
        quote_type: None,
        span,
        author: "ann".into(),
        at: AT.into(),
        origin: Origin::Manual,
        rule: None,
    }
}

/// Applies `action`, expects a refusal containing `words`, and checks nothing changed.
fn assert_refused(doc: &mut Document, action: Action, words: &str) {
    let before = doc.clone();
    let refusal = doc.apply(action).expect_err("should be refused");
    assert!(refusal.0.contains(words), "refusal {:?} should mention {words:?}", refusal.0);
    assert_eq!(*doc, before, "a refused action changed the document");
}

#[test]
fn the_annotated_sample_has_what_the_actions_made() {
    let doc = annotated_sample();
    assert_eq!(doc.annotations.len(), 5);
    let a1 = doc.annotation(&id("a1")).unwrap();
    assert_eq!(
        doc.span_text(a1.fragments[0]),
        "There is a very good chance that this horrible, bloody war will finally end"
    );
    assert_eq!(a1.cue.map(|c| doc.span_text(c)), Some("posted"));
    assert_eq!(doc.speaker_usage_count(&sid("s2")), 2);
    let starts: Vec<usize> = doc.annotations_in_text_order().iter().map(|a| a.first_start()).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "text order: {starts:?}");
}

#[test]
fn a_quote_gets_direct_by_default_and_a_claim_refuses_a_quote_type() {
    let mut doc = Document::new(common::sample_article(), Schema::default());
    let peskov = span_of(&doc, "Peskov");
    let a = create(&mut doc, AnnotationKind::Quote, None, peskov);
    assert_eq!(doc.annotation(&a).unwrap().quote_type, Some(QuoteType::Direct));
    let claim = Action::CreateAnnotation {
        kind: AnnotationKind::Claim,
        quote_type: Some(QuoteType::Direct),
        span: span_of(&doc, "Putin"),
        author: "x".into(),
        at: AT.into(),
        origin: Origin::Suggestion,
        rule: None,
    };
    assert_refused(&mut doc, claim, "a claim has no quote type");
}

#[test]
fn spans_must_be_inside_one_block_and_whole_characters() {
    let mut doc = Document::new(common::sample_article(), Schema::default());
    let title = doc.article.blocks[0].span;
    let body = doc.article.blocks[3].span;
    assert_refused(
        &mut doc,
        create_action(Span::new(title.end - 5, body.start + 5)),
        "crosses from the title into the paragraph",
    );
    assert_refused(&mut doc, create_action(Span::new(title.end, title.end + 2)), "not inside a block");
    let label = doc.article.blocks[2].span.start - 3;
    assert_refused(&mut doc, create_action(Span::new(label, label + 5)), "not inside a block");
    assert_refused(&mut doc, create_action(Span::new(5, 5)), "empty");
    assert_refused(&mut doc, create_action(Span::new(9, 5)), "reversed");
    assert_refused(&mut doc, create_action(Span::new(0, 99_999)), "past the end of the text (3921 code points)");

    let mut emoji =
        Document::new(stancemark::model::article::Article::parse_text("Great 👍🏽 news").unwrap(), Schema::default());
    assert_refused(&mut emoji, create_action(Span::new(6, 7)), "inside a character");
    assert!(emoji.apply(create_action(Span::new(6, 8))).is_ok());
}

#[test]
fn identical_annotation_is_refused() {
    let mut doc = annotated_sample();
    let f = doc.annotation(&id("a1")).unwrap().fragments[0];
    assert_refused(&mut doc, create_action(f), "already a quote on exactly this text (a1)");
}

#[test]
fn fragments_can_be_added_moved_and_removed_but_not_all() {
    let mut doc = annotated_sample();
    let a3 = doc.annotation(&id("a3")).unwrap().clone();
    assert_eq!(a3.fragments.len(), 2);
    assert_refused(
        &mut doc,
        Action::AddFragment { id: id("a3"), span: Span::new(a3.fragments[0].start + 2, a3.fragments[0].end + 2) },
        "overlaps fragment 1",
    );
    let moved = Span::new(a3.fragments[1].start, a3.fragments[1].end - 1);
    doc.apply(Action::SetFragment { id: id("a3"), index: 1, span: moved }).unwrap();
    assert_eq!(doc.annotation(&id("a3")).unwrap().fragments[1], moved);
    doc.apply(Action::RemoveFragment { id: id("a3"), index: 0 }).unwrap();
    assert_refused(&mut doc, Action::RemoveFragment { id: id("a3"), index: 0 }, "only fragment");
    assert_refused(&mut doc, Action::RemoveFragment { id: id("a3"), index: 4 }, "no fragment 5");
}

#[test]
fn moving_a_fragment_keeps_text_order() {
    let mut doc = annotated_sample();
    let late = span_of(&doc, "Emergency officials said");
    doc.apply(Action::SetFragment { id: id("a1"), index: 0, span: late }).unwrap();
    assert_eq!(doc.annotations.last().unwrap().id, id("a1"));
    doc.check_invariants().unwrap();
}

#[test]
fn kind_switches_set_and_clear_the_quote_type() {
    let mut doc = annotated_sample();
    doc.apply(Action::SetKind { id: id("a2"), kind: AnnotationKind::Claim }).unwrap();
    assert_eq!(doc.annotation(&id("a2")).unwrap().quote_type, None);
    assert_refused(
        &mut doc,
        Action::SetQuoteType { id: id("a2"), quote_type: QuoteType::Mixed },
        "make it a quote first",
    );
    doc.apply(Action::SetKind { id: id("a2"), kind: AnnotationKind::Quote }).unwrap();
    assert_eq!(doc.annotation(&id("a2")).unwrap().quote_type, Some(QuoteType::Direct));
}

#[test]
fn references_must_resolve() {
    let mut doc = annotated_sample();
    assert_refused(&mut doc, Action::SetSpeaker { id: id("a1"), speaker: Some(sid("s99")) }, "no speaker s99");
    assert_refused(
        &mut doc,
        Action::SetStance { id: id("a1"), stance: Some("love".into()) },
        "not a stance of this schema (known: favor, against, neutral, unclear)",
    );
    assert_refused(&mut doc, Action::SetTarget { id: id("a1"), target: Some("mars".into()) }, "not a target");
    assert_refused(&mut doc, Action::SetNote { id: id("a99"), note: "x".into() }, "no annotation a99");
}

#[test]
fn speakers_cannot_share_names_and_aliases() {
    let mut doc = annotated_sample();
    assert_refused(
        &mut doc,
        Action::AddSpeaker { name: "peskov".into(), kind: SpeakerKind::Person, role: None },
        "already the name or an alias of Dmitry Peskov (s2)",
    );
    assert_refused(
        &mut doc,
        Action::AddSpeaker { name: "  ".into(), kind: SpeakerKind::Person, role: None },
        "needs a name",
    );
    assert_refused(&mut doc, Action::AddAlias { id: sid("s2"), alias: "PESKOV".into() }, "already answers to");
    assert_refused(&mut doc, Action::AddAlias { id: sid("s1"), alias: "Peskov".into() }, "Dmitry Peskov (s2)");
    assert_refused(&mut doc, Action::RemoveAlias { id: sid("s1"), alias: "Donnie".into() }, "has no alias");
    assert_refused(
        &mut doc,
        Action::SetSpeakerWikidata { id: sid("s1"), wikidata: Some("22686".into()) },
        "not a Wikidata item id",
    );
    // Renaming to an own alias swaps rather than duplicating.
    doc.apply(Action::RenameSpeaker { id: sid("s2"), name: "Peskov".into() }).unwrap();
    assert_eq!(doc.speaker(&sid("s2")).unwrap().aliases, Vec::<String>::new());
    doc.check_invariants().unwrap();
}

#[test]
fn removing_a_used_speaker_or_target_is_refused_with_the_count() {
    let mut doc = annotated_sample();
    assert_refused(
        &mut doc,
        Action::RemoveSpeaker { id: sid("s2") },
        "Dmitry Peskov (s2) is the speaker of 2 annotations",
    );
    assert_refused(&mut doc, Action::RemoveTarget { id: "ceasefire-30day".into() }, "is the target of 1 annotation;");
    let unused =
        doc.apply(Action::AddSpeaker { name: "Marco Rubio".into(), kind: SpeakerKind::Person, role: None }).unwrap();
    doc.apply(Action::RemoveSpeaker { id: unused.created_speaker.unwrap() }).unwrap();
    doc.apply(Action::RemoveTarget { id: "putin-trump-call".into() }).unwrap();
    assert!(doc.schema.target(&"putin-trump-call".into()).is_none());
}

#[test]
fn merging_repoints_annotations_and_keeps_the_absorbed_name_as_alias() {
    let mut doc = annotated_sample();
    let kremlin = doc
        .apply(Action::AddSpeaker { name: "Kremlin".into(), kind: SpeakerKind::Organisation, role: None })
        .unwrap()
        .created_speaker
        .unwrap();
    doc.apply(Action::SetSpeakerWikidata { id: kremlin.clone(), wikidata: Some("Q8434".into()) }).unwrap();
    doc.apply(Action::SetSpeaker { id: id("a4"), speaker: Some(kremlin.clone()) }).unwrap();
    doc.apply(Action::MergeSpeakers { keep: sid("s2"), absorb: kremlin.clone() }).unwrap();
    let kept = doc.speaker(&sid("s2")).unwrap();
    assert_eq!(kept.aliases, vec!["Peskov".to_string(), "Kremlin".to_string()]);
    assert_eq!(kept.wikidata.as_deref(), Some("Q8434"), "filled from the absorbed speaker");
    assert_eq!(doc.annotation(&id("a4")).unwrap().speaker, Some(sid("s2")));
    assert!(doc.speaker(&kremlin).is_none());
    assert_refused(&mut doc, Action::MergeSpeakers { keep: sid("s1"), absorb: sid("s1") }, "into itself");
    doc.check_invariants().unwrap();
}

#[test]
fn targets_get_readable_ids_and_unique_labels() {
    let mut doc = annotated_sample();
    let out = doc.apply(Action::AddTarget { label: "Drone attacks on Moscow".into() }).unwrap();
    assert_eq!(out.created_target, Some("drone-attacks-on-moscow".into()));
    assert_refused(&mut doc, Action::AddTarget { label: "drone attacks on moscow".into() }, "already a target");
    doc.apply(Action::RenameTarget { id: "drone-attacks-on-moscow".into(), label: "Drone strikes".into() }).unwrap();
    assert_eq!(doc.schema.target(&"drone-attacks-on-moscow".into()).unwrap().label, "Drone strikes");
}

#[test]
fn a_batch_is_all_or_nothing_and_one_undo_step() {
    let doc = annotated_sample();
    let mut ed = Editor::new(doc.clone());
    let new_id = ed.document().peek_annotation_id();
    let span = span_of(ed.document(), "Rubio said Trump administration officials planned to brief Witkoff");
    let accept = Action::Batch {
        actions: vec![
            Action::CreateAnnotation {
                kind: AnnotationKind::Quote,
                quote_type: Some(QuoteType::Indirect),
                span,
                author: "ann".into(),
                at: AT.into(),
                origin: Origin::Suggestion,
                rule: None,
            },
            Action::AddSpeaker {
                name: "Marco Rubio".into(),
                kind: SpeakerKind::Person,
                role: Some("U.S. Secretary of State".into()),
            },
            Action::SetSpeaker { id: new_id.clone(), speaker: Some(sid("s3")) },
        ],
    };
    let out = ed.apply(accept).unwrap();
    assert_eq!(out.created_annotation, Some(new_id.clone()));
    assert_eq!(out.created_speaker, Some(sid("s3")));
    assert_eq!(ed.undo_label(), Some("create quote and 2 more"));
    assert!(ed.undo());
    assert_eq!(*ed.document(), doc, "one undo reverts the whole batch");

    let broken = Action::Batch {
        actions: vec![
            Action::AddSpeaker { name: "Marco Rubio".into(), kind: SpeakerKind::Person, role: None },
            Action::SetStance { id: id("a1"), stance: Some("love".into()) },
        ],
    };
    let refusal = ed.apply(broken).unwrap_err();
    assert!(refusal.0.starts_with("step 2 of 2 (set stance):"), "{}", refusal.0);
    assert_eq!(*ed.document(), doc, "the first step was rolled back");
}

#[test]
fn undo_redo_recreates_the_same_id_and_restores_counters() {
    let doc = Document::new(common::sample_article(), Schema::default());
    let mut ed = Editor::new(doc.clone());
    let span = span_of(&doc, "Peskov");
    let a = ed.apply(create_action(span)).unwrap().created_annotation.unwrap();
    let after = ed.document().clone();
    assert!(ed.undo());
    assert_eq!(*ed.document(), doc);
    assert!(ed.document().annotation(&a).is_none());
    assert!(ed.redo());
    assert_eq!(*ed.document(), after);
    assert!(ed.document().annotation(&a).is_some());
    assert!(!ed.can_redo());
}

#[test]
fn no_op_actions_leave_the_history_alone_and_new_actions_clear_redo() {
    let mut ed = Editor::new(annotated_sample());
    ed.apply(Action::SetNote { id: id("a1"), note: String::new() }).unwrap();
    assert!(!ed.can_undo(), "setting the value already set is not an undo step");
    ed.apply(Action::SetNote { id: id("a1"), note: "first".into() }).unwrap();
    ed.undo();
    assert!(ed.can_redo());
    ed.apply(Action::SetNote { id: id("a1"), note: "second".into() }).unwrap();
    assert!(!ed.can_redo());
}

#[test]
fn history_is_bounded() {
    let mut ed = Editor::with_limit(annotated_sample(), 3);
    for n in 0..5 {
        ed.apply(Action::SetNote { id: id("a1"), note: n.to_string() }).unwrap();
    }
    let mut undone = 0;
    while ed.undo() {
        undone += 1;
    }
    assert_eq!(undone, 3);
    assert_eq!(ed.document().annotation(&id("a1")).unwrap().note, "1");
}

#[test]
fn replace_document_clears_history() {
    let mut ed = Editor::new(annotated_sample());
    ed.apply(Action::DeleteAnnotation { id: id("a1") }).unwrap();
    let rev = ed.revision();
    ed.replace_document(annotated_sample());
    assert!(!ed.can_undo() && !ed.can_redo());
    assert!(ed.revision() > rev);
}

#[test]
fn actions_serialise_for_logs_and_replay() {
    let action = Action::SetCue { id: id("a1"), span: Some(Span::new(3, 9)) };
    let json = serde_json::to_string(&action).unwrap();
    assert_eq!(serde_json::from_str::<Action>(&json).unwrap(), action);
}

#[test]
fn who_agreed_is_recorded_sorted_once_each_exported_and_undone() {
    let mut editor = Editor::new(annotated_sample());
    let a = editor.document().annotations[0].id.clone();
    let names = vec!["bo".to_owned(), "ana".to_owned(), " bo ".to_owned()];
    editor.apply(Action::SetAgreedBy { id: a.clone(), annotators: names }).unwrap();
    assert_eq!(editor.document().annotation(&a).unwrap().agreed_by, ["ana", "bo"]);
    let json = stancemark::model::export::document_json(editor.document());
    assert!(
        json.contains("\"agreed_by\": [\n        \"ana\",\n        \"bo\"\n      ]")
            || json.contains("\"agreed_by\":[\"ana\",\"bo\"]"),
        "{json}"
    );
    assert_eq!(stancemark::model::import::document_from_json(&json).unwrap(), *editor.document());
    editor.undo();
    assert!(editor.document().annotation(&a).unwrap().agreed_by.is_empty());
    let mut doc = annotated_sample();
    assert_refused(&mut doc, Action::SetAgreedBy { id: a, annotators: vec!["  ".into()] }, "name is empty");
}
