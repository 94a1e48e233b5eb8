//! The corpus model natively: article ids, duplicates, statuses and progress, the next
//! unfinished article, the schema's targets shared by a project, the split, the streaming
//! JSONL intake (bad UTF-8, a huge line, no final newline, CRLF, chunks), the corpus list,
//! flat rows with article ids, and dataset statistics.

#[path = "fixtures/common.rs"]
mod common;

use std::collections::BTreeMap;

use stancemark::corpus::ids::KnownArticles;
use stancemark::corpus::intake::{BadInput, Duplicate, Intake, JsonlIntake, ReadProgress};
use stancemark::corpus::list::{ListQuery, SortKey, SortOrder};
use stancemark::corpus::meta::{dataset_line, read_document, CorpusMeta};
use stancemark::corpus::project::{Direction, Progress, Project};
use stancemark::corpus::rows::rows_jsonl;
use stancemark::corpus::split::{Ratios, Split, SplitCounts};
use stancemark::corpus::stats::CorpusStats;
use stancemark::corpus::status::{Status, StatusSet};
use stancemark::corpus::summary::ArticleSummary;
use stancemark::model::action::Action;
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::export::{flat_rows_jsonl, text_sha256};
use stancemark::model::schema::{Schema, Target};

fn intake_of(sources: &[(&str, &[u8])]) -> Intake {
    let mut intake = Intake::new(KnownArticles::new(), Schema::default());
    intake.read_all(sources.iter().copied());
    intake
}

fn ids(intake: &Intake) -> Vec<&str> {
    intake.added.iter().map(|a| a.id.as_str()).collect()
}

fn record(id: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string()
}

// ---- ids and duplicates ----

