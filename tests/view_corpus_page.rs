//! The corpus page's view model: the exact words and numbers the page shows, and what a click
//! on a header or a status chip does to the list's query.

use stancemark::corpus::list::{ListQuery, SortKey, SortOrder};
use stancemark::corpus::project::Progress;
use stancemark::corpus::status::{Status, StatusSet};
use stancemark::view::corpus_page::*;

#[test]
fn counts_have_thousands_separators() {
    assert_eq!(format_count(0), "0");
    assert_eq!(format_count(999), "999");
    assert_eq!(format_count(1000), "1,000");
    assert_eq!(format_count(100_000), "100,000");
    assert_eq!(format_count(1_234_567), "1,234,567");
}

#[test]
fn bytes_are_printed_in_decimal_units_with_one_decimal() {
    assert_eq!(format_bytes(0.0), "0 B");
    assert_eq!(format_bytes(512.0), "512 B");
    assert_eq!(format_bytes(999.4), "999 B");
    assert_eq!(format_bytes(999.6), "1.0 KB", "rounded to 1000 bytes, so a kilobyte");
    assert_eq!(format_bytes(1500.0), "1.5 KB");
    assert_eq!(format_bytes(999_940.0), "999.9 KB");
    assert_eq!(format_bytes(999_960.0), "1.0 MB", "never 1000.0 KB");
    assert_eq!(format_bytes(12_400_000.0), "12.4 MB");
    assert_eq!(format_bytes(2_147_483_648.0), "2.1 GB");
    assert_eq!(format_bytes(5e12), "5.0 TB");
    assert_eq!(format_bytes(2e15), "2000.0 TB");
    assert_eq!(format_bytes(-5.0), "0 B");
    assert_eq!(format_bytes(f64::NAN), "0 B");
}

#[test]
fn percentages_round_down_so_100_means_finished() {
    assert_eq!(percent(0, 0), 0);
    assert_eq!(percent(41, 100), 41);
    assert_eq!(percent(999, 1000), 99);
    assert_eq!(percent(1000, 1000), 100);
    assert_eq!(percent(5, 3), 100);
    assert_eq!(percent(usize::MAX - 1, usize::MAX), 99);
}

#[test]
fn time_left_waits_for_5_percent_or_a_second_then_rounds_to_whole_seconds() {
    assert_eq!(time_left(0, 100, 5000.0), None, "nothing done: no estimate");
    assert_eq!(time_left(4, 100, 500.0), None, "4 % after half a second: too early");
    assert_eq!(time_left(5, 100, 100.0).as_deref(), Some("about 2 s left"), "1.9 s");
    assert_eq!(time_left(41, 100, 4200.0).as_deref(), Some("about 6 s left"), "6.04 s");
    assert_eq!(time_left(50, 100, 1400.0).as_deref(), Some("about 1 s left"));
    assert_eq!(time_left(50, 100, 2500.0).as_deref(), Some("about 3 s left"), "halves round up");
    assert_eq!(time_left(90, 100, 8000.0).as_deref(), Some("less than a second left"), "0.89 s");
    assert_eq!(time_left(100, 100, 3000.0).as_deref(), Some("less than a second left"));
    assert_eq!(time_left(50, 100, 89_000.0).as_deref(), Some("about 89 s left"));
    assert_eq!(time_left(50, 100, 90_000.0).as_deref(), Some("about 2 min left"), "from 90 s on, minutes");
    assert_eq!(time_left(1, 100, 1000.0).as_deref(), Some("about 2 min left"), "a second in, even at 1 %");
    assert_eq!(time_left(10, 100, 80_000.0).as_deref(), Some("about 12 min left"));
}

fn reading(lines: usize, bytes_done: usize, bytes_total: usize, elapsed_ms: f64) -> ImportView {
    ImportView::Reading { source: "articles.jsonl".to_owned(), lines, bytes_done, bytes_total, elapsed_ms }
}

