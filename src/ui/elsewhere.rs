//! What a tab shows while another tab works on the database (see `glue::tab_lock`).

use yew::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// Another tab had the work when this one opened.
    Busy,
    /// This tab saved its work and handed it to another.
    HandedOver,
    /// Another tab took the work without waiting: this one did not answer in time.
    TakenAway,
    /// Waiting for the other tab to save and hand over.
    Claiming,
}

pub fn view(elsewhere: Elsewhere, use_here: Callback<MouseEvent>) -> Html {
    let (title, body) = match elsewhere {
        Elsewhere::Busy | Elsewhere::Claiming => (
            "Stancemark is open in another tab",
            "One tab at a time works on your projects, so that two tabs never save over each other’s work. Use it here and the other tab saves what it has and steps aside.",
        ),
        Elsewhere::HandedOver => (
            "Stancemark is now open in another tab",
            "Your edits in this tab were saved before the other tab took over; an import still under way here stopped where it was. Use it here to go on in this tab instead.",
        ),
        Elsewhere::TakenAway => (
            "Stancemark is now open in another tab",
            "The other tab took over because this one did not answer in time, so a change made here in the last moment may not have been saved. Use it here to go on in this tab instead.",
        ),
    };
    let claiming = elsewhere == Elsewhere::Claiming;
    html! {
        <main class="elsewhere" data-testid="elsewhere" data-state={format!("{elsewhere:?}").to_lowercase()}>
            <h1>{ title }</h1>
            <p>{ body }</p>
            <button class="btn primary" onclick={use_here} disabled={claiming} aria-busy={claiming.to_string()} data-testid="use-here">
                { if claiming { "Waiting for the other tab…" } else { "Use it here" } }
            </button>
        </main>
    }
}
