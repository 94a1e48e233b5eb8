//! Suggestions in the session, natively: Suggest shows ghosts, A accepts (one undo step, origin
//! and rule recorded), Delete rejects (remembered in the document, so Suggest again leaves it
//! out), undo brings a ghost back, "accept all" is one step, and a speaker can be changed
//! before accepting. The article is hand-written, not taken from the evaluation set.

use stancemark::model::annotation::{Origin, QuoteType};
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::history::Editor;
use stancemark::model::schema::Schema;
use stancemark::view::keymap::{command_for, Command, KeyPress};
use stancemark::view::segments::block_views;
use stancemark::view::session::{Input, Session};
use stancemark::view::suggested::SpeakerChoice;
use stancemark::view::views::{Panel, Views};

const ARTICLE: &str = "Harbour talks stall\n\n2026-05-04 10:00:00\n\n\
\"We will not sign anything this week,\" said Mayor Ana Lopes on Monday.\n\n\
The union's spokesman, Tom Reyes, said that the strike would go on until the port reopened.\n\n\
\"Nobody wants a long winter,\" Reyes told reporters.";

fn setup() -> (Session, Editor) {
    let session = Session::new("tester".to_owned(), None, || "2026-05-04T12:00:00Z".to_owned());
    let doc = Document::new(Article::parse_text(ARTICLE).unwrap(), Schema::default());
    (session, Editor::new(doc))
}

fn key(session: &mut Session, editor: &mut Editor, command: Command) {
    session.run(editor, Input::Key(command));
}

fn ghost_texts(session: &Session, editor: &Editor) -> Vec<String> {
    let s = session.suggested();
    s.open().iter().map(|&i| editor.document().span_text(s.items()[i].fragments[0]).to_owned()).collect()
}

#[test]
fn suggest_shows_ghosts_and_the_first_is_current() {
    let (mut session, mut editor) = setup();
    key(&mut session, &mut editor, Command::Suggest);
    let texts = ghost_texts(&session, &editor);
    assert!(texts.iter().any(|t| t.starts_with("\"We will not sign")), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("\"Nobody wants")), "{texts:?}");
    assert_eq!(session.suggested().current(), Some(session.suggested().open()[0]));
    assert!(session.notice().unwrap().text.contains("suggestions"), "{:?}", session.notice());

    let views = block_views(editor.document(), &session.focus());
    let classes: Vec<&str> = views.iter().flat_map(|b| b.runs.iter()).map(|r| r.classes.as_str()).collect();
    assert!(classes.iter().any(|c| c.contains("ghost-current")), "{classes:?}");
    let clickable = views.iter().flat_map(|b| b.runs.iter()).filter(|r| r.suggestion.is_some()).count();
    assert!(clickable > 0, "a ghost's runs name their suggestion for a click");
    assert!(editor.document().annotations.is_empty(), "suggestions are not annotations until accepted");
}

#[test]
fn accept_makes_an_annotation_with_its_origin_and_rule_in_one_undo_step() {
    let (mut session, mut editor) = setup();
    key(&mut session, &mut editor, Command::Suggest);
    let open_before = session.suggested().open().len();
    let first = session.suggested().current().unwrap();
    let rule = session.suggested().items()[first].rule;
    key(&mut session, &mut editor, Command::AcceptSuggestion);

    let doc = editor.document();
    assert_eq!(doc.annotations.len(), 1);
    let a = &doc.annotations[0];
    assert_eq!(a.origin, Origin::Suggestion);
    assert_eq!(a.rule.as_deref(), Some(rule));
    assert_eq!(a.quote_type, Some(QuoteType::Direct));
    assert!(a.speaker.is_some(), "the mayor is named beside the quote");
    assert!(a.cue.is_some());
    assert_eq!(session.suggested().open().len(), open_before - 1, "accepted: no longer a ghost");
    assert_ne!(session.suggested().current(), Some(first), "the next one is current");

    key(&mut session, &mut editor, Command::Undo);
    assert!(editor.document().annotations.is_empty() && editor.document().speakers.is_empty(), "one step");
    assert_eq!(session.suggested().open().len(), open_before, "undo brings the ghost back");
}

#[test]
fn delete_rejects_the_current_suggestion_and_suggest_again_leaves_it_out() {
    let (mut session, mut editor) = setup();
    key(&mut session, &mut editor, Command::Suggest);
    let first = session.suggested().current().unwrap();
    let fragments = session.suggested().items()[first].fragments.clone();
    let open_before = session.suggested().open().len();
    key(&mut session, &mut editor, Command::Delete);
    assert_eq!(editor.document().rejected_suggestions.len(), 1);
    assert_eq!(editor.document().rejected_suggestions[0].fragments, fragments);
    assert_eq!(session.suggested().open().len(), open_before - 1);

    key(&mut session, &mut editor, Command::Suggest);
    assert!(
        session.suggested().open().iter().all(|&i| session.suggested().items()[i].fragments != fragments),
        "a rejected suggestion does not come back"
    );
    assert!(session.notice().unwrap().text.contains("rejected"), "{:?}", session.notice());

    key(&mut session, &mut editor, Command::Undo);
    assert!(editor.document().rejected_suggestions.is_empty());
    assert_eq!(session.suggested().open().len(), open_before, "undoing the rejection brings it back");
}

