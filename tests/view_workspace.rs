//! The workspace natively: an edit's summary and targets, the article keys (next, previous,
//! done, skip) with the statuses they set, switching articles with each one's undo history
//! kept, and the journal limit.

use stancemark::corpus::meta::{read_document, CorpusMeta};
use stancemark::corpus::project::Project;
use stancemark::corpus::status::Status;
use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationKind, Origin};
use stancemark::model::document::Document;
use stancemark::model::history::Editor;
use stancemark::model::keys::ArticleMove;
use stancemark::model::schema::Schema;
use stancemark::model::text::Span;
use stancemark::view::workspace::{Move, Workspace, JOURNAL_LIMIT};

/// A project of articles `a0`, `a1`, … with the given statuses, open at `a0`.
fn workspace(statuses: &[Status]) -> (Workspace, Editor) {
    let mut project = Project::new("p", "P", Schema::default());
    let mut intake = project.intake();
    let lines: Vec<String> = (0..statuses.len())
        .map(|i| serde_json::json!({ "id": format!("a{i}"), "text": format!("Peskov said number {i}.") }).to_string())
        .collect();
    intake.read("a.jsonl", lines.join("\n").as_bytes());
    let (document, meta) = read_document(&intake.added[0].dataset_line).unwrap();
    project.add(&intake.added);
    for (i, status) in statuses.iter().enumerate() {
        project.set_status(&format!("a{i}"), *status);
    }
    let meta = CorpusMeta { status: statuses[0], ..meta };
    (Workspace::new(project, "a0".into(), meta), Editor::new(document))
}

fn quote(editor: &mut Editor, span: Span) {
    let action = Action::CreateAnnotation {
        kind: AnnotationKind::Quote,
        quote_type: None,
        span,
        author: "ann".into(),
        at: "2026-12-02T10:00:00Z".into(),
        origin: Origin::Manual,
        rule: None,
    };
    editor.apply(action).unwrap();
}

fn document_of(line_id: &str, text: &str) -> Document {
    let line = serde_json::json!({ "id": line_id, "text": text }).to_string();
    let mut intake = Project::new("q", "Q", Schema::default()).intake();
    intake.read("b.jsonl", line.as_bytes());
    read_document(&intake.added[0].dataset_line).unwrap().0
}

#[test]
fn an_edit_makes_a_new_article_in_progress_and_counts_it() {
    let (mut ws, mut editor) = workspace(&[Status::New, Status::New]);
    quote(&mut editor, Span::new(0, 6));
    let edited = ws.record_edit(editor.document(), "2026-12-02T10:00:01Z", "ann").unwrap();
    assert_eq!(
        (edited.summary.status, edited.summary.quotes, edited.summary.missing_speaker),
        (Status::InProgress, 1, 1)
    );
    assert_eq!(edited.summary.edited_by.as_deref(), Some("ann"));
    assert!(!edited.project_changed);
    assert_eq!(ws.project.article("a0").unwrap(), &edited.summary, "the list shows it at once");
    assert_eq!(ws.project.progress().in_progress, 1);
}

#[test]
fn a_target_added_in_one_article_joins_the_project() {
    let (mut ws, mut editor) = workspace(&[Status::New, Status::New]);
    editor.apply(Action::AddTarget { label: "The 30-day ceasefire".into() }).unwrap();
    let edited = ws.record_edit(editor.document(), "t", "ann").unwrap();
    assert!(edited.project_changed);
    let mut other = document_of("b", "Another article.");
    ws.give_targets(&mut other);
    assert!(other.schema.targets.iter().any(|t| t.label == "The 30-day ceasefire"), "{:?}", other.schema.targets);
    assert!(!ws.record_edit(editor.document(), "t", "ann").unwrap().project_changed, "stored once");
}

#[test]
fn article_keys_walk_the_unfinished_and_set_statuses() {
    use Status::*;
    let (mut ws, _) = workspace(&[InProgress, Done, New, Skipped, New]);
    assert_eq!(ws.plan_move(ArticleMove::NextUnfinished), Move::Open { id: "a2".into(), status_changed: false });
    assert_eq!(ws.plan_move(ArticleMove::PreviousUnfinished), Move::Open { id: "a4".into(), status_changed: false });
    assert_eq!(ws.plan_move(ArticleMove::ShowCorpus), Move::ShowCorpus);
    assert_eq!(ws.plan_move(ArticleMove::DoneAndNext), Move::Open { id: "a2".into(), status_changed: true });
    assert_eq!((ws.meta.status, ws.project.article("a0").unwrap().status), (Done, Done));
    assert_eq!(ws.plan_move(ArticleMove::DoneAndNext), Move::Open { id: "a2".into(), status_changed: false });
    assert_eq!(ws.plan_move(ArticleMove::SkipAndNext), Move::Open { id: "a2".into(), status_changed: true });
    assert_eq!(ws.project.progress().skipped, 2);
}

