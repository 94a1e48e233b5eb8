//! The corpus in the browser's IndexedDB: projects, article summaries for the corpus list, each
//! document's base and the journal of steps saved since, with every write in one transaction
//! that counts as saved only once the browser reports it complete.
//!
//! Plain web-sys with a thin promise layer (`request`), not an IndexedDB crate: fewer bytes.
//! Structured values cross with serde-wasm-bindgen; bases and journal lines stay JS strings.

mod error;
pub mod quota;
mod request;
mod store;

pub use store::CorpusDb;
