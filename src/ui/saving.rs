//! Writing what an edit changed, each save in its own database transaction: the open
//! article's new journal steps with its list row, or its base (the whole document with its
//! corpus status) when the journal has grown long, the document's status changed, or the
//! person paused. Every write reports back as `Msg::Stored`; until it fails, nothing waits on it.

use std::rc::Rc;

use yew::html::Scope;

use crate::corpus::meta::dataset_line;
use crate::glue::idb::CorpusDb;
use crate::model::history::{Editor, Unsaved};
use crate::view::workspace::Workspace;

use super::app::{App, Msg};
use super::store::ProjectRecord;

/// What a save wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrote {
    Nothing,
    /// Journal steps, to be folded into the base when the person pauses.
    Steps,
    Base,
}

pub struct Saver {
    /// `None` when the browser refused its database: work stays in the tab.
    db: Option<Rc<CorpusDb>>,
    link: Scope<App>,
}

impl Saver {
    pub fn new(db: Option<Rc<CorpusDb>>, link: Scope<App>) -> Saver {
        Saver { db, link }
    }

    pub fn db(&self) -> Option<&Rc<CorpusDb>> {
        self.db.as_ref()
    }

    /// Writes what the open article has not saved, recording the edit (`now`, `author`) in its
    /// corpus metadata and list row.
    pub fn save(&self, editor: &mut Editor, workspace: &mut Workspace, now: &str, author: &str) -> Wrote {
        // No article open (an empty project): what the editor holds stays unsaved, not dropped.
        if workspace.open_summary().is_none() {
            return Wrote::Nothing;
        }
        let steps = match editor.take_unsaved() {
            Unsaved::Nothing => return Wrote::Nothing,
            Unsaved::Steps(text) => Some(text),
            Unsaved::Whole => None,
        };
        let edited = workspace.record_edit(editor.document(), now, author).expect("an article is open");
        if edited.project_changed {
            self.store_project(workspace);
        }
        match steps {
            Some(text) if !workspace.journal_written(text.len()) => {
                let Some(db) = self.db.clone() else { return Wrote::Nothing };
                let (project, article) = (workspace.project.id.clone(), workspace.open.clone());
                let lines: Vec<String> = text.lines().map(str::to_owned).collect();
                self.report(article.clone(), async move {
                    db.append_steps(&project, &article, &lines, &edited.summary).await
                });
                Wrote::Steps
            }
            _ => self.write_base(editor, workspace),
        }
    }

    /// Writes the open article whole, with its corpus metadata and list row, in place of its
    /// base and journal: after a pause, a change of status, or a long journal.
    pub fn write_base(&self, editor: &mut Editor, workspace: &mut Workspace) -> Wrote {
        editor.discard_unsaved();
        workspace.base_written();
        let (Some(db), Some(summary)) = (self.db.clone(), workspace.open_summary().cloned()) else {
            return Wrote::Nothing;
        };
        let line = dataset_line(editor.document(), &workspace.meta);
        let (project, article) = (workspace.project.id.clone(), workspace.open.clone());
        self.report(article.clone(), async move { db.write_base(&project, &article, &line, &summary).await });
        Wrote::Base
    }

    /// Stores the project's record: its schema (targets shared by every article), its order of
    /// articles and the counts the project switcher shows.
    pub fn store_project(&self, workspace: &Workspace) {
        let Some(db) = self.db.clone() else { return };
        let record = ProjectRecord::of(&workspace.project);
        self.report(String::new(), async move { db.put_project(&record.id, &record).await });
    }

    /// Runs a write and sends its outcome to the app, naming the article it was for.
    fn report(
        &self,
        article: String,
        write: impl std::future::Future<Output = Result<(), crate::glue::storage::StorageError>> + 'static,
    ) {
        let link = self.link.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = write.await.map_err(|error| error.to_string());
            link.send_message(Msg::Stored { article, result });
        });
    }
}
