//! The app's use of the corpus database (`glue::idb`): which project and article a start
//! opens, work from the single-document version moved into the project, loading an article
//! (its base and the journal steps since), and the project's own record.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::corpus::ids::base_id;
use crate::corpus::meta::{dataset_line, read_document, CorpusMeta};
use crate::corpus::project::{Direction, Project};
use crate::corpus::summary::ArticleSummary;
use crate::glue::idb::CorpusDb;
use crate::model::article::Article;
use crate::model::document::Document;
use crate::model::export::text_sha256;
use crate::model::journal::replay_steps;
use crate::model::schema::Schema;
use crate::model::sort;
use crate::view::corpus_page::ProjectChoice;

use super::local_work::{self, LocalWork};

pub const DATABASE: &str = "stancemark";
const CURRENT_PROJECT: &str = "current_project";

/// The article the app opens with on a first start, shipped inside the bundle.
const SAMPLE_ARTICLE: &str = include_str!("../../static/ceasefire-2025-03-16.txt");
const SAMPLE_FILE: &str = "ceasefire-2025-03-16.txt";

/// A project as stored: its schema as the document format writes it, its articles' order, and
/// the counts the project switcher shows without loading the project.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectRecord {
    pub id: String,
    pub name: String,
    pub schema: String,
    /// Article ids in the order they were added (the store lists them by id).
    pub order: Vec<String>,
    pub done: usize,
    pub total: usize,
}

impl ProjectRecord {
    pub fn of(project: &Project) -> ProjectRecord {
        let progress = project.progress();
        ProjectRecord {
            id: project.id.clone(),
            name: project.name.clone(),
            schema: serde_json::to_string(&project.schema).expect("plain data serialises"),
            order: project.articles().iter().map(|a| a.id.clone()).collect(),
            done: progress.done,
            total: progress.total,
        }
    }

    pub fn choice(&self) -> ProjectChoice {
        ProjectChoice { id: self.id.clone(), name: self.name.clone(), done: self.done, total: self.total }
    }
}

/// What a start found: the project, the article to open, and what to tell the person.
pub struct Started {
    /// `None`: the browser refused its database; work stays in the tab.
    pub db: Option<Rc<CorpusDb>>,
    pub projects: Vec<ProjectChoice>,
    pub project: Project,
    pub open: String,
    pub document: Document,
    pub meta: CorpusMeta,
    pub problem: Option<String>,
    /// An article that joined the project at this start (work from localStorage, or the sample
    /// on a first start), still to be written.
    pub arriving: Option<Arriving>,
    /// The open article was given project targets its base lacks (see [`Loaded::needs_base`]).
    pub needs_base: bool,
    /// localStorage still held work that an earlier start had already copied, unchanged: it
    /// can be cleared now.
    pub migrated_before: bool,
}

/// An article to write at start, after the page shows it: its transaction is the first the
/// app makes, so every later save lands after it.
pub struct Arriving {
    pub id: String,
    pub summary: ArticleSummary,
    pub line: String,
    pub record: ProjectRecord,
    /// It came from localStorage: read it back, then clear localStorage.
    pub from_local_storage: bool,
}

/// Opens the database and the current project. Never fails: without a database, the work
/// from localStorage (or the sample) opens in a project that lives in the tab only.
pub async fn start() -> Started {
    let (local, local_problem) = match local_work::take() {
        Ok(local) => (local, None),
        Err(problem) => (None, Some(problem)),
    };
    let local_problem = local_problem.or_else(|| local.as_ref().and_then(|l| l.problem.clone()));
    let db = match CorpusDb::open(DATABASE).await {
        Ok(db) => Rc::new(db),
        Err(error) => return in_tab_only(local, format!("This browser refused to store your work ({error})")),
    };
    match open_current(&db, local.as_ref().map(|l| &l.document)).await {
        Ok(mut started) => {
            started.db = Some(db);
            started.problem = local_problem.or(started.problem);
            started
        }
        Err(error) => in_tab_only(local, format!("Your saved projects could not be read ({error})")),
    }
}

fn in_tab_only(local: Option<LocalWork>, why: String) -> Started {
    let mut document = local.map_or_else(sample_document, |l| l.document);
    let mut project = Project::new("default", "My project", document.schema.clone());
    let (open, summary, meta, _) = as_article(&project, &mut document, None);
    project.restore([summary]);
    let problem = Some(format!("{why}: it stays in this tab only, so export it before you close the tab."));
    let projects = vec![ProjectRecord::of(&project).choice()];
    Started {
        db: None,
        projects,
        project,
        open,
        document,
        meta,
        problem,
        arriving: None,
        needs_base: false,
        migrated_before: false,
    }
}

