//! The export form: which articles (all, or only the done ones), which format (dataset JSONL,
//! one document per line, or rows JSONL, one quote or claim per line), and an optional
//! train/dev/test split with its ratios and seed, checked as they are typed.

use yew::prelude::*;

use crate::corpus::project::Progress;
use crate::corpus::split::Ratios;
use crate::view::corpus_page::{
    format_count, parse_split, scope_count, ExportFormat, ExportRequest, ExportScope, DEFAULT_RATIOS, DEFAULT_SEED,
};

#[derive(Properties, PartialEq)]
pub struct ExportFormProps {
    pub progress: Progress,
    pub on_export: Callback<ExportRequest>,
    pub on_cancel: Callback<()>,
}

#[component]
pub fn ExportForm(props: &ExportFormProps) -> Html {
    let scope = use_state_eq(|| ExportScope::All);
    let format = use_state_eq(|| ExportFormat::Dataset);
    let split = use_state_eq(|| false);
    let ratios = use_state_eq(|| DEFAULT_RATIOS.to_owned());
    let seed = use_state_eq(|| DEFAULT_SEED.to_owned());

    let checked = split.then(|| parse_split(&ratios, &seed));
    let error = checked.as_ref().and_then(|result| result.as_ref().err().cloned());
    let ratios_wrong = *split && Ratios::parse(ratios.trim()).is_err();
    let count = scope_count(*scope, &props.progress);
    let can_export = count > 0 && error.is_none();

    let on_submit = {
        let (on_export, scope, format) = (props.on_export.clone(), *scope, *format);
        let split = checked.and_then(Result::ok);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if can_export {
                on_export.emit(ExportRequest { scope, format, split: split.clone() });
            }
        })
    };
    let on_key = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                on_cancel.emit(());
            }
        })
    };
    let choose_scope = |value: ExportScope| {
        let scope = scope.clone();
        Callback::from(move |_: Event| scope.set(value))
    };
    let choose_format = |value: ExportFormat| {
        let format = format.clone();
        Callback::from(move |_: Event| format.set(value))
    };
    let on_split = {
        let split = split.clone();
        Callback::from(move |event: Event| {
            split.set(event.target_unchecked_into::<web_sys::HtmlInputElement>().checked())
        })
    };
    let typed = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            state.set(event.target_unchecked_into::<web_sys::HtmlInputElement>().value())
        })
    };
    let p = &props.progress;
    html! {
        <form class="corpus-panel export-form" aria-label="Export the project" onsubmit={on_submit} onkeydown={on_key}
            data-testid="export-form">
            <fieldset>
                <legend>{ "Articles" }</legend>
                <label>
                    <input type="radio" name="export-scope" checked={*scope == ExportScope::All} onchange={choose_scope(ExportScope::All)}
                        data-testid="export-scope-all" />
                    { format!("All ({})", format_count(p.total)) }
                </label>
                <label>
                    <input type="radio" name="export-scope" checked={*scope == ExportScope::Done} onchange={choose_scope(ExportScope::Done)}
                        data-testid="export-scope-done" />
                    { format!("Only those marked done ({})", format_count(p.done)) }
                </label>
            </fieldset>
            <fieldset>
                <legend>{ "Format" }</legend>
                <label title="One Stancemark document per line: the text, speakers and annotations with offsets">
                    <input type="radio" name="export-format" checked={*format == ExportFormat::Dataset}
                        onchange={choose_format(ExportFormat::Dataset)} data-testid="export-format-dataset" />
                    { "Dataset JSONL" }<span class="hint">{ " · one document per line" }</span>
                </label>
                <label title="One flat row per quote or claim, with its article id: ready for training">
                    <input type="radio" name="export-format" checked={*format == ExportFormat::Rows}
                        onchange={choose_format(ExportFormat::Rows)} data-testid="export-format-rows" />
                    { "Rows JSONL" }<span class="hint">{ " · one quote or claim per line" }</span>
                </label>
            </fieldset>
            <fieldset>
                <legend>{ "Split" }</legend>
                <label>
                    <input type="checkbox" checked={*split} onchange={on_split} data-testid="export-split" />
                    { "Split by article into train, dev and test" }
                </label>
                if *split {
                    <div class="split-fields">
                        <label for="export-ratios">{ "Ratios" }</label>
                        <input id="export-ratios" type="text" inputmode="decimal" size="10" value={(*ratios).clone()} oninput={typed(&ratios)}
                            aria-invalid={ratios_wrong.to_string()} aria-describedby="export-split-note" data-testid="export-ratios" />
                        <label for="export-seed">{ "Seed" }</label>
                        <input id="export-seed" type="text" inputmode="numeric" size="8" value={(*seed).clone()} oninput={typed(&seed)}
                            aria-invalid={(error.is_some() && !ratios_wrong).to_string()} aria-describedby="export-split-note"
                            data-testid="export-seed" />
                    </div>
                    if let Some(error) = &error {
                        <p id="export-split-note" class="field-error" role="alert" data-testid="export-split-error">{ sentence(error) }</p>
                    } else {
                        <p id="export-split-note" class="hint">
                            { "Three files, one per split; every row names its split. The same ratios and seed give the same split in the command-line tool." }
                        </p>
                    }
                }
            </fieldset>
            <div class="actions">
                <button class="btn primary" type="submit" disabled={!can_export} data-testid="export-run">{ "Export" }</button>
                <button class="btn" type="button" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
                if count == 0 {
                    <span class="hint">{ if p.total == 0 { "The project has no articles yet." } else { "No article is marked done yet." } }</span>
                }
            </div>
        </form>
    }
}

/// The model's messages start in lower case, to follow "file:line: "; alone they start a sentence.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
