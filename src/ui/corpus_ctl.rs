//! The running app's corpus side: opening another article (from the keys, the list or a
//! notice), the corpus page's state and actions, exports, and switching, creating or deleting
//! projects (imports are in `importing.rs`). Each long job runs between database waits and reports by
//! message.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::corpus::list::ListQuery;
use crate::corpus::meta::CorpusMeta;
use crate::corpus::project::{Progress, Project};
use crate::model::history::Editor;
use crate::model::keys::ArticleMove;
use crate::model::schema::Schema;
use crate::view::corpus_page::{
    after_deleting, delete_article_question, ExportRequest, ExportView, ImportView, ProjectChoice, StorageView,
    SuggestView,
};
use crate::view::notice::{Notice, NoticeAction};
use crate::view::session::Input;
use crate::view::workspace::{Move, Workspace};

use super::app::Msg;
use super::corpus::CorpusPage;
use super::export_job;
use super::import_job::{ImportJob, Origin};
use super::notice::NoticeBar;
use super::running::Running;
use super::shell::{ArticleNav, Callbacks};
use super::store::{self, Loaded, ProjectRecord};

/// What the corpus page asks for.
pub enum CorpusAction {
    SetQuery(ListQuery),
    SwitchProject(String),
    NewProject(String),
    /// The shown project, confirmed.
    DeleteProject(String),
    /// "Delete this article…" in the top bar: ask first.
    AskDeleteArticle,
    Import(Vec<web_sys::File>),
    CancelImport,
    ImportGood,
    Dismiss,
    Export(ExportRequest),
    /// "Suggest in new articles", and its Cancel.
    SuggestNew,
    CancelSuggest,
    Back,
}

/// A project opened by the switcher: its articles, and the article to open (none when empty).
pub struct OpenedProject {
    project: Project,
    article: Option<(String, Loaded)>,
    problem: Option<String>,
}

/// The corpus page's state.
pub struct CorpusUi {
    pub shown: bool,
    pub query: ListQuery,
    /// The rows the list shows for `query`, and the project revision they were made for: made
    /// again when the project or the query changes, at the render that needs them. A revision,
    /// not a copy of the project: holding an `Rc` would make every edit copy the project.
    rows: RefCell<(Option<u64>, Rc<Vec<usize>>)>,
    /// The progress counts, and the project revision they were counted at.
    progress: RefCell<(Option<u64>, Progress)>,
    pub projects: Rc<Vec<ProjectChoice>>,
    pub storage: StorageView,
    pub import_view: Option<ImportView>,
    pub export_view: Option<ExportView>,
    pub suggest_view: Option<SuggestView>,
    /// A project is being deleted: until the delete answers, no action that could write (an
    /// import, another project, an article) is taken.
    pub deleting: bool,
}

impl CorpusUi {
    pub fn new(projects: Vec<ProjectChoice>, in_tab_only: bool) -> CorpusUi {
        let query = ListQuery::default();
        let warning =
            in_tab_only.then(|| "Nothing is saved: this browser refused its database. Export your work.".to_owned());
        CorpusUi {
            shown: false,
            rows: RefCell::new((None, Rc::default())),
            progress: RefCell::new((None, Progress::default())),
            query,
            projects: Rc::new(projects),
            storage: StorageView { warning, ..StorageView::default() },
            import_view: None,
            export_view: None,
            suggest_view: None,
            deleting: false,
        }
    }

    /// The list's rows for the project as it is now.
    fn rows(&self, workspace: &Workspace) -> Rc<Vec<usize>> {
        let mut rows = self.rows.borrow_mut();
        if rows.0 != Some(workspace.project_revision()) {
            *rows = (Some(workspace.project_revision()), Rc::new(workspace.project.rows(&self.query)));
        }
        rows.1.clone()
    }

    /// The project's progress, counted again only after it changed.
    fn progress(&self, workspace: &Workspace) -> Progress {
        let mut progress = self.progress.borrow_mut();
        if progress.0 != Some(workspace.project_revision()) {
            *progress = (Some(workspace.project_revision()), workspace.project.progress());
        }
        progress.1
    }

    /// The query changed: the rows are made again at the next render.
    fn set_query(&mut self, query: ListQuery) {
        self.query = query;
        self.rows.borrow_mut().0 = None;
    }