async fn open_current(db: &CorpusDb, local: Option<&Document>) -> Result<Started, String> {
    let records: Vec<ProjectRecord> = db.projects().await.map_err(|e| e.to_string())?;
    let current = db.meta_get(CURRENT_PROJECT).await.map_err(|e| e.to_string())?;
    let record = records.iter().find(|r| Some(&r.id) == current.as_ref()).or(records.first()).cloned();
    let (mut project, mut problem) = match &record {
        Some(record) => load_project(db, record).await?,
        None => (Project::new("default", "My project", local.map_or_else(Schema::default, |d| d.schema.clone())), None),
    };
    // Work copied by an earlier start that could not clear localStorage opens as that copy.
    let earlier_copy = match local {
        Some(document) => already_in(db, &project, document).await,
        None => None,
    };
    let (mut needs_base, migrated_before) = (false, earlier_copy.is_some());
    // Otherwise work from the single-document version joins the project (under a fresh id if
    // its text is already there: it may hold annotations the project's copy lacks), or, on a
    // very first start, the sample article. It opens at once; it is written next.
    let joining = match local {
        Some(_) if migrated_before => None,
        Some(document) => Some((document.clone(), None)),
        None if records.is_empty() => Some((sample_document(), Some(SAMPLE_FILE))),
        None => None,
    };
    let opened = match earlier_copy {
        Some(id) => {
            let loaded = load_article(db, &project, &id).await?;
            needs_base = loaded.needs_base;
            Some((id, loaded.document, loaded.meta))
        }
        None => None,
    };
    let (open, document, meta, arriving) = match (joining, opened) {
        (None, Some((id, document, meta))) => (id, document, meta, None),
        (Some((mut document, file_name)), _) => {
            let (id, summary, meta, line) = as_article(&project, &mut document, file_name);
            project.restore([summary.clone()]);
            let record = ProjectRecord::of(&project);
            let arriving = Arriving { id: id.clone(), summary, line, record, from_local_storage: local.is_some() };
            (id, document, meta, Some(arriving))
        }
        // A project the person made and has not filled yet opens on its (empty) list.
        (None, None) if project.articles().is_empty() => nothing_open(),
        (None, None) => {
            let open = last_open(db, &project).await;
            match load_article(db, &project, &open).await {
                Ok(loaded) => {
                    problem = problem.or(loaded.problem);
                    needs_base = loaded.needs_base;
                    (open, loaded.document, loaded.meta, None)
                }
                // One article that cannot be read must not keep the others from opening: the
                // project opens on its list, and says why.
                Err(error) => {
                    problem = Some(format!("The article last open could not be opened: {error}."));
                    nothing_open()
                }
            }
        }
    };
    let mut projects: Vec<ProjectChoice> = records.iter().map(ProjectRecord::choice).collect();
    if records.is_empty() {
        projects.push(ProjectRecord::of(&project).choice());
    }
    Ok(Started { db: None, projects, project, open, document, meta, problem, arriving, needs_base, migrated_before })
}

/// The article of `project` holding exactly `local`'s text, annotations and speakers, if any:
/// localStorage work an earlier start copied but could not clear.
async fn already_in(db: &CorpusDb, project: &Project, local: &Document) -> Option<String> {
    let id = project.known().id_of_text(&text_sha256(local.text()))?.to_owned();
    let stored = load_article(db, project, &id).await.ok()?.document;
    (stored.annotations == local.annotations && stored.speakers == local.speakers).then_some(id)
}

/// No article open: the project shows its list. The annotator keeps a document it never saves.
fn nothing_open() -> (String, Document, CorpusMeta, Option<Arriving>) {
    let document = sample_document();
    let meta = CorpusMeta::default_for(&document);
    (String::new(), document, meta, None)
}

/// The project a record names, with its articles' summaries in the order they were added.
pub async fn load_project(db: &CorpusDb, record: &ProjectRecord) -> Result<(Project, Option<String>), String> {
    let schema = Schema::from_json(&record.schema)
        .map_err(|error| format!("the project “{}” has a schema this version cannot read ({error})", record.name))?;
    let mut summaries: Vec<(String, ArticleSummary)> = db.summaries(&record.id).await.map_err(|e| e.to_string())?;
    let position: std::collections::HashMap<&str, usize> =
        record.order.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    sort::sort_by_key(&mut summaries, |(id, _)| position.get(id.as_str()).copied().unwrap_or(usize::MAX));
    let mut project = Project::new(record.id.clone(), record.name.clone(), schema);
    let refused = project.restore(summaries.into_iter().map(|(_, summary)| summary));
    let problem = (!refused.is_empty())
        .then(|| format!("{} stored articles repeat an id and were left out: {}.", refused.len(), refused.join(", ")));
    Ok((project, problem))
}

