//! The project open in the tab and the article open in it: the article's corpus status and
//! last edit, where the article keys go next, and the articles visited in this tab, each with
//! its own undo history. Pure: the app loads and stores documents; this decides what changes
//! and what must be written.

use std::collections::HashMap;
use std::rc::Rc;

use crate::corpus::meta::CorpusMeta;
use crate::corpus::project::{Direction, Project};
use crate::corpus::status::Status;
use crate::corpus::summary::ArticleSummary;
use crate::model::document::Document;
use crate::model::history::Editor;
use crate::model::keys::ArticleMove;
use crate::model::sequence;

/// Past this many bytes of journal since the open article's base, the next save writes the
/// base instead: replaying a long journal on load would cost more than one base write.
pub const JOURNAL_LIMIT: usize = 512 * 1024;

pub struct Workspace {
    /// Shared with the corpus page's props; changed only through [`Workspace::project_mut`]
    /// (`Rc::make_mut`, which copies only while the page holds the old one).
    pub project: Rc<Project>,
    /// Changes with every change of `project` (unique in the process, so another workspace's
    /// project never shares one), so caches of what is made from it (the list's rows, the
    /// progress) can tell when to make it again without holding a copy of it.
    project_revision: u64,
    /// The article being annotated.
    pub open: String,
    /// Its corpus metadata: status, last edit, split.
    pub meta: CorpusMeta,
    /// Articles visited in this tab and left: going back to one keeps its undo history.
    visited: HashMap<String, (Editor, CorpusMeta)>,
    /// Bytes of journal stored since the open article's base was written.
    journal_bytes: usize,
}

/// What an article key asks the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Move {
    /// Open this article. `status_changed`: the left article's status changed, so its base
    /// (which carries the status) must be written.
    Open {
        id: String,
        status_changed: bool,
    },
    /// Nothing unfinished is left: show the corpus list (the status may have changed too).
    NothingLeft {
        status_changed: bool,
    },
    /// The open article is the project's only unfinished one: stay.
    OnlyThisOne,
    ShowCorpus,
}

/// What to store after the open document was edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edited {
    pub summary: ArticleSummary,
    /// The document brought the project a target it lacked: store the project too.
    pub project_changed: bool,
}

impl Workspace {
    pub fn new(project: Project, open: String, meta: CorpusMeta) -> Workspace {
        let project_revision = sequence::next();
        Workspace { project: Rc::new(project), project_revision, open, meta, visited: HashMap::new(), journal_bytes: 0 }
    }

    /// The project, to change it (this counts as a change).
    pub fn project_mut(&mut self) -> &mut Project {
        self.project_revision = sequence::next();
        Rc::make_mut(&mut self.project)
    }

    /// The project's revision (see `project_revision`).
    pub fn project_revision(&self) -> u64 {
        self.project_revision
    }

    /// The open article's row in the project.
    pub fn open_summary(&self) -> Option<&ArticleSummary> {
        self.project.article(&self.open)
    }

    /// Records an edit of the open document by `by` at `at`: a new article becomes in
    /// progress, its counts and last edit are brought up to date, and a target it gained joins
    /// the project. Costs a pass over the document's annotations, never over the corpus.
    pub fn record_edit(&mut self, doc: &Document, at: &str, by: &str) -> Option<Edited> {
        self.meta.record_edit(doc, at, by);
        let mut summary = self.open_summary()?.clone();
        summary.recount(doc, &self.meta);
        let targets_before = self.project.schema.targets.len();
        let adds_targets = doc.schema.targets.iter().any(|t| self.project.schema.target(&t.id).is_none());
        let project = self.project_mut();
        project.update(summary.clone());
        if adds_targets {
            project.targets_from(&doc.schema);
        }
        Some(Edited { summary, project_changed: self.project.schema.targets.len() != targets_before })
    }

