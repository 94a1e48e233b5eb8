//! The corpus page's view model: what the page shows about a project, its import and its
//! export, as plain values and the exact words, so the components in `ui::corpus` only lay
//! them out. Numbers are printed from integers (tenths of a unit at most): formatting an
//! `f64` would pull float printing into the bundle.

use crate::corpus::list::{ListQuery, SortKey, SortOrder};
use crate::corpus::project::Progress;
use crate::corpus::split::Ratios;
use crate::corpus::status::{Status, StatusSet};

/// A project in the switcher.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectChoice {
    pub id: String,
    pub name: String,
    pub done: usize,
    pub total: usize,
}

/// Where an import stands.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportView {
    /// Files being read and checked, with a Cancel button.
    Reading { source: String, lines: usize, bytes_done: usize, bytes_total: usize, elapsed_ms: f64 },
    /// Read: what would be added. When `bad` is not empty nothing is added until the person
    /// chooses "Import the N good articles, skip M" (or Cancel).
    Report {
        good: usize,
        /// The `Display` of each `corpus::intake::Duplicate`.
        duplicates: Vec<String>,
        /// The `Display` of each `corpus::intake::BadInput`: "file:LINE: path: message".
        bad: Vec<String>,
    },
    /// The chosen articles being written to storage.
    Writing { done: usize, total: usize },
    /// Finished: a one-line summary ("Added 120 articles; 3 were already in the project.").
    Finished { message: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportScope {
    All,
    Done,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Dataset JSONL: one document per line.
    Dataset,
    /// Flat rows JSONL: one row per quote or claim.
    Rows,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportRequest {
    pub scope: ExportScope,
    pub format: ExportFormat,
    pub split: Option<SplitRequest>,
}

/// A train/dev/test split by article, checked by [`parse_split`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitRequest {
    /// The ratios as typed (trimmed), e.g. "80/10/10"; `Ratios::parse` accepts them.
    pub ratios: String,
    pub seed: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExportView {
    Running { done: usize, total: usize },
    Finished { message: String },
}

/// "Suggest in new articles" under way (articles read of the total, suggestions accepted so
/// far, in how many articles) or finished.
#[derive(Clone, Debug, PartialEq)]
pub enum SuggestView {
    Running { read: usize, total: usize, accepted: usize, articles: usize },
    Finished { message: String },
}

pub fn suggest_line(view: &SuggestView) -> String {
    match view {
        SuggestView::Running { read, total, accepted, articles } => format!(
            "Read {} of {} · {} % · {} accepted in {} so far",
            format_count(*read),
            counted(*total, "new article", "new articles"),
            percent(*read, *total),
            counted(*accepted, "suggestion", "suggestions"),
            counted(*articles, "article", "articles"),
        ),
        SuggestView::Finished { message } => message.clone(),
    }
}

/// What "Suggest in new articles" says when it ends.
pub fn suggest_finished(accepted: usize, articles: usize, left_alone: usize, problems: &[String]) -> String {
    let mut message = match accepted {
        0 => "No suggestion was sure enough to accept in the new articles.".to_owned(),
        _ => format!(
            "Accepted {} in {}. They show as made by “suggestions” and stay new until someone works on them.",
            counted(accepted, "suggestion", "suggestions"),
            counted(articles, "article", "articles"),
        ),
    };
    if left_alone > 0 {
        message.push_str(&format!(
            " {} open in this tab left alone: press G there.",
            counted(left_alone, "article", "articles")
        ));
    }
    if let Some(first) = problems.first() {
        message.push_str(&format!(
            " {} could not be read, first {first}.",
            counted(problems.len(), "article", "articles")
        ));
    }
    message
}

/// The browser's storage for the app, in bytes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StorageView {
    pub usage: Option<f64>,
    pub quota: Option<f64>,
    /// The browser granted persistent storage: it will not evict the data on its own.
    pub persisted: bool,
    /// A write failed or space runs short: shown in the warning style.
    pub warning: Option<String>,
}

/// What the page says when the project has no articles.
pub const EMPTY_PROJECT: &str = "This project has no articles yet. Import files, a folder, or a JSONL of articles: \
     plain text, JSON records {id?, title?, published?, abstract?, text} or Stancemark documents.";

/// The split fields' starting values.
pub const DEFAULT_RATIOS: &str = "80/10/10";
pub const DEFAULT_SEED: &str = "0";

/// How many bad lines (and duplicates) the import report lists; the rest are counted.
pub const LISTED: usize = 200;

/// `1234567` → `"1,234,567"`.
pub fn format_count(n: usize) -> String {
    group_digits(n as u64)
}

fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "1 article" / "2 articles", the number with separators.
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", format_count(n), if n == 1 { one } else { many })
}

