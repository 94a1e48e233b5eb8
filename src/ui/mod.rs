//! Yew components. The root [`App`] owns the model's `Editor` and turns events into model
//! actions; every other component is a small function component that shows a view model and
//! reports what the person did through callbacks.

mod app;
pub mod article_view;
mod commands;
mod details;
mod float_bar;
mod help;
mod list;
mod loading;
mod notice;
mod persistence;
mod speaker_picker;
mod speakers;
mod statusbar;
mod topbar;
mod transfer;

pub use app::App;

/// Mounts the app on `#app`, replacing the loading message.
pub fn start() {
    let document = gloo::utils::document();
    let root = document.get_element_by_id("app").expect("index.html has a #app element");
    root.set_class_name("");
    root.set_inner_html("");
    yew::Renderer::<App>::with_root(root).render();
}
