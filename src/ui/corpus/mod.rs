//! The corpus page: a project's articles in a list, its progress, importing and exporting,
//! switching projects and how much storage it uses. Each part shows a part of the page's
//! view model (`view::corpus_page`) and reports what the person did through
//! [`CorpusCallbacks`]; the app owns the project, the import and the export.
//!
//! Only the parts with state of their own are components (the page, the switcher, the export
//! form, the list); the others are plain functions the page calls. Every component brings its
//! own copy of Yew's lifecycle code into the bundle, which for a stateless part costs more
//! than the part itself.

mod export_form;
mod filters;
mod import_buttons;
mod jobs;
mod meter;
mod page;
mod storage;
mod switcher;
mod table;

pub use page::{CorpusCallbacks, CorpusPage, CorpusPageProps};

use yew::{Callback, MouseEvent};

/// A button's click as the page's `Callback<()>`. One function for every such button, so the
/// bundle holds one adapter instead of one per call site.
fn clicked(callback: &Callback<()>) -> Callback<MouseEvent> {
    callback.reform(|_| ())
}
