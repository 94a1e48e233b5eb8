//! The Compare tab: open the annotators' files; the figures for this article and the project;
//! the disagreements (J and K walk them) with the current one's versions side by side, each
//! with a button that takes it into the gold (the article open), and "take every span all
//! annotators agree on" in one step.

use std::rc::Rc;

use yew::prelude::*;

use crate::view::compare_panel::{CompareView, CurrentDisagreement, FigureLine};
use crate::view::session::{CompareInput, Input};

#[derive(Properties, PartialEq)]
pub struct ComparePanelProps {
    pub view: Rc<CompareView>,
    pub on_input: Callback<Input>,
    pub on_files: Callback<Vec<web_sys::File>>,
}

#[component]
pub fn ComparePanel(props: &ComparePanelProps) -> Html {
    let view = &props.view;
    let send = |input: CompareInput| props.on_input.reform(move |_: MouseEvent| Input::Compare(input.clone()));
    let on_files = props.on_files.reform(|event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        let files = input.files().map(|f| (0..f.length()).filter_map(|i| f.get(i)).collect()).unwrap_or_default();
        input.set_value("");
        files
    });
    let picker = html! {
        <label class="btn" title="Open two or more annotators' exports of this article (document JSON) or of the project (dataset JSONL)">
            { if view.annotators.is_empty() { "Open annotators' files…" } else { "Open other files…" } }
            <input class="visually-hidden" type="file" multiple=true accept=".json,.jsonl,application/json"
                onchange={on_files} data-testid="compare-files" />
        </label>
    };
    if view.annotators.is_empty() {
        return html! {
            <section class="panel-section compare" data-testid="compare">
                <p class="empty">{ "Compare other annotators' work on this article: open their exports (one file each, \
                    document JSON or the project's dataset JSONL). You get agreement figures, the list of \
                    disagreements, and buttons that take a version into this article, which becomes the gold." }</p>
                { picker }
            </section>
        };
    }
    html! {
        <section class="panel-section compare" data-testid="compare">
            <div class="compare-head">
                for (lane, name) in view.annotators.iter().enumerate() {
                    <span class={format!("lane-badge lane-{}", lane.min(3))}>{ name }</span>
                }
                <span class="compare-paired">{ &view.paired }</span>
            </div>
            <div class="actions">
                { picker }
                <button class="btn" onclick={send(CompareInput::Close)} data-testid="compare-close">{ "Close" }</button>
            </div>
            { figures("This article", view.article.as_deref(), "compare-article-figures") }
            { figures("Project", view.project.as_deref(), "compare-project-figures") }
            if view.article.is_some() {
                <div class="actions">
                    <button class="btn primary" disabled={view.agreed == 0} onclick={send(CompareInput::AcceptAgreed)}
                        title="Take every span on which all annotators agree exactly, in one step" data-testid="accept-agreed">
                        { match view.agreed {
                            1 => "Take the 1 span all agree on".to_owned(),
                            n => format!("Take the {n} spans all agree on"),
                        } }
                    </button>
                </div>
                <h2>{ format!("Disagreements ({})", view.rows.len()) }<span class="hint">{ " J / K" }</span></h2>
                if view.rows.is_empty() {
                    <p class="empty">{ "The annotators agree on everything in this article." }</p>
                }
                <ul class="disagreements" data-testid="disagreements">
                    for row in view.rows.iter() {
                        <li key={row.index} class={classes!(row.settled.then_some("settled"), row.current.then_some("current"))}>
                            <button onclick={send(CompareInput::Select(row.index))} aria-current={row.current.to_string()}>
                                <span class="kind">{ if row.settled { format!("✓ {}", row.kind) } else { row.kind.clone() } }</span>
                                <span class="snippet">{ &row.snippet }</span>
                            </button>
                            if row.current {
                                if let Some(current) = &view.current {
                                    { versions(current, &props.on_input) }
                                }
                            }
                        </li>
                    }
                </ul>
            } else {
                <p class="empty">{ "None of the files has this article. Open another article, or other files." }</p>
            }
        </section>
    }
}

fn figures(title: &str, lines: Option<&[FigureLine]>, testid: &'static str) -> Html {
    let Some(lines) = lines else { return html! {} };
    html! {
        <details class="figures" open={testid == "compare-article-figures"} data-testid={testid}>
            <summary>{ title }</summary>
            <table>
                for line in lines {
                    <tr>
                        <th scope="row">{ &line.label }</th>
                        <td>{ &line.value }</td>
                        <td class="ci">{ line.interval.clone().unwrap_or_default() }</td>
                    </tr>
                }
            </table>
        </details>
    }
}

fn versions(current: &CurrentDisagreement, on_input: &Callback<Input>) -> Html {
    let index = current.index;
    let send = |input: CompareInput| on_input.reform(move |_: MouseEvent| Input::Compare(input.clone()));
    html! {
        <div class="versions" data-testid="versions">
            for version in current.versions.iter() {
                <div class={format!("version lane-{}", version.lane.min(3))}>
                    <span class={format!("lane-badge lane-{}", version.lane.min(3))}>{ &version.annotator }</span>
                    <p class="version-text">{ version.text.clone().unwrap_or_else(|| "—".to_owned()) }</p>
                    <p class="meta">{ &version.summary }</p>
                    if version.text.is_some() {
                        <div class="actions">
                            <button class="btn" onclick={send(CompareInput::Take { index, annotator: version.lane })}
                                data-testid={format!("take-{}", version.lane)}>
                                { format!("Take {}'s", version.annotator) }
                            </button>
                            <button class="btn" onclick={send(CompareInput::TakeAndEdit { index, annotator: version.lane })}
                                title="Take it and open it in Details to change it" data-testid={format!("edit-{}", version.lane)}>
                                { "Take and edit" }
                            </button>
                        </div>
                    }
                </div>
            }
            <div class="actions">
                if current.take_every {
                    <button class="btn" onclick={send(CompareInput::TakeEvery(index))} data-testid="take-every"
                        title="Take each annotator's words as an annotation of its own">{ "Take all versions" }</button>
                }
                <button class="btn" onclick={send(CompareInput::LeaveOut(index))} data-testid="leave-out">{ "Leave out" }</button>
            </div>
        </div>
    }
}