#[test]
fn the_import_line_counts_lines_percent_and_time_left() {
    assert_eq!(reading_line(&reading(12_345, 41, 100, 4200.0)), "12,345 lines read · 41 % · about 6 s left");
    assert_eq!(reading_line(&reading(1, 0, 100, 10.0)), "1 line read · 0 %");
    assert_eq!(reading_line(&reading(0, 0, 0, 0.0)), "0 lines read · 0 %");
    assert_eq!(
        reading_line(&ImportView::Writing { done: 1200, total: 10_000 }),
        "Saving 1,200 of 10,000 articles · 12 %"
    );
    assert_eq!(reading_line(&ImportView::Writing { done: 1, total: 1 }), "Saving 1 of 1 article · 100 %");
    let report = ImportView::Report { good: 3, duplicates: vec!["a:1: same".to_owned()], bad: vec![] };
    assert_eq!(reading_line(&report), "3 articles are ready to import; 1 is already in the project.");
    let finished = ImportView::Finished { message: "Added 3 articles.".to_owned() };
    assert_eq!(reading_line(&finished), "Added 3 articles.");
}

#[test]
fn the_report_says_what_was_added_and_why_not() {
    assert_eq!(
        report_summary(120, 3, 2),
        "Nothing was added: 2 could not be read (listed below). 120 articles are ready to import; 3 are already in the project."
    );
    assert_eq!(
        report_summary(1, 1, 1),
        "Nothing was added: 1 could not be read (listed below). 1 article is ready to import; 1 is already in the project."
    );
    assert_eq!(
        report_summary(0, 0, 2),
        "Nothing was added: 2 could not be read (listed below). 0 articles are ready to import."
    );
    assert_eq!(report_summary(1200, 0, 0), "1,200 articles are ready to import.");
    assert_eq!(report_summary(0, 0, 0), "Nothing to add: no articles were found.");
    assert_eq!(report_summary(0, 1, 0), "Nothing to add: the article is already in the project.");
    assert_eq!(report_summary(0, 3, 0), "Nothing to add: all 3 are already in the project.");

    assert_eq!(import_good_label(120, 2), "Import the 120 good articles, skip 2");
    assert_eq!(import_good_label(1, 1), "Import the 1 good article, skip 1");
    assert_eq!(import_good_label(1200, 0), "Import 1,200 articles");
    assert_eq!(import_good_label(1, 0), "Import 1 article");
    assert_eq!(more_line(1234), "and 1,234 more");
    assert_eq!(duplicates_summary(3), "3 already in the project (the same text), not added again");
    assert_eq!(LISTED, 200);
}

#[test]
fn export_progress_and_project_progress_read_as_sentences() {
    assert_eq!(
        export_line(&ExportView::Running { done: 1200, total: 10_000 }),
        "Exporting 1,200 of 10,000 articles · 12 %"
    );
    assert_eq!(
        export_line(&ExportView::Finished { message: "Exported 120 articles.".to_owned() }),
        "Exported 120 articles."
    );

    let p = Progress { total: 120, new: 60, in_progress: 12, done: 45, skipped: 3, annotations: 1234 };
    assert_eq!(progress_label(&p), "45 of 120 done · 3 skipped · 1,234 annotations");
    let p = Progress { skipped: 0, annotations: 1, ..p };
    assert_eq!(progress_label(&p), "45 of 120 done · 1 annotation");
    assert_eq!(progress_label(&Progress::default()), "No articles yet");

    let choice = ProjectChoice { id: "p1".to_owned(), name: "Ceasefire".to_owned(), done: 4500, total: 10_000 };
    assert_eq!(project_choice_label(&choice), "Ceasefire — 4,500/10,000 done");

    let p = Progress { total: 120, done: 45, ..Progress::default() };
    assert_eq!(scope_count(ExportScope::All, &p), 120);
    assert_eq!(scope_count(ExportScope::Done, &p), 45);
}

#[test]
fn the_storage_line_shows_use_against_quota_and_whether_it_is_kept() {
    let mut s = StorageView { usage: Some(12_400_000.0), quota: Some(2.1e9), persisted: true, warning: None };
    assert_eq!(storage_line(&s), "Using 12.4 MB of 2.1 GB · kept until you clear it");
    s.persisted = false;
    assert_eq!(storage_line(&s), "Using 12.4 MB of 2.1 GB · the browser may clear it when space runs low");
    s.quota = None;
    s.usage = Some(512.0);
    assert_eq!(storage_line(&s), "Using 512 B · the browser may clear it when space runs low");
    assert_eq!(
        storage_line(&StorageView { persisted: true, ..StorageView::default() }),
        "Storage use unknown · kept until you clear it"
    );
}

