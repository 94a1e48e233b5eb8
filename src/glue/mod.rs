//! Browser glue: the only code that touches the DOM and browser APIs. Each function is small,
//! converts at the boundary (DOM positions to model offsets, storage to JSON strings) and is
//! covered by `wasm-bindgen-test` in headless Chromium (`tests/browser.rs`).

pub mod clock;
pub mod files;
pub mod idb;
pub mod selection;
pub mod storage;
pub mod tab_lock;
