//! The import's and the export's panels. An import under way: reading (a progress bar,
//! lines, time left, Cancel), the report (the bad lines, the duplicates, and the choice to
//! import the good articles), writing, and the finished message. An export under way (a
//! progress bar) or finished (its message, with a close button).
//!
//! Plain functions called by the page: they have no state of their own.

use yew::prelude::*;

use crate::view::corpus_page::{
    duplicates_summary, export_line, import_good_label, more_line, reading_line, suggest_line, ExportView, ImportView,
    SuggestView, LISTED,
};

use super::clicked;
use super::meter::meter;
use super::page::CorpusCallbacks;

pub fn import_panel(view: &ImportView, on: &CorpusCallbacks) -> Html {
    let line = reading_line(view);
    // With nothing to import, the report's only way out closes it (and drops what was read).
    let nothing = matches!(view, ImportView::Report { good: 0, bad, .. } if bad.is_empty());
    let cancel = html! {
        <button class="btn" onclick={clicked(&on.cancel_import)} data-testid="import-cancel">
            { if nothing { "Close" } else { "Cancel" } }
        </button>
    };
    let running = |heading: String, label: &'static str, done: usize, total: usize| {
        html! {
            <>
                <h2>{ heading }</h2>
                <div class="job">
                    { meter(label, done, total, &line, &[(done, "meter-part")]) }
                    { cancel.clone() }
                </div>
                <p class="job-line">{ line.clone() }</p>
            </>
        }
    };
    let body = match view {
        ImportView::Reading { source, bytes_done, bytes_total, .. } => {
            running(format!("Reading {source}"), "Import read", *bytes_done, *bytes_total)
        }
        ImportView::Writing { done, total } => {
            running("Adding the articles to the project".to_owned(), "Import saved", *done, *total)
        }
        ImportView::Report { good, duplicates, bad } => html! {
            <>
                <h2>{ if bad.is_empty() { "Ready to import" } else { "Some inputs could not be read" } }</h2>
                <p class="job-line" aria-live="polite">{ line.clone() }</p>
                if !bad.is_empty() {
                    <div class="import-bad" data-testid="import-bad" role="region" aria-label="Inputs that could not be read" tabindex="0">
                        { listed(bad) }
                    </div>
                }
                if !duplicates.is_empty() {
                    <details class="import-duplicates" data-testid="import-duplicates">
                        <summary>{ duplicates_summary(duplicates.len()) }</summary>
                        { listed(duplicates) }
                    </details>
                }
                <div class="actions">
                    if *good > 0 {
                        <button class="btn primary" onclick={clicked(&on.import_good)} data-testid="import-good">
                            { import_good_label(*good, bad.len()) }
                        </button>
                    }
                    { cancel.clone() }
                </div>
            </>
        },
        ImportView::Finished { message } => finished(message, &on.dismiss, "import-dismiss"),
    };
    let finished = matches!(view, ImportView::Finished { .. });
    html! {
        <section class={if finished { "corpus-panel import-panel finished" } else { "corpus-panel import-panel" }}
            aria-label="Import" data-testid="import-panel">
            { body }
        </section>
    }
}

pub fn export_status(view: &ExportView, on_dismiss: &Callback<()>) -> Html {
    let line = export_line(view);
    let (body, class) = match view {
        ExportView::Running { done, total } => (
            html! {
                <>
                    <h2>{ "Exporting the dataset" }</h2>
                    { meter("Export", *done, *total, &line, &[(*done, "meter-part")]) }
                    <p class="job-line">{ line }</p>
                </>
            },
            "corpus-panel export-status",
        ),
        ExportView::Finished { message } => {
            (finished(message, on_dismiss, "export-dismiss"), "corpus-panel export-status finished")
        }
    };
    html! {
        <section class={class} aria-label="Export" data-testid="export-status">
            { body }
        </section>
    }
}

pub fn suggest_status(view: &SuggestView, on_cancel: &Callback<()>, on_dismiss: &Callback<()>) -> Html {
    let line = suggest_line(view);
    let body = match view {
        SuggestView::Running { read, total, .. } => html! {
            <>
                <h2>{ "Suggesting in the new articles" }</h2>
                <div class="job">
                    { meter("Suggest", *read, *total, &line, &[(*read, "meter-part")]) }
                    <button class="btn" onclick={clicked(on_cancel)} data-testid="suggest-cancel">{ "Cancel" }</button>
                </div>
                <p class="job-line">{ line }</p>
            </>
        },
        SuggestView::Finished { message } => finished(message, on_dismiss, "suggest-dismiss"),
    };
    let class = match view {
        SuggestView::Running { .. } => "corpus-panel suggest-status",
        SuggestView::Finished { .. } => "corpus-panel suggest-status finished",
    };
    html! {
        <section class={class} aria-label="Suggestions in new articles" data-testid="suggest-status">{ body }</section>
    }
}

/// A finished job's message, with its close button.
fn finished(message: &str, on_dismiss: &Callback<()>, testid: &'static str) -> Html {
    html! {
        <div class="job-done">
            <p class="job-line" role="status">{ message.to_owned() }</p>
            <button class="close" onclick={clicked(on_dismiss)} aria-label="Dismiss" title="Dismiss"
                data-testid={testid}>{ "×" }</button>
        </div>
    }
}

/// The first [`LISTED`] entries of the report's list, then how many more there are.
fn listed(entries: &[String]) -> Html {
    html! {
        <>
            <ul>
                for entry in entries.iter().take(LISTED) { <li>{ entry }</li> }
            </ul>
            if entries.len() > LISTED { <p class="more">{ more_line(entries.len() - LISTED) }</p> }
        </>
    }
}
