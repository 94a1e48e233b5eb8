//! The save journal: the steps since the base was written replay onto it to give exactly the
//! document in the tab, and a tab that dies at any point between two writes loses nothing.

#[path = "fixtures/common.rs"]
mod common;

use common::{annotated_sample, sample_article, span_of};
use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationKind, Origin, QuoteType};
use stancemark::model::document::Document;
use stancemark::model::history::{Editor, Unsaved};
use stancemark::model::journal::{self, Replayed};
use stancemark::model::schema::Schema;
use stancemark::model::speaker::SpeakerKind;
use stancemark::model::{export, import};

/// What storage holds: the base as stored text, and the journal.
struct Storage {
    base: String,
    journal: String,
}

impl Storage {
    /// Writes the document whole, as the app does when it compacts: first the base, then a
    /// fresh journal naming it. `crash` stops after the first write.
    fn compact(&mut self, doc: &Document, crash: bool) {
        self.base = export::dataset_document_line(doc);
        if !crash {
            self.journal = journal::header(&self.base);
        }
    }

    fn save(&mut self, editor: &mut Editor) {
        match editor.take_unsaved() {
            Unsaved::Nothing => {}
            Unsaved::Steps(lines) => self.journal.push_str(&lines),
            Unsaved::Whole => self.compact(editor.document(), false),
        }
    }

    /// What a reload restores.
    fn restore(&self) -> (Document, Replayed) {
        let mut doc = import::document_from_json(&self.base).unwrap();
        let replayed = journal::replay(&mut doc, &self.base, &self.journal).unwrap();
        (doc, replayed)
    }
}

fn started(doc: Document) -> (Editor, Storage) {
    let mut storage = Storage { base: String::new(), journal: String::new() };
    storage.compact(&doc, false);
    (Editor::new(doc), storage)
}

fn quote(editor: &mut Editor, needle: &str) {
    let span = span_of(editor.document(), needle);
    let action = Action::CreateAnnotation {
        kind: AnnotationKind::Quote,
        quote_type: Some(QuoteType::Direct),
        span,
        author: "tester".into(),
        at: common::AT.into(),
        origin: Origin::Manual,
        rule: None,
    };
    editor.apply(action).unwrap();
}

#[test]
fn steps_replay_onto_the_base_to_give_the_document_in_the_tab() {
    let (mut editor, mut storage) = started(annotated_sample());
    quote(&mut editor, "Putin emphasized");
    storage.save(&mut editor);
    let id = editor.document().annotations[0].id.clone();
    editor.apply(Action::SetStance { id: id.clone(), stance: Some("against".into()) }).unwrap();
    editor.apply(Action::AddTarget { label: "Talks in Riyadh".into() }).unwrap();
    // A speaker made and assigned in one step: the step's second change names the first's speaker.
    let speaker = editor.document().peek_speaker_id();
    let actions = vec![
        Action::AddSpeaker { name: "Marco Rubio".into(), kind: SpeakerKind::Person, role: None },
        Action::SetSpeaker { id: id.clone(), speaker: Some(speaker) },
    ];
    editor.apply(Action::Batch { actions }).unwrap();
    editor.apply(Action::DeleteAnnotation { id }).unwrap();
    editor.undo();
    editor.undo();
    editor.redo();
    storage.save(&mut editor);
    assert_eq!(editor.take_unsaved(), Unsaved::Nothing, "taken once");
    let (restored, replayed) = storage.restore();
    assert_eq!(replayed, Replayed::Steps(8));
    assert_eq!(restored, *editor.document());
    assert_eq!(export::document_json(&restored), export::document_json(editor.document()));
}

#[test]
fn a_tab_that_dies_between_writing_the_base_and_the_new_journal_loses_nothing() {
    let (mut editor, mut storage) = started(annotated_sample());
    quote(&mut editor, "Putin emphasized");
    quote(&mut editor, "Peskov told reporters");
    storage.save(&mut editor);
    storage.compact(editor.document(), true);
    let (restored, replayed) = storage.restore();
    assert_eq!(replayed, Replayed::Superseded, "the old journal's steps are already in the new base");
    assert_eq!(restored, *editor.document());
}

#[test]
fn a_tab_that_dies_before_compacting_keeps_every_step_in_the_journal() {
    let (mut editor, mut storage) = started(Document::new(sample_article(), Schema::default()));
    for needle in ["Putin emphasized", "Peskov told reporters", "Rubio said on Friday"] {
        quote(&mut editor, needle);
        storage.save(&mut editor);
    }
    let (restored, replayed) = storage.restore();
    assert_eq!(replayed, Replayed::Steps(3));
    assert_eq!(restored, *editor.document());
    // A later compaction that completes leaves an empty journal over the new base.
    storage.compact(editor.document(), false);
    assert_eq!(storage.restore(), (editor.document().clone(), Replayed::Steps(0)));
}

#[test]
fn a_replaced_document_is_saved_whole() {
    let (mut editor, mut storage) = started(annotated_sample());
    quote(&mut editor, "Putin emphasized");
    editor.replace_document(Document::new(sample_article(), Schema::default()));
    assert_eq!(editor.take_unsaved(), Unsaved::Whole);
    editor.mark_unsaved_whole();
    storage.save(&mut editor);
    assert_eq!(storage.restore(), (Document::new(sample_article(), Schema::default()), Replayed::Steps(0)));
}