/// Bytes in decimal units with one decimal: "512 B", "12.4 MB", "2.1 GB". The unit is chosen
/// after rounding, so 999,960 bytes is "1.0 MB", not "1000.0 KB".
pub fn format_bytes(bytes: f64) -> String {
    let bytes = if bytes.is_finite() { bytes.max(0.0) } else { 0.0 };
    if bytes.round() < 1000.0 {
        return format!("{} B", bytes.round() as u64);
    }
    const UNITS: [(&str, f64); 4] = [("KB", 1e3), ("MB", 1e6), ("GB", 1e9), ("TB", 1e12)];
    for (i, (name, size)) in UNITS.iter().enumerate() {
        let tenths = (bytes / (size / 10.0)).round() as u64;
        if tenths < 10_000 || i == UNITS.len() - 1 {
            return format!("{}.{} {name}", tenths / 10, tenths % 10);
        }
    }
    unreachable!("the last unit always returns")
}

/// Whole percent done, rounded down, so 100 % means finished; 0 when there is nothing to do.
pub fn percent(done: usize, total: usize) -> usize {
    if total == 0 {
        return 0;
    }
    ((done.min(total) as u128 * 100) / total as u128) as usize
}

/// "about 6 s left", "about 3 min left" or "less than a second left", estimated from the time
/// spent on the fraction done. None before 5 % is done or 1 s has passed (whichever comes
/// first), when the estimate would be noise, and when nothing is done yet.
pub fn time_left(done: usize, total: usize, elapsed_ms: f64) -> Option<String> {
    if done == 0 || total == 0 || !elapsed_ms.is_finite() {
        return None;
    }
    let fraction = done.min(total) as f64 / total as f64;
    if fraction < 0.05 && elapsed_ms < 1000.0 {
        return None;
    }
    let left_ms = elapsed_ms.max(0.0) * (1.0 - fraction) / fraction;
    if left_ms < 1000.0 {
        return Some("less than a second left".to_owned());
    }
    let seconds = (left_ms / 1000.0).round() as u64;
    Some(if seconds < 90 {
        format!("about {seconds} s left")
    } else {
        format!("about {} min left", (seconds + 30) / 60)
    })
}

/// The one line under the import's progress bar, for every state of an import:
/// reading "12,345 lines read · 41 % · about 6 s left", writing "Saving 1,200 of 10,000
/// articles · 12 %", the report's summary, or the finished message.
pub fn reading_line(view: &ImportView) -> String {
    match view {
        ImportView::Reading { lines, bytes_done, bytes_total, elapsed_ms, .. } => {
            let mut line =
                format!("{} read · {} %", counted(*lines, "line", "lines"), percent(*bytes_done, *bytes_total));
            if let Some(left) = time_left(*bytes_done, *bytes_total, *elapsed_ms) {
                line.push_str(" · ");
                line.push_str(&left);
            }
            line
        }
        ImportView::Writing { done, total } => {
            format!(
                "Saving {} of {} · {} %",
                format_count(*done),
                counted(*total, "article", "articles"),
                percent(*done, *total)
            )
        }
        ImportView::Report { good, duplicates, bad } => report_summary(*good, duplicates.len(), bad.len()),
        ImportView::Finished { message } => message.clone(),
    }
}

/// What an import's report says above its lists.
pub fn report_summary(good: usize, duplicates: usize, bad: usize) -> String {
    let already = match duplicates {
        0 => String::new(),
        1 => "; 1 is already in the project".to_owned(),
        n => format!("; {} are already in the project", format_count(n)),
    };
    let ready = match good {
        1 => format!("1 article is ready to import{already}."),
        n => format!("{} articles are ready to import{already}.", format_count(n)),
    };
    if bad > 0 {
        let unreadable = if bad == 1 {
            "1 could not be read".to_owned()
        } else {
            format!("{} could not be read", format_count(bad))
        };
        return format!("Nothing was added: {unreadable} (listed below). {ready}");
    }
    match (good, duplicates) {
        (0, 0) => "Nothing to add: no articles were found.".to_owned(),
        (0, 1) => "Nothing to add: the article is already in the project.".to_owned(),
        (0, n) => format!("Nothing to add: all {} are already in the project.", format_count(n)),
        _ => ready,
    }
}

