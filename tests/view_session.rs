//! The UI session, natively: every input, what it does to the selection, the document and the
//! notice, and which effects it asks the page for.

#[path = "fixtures/common.rs"]
mod common;

use common::{sample_article, span_of, span_of_nth};
use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationId, AnnotationKind, QuoteType};
use stancemark::model::document::Document;
use stancemark::model::history::Editor;
use stancemark::model::schema::Schema;
use stancemark::model::text::Span;
use stancemark::view::keymap::{Command, Direction, Edge, Step};
use stancemark::view::notice::{Notice, NoticeAction, NoticeKind};
use stancemark::view::session::{Effect, ExportKind, Input, MouseSelection, Session, Tab};

const NOW: &str = "2025-03-17T09:00:00Z";

fn fixed_clock() -> String {
    NOW.to_owned()
}

fn setup() -> (Session, Editor) {
    let session = Session::new("tester".to_owned(), None, fixed_clock);
    (session, Editor::new(Document::new(sample_article(), Schema::default())))
}

fn key(session: &mut Session, editor: &mut Editor, command: Command) -> Vec<Effect> {
    session.run(editor, Input::Key(command))
}

/// Drags over `needle` (its `nth` occurrence) with the mouse.
fn drag(session: &mut Session, editor: &mut Editor, needle: &str, nth: usize) -> Vec<Effect> {
    let span = span_of_nth(editor.document(), needle, nth);
    session.run(editor, Input::MouseUp { selection: MouseSelection::Range(span), clicked: None })
}

/// Tags `needle` as a quote through the session and returns its id.
fn quote(session: &mut Session, editor: &mut Editor, needle: &str) -> AnnotationId {
    drag(session, editor, needle, 0);
    key(session, editor, Command::MakeQuote);
    session.selected().cloned().expect("the new quote is selected")
}

fn notice_text(session: &Session) -> &str {
    session.notice().map(|n| n.text.as_str()).unwrap_or_default()
}

#[test]
fn a_mouse_selection_is_snapped_to_words_and_becomes_the_pending_span() {
    let (mut session, mut editor) = setup();
    let peskov = span_of(editor.document(), "Dmitry Peskov");
    let ragged = Span::new(peskov.start + 2, peskov.end - 3);
    let effects = session.run(&mut editor, Input::MouseUp { selection: MouseSelection::Range(ragged), clicked: None });
    assert_eq!(effects, vec![Effect::ClearBrowserSelection]);
    assert_eq!(session.pending(), Some(peskov));
    assert_eq!(session.focus().caret, Some(peskov.end));

    key(&mut session, &mut editor, Command::ToggleWordSnap);
    assert!(!session.snap_words());
    session.run(&mut editor, Input::MouseUp { selection: MouseSelection::Range(ragged), clicked: None });
    assert_eq!(session.pending(), Some(ragged));
}

#[test]
fn a_selection_across_blocks_is_refused_with_a_reason() {
    let (mut session, mut editor) = setup();
    let doc = editor.document();
    let across = Span::new(doc.article.blocks[0].span.end - 3, doc.article.blocks[1].span.start + 3);
    session.run(&mut editor, Input::MouseUp { selection: MouseSelection::Range(across), clicked: None });
    assert_eq!(session.pending(), None);
    assert!(notice_text(&session).contains("inside one paragraph"));
}

#[test]
fn a_click_places_the_caret_and_on_a_highlight_selects_it() {
    let (mut session, mut editor) = setup();
    let id = quote(&mut session, &mut editor, "Peskov said on Friday");
    session.run(&mut editor, Input::SetTab(Tab::Annotations));
    let effects =
        session.run(&mut editor, Input::MouseUp { selection: MouseSelection::Caret(5), clicked: Some(id.clone()) });
    assert!(effects.is_empty());
    assert_eq!(session.focus().caret, Some(5));
    assert_eq!(session.pending(), None);
    assert_eq!(session.selected(), Some(&id));
    assert_eq!(session.tab(), Tab::Details);
}

