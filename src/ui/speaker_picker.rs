//! Choosing the speaker of an annotation: type to search names and aliases, pick with the
//! keyboard or the mouse, or create a new speaker from the source mention in one step.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::speaker::SpeakerId;
use crate::view::panels::DetailsView;
use crate::view::speaker_guess;

#[derive(Properties, PartialEq)]
pub struct SpeakerPickerProps {
    /// The annotation's details: its speaker, its source mention (offered as a new speaker's
    /// name) and every speaker to search.
    pub view: Rc<DetailsView>,
    pub on_pick: Callback<Option<SpeakerId>>,
    pub on_create_from_mention: Callback<()>,
    pub on_create_named: Callback<String>,
}

#[component]
pub fn SpeakerPicker(props: &SpeakerPickerProps) -> Html {
    let query = use_state(String::new);
    let open = use_state(|| false);
    let view = &props.view;
    let current = view.speaker.as_ref();
    let mention = view.mention.as_deref();

    let on_input = {
        let (query, open) = (query.clone(), open.clone());
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
            open.set(true);
        })
    };
    // When the person types a mention ("Peskov"), suggestions come from the mention if empty.
    let search = if query.is_empty() { mention.unwrap_or_default() } else { query.as_str() };
    let mut matches = speaker_guess::matching(&view.speakers, search);
    if matches.is_empty() && query.is_empty() {
        matches = speaker_guess::matching(&view.speakers, "");
    }
    let pick = |id: Option<SpeakerId>| {
        let (on_pick, query, open) = (props.on_pick.clone(), query.clone(), open.clone());
        Callback::from(move |_: MouseEvent| {
            on_pick.emit(id.clone());
            query.set(String::new());
            open.set(false);
        })
    };
    let on_key = {
        let (on_pick, on_create, query, open) =
            (props.on_pick.clone(), props.on_create_named.clone(), query.clone(), open.clone());
        let first = matches.first().map(|s| s.id.clone());
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            // Enter takes the best match, or creates a speaker with the typed name.
            "Enter" => {
                event.prevent_default();
                match (&first, query.trim()) {
                    (_, "") if first.is_none() => {}
                    (Some(id), _) => on_pick.emit(Some(id.clone())),
                    (None, name) => on_create.emit(name.to_owned()),
                }
                query.set(String::new());
                open.set(false);
            }
            "ArrowDown" => {
                // Hand focus to the suggestion list, which Tab and arrows then walk.
                event.prevent_default();
                open.set(true);
                if let Some(button) = gloo::utils::document().query_selector(".suggest button").ok().flatten() {
                    let _ = button.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
            _ => {}
        })
    };
    let on_focus = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(true))
    };
    let typed = query.trim().to_owned();
    let create_named = {
        let (on_create, query, typed) = (props.on_create_named.clone(), query.clone(), typed.clone());
        Callback::from(move |_: MouseEvent| {
            on_create.emit(typed.clone());
            query.set(String::new());
        })
    };
    let exact_exists = view.speakers.iter().any(|s| s.answers_to(&typed));

    html! {
        <div class="field">
            <label for="speaker-input">{ "Speaker" }<kbd>{ &view.keys.speaker }</kbd></label>
            if let Some(speaker) = current {
                <div class="span-row">
                    <span class="text" data-testid="current-speaker"><strong>{ &speaker.name }</strong>
                        if let Some(role) = &speaker.role { { format!(" · {role}") } }
                    </span>
                    <button class="btn" onclick={pick(None)} aria-label="Remove the speaker">{ "Clear" }</button>
                </div>
            }
            <input id="speaker-input" type="search" autocomplete="off" placeholder="Type a name or alias…"
                value={(*query).clone()} oninput={on_input} onkeydown={on_key} onfocus={on_focus}
                role="combobox" aria-expanded={(*open).to_string()} aria-controls="speaker-suggestions" data-testid="speaker-input" />
            if let Some(mention) = mention.filter(|m| !current.is_some_and(|s| s.answers_to(m))) {
                <button class="btn" onclick={props.on_create_from_mention.reform(|_: MouseEvent| ())} data-testid="speaker-from-mention">
                    { format!("New speaker from “{mention}”") }
                </button>
            }
            if *open {
                <ul class="suggest" id="speaker-suggestions" role="listbox">
                    for speaker in matches.iter().take(8) {
                        <li><button onclick={pick(Some(speaker.id.clone()))} role="option">
                            { &speaker.name }
                            if !speaker.aliases.is_empty() {
                                <span class="aka">{ format!(" · {}", speaker.aliases.join(", ")) }</span>
                            }
                        </button></li>
                    }
                    if !typed.is_empty() && !exact_exists {
                        <li><button onclick={create_named} data-testid="speaker-create">{ format!("+ New speaker “{typed}”") }</button></li>
                    }
                </ul>
            }
        </div>
    }
}