#[test]
fn split_fields_are_checked_with_the_corpus_rules_and_messages() {
    assert_eq!(parse_split("80/10/10", "0"), Ok(SplitRequest { ratios: "80/10/10".to_owned(), seed: 0 }));
    assert_eq!(parse_split(" 0.8,0.1,0.1 ", " 42 "), Ok(SplitRequest { ratios: "0.8,0.1,0.1".to_owned(), seed: 42 }));
    assert_eq!(
        parse_split("80/10", "0"),
        Err("expected three ratios for train, dev and test such as 80/10/10 or 0.8,0.1,0.1, found \"80/10\"".to_owned())
    );
    assert_eq!(
        parse_split("80/x/10", "0"),
        Err("\"x\" is not a number (ratios look like 80/10/10 or 0.8,0.1,0.1)".to_owned())
    );
    assert_eq!(
        parse_split("80/10/5", "0"),
        Err("the ratios must sum to 1 (or to 100 as percentages), they sum to 95".to_owned())
    );
    assert_eq!(parse_split("-10/100/10", "0"), Err("each ratio must be a number of at least 0, found -10".to_owned()));
    assert_eq!(parse_split("80/10/10", ""), Err("the seed is empty: enter a whole number such as 0 or 42".to_owned()));
    let too_big = "the seed must be a whole number from 0 to 18,446,744,073,709,551,615, found";
    assert_eq!(parse_split("80/10/10", "-1"), Err(format!("{too_big} \"-1\"")));
    assert_eq!(parse_split("80/10/10", "4.5"), Err(format!("{too_big} \"4.5\"")));
    assert_eq!(parse_split("80/10/10", "18446744073709551616"), Err(format!("{too_big} \"18446744073709551616\"")));
    assert_eq!(parse_split(DEFAULT_RATIOS, DEFAULT_SEED).map(|s| s.seed), Ok(0));
}

#[test]
fn a_header_sorts_by_its_column_and_again_reverses() {
    let query = ListQuery { search: "kremlin".to_owned(), statuses: StatusSet::UNFINISHED, ..ListQuery::default() };
    let by_title = toggle_sort(&query, SortKey::Title);
    assert_eq!((by_title.sort, by_title.order), (SortKey::Title, SortOrder::Ascending));
    assert_eq!((by_title.search.as_str(), by_title.statuses), ("kremlin", StatusSet::UNFINISHED), "the filter stays");
    let reversed = toggle_sort(&by_title, SortKey::Title);
    assert_eq!((reversed.sort, reversed.order), (SortKey::Title, SortOrder::Descending));
    assert_eq!(toggle_sort(&reversed, SortKey::Title).order, SortOrder::Ascending);
    let by_quotes = toggle_sort(&reversed, SortKey::Quotes);
    assert_eq!((by_quotes.sort, by_quotes.order), (SortKey::Quotes, SortOrder::Descending), "most quotes first");
    assert_eq!(toggle_sort(&by_quotes, SortKey::Edited).order, SortOrder::Descending, "newest edit first");
    assert_eq!(toggle_sort(&by_quotes, SortKey::Published).order, SortOrder::Ascending, "oldest first");
}

#[test]
fn status_chips_pick_from_all_then_toggle() {
    let done = toggle_status(StatusSet::ALL, Status::Done);
    assert_eq!(done, StatusSet::of(&[Status::Done]), "from All, only the chip clicked");
    let done_skipped = toggle_status(done, Status::Skipped);
    assert_eq!(done_skipped, StatusSet::of(&[Status::Done, Status::Skipped]));
    assert_eq!(toggle_status(done_skipped, Status::Done), StatusSet::of(&[Status::Skipped]));
    assert_eq!(toggle_status(done, Status::Done), StatusSet::ALL, "none left means all");
    assert!(!chip_pressed(StatusSet::ALL, Status::Done));
    assert!(chip_pressed(done, Status::Done));
    assert!(!chip_pressed(done, Status::New));

    let query = ListQuery { sort: SortKey::Quotes, search: "x".to_owned(), statuses: done, ..ListQuery::default() };
    assert_eq!(clear_filter(&query), ListQuery { sort: SortKey::Quotes, ..ListQuery::default() });
}

