//! View models: pure functions from the model's state to what the page shows and from keys
//! to commands. No browser here, so all of it is tested natively; the Yew components in
//! `ui` only turn these values into elements.

pub mod caret;
pub mod keymap;
pub mod labels;
pub mod segments;
pub mod speaker_guess;
