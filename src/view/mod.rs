//! View models and the UI session: pure functions from the model's state to what the page
//! shows, from keys to commands, and from what the person does to model actions and effects.
//! No browser here, so all of it is tested natively; the Yew components in `ui` only turn
//! these values into elements and carry out the session's effects.

pub mod adjudicate;
pub mod caret;
pub mod compare;
pub mod compare_panel;
pub mod corpus_page;
pub mod keymap;
pub mod labels;
pub mod notice;
pub mod panels;
pub mod preannotation;
pub mod segments;
pub mod session;
pub mod speaker_guess;
pub mod suggested;
pub mod suggestion_card;
pub mod views;
pub mod virtual_list;
pub mod workspace;
