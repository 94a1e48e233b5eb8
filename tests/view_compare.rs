//! The Compare tab in the session, natively: two annotators' exports of the sample paired with
//! the open article, their disagreements walked with J, a version taken into the gold with who
//! had it, every agreed span taken in one step, and a broken file refused by name.

#[path = "fixtures/common.rs"]
mod common;

use common::{annotated_sample, sample_article, span_of};
use stancemark::model::action::Action;
use stancemark::model::annotation::AnnotationKind;
use stancemark::model::document::Document;
use stancemark::model::export::document_json;
use stancemark::model::history::Editor;
use stancemark::model::schema::Schema;
use stancemark::view::keymap::Command;
use stancemark::view::segments::block_views;
use stancemark::view::session::{CompareInput, Input, Session, Tab};

fn by(mut doc: Document, who: &str) -> Document {
    for a in &mut doc.annotations {
        a.created_by = who.to_owned();
    }
    doc
}

/// Ana's and Bo's exports: Bo gives the first quote another stance, leaves out the claim and
/// adds a quote of his own.
fn files() -> Vec<(String, String)> {
    let ana = by(annotated_sample(), "ana");
    let mut bo = annotated_sample();
    let first = bo.annotations[0].id.clone();
    bo.apply(Action::SetStance { id: first, stance: Some("against".into()) }).unwrap();
    let claim = bo.annotations.iter().find(|a| a.kind == AnnotationKind::Claim).unwrap().id.clone();
    bo.apply(Action::DeleteAnnotation { id: claim }).unwrap();
    let extra = span_of(&bo, "Both sides understand that such a call is needed");
    common::create(&mut bo, AnnotationKind::Quote, None, extra);
    let bo = by(bo, "bo");
    vec![("ana.json".into(), document_json(&ana)), ("bo.stancemark.json".into(), document_json(&bo))]
}

fn setup() -> (Session, Editor) {
    let mut schema = Schema::default();
    schema.targets.clear();
    let session = Session::new("judge".into(), None, || "2026-06-01T00:00:00Z".into());
    (session, Editor::new(Document::new(sample_article(), schema)))
}

fn open(session: &mut Session, editor: &mut Editor) {
    session.run(editor, Input::Compare(CompareInput::Files(files())));
}

#[test]
fn opening_the_files_pairs_them_with_the_article_and_lists_the_disagreements() {
    let (mut session, mut editor) = setup();
    open(&mut session, &mut editor);
    assert_eq!(session.tab(), Tab::Compare);
    let notice = &session.notice().unwrap().text;
    assert!(notice.starts_with("Comparing ana, bo on 1 article:"), "{notice}");
    let compare = session.compare();
    let kinds: Vec<String> = compare.disagreements().iter().map(|d| format!("{:?}", d.kind)).collect();
    assert!(kinds.contains(&"Stance".to_owned()), "{kinds:?}");
    assert!(kinds.contains(&"OnlyIn([0])".to_owned()) && kinds.contains(&"OnlyIn([1])".to_owned()), "{kinds:?}");
    assert!(compare.article_figures().is_some() && compare.project_figures().is_some());
    // The current disagreement is drawn in the annotators' colours, in this tab only.
    let views = block_views(editor.document(), &session.focus());
    assert!(views.iter().flat_map(|b| b.runs.iter()).any(|r| r.classes.contains("lane-")));
    session.run(&mut editor, Input::SetTab(Tab::Annotations));
    assert!(session.focus().lanes.is_empty());
}

#[test]
fn j_walks_the_disagreements_and_taking_a_version_records_who_had_it() {
    let (mut session, mut editor) = setup();
    open(&mut session, &mut editor);
    let stance = session.compare().disagreements().iter().position(|d| format!("{:?}", d.kind) == "Stance").unwrap();
    while session.compare().current() != Some(stance) {
        session.run(&mut editor, Input::Key(Command::NextAnnotation));
    }
    session.run(&mut editor, Input::Compare(CompareInput::Take { index: stance, annotator: 1 }));
    let doc = editor.document();
    assert_eq!(doc.annotations.len(), 1);
    assert_eq!(doc.annotations[0].stance.as_ref().map(|s| s.as_str()), Some("against"), "Bo's version");
    assert_eq!(doc.annotations[0].agreed_by, ["bo"]);
    assert!(session.compare().settled(doc)[stance]);
    assert_ne!(session.compare().current(), Some(stance), "on to the next one");
}

#[test]
fn the_spans_everyone_agrees_on_are_taken_in_one_step() {
    let (mut session, mut editor) = setup();
    open(&mut session, &mut editor);
    let agreed = session.compare().agreed_count();
    assert!(agreed >= 1);
    session.run(&mut editor, Input::Compare(CompareInput::AcceptAgreed));
    let doc = editor.document();
    assert_eq!(doc.annotations.len(), agreed);
    assert!(doc.annotations.iter().all(|a| a.agreed_by == ["ana", "bo"]));
    session.run(&mut editor, Input::Key(Command::Undo));
    assert!(editor.document().annotations.is_empty(), "one undo step");
}

