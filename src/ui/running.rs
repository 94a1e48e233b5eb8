//! The app once started: the open article's `Editor` and the `Session` (inputs in, effects
//! out), the view cache, the project's `Workspace`, saving, and the corpus page's state. This
//! file handles the annotator; `corpus_ctl.rs` handles articles, projects, imports and exports.

use yew::html::Scope;
use yew::prelude::*;

use crate::corpus::intake::Incoming;
use crate::glue::clock::now_rfc3339;
use crate::model::history::Editor;
use crate::view::keymap::Command;
use crate::view::notice::{Notice, NoticeAction};
use crate::view::session::{CompareInput, Input, Session};
use crate::view::views::{Shown, Views};
use crate::view::workspace::Workspace;

use super::app::{App, Msg};
use super::corpus_ctl::CorpusUi;
use super::effects::EffectRunner;
use super::import_job::{ImportJob, Origin};
use super::local_work;
use super::saving::Saver;
use super::shell::{self, Callbacks, Page, Refs};
use super::store::{self, Started};

/// Blocks highlighted per chunk while an article opens: a few frames' work each.
const HIGHLIGHT_CHUNK: usize = 48;

pub struct Running {
    pub editor: Editor,
    pub session: Session,
    pub(super) views: Views,
    pub(super) shown: Shown,
    pub workspace: Workspace,
    pub effects: EffectRunner,
    pub(super) saver: Saver,
    pub(super) link: Scope<App>,
    pub(super) corpus: CorpusUi,
    /// The article being loaded to be opened; a later request replaces it.
    pub(super) loading: Option<String>,
    pub(super) import: Option<ImportJob>,
    /// "Suggest in new articles" under way.
    pub(super) preannotation: Option<super::preannotating::PreannotationJob>,
    /// Checked articles being written: them, how many were duplicates, and where they came from.
    pub(super) pending_import: Option<(Vec<Incoming>, usize, Origin)>,
    /// What to say once the article being loaded is open.
    pub(super) opened_notice: Option<Notice>,
    /// Without a database: the articles added in this tab, as the lines they came as.
    pub(super) in_tab: std::collections::HashMap<String, String>,
    first_paint: bool,
}

impl Running {
    pub fn new(started: Started, link: Scope<App>) -> Running {
        let Started { db, projects, project, open, document, meta, problem, arriving, needs_base, migrated_before } =
            started;
        if migrated_before {
            local_work::clear();
        }
        let editor = Editor::new(document);
        let author = crate::glue::storage::load_author().unwrap_or_else(|| "annotator".to_owned());
        let session = Session::new(author, problem.map(Notice::error), now_rfc3339);
        let mut views = Views::default();
        let shown = views.refresh(&editor, &session);
        let workspace = Workspace::new(project, open, meta);
        if let (Some(db), Some(arriving)) = (db.clone(), arriving) {
            let (project, link) = (workspace.project.id.clone(), link.clone());
            let from_local_storage = arriving.from_local_storage;
            wasm_bindgen_futures::spawn_local(async move {
                match store::write_arriving(&db, &project, arriving).await {
                    Ok(verified) if from_local_storage => link.send_message(Msg::MigrationChecked(verified)),
                    Ok(_) => {}
                    Err(error) => link.send_message(Msg::Stored { article: String::new(), result: Err(error) }),
                }
            });
        }
        let mut corpus = CorpusUi::new(projects, db.is_none());
        // No article to open (an empty project, or one that could not be read): the list shows.
        corpus.shown = workspace.open_summary().is_none();
        let mut running = Running {
            editor,
            session,
            views,
            shown,
            effects: EffectRunner::new(link.clone()),
            saver: Saver::new(db, link.clone()),
            link,
            corpus,
            workspace,
            loading: None,
            import: None,
            preannotation: None,
            pending_import: None,
            opened_notice: None,
            in_tab: std::collections::HashMap::new(),
            first_paint: true,
        };
        running.measure_storage(true);
        if needs_base {
            running.write_open_base();
        }
        running
    }

    /// True once, at the first render of the running app.
    pub fn take_first_paint(&mut self) -> bool {
        std::mem::replace(&mut self.first_paint, false)
    }

    pub fn partly_highlighted(&self) -> bool {
        !self.corpus.shown && self.views.partly_highlighted(&self.editor)
    }

    pub fn update(&mut self, msg: Msg) -> bool {
        match msg {
            Msg::Started(..) => false,
            Msg::Input(input) => self.input(input),
            Msg::Save => {
                if self.effects.take_scheduled_save() {
                    self.save_now();
                }
                false
            }
            Msg::Compact => {
                if self.effects.compaction_done() {
                    self.saver.write_base(&mut self.editor, &mut self.workspace);
                }
                false
            }
            Msg::Stored { article, result } => {
                if let Err(error) = &result {
                    self.corpus.storage.warning =
                        Some(format!("A save failed ({error}). Your work stays in this tab: export it to keep it."));
                    // The store may now miss a step: only a whole write can be trusted next.
                    match article == self.workspace.open {
                        true => self.editor.mark_unsaved_whole(),
                        false => self.workspace.mark_unsaved(&article),
                    }
                }
                self.input(Input::Saved(result))
            }
            Msg::CompareFiles(files) => {
                read_for_compare(files, self.link.clone());
                false
            }
            Msg::HighlightMore => {
                self.views.highlight_more(&self.editor, HIGHLIGHT_CHUNK);
                self.refresh();
                true
            }
            Msg::MigrationChecked(verified) => {
                if verified {
                    local_work::clear();
                    false
                } else {
                    self.notify(Notice::error(
                        "Your earlier work was copied into the project, but the copy did not read back the same; the original stays in this browser's localStorage.",
                    ))
                }
            }
            Msg::Storage(view) => {
                self.corpus.storage = view;
                self.corpus.shown
            }
            other => self.corpus_update(other),
        }
    }