#[test]
fn when_nothing_is_left_the_corpus_shows() {
    let (mut ws, _) = workspace(&[Status::New, Status::Done]);
    assert_eq!(ws.plan_move(ArticleMove::NextUnfinished), Move::OnlyThisOne, "the open one is still to do");
    assert_eq!(ws.plan_move(ArticleMove::DoneAndNext), Move::NothingLeft { status_changed: true });
    assert_eq!(ws.project.progress().done, 2);
}

#[test]
fn going_back_to_an_article_keeps_its_undo_history() {
    let (mut ws, mut editor) = workspace(&[Status::New, Status::New]);
    quote(&mut editor, Span::new(0, 6));
    let first_meta = ws.meta.clone();
    let other = Editor::new(document_of("a1", "Peskov said number 1."));
    ws.switch(editor, "a1".into(), CorpusMeta::default_for(other.document()));
    assert_eq!(ws.open, "a1");
    assert!(ws.take_visited("a2").is_none());
    let (mut back, meta) = ws.take_visited("a0").expect("kept in the tab");
    assert_eq!(meta, first_meta);
    assert_eq!(back.document().annotations.len(), 1);
    assert!(back.undo());
    assert!(back.document().annotations.is_empty());
}

#[test]
fn a_long_journal_asks_for_a_base() {
    let (mut ws, editor) = workspace(&[Status::New]);
    assert!(!ws.journal_written(JOURNAL_LIMIT));
    assert!(ws.journal_written(1));
    ws.base_written();
    assert!(!ws.journal_written(10));
    let meta = ws.meta.clone();
    ws.switch(editor, "a0".into(), meta);
    assert!(!ws.journal_written(JOURNAL_LIMIT), "another article starts its own count");
}

#[test]
fn an_editor_gains_shared_targets_outside_its_undo_history_and_saves_whole() {
    use stancemark::model::history::Unsaved;
    use stancemark::model::ids::TargetId;
    use stancemark::model::schema::Target;
    let (_, mut editor) = workspace(&[Status::New]);
    let mut shared = editor.document().schema.clone();
    shared.targets.push(Target { id: TargetId::from("ceasefire"), label: "Ceasefire".into() });
    let revision = editor.revision();
    assert!(editor.add_shared_targets(&shared));
    assert!(editor.document().schema.target(&TargetId::from("ceasefire")).is_some());
    assert!(editor.revision() > revision, "the views see the new target");
    assert!(!editor.can_undo(), "undo must not take a shared target away");
    assert!(matches!(editor.take_unsaved(), Unsaved::Whole));
    assert!(!editor.add_shared_targets(&shared), "nothing left to add");
}

#[test]
fn deleting_the_open_article_leaves_nothing_open_and_names_the_next() {
    use Status::*;
    let (mut ws, editor) = workspace(&[Done, New, Done, New]);
    // Open a1 (a0 is kept in the tab), then delete a1.
    let a1 = Editor::new(document_of("a1", "Peskov said number 1."));
    let meta = CorpusMeta::default_for(a1.document());
    ws.switch(editor, "a1".into(), meta.clone());
    assert_eq!(ws.remove_open(), Some("a3".into()), "the next unfinished");
    assert_eq!((ws.open.as_str(), ws.open_summary()), ("", None), "no save can write it again");
    assert_eq!(ws.project.articles().iter().map(|a| a.id.as_str()).collect::<Vec<_>>(), ["a0", "a2", "a3"]);
    assert_eq!(ws.project.position("a3"), Some(2), "positions after it moved up");
    assert!(ws.project.article("a1").is_none());
    assert!(ws.record_edit(a1.document(), "t", "ann").is_none(), "an edit of the deleted one is not recorded");

    // Opening the next article keeps nothing for the empty slot left behind.
    let a3 = Editor::new(document_of("a3", "Peskov said number 3."));
    ws.switch(a1, "a3".into(), CorpusMeta::default_for(a3.document()));
    assert!(ws.take_visited("").is_none());
    assert!(ws.take_visited("a0").is_some(), "an article visited before is still kept");

    // With nothing unfinished after it, the next in order, else the one before; the last one: none.
    assert_eq!(ws.remove_open(), Some("a2".into()), "a0 and a2 are done: the one before a3");
    let (mut ws, _) = workspace(&[Done, Done]);
    assert_eq!(ws.remove_open(), Some("a1".into()));
    let (mut ws, _) = workspace(&[New]);
    assert_eq!(ws.remove_open(), None);
    assert!(ws.project.articles().is_empty());
}