    /// What the top bar shows of the project while annotating.
    pub fn article_nav(&self, workspace: &Workspace) -> Option<ArticleNav> {
        let position = workspace.project.position(&workspace.open)?;
        let progress = self.progress(workspace);
        Some(ArticleNav {
            position: position + 1,
            total: progress.total,
            done: progress.done,
            status: workspace.meta.status,
            title: workspace.project.articles()[position].title.clone(),
        })
    }

    /// The project's counts changed: the switcher shows them.
    pub(super) fn update_choice(&mut self, project: &Project) {
        let choice = ProjectRecord::of(project).choice();
        let mut projects = (*self.projects).clone();
        match projects.iter_mut().find(|p| p.id == choice.id) {
            Some(existing) => *existing = choice,
            None => projects.push(choice),
        }
        self.projects = Rc::new(projects);
    }
}

impl Running {
    pub(super) fn corpus_update(&mut self, msg: Msg) -> bool {
        if self.corpus.deleting && matches!(msg, Msg::Article(_) | Msg::OpenArticle(_) | Msg::Corpus(_) | Msg::Open(_))
        {
            return false;
        }
        match msg {
            Msg::Article(step) => self.article_move(step),
            Msg::OpenArticle(id) => self.open_article(id),
            Msg::ArticleLoaded { id, result } => self.article_loaded(id, result),
            Msg::Corpus(action) => self.corpus_action(action),
            Msg::Open(files) => self.import_files(files, Origin::TopBar),
            Msg::ImportReading { job, index, read } => {
                let Some(job) = self.import.as_mut().filter(|j| j.id == job) else { return false };
                job.reading(index, read);
                if job.origin != Origin::CorpusPage {
                    return false;
                }
                self.corpus.import_view = Some(job.view());
                true
            }
            Msg::ImportRead { job, index, file } => {
                if let Some(job) = self.import.as_mut().filter(|j| j.id == job) {
                    job.file_read(index, file);
                }
                false
            }
            Msg::ImportCheck => self.import_check(),
            Msg::ImportWritten(result) => self.import_written(result),
            Msg::ExportProgress(done, total) => {
                self.corpus.export_view = Some(ExportView::Running { done, total });
                self.corpus.shown
            }
            Msg::ExportDone(result) => self.export_done(result),
            Msg::Preannotated(batch) => self.preannotated(*batch),
            Msg::PreannotationStopped { job, error } => self.preannotation_stopped(job, error),
            Msg::PreannotationWritten(summary) => self.preannotation_written(summary),
            Msg::ProjectOpened(result) => self.project_opened(result),
            Msg::ProjectDeleted { id, name, articles, outcome } => self.project_deleted(&id, &name, articles, outcome),
            _ => false,
        }
    }

    fn article_move(&mut self, step: ArticleMove) -> bool {
        match self.workspace.plan_move(step) {
            Move::ShowCorpus => self.show_corpus(!self.corpus.shown),
            Move::Open { id, status_changed } => {
                if status_changed {
                    self.status_changed();
                }
                self.open_article(id)
            }
            Move::OnlyThisOne => self.notify(Notice::info("This is the project's only unfinished article.")),
            Move::NothingLeft { status_changed } => {
                if status_changed {
                    self.status_changed();
                }
                self.notify(Notice::info("Every article of the project is done or skipped."));
                self.show_corpus(true)
            }
        }
    }

    /// The open article's status changed: its base carries the status, the project's record
    /// the counts.
    fn status_changed(&mut self) {
        // An edit still waiting is recorded first, so the row's counts and last edit are current.
        self.save_now();
        self.write_open_base();
        self.saver.store_project(&self.workspace);
        self.corpus.update_choice(&self.workspace.project);
    }

    pub(super) fn show_corpus(&mut self, shown: bool) -> bool {
        let shown = shown || self.workspace.open_summary().is_none();
        if shown && !self.corpus.shown {
            self.measure_storage(false);
        }
        self.corpus.shown = shown;
        self.refresh();
        true
    }

