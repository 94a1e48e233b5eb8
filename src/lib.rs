//! Stancemark: annotate who said what in the news.
//!
//! Three layers, data flowing one way (see `../shared/GUIDE.md` §2):
//! - [`model`]: pure Rust, no browser. Articles, offsets, annotations, speakers, stance, the
//!   reducer with undo/redo, and JSON export/import. Tested natively with `cargo test`.
//! - [`corpus`]: many articles in one project: intake, ids, status, the list, the split and
//!   dataset statistics, pure like the model and shared by the app and the command-line tool.
//! - [`suggest`]: offline quote, cue and speaker suggestions by rules, pure like the model, and
//!   their scoring against gold annotations.
//! - [`agreement`]: agreement between annotators (span F1, κ, α, α_U, bootstrap intervals) and
//!   the disagreement list the Compare view walks, pure like the model.
//! - [`view`]: pure view models (highlight runs, labels, the keymap, the caret), tested natively.
//! - `ui`: Yew components that render the model and dispatch its actions (wasm32 only).
//! - `glue`: the only code that touches the DOM: selections to offsets, storage, files (wasm32 only).

pub mod agreement;
pub mod corpus;
pub mod model;
pub mod suggest;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod glue;
#[cfg(target_arch = "wasm32")]
pub mod ui;