#[test]
fn ids_come_from_the_record_the_file_name_or_the_text_hash() {
    let jsonl =
        format!("{}\n{{\"text\": \"No id here.\"}}\n{{\"id\": 17, \"text\": \"Numbered.\"}}\n", record("r-1", "One."));
    let intake = intake_of(&[
        ("news/peace-talks.txt", b"Talks resumed."),
        ("records.jsonl", jsonl.as_bytes()),
        ("single.json", br#"{"text": "A record in its own file."}"#),
    ]);
    assert!(intake.is_clean(), "{:?}", intake.bad);
    let no_id_hash = &text_sha256("No id here.")[..12];
    assert_eq!(ids(&intake), vec!["peace-talks", "r-1", no_id_hash, "17", "single"]);
    // The id is written into the document, so its rows and exports carry it.
    for incoming in &intake.added {
        let (doc, _) = read_document(&incoming.dataset_line).unwrap();
        assert_eq!(doc.article.id.as_deref(), Some(incoming.id.as_str()));
        assert_eq!(incoming.summary.id, incoming.id);
    }
    assert_eq!((intake.added[1].source.as_str(), intake.added[1].line), ("records.jsonl", Some(1)));
    assert_eq!(intake.added[0].line, None);
}

#[test]
fn a_clashing_id_with_another_text_gets_a_number_deterministically() {
    let jsonl = [
        record("story", "First."),
        record("story", "Second."),
        record("story-2", "Third."),
        record("story", "Fourth."),
    ]
    .join("\n");
    let run = || ids(&intake_of(&[("a.jsonl", jsonl.as_bytes())])).into_iter().map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(run(), vec!["story", "story-2", "story-2-2", "story-3"]);
    assert_eq!(run(), run());

    // Against a project that already has "story".
    let mut known = KnownArticles::new();
    known.insert("story", &text_sha256("Something else."));
    let mut intake = Intake::new(known, Schema::default());
    intake.read("b.jsonl", record("story", "First.").as_bytes());
    assert_eq!(ids(&intake), vec!["story-2"]);
}

#[test]
fn the_same_canonical_text_is_a_duplicate_in_the_project_or_in_the_same_intake() {
    let mut project = Project::new("p", "Project", Schema::default());
    let first = {
        let mut intake = project.intake();
        intake.read("old.txt", b"Body one.\n\nBody two.");
        intake
    };
    project.add(&first.added);

    let mut intake = project.intake();
    // CRLF, trailing spaces and a decomposed accent normalise to texts already seen.
    intake.read("again.txt", b"Body one.  \r\n\r\n\r\nBody two.");
    intake.read("new.txt", "Caf\u{e9}.".as_bytes());
    intake.read("lines.jsonl", format!("{}\n{}\n", record("x", "Cafe\u{301}."), record("y", "Fresh.")).as_bytes());
    assert_eq!(ids(&intake), vec!["new", "y"]);
    assert_eq!(
        intake.duplicates,
        vec![
            Duplicate { source: "again.txt".into(), line: None, id_existing: "old".into() },
            Duplicate { source: "lines.jsonl".into(), line: Some(1), id_existing: "new".into() },
        ]
    );
    assert_eq!(intake.duplicates[1].to_string(), "lines.jsonl:1: the same text as article \"new\"; not added again");
    let added = project.add(&intake.added);
    assert_eq!(added.ids, vec!["new", "y"]);
    assert_eq!(project.articles().len(), 3);
    // Adding the same intake twice adds nothing.
    assert_eq!(project.add(&intake.added).already_present, vec!["new", "y"]);
}

#[test]
fn bad_inputs_are_listed_with_their_line_and_the_models_message() {
    let doc_line = dataset_line(&common::annotated_sample(), &CorpusMeta::default_for(&common::annotated_sample()));
    let bad_status = doc_line.replace("\"status\":\"in_progress\"", "\"status\":\"finished\"");
    let bad_sha = doc_line.replacen("\"text_sha256\":\"", "\"text_sha256\":\"0", 1);
    let jsonl = [
        record("a", "Good."),
        bad_status,
        "{\"title\": \"x\"}".into(),
        bad_sha,
        "{oops".into(),
        record("b", "Also good."),
    ]
    .join("\n");
    let intake = intake_of(&[("in.jsonl", jsonl.as_bytes()), ("latin1.txt", b"Caf\xe9")]);
    assert!(!intake.is_clean());
    assert_eq!(ids(&intake), vec!["a", "b"]);
    let messages: Vec<String> = intake.bad.iter().map(BadInput::to_string).collect();
    assert_eq!(
        messages,
        vec![
            "in.jsonl:2: corpus.status: \"finished\" is not one of: new, in_progress, done, skipped".to_owned(),
            "in.jsonl:3: the JSON record has no `text` field (expected {\"id\"?, \"title\"?, \"published\"?, \"abstract\"?, \"text\"})".to_owned(),
            "in.jsonl:4: text_sha256: does not match the text: the text was changed after export (re-anchor the annotations to the new text instead)".to_owned(),
            "in.jsonl:5: invalid JSON at line 1, column 2: key must be a string".to_owned(),
            "latin1.txt: the file is not UTF-8: invalid byte 0xE9 at byte 3 (line 1); save it as UTF-8 and try again".to_owned(),
        ]
    );
}

#[test]
fn a_document_brings_its_annotations_status_and_schema() {
    let doc = common::annotated_sample();
    let meta = CorpusMeta {
        status: Status::Done,
        edited_at: Some("2025-03-18T10:00:00Z".into()),
        edited_by: Some("ana".into()),
        split: None,
    };
    let pretty = stancemark::model::export::document_json(&doc);
    let intake = intake_of(&[("annotated.json", pretty.as_bytes()), ("d.jsonl", dataset_line(&doc, &meta).as_bytes())]);
    // The pretty document and the dataset line hold the same text: the second is a duplicate.
    assert_eq!(ids(&intake), vec!["annotated"]);
    assert_eq!(intake.duplicates.len(), 1);
    let incoming = &intake.added[0];
    assert_eq!(incoming.meta, CorpusMeta::default_for(&doc));
    assert_eq!(incoming.meta.status, Status::InProgress, "annotated, no corpus object");
    assert_eq!(incoming.own_schema.as_ref(), Some(&doc.schema));
    let (back, _) = read_document(&incoming.dataset_line).unwrap();
    assert_eq!(back.annotations, doc.annotations);

    let intake = intake_of(&[("d.jsonl", dataset_line(&doc, &meta).as_bytes())]);
    assert_eq!(intake.added[0].meta, meta);
    assert_eq!(intake.added[0].summary.status, Status::Done);
    // A JSONL line has no file name of its own: an unnamed document is named by its text's hash
    // (hashlib.sha256 of the sample's text, first 12 hex digits).
    assert_eq!(intake.added[0].id, "50ae562446b7");
}

// ---- summaries, statuses and progress ----

#[test]
fn a_summary_counts_what_the_list_shows() {
    let doc = common::annotated_sample();
    let meta = CorpusMeta::default_for(&doc);
    let s = ArticleSummary::of(&doc, &meta);
    assert_eq!(
        (s.title.as_str(), s.published.as_deref(), s.status),
        (
            "US envoy is taking Putin's comments on Ukraine ceasefire proposal to Trump, Kremlin official says",
            Some("2025-03-16 03:31:00"),
            Status::InProgress
        )
    );
    assert_eq!((s.quotes, s.claims, s.missing_speaker, s.missing_stance), (3, 2, 2, 3));
    assert_eq!(s.text_sha256, text_sha256(doc.text()));
}

#[test]
fn an_edit_moves_a_new_article_to_in_progress_but_not_a_done_one() {
    let mut doc = Document::new(Article::parse_text("One two three.").unwrap(), Schema::default());
    let mut meta = CorpusMeta::default_for(&doc);
    assert_eq!(meta.status, Status::New);
    meta.record_edit(&doc, "t1", "ana");
    assert_eq!((meta.status, meta.edited_by.as_deref()), (Status::New, Some("ana")), "nothing annotated yet");
    let two = common::span_of(&doc, "two");
    common::create(&mut doc, stancemark::model::annotation::AnnotationKind::Claim, None, two);
    meta.record_edit(&doc, "t2", "bo");
    assert_eq!((meta.status, meta.edited_at.as_deref()), (Status::InProgress, Some("t2")));
    meta.status = Status::Done;
    meta.record_edit(&doc, "t3", "bo");
    assert_eq!(meta.status, Status::Done);
}

/// A project of articles `a0`, `a1`, … with the given statuses.
fn project_with(statuses: &[Status]) -> Project {
    let mut project = Project::new("p", "P", Schema::default());
    let mut intake = project.intake();
    let jsonl: Vec<String> =
        (0..statuses.len()).map(|i| record(&format!("a{i}"), &format!("Article number {i}."))).collect();
    intake.read("a.jsonl", jsonl.join("\n").as_bytes());
    project.add(&intake.added);
    for (i, status) in statuses.iter().enumerate() {
        assert!(project.set_status(&format!("a{i}"), *status));
    }
    project
}

#[test]
fn progress_counts_every_status_and_annotation() {
    use Status::*;
    let mut project = project_with(&[New, Done, Skipped, InProgress, Done, New]);
    let mut summary = project.article("a3").unwrap().clone();
    summary.quotes = 4;
    summary.claims = 1;
    assert!(project.update(summary));
    assert_eq!(project.progress(), Progress { total: 6, new: 2, in_progress: 1, done: 2, skipped: 1, annotations: 5 });
    assert_eq!(project.progress().finished(), 3);
    assert!(!project.set_status("nope", Done));
}

#[test]
fn next_and_previous_unfinished_wrap_around_and_never_return_the_start() {
    use Status::*;
    let mut project = project_with(&[New, Done, InProgress, Skipped, New]);
    let next = |p: &Project, from: Option<&str>| p.unfinished_from(from, Direction::Next).map(str::to_owned);
    let previous = |p: &Project, from: Option<&str>| p.unfinished_from(from, Direction::Previous).map(str::to_owned);
    assert_eq!(next(&project, Some("a0")).as_deref(), Some("a2"));
    assert_eq!(next(&project, Some("a2")).as_deref(), Some("a4"));
    assert_eq!(next(&project, Some("a4")).as_deref(), Some("a0"), "wraps to the start");
    assert_eq!(previous(&project, Some("a0")).as_deref(), Some("a4"), "wraps to the end");
    assert_eq!(previous(&project, Some("a3")).as_deref(), Some("a2"));
    assert_eq!(next(&project, None).as_deref(), Some("a0"));
    assert_eq!(previous(&project, None).as_deref(), Some("a4"));

    // Mark done and skip go on to the next unfinished article.
    assert_eq!(project.mark_done("a2").as_deref(), Some("a4"));
    assert_eq!(project.skip("a4").as_deref(), Some("a0"));
    assert_eq!(project.mark_done("a0"), None, "nothing unfinished is left");
    assert_eq!(next(&project, None), None);

    // Along the list's rows: sorted by title descending, a4 a3 a2 a1 a0.
    let project = project_with(&[New, Done, InProgress, Skipped, New]);
    let query = ListQuery { sort: SortKey::Title, order: SortOrder::Descending, ..ListQuery::default() };
    let rows = project.rows(&query);
    assert_eq!(rows, vec![4, 3, 2, 1, 0]);
    assert_eq!(project.unfinished_from_in(&rows, Some("a4"), Direction::Next), Some("a2"));
    assert_eq!(project.unfinished_from_in(&rows, Some("a0"), Direction::Next), Some("a4"));
    let only_new = project.rows(&ListQuery { statuses: StatusSet::of(&[New]), ..ListQuery::default() });
    assert_eq!(project.unfinished_from_in(&only_new, Some("a2"), Direction::Next), Some("a0"), "a2 is filtered out");
    assert_eq!(project.unfinished_from_in(&only_new, Some("a0"), Direction::Next), Some("a4"));
}

// ---- targets shared by the project ----

fn target(id: &str, label: &str) -> Target {
    Target { id: id.into(), label: label.into() }
}

#[test]
fn a_target_added_in_one_article_is_offered_in_every_article() {
    let mut project = Project::new("p", "P", Schema::default());
    let mut doc = Document::new(Article::parse_text("Some text.").unwrap(), project.schema.clone());
    doc.apply(Action::AddTarget { label: "Peace talks in Riyadh".into() }).unwrap();
    assert!(project.targets_from(&doc.schema).is_empty());
    assert_eq!(project.schema.targets.last(), Some(&target("peace-talks-in-riyadh", "Peace talks in Riyadh")));
    assert_eq!(project.schema.targets.len(), 4);

    // Another article, opened with the schema it was saved with, gains the target.
    let mut other = Schema { targets: vec![target("ceasefire-30day", "a ceasefire, relabelled")], ..Schema::default() };
    let conflicts = project.targets_into(&mut other);
    assert_eq!(
        other.targets.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
        vec!["ceasefire-30day", "end-war-ukraine", "putin-trump-call", "peace-talks-in-riyadh"]
    );
    assert_eq!(other.targets[0].label, "a ceasefire, relabelled", "the document keeps its own label");
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].to_string(), "target \"ceasefire-30day\" is \"a ceasefire, relabelled\" here and \"the 30-day ceasefire proposal\" there; kept \"a ceasefire, relabelled\"");
}

