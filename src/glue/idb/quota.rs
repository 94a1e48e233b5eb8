//! The browser's storage quota: asking to keep the corpus, and how much of the quota it uses.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{StorageEstimate, StorageManager};

/// `navigator.storage`, absent in older browsers and outside secure contexts.
fn manager() -> Option<StorageManager> {
    let storage = web_sys::window()?.navigator().storage();
    (!storage.is_undefined()).then_some(storage)
}

/// Asks the browser not to evict the corpus under storage pressure; `true` when granted,
/// `false` when refused or unsupported.
pub async fn persist() -> bool {
    let Some(promise) = manager().and_then(|storage| storage.persist().ok()) else { return false };
    JsFuture::from(promise).await.ok().and_then(|granted| granted.as_bool()).unwrap_or(false)
}

/// Bytes used and the quota, as the browser estimates them; `None` when unsupported.
pub async fn estimate() -> Option<(f64, f64)> {
    let estimate: StorageEstimate = JsFuture::from(manager()?.estimate().ok()?).await.ok()?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}
