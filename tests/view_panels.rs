//! The side panels' view models and the view cache: built from the document, rebuilt only when
//! stale, and only for the tab that is open, so a panel's props compare by pointer.

#[path = "fixtures/common.rs"]
mod common;

use std::rc::Rc;

use common::{annotated_sample, span_of};
use stancemark::model::action::Action;
use stancemark::model::history::Editor;
use stancemark::view::keymap::Command;
use stancemark::view::panels::{self, FloatKeys};
use stancemark::view::session::{Input, MouseSelection, Session, Tab};
use stancemark::view::views::{Panel, Views};

fn setup() -> (Session, Editor) {
    (Session::new("tester".to_owned(), None, || "2025-03-17T09:00:00Z".to_owned()), Editor::new(annotated_sample()))
}

#[test]
fn annotation_rows_mirror_the_text_order_with_labels_and_summaries() {
    let doc = annotated_sample();
    let rows = panels::annotation_rows(&doc);
    assert_eq!(rows.len(), doc.annotations.len());
    for (row, annotation) in rows.iter().zip(doc.annotations_in_text_order()) {
        assert_eq!(row.id, annotation.id);
        assert_eq!(row.snippet, annotation.fragments.iter().map(|f| doc.span_text(*f)).collect::<Vec<_>>().join(" … "));
    }
    assert!(rows.iter().any(|r| r.is_claim && r.label.starts_with('C')));
    assert!(rows.iter().any(|r| r.summary.contains("Dmitry Peskov")), "{rows:?}");
}

#[test]
fn speaker_rows_put_the_most_quoted_first_and_offer_the_others_to_merge() {
    let doc = annotated_sample();
    let rows = panels::speaker_rows(&doc);
    assert!(rows.windows(2).all(|w| w[0].annotations >= w[1].annotations));
    let first = &rows[0].speaker.id;
    let others = panels::merge_candidates(&rows, first);
    assert_eq!(others.len(), rows.len() - 1);
    assert!(others.iter().all(|(id, _)| id != first));
}

#[test]
fn details_show_the_selected_annotations_text_speaker_and_keys() {
    let doc = annotated_sample();
    let annotation = doc.annotations.iter().find(|a| a.speaker.is_some() && a.cue.is_some()).unwrap();
    let view = panels::details_view(&doc, &annotation.id).unwrap();
    assert_eq!(view.cue.as_deref(), annotation.cue.map(|c| doc.span_text(c)));
    assert_eq!(view.speaker.as_ref().map(|s| &s.id), annotation.speaker.as_ref());
    assert_eq!((view.keys.direct.as_str(), view.keys.delete.as_str()), ("D", "Delete"));
    assert_eq!(FloatKeys::of(&doc).replace_span, "R");
}

#[test]
fn the_pending_summary_shortens_long_selections() {
    let doc = annotated_sample();
    let short = span_of(&doc, "Dmitry Peskov");
    assert_eq!(panels::pending_summary(&doc, short), format!("“Dmitry Peskov” ({}–{})", short.start, short.end));
    let long = doc.article.blocks[3].span;
    assert!(panels::pending_summary(&doc, long).contains("…”"));
}