#[test]
fn a_broken_file_is_named_and_nothing_is_compared() {
    let (mut session, mut editor) = setup();
    let mut files = files();
    files[1].1 = files[1].1.replacen("\"text\"", "\"txet\"", 1);
    session.run(&mut editor, Input::Compare(CompareInput::Files(files)));
    let notice = &session.notice().unwrap().text;
    assert!(notice.starts_with("Nothing compared: bo.stancemark.json"), "{notice}");
    assert!(!session.compare().is_loaded());
    let one = vec![self::files().remove(0)];
    session.run(&mut editor, Input::Compare(CompareInput::Files(one)));
    assert!(session.notice().unwrap().text.contains("two or more"), "{:?}", session.notice());
}

/// Ana and Bo mark Trump's quote with different words; Cy marks it as Ana does.
fn boundary_files() -> Vec<(String, String)> {
    let ana = by(annotated_sample(), "ana");
    let cy = by(annotated_sample(), "cy");
    let mut bo = annotated_sample();
    let whole = span_of(&bo, "There is a very good chance that this horrible, bloody war will finally end");
    let trumps = bo.annotations.iter().find(|a| a.fragments == [whole]).unwrap().id.clone();
    let shorter = span_of(&bo, "There is a very good chance that this horrible, bloody war will finally");
    bo.apply(Action::SetFragment { id: trumps, index: 0, span: shorter }).unwrap();
    let bo = by(bo, "bo");
    [("ana.json", ana), ("bo.json", bo), ("cy.json", cy)]
        .into_iter()
        .map(|(n, d)| (n.to_owned(), document_json(&d)))
        .collect()
}

#[test]
fn taking_one_version_then_another_keeps_one_and_names_everyone_who_marked_it() {
    let (mut session, mut editor) = setup();
    session.run(&mut editor, Input::Compare(CompareInput::Files(boundary_files())));
    let kinds: Vec<String> = session.compare().disagreements().iter().map(|d| format!("{:?}", d.kind)).collect();
    let index = kinds.iter().position(|k| k == "Boundaries").unwrap_or_else(|| panic!("{kinds:?}"));
    session.run(&mut editor, Input::Compare(CompareInput::Take { index, annotator: 1 }));
    assert_eq!(editor.document().annotations[0].agreed_by, ["bo"]);
    session.run(&mut editor, Input::Compare(CompareInput::Take { index, annotator: 0 }));
    let doc = editor.document();
    assert_eq!(doc.annotations.len(), 1, "Ana's version replaced Bo's: {:#?}", doc.annotations);
    assert_eq!(doc.annotations[0].agreed_by, ["ana", "cy"], "Cy marked the same words");

    session.run(&mut editor, Input::Compare(CompareInput::TakeEvery(index)));
    assert_eq!(editor.document().annotations.len(), 2, "both versions side by side");
}

#[test]
fn a_left_out_disagreement_stays_settled_when_the_article_opens_again() {
    let (mut session, mut editor) = setup();
    open(&mut session, &mut editor);
    session.run(&mut editor, Input::Compare(CompareInput::LeaveOut(0)));
    assert!(session.compare().settled(editor.document())[0]);
    session.run(&mut editor, Input::ArticleOpened);
    assert!(session.compare().settled(editor.document())[0], "kept across a switch");
}

#[test]
fn take_and_edit_selects_the_taken_annotation_in_details() {
    let (mut session, mut editor) = setup();
    open(&mut session, &mut editor);
    session.run(&mut editor, Input::Compare(CompareInput::TakeAndEdit { index: 0, annotator: 0 }));
    let id = session.selected().cloned().expect("the taken annotation is selected");
    assert_eq!(session.tab(), Tab::Details);
    assert_eq!(editor.document().annotation(&id).unwrap().agreed_by.first().map(String::as_str), Some("ana"));
}

#[test]
fn an_article_not_in_every_file_is_named_in_the_notice() {
    let (mut session, mut editor) = setup();
    let mut files = files();
    let mut other = Document::new(
        stancemark::model::article::Article::parse_text("Other news\n\nNothing said.").unwrap(),
        Schema::default(),
    );
    other.article.id = Some("other-news".into());
    files[0].1 = format!(
        "{}\n{}",
        stancemark::model::export::dataset_document_line(&by(annotated_sample(), "ana")).trim_end(),
        stancemark::model::export::dataset_document_line(&other).trim_end()
    );
    files[0].0 = "ana.jsonl".into();
    session.run(&mut editor, Input::Compare(CompareInput::Files(files)));
    let notice = &session.notice().unwrap().text;
    assert!(notice.contains("1 article not in every file, left out: article \"other-news\""), "{notice}");
    assert!(notice.contains("missing from bo"), "{notice}");
}
