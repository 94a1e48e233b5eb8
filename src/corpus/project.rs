//! A project: one schema and the summaries of its articles, with the pure operations the app
//! and its keys need (add what came in, change a status, count progress, find the next
//! unfinished article). Documents themselves live in storage, one per article; a project
//! holds only what the list and the progress bar show.

use std::collections::HashMap;

use super::ids::KnownArticles;
use super::intake::{Incoming, Intake};
use super::list::{self, ListQuery, TitleIndex};
use super::status::Status;
use super::summary::ArticleSummary;
use super::targets::{merge_targets, TargetConflict};
use crate::model::schema::Schema;

#[derive(Clone, Debug)]
pub struct Project {
    pub id: String,
    pub name: String,
    /// The stance values, hotkeys and the targets of every article.
    pub schema: Schema,
    /// In the order they were added.
    articles: Vec<ArticleSummary>,
    /// Article id → its index in `articles`.
    positions: HashMap<String, usize>,
    titles: TitleIndex,
}

/// Counts for the progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    pub total: usize,
    pub new: usize,
    pub in_progress: usize,
    pub done: usize,
    pub skipped: usize,
    /// Quotes and claims in all articles.
    pub annotations: usize,
}

impl Progress {
    /// Done or skipped: nothing left to do there.
    pub fn finished(&self) -> usize {
        self.done + self.skipped
    }
}

/// What [`Project::add`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// The ids added, in order.
    pub ids: Vec<String>,
    /// Ids refused because the project gained the same id or text after the intake was read.
    pub already_present: Vec<String>,
    /// Targets of incoming documents whose id the project uses with another label.
    pub target_conflicts: Vec<TargetConflict>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Next,
    Previous,
}

impl Project {
    pub fn new(id: impl Into<String>, name: impl Into<String>, schema: Schema) -> Project {
        Project {
            id: id.into(),
            name: name.into(),
            schema,
            articles: Vec::new(),
            positions: HashMap::new(),
            titles: TitleIndex::default(),
        }
    }

    pub fn articles(&self) -> &[ArticleSummary] {
        &self.articles
    }

    pub fn article(&self, id: &str) -> Option<&ArticleSummary> {
        self.position(id).map(|i| &self.articles[i])
    }

