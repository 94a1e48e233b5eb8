//! The app's page-wide listeners: hotkeys, the save flush when the page goes away, and whether
//! a mouse button is down.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::html::Scope;

use crate::model::schema::Schema;
use crate::view::keymap::{self, KeyPress};
use crate::view::session::Input;

use super::app::{App, Msg};

/// Hotkeys work anywhere on the page. The listener reads the schema shared with the app, so a
/// document with its own hotkeys takes effect at once. It is registered as not passive, so
/// that `prevent_default` keeps the browser from acting on a key that was ours (Alt+← is also
/// the browser's Back; Shift+arrows also move its selection).
pub fn listen(link: &Scope<App>, schema: Rc<RefCell<Schema>>, pointer_down: &Rc<Cell<bool>>) -> Vec<EventListener> {
    let on_key = link.clone();
    let options = EventListenerOptions::enable_prevent_default();
    let keys = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |event| {
        let event: &web_sys::KeyboardEvent = event.unchecked_ref();
        let press = key_press(event);
        if let Some(command) = keymap::command_for(&press, &schema.borrow()) {
            // Escape in a field still does the field's own thing (clearing a search box).
            if !press.in_field {
                event.prevent_default();
            }
            on_key.send_message(Msg::Input(Input::Key(command)));
        }
    });
    // A save still waiting when the tab closes or reloads is written now.
    let on_hide = link.clone();
    let flush = EventListener::new(&gloo::utils::window(), "pagehide", move |_| on_hide.send_message(Msg::Save));
    let button = |event_type: &'static str, down: bool| {
        let pointer_down = pointer_down.clone();
        EventListener::new(&gloo::utils::document(), event_type, move |_| pointer_down.set(down))
    };
    vec![keys, flush, button("mousedown", true), button("mouseup", false)]
}

fn key_press(event: &web_sys::KeyboardEvent) -> KeyPress {
    let in_field = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|element| {
        matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || element.closest("[contenteditable=true]").ok().flatten().is_some()
    });
    KeyPress {
        key: event.key(),
        ctrl: event.ctrl_key() || event.meta_key(),
        shift: event.shift_key(),
        alt: event.alt_key(),
        in_field,
    }
}
