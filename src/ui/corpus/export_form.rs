//! The export form: which articles (all, or only the done ones), which format (dataset JSONL,
//! one document per line, or rows JSONL, one quote or claim per line), and an optional
//! train/dev/test split with its ratios and seed, checked as they are typed.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::corpus::project::Progress;
use crate::corpus::split::Ratios;
use crate::view::corpus_page::{
    format_count, parse_split, scope_count, ExportFormat, ExportRequest, ExportScope, DEFAULT_RATIOS, DEFAULT_SEED,
};

/// The form's fields while it is open. The page holds it (`None` while the form is closed),
/// so the form starts afresh each time it opens; a plain function draws it, as a component of
/// its own would bring its own copy of Yew's lifecycle code into the bundle.
#[derive(Clone, PartialEq)]
pub struct ExportDraft {
    scope: ExportScope,
    format: ExportFormat,
    split: bool,
    ratios: String,
    seed: String,
}

impl Default for ExportDraft {
    fn default() -> Self {
        ExportDraft {
            scope: ExportScope::All,
            format: ExportFormat::Dataset,
            split: false,
            ratios: DEFAULT_RATIOS.to_owned(),
            seed: DEFAULT_SEED.to_owned(),
        }
    }
}

/// What a field's input changes in the draft.
type Change = fn(&mut ExportDraft, &HtmlInputElement);

/// The open form, `d` being `*state`'s draft. Export and Cancel (or Escape) close it.
pub fn export_form(
    state: &UseStateHandle<Option<ExportDraft>>,
    d: &ExportDraft,
    p: &Progress,
    on_export: &Callback<ExportRequest>,
) -> Html {
    let checked = d.split.then(|| parse_split(&d.ratios, &d.seed));
    let error = checked.as_ref().and_then(|result| result.as_ref().err().cloned());
    let ratios_wrong = d.split && Ratios::parse(d.ratios.trim()).is_err();
    let count = scope_count(d.scope, p);
    let can_export = count > 0 && error.is_none();

    let on_submit = {
        let (state, on_export, scope, format) = (state.clone(), on_export.clone(), d.scope, d.format);
        let split = checked.and_then(Result::ok);
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if can_export {
                state.set(None);
                on_export.emit(ExportRequest { scope, format, split: split.clone() });
            }
        })
    };
    let on_key = {
        let state = state.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.stop_propagation();
                state.set(None);
            }
        })
    };
    let on_cancel = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.set(None))
    };
    // A radio button or the checkbox changed, and a text field typed in.
    let chosen = |change: Change| {
        let state = state.clone();
        Callback::from(move |event: Event| edit(&state, change, &event))
    };
    let typed = |change: Change| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| edit(&state, change, &event))
    };
    html! {
        <form class="corpus-panel export-form" aria-label="Export the project" onsubmit={on_submit} onkeydown={on_key}
            data-testid="export-form">
            <fieldset>
                <legend>{ "Articles" }</legend>
                <label>
                    { radio("export-scope", d.scope == ExportScope::All, chosen(|d, _| d.scope = ExportScope::All), "export-scope-all") }
                    { format!("All ({})", format_count(p.total)) }
                </label>
                <label>
                    { radio("export-scope", d.scope == ExportScope::Done, chosen(|d, _| d.scope = ExportScope::Done), "export-scope-done") }
                    { format!("Only those marked done ({})", format_count(p.done)) }
                </label>
            </fieldset>
            <fieldset>
                <legend>{ "Format" }</legend>
                <label title="One Stancemark document per line: the text, speakers and annotations with offsets">
                    { radio("export-format", d.format == ExportFormat::Dataset,
                        chosen(|d, _| d.format = ExportFormat::Dataset), "export-format-dataset") }
                    { "Dataset JSONL" }<span class="hint">{ " · one document per line" }</span>
                </label>
                <label title="One flat row per quote or claim, with its article id: ready for training">
                    { radio("export-format", d.format == ExportFormat::Rows, chosen(|d, _| d.format = ExportFormat::Rows), "export-format-rows") }
                    { "Rows JSONL" }<span class="hint">{ " · one quote or claim per line" }</span>
                </label>
            </fieldset>
            <fieldset>
                <legend>{ "Split" }</legend>
                <label>
                    <input type="checkbox" checked={d.split} onchange={chosen(|d, input| d.split = input.checked())} data-testid="export-split" />
                    { "Split by article into train, dev and test" }
                </label>
                if d.split {
                    <div class="split-fields">
                        <label for="export-ratios">{ "Ratios" }</label>
                        <input id="export-ratios" type="text" inputmode="decimal" size="10" value={d.ratios.clone()}
                            oninput={typed(|d, input| d.ratios = input.value())}
                            aria-invalid={ratios_wrong.to_string()} aria-describedby="export-split-note" data-testid="export-ratios" />
                        <label for="export-seed">{ "Seed" }</label>
                        <input id="export-seed" type="text" inputmode="numeric" size="8" value={d.seed.clone()}
                            oninput={typed(|d, input| d.seed = input.value())}
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
                <button class="btn" type="button" onclick={on_cancel}>{ "Cancel" }</button>
                if count == 0 {
                    <span class="hint">{ if p.total == 0 { "The project has no articles yet." } else { "No article is marked done yet." } }</span>
                }
            </div>
        </form>
    }
}

fn edit(state: &UseStateHandle<Option<ExportDraft>>, change: Change, event: &Event) {
    let mut next = (**state).clone();
    if let Some(draft) = &mut next {
        change(draft, &event.target_unchecked_into());
    }
    state.set(next);
}

/// One radio button of the form: the four share this code.
fn radio(name: &'static str, checked: bool, onchange: Callback<Event>, testid: &'static str) -> Html {
    html! { <input type="radio" name={name} checked={checked} onchange={onchange} data-testid={testid} /> }
}

/// The model's messages start in lower case, to follow "file:line: "; alone they start a sentence.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}