    /// Opens article `id` of the project: at once if this tab visited it, else once loaded.
    pub(super) fn open_article(&mut self, id: String) -> bool {
        if id == self.workspace.open {
            return self.show_corpus(false);
        }
        // `swap_in` saves the article left, when the other one is there to open.
        if let Some((editor, meta)) = self.workspace.take_visited(&id) {
            self.swap_in(id, editor, meta);
            return true;
        }
        let Some(db) = self.saver.db().cloned() else { return self.open_in_tab(id) };
        self.loading = Some(id.clone());
        let (project, link) = (self.workspace.project.clone(), self.link.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = store::load_article(&db, &project, &id).await;
            link.send_message(Msg::ArticleLoaded { id, result });
        });
        false
    }

    /// Without a database, an article added in this tab opens from the line it came as.
    fn open_in_tab(&mut self, id: String) -> bool {
        let Some(line) = self.in_tab.get(&id) else { return false };
        match crate::corpus::meta::read_document(line) {
            Ok((mut document, meta)) => {
                self.workspace.give_targets(&mut document);
                self.swap_in(id, Editor::new(document), meta);
                if let Some(notice) = self.opened_notice.take() {
                    self.notify(notice);
                }
                true
            }
            Err(error) => self.notify(Notice::error(format!("Could not open the article: {error}."))),
        }
    }

    fn article_loaded(&mut self, id: String, result: Result<Loaded, String>) -> bool {
        if self.loading.as_deref() != Some(id.as_str()) {
            return false;
        }
        self.loading = None;
        let opened_notice = self.opened_notice.take();
        match result {
            Ok(loaded) => {
                self.swap_in(id, Editor::new(loaded.document), loaded.meta);
                if loaded.needs_base {
                    self.write_open_base();
                }
                if let Some(notice) = loaded.problem.map(Notice::error).or(opened_notice) {
                    self.notify(notice);
                }
                true
            }
            Err(error) => {
                // Nothing open (the article open before was deleted): the list shows, not its editor.
                if self.workspace.open_summary().is_none() {
                    self.show_corpus(true);
                }
                self.notify(Notice::error(format!("Could not open the article: {error}.")))
            }
        }
    }

    /// Writes the open article whole now; a compaction still waiting has nothing left to do.
    pub(super) fn write_open_base(&mut self) {
        let wrote = self.saver.write_base(&mut self.editor, &mut self.workspace);
        self.effects.compaction_done();
        self.effects.saved(wrote);
    }

    /// Makes `editor` the open article's; the one open until now is saved (edits made while
    /// the new one loaded included) and kept for coming back.
    fn swap_in(&mut self, id: String, editor: Editor, meta: CorpusMeta) {
        self.flush();
        let left = std::mem::replace(&mut self.editor, editor);
        self.workspace.switch(left, id, meta);
        self.session.run(&mut self.editor, Input::ArticleOpened);
        // An article visited before may lack targets made since in other articles.
        if self.editor.add_shared_targets(&self.workspace.project.schema) {
            self.write_open_base();
        }
        self.corpus.shown = false;
        self.refresh();
        if let Some(db) = self.saver.db().cloned() {
            let (project, article) = (self.workspace.project.id.clone(), self.workspace.open.clone());
            wasm_bindgen_futures::spawn_local(async move { store::remember_open(&db, &project, &article).await });
        }
    }

    fn corpus_action(&mut self, action: CorpusAction) -> bool {
        match action {
            CorpusAction::SetQuery(query) => {
                self.corpus.set_query(query);
                true
            }
            CorpusAction::Back => self.show_corpus(false),
            CorpusAction::Import(files) => self.import_files(files, Origin::CorpusPage),
            // Articles being written cannot be called back: the writing goes on to the end.
            CorpusAction::CancelImport if self.pending_import.is_some() => false,
            CorpusAction::CancelImport => {
                self.import = None;
                self.corpus.import_view = None;
                true
            }
            CorpusAction::ImportGood => {
                let Some(intake) = self.import.take().and_then(ImportJob::into_checked) else { return false };
                self.write_articles(intake, Origin::CorpusPage)
            }
            CorpusAction::Dismiss => {
                self.corpus.import_view = None;
                self.corpus.export_view = None;
                if self.preannotation.is_none() {
                    self.corpus.suggest_view = None;
                }
                true
            }
            CorpusAction::Export(request) => self.export(request),
            CorpusAction::SuggestNew => self.suggest_new(),
            CorpusAction::CancelSuggest => self.cancel_suggest(),
            CorpusAction::SwitchProject(id) => self.switch_project(id),
            CorpusAction::NewProject(name) => self.new_project(name),
            CorpusAction::DeleteProject(id) => self.delete_project(id),
            CorpusAction::AskDeleteArticle => self.ask_delete_article(),
        }
    }

    fn export(&mut self, request: ExportRequest) -> bool {
        let Some(db) = self.saver.db().cloned() else {
            self.corpus.export_view = Some(ExportView::Finished {
                message: "Nothing is stored in this browser to export from; export the open article from the top bar."
                    .to_owned(),
            });
            return true;
        };
        self.flush();
        let project = &self.workspace.project;
        let articles = project.articles().to_vec();
        match export_job::start(db, project.id.clone(), articles, request, self.link.clone()) {
            Ok(()) => self.corpus.export_view = Some(ExportView::Running { done: 0, total: 0 }),
            Err(error) => self.corpus.export_view = Some(ExportView::Finished { message: error }),
        }
        true
    }

    fn export_done(&mut self, result: Result<(export_job::Files, usize), String>) -> bool {
        let message = match result {
            Ok((files, total)) => {
                let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
                let refused = files
                    .iter()
                    .any(|(name, text)| crate::glue::files::download(name, "application/x-ndjson", text).is_err());
                match refused {
                    true => "The browser refused the download.".to_owned(),
                    false => format!("Exported {total} articles: {}.", names.join(", ")),
                }
            }
            Err(error) => error,
        };
        self.corpus.export_view = Some(ExportView::Finished { message });
        true
    }

    fn switch_project(&mut self, id: String) -> bool {
        if id == self.workspace.project.id {
            return false;
        }
        let Some(db) = self.saver.db().cloned() else { return false };
        // `project_opened` saves what this project's open article holds, once the other is read.
        let link = self.link.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = open_project(&db, &id).await;
            link.send_message(Msg::ProjectOpened(result.map(Box::new)));
        });
        false
    }

    fn new_project(&mut self, name: String) -> bool {
        let name = name.trim().to_owned();
        if name.is_empty() {
            return false;
        }
        let id = unique_project_id(&name, &self.corpus.projects);
        let project = Project::new(id, name, Schema::default());
        let opened = OpenedProject { project, article: None, problem: None };
        let record = ProjectRecord::of(&opened.project);
        if let Some(db) = self.saver.db().cloned() {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = db.put_project(&record.id, &record).await;
                store::remember_open(&db, &record.id, "").await;
            });
        }
        self.project_opened(Ok(Box::new(opened)))
    }

    fn ask_delete_article(&mut self) -> bool {
        let Some(open) = self.workspace.open_summary() else { return false };
        let question = delete_article_question(&open.title, open.annotations());
        let confirm = NoticeAction::DeleteArticle(open.id.clone());
        self.notify(Notice::error(question).with_action("Delete the article", confirm))
    }

    /// Deletes the open article (`id`, confirmed) from the project and storage, and opens the
    /// next one, or the list when it was the last.
    pub(super) fn delete_open_article(&mut self, id: String) -> bool {
        let Some(title) = self.workspace.open_summary().filter(|open| open.id == id).map(|open| open.title.clone())
        else {
            return false;
        };
        // Writes still waiting go first: the delete, made after them, removes them too. Then
        // the article leaves the workspace, so no later save can write it again.
        self.flush();
        let next = self.workspace.remove_open();
        self.saver.store_project(&self.workspace);
        self.corpus.update_choice(&self.workspace.project);
        match self.saver.db().cloned() {
            Some(db) => {
                let (project, link, title) = (self.workspace.project.id.clone(), self.link.clone(), title.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(error) = db.delete_article(&project, &id).await {
                        let notice = Notice::error(format!(
                            "“{title}” left the project in this tab, but the browser did not delete it ({error}): it will be back after a reload."
                        ));
                        link.send_message(Msg::Input(Input::Notify(notice)));
                    }
                });
            }
            None => drop(self.in_tab.remove(&id)),
        }
        let deleted = Notice::info(format!("Deleted “{title}”."));
        match next {
            Some(next) => {
                self.opened_notice = Some(deleted);
                self.open_article(next);
                // Opened at once (visited before in this tab): say it now.
                if self.loading.is_none() {
                    if let Some(notice) = self.opened_notice.take() {
                        self.notify(notice);
                    }
                }
                true
            }
            None => {
                self.show_corpus(true);
                self.notify(deleted)
            }
        }
    }

    /// Deletes the shown project with its articles, then opens the first other project, or a
    /// new empty one when it was the last.
    fn delete_project(&mut self, id: String) -> bool {
        if id != self.workspace.project.id || self.corpus.deleting {
            return false;
        }
        let busy = match (&self.import, &self.pending_import, &self.preannotation, &self.corpus.export_view) {
            (Some(_), ..) | (_, Some(_), ..) => Some("an import"),
            (_, _, Some(_), _) => Some("“Suggest in new articles”"),
            (.., Some(ExportView::Running { .. })) => Some("an export"),
            _ => None,
        };
        if let Some(job) = busy {
            return self.notify(Notice::error(format!(
                "The project was not deleted: {job} is under way in it. Let it finish or cancel it first."
            )));
        }
        let Some(db) = self.saver.db().cloned() else {
            return self.notify(Notice::error(
                "This tab keeps its project without a database, so there is nothing to delete: close the tab to drop it.",
            ));
        };
        // Writes still waiting go first: the delete, made after them, removes them too.
        self.flush();
        // From here nothing may be written for the project: with an empty copy of it and no
        // article open every save writes nothing, and until the delete answers the page takes
        // no action that could write (see `CorpusUi::deleting`).
        let (name, articles) = (self.workspace.project.name.clone(), self.workspace.project.articles().len());
        let emptied = Project::new(id.clone(), name.clone(), self.workspace.project.schema.clone());
        self.workspace = Workspace::new(emptied, String::new(), CorpusMeta::default_for(self.editor.document()));
        self.loading = None;
        self.corpus.deleting = true;
        // The next project's id, and whether it is a new empty one (the deleted was the last).
        let next = match after_deleting(&self.corpus.projects, &id) {
            Some(other) => (other.id.clone(), false),
            None => (unique_project_id("My project", &[]), true),
        };
        let link = self.link.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = match db.delete_project(&id).await {
                // Nothing was deleted (one transaction): the project opens again as it was.
                Err(error) => match open_project(&db, &id).await {
                    Ok(opened) => DeleteOutcome::NotDeleted(Box::new(opened), error.to_string()),
                    Err(reopening) => DeleteOutcome::Stuck(format!(
                        "it was not deleted ({error}) and did not open again ({reopening})"
                    )),
                },
                Ok(()) => {
                    store::forget_project(&db, &id).await;
                    let opened = match next {
                        (next, false) => open_project(&db, &next).await,
                        (fresh, true) => {
                            let project = Project::new(fresh, "My project", Schema::default());
                            let record = ProjectRecord::of(&project);
                            let _ = db.put_project(&record.id, &record).await;
                            store::remember_open(&db, &record.id, "").await;
                            Ok(OpenedProject { project, article: None, problem: None })
                        }
                    };
                    match opened {
                        Ok(opened) => DeleteOutcome::Deleted(Box::new(opened)),
                        Err(error) => {
                            DeleteOutcome::Stuck(format!("it was deleted, but the next project did not open ({error})"))
                        }
                    }
                }
            };
            link.send_message(Msg::ProjectDeleted { id, name, articles, outcome });
        });
        true
    }

    fn project_deleted(&mut self, id: &str, name: &str, articles: usize, outcome: DeleteOutcome) -> bool {
        let (opened, notice) = match outcome {
            DeleteOutcome::Deleted(opened) => {
                let mut projects = (*self.corpus.projects).clone();
                projects.retain(|p| p.id != id);
                self.corpus.projects = Rc::new(projects);
                let what = match articles {
                    0 => String::new(),
                    1 => " and its article".to_owned(),
                    n => format!(" and its {} articles", crate::view::corpus_page::format_count(n)),
                };
                (opened, Notice::info(format!("Deleted the project “{name}”{what}.")))
            }
            DeleteOutcome::NotDeleted(opened, error) => {
                (opened, Notice::error(format!("The project “{name}” was not deleted ({error}); nothing changed.")))
            }
            // `deleting` stays set: the page takes no action that could write under the old id.
            DeleteOutcome::Stuck(why) => {
                return self.notify(Notice::error(format!("The project “{name}”: {why}. Reload the page.")))
            }
        };
        self.corpus.deleting = false;
        self.project_opened(Ok(opened));
        self.notify(notice)
    }

    fn project_opened(&mut self, result: Result<Box<OpenedProject>, String>) -> bool {
        let opened = match result {
            Ok(opened) => *opened,
            Err(error) => return self.notify(Notice::error(format!("Could not open the project: {error}."))),
        };
        let OpenedProject { project, article, problem } = opened;
        self.flush();
        // What belonged to the project left: its import, its suggesting, its article being loaded.
        self.import = None;
        self.pending_import = None;
        self.preannotation = None;
        self.corpus.suggest_view = None;
        self.loading = None;
        self.corpus.update_choice(&project);
        match article {
            Some((id, loaded)) => {
                self.editor = Editor::new(loaded.document);
                self.workspace = Workspace::new(project, id, loaded.meta);
                self.session.run(&mut self.editor, Input::ArticleOpened);
                if loaded.needs_base {
                    self.write_open_base();
                }
            }
            None => {
                let meta = CorpusMeta::default_for(self.editor.document());
                self.workspace = Workspace::new(project, String::new(), meta);
            }
        }
        self.corpus.set_query(ListQuery::default());
        self.corpus.import_view = None;
        self.corpus.export_view = None;
        self.corpus.shown = true;
        if let Some(problem) = problem {
            self.notify(Notice::error(problem));
        }
        self.refresh();
        true
    }

    pub(super) fn corpus_view(&self, callbacks: &Callbacks) -> Html {
        let rows = self.corpus.rows(&self.workspace);
        let notice = self.session.notice().map(|notice| {
            html! {
                <NoticeBar notice={notice.clone()} on_dismiss={callbacks.input.reform(|()| Input::DismissNotice)}
                    on_action={callbacks.input.reform(Input::NoticeAction)} />
            }
        });
        html! {
            <>
            { for notice }
            <CorpusPage project={self.workspace.project.clone()} projects={self.corpus.projects.clone()} rows={rows}
                query={self.corpus.query.clone()}
                current={self.workspace.open_summary().map(|s| AttrValue::from(s.id.clone()))}
                import={self.corpus.import_view.clone()} export={self.corpus.export_view.clone()} suggesting={self.corpus.suggest_view.clone()}
                storage={self.corpus.storage.clone()} on={callbacks.corpus.clone()} />
            </>
        }
    }
}

