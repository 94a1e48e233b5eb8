//! The selected annotation's details: kind, quote type, its spans, speaker, stance, target,
//! note. Every control is a native form control, so all of it works from the keyboard.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::action::Action;
use crate::model::annotation::{AnnotationKind, QuoteType};
use crate::model::ids::{SpeakerId, TargetId};
use crate::view::panels::DetailsView;

use super::speaker_picker::SpeakerPicker;

#[derive(Properties, PartialEq)]
pub struct DetailsProps {
    /// Rebuilt only when the document or the selection changes, so comparing the `Rc` is enough.
    pub view: Rc<DetailsView>,
    pub on_edit: Callback<Action>,
    /// A new stance target's label, to add and choose in one step.
    pub on_new_target: Callback<String>,
    pub on_create_speaker_from_mention: Callback<()>,
    pub on_create_speaker_named: Callback<String>,
}

#[component]
pub fn Details(props: &DetailsProps) -> Html {
    let view = &props.view;
    let annotation = &view.annotation;
    let keys = &view.keys;
    let id = annotation.id.clone();
    let edit = |action: Action| props.on_edit.reform(move |_: MouseEvent| action.clone());

    let kind_button = |kind: AnnotationKind, label: &str| {
        let pressed = annotation.kind == kind;
        html! {
            <button aria-pressed={pressed.to_string()} onclick={edit(Action::SetKind { id: id.clone(), kind })}>{ label }</button>
        }
    };
    let type_button = |quote_type: QuoteType, label: &str, key: &str| {
        let pressed = annotation.quote_type == Some(quote_type);
        html! {
            <button aria-pressed={pressed.to_string()} onclick={edit(Action::SetQuoteType { id: id.clone(), quote_type })}>
                { label }<kbd>{ key }</kbd>
            </button>
        }
    };
    let stance_buttons = view.stances.iter().map(|stance| {
        let pressed = annotation.stance.as_ref() == Some(&stance.id);
        // Pressing the chosen stance again clears it.
        let next = (!pressed).then(|| stance.id.clone());
        html! {
            <button aria-pressed={pressed.to_string()} onclick={edit(Action::SetStance { id: id.clone(), stance: next })}
                data-testid={format!("stance-{}", stance.id)}>
                { &stance.label }<kbd>{ stance.key }</kbd>
            </button>
        }
    });
    let on_target = {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let value = select.value();
            on_edit.emit(Action::SetTarget { id: id.clone(), target: (!value.is_empty()).then_some(TargetId(value)) });
        })
    };
    let on_new_target = {
        let on_new_target = props.on_new_target.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Enter" {
                return;
            }
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            on_new_target.emit(input.value());
            input.set_value("");
        })
    };
    let on_note = {
        let (on_edit, id, old) = (props.on_edit.clone(), id.clone(), annotation.note.clone());
        // One undo step per finished edit, not per keystroke.
        Callback::from(move |event: Event| {
            let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
            if area.value() != old {
                on_edit.emit(Action::SetNote { id: id.clone(), note: area.value() });
            }
        })
    };
    let on_pick_speaker = {
        let (on_edit, id) = (props.on_edit.clone(), id.clone());
        Callback::from(move |speaker: Option<SpeakerId>| on_edit.emit(Action::SetSpeaker { id: id.clone(), speaker }))
    };
    let fragments = view.fragments.iter().enumerate().map(|(index, text)| {
        let remove = (annotation.fragments.len() > 1)
            .then(|| edit(Action::RemoveFragment { id: id.clone(), index }));
        html! {
            <div class="span-row">
                <span class="tag fragment">{ format!("{}", index + 1) }</span>
                <span class="text" title={text.clone()}>{ text }</span>
                if let Some(remove) = remove {
                    <button class="btn" onclick={remove} aria-label={format!("Remove fragment {}", index + 1)}>{ "×" }</button>
                }
            </div>
        }
    });
    let linked = |tag: &str, class: &str, key: &str, text: &Option<String>, clear: Action, testid: &str| match text {
        Some(text) => html! {
            <div class="span-row" data-testid={testid.to_owned()}>
                <span class={classes!("tag", class.to_owned())}>{ tag }</span>
                <span class="text">{ text }</span>
                <button class="btn" onclick={edit(clear)} aria-label={format!("Clear the {tag}")}>{ "×" }</button>
            </div>
        },
        None => html! {
            <div class="span-row empty"><span class={classes!("tag", class.to_owned())}>{ tag }</span>
                { format!("none: select its words and press {key}") }</div>
        },
    };

    html! {
        <section class="panel-section" aria-labelledby="details-title" data-testid="details">
            <h2 id="details-title">{ &view.heading }</h2>
            <p class="quote-text" data-testid="details-text">
                { for view.fragments.iter().enumerate().map(|(i, text)| html! {
                    <>
                        if i > 0 { <span class="gap">{ "…" }</span> }
                        { text }
                    </>
                }) }
            </p>
            <div class="field">
                <span class="label">{ "Kind" }</span>
                <div class="segmented" role="group" aria-label="Kind">
                    { kind_button(AnnotationKind::Quote, "Quote") }
                    { kind_button(AnnotationKind::Claim, "Claim") }
                </div>
            </div>
            if annotation.kind == AnnotationKind::Quote {
                <div class="field">
                    <span class="label">{ "Quote type" }</span>
                    <div class="segmented" role="group" aria-label="Quote type">
                        { type_button(QuoteType::Direct, "Direct", &keys.direct) }
                        { type_button(QuoteType::Indirect, "Indirect", &keys.indirect) }
                        { type_button(QuoteType::Mixed, "Mixed", &keys.mixed) }
                    </div>
                </div>
            }
            <div class="field">
                <span class="label">{ "Spans" }</span>
                { for fragments }
                { linked("cue", "cue", &keys.cue, &view.cue, Action::SetCue { id: id.clone(), span: None }, "cue-row") }
                { linked("source", "mention", &keys.source, &view.mention, Action::SetSourceMention { id: id.clone(), span: None }, "mention-row") }
            </div>
            <SpeakerPicker view={view.clone()}
                on_pick={on_pick_speaker}
                on_create_from_mention={props.on_create_speaker_from_mention.clone()}
                on_create_named={props.on_create_speaker_named.clone()} />
            <div class="field">
                <span class="label">{ "Stance" }</span>
                <div class="segmented" role="group" aria-label="Stance">{ for stance_buttons }</div>
            </div>
            <div class="field">
                <label for="target-select">{ "Toward" }<kbd>{ &keys.target }</kbd></label>
                <select id="target-select" onchange={on_target} data-testid="target-select">
                    <option value="" selected={annotation.target.is_none()}>{ "— no target —" }</option>
                    for target in view.targets.iter() {
                        <option value={target.id.to_string()} selected={annotation.target.as_ref() == Some(&target.id)}>
                            { &target.label }
                        </option>
                    }
                </select>
                <input type="text" placeholder="+ New target…  ⏎" aria-label="Add a stance target and choose it"
                    onkeydown={on_new_target} data-testid="new-target" />
            </div>
            <div class="field">
                <label for="note-input">{ "Note" }<kbd>{ &keys.note }</kbd></label>
                <textarea id="note-input" value={annotation.note.clone()} onchange={on_note} placeholder="Anything the next reader should know" />
            </div>
            <div class="field">
                <span class="label">{ format!("Made by {} · {} · {}", annotation.created_by, annotation.created_at, annotation.origin.as_str()) }</span>
            </div>
            <button class="btn danger" onclick={edit(Action::DeleteAnnotation { id: id.clone() })} data-testid="delete">
                { "Delete" }<kbd>{ &keys.delete }</kbd>
            </button>
        </section>
    }
}