#[test]
fn documents_brought_in_add_their_targets_to_the_project() {
    let mut doc = common::annotated_sample();
    doc.schema.targets.push(target("sanctions", "sanctions relief"));
    doc.schema.targets[0].label = "30 days of quiet".into();
    let mut project = Project::new("p", "P", Schema::default());
    let mut intake = project.intake();
    intake.read("doc.json", stancemark::model::export::document_json(&doc).as_bytes());
    let added = project.add(&intake.added);
    assert_eq!(project.schema.targets.last(), Some(&target("sanctions", "sanctions relief")));
    assert_eq!(added.target_conflicts.len(), 1);
    assert_eq!(added.target_conflicts[0].other_label, "30 days of quiet");
    assert_eq!(project.schema.targets[0].label, "the 30-day ceasefire proposal");
}

// ---- split ----

#[test]
fn splits_match_an_independent_python_computation() {
    // For each id: u = int.from_bytes(sha256(f"{seed}\n{id}").digest()[:8], "big") / 2**64.
    let ratios = Ratios::parse("80/10/10").unwrap();
    let computed: Vec<Split> =
        ["story-1", "story-2", "a", "b", "c", "d", "e", "f"].iter().map(|id| ratios.split_of(42, id)).collect();
    use Split::*;
    assert_eq!(computed, vec![Train, Train, Train, Test, Dev, Train, Train, Train]);
    let other_seed: Vec<Split> = ["a", "b", "c", "d", "e", "f"].iter().map(|id| ratios.split_of(7, id)).collect();
    assert_eq!(other_seed, vec![Train, Train, Train, Train, Train, Dev]);
}