#[test]
fn making_a_quote_selects_it_saves_and_keeps_the_caret_at_its_end() {
    let (mut session, mut editor) = setup();
    let span = span_of(editor.document(), "Peskov said on Friday");
    drag(&mut session, &mut editor, "Peskov said on Friday", 0);
    let effects = key(&mut session, &mut editor, Command::MakeQuote);
    assert_eq!(effects, vec![Effect::Save]);
    let id = session.selected().cloned().unwrap();
    let annotation = editor.document().annotation(&id).unwrap();
    assert_eq!(annotation.fragments, vec![span]);
    assert_eq!(annotation.quote_type, Some(QuoteType::Direct));
    assert_eq!(annotation.created_by, "tester");
    assert_eq!(annotation.created_at, NOW);
    assert_eq!(session.pending(), None);
    assert_eq!(session.focus().caret, Some(span.end));
    assert_eq!(session.tab(), Tab::Details);

    drag(&mut session, &mut editor, "Putin emphasized", 0);
    key(&mut session, &mut editor, Command::MakeClaim);
    let claim = editor.document().annotation(session.selected().unwrap()).unwrap();
    assert_eq!((claim.kind, claim.quote_type), (AnnotationKind::Claim, None));
}

#[test]
fn commands_without_what_they_need_explain_and_change_nothing() {
    let (mut session, mut editor) = setup();
    assert!(key(&mut session, &mut editor, Command::MakeQuote).is_empty());
    assert!(notice_text(&session).starts_with("Select some text first"));
    for command in [Command::Delete, Command::Stance('1'), Command::SetQuoteType(QuoteType::Mixed), Command::FocusNote]
    {
        session.run(&mut editor, Input::DismissNotice);
        assert!(key(&mut session, &mut editor, command).is_empty(), "{command:?}");
        assert!(notice_text(&session).starts_with("Select an annotation first"), "{command:?}");
    }
    drag(&mut session, &mut editor, "Witkoff", 0);
    assert!(key(&mut session, &mut editor, Command::MarkCue).is_empty());
    assert_eq!(editor.revision(), 0);
}

#[test]
fn cue_source_and_fragment_take_the_pending_span_for_the_selected_quote() {
    let (mut session, mut editor) = setup();
    let id = quote(&mut session, &mut editor, "Putin met with U.S. envoy Steve Witkoff");
    drag(&mut session, &mut editor, "said", 0);
    assert_eq!(key(&mut session, &mut editor, Command::MarkCue), vec![Effect::Save]);
    drag(&mut session, &mut editor, "Kremlin spokesman Dmitry Peskov", 0);
    key(&mut session, &mut editor, Command::MarkSource);
    drag(&mut session, &mut editor, "asked him to convey Moscow's views", 0);
    key(&mut session, &mut editor, Command::AddFragment);
    let doc = editor.document();
    let annotation = doc.annotation(&id).unwrap();
    assert_eq!(annotation.cue, Some(span_of(doc, "said")));
    assert_eq!(annotation.source_mention, Some(span_of(doc, "Kremlin spokesman Dmitry Peskov")));
    assert_eq!(annotation.fragments.len(), 2);
    assert_eq!(session.pending(), None);
}

#[test]
fn replace_span_moves_the_overlapping_fragment_or_explains() {
    let (mut session, mut editor) = setup();
    let id = quote(&mut session, &mut editor, "met with U.S. envoy");
    drag(&mut session, &mut editor, "Putin met with U.S. envoy Steve Witkoff", 0);
    key(&mut session, &mut editor, Command::ReplaceSpan);
    let wider = span_of(editor.document(), "Putin met with U.S. envoy Steve Witkoff");
    assert_eq!(editor.document().annotation(&id).unwrap().fragments, vec![wider]);

    drag(&mut session, &mut editor, "asked him to convey", 0);
    key(&mut session, &mut editor, Command::AddFragment);
    drag(&mut session, &mut editor, "During the meeting", 0);
    let revision = editor.revision();
    assert!(key(&mut session, &mut editor, Command::ReplaceSpan).is_empty());
    assert_eq!(editor.revision(), revision);
    assert!(notice_text(&session).contains("overlaps the fragment"));
}

#[test]
fn a_stance_key_sets_the_stance_and_the_same_key_clears_it() {
    let (mut session, mut editor) = setup();
    let id = quote(&mut session, &mut editor, "Peskov said on Friday");
    key(&mut session, &mut editor, Command::Stance('2'));
    assert_eq!(editor.document().annotation(&id).unwrap().stance, Some("against".into()));
    key(&mut session, &mut editor, Command::Stance('1'));
    assert_eq!(editor.document().annotation(&id).unwrap().stance, Some("favor".into()));
    key(&mut session, &mut editor, Command::Stance('1'));
    assert_eq!(editor.document().annotation(&id).unwrap().stance, None);
}

