//! Yew components. The root [`App`] owns the model's `Editor` and the pure `Session`, and
//! carries out the session's effects; every other component is a small function component
//! that shows a view model and reports what the person did through callbacks.

mod app;
pub mod article_view;
mod details;
mod effects;
mod float_bar;
mod help;
mod list;
mod listeners;
mod loading;
mod notice;
mod persistence;
mod shell;
mod speaker_picker;
mod speakers;
mod statusbar;
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