    fn input(&mut self, input: Input) -> bool {
        if self.corpus.shown {
            match &input {
                // Escape in the search box or a form field is the field's; elsewhere it goes back.
                Input::Key(Command::Escape) if focus_in_field() => return false,
                Input::Key(Command::Escape) if self.workspace.open_summary().is_some() => {
                    self.corpus.shown = false;
                    self.refresh();
                    return true;
                }
                // The help sheet belongs to the annotator: it is not drawn over the list.
                Input::Key(Command::Article(_)) | Input::Saved(_) | Input::DismissNotice => {}
                Input::Key(_) => return false,
                _ => {}
            }
        }
        if let Input::NoticeAction(NoticeAction::ReturnTo(id)) = &input {
            let id = id.clone();
            self.session.run(&mut self.editor, input);
            return self.open_article(id);
        }
        if let Input::NoticeAction(NoticeAction::DeleteArticle(id)) = &input {
            let id = id.clone();
            self.session.run(&mut self.editor, input);
            return self.delete_open_article(id);
        }
        // Read by benches/sample-page.mjs: the suggester and the views it changes, in the page.
        let timed = matches!(input, Input::Key(Command::Suggest)).then(|| mark("stancemark-suggest-start")).flatten();
        let (revision, looks) = (self.editor.revision(), self.session.looks());
        let effects = self.session.run(&mut self.editor, input);
        let edited = self.editor.revision() != revision;
        self.effects.carry_out(effects);
        let changed = edited || self.session.looks() != looks;
        if changed {
            self.refresh();
        }
        if let Some(performance) = timed {
            let _ = performance.measure_with_start_mark("stancemark-suggest", "stancemark-suggest-start");
        }
        changed
    }

    /// Shows a notice over whatever is on screen.
    pub(super) fn notify(&mut self, notice: Notice) -> bool {
        self.session.run(&mut self.editor, Input::Notify(notice));
        true
    }

    /// Writes what the open article has not saved yet.
    pub(super) fn save_now(&mut self) {
        let wrote = self.saver.save(&mut self.editor, &mut self.workspace, &now_rfc3339(), self.session.author());
        self.effects.saved(wrote);
    }

    /// Before another article or project opens: the pending save now, and the journal folded
    /// into the base, so what is left behind is whole in storage.
    pub(super) fn flush(&mut self) {
        // Whether or not a save was scheduled: after a failed write, the editor holds its whole
        // document as unsaved with nothing scheduled.
        self.effects.take_scheduled_save();
        self.save_now();
        if self.effects.compaction_done() {
            self.saver.write_base(&mut self.editor, &mut self.workspace);
        }
    }

    pub(super) fn refresh(&mut self) {
        self.shown = self.views.refresh(&self.editor, &self.session);
    }

    /// Asks the browser to keep the data (on start) and measures how much of the quota it uses.
    pub(super) fn measure_storage(&self, ask_to_persist: bool) {
        if self.saver.db().is_none() {
            return;
        }
        let link = self.link.clone();
        let warning = self.corpus.storage.warning.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let persisted = if ask_to_persist { crate::glue::idb::quota::persist().await } else { false };
            let estimate = crate::glue::idb::quota::estimate().await;
            let (usage, quota) = estimate.map_or((None, None), |(u, q)| (Some(u), Some(q)));
            link.send_message(Msg::Storage(crate::view::corpus_page::StorageView { usage, quota, persisted, warning }));
        });
    }

    pub fn view(&self, refs: &Refs, callbacks: &Callbacks) -> Html {
        if self.corpus.shown {
            return self.corpus_view(callbacks);
        }
        shell::render(&Page {
            editor: &self.editor,
            session: &self.session,
            shown: &self.shown,
            refs,
            callbacks,
            article: self.corpus.article_nav(&self.workspace),
        })
    }
}

/// Whether the focus is in a text field, select or button of a form (the corpus page's search
/// box, the new-project name, the export form).
fn focus_in_field() -> bool {
    let active = gloo::utils::document().active_element();
    active.is_some_and(|element| matches!(element.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

/// Sets a performance mark, and returns the page's clock for the measure that ends it.
fn mark(name: &str) -> Option<web_sys::Performance> {
    let performance = web_sys::window()?.performance()?;
    performance.mark(name).ok()?;
    Some(performance)
}

/// Reads the Compare tab's files as text and hands them to the session; one that cannot be
/// read is named, and nothing is compared.
fn read_for_compare(files: Vec<web_sys::File>, link: Scope<App>) {
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::with_capacity(files.len());
        for file in &files {
            let name = file.name();
            let text = super::loading::read_in_slices(file, |_| {})
                .await
                .and_then(|bytes| String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned()));
            match text {
                Ok(text) => read.push((name, text)),
                Err(why) => {
                    let notice = Notice::error(format!("Nothing compared: {name} could not be read ({why})."));
                    link.send_message(Msg::Input(Input::Notify(notice)));
                    return;
                }
            }
        }
        link.send_message(Msg::Input(Input::Compare(CompareInput::Files(read))));
    });
}
