//! Carries out the session's effects in the browser: schedules the save for after the change
//! is painted (the app writes it when the timer fires) and the base for when the person
//! pauses, downloads, the clipboard, the annotator's name, the article keys, and what must
//! wait for the next render (scrolling, focusing a field). What became of an effect goes back
//! to the session as input.

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::html::Scope;

use crate::glue::{files, storage};
use crate::view::session::{Effect, Input};

use super::app::{App, Msg};
use super::saving::Wrote;

/// How long after the last edit the journal is folded into the base: long enough to fall in a
/// pause, short enough that the journal stays a few steps long.
const COMPACT_AFTER_MS: u32 = 2_000;

enum AfterRender {
    ScrollToSelected,
    Focus(&'static str),
}

pub struct EffectRunner {
    link: Scope<App>,
    /// A save waiting for the change to be painted, at most one at a time: the frame after
    /// which it starts (dropping it would cancel that).
    save_after_frame: Option<AnimationFrame>,
    /// Folding the journal into the base once the person has paused; restarted by each save.
    compaction_scheduled: Option<Timeout>,
    /// What needs the page as the next render leaves it.
    after_render: Vec<AfterRender>,
}

impl EffectRunner {
    pub fn new(link: Scope<App>) -> EffectRunner {
        EffectRunner { link, save_after_frame: None, compaction_scheduled: None, after_render: Vec::new() }
    }

    pub fn carry_out(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                // The next animation frame, then a zero-delay timer: the frame showing the
                // change is painted first and the save written just after it, outside the
                // frame's budget; `pagehide` flushes a save still waiting.
                Effect::Save => {
                    if self.save_after_frame.is_none() {
                        self.save_after_frame = Some(send_after_paint(&self.link, 0, || Msg::Save));
                    }
                }
                Effect::ScrollToSelected => self.after_render.push(AfterRender::ScrollToSelected),
                Effect::FocusField(id) => self.after_render.push(AfterRender::Focus(id)),
                Effect::ClearBrowserSelection => crate::glue::selection::clear_selection(),
                Effect::Download { file_name, mime, contents } => {
                    if files::download(&file_name, mime, &contents).is_err() {
                        self.link.send_message(Msg::Input(Input::DownloadRefused));
                    }
                }
                Effect::CopyToClipboard(json) => {
                    let link = self.link.clone();
                    yew::platform::spawn_local(async move {
                        let result = files::copy_to_clipboard(&json).await;
                        let result =
                            result.map_err(|e| e.as_string().unwrap_or_else(|| "the browser refused".to_owned()));
                        link.send_message(Msg::Input(Input::Copied(result)));
                    });
                }
                Effect::StoreAuthor(name) => {
                    if let Err(error) = storage::save_author(&name) {
                        self.link.send_message(Msg::Input(Input::AuthorNotStored(error.to_string())));
                    }
                }
                Effect::Article(step) => self.link.send_message(Msg::Article(step)),
            }
        }
    }

    /// Whether a save was waiting (and now is not): the page closing with nothing pending must
    /// write nothing.
    pub fn take_scheduled_save(&mut self) -> bool {
        self.save_after_frame.take().is_some()
    }

    /// After a save: steps wait to be folded into the base when the person pauses; a base has
    /// nothing left to fold.
    pub fn saved(&mut self, wrote: Wrote) {
        match wrote {
            Wrote::Steps => {
                let link = self.link.clone();
                self.compaction_scheduled =
                    Some(Timeout::new(COMPACT_AFTER_MS, move || link.send_message(Msg::Compact)));
            }
            Wrote::Base => self.compaction_scheduled = None,
            Wrote::Nothing => {}
        }
    }

    /// The fold is being done now (the person paused, or another article opens).
    pub fn compaction_done(&mut self) -> bool {
        self.compaction_scheduled.take().is_some()
    }

    pub fn after_render(&mut self) {
        for task in std::mem::take(&mut self.after_render) {
            match task {
                AfterRender::ScrollToSelected => scroll_into_view(".seg.selected, .seg.ghost-current, .seg.lane"),
                AfterRender::Focus(id) => {
                    if let Some(element) = gloo::utils::document().get_element_by_id(id) {
                        let _ = element.unchecked_into::<web_sys::HtmlElement>().focus();
                    }
                }
            }
        }
    }
}

/// Sends `message()` once the next frame has been painted and `delay_ms` more have passed, so
/// the work it asks for falls between frames instead of delaying the one on its way. The
/// message is sent unless the returned frame is dropped before it comes.
pub fn send_after_paint(link: &Scope<App>, delay_ms: u32, message: fn() -> Msg) -> AnimationFrame {
    let link = link.clone();
    request_animation_frame(move |_| {
        Timeout::new(delay_ms, move || link.send_message(message())).forget();
    })
}

fn scroll_into_view(selector: &str) {
    if let Ok(Some(element)) = gloo::utils::document().query_selector(selector) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        options.set_behavior(web_sys::ScrollBehavior::Smooth);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