#[test]
fn adding_articles_never_moves_an_article_to_another_split() {
    let ratios = Ratios::parse("0.7,0.2,0.1").unwrap();
    let first: Vec<String> = (0..1000).map(|i| format!("article-{i}")).collect();
    let before: Vec<Split> = first.iter().map(|id| ratios.split_of(3, id)).collect();
    let counts = SplitCounts::of(&ratios, 3, first.iter().map(String::as_str));
    assert_eq!(counts.total(), 1000);
    // Roughly the ratios: each within a few standard deviations.
    assert!((650..=750).contains(&counts.train) && (160..=240).contains(&counts.dev), "{counts:?}");
    let more: Vec<String> = (0..3000).rev().map(|i| format!("article-{i}")).collect();
    let after: BTreeMap<&str, Split> = more.iter().map(|id| (id.as_str(), ratios.split_of(3, id))).collect();
    for (id, split) in first.iter().zip(&before) {
        assert_eq!(after[id.as_str()], *split, "{id}");
    }
    // All in one split when the others are empty.
    let all_train = Ratios::parse("100/0/0").unwrap();
    assert_eq!(SplitCounts::of(&all_train, 3, first.iter().map(String::as_str)).train, 1000);
}

#[test]
fn ratios_are_read_as_percentages_or_fractions_and_refused_clearly() {
    let r = Ratios::parse("80/10/10").unwrap();
    assert_eq!((r.train(), r.dev(), r.test()), (0.8, 0.1, 0.1));
    assert_eq!(Ratios::parse(" 0.8 , 0.1 , 0.1 ").unwrap(), Ratios::parse("0.8/0.1/0.1").unwrap());
    assert_eq!(Ratios::parse("70/20/10").unwrap().to_string(), "70/20/10");
    let error = |s: &str| Ratios::parse(s).unwrap_err().to_string();
    assert_eq!(
        error("80/20"),
        "expected three ratios for train, dev and test such as 80/10/10 or 0.8,0.1,0.1, found \"80/20\""
    );
    assert_eq!(error("80/10/5"), "the ratios must sum to 1 (or to 100 as percentages), they sum to 95");
    assert_eq!(error("120/-10/-10"), "each ratio must be a number of at least 0, found -10");
    assert_eq!(error("a/b/c"), "\"a\" is not a number (ratios look like 80/10/10 or 0.8,0.1,0.1)");
    assert_eq!(error("NaN/0/0"), "\"NaN\" is not a number (ratios look like 80/10/10 or 0.8,0.1,0.1)");
}