/// The report's button: "Import the 120 good articles, skip 2", or "Import 120 articles"
/// when nothing was bad.
pub fn import_good_label(good: usize, bad: usize) -> String {
    match bad {
        0 => format!("Import {}", counted(good, "article", "articles")),
        _ => format!(
            "Import the {} good {}, skip {}",
            format_count(good),
            if good == 1 { "article" } else { "articles" },
            format_count(bad)
        ),
    }
}

/// After the first [`LISTED`] entries of a list: "and 1,234 more".
pub fn more_line(more: usize) -> String {
    format!("and {} more", format_count(more))
}

/// The summary of the report's folded list of duplicates.
pub fn duplicates_summary(duplicates: usize) -> String {
    format!("{} already in the project (the same text), not added again", format_count(duplicates))
}

/// The line under the export's progress bar.
pub fn export_line(view: &ExportView) -> String {
    match view {
        ExportView::Running { done, total } => {
            format!(
                "Exporting {} of {} · {} %",
                format_count(*done),
                counted(*total, "article", "articles"),
                percent(*done, *total)
            )
        }
        ExportView::Finished { message } => message.clone(),
    }
}

/// "45 of 120 done · 3 skipped · 1,234 annotations"; the skipped part only when some are.
pub fn progress_label(p: &Progress) -> String {
    if p.total == 0 {
        return "No articles yet".to_owned();
    }
    let mut label = format!("{} of {} done", format_count(p.done), format_count(p.total));
    if p.skipped > 0 {
        label.push_str(&format!(" · {} skipped", format_count(p.skipped)));
    }
    label.push_str(&format!(" · {}", counted(p.annotations, "annotation", "annotations")));
    label
}

/// A project in the switcher: "Ceasefire coverage — 45/120 done".
pub fn project_choice_label(choice: &ProjectChoice) -> String {
    format!("{} — {}/{} done", choice.name, format_count(choice.done), format_count(choice.total))
}

/// What deleting a project asks first: what goes, and that it cannot be undone.
pub fn delete_project_question(name: &str, articles: usize, annotations: usize) -> String {
    const CANNOT_UNDO: &str = "This cannot be undone: export the project first to keep a copy.";
    if articles == 0 {
        return format!("Delete the project “{name}”? It has no articles. {CANNOT_UNDO}");
    }
    let annotations = match annotations {
        0 => "no annotations".to_owned(),
        n => counted(n, "annotation", "annotations"),
    };
    let articles = counted(articles, "article", "articles");
    format!("Delete the project “{name}” with its {articles} ({annotations})? {CANNOT_UNDO}")
}

/// What deleting the open article asks first.
pub fn delete_article_question(title: &str, annotations: usize) -> String {
    let annotations = match annotations {
        0 => "no annotations".to_owned(),
        n => counted(n, "annotation", "annotations"),
    };
    format!("Delete “{title}” ({annotations}) from the project? This cannot be undone.")
}

/// What an import says it added: "Added 3 articles; 1 was already in the project."
pub fn added_message(added: usize, duplicates: usize) -> String {
    let added = counted(added, "article", "articles");
    match duplicates {
        0 => format!("Added {added}."),
        1 => format!("Added {added}; 1 was already in the project."),
        n => format!("Added {added}; {} were already in the project.", format_count(n)),
    }
}

/// The project to open once `deleted` is gone: the first other one in the switcher's order,
/// or none (a new empty project is made).
pub fn after_deleting<'a>(projects: &'a [ProjectChoice], deleted: &str) -> Option<&'a ProjectChoice> {
    projects.iter().find(|p| p.id != deleted)
}

/// "Using 12.4 MB of 2.1 GB · kept until you clear it", or "· the browser may clear it when
/// space runs low" when the browser did not grant persistent storage.
pub fn storage_line(s: &StorageView) -> String {
    let used = match (s.usage, s.quota) {
        (Some(usage), Some(quota)) => format!("Using {} of {}", format_bytes(usage), format_bytes(quota)),
        (Some(usage), None) => format!("Using {}", format_bytes(usage)),
        _ => "Storage use unknown".to_owned(),
    };
    let kept = if s.persisted { "kept until you clear it" } else { "the browser may clear it when space runs low" };
    format!("{used} · {kept}")
}

