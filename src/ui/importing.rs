//! The running app's imports: files from Open…, a drop or the corpus page, checked by an
//! `ImportJob`, written a chunk per transaction, and added to the project; from the top bar, the
//! first article opens, and a file that cannot be read changes nothing and says why.

use crate::corpus::intake::{Incoming, Intake};
use crate::view::corpus_page::ImportView;
use crate::view::notice::{Notice, NoticeAction};

use super::app::Msg;
use super::import_job::{ImportJob, Origin, WRITE_CHUNK};
use super::running::Running;

impl Running {
    pub(super) fn import_files(&mut self, files: Vec<web_sys::File>, origin: Origin) -> bool {
        if files.is_empty() {
            return false;
        }
        let job = ImportJob::start(files, self.workspace.project.intake(), origin, self.link.clone());
        if origin == Origin::CorpusPage {
            self.corpus.import_view = Some(job.view());
        }
        self.import = Some(job);
        true
    }

    pub(super) fn import_check(&mut self) -> bool {
        let Some(job) = &mut self.import else { return false };
        let finished = job.check();
        let origin = job.origin;
        if !finished {
            if origin == Origin::CorpusPage {
                self.corpus.import_view = Some(job.view());
            }
            return origin == Origin::CorpusPage;
        }
        let clean = job.checked().is_some_and(Intake::is_clean);
        match origin {
            Origin::CorpusPage if !clean => {
                self.corpus.import_view = Some(job.view());
                true
            }
            _ => {
                let intake = self.import.take().and_then(ImportJob::into_checked).expect("checked");
                self.opened_from_top_bar(&intake, origin) || self.write_articles(intake, origin)
            }
        }
    }

    /// Open… from the top bar: a file that cannot be read changes nothing and says why; one
    /// already in the project opens. True when that was all there was to do.
    fn opened_from_top_bar(&mut self, intake: &Intake, origin: Origin) -> bool {
        if origin != Origin::TopBar {
            return false;
        }
        if let Some(bad) = intake.bad.first() {
            let more = match intake.bad.len() {
                1 => String::new(),
                n => format!(" ({} more problems)", n - 1),
            };
            return self
                .notify(Notice::error(format!("“{}” was not opened, nothing changed: {bad}{more}", bad.source)));
        }
        if intake.added.is_empty() {
            if let Some(duplicate) = intake.duplicates.first() {
                let notice = Notice::info(format!("{duplicate}: it is already in the project, and open now."));
                self.opened_notice = Some(notice.clone());
                self.open_article(duplicate.id_existing.clone());
                if self.loading.is_none() {
                    // Opened at once (visited before, or open already): no load will show it.
                    self.opened_notice = None;
                    return self.notify(notice);
                }
                return true;
            }
        }
        false
    }

    /// Writes the intake's articles to the project, a chunk per transaction.
    pub(super) fn write_articles(&mut self, intake: Intake, origin: Origin) -> bool {
        let incoming = intake.added;
        let total = incoming.len();
        if origin == Origin::CorpusPage {
            self.corpus.import_view = Some(ImportView::Writing { done: 0, total });
        }
        let Some(db) = self.saver.db().cloned() else {
            self.in_tab.extend(incoming.iter().map(|a| (a.id.clone(), a.dataset_line.clone())));
            self.add_to_project(&incoming, intake.duplicates.len(), origin);
            return true;
        };
        let (project, link) = (self.workspace.project.id.clone(), self.link.clone());
        let items: Vec<(String, crate::corpus::summary::ArticleSummary, String)> =
            incoming.iter().map(|a| (a.id.clone(), a.summary.clone(), a.dataset_line.clone())).collect();
        self.pending_import = Some((incoming, intake.duplicates.len(), origin));
        wasm_bindgen_futures::spawn_local(async move {
            let mut done = 0;
            for chunk in items.chunks(WRITE_CHUNK) {
                if let Err(error) = db.add_articles(&project, chunk).await {
                    link.send_message(Msg::ImportWritten(Err((done, error.to_string()))));
                    return;
                }
                done += chunk.len();
                link.send_message(Msg::ImportWritten(Ok(done)));
            }
            if items.is_empty() {
                link.send_message(Msg::ImportWritten(Ok(0)));
            }
        });
        true
    }

    pub(super) fn import_written(&mut self, result: Result<usize, (usize, String)>) -> bool {
        let Some((incoming, _, origin)) = &self.pending_import else { return false };
        let (total, origin) = (incoming.len(), *origin);
        match result {
            Ok(done) if done < total => {
                if origin == Origin::CorpusPage {
                    self.corpus.import_view = Some(ImportView::Writing { done, total });
                }
                origin == Origin::CorpusPage
            }
            Ok(_) => {
                let (incoming, duplicates, origin) = self.pending_import.take().expect("an import is being written");
                self.add_to_project(&incoming, duplicates, origin);
                true
            }
            Err((written, error)) => {
                // The chunks written before the failure are stored: they join the project.
                let (incoming, _, _) = self.pending_import.take().expect("an import is being written");
                self.add_to_project(&incoming[..written], 0, Origin::CorpusPage);
                let message = format!(
                    "The import stopped after {written} of {} articles: {error}. Those {written} are in the project.",
                    incoming.len()
                );
                match origin {
                    Origin::CorpusPage => self.corpus.import_view = Some(ImportView::Finished { message }),
                    Origin::TopBar => {
                        self.notify(Notice::error(message));
                    }
                }
                true
            }
        }
    }

    /// The written articles join the project (and its stored record); from the top bar, the
    /// first one opens.
    fn add_to_project(&mut self, incoming: &[Incoming], duplicates: usize, origin: Origin) {
        let added = self.workspace.project_mut().add(incoming);
        self.saver.store_project(&self.workspace);
        self.corpus.update_choice(&self.workspace.project);
        let mut message = crate::view::corpus_page::added_message(added.ids.len(), duplicates);
        if !added.target_conflicts.is_empty() {
            let conflicts: Vec<String> = added.target_conflicts.iter().map(ToString::to_string).collect();
            message.push_str(&format!(" Targets kept as they were: {}.", conflicts.join("; ")));
        }
        match (origin, incoming.first()) {
            (Origin::TopBar, Some(first)) => {
                let previous = self.workspace.open.clone();
                let title = self.workspace.open_summary().map(|s| s.title.clone()).unwrap_or_default();
                self.opened_notice = Some(
                    Notice::info(format!("Opened “{}” ({}), added to the project.", first.source, first.summary.title))
                        .with_action(format!("Go back to “{title}”"), NoticeAction::ReturnTo(previous)),
                );
                self.open_article(first.id.clone());
            }
            _ => self.corpus.import_view = Some(ImportView::Finished { message }),
        }
        self.measure_storage(false);
    }
}
