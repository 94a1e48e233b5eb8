//! Yew components. The root [`App`] starts the app from the database; once running, it owns the
//! open article's `Editor`, the pure `Session` and the project's workspace, and carries out the
//! session's effects. Every other component is a small function component that shows a view
//! model and reports what the person did through callbacks.

mod app;
pub mod article_view;
mod compare_panel;
pub mod corpus;
mod corpus_ctl;
mod details;
mod effects;
mod elsewhere;
mod export_job;
mod float_bar;
mod help;
mod import_job;
mod importing;
mod list;
mod listeners;
mod loading;
mod local_work;
mod notice;
mod preannotating;
mod preannotation_job;
mod running;
mod saving;
mod shell;
mod speaker_picker;
mod speakers;
mod statusbar;
mod store;
mod suggestion_card;
mod topbar;

pub use app::App;

/// Mounts the app on `#app`, replacing the loading message.
pub fn start() {
    let document = gloo::utils::document();
    let root = document.get_element_by_id("app").expect("index.html has a #app element");
    root.set_class_name("");
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}