/// Checks the split fields of the export form: the ratios with `Ratios::parse` (and its
/// message), the seed as a whole number.
pub fn parse_split(ratios: &str, seed: &str) -> Result<SplitRequest, String> {
    let ratios = ratios.trim();
    Ratios::parse(ratios).map_err(|e| e.to_string())?;
    let seed = seed.trim();
    if seed.is_empty() {
        return Err("the seed is empty: enter a whole number such as 0 or 42".to_owned());
    }
    let seed = seed
        .parse::<u64>()
        .map_err(|_| format!("the seed must be a whole number from 0 to {}, found {seed:?}", group_digits(u64::MAX)))?;
    Ok(SplitRequest { ratios: ratios.to_owned(), seed })
}

/// How many articles an export of `scope` writes.
pub fn scope_count(scope: ExportScope, p: &Progress) -> usize {
    match scope {
        ExportScope::All => p.total,
        ExportScope::Done => p.done,
    }
}

/// The query after a click on a column's header: the same column again reverses the order;
/// another column starts in the order a person looks for first (titles A to Z, dates and
/// statuses from the start; counts and last edits largest and newest first).
pub fn toggle_sort(query: &ListQuery, key: SortKey) -> ListQuery {
    let order = if query.sort == key {
        match query.order {
            SortOrder::Ascending => SortOrder::Descending,
            SortOrder::Descending => SortOrder::Ascending,
        }
    } else {
        match key {
            SortKey::Added | SortKey::Title | SortKey::Published | SortKey::Status => SortOrder::Ascending,
            SortKey::Edited | SortKey::Quotes | SortKey::Claims | SortKey::MissingSpeaker | SortKey::MissingStance => {
                SortOrder::Descending
            }
        }
    };
    ListQuery { sort: key, order, ..query.clone() }
}

/// The statuses after a click on a status chip: from "All", only that status; otherwise the
/// status is added or removed, and removing the last one shows all again.
pub fn toggle_status(set: StatusSet, status: Status) -> StatusSet {
    let next = if set == StatusSet::ALL {
        StatusSet::NONE.with(status)
    } else if set.contains(status) {
        set.without(status)
    } else {
        set.with(status)
    };
    if next == StatusSet::NONE {
        StatusSet::ALL
    } else {
        next
    }
}

/// Whether a status chip shows as pressed: none is while "All" is.
pub fn chip_pressed(set: StatusSet, status: Status) -> bool {
    set != StatusSet::ALL && set.contains(status)
}

/// The query without its status filter and search, keeping the sort.
pub fn clear_filter(query: &ListQuery) -> ListQuery {
    ListQuery { statuses: StatusSet::ALL, search: String::new(), ..query.clone() }
}

/// What the page says when no article passes the filter.
pub fn no_match_message(query: &ListQuery) -> String {
    let labels: Vec<&str> =
        Status::ALL.into_iter().filter(|s| query.statuses.contains(*s)).map(Status::label).collect();
    let statuses = match labels.as_slice() {
        [] => "no status".to_owned(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    };
    let search = query.search.trim();
    match (search.is_empty(), query.statuses == StatusSet::ALL) {
        (true, _) => format!("No articles match the status filter: {statuses}."),
        (false, true) => format!("No articles match “{search}”."),
        (false, false) => format!("No articles match “{search}” with the status {statuses}."),
    }
}

/// The list's "Edited" cell: the date of the last edit and who made it, "2025-03-16 by Ana";
/// "—" when the article was never edited.
pub fn edited_label(at: Option<&str>, by: Option<&str>) -> String {
    let date = at.map(|at| at.split_once('T').map_or(at, |(date, _)| date));
    match (date, by.filter(|b| !b.trim().is_empty())) {
        (Some(date), Some(by)) => format!("{date} by {by}"),
        (Some(date), None) => date.to_owned(),
        (None, Some(by)) => format!("by {by}"),
        (None, None) => "—".to_owned(),
    }
}

/// "Showing 1,234 of 10,000 articles", above the list.
pub fn shown_line(shown: usize, total: usize) -> String {
    if shown == total {
        counted(total, "article", "articles")
    } else {
        format!("Showing {} of {}", format_count(shown), counted(total, "article", "articles"))
    }
}

/// Whether a file found in a picked folder is one to import: a `.txt`, `.json` or `.jsonl`
/// file (any letter case), not hidden and not inside a hidden folder (`.git/`, `.DS_Store`).
/// `path` is the file's path below the picked folder, or its name.
pub fn accepts_file(path: &str) -> bool {
    let hidden = path.split(['/', '\\']).any(|part| part.starts_with('.'));
    let extension = path.rsplit_once('.').map(|(_, ext)| ext.to_ascii_lowercase());
    !hidden && matches!(extension.as_deref(), Some("txt" | "json" | "jsonl"))
}