#[test]
fn a_journal_that_does_not_fit_changes_nothing_and_names_its_line() {
    let (mut editor, mut storage) = started(annotated_sample());
    quote(&mut editor, "Putin emphasized");
    storage.save(&mut editor);
    let good = storage.journal.clone();
    // The same step twice: the second inserts an annotation that is already there.
    let step = good.lines().nth(1).unwrap().to_owned();
    storage.journal = format!("{good}{step}\n");
    let mut doc = import::document_from_json(&storage.base).unwrap();
    let before = doc.clone();
    let error = journal::replay(&mut doc, &storage.base, &storage.journal).unwrap_err();
    assert_eq!(error.to_string(), "line 3 of the save journal does not fit the saved document");
    assert_eq!(doc, before, "all or nothing");

    for bad in ["{\"op\": \"insert_annotation\"}", "[{\"op\": \"nonsense\"}]", "[{\"op\": \"next_ids\"}]"] {
        storage.journal = format!("{good}{bad}\n");
        let error = journal::replay(&mut doc, &storage.base, &storage.journal).unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.message.starts_with("is not a readable step"), "{error}");
        assert_eq!(doc, before);
    }
}

#[test]
fn a_step_that_would_change_an_id_is_refused_not_applied() {
    let (_, storage) = started(annotated_sample());
    let speaker = |id: &str| {
        format!(r#"{{"id":"{id}","name":"Name {id}","kind":"person","role":null,"aliases":[],"wikidata":null}}"#)
    };
    let step = format!(
        r#"[{{"op":"insert_speaker","at":0,"speaker":{}}},{{"op":"replace_speaker","before":{},"after":{}}}]"#,
        speaker("s9"),
        speaker("s9"),
        speaker("s10")
    );
    let journal = format!("{}{step}\n", storage.journal);
    let mut doc = import::document_from_json(&storage.base).unwrap();
    let before = doc.clone();
    let error = journal::replay(&mut doc, &storage.base, &journal).unwrap_err();
    assert_eq!(error.to_string(), "line 2 of the save journal does not fit the saved document");
    assert_eq!(doc, before);
}

#[test]
fn a_rejected_suggestion_is_saved_replayed_exported_and_undone() {
    let (mut editor, mut storage) = started(annotated_sample());
    let fragments = vec![span_of(editor.document(), "Putin emphasized")];
    let reject = Action::RejectSuggestion { fragments: fragments.clone(), rule: "direct.cue_after".into() };
    editor.apply(reject.clone()).unwrap();
    let refusal = editor.apply(reject).unwrap_err();
    assert!(refusal.to_string().contains("already rejected"), "{refusal}");
    storage.save(&mut editor);
    let (restored, _) = storage.restore();
    assert_eq!(restored, *editor.document(), "the journal step brings the rejection back");
    assert_eq!(restored.rejected_suggestions[0].fragments, fragments);
    assert_eq!(restored.rejected_suggestions[0].rule, "direct.cue_after");

    let exported = export::document_json(editor.document());
    assert!(exported.contains("\"rejected_suggestions\""));
    assert_eq!(import::document_from_json(&exported).unwrap(), *editor.document());

    editor.undo();
    storage.save(&mut editor);
    let (restored, _) = storage.restore();
    assert!(restored.rejected_suggestions.is_empty(), "undo takes the rejection back, and saves that");
    assert!(!export::document_json(&restored).contains("rejected_suggestions"), "left out when there are none");
}

#[test]
fn a_rejection_outside_the_text_is_refused_on_import_with_its_path() {
    let doc = annotated_sample();
    let n = doc.text().chars().count();
    let json = export::document_json(&doc);
    let broken = json.replacen(
        "\"next_ids\"",
        &format!(
            "\"rejected_suggestions\":[{{\"fragments\":[{{\"start\":1,\"end\":{}}}],\"rule\":\"x\"}}],\"next_ids\"",
            n + 5
        ),
        1,
    );
    let error = import::document_from_json(&broken).unwrap_err().to_string();
    assert!(error.contains("rejected_suggestions[0].fragments[0]"), "{error}");
}

#[test]
fn rejections_follow_a_changed_text_and_unplaceable_ones_are_counted() {
    let mut doc = annotated_sample();
    let kept = span_of(&doc, "Putin emphasized");
    let lost = span_of(&doc, "drone debris");
    for fragments in [vec![kept], vec![lost]] {
        doc.apply(Action::RejectSuggestion { fragments, rule: "r".into() }).unwrap();
    }
    let changed = format!("Breaking. {}", doc.text().replace("drone debris", "falling parts"));
    let article = stancemark::model::article::Article::parse_text(&changed).unwrap();
    let (moved, report) = import::reanchor(&export::document_json(&doc), &article).unwrap();
    assert_eq!(moved.rejected_suggestions.len(), 1);
    assert_eq!(moved.span_text(moved.rejected_suggestions[0].fragments[0]), "Putin emphasized");
    assert_eq!(report.rejections_forgotten, 1);
    moved.check_invariants().unwrap();
}
