//! The app's side of "Suggest in new articles": starting and cancelling the job, writing each
//! batch's articles (unless an editor of this tab holds one by then), and its progress.

use std::cell::Cell;
use std::rc::Rc;

use crate::corpus::summary::ArticleSummary;
use crate::view::corpus_page::{suggest_finished, SuggestView};
use crate::view::preannotation::candidates;

use super::app::Msg;
use super::preannotation_job::{self, Batch};
use super::running::Running;

/// A "Suggest in new articles" under way.
pub struct PreannotationJob {
    id: u64,
    cancelled: Rc<Cell<bool>>,
    accepted: usize,
    articles: usize,
    left_alone: usize,
    problems: Vec<String>,
}

impl Running {
    pub(super) fn suggest_new(&mut self) -> bool {
        let Some(db) = self.saver.db().cloned() else {
            let message = "Nothing is stored in this browser: open an article and press G to see suggestions.";
            self.corpus.suggest_view = Some(SuggestView::Finished { message: message.to_owned() });
            return true;
        };
        self.flush();
        let workspace = &self.workspace;
        let (chosen, held) = candidates(&workspace.project, |id| workspace.has_editor(id));
        if chosen.is_empty() {
            let message = "No new articles to suggest in (an article open in this tab takes G instead).";
            self.corpus.suggest_view = Some(SuggestView::Finished { message: message.to_owned() });
            return true;
        }
        let id = crate::model::sequence::next();
        let cancelled = Rc::new(Cell::new(false));
        let total = chosen.len();
        let project = workspace.project.id.clone();
        preannotation_job::start(db, project, chosen, id, cancelled.clone(), self.link.clone());
        self.preannotation =
            Some(PreannotationJob { id, cancelled, accepted: 0, articles: 0, left_alone: held, problems: Vec::new() });
        self.corpus.suggest_view = Some(SuggestView::Running { read: 0, total, accepted: 0, articles: 0 });
        true
    }

    pub(super) fn cancel_suggest(&mut self) -> bool {
        if let Some(job) = self.preannotation.take() {
            job.cancelled.set(true);
            let message =
                format!("Stopped. {}", suggest_finished(job.accepted, job.articles, job.left_alone, &job.problems));
            self.corpus.suggest_view = Some(SuggestView::Finished { message });
        }
        true
    }

    /// Writes a batch's articles, each in its own transaction, and shows the progress. Rows
    /// change only once their article is written, so the list never shows what is not stored.
    pub(super) fn preannotated(&mut self, batch: Batch) -> bool {
        let Some(job) = self.preannotation.as_mut().filter(|job| job.id == batch.job) else { return false };
        let Some(db) = self.saver.db().cloned() else { return false };
        let project = self.workspace.project.id.clone();
        for article in batch.done {
            // Deleted since the job read it: it must not be written back.
            if self.workspace.project.article(&article.summary.id).is_none() {
                continue;
            }
            // Opened since the job read it: its editor's document is the one that counts.
            if self.workspace.has_editor(&article.summary.id) {
                job.left_alone += 1;
                continue;
            }
            job.accepted += article.accepted;
            job.articles += 1;
            let (db, project, link) = (db.clone(), project.clone(), self.link.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let summary = article.summary;
                match db.write_base(&project, &summary.id, &article.base, &summary).await {
                    Ok(()) => link.send_message(Msg::PreannotationWritten(summary)),
                    Err(error) => {
                        link.send_message(Msg::Stored { article: summary.id, result: Err(error.to_string()) })
                    }
                }
            });
        }
        job.problems.extend(batch.problems);
        self.corpus.suggest_view = Some(if batch.read < batch.total {
            SuggestView::Running {
                read: batch.read,
                total: batch.total,
                accepted: job.accepted,
                articles: job.articles,
            }
        } else {
            let job = self.preannotation.take().expect("matched above");
            SuggestView::Finished {
                message: suggest_finished(job.accepted, job.articles, job.left_alone, &job.problems),
            }
        });
        self.corpus.shown
    }

    pub(super) fn preannotation_stopped(&mut self, job: u64, error: String) -> bool {
        if self.preannotation.as_ref().is_none_or(|j| j.id != job) {
            return false;
        }
        self.preannotation = None;
        self.corpus.suggest_view = Some(SuggestView::Finished { message: format!("Suggesting stopped: {error}.") });
        true
    }

    pub(super) fn preannotation_written(&mut self, summary: ArticleSummary) -> bool {
        // An editor opened on it since reads the written base; its row is this one too.
        self.workspace.project_mut().update(summary);
        self.corpus.shown
    }
}