#[test]
fn accept_all_is_one_step_and_one_speaker_per_person() {
    let (mut session, mut editor) = setup();
    key(&mut session, &mut editor, Command::Suggest);
    session.run(&mut editor, Input::AcceptAllSuggestions(0.0));
    let doc = editor.document();
    assert!(doc.annotations.len() >= 3, "{:#?}", doc.annotations);
    let reyes: Vec<_> = doc.speakers.iter().filter(|s| s.answers_to("Reyes")).collect();
    assert_eq!(reyes.len(), 1, "Tom Reyes and Reyes are one speaker: {:#?}", doc.speakers);
    assert!(session.suggested().open().is_empty());
    key(&mut session, &mut editor, Command::Undo);
    assert!(editor.document().annotations.is_empty(), "one undo takes all of them back");
}

#[test]
fn a_speaker_chosen_before_accepting_is_the_one_recorded() {
    let (mut session, mut editor) = setup();
    key(&mut session, &mut editor, Command::Suggest);
    let index = session.suggested().current().unwrap();
    session.run(&mut editor, Input::ChooseSuggestionSpeaker(index, SpeakerChoice::Nobody));
    let mut views = Views::default();
    match views.refresh(&editor, &session).panel {
        Panel::Suggestion(card) => {
            let card = card.as_ref().as_ref().unwrap();
            assert_eq!(card.speakers[card.chosen].1, "no speaker");
            assert_eq!(card.index, index);
        }
        _ => panic!("the current suggestion's card is in the side panel"),
    }
    session.run(&mut editor, Input::AcceptSuggestion(None));
    assert_eq!(editor.document().annotations[0].speaker, None);
}

#[test]
fn the_suggestion_keys_work_with_a_schema_saved_before_they_existed() {
    let mut schema = Schema::default();
    for name in ["suggest", "accept_suggestion", "next_suggestion", "previous_suggestion"] {
        schema.hotkeys.remove(name);
    }
    let press = |key: &str| KeyPress { key: key.into(), ctrl: false, shift: false, alt: false, in_field: false };
    assert_eq!(command_for(&press("g"), &schema), Some(Command::Suggest));
    assert_eq!(command_for(&press("a"), &schema), Some(Command::AcceptSuggestion));
    assert_eq!(command_for(&press("]"), &schema), Some(Command::NextSuggestion));
    // A schema that uses the key for something else keeps it.
    schema.hotkeys.insert("quote".into(), "a".into());
    assert_eq!(command_for(&press("a"), &schema), Some(Command::MakeQuote));
}

#[test]
fn opening_another_article_forgets_the_suggestions() {
    let (mut session, mut editor) = setup();
    key(&mut session, &mut editor, Command::Suggest);
    assert!(!session.suggested().open().is_empty());
    session.run(&mut editor, Input::ArticleOpened);
    assert!(session.suggested().open().is_empty());
    assert!(session.focus().ghosts.is_empty());
}

#[test]
fn a_schema_without_hotkeys_may_give_a_stance_the_suggestion_keys() {
    let json = serde_json::json!({
        "name": "s",
        "stances": [{"id": "against", "label": "against", "key": "a"}, {"id": "go", "label": "go", "key": "g"}],
        "targets": []
    });
    let schema = Schema::from_value(&json, &stancemark::model::json::FieldPath::root()).expect("still valid");
    let press = |key: &str| KeyPress { key: key.into(), ctrl: false, shift: false, alt: false, in_field: false };
    assert_eq!(command_for(&press("a"), &schema), Some(Command::Stance('a')), "the stance keeps its key");
    assert_eq!(command_for(&press("]"), &schema), Some(Command::NextSuggestion), "the others still work");
}

#[test]
fn a_chosen_speaker_removed_before_accepting_falls_back_to_the_suggested_one() {
    use stancemark::model::action::Action;
    use stancemark::model::speaker::SpeakerKind;
    let (mut session, mut editor) = setup();
    let add = Action::AddSpeaker { name: "Someone Else".into(), kind: SpeakerKind::Person, role: None };
    session.run(&mut editor, Input::Edit(add));
    let other = editor.document().speakers[0].id.clone();
    key(&mut session, &mut editor, Command::Suggest);
    let index = session.suggested().current().unwrap();
    session.run(&mut editor, Input::ChooseSuggestionSpeaker(index, SpeakerChoice::Existing(other.clone())));
    session.run(&mut editor, Input::Edit(Action::RemoveSpeaker { id: other }));
    session.run(&mut editor, Input::AcceptSuggestion(None));
    let doc = editor.document();
    assert_eq!(doc.annotations.len(), 1, "accepted, not refused: {:?}", session.notice());
    let speaker = doc.speaker(doc.annotations[0].speaker.as_ref().unwrap()).unwrap();
    assert!(speaker.answers_to("Ana Lopes"), "{speaker:?}");
}

#[test]
fn accept_with_no_current_suggestion_says_how_to_pick_one() {
    let (mut session, mut editor) = setup();
    key(&mut session, &mut editor, Command::AcceptSuggestion);
    assert!(session.notice().unwrap().text.contains("Use Suggest (G)"), "{:?}", session.notice());
    key(&mut session, &mut editor, Command::Suggest);
    key(&mut session, &mut editor, Command::Escape);
    assert_eq!(session.suggested().current(), None);
    key(&mut session, &mut editor, Command::AcceptSuggestion);
    assert!(session.notice().unwrap().text.contains("Pick a suggestion first"), "{:?}", session.notice());
    assert!(editor.document().annotations.is_empty());
}