#[test]
fn an_empty_filter_says_what_matched_nothing() {
    let search = |s: &str, statuses| ListQuery { search: s.to_owned(), statuses, ..ListQuery::default() };
    assert_eq!(no_match_message(&search(" peskov ", StatusSet::ALL)), "No articles match “peskov”.");
    assert_eq!(
        no_match_message(&search("", StatusSet::of(&[Status::Skipped, Status::Done]))),
        "No articles match the status filter: Done or Skipped."
    );
    assert_eq!(
        no_match_message(&search("x", StatusSet::of(&[Status::New, Status::InProgress, Status::Done]))),
        "No articles match “x” with the status New, In progress or Done."
    );
}

#[test]
fn list_cells_and_lines() {
    assert_eq!(edited_label(Some("2025-03-16T10:00:00Z"), Some("Ana")), "2025-03-16 by Ana");
    assert_eq!(edited_label(Some("2025-03-16"), None), "2025-03-16");
    assert_eq!(edited_label(Some("2025-03-16T10:00:00+01:00"), Some("  ")), "2025-03-16");
    assert_eq!(edited_label(None, Some("Ana")), "by Ana");
    assert_eq!(edited_label(None, None), "—");

    assert_eq!(shown_line(1234, 10_000), "Showing 1,234 of 10,000 articles");
    assert_eq!(shown_line(10_000, 10_000), "10,000 articles");
    assert_eq!(shown_line(1, 1), "1 article");
}

#[test]
fn a_folder_gives_its_article_files_only() {
    for path in ["a.txt", "sub/B.JSONL", "x.json", "deep/er/story.Txt"] {
        assert!(accepts_file(path), "{path}");
    }
    for path in [".DS_Store", ".git/config.json", "sub/.hidden.txt", "notes.md", "README", "image.png"] {
        assert!(!accepts_file(path), "{path}");
    }
}

#[test]
fn the_empty_project_names_every_kind_of_input() {
    assert!(
        EMPTY_PROJECT.starts_with("This project has no articles yet. Import files, a folder, or a JSONL of articles")
    );
    assert!(EMPTY_PROJECT.contains("{id?, title?, published?, abstract?, text}"));
}

#[test]
fn deleting_a_project_asks_first_naming_what_goes_and_opens_the_next_one() {
    assert_eq!(
        delete_project_question("Ceasefire coverage", 1_204, 1),
        "Delete the project “Ceasefire coverage” with its 1,204 articles (1 annotation)? \
         This cannot be undone: export the project first to keep a copy."
    );
    assert!(delete_project_question("One", 1, 0)
        .starts_with("Delete the project “One” with its 1 article (no annotations)?"));
    assert_eq!(
        delete_project_question("Empty", 0, 0),
        "Delete the project “Empty”? It has no articles. This cannot be undone: export the project first to keep a copy."
    );
    let choice = |id: &str| ProjectChoice { id: id.into(), name: id.to_uppercase(), done: 0, total: 0 };
    let projects = [choice("a"), choice("b"), choice("c")];
    assert_eq!(after_deleting(&projects, "a").map(|p| p.id.as_str()), Some("b"));
    assert_eq!(after_deleting(&projects, "b").map(|p| p.id.as_str()), Some("a"));
    assert_eq!(after_deleting(&projects[..1], "a"), None, "the last project: a new empty one is made");
}

#[test]
fn deleting_an_article_asks_first_with_its_annotations_counted() {
    assert_eq!(
        delete_article_question("Peskov on the ceasefire", 3),
        "Delete “Peskov on the ceasefire” (3 annotations) from the project? This cannot be undone."
    );
    assert_eq!(delete_article_question("T", 0), "Delete “T” (no annotations) from the project? This cannot be undone.");
}

#[test]
fn an_import_says_how_many_it_added_in_words_that_agree_with_the_number() {
    assert_eq!(added_message(1, 0), "Added 1 article.");
    assert_eq!(added_message(1_200, 1), "Added 1,200 articles; 1 was already in the project.");
    assert_eq!(added_message(0, 3), "Added 0 articles; 3 were already in the project.");
}