    /// The article's index in [`Project::articles`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.positions.get(id).copied()
    }

    /// The ids and texts intake checks new articles against.
    pub fn known(&self) -> KnownArticles {
        KnownArticles::of(&self.articles)
    }

    /// An empty intake into this project.
    pub fn intake(&self) -> Intake {
        Intake::new(self.known(), self.schema.clone())
    }

    /// Adds articles from an intake (all of `intake.added`, or the ones the person chose),
    /// and the targets their documents brought.
    pub fn add<'a>(&mut self, incoming: impl IntoIterator<Item = &'a Incoming>) -> Added {
        let mut added = Added::default();
        let mut known = self.known();
        for article in incoming {
            let sha = &article.summary.text_sha256;
            if known.has_id(&article.id) || known.id_of_text(sha).is_some() {
                added.already_present.push(article.id.clone());
                continue;
            }
            known.insert(&article.id, sha);
            if let Some(schema) = &article.own_schema {
                added.target_conflicts.extend(merge_targets(&mut self.schema, schema));
            }
            self.push(article.summary.clone());
            added.ids.push(article.id.clone());
        }
        added
    }

    /// Puts back articles read from storage, in their order; returns the ids refused because
    /// an earlier one has the same id.
    pub fn restore(&mut self, summaries: impl IntoIterator<Item = ArticleSummary>) -> Vec<String> {
        let mut refused = Vec::new();
        for summary in summaries {
            if self.positions.contains_key(&summary.id) {
                refused.push(summary.id);
            } else {
                self.push(summary);
            }
        }
        refused
    }

    fn push(&mut self, summary: ArticleSummary) {
        self.positions.insert(summary.id.clone(), self.articles.len());
        self.titles.push(&summary);
        self.articles.push(summary);
    }

    /// Replaces an article's summary after its document changed (same id). False if there
    /// is no such article.
    pub fn update(&mut self, summary: ArticleSummary) -> bool {
        match self.position(&summary.id) {
            Some(i) => {
                self.titles.set(i, &summary);
                self.articles[i] = summary;
                true
            }
            None => false,
        }
    }

    /// Takes the article out of the project; `None` if there is no such article. Costs a pass
    /// over the articles after it (their positions move up), as deleting is rare.
    pub fn remove(&mut self, id: &str) -> Option<ArticleSummary> {
        let at = self.positions.remove(id)?;
        let removed = self.articles.remove(at);
        for (i, article) in self.articles.iter().enumerate().skip(at) {
            self.positions.insert(article.id.clone(), i);
        }
        self.titles = TitleIndex::new(&self.articles);
        Some(removed)
    }

    /// False if there is no such article.
    pub fn set_status(&mut self, id: &str, status: Status) -> bool {
        match self.position(id) {
            Some(i) => {
                self.articles[i].status = status;
                true
            }
            None => false,
        }
    }

    /// Marks the article done; returns the next unfinished article to open, if any.
    pub fn mark_done(&mut self, id: &str) -> Option<String> {
        self.set_status(id, Status::Done);
        self.unfinished_from(Some(id), Direction::Next).map(str::to_owned)
    }

    /// Sets the article aside; returns the next unfinished article to open, if any.
    pub fn skip(&mut self, id: &str) -> Option<String> {
        self.set_status(id, Status::Skipped);
        self.unfinished_from(Some(id), Direction::Next).map(str::to_owned)
    }

    pub fn progress(&self) -> Progress {
        let mut p = Progress { total: self.articles.len(), ..Progress::default() };
        for a in &self.articles {
            match a.status {
                Status::New => p.new += 1,
                Status::InProgress => p.in_progress += 1,
                Status::Done => p.done += 1,
                Status::Skipped => p.skipped += 1,
            }
            p.annotations += a.annotations();
        }
        p
    }

    /// The nearest unfinished (new or in progress) article after (or before) `from` in the
    /// order articles were added, wrapping around at the end; never `from` itself. From
    /// `None`, the first (or last) unfinished article.
    pub fn unfinished_from(&self, from: Option<&str>, direction: Direction) -> Option<&str> {
        let at = from.and_then(|id| self.position(id));
        self.unfinished_along(self.articles.len(), |k| k, at, direction)
    }

    /// The same along the rows a list shows (from [`Project::rows`]), for keys that would follow
    /// the list's sort and filter (the app's keys follow the order articles were added in). An
    /// article not among the rows starts from the top.
    pub fn unfinished_from_in(&self, rows: &[usize], from: Option<&str>, direction: Direction) -> Option<&str> {
        let at = from.and_then(|id| self.position(id)).and_then(|i| rows.iter().position(|r| *r == i));
        self.unfinished_along(rows.len(), |k| rows[k], at, direction)
    }

    /// Walks `len` rows (`row(k)` is the article at row `k`) from row `at` in `direction`.
    fn unfinished_along(
        &self,
        len: usize,
        row: impl Fn(usize) -> usize,
        at: Option<usize>,
        direction: Direction,
    ) -> Option<&str> {
        // The k-th row to look at, k = 0, 1, ...: after `at` (never `at` itself) or from an end.
        let nth = |k: usize| match (at, direction) {
            (Some(at), Direction::Next) => (at + 1 + k) % len,
            (Some(at), Direction::Previous) => (at + len - 1 - k) % len,
            (None, Direction::Next) => k,
            (None, Direction::Previous) => len - 1 - k,
        };
        let count = if at.is_some() { len.saturating_sub(1) } else { len };
        (0..count)
            .map(nth)
            .map(row)
            .find(|&i| self.articles[i].status.is_unfinished())
            .map(|i| self.articles[i].id.as_str())
    }

    /// The rows the corpus list shows for `query` (indices into [`Project::articles`]).
    pub fn rows(&self, query: &ListQuery) -> Vec<usize> {
        list::rows(&self.articles, &self.titles, query)
    }

    /// Gives a document being opened every target of the project it lacks; conflicts keep the
    /// document's label, which its annotations were made with.
    pub fn targets_into(&self, document_schema: &mut Schema) -> Vec<TargetConflict> {
        merge_targets(document_schema, &self.schema)
    }

    /// Takes the targets a document gained (a target added while annotating it) into the
    /// project, so every other article offers them.
    pub fn targets_from(&mut self, document_schema: &Schema) -> Vec<TargetConflict> {
        merge_targets(&mut self.schema, document_schema)
    }
}