#[test]
fn quote_type_delete_undo_and_redo_each_save() {
    let (mut session, mut editor) = setup();
    let id = quote(&mut session, &mut editor, "Peskov said on Friday");
    assert_eq!(key(&mut session, &mut editor, Command::SetQuoteType(QuoteType::Indirect)), vec![Effect::Save]);
    assert_eq!(editor.document().annotation(&id).unwrap().quote_type, Some(QuoteType::Indirect));
    assert_eq!(key(&mut session, &mut editor, Command::Delete), vec![Effect::Save]);
    assert!(editor.document().annotations.is_empty());
    assert_eq!(session.selected(), None, "a deleted annotation is no longer selected");
    assert_eq!(key(&mut session, &mut editor, Command::Undo), vec![Effect::Save]);
    assert!(editor.document().annotation(&id).is_some());
    assert_eq!(key(&mut session, &mut editor, Command::Redo), vec![Effect::Save]);
    assert!(editor.document().annotations.is_empty());
    key(&mut session, &mut editor, Command::Redo);
    assert!(key(&mut session, &mut editor, Command::Redo).is_empty(), "nothing to redo, nothing to save");
}

#[test]
fn a_refused_edit_is_shown_and_saves_nothing() {
    let (mut session, mut editor) = setup();
    let id = quote(&mut session, &mut editor, "Peskov said on Friday");
    let refused = Action::SetStance { id, stance: Some("no-such-stance".into()) };
    assert!(session.run(&mut editor, Input::Edit(refused)).is_empty());
    assert_eq!(session.notice().map(|n| n.kind), Some(NoticeKind::Error));
}

#[test]
fn j_and_k_step_through_annotations_in_text_order_and_wrap() {
    let (mut session, mut editor) = setup();
    let second = quote(&mut session, &mut editor, "Putin emphasized");
    let first = quote(&mut session, &mut editor, "Peskov said on Friday");
    key(&mut session, &mut editor, Command::Escape);
    key(&mut session, &mut editor, Command::Escape);
    assert_eq!(session.selected(), None);
    assert_eq!(key(&mut session, &mut editor, Command::NextAnnotation), vec![Effect::ScrollToSelected]);
    assert_eq!(session.selected(), Some(&first));
    key(&mut session, &mut editor, Command::NextAnnotation);
    assert_eq!(session.selected(), Some(&second));
    key(&mut session, &mut editor, Command::NextAnnotation);
    assert_eq!(session.selected(), Some(&first), "wraps around");
    key(&mut session, &mut editor, Command::PreviousAnnotation);
    assert_eq!(session.selected(), Some(&second));
}

#[test]
fn escape_closes_help_then_clears_the_selection_then_the_annotation() {
    let (mut session, mut editor) = setup();
    let id = quote(&mut session, &mut editor, "Peskov said on Friday");
    drag(&mut session, &mut editor, "Witkoff", 0);
    key(&mut session, &mut editor, Command::ToggleHelp);
    assert!(session.help_open());
    key(&mut session, &mut editor, Command::Escape);
    assert!(!session.help_open());
    assert!(session.pending().is_some());
    key(&mut session, &mut editor, Command::Escape);
    assert_eq!((session.pending(), session.focus().caret), (None, None));
    assert_eq!(session.selected(), Some(&id));
    key(&mut session, &mut editor, Command::Escape);
    assert_eq!(session.selected(), None);
}

#[test]
fn the_caret_moves_and_shift_grows_one_selection() {
    let (mut session, mut editor) = setup();
    let word = |extend| Command::MoveCaret { direction: Direction::Forward, step: Step::Word, extend };
    key(&mut session, &mut editor, word(false));
    assert_eq!(session.focus().caret, Some(2), "after “US”");
    key(&mut session, &mut editor, word(true));
    key(&mut session, &mut editor, word(true));
    assert_eq!(session.pending(), Some(Span::new(2, 11)), "“ envoy is” grows from the caret");
    let back = Command::MoveCaret { direction: Direction::Backward, step: Step::Grapheme, extend: true };
    key(&mut session, &mut editor, back);
    assert_eq!(session.pending(), Some(Span::new(2, 10)));
    assert_eq!(session.focus().caret, Some(10));
}