// ---- streaming JSONL ----

/// A JSONL file of `n` records, `\n`-separated, with no final newline.
fn records(n: usize) -> String {
    (0..n).map(|i| record(&format!("r{i}"), &format!("Text of record {i}."))).collect::<Vec<_>>().join("\n")
}

fn read_in_steps(jsonl: &mut JsonlIntake, max_lines: usize) -> Vec<ReadProgress> {
    let mut steps = Vec::new();
    loop {
        let progress = jsonl.step(max_lines);
        steps.push(progress);
        if progress.finished {
            return steps;
        }
    }
}

#[test]
fn a_jsonl_file_is_read_in_steps_with_progress() {
    let bytes = records(10).into_bytes();
    let total = bytes.len();
    let mut jsonl = JsonlIntake::whole(Intake::new(KnownArticles::new(), Schema::default()), "r.jsonl", bytes);
    let steps = read_in_steps(&mut jsonl, 4);
    assert_eq!(steps.iter().map(|p| p.lines_done).collect::<Vec<_>>(), vec![4, 8, 10]);
    assert_eq!(steps.last().unwrap().bytes_done, total, "the last line needs no final newline");
    assert!(steps[0].bytes_done > 0 && steps[0].fraction() > 0.3 && steps[0].fraction() < 0.5);
    assert_eq!(steps.last().unwrap().fraction(), 1.0);
    let intake = jsonl.into_intake();
    assert_eq!(intake.added.len(), 10);
    assert_eq!(intake.added[9].id, "r9");
}

