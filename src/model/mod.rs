//! The annotation model: pure Rust, no browser APIs, compiled natively and into the app.
//!
//! Data flows one way: an [`article::Article`] is parsed into one canonical text; a
//! [`document::Document`] holds it with the schema, speakers and annotations; every change is
//! an [`action::Action`] applied by the reducer, with undo and redo in [`history::Editor`];
//! [`export`] and [`import`] write and read the versioned JSON described in `docs/format.md`.

pub mod action;
pub mod annotation;
pub mod article;
pub mod batch;
pub mod coverage;
pub mod dataset;
pub mod document;
pub mod error;
pub mod export;
pub mod greedy;
pub mod history;
pub mod ids;
pub mod import;
pub mod invariants;
pub mod journal;
pub mod json;
pub mod keys;
pub mod locate;
pub mod rejection;
pub mod schema;
pub mod sequence;
pub mod sort;
pub mod speaker;
pub mod text;
pub mod utf8;

mod anchor;
mod change;
mod normalise;
mod parse_error;
mod reanchor;
mod record;
mod reducer;