#[test]
fn views_are_rebuilt_only_when_stale_and_only_for_the_open_tab() {
    let (mut session, mut editor) = setup();
    let mut views = Views::default();
    let first = views.refresh(&editor, &session);
    let again = views.refresh(&editor, &session);
    assert!(Rc::ptr_eq(&first.blocks, &again.blocks), "nothing changed, nothing rebuilt");
    let (Panel::Annotations(a), Panel::Annotations(b)) = (&first.panel, &again.panel) else { panic!("list tab") };
    assert!(Rc::ptr_eq(a, b));

    // A new caret changes the highlights but not the list.
    session.run(&mut editor, Input::MouseUp { selection: MouseSelection::Caret(3), clicked: None });
    let caret = views.refresh(&editor, &session);
    assert!(!Rc::ptr_eq(&again.blocks, &caret.blocks));
    let Panel::Annotations(c) = &caret.panel else { panic!("list tab") };
    assert!(Rc::ptr_eq(b, c));

    // An edit rebuilds the list.
    let id = editor.document().annotations[0].id.clone();
    session.run(&mut editor, Input::Edit(Action::SetNote { id: id.clone(), note: "checked".to_owned() }));
    let edited = views.refresh(&editor, &session);
    let Panel::Annotations(d) = &edited.panel else { panic!("list tab") };
    assert!(!Rc::ptr_eq(c, d));

    // The details tab shows the selection, and only the selection's view is built.
    session.run(&mut editor, Input::Select(id.clone()));
    let Panel::Details(Some(details)) = views.refresh(&editor, &session).panel else { panic!("details tab") };
    assert_eq!(details.annotation.note, "checked");
    // The first Escape clears the caret, the second the selected annotation.
    session.run(&mut editor, Input::Key(Command::Escape));
    session.run(&mut editor, Input::Key(Command::Escape));
    session.run(&mut editor, Input::SetTab(Tab::Details));
    assert!(matches!(views.refresh(&editor, &session).panel, Panel::Details(None)));
    session.run(&mut editor, Input::SetTab(Tab::Speakers));
    let Panel::Speakers(rows) = views.refresh(&editor, &session).panel else { panic!("speakers tab") };
    assert_eq!(rows.len(), editor.document().speakers.len());
}

#[test]
fn empty_panels_name_the_schemas_keys() {
    let mut doc = annotated_sample();
    let hints = panels::EmptyHints::of(&doc);
    assert!(hints.details.contains("press J for the first annotation"), "{}", hints.details);
    doc.schema.hotkeys.insert("quote".to_owned(), "Ctrl+q".to_owned());
    doc.schema.hotkeys.remove("source_mention");
    let hints = panels::EmptyHints::of(&doc);
    assert!(hints.annotations.contains("press Ctrl + Q (quote) or C (claim)"), "{}", hints.annotations);
    assert!(hints.speakers.contains("press its key to mark it"), "{}", hints.speakers);
}

#[test]
fn another_article_with_the_same_blocks_is_shown_with_its_own_text() {
    use stancemark::model::article::Article;
    use stancemark::model::document::Document;
    use stancemark::model::schema::Schema;
    let article =
        |body: &str| Document::new(Article::parse_text(&format!("Title\n\n{body}")).unwrap(), Schema::default());
    let (session, _) = setup();
    let mut editor = Editor::new(article("First words here."));
    let mut views = Views::default();
    let first = views.refresh(&editor, &session);
    editor.replace_document(article("Other words here."));
    let second = views.refresh(&editor, &session);
    let text = |blocks: &[stancemark::view::segments::BlockView]| blocks[1].runs[0].text.clone();
    assert_eq!(
        (text(&first.blocks), text(&second.blocks)),
        ("First words here.".to_owned(), "Other words here.".to_owned())
    );
}

#[test]
fn another_editor_at_the_same_revision_is_shown_with_its_own_text_and_rows() {
    use stancemark::model::article::Article;
    use stancemark::model::document::Document;
    use stancemark::model::schema::Schema;
    let article =
        |body: &str| Document::new(Article::parse_text(&format!("Title\n\n{body}")).unwrap(), Schema::default());
    let (mut session, _) = setup();
    session.run(&mut Editor::new(article("x")), Input::SetTab(Tab::Annotations));
    let mut views = Views::default();
    let first = Editor::new(annotated_sample());
    let second = Editor::new(article("Other words here."));
    assert_eq!(first.revision(), second.revision(), "both fresh: only the editor tells them apart");
    let rows = |panel: &Panel| match panel {
        Panel::Annotations(rows) => rows.len(),
        _ => usize::MAX,
    };
    let shown = views.refresh(&first, &session);
    assert!(rows(&shown.panel) > 0);
    let shown = views.refresh(&second, &session);
    assert_eq!(shown.blocks[1].runs[0].text, "Other words here.");
    assert_eq!(rows(&shown.panel), 0, "the first article's rows are not kept");
}