#[test]
fn alt_arrows_move_the_selected_spans_boundaries_by_words() {
    let (mut session, mut editor) = setup();
    let id = quote(&mut session, &mut editor, "met with U.S. envoy");
    key(&mut session, &mut editor, Command::MoveBoundary { edge: Edge::Start, direction: Direction::Backward });
    key(&mut session, &mut editor, Command::MoveBoundary { edge: Edge::End, direction: Direction::Forward });
    let expected = span_of(editor.document(), "Putin met with U.S. envoy Steve");
    assert_eq!(editor.document().annotation(&id).unwrap().fragments, vec![expected]);
}

#[test]
fn focus_keys_open_details_and_ask_for_the_field() {
    let (mut session, mut editor) = setup();
    quote(&mut session, &mut editor, "Peskov said on Friday");
    session.run(&mut editor, Input::SetTab(Tab::Speakers));
    for (command, field) in [
        (Command::FocusSpeaker, "speaker-input"),
        (Command::FocusTarget, "target-select"),
        (Command::FocusNote, "note-input"),
    ] {
        assert_eq!(key(&mut session, &mut editor, command), vec![Effect::FocusField(field)]);
        assert_eq!(session.tab(), Tab::Details);
    }
}

#[test]
fn a_speaker_from_the_mention_is_created_and_assigned_in_one_undo_step() {
    let (mut session, mut editor) = setup();
    let id = quote(&mut session, &mut editor, "Putin met with U.S. envoy Steve Witkoff");
    drag(&mut session, &mut editor, "Kremlin spokesman Dmitry Peskov", 0);
    key(&mut session, &mut editor, Command::MarkSource);
    assert_eq!(session.run(&mut editor, Input::NewSpeakerFromMention), vec![Effect::Save]);
    let doc = editor.document();
    let speaker = doc.speaker(doc.annotation(&id).unwrap().speaker.as_ref().unwrap()).unwrap();
    assert_eq!(speaker.name, "Dmitry Peskov");
    assert_eq!(speaker.role.as_deref(), Some("Kremlin spokesman"));
    assert_eq!(speaker.aliases, vec!["Kremlin spokesman Dmitry Peskov".to_owned()]);
    key(&mut session, &mut editor, Command::Undo);
    assert!(editor.document().speakers.is_empty());
    assert_eq!(editor.document().annotation(&id).unwrap().speaker, None);
}

#[test]
fn a_pronoun_mention_names_nobody_and_says_so() {
    let (mut session, mut editor) = setup();
    quote(&mut session, &mut editor, "a ceasefire in principle");
    drag(&mut session, &mut editor, " he ", 0);
    key(&mut session, &mut editor, Command::MarkSource);
    let revision = editor.revision();
    assert!(session.run(&mut editor, Input::NewSpeakerFromMention).is_empty());
    assert_eq!(editor.revision(), revision);
    assert!(notice_text(&session).contains("refers to someone named elsewhere"));
}

#[test]
fn a_typed_speaker_and_a_typed_target_are_created_and_chosen() {
    let (mut session, mut editor) = setup();
    let id = quote(&mut session, &mut editor, "Peskov said on Friday");
    session.run(&mut editor, Input::NewSpeakerNamed("Marco Rubio".to_owned()));
    assert_eq!(session.run(&mut editor, Input::NewTarget("  Peace talks in Riyadh ".to_owned())), vec![Effect::Save]);
    assert!(session.run(&mut editor, Input::NewTarget("   ".to_owned())).is_empty());
    let doc = editor.document();
    let annotation = doc.annotation(&id).unwrap();
    assert_eq!(doc.speaker(annotation.speaker.as_ref().unwrap()).unwrap().name, "Marco Rubio");
    assert_eq!(annotation.target, Some("peace-talks-in-riyadh".into()));
    assert_eq!(doc.schema.target(&"peace-talks-in-riyadh".into()).unwrap().label, "Peace talks in Riyadh");
}

