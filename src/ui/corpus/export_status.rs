//! An export under way (a progress bar) or finished (its message, with a close button).

use yew::prelude::*;

use crate::view::corpus_page::{export_line, ExportView};

use super::meter::Meter;

#[derive(Properties, PartialEq)]
pub struct ExportStatusProps {
    pub view: ExportView,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn ExportStatus(props: &ExportStatusProps) -> Html {
    let line = export_line(&props.view);
    let body = match &props.view {
        ExportView::Running { done, total } => html! {
            <>
                <h2>{ "Exporting the dataset" }</h2>
                <Meter label="Export" value={*done} max={*total} text={AttrValue::from(line.clone())} parts={vec![(*done, "")]} />
                <p class="job-line">{ line }</p>
            </>
        },
        ExportView::Finished { .. } => html! {
            <div class="job-done">
                <p class="job-line" role="status">{ line }</p>
                <button class="close" onclick={props.on_dismiss.reform(|_: MouseEvent| ())} aria-label="Dismiss" title="Dismiss"
                    data-testid="export-dismiss">{ "×" }</button>
            </div>
        },
    };
    let finished = matches!(props.view, ExportView::Finished { .. });
    html! {
        <section class={classes!("corpus-panel", "export-status", finished.then_some("finished"))} aria-label="Export" data-testid="export-status">
            { body }
        </section>
    }
}
