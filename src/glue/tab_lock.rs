//! One tab at a time works on the database. Two tabs on the same article would each append
//! steps made against their own copy, and the first to fold its journal into the base would
//! drop the other's steps. So a tab holds a Web Lock while it works, and a second tab asks the
//! holder to hand over (it saves what it has, closes its connection, then lets go) instead of
//! writing beside it.
//!
//! The browser lets go of a lock when its tab closes or crashes, so a tab that is gone never
//! blocks another. A holder that does not answer within the patience given (a hung tab) has
//! the lock taken from it. Without Web Locks (browsers before 2022) tabs work unguarded, as
//! before.
//!
//! `web-sys` has the Web Locks API only behind its unstable-API flag, which would rebuild
//! every crate with a different `RUSTFLAGS`; the two calls needed go through `js_sys`.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, BroadcastChannel, MessageEvent};

/// What a tab that wants the lock posts, on the channel named after the lock, to its holder.
const RELEASE: &str = "release";

/// What the holder of the lock is told.
#[derive(Clone)]
pub struct Handlers {
    /// Another tab asks for the lock: save, close the database, then drop the [`TabLock`].
    pub release_asked: Rc<dyn Fn()>,
    /// Another tab took the lock without waiting (this tab did not answer): stop writing.
    pub lost: Rc<dyn Fn()>,
}

pub enum Claim {
    Held(TabLock),
    /// Another tab holds it.
    Busy,
    /// This browser has no Web Locks: work unguarded.
    Unsupported,
}

/// The lock, held until this is dropped.
pub struct TabLock {
    /// Resolves the promise the lock's callback returned, which lets the lock go.
    release: Function,
    channel: Option<BroadcastChannel>,
    _listening: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl TabLock {
    fn new(name: &str, release: Function, handlers: &Handlers) -> TabLock {
        let channel = BroadcastChannel::new(name).ok();
        let release_asked = handlers.release_asked.clone();
        let listening = channel.as_ref().map(|channel| {
            let listening = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
                if event.data().as_string().as_deref() == Some(RELEASE) {
                    release_asked();
                }
            });
            channel.set_onmessage(Some(listening.as_ref().unchecked_ref()));
            listening
        });
        TabLock { release, channel, _listening: listening }
    }
}

impl Drop for TabLock {
    fn drop(&mut self) {
        if let Some(channel) = &self.channel {
            channel.set_onmessage(None);
            channel.close();
        }
        let _ = self.release.call0(&JsValue::UNDEFINED);
    }
}

/// Takes the lock called `name` if no other tab holds it. The app names it after the database
/// it guards, whichever project a tab has open.
pub async fn try_hold(name: &str, handlers: &Handlers) -> Claim {
    let Some(locks) = lock_manager() else { return Claim::Unsupported };
    let Ok(granted) = request(&locks, name, &options("ifAvailable", &JsValue::TRUE), handlers.lost.clone()) else {
        return Claim::Unsupported;
    };
    match JsFuture::from(granted).await {
        Ok(release) if release.is_function() => Claim::Held(TabLock::new(name, release.unchecked_into(), handlers)),
        Ok(_) => Claim::Busy,
        Err(_) => Claim::Unsupported,
    }
}

/// Asks the tab holding the lock to hand it over and waits for it; after `patience_ms`
/// without an answer, takes it. Never `Busy`.
pub async fn claim(name: &str, handlers: &Handlers, patience_ms: i32) -> Claim {
    let Some(locks) = lock_manager() else { return Claim::Unsupported };
    ask_holder_to_release(name);
    let Ok(controller) = AbortController::new() else { return Claim::Unsupported };
    let waiting = options("signal", &controller.signal());
    let Ok(granted) = request(&locks, name, &waiting, handlers.lost.clone()) else { return Claim::Unsupported };
    let first = Promise::race(&Array::of2(&granted, &timer(patience_ms)).into());
    let release = match JsFuture::from(first).await {
        Ok(release) if release.is_function() => Ok(release),
        // The holder did not answer: stop waiting (this cannot cancel a grant already made,
        // which would have won the race) and take the lock.
        _ => {
            controller.abort();
            match request(&locks, name, &options("steal", &JsValue::TRUE), handlers.lost.clone()) {
                Ok(stolen) => JsFuture::from(stolen).await,
                Err(error) => Err(error),
            }
        }
    };
    match release {
        Ok(release) if release.is_function() => Claim::Held(TabLock::new(name, release.unchecked_into(), handlers)),
        _ => Claim::Unsupported,
    }
}

/// Requests the lock; the promise resolves with the function that lets it go, or with `null`
/// when `ifAvailable` found it held. `lost` runs if the browser takes a granted lock away.
fn request(locks: &JsValue, name: &str, options: &Object, lost: Rc<dyn Fn()>) -> Result<Promise, JsValue> {
    let (granted, grant) = deferred();
    let was_granted = Rc::new(Cell::new(false));
    let granting = was_granted.clone();
    let callback = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        if lock.is_null() {
            let _ = grant.call1(&JsValue::UNDEFINED, &JsValue::NULL);
            return JsValue::UNDEFINED;
        }
        granting.set(true);
        // The lock is held until this promise resolves.
        let (held, release) = deferred();
        let _ = grant.call1(&JsValue::UNDEFINED, &release);
        held.into()
    });
    let request: Function = Reflect::get(locks, &"request".into())?.dyn_into()?;
    let outcome: Promise = request.call3(locks, &name.into(), options, &callback)?.dyn_into()?;
    // Resolves when the lock is let go; rejected when it is stolen, and when a waiting request
    // is aborted before its grant.
    wasm_bindgen_futures::spawn_local(async move {
        if JsFuture::from(outcome).await.is_err() && was_granted.get() {
            lost();
        }
    });
    Ok(granted)
}

fn ask_holder_to_release(name: &str) {
    if let Ok(channel) = BroadcastChannel::new(name) {
        // The message is queued for every other channel of that name as it is posted, so
        // closing this one at once loses nothing.
        let _ = channel.post_message(&RELEASE.into());
        channel.close();
    }
}

fn lock_manager() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &"locks".into()).ok().filter(|locks| locks.is_object())
}

fn options(key: &str, value: &JsValue) -> Object {
    let options = Object::new();
    let _ = Reflect::set(&options, &key.into(), value);
    options
}

/// A promise and the function that resolves it.
fn deferred() -> (Promise, Function) {
    let mut resolve = None;
    let promise = Promise::new(&mut |resolved, _| resolve = Some(resolved));
    (promise, resolve.expect("a promise's executor runs at once"))
}

/// Resolves with `undefined` after `ms`.
fn timer(ms: i32) -> Promise {
    Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    })
}