#[test]
fn a_line_that_is_not_utf8_is_reported_and_the_others_are_read() {
    let mut bytes = format!("{}\r\n\r\n   \n", record("a", "First.")).into_bytes();
    bytes.extend_from_slice(b"{\"id\": \"b\", \"text\": \"Caf\xe9\"}\r\n");
    bytes.extend_from_slice(record("c", "Third.").as_bytes());
    let mut jsonl = JsonlIntake::whole(Intake::new(KnownArticles::new(), Schema::default()), "mixed.jsonl", bytes);
    read_in_steps(&mut jsonl, 1);
    let intake = jsonl.into_intake();
    assert_eq!(ids(&intake), vec!["a", "c"]);
    assert_eq!(intake.added[1].line, Some(5), "blank lines count in the numbering");
    assert_eq!(
        intake.bad,
        vec![BadInput {
            source: "mixed.jsonl".into(),
            line: Some(4),
            message: "not UTF-8 (byte 0xE9 at column 25)".into()
        }]
    );
}

#[test]
fn a_huge_line_read_in_small_chunks_is_read_whole() {
    let huge_text = "Paragraph of a very long article. ".repeat(30_000); // about 1 MB, 128 chunks
    let jsonl =
        format!("{}\n{}\n{}", record("before", "Short."), record("huge", &huge_text), record("after", "Also short."));
    let mut chunked =
        JsonlIntake::chunked(Intake::new(KnownArticles::new(), Schema::default()), "big.jsonl", jsonl.len());
    let mut lines_seen = Vec::new();
    for chunk in jsonl.as_bytes().chunks(8 * 1024) {
        chunked.feed(chunk);
        let progress = chunked.step(200);
        assert!(!progress.finished);
        assert_eq!(progress.bytes_total, jsonl.len());
        lines_seen.push(progress.lines_done);
    }
    // The huge line is read once it is complete; the last line waits for the end of the input.
    assert_eq!(lines_seen.first(), Some(&1));
    assert_eq!(lines_seen.last(), Some(&2));
    chunked.end_of_input();
    let progress = chunked.step(200);
    assert_eq!((progress.lines_done, progress.bytes_done, progress.finished), (3, jsonl.len(), true));
    let intake = chunked.into_intake();
    assert_eq!(ids(&intake), vec!["before", "huge", "after"]);
    let (doc, _) = read_document(&intake.added[1].dataset_line).unwrap();
    assert_eq!(doc.text(), huge_text.trim_end());

    // The same bytes whole give the same intake.
    let mut whole = Intake::new(KnownArticles::new(), Schema::default());
    whole.read("big.jsonl", jsonl.as_bytes());
    assert_eq!(whole.added, intake.added);
}

