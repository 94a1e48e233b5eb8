//! IndexedDB's events as futures. The handlers are the promise's own `resolve` and `reject`, so
//! no Rust closure has to outlive anything, and they are set as soon as the request or the
//! transaction exists: an event is never missed because a future was polled late.

use std::future::Future;

use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction};

/// The request's result once it succeeds, or its `DOMException` once it fails.
pub(super) fn settled(request: &IdbRequest) -> impl Future<Output = Result<JsValue, JsValue>> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let settled = JsFuture::from(promise);
    let request = request.clone();
    async move {
        match settled.await {
            Ok(_) => request.result(),
            Err(_) => Err(request.error().ok().flatten().map_or(JsValue::NULL, JsValue::from)),
        }
    }
}

/// The open connection, or why there is none: the request's `DOMException`, or the `blocked`
/// event when another connection holds an older version open and does not close.
pub(super) fn opened(request: &IdbOpenDbRequest) -> impl Future<Output = Result<IdbDatabase, JsValue>> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
        request.set_onblocked(Some(&reject));
    });
    let settled = JsFuture::from(promise);
    let request = request.clone();
    async move {
        match settled.await {
            Ok(_) => request.result().map(JsCast::unchecked_into),
            // While blocked the request is still pending and reading its error throws.
            Err(event) => Err(request.error().ok().flatten().map_or(event, JsValue::from)),
        }
    }
}

/// Resolves when the transaction completes (its writes are saved) and fails when it aborts,
/// with the error that aborted it (`null` for an explicit `abort()`). An unhandled request
/// error always aborts its transaction, so waiting for `abort` rather than `error` means the
/// caller hears of a failure only once everything the transaction wrote has been rolled back.
pub(super) fn done(transaction: &IdbTransaction) -> impl Future<Output = Result<(), JsValue>> {
    let promise = Promise::new(&mut |resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
    });
    let settled = JsFuture::from(promise);
    let transaction = transaction.clone();
    async move { settled.await.map(drop).map_err(|_| transaction.error().map_or(JsValue::NULL, JsValue::from)) }
}
