//! The app's page-wide listeners: hotkeys, the save flush when the page goes away or is
//! hidden, and whether a pointer (mouse button, finger, pen) is down.

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
    // A save still waiting when the tab closes, reloads or is hidden is written now: a hidden
    // tab paints no frames, and saves otherwise wait for one.
    let on_hide = link.clone();
    let flush = EventListener::new(&gloo::utils::window(), "pagehide", move |_| on_hide.send_message(Msg::Save));
    let on_hidden = link.clone();
    let hidden = EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
        if gloo::utils::document().hidden() {
            on_hidden.send_message(Msg::Save);
        }
    });
    let pointer = |target: &web_sys::EventTarget, event_type: &'static str, down: bool| {
        let pointer_down = pointer_down.clone();
        EventListener::new(target, event_type, move |_| pointer_down.set(down))
    };
    let (document, window) = (gloo::utils::document(), gloo::utils::window());
    vec![
        keys,
        flush,
        hidden,
        pointer(&document, "pointerdown", true),
        pointer(&document, "pointerup", false),
        pointer(&document, "pointercancel", false),
        // A release outside the window never reaches the page; losing focus ends the drag.
        pointer(&window, "blur", false),
    ]
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