#[test]
fn dropping_a_jsonl_intake_leaves_the_project_as_it_was() {
    let project = project_with(&[Status::New]);
    let mut jsonl = JsonlIntake::whole(project.intake(), "r.jsonl", records(100).into_bytes());
    let progress = jsonl.step(10);
    assert_eq!((progress.lines_done, progress.finished, jsonl.intake().added.len()), (10, false, 10));
    drop(jsonl);
    assert_eq!(project.articles().len(), 1);
}

// ---- the corpus list ----

fn summary(id: &str, title: &str, published: Option<&str>, status: Status, quotes: usize) -> ArticleSummary {
    ArticleSummary {
        id: id.into(),
        title: title.into(),
        published: published.map(Into::into),
        text_sha256: text_sha256(id),
        status,
        quotes,
        claims: 0,
        missing_speaker: 0,
        missing_stance: 0,
        edited_at: None,
        edited_by: None,
    }
}

fn list_project() -> Project {
    let mut project = Project::new("p", "P", Schema::default());
    let refused = project.restore([
        summary("a", "Kremlin says ceasefire", Some("2025-03-16"), Status::Done, 3),
        summary("b", "Émigrés return", None, Status::New, 0),
        summary("c", "KREMLIN denies", Some("2025-03-14"), Status::InProgress, 3),
        summary("d", "apples", Some("2025-03-15"), Status::Skipped, 1),
        summary("a", "a second a", None, Status::New, 0),
    ]);
    assert_eq!(refused, vec!["a"]);
    project
}

#[test]
fn the_list_sorts_stably_in_both_directions() {
    let project = list_project();
    let rows = |sort, order| project.rows(&ListQuery { sort, order, ..ListQuery::default() });
    use SortKey::*;
    use SortOrder::*;
    assert_eq!(rows(Added, Ascending), vec![0, 1, 2, 3]);
    assert_eq!(rows(Added, Descending), vec![3, 2, 1, 0]);
    // Letter case is ignored; accented letters sort by code point, after z.
    assert_eq!(rows(Title, Ascending), vec![3, 2, 0, 1], "apples, kremlin denies, kremlin says, émigrés");
    assert_eq!(rows(Published, Ascending), vec![2, 3, 0, 1], "undated last");
    assert_eq!(rows(Published, Descending), vec![0, 3, 2, 1], "undated last in both directions");
    assert_eq!(rows(Status, Ascending), vec![1, 2, 0, 3]);
    assert_eq!(rows(Quotes, Descending), vec![0, 2, 3, 1], "ties keep the order articles were added in");
    assert_eq!(rows(Quotes, Ascending), vec![1, 3, 0, 2]);
}

#[test]
fn the_list_filters_by_status_and_searches_titles_ignoring_case() {
    let project = list_project();
    let query =
        |statuses, search: &str| project.rows(&ListQuery { statuses, search: search.into(), ..ListQuery::default() });
    assert_eq!(query(StatusSet::ALL, "kremlin"), vec![0, 2]);
    assert_eq!(query(StatusSet::ALL, "  KREMLIN "), vec![0, 2]);
    assert_eq!(query(StatusSet::ALL, "ÉMIGRÉ"), vec![1]);
    assert_eq!(query(StatusSet::UNFINISHED, "kremlin"), vec![2]);
    assert_eq!(query(StatusSet::of(&[Status::Done, Status::Skipped]), ""), vec![0, 3]);
    assert_eq!(query(StatusSet::NONE, ""), Vec::<usize>::new());

    // A replaced summary is searched by its new title.
    let mut project = list_project();
    let mut renamed = project.article("d").unwrap().clone();
    renamed.title = "Pears".into();
    assert!(project.update(renamed));
    let search = |text: &str| project.rows(&ListQuery { search: text.into(), ..ListQuery::default() });
    assert_eq!((search("PEAR"), search("apples")), (vec![3], vec![]));
}