#[test]
fn jump_to_speaker_walks_their_annotations_after_the_selection() {
    let (mut session, mut editor) = setup();
    let first = quote(&mut session, &mut editor, "Peskov said on Friday");
    session.run(&mut editor, Input::NewSpeakerNamed("Dmitry Peskov".to_owned()));
    let speaker = editor.document().speakers[0].id.clone();
    let unrelated = quote(&mut session, &mut editor, "Putin emphasized");
    let second = quote(&mut session, &mut editor, "Peskov told reporters");
    session.run(&mut editor, Input::Edit(Action::SetSpeaker { id: second.clone(), speaker: Some(speaker.clone()) }));
    session.run(&mut editor, Input::Select(unrelated));
    assert_eq!(session.run(&mut editor, Input::JumpToSpeaker(speaker.clone())), vec![Effect::ScrollToSelected]);
    assert_eq!(session.selected(), Some(&second));
    session.run(&mut editor, Input::JumpToSpeaker(speaker));
    assert_eq!(session.selected(), Some(&first), "wraps to their first");
}

#[test]
fn another_article_opening_forgets_the_selection_and_the_notice() {
    let (mut session, mut editor) = setup();
    quote(&mut session, &mut editor, "Peskov said on Friday");
    session.run(
        &mut editor,
        Input::Notify(Notice::info("Opened “other.txt”.").with_action("Go back", NoticeAction::ReturnTo("a".into()))),
    );
    assert_eq!(notice_text(&session), "Opened “other.txt”.");
    assert!(session.selected().is_some());
    let revision = editor.revision();
    assert!(session.run(&mut editor, Input::ArticleOpened).is_empty(), "nothing to save: the document did not change");
    assert_eq!((session.selected(), session.pending(), session.notice()), (None, None, None));
    assert_eq!(editor.revision(), revision);
    session.run(&mut editor, Input::Notify(Notice::error("Could not open the article.")));
    assert_eq!(session.notice().map(|n| n.kind), Some(NoticeKind::Error));
    session.run(&mut editor, Input::NoticeAction(NoticeAction::ReturnTo("a".into())));
    assert_eq!(session.notice(), None, "the app carries the action out; the notice goes");
}

#[test]
fn exports_are_downloads_named_after_the_document_or_a_copy() {
    let (mut session, mut editor) = setup();
    let names: Vec<(String, &str)> = [ExportKind::DocumentJson, ExportKind::RowsJsonl, ExportKind::DatasetJsonl]
        .into_iter()
        .map(|kind| match session.run(&mut editor, Input::Export(kind)).remove(0) {
            Effect::Download { file_name, mime, contents } => {
                assert!(!contents.is_empty() || kind == ExportKind::RowsJsonl);
                (file_name, mime)
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert!(names[0].0.ends_with(".stancemark.json") && names[0].1 == "application/json", "{names:?}");
    assert!(names[1].0.ends_with(".rows.jsonl") && names[2].0.ends_with(".dataset.jsonl"), "{names:?}");
    assert!(matches!(session.run(&mut editor, Input::Export(ExportKind::CopyJson))[..], [Effect::CopyToClipboard(_)]));
    session.run(&mut editor, Input::Copied(Ok(())));
    assert_eq!(notice_text(&session), "The document JSON is on the clipboard.");
    session.run(&mut editor, Input::Copied(Err("denied".to_owned())));
    assert!(notice_text(&session).starts_with("Could not copy to the clipboard: denied."));
    session.run(&mut editor, Input::DownloadRefused);
    assert!(notice_text(&session).starts_with("The browser refused the download"));
}

#[test]
fn the_author_saves_and_failures_are_reported() {
    let (mut session, mut editor) = setup();
    assert_eq!(
        session.run(&mut editor, Input::SetAuthor("  Ana ".to_owned())),
        vec![Effect::StoreAuthor("Ana".to_owned())]
    );
    assert_eq!(session.author(), "Ana");
    assert!(session.run(&mut editor, Input::SetAuthor("   ".to_owned())).is_empty());
    assert_eq!(session.author(), "Ana");
    session.run(&mut editor, Input::AuthorNotStored("storage is off".to_owned()));
    assert_eq!(notice_text(&session), "Your name is kept for this tab only: storage is off.");
    session.run(&mut editor, Input::Saved(Err("the browser's storage is full".to_owned())));
    assert_eq!(session.saved(), Err("the browser's storage is full"));
    session.run(&mut editor, Input::Saved(Ok(())));
    assert_eq!(session.saved(), Ok(()));
    session.run(&mut editor, Input::DragActive(true));
    assert!(session.dragging());
    session.run(&mut editor, Input::DismissNotice);
    assert_eq!(session.notice(), None);
}
