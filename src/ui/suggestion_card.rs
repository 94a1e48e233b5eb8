//! The current suggestion in the side panel: its words, type, cue and source, who it names
//! (which the person can change before accepting), how sure the rule is and which rule it was,
//! and the buttons that accept or reject it, or accept every sure one at once.

use yew::prelude::*;

use crate::view::session::{Input, ACCEPT_ALL_THRESHOLD};
use crate::view::suggestion_card::SuggestionCard;

#[derive(Properties, PartialEq)]
pub struct SuggestionCardProps {
    pub card: SuggestionCard,
    pub on_input: Callback<Input>,
}

#[component]
pub fn SuggestionCardView(props: &SuggestionCardProps) -> Html {
    let card = &props.card;
    let index = card.index;
    let send = |input: Input| props.on_input.reform(move |_: MouseEvent| input.clone());
    let choices = card.speakers.clone();
    let on_speaker = props.on_input.reform(move |event: Event| {
        let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
        let picked =
            select.value().parse::<usize>().ok().and_then(|i| choices.get(i)).map(|(choice, _)| choice.clone());
        Input::ChooseSuggestionSpeaker(index, picked.unwrap_or(crate::view::suggested::SpeakerChoice::Suggested))
    });
    let linked = |tag: &str, class: &str, text: &Option<String>| match text {
        Some(text) => html! {
            <div class="span-row"><span class={classes!("tag", class.to_owned())}>{ tag }</span><span class="text">{ text }</span></div>
        },
        None => {
            html! { <div class="span-row empty"><span class={classes!("tag", class.to_owned())}>{ tag }</span>{ "none found" }</div> }
        }
    };
    html! {
        <section class="panel-section suggestion-card" aria-labelledby="suggestion-title" data-testid="suggestion-card">
            <h2 id="suggestion-title">{ format!("Suggested {} · {}", card.kind, card.position) }</h2>
            <p class="quote-text ghost-text" data-testid="suggestion-text">{ &card.text }</p>
            <div class="field">
                <span class="label">{ "Spans" }</span>
                { linked("cue", "cue", &card.cue) }
                { linked("source", "mention", &card.source) }
            </div>
            <div class="field">
                <label for="suggestion-speaker">{ "Speaker" }</label>
                <select id="suggestion-speaker" onchange={on_speaker} data-testid="suggestion-speaker">
                    for (i, (_, name)) in card.speakers.iter().enumerate() {
                        <option value={i.to_string()} selected={i == card.chosen}>{ name }</option>
                    }
                </select>
            </div>
            <div class="field">
                <span class="label" data-testid="suggestion-why">
                    { format!("{}% sure · rule {}", card.confidence, card.rule) }
                </span>
            </div>
            <div class="actions">
                <button class="btn primary" onclick={send(Input::AcceptSuggestion(Some(index)))} data-testid="accept-suggestion">
                    { "Accept" }
                    if !card.accept_key.is_empty() { <kbd>{ &card.accept_key }</kbd> }
                </button>
                <button class="btn" onclick={send(Input::RejectSuggestion(Some(index)))} data-testid="reject-suggestion">
                    { "Reject" }<kbd>{ &card.reject_key }</kbd>
                </button>
            </div>
            <div class="actions">
                <button class="btn" onclick={send(Input::AcceptAllSuggestions(ACCEPT_ALL_THRESHOLD))} data-testid="accept-all"
                    title="Accept every open suggestion the rules are at least 80% sure of, as one step that one undo takes back">
                    { format!("Accept all ≥ {}%", (ACCEPT_ALL_THRESHOLD * 100.0).round() as u8) }
                </button>
                <button class="btn" onclick={send(Input::HideSuggestions)} data-testid="hide-suggestions">{ "Hide suggestions" }</button>
            </div>
        </section>
    }
}
