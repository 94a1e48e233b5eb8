//! The corpus page: a project's articles in a list, its progress, importing and exporting,
//! switching projects and how much storage it uses. Each component shows a part of the
//! page's view model (`view::corpus_page`) and reports what the person did through
//! [`CorpusCallbacks`]; the app owns the project, the import and the export.

mod export_form;
mod export_status;
mod filters;
mod import_buttons;
mod import_panel;
mod meter;
mod page;
mod storage;
mod switcher;
mod table;

pub use page::{CorpusCallbacks, CorpusPage, CorpusPageProps};
