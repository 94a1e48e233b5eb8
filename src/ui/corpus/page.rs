//! The page that shows a project: the header (switcher, progress, import and export), the
//! import and export panels, the filter, the list, and the storage line.

use std::rc::Rc;

use yew::prelude::*;

use crate::corpus::list::ListQuery;
use crate::corpus::project::Project;
use crate::view::corpus_page::{
    clear_filter, delete_project_question, no_match_message, progress_label, ExportRequest, ExportView, ImportView,
    ProjectChoice, StorageView, SuggestView, EMPTY_PROJECT,
};

use super::clicked;
use super::export_form::{export_form, ExportDraft};
use super::filters::filters;
use super::import_buttons::import_buttons;
use super::jobs::{export_status, import_panel, suggest_status};
use super::meter::meter;
use super::storage::storage_footer;
use super::switcher::ProjectSwitcher;
use super::table::CorpusTable;

#[derive(Properties)]
pub struct CorpusPageProps {
    /// Compared by pointer: the app makes a new `Rc` when the project changes.
    pub project: Rc<Project>,
    pub projects: Rc<Vec<ProjectChoice>>,
    /// Indices into `project.articles()`, filtered and sorted by the app with `project.rows(&query)`.
    pub rows: Rc<Vec<usize>>,
    pub query: ListQuery,
    /// The article open in the annotator: its row is marked, and "Back to the article" shows.
    pub current: Option<AttrValue>,
    pub import: Option<ImportView>,
    pub export: Option<ExportView>,
    pub suggesting: Option<SuggestView>,
    pub storage: StorageView,
    pub on: CorpusCallbacks,
}

impl PartialEq for CorpusPageProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.project, &other.project)
            && (Rc::ptr_eq(&self.projects, &other.projects) || self.projects == other.projects)
            && (Rc::ptr_eq(&self.rows, &other.rows) || self.rows == other.rows)
            && self.query == other.query
            && self.current == other.current
            && self.import == other.import
            && self.export == other.export
            && self.suggesting == other.suggesting
            && self.storage == other.storage
            && self.on == other.on
    }
}

/// What the person does on the page. Made once by the app, so the parts' props stay equal.
#[derive(Clone, PartialEq)]
pub struct CorpusCallbacks {
    /// A click on a row, or Enter on a focused row.
    pub open_article: Callback<String>,
    /// A header clicked (sort), a status chip, the title search.
    pub set_query: Callback<ListQuery>,
    pub switch_project: Callback<String>,
    /// The name typed for a new project.
    pub new_project: Callback<String>,
    /// The shown project, once the person confirmed deleting it.
    pub delete_project: Callback<String>,
    /// Files picked with "Import files…", in the order the browser gives them.
    pub import_files: Callback<Vec<web_sys::File>>,
    /// The `.txt`, `.json` and `.jsonl` files of a picked folder (hidden ones left out), in
    /// the order of their paths.
    pub import_folder: Callback<Vec<web_sys::File>>,
    pub cancel_import: Callback<()>,
    /// "Import the N good articles, skip M".
    pub import_good: Callback<()>,
    /// Closes a finished import's or export's message.
    pub dismiss: Callback<()>,
    pub export: Callback<ExportRequest>,
    /// "Suggest in new articles", and its Cancel.
    pub suggest_new: Callback<()>,
    pub cancel_suggest: Callback<()>,
    /// Back to the annotator.
    pub back: Callback<()>,
}

#[component]
pub fn CorpusPage(props: &CorpusPageProps) -> Html {
    // The export form's fields while it is open.
    let export_draft = use_state_eq(|| None::<ExportDraft>);
    let on = &props.on;
    let project = &props.project;
    let progress = project.progress();
    let importing = matches!(
        props.import,
        Some(ImportView::Reading { .. } | ImportView::Writing { .. } | ImportView::Report { .. })
    );
    let exporting = matches!(props.export, Some(ExportView::Running { .. }));
    let suggesting = matches!(props.suggesting, Some(SuggestView::Running { .. }));
    let toggle_export = {
        let export_draft = export_draft.clone();
        Callback::from(move |_: MouseEvent| {
            export_draft.set(if export_draft.is_some() { None } else { Some(ExportDraft::default()) })
        })
    };
    let label = progress_label(&progress);
    let list = if progress.total == 0 {
        html! { <div class="corpus-empty" data-testid="corpus-empty"><p>{ EMPTY_PROJECT }</p></div> }
    } else if props.rows.is_empty() {
        let clear = {
            let (set_query, cleared) = (on.set_query.clone(), clear_filter(&props.query));
            Callback::from(move |_: MouseEvent| set_query.emit(cleared.clone()))
        };
        html! {
            <div class="corpus-empty" data-testid="corpus-no-match">
                <p>{ no_match_message(&props.query) }</p>
                <button class="btn" onclick={clear} data-testid="clear-filter">{ "Clear the filter" }</button>
            </div>
        }
    } else {
        html! {
            <CorpusTable project={project.clone()} rows={props.rows.clone()} query={props.query.clone()}
                current={props.current.clone()} on_open={on.open_article.clone()} on_query={on.set_query.clone()} />
        }
    };
    html! {
        <section class="corpus-page" data-testid="corpus-page" aria-label={format!("Project {}", project.name)}>
            <header class="corpus-head">
                <ProjectSwitcher current={AttrValue::from(project.id.clone())} name={AttrValue::from(project.name.clone())}
                    projects={props.projects.clone()} on_switch={on.switch_project.clone()} on_new={on.new_project.clone()}
                    delete_question={delete_project_question(&project.name, progress.total, progress.annotations)}
                    on_delete={on.delete_project.clone()} />
                <nav class="toolbar" aria-label="Project">
                    { import_buttons(importing, &on.import_files, &on.import_folder) }
                    <button class="btn" onclick={toggle_export} disabled={exporting} aria-expanded={(export_draft.is_some() && !exporting).to_string()}
                        title="Download the project as one dataset, optionally split into train, dev and test" data-testid="export-open">
                        { "Export…" }
                    </button>
                    <button class="btn" onclick={clicked(&on.suggest_new)} disabled={suggesting || progress.total == 0}
                        title="Accept the suggestions the rules are at least 80% sure of in every new article; they show as made by “suggestions” and the articles stay new"
                        data-testid="suggest-new">
                        { "Suggest in new articles" }
                    </button>
                    if props.current.is_some() {
                        <button class="btn primary" onclick={clicked(&on.back)} data-testid="corpus-back">
                            { "Back to the article" }
                        </button>
                    }
                </nav>
                <div class="corpus-progress">
                    { meter("Articles done", progress.done, progress.total, &label,
                        &[(progress.done, "meter-part done"), (progress.skipped, "meter-part skipped")]) }
                    <span class="corpus-progress-text" data-testid="corpus-progress">{ label }</span>
                </div>
            </header>
            if let (Some(draft), false) = (&*export_draft, exporting) {
                { export_form(&export_draft, draft, &progress, &on.export) }
            }
            if let Some(export) = &props.export {
                { export_status(export, &on.dismiss) }
            }
            if let Some(suggesting) = &props.suggesting {
                { suggest_status(suggesting, &on.cancel_suggest, &on.dismiss) }
            }
            if let Some(import) = &props.import {
                { import_panel(import, on) }
            }
            if progress.total > 0 {
                { filters(&props.query, &progress, props.rows.len(), &on.set_query) }
            }
            { list }
            { storage_footer(&props.storage) }
        </section>
    }
}
