//! The project switcher: every project with its progress, and "New project…", which opens a
//! small form for the new project's name.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::corpus_page::{project_choice_label, ProjectChoice};

#[derive(Properties, PartialEq)]
pub struct SwitcherProps {
    /// The project shown.
    pub current: AttrValue,
    /// Its name, in case `projects` does not list it yet.
    pub name: AttrValue,
    pub projects: Rc<Vec<ProjectChoice>>,
    pub on_switch: Callback<String>,
    pub on_new: Callback<String>,
}

#[component]
pub fn ProjectSwitcher(props: &SwitcherProps) -> Html {
    let select = use_node_ref();
    let name_field = use_node_ref();
    let creating = use_state_eq(|| false);
    let listed = props.projects.iter().any(|p| *p.id == *props.current);
    // The option "New project…" comes after the projects (and the current one, if unlisted).
    let new_index = props.projects.len() + usize::from(!listed);
    {
        // The select shows the current project, also after "New project…" was chosen or the
        // person switched and the app refused.
        let (select, current) = (select.clone(), props.current.clone());
        use_effect(move || {
            if let Some(select) = select.cast::<web_sys::HtmlSelectElement>() {
                select.set_value(&current);
            }
        });
    }
    {
        let name_field = name_field.clone();
        use_effect_with(*creating, move |creating| {
            if let (true, Some(field)) = (*creating, name_field.cast::<web_sys::HtmlInputElement>()) {
                let _ = field.focus();
            }
        });
    }
    let on_change = {
        let (on_switch, creating, current) = (props.on_switch.clone(), creating.clone(), props.current.clone());
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            if select.selected_index() == new_index as i32 {
                select.set_value(&current);
                creating.set(true);
            } else if select.value() != *current {
                on_switch.emit(select.value());
            }
        })
    };
    let on_create = {
        let (on_new, creating, name_field) = (props.on_new.clone(), creating.clone(), name_field.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(field) = name_field.cast::<web_sys::HtmlInputElement>() else { return };
            let name = field.value().trim().to_owned();
            if !name.is_empty() {
                on_new.emit(name);
                creating.set(false);
            }
        })
    };
    let on_cancel = {
        let creating = creating.clone();
        Callback::from(move |_: MouseEvent| creating.set(false))
    };
    let on_key = {
        let creating = creating.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                creating.set(false);
            }
        })
    };
    html! {
        <div class="project-switcher">
            <label class="visually-hidden" for="project-select">{ "Project" }</label>
            <select id="project-select" ref={select} onchange={on_change} data-testid="project-select"
                title="Switch to another project, or start a new one">
                for choice in props.projects.iter() {
                    <option key={choice.id.clone()} value={choice.id.clone()} selected={*choice.id == *props.current}>
                        { project_choice_label(choice) }
                    </option>
                }
                if !listed {
                    <option key={props.current.to_string()} value={props.current.clone()} selected=true>{ &props.name }</option>
                }
                <option key="\u{0}new" value="">{ "New project…" }</option>
            </select>
            if *creating {
                <form class="new-project" onsubmit={on_create} onkeydown={on_key} data-testid="new-project-form">
                    <input ref={name_field} type="text" placeholder="Name of the new project" aria-label="Name of the new project"
                        maxlength="120" required=true data-testid="new-project-name" />
                    <button class="btn primary" type="submit">{ "Create" }</button>
                    <button class="btn" type="button" onclick={on_cancel}>{ "Cancel" }</button>
                </form>
            }
        </div>
    }
}