/// The article last open in the project, else its first unfinished one, else its first.
pub async fn last_open(db: &CorpusDb, project: &Project) -> String {
    let remembered = db.meta_get(&current_article_key(&project.id)).await.ok().flatten();
    remembered
        .filter(|id| project.article(id).is_some())
        .or_else(|| project.unfinished_from(None, Direction::Next).map(str::to_owned))
        .or_else(|| project.articles().first().map(|a| a.id.clone()))
        .unwrap_or_default()
}

pub fn current_article_key(project: &str) -> String {
    format!("current_article/{project}")
}

pub async fn remember_open(db: &CorpusDb, project: &str, article: &str) {
    // Only a convenience for the next start: a failure here loses no work.
    let _ = db.meta_put(&current_article_key(project), article).await;
    let _ = db.meta_put(CURRENT_PROJECT, project).await;
}

/// Forgets a deleted project's last open article (a start's convenience, like `remember_open`).
pub async fn forget_project(db: &CorpusDb, project: &str) {
    let _ = db.meta_delete(&current_article_key(project)).await;
}

/// An article read from the database, ready to open.
pub struct Loaded {
    pub document: Document,
    pub meta: CorpusMeta,
    /// Steps that could not be applied, said in words.
    pub problem: Option<String>,
    /// The document was given targets of the project that its stored base lacks: the base must
    /// be written before any step that uses one, or the step could not be replayed.
    pub needs_base: bool,
}

/// An article's document as stored: its base with the journal's steps applied, and the
/// project's targets. Steps that do not fit are left out with a message (the base and every
/// earlier step still open).
pub async fn load_article(db: &CorpusDb, project: &Project, id: &str) -> Result<Loaded, String> {
    let stored = db.load_document(&project.id, id).await.map_err(|e| e.to_string())?;
    let (base, steps) = stored.ok_or_else(|| format!("the article “{id}” has no stored document"))?;
    let (mut document, meta) =
        read_document(&base).map_err(|error| format!("the article “{id}” could not be read ({error})"))?;
    let numbered = steps.iter().enumerate().map(|(i, line)| (i + 1, line.as_str()));
    let problem = replay_steps(&mut document, numbered).err().map(|error| {
        format!("The latest changes to “{id}” could not be restored ({error}); its last full save is open.")
    });
    let targets = document.schema.targets.len();
    project.targets_into(&mut document.schema);
    let needs_base = document.schema.targets.len() != targets;
    Ok(Loaded { document, meta, problem, needs_base })
}

/// Writes the article that joined the project at start, and the project's record. For work
/// from localStorage, the result is whether it reads back exactly as written.
pub async fn write_arriving(db: &CorpusDb, project: &str, arriving: Arriving) -> Result<bool, String> {
    let Arriving { id, summary, line, record, from_local_storage } = arriving;
    db.add_articles(project, &[(id.clone(), summary, line.clone())]).await.map_err(|e| e.to_string())?;
    // Read back at once, the base alone: steps saved meanwhile are the person's new work.
    let verified =
        !from_local_storage || matches!(db.load_document(project, &id).await, Ok(Some((base, _))) if base == line);
    db.put_project(project, &record).await.map_err(|e| e.to_string())?;
    remember_open(db, project, &id).await;
    Ok(verified)
}

pub fn sample_document() -> Document {
    let article = Article::parse_text(SAMPLE_ARTICLE).expect("the bundled sample article parses");
    Document::new(article, Schema::default())
}

/// A document as a new article of `project`: its id (unique in the project, and written into
/// the document), summary, corpus metadata and stored line.
fn as_article(
    project: &Project,
    document: &mut Document,
    file_name: Option<&str>,
) -> (String, ArticleSummary, CorpusMeta, String) {
    let sha = text_sha256(document.text());
    let id = project.known().unique_id(&base_id(document.article.id.as_deref(), file_name, &sha));
    document.article.id = Some(id.clone());
    let meta = CorpusMeta::default_for(document);
    let summary = ArticleSummary::of(document, &meta);
    let line = dataset_line(document, &meta);
    (id, summary, meta, line)
}