    /// Counts journal bytes just stored; true when the next save should write the base.
    pub fn journal_written(&mut self, bytes: usize) -> bool {
        self.journal_bytes += bytes;
        self.journal_bytes > JOURNAL_LIMIT
    }

    /// The open article's base was written: its journal is empty again.
    pub fn base_written(&mut self) {
        self.journal_bytes = 0;
    }

    /// Where an article key goes. Done and skip set the open article's status first.
    pub fn plan_move(&mut self, step: ArticleMove) -> Move {
        let (direction, status) = match step {
            ArticleMove::ShowCorpus => return Move::ShowCorpus,
            ArticleMove::NextUnfinished => (Direction::Next, None),
            ArticleMove::PreviousUnfinished => (Direction::Previous, None),
            ArticleMove::DoneAndNext => (Direction::Next, Some(Status::Done)),
            ArticleMove::SkipAndNext => (Direction::Next, Some(Status::Skipped)),
        };
        let status_changed = status.is_some_and(|status| self.set_status(status));
        match self.project.unfinished_from(Some(&self.open), direction) {
            Some(id) => Move::Open { id: id.to_owned(), status_changed },
            None if self.meta.status.is_unfinished() => Move::OnlyThisOne,
            None => Move::NothingLeft { status_changed },
        }
    }

    /// Sets the open article's status; false if it already had it.
    pub fn set_status(&mut self, status: Status) -> bool {
        if self.meta.status == status {
            return false;
        }
        self.meta.status = status;
        let open = self.open.clone();
        self.project_mut().set_status(&open, status);
        true
    }

    /// Whether an editor in this tab holds `id` (it is open, or was visited and left): its
    /// stored document must change only through that editor.
    pub fn has_editor(&self, id: &str) -> bool {
        self.open == id || self.visited.contains_key(id)
    }

    /// The editor and metadata of an article visited in this tab and left, if it was.
    pub fn take_visited(&mut self, id: &str) -> Option<(Editor, CorpusMeta)> {
        self.visited.remove(id)
    }

    /// Makes `id` the open article, with `meta`; the article open until now is kept with its
    /// `editor` (and undo history) for coming back. A document loaded from storage must get
    /// the project's targets first ([`Workspace::give_targets`]).
    pub fn switch(&mut self, left: Editor, id: String, meta: CorpusMeta) {
        let left_id = std::mem::replace(&mut self.open, id);
        let left_meta = std::mem::replace(&mut self.meta, meta);
        // No article was open (an empty project, or the open one was deleted): nothing to keep.
        if !left_id.is_empty() {
            self.visited.insert(left_id, (left, left_meta));
        }
        self.journal_bytes = 0;
    }

    /// Takes the open article out of the project, and with it the tab's hold on it: nothing
    /// is open until the next article opens, so no save can write the deleted one again.
    /// Returns the article to open next: the next unfinished one, else the next in the
    /// project's order, else the one before it; `None` when it was the last.
    pub fn remove_open(&mut self) -> Option<String> {
        let at = self.project.position(&self.open)?;
        let next = self
            .project
            .unfinished_from(Some(&self.open), Direction::Next)
            .or_else(|| {
                self.project
                    .articles()
                    .get(at + 1)
                    .or(at.checked_sub(1).and_then(|i| self.project.articles().get(i)))
                    .map(|a| a.id.as_str())
            })
            .map(str::to_owned);
        let open = std::mem::take(&mut self.open);
        self.project_mut().remove(&open);
        self.visited.remove(&open);
        self.journal_bytes = 0;
        next
    }

    /// A write for `article`, left for another one since, failed: its editor saves the whole
    /// document next time, since the stored journal may miss a step.
    pub fn mark_unsaved(&mut self, article: &str) {
        if let Some((editor, _)) = self.visited.get_mut(article) {
            editor.mark_unsaved_whole();
        }
    }

    /// Gives a document loaded from storage the project's targets it lacks.
    pub fn give_targets(&self, doc: &mut Document) {
        self.project.targets_into(&mut doc.schema);
    }
}
