//! The project switcher: every project with its progress; "New project…", which opens a
//! small form for the new project's name; and "Delete this project…", which asks first.

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
    /// What "Delete this project…" asks before deleting (`delete_project_question`).
    pub delete_question: AttrValue,
    /// The shown project's id, once the person confirmed.
    pub on_delete: Callback<String>,
}

/// What the switcher shows below the select.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    None,
    NewProject,
    ConfirmDelete,
}

#[component]
pub fn ProjectSwitcher(props: &SwitcherProps) -> Html {
    let select = use_node_ref();
    let name_field = use_node_ref();
    let keep_button = use_node_ref();
    let form = use_state_eq(|| Form::None);
    let listed = props.projects.iter().any(|p| *p.id == *props.current);
    // "New project…" and "Delete this project…" come after the projects (and the current one,
    // if unlisted).
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
        // The name field, or the question's harmless answer (Escape and Enter then work at once).
        let (name_field, keep_button) = (name_field.clone(), keep_button.clone());
        use_effect_with(*form, move |form| {
            let focused = match form {
                Form::NewProject => name_field.cast::<web_sys::HtmlElement>(),
                Form::ConfirmDelete => keep_button.cast::<web_sys::HtmlElement>(),
                Form::None => None,
            };
            if let Some(element) = focused {
                let _ = element.focus();
            }
        });
    }
    let on_change = {
        let (on_switch, form, current) = (props.on_switch.clone(), form.clone(), props.current.clone());
        Callback::from(move |event: Event| {
            let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
            let chosen = select.selected_index();
            if chosen == new_index as i32 || chosen == new_index as i32 + 1 {
                select.set_value(&current);
                form.set(if chosen == new_index as i32 { Form::NewProject } else { Form::ConfirmDelete });
            } else if select.value() != *current {
                on_switch.emit(select.value());
            }
        })
    };
    let on_create = {
        let (on_new, form, name_field) = (props.on_new.clone(), form.clone(), name_field.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(field) = name_field.cast::<web_sys::HtmlInputElement>() else { return };
            let name = field.value().trim().to_owned();
            if !name.is_empty() {
                on_new.emit(name);
                form.set(Form::None);
            }
        })
    };
    let on_delete = {
        let (on_delete, form, current) = (props.on_delete.clone(), form.clone(), props.current.clone());
        Callback::from(move |_: MouseEvent| {
            on_delete.emit(current.to_string());
            form.set(Form::None);
        })
    };
    let on_cancel = {
        let form = form.clone();
        Callback::from(move |_: MouseEvent| form.set(Form::None))
    };
    let on_key = {
        let form = form.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                form.set(Form::None);
            }
        })
    };
    html! {
        // Confirming takes the header's whole width, so the question sits under the select.
        <div class={if *form == Form::ConfirmDelete { "project-switcher confirming" } else { "project-switcher" }}>
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
                <option key="\u{0}delete" value="">{ "Delete this project…" }</option>
            </select>
            if *form == Form::NewProject {
                <form class="new-project" onsubmit={on_create} onkeydown={on_key.clone()} data-testid="new-project-form">
                    <input ref={name_field} type="text" placeholder="Name of the new project" aria-label="Name of the new project"
                        maxlength="120" required=true data-testid="new-project-name" />
                    <button class="btn primary" type="submit">{ "Create" }</button>
                    <button class="btn" type="button" onclick={on_cancel.clone()}>{ "Cancel" }</button>
                </form>
            }
            if *form == Form::ConfirmDelete {
                <div class="confirm-delete" role="alertdialog" aria-label="Delete this project" onkeydown={on_key}
                    data-testid="delete-project-confirm">
                    <p>{ &props.delete_question }</p>
                    <button class="btn danger" type="button" onclick={on_delete} data-testid="delete-project">
                        { "Delete the project" }
                    </button>
                    <button ref={keep_button} class="btn" type="button" onclick={on_cancel}>{ "Cancel" }</button>
                </div>
            }
        </div>
    }
}