#[test]
fn the_list_handles_ten_thousand_rows() {
    let mut project = Project::new("p", "P", Schema::default());
    project.restore((0..10_000).map(|i| {
        let status = Status::ALL[i % 4];
        summary(
            &format!("id{i}"),
            &format!("Article {i:05} about Topic {}", i % 7),
            Some(&format!("2025-01-{:02}", 1 + i % 28)),
            status,
            i % 13,
        )
    }));
    let topic3 = project.rows(&ListQuery { search: "topic 3".into(), ..ListQuery::default() });
    assert_eq!(topic3.len(), 1429);
    let done_by_quotes = project.rows(&ListQuery {
        sort: SortKey::Quotes,
        order: SortOrder::Descending,
        statuses: StatusSet::of(&[Status::Done]),
        search: String::new(),
    });
    assert_eq!(done_by_quotes.len(), 2500);
    let articles = project.articles();
    assert!(done_by_quotes.windows(2).all(|w| {
        let (a, b) = (&articles[w[0]], &articles[w[1]]);
        a.quotes > b.quotes || (a.quotes == b.quotes && w[0] < w[1])
    }));
    assert_eq!(project.progress().done, 2500);
}

// ---- flat rows and statistics ----

#[test]
fn corpus_rows_are_the_models_rows_with_article_id_and_split() {
    let mut doc = common::annotated_sample();
    doc.article.id = Some("story-9".into());
    let model_rows = flat_rows_jsonl(&doc);
    let rows = rows_jsonl(&doc, Some(Split::Dev));
    assert_eq!(rows.lines().count(), 5);
    for (mine, model) in rows.lines().zip(model_rows.lines()) {
        assert_eq!(mine, format!("{},\"article_id\":\"story-9\",\"split\":\"dev\"}}", &model[..model.len() - 1]));
    }
    assert!(rows_jsonl(&doc, None).lines().all(|l| l.ends_with(",\"article_id\":\"story-9\",\"split\":null}")));
}

#[test]
fn statistics_count_quotes_claims_speakers_stances_and_annotators() {
    let doc = common::annotated_sample();
    let mut stats = CorpusStats::new();
    stats.add(&doc, &CorpusMeta { status: Status::Done, ..CorpusMeta::default_for(&doc) });
    stats.add(&doc, &CorpusMeta::default_for(&doc));
    let empty = Document::new(Article::parse_text("Nothing.").unwrap(), Schema::default());
    stats.add(&empty, &CorpusMeta::default_for(&empty));
    let json = serde_json::to_value(&stats).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "articles": 3,
            "statuses": {"new": 1, "in_progress": 1, "done": 1, "skipped": 0},
            "annotations": 10,
            "quotes": {"total": 6, "direct": 4, "indirect": 2, "mixed": 0},
            "claims": 4,
            "speakers": 4,
            "stance_by_target": {
                "ending the war in Ukraine": {"favor": 2},
                "the 30-day ceasefire proposal": {"favor": 2}
            },
            "annotators": {"tester": 10}
        })
    );
    assert_eq!(
        stats.table(),
        "\
articles           3   new 1, in progress 1, done 1, skipped 0
annotations       10
quotes             6   direct 4, indirect 2, mixed 0
claims             4
speakers           4   distinct per article, summed

stance by target
  ending the war in Ukraine       favor 2
  the 30-day ceasefire proposal   favor 2

annotators (annotations made)
  tester   10
"
    );
}
