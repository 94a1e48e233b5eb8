//! The speakers: who is quoted how often, renaming, aliases, merging duplicates, and jumping
//! through one speaker's quotes.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::action::Action;
use crate::model::speaker::{SpeakerId, SpeakerKind};
use crate::view::panels::{merge_candidates, SpeakerRow};

#[derive(Properties, PartialEq)]
pub struct SpeakersProps {
    /// Rebuilt only when the document changes, so comparing the `Rc` is enough.
    pub rows: Rc<Vec<SpeakerRow>>,
    pub on_edit: Callback<Action>,
    /// Select the next annotation of this speaker after the current selection.
    pub on_jump: Callback<SpeakerId>,
    /// What to say when there are no speakers yet, naming the schema's keys.
    pub empty_hint: AttrValue,
}

#[component]
pub fn SpeakersPanel(props: &SpeakersProps) -> Html {
    if props.rows.is_empty() {
        return html! {
            <p class="panel-section empty">{ props.empty_hint.clone() }</p>
        };
    }
    html! {
        <div data-testid="speakers">
            for row in props.rows.iter() {
                <SpeakerCard key={row.speaker.id.0.clone()} row={row.clone()} others={merge_candidates(&props.rows, &row.speaker.id)}
                    on_edit={props.on_edit.clone()} on_jump={props.on_jump.clone()} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CardProps {
    row: SpeakerRow,
    /// The speakers that can be merged into this one.
    others: Vec<(SpeakerId, String)>,
    on_edit: Callback<Action>,
    on_jump: Callback<SpeakerId>,
}

fn input_value(event: &KeyboardEvent) -> Option<web_sys::HtmlInputElement> {
    (event.key() == "Enter").then(|| event.target_unchecked_into())
}

#[component]
fn SpeakerCard(props: &CardProps) -> Html {
    let speaker = &props.row.speaker;
    let id = speaker.id.clone();
    let count = props.row.annotations;
    let edit_on_enter = |make: fn(SpeakerId, String) -> Action| {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |event: KeyboardEvent| {
            if let Some(input) = input_value(&event) {
                let value = input.value().trim().to_owned();
                if !value.is_empty() {
                    on_edit.emit(make(id.clone(), value));
                    input.set_value("");
                }
            }
        })
    };
    let on_merge = {
        let (on_edit, keep) = (props.on_edit.clone(), id.clone());
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let absorb = select.value();
            if !absorb.is_empty() {
                on_edit.emit(Action::MergeSpeakers { keep: keep.clone(), absorb: SpeakerId(absorb) });
                select.set_value("");
            }
        })
    };
    let on_kind = {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if let Some(kind) = SpeakerKind::parse(&select.value()) {
                on_edit.emit(Action::SetSpeakerKind { id: id.clone(), kind });
            }
        })
    };
    let jump = {
        let (on_jump, id) = (props.on_jump.clone(), id.clone());
        Callback::from(move |_: MouseEvent| on_jump.emit(id.clone()))
    };
    let remove = {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |_: MouseEvent| on_edit.emit(Action::RemoveSpeaker { id: id.clone() }))
    };
    html! {
        <section class="speaker-card" aria-label={speaker.name.clone()} data-testid="speaker-card">
            <header>
                <span class="name">{ &speaker.name }</span>
                <span class="count">{ if count == 1 { "1 annotation".to_owned() } else { format!("{count} annotations") } }</span>
            </header>
            <div class="aliases">
                { speaker.role.clone().unwrap_or_default() }
                if !speaker.aliases.is_empty() { { format!(" · also: {}", speaker.aliases.join(", ")) } }
                if let Some(wikidata) = &speaker.wikidata { { format!(" · Wikidata {wikidata}") } }
            </div>
            <div class="row">
                <input aria-label={format!("Rename {}", speaker.name)} placeholder="Rename…  ⏎" onkeydown={edit_on_enter(|id, name| Action::RenameSpeaker { id, name })} />
                <input aria-label={format!("Add an alias of {}", speaker.name)} placeholder="Add alias…  ⏎" onkeydown={edit_on_enter(|id, alias| Action::AddAlias { id, alias })} />
            </div>
            <div class="row">
                <input aria-label={format!("Role or affiliation of {}", speaker.name)} placeholder="Role…  ⏎"
                    onkeydown={edit_on_enter(|id, role| Action::SetSpeakerRole { id, role: Some(role) })} />
                <input aria-label={format!("Wikidata id of {}", speaker.name)} placeholder="Wikidata Q-id…  ⏎"
                    onkeydown={edit_on_enter(|id, wikidata| Action::SetSpeakerWikidata { id, wikidata: Some(wikidata) })} />
            </div>
            <div class="row">
                <select aria-label="Kind of speaker" onchange={on_kind}>
                    for kind in [SpeakerKind::Person, SpeakerKind::Organisation, SpeakerKind::Group, SpeakerKind::UnnamedSource] {
                        <option value={kind.as_str()} selected={speaker.kind == kind}>{ kind.as_str().replace('_', " ") }</option>
                    }
                </select>
                if !props.others.is_empty() {
                    <select aria-label={format!("Merge another speaker into {}", speaker.name)} onchange={on_merge}>
                        <option value="" selected=true>{ "Merge in…" }</option>
                        for (other, name) in props.others.iter() {
                            <option value={other.0.clone()}>{ name }</option>
                        }
                    </select>
                }
                <button class="btn" onclick={jump} disabled={count == 0}>{ "Next quote ▸" }</button>
                <button class="btn danger" onclick={remove} title="Only speakers with no annotations can be removed">{ "Remove" }</button>
            </div>
        </section>
    }
}