/// What deleting a project came to.
pub enum DeleteOutcome {
    /// Deleted; the project to show next.
    Deleted(Box<OpenedProject>),
    /// Nothing was deleted (the delete is one transaction): the same project, opened again.
    NotDeleted(Box<OpenedProject>, String),
    /// No project could be opened after it: the page must be reloaded.
    Stuck(String),
}

/// A project and its last open article, from the database.
async fn open_project(db: &crate::glue::idb::CorpusDb, id: &str) -> Result<OpenedProject, String> {
    let records: Vec<ProjectRecord> = db.projects().await.map_err(|e| e.to_string())?;
    let record = records.iter().find(|r| r.id == id).ok_or_else(|| format!("there is no project “{id}”"))?;
    let (project, problem) = store::load_project(db, record).await?;
    let open = store::last_open(db, &project).await;
    store::remember_open(db, &project.id, &open).await;
    let article = match open.is_empty() {
        true => None,
        false => {
            let loaded = store::load_article(db, &project, &open).await?;
            Some((open, loaded))
        }
    };
    Ok(OpenedProject { project, article, problem })
}

/// An id for a new project: its name in lower case with dashes, unique among the projects.
fn unique_project_id(name: &str, projects: &[ProjectChoice]) -> String {
    let base: String = name.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let base = base.trim_matches('-').to_owned();
    let base = if base.is_empty() { "project".to_owned() } else { base };
    let taken = |id: &str| projects.iter().any(|p| p.id == id);
    (1..).map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") }).find(|id| !taken(id)).expect("unbounded")
}
