//! An import under way: reading (a progress bar, lines, time left, Cancel), the report (the
//! bad lines, the duplicates, and the choice to import the good articles), writing, and the
//! finished message.

use yew::prelude::*;

use crate::view::corpus_page::{duplicates_summary, import_good_label, more_line, reading_line, ImportView, LISTED};

use super::meter::Meter;

#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    pub view: ImportView,
    pub on_cancel: Callback<()>,
    pub on_import_good: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn ImportPanel(props: &ImportPanelProps) -> Html {
    let line = reading_line(&props.view);
    // With nothing to import, the report's only way out closes it (and drops what was read).
    let nothing = matches!(&props.view, ImportView::Report { good: 0, bad, .. } if bad.is_empty());
    let cancel = html! {
        <button class="btn" onclick={props.on_cancel.reform(|_: MouseEvent| ())} data-testid="import-cancel">
            { if nothing { "Close" } else { "Cancel" } }
        </button>
    };
    let body = match &props.view {
        ImportView::Reading { source, bytes_done, bytes_total, .. } => html! {
            <>
                <h2>{ format!("Reading {source}") }</h2>
                <div class="job">
                    <Meter label="Import read" value={*bytes_done} max={*bytes_total} text={AttrValue::from(line.clone())}
                        parts={vec![(*bytes_done, "")]} />
                    { cancel }
                </div>
                <p class="job-line">{ line }</p>
            </>
        },
        ImportView::Writing { done, total } => html! {
            <>
                <h2>{ "Adding the articles to the project" }</h2>
                <div class="job">
                    <Meter label="Import saved" value={*done} max={*total} text={AttrValue::from(line.clone())}
                        parts={vec![(*done, "")]} />
                    { cancel }
                </div>
                <p class="job-line">{ line }</p>
            </>
        },
        ImportView::Report { good, duplicates, bad } => html! {
            <>
                <h2>{ if bad.is_empty() { "Ready to import" } else { "Some inputs could not be read" } }</h2>
                <p class="job-line" aria-live="polite">{ line }</p>
                if !bad.is_empty() {
                    <div class="import-bad" data-testid="import-bad" role="region" aria-label="Inputs that could not be read" tabindex="0">
                        <ul>
                            for entry in bad.iter().take(LISTED) { <li>{ entry }</li> }
                        </ul>
                        if bad.len() > LISTED { <p class="more">{ more_line(bad.len() - LISTED) }</p> }
                    </div>
                }
                if !duplicates.is_empty() {
                    <details class="import-duplicates" data-testid="import-duplicates">
                        <summary>{ duplicates_summary(duplicates.len()) }</summary>
                        <ul>
                            for entry in duplicates.iter().take(LISTED) { <li>{ entry }</li> }
                        </ul>
                        if duplicates.len() > LISTED { <p class="more">{ more_line(duplicates.len() - LISTED) }</p> }
                    </details>
                }
                <div class="actions">
                    if *good > 0 {
                        <button class="btn primary" onclick={props.on_import_good.reform(|_: MouseEvent| ())} data-testid="import-good">
                            { import_good_label(*good, bad.len()) }
                        </button>
                    }
                    { cancel }
                </div>
            </>
        },
        ImportView::Finished { message } => html! {
            <div class="job-done">
                <p class="job-line" role="status">{ message }</p>
                <button class="close" onclick={props.on_dismiss.reform(|_: MouseEvent| ())} aria-label="Dismiss" title="Dismiss"
                    data-testid="import-dismiss">{ "×" }</button>
            </div>
        },
    };
    let finished = matches!(props.view, ImportView::Finished { .. });
    html! {
        <section class={classes!("corpus-panel", "import-panel", finished.then_some("finished"))} aria-label="Import" data-testid="import-panel">
            { body }
        </section>
    }
}
