//! The article: each block as text runs carrying their code-point offsets (`data-start`),
//! which is all the selection glue needs. Text is always inserted as text, never as markup,
//! so an article containing `<script>` shows those characters and runs nothing.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::annotation::AnnotationId;
use crate::model::article::BlockKind;
use crate::view::segments::{BlockView, Run};

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub blocks: Rc<Vec<BlockView>>,
    pub node_ref: NodeRef,
    /// The mouse was released in the article; with the annotation of the run under it, if any.
    pub on_mouse_up: Callback<Option<AnnotationId>>,
    /// A release over a suggestion's ghost with no annotation under it: that suggestion.
    pub on_suggestion: Callback<usize>,
}

#[component]
pub fn ArticleView(props: &ArticleProps) -> Html {
    // One listener for the whole article: a release is either the end of a drag (the app
    // reads the selection) or a click on a highlight (the run names its annotation).
    let (on_mouse_up, on_suggestion) = (props.on_mouse_up.clone(), props.on_suggestion.clone());
    let on_mouse_up = Callback::from(move |event: MouseEvent| {
        let run = event.target_dyn_into::<web_sys::Element>();
        let attribute =
            |name: &str| run.as_ref().and_then(|e| e.closest(&format!("[{name}]")).ok().flatten()?.get_attribute(name));
        let clicked = attribute("data-target").map(AnnotationId);
        let suggestion = attribute("data-suggestion").and_then(|n| n.parse().ok());
        on_mouse_up.emit(clicked.clone());
        if let (None, Some(index)) = (clicked, suggestion) {
            on_suggestion.emit(index);
        }
    });
    html! {
        <article class="article" ref={props.node_ref.clone()} onmouseup={on_mouse_up}
            tabindex="0" aria-label="Article text: select with the mouse, or with Shift and the arrow keys" data-testid="article">
            for block in props.blocks.iter() {
                <BlockText key={block.span.start} view={block.clone()} />
            }
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct BlockProps {
    view: BlockView,
}

/// One block. Yew skips it when its runs did not change, so an edit re-renders only the
/// paragraphs it touches, however long the article.
#[component]
fn BlockText(props: &BlockProps) -> Html {
    let view = &props.view;
    let runs = html! { for run in view.runs.iter() { { render_run(run) } } };
    match view.kind {
        BlockKind::Title => html! { <h1 class="block-title" data-testid="title">{ runs }</h1> },
        BlockKind::Dateline => html! { <p class="block-dateline" data-testid="dateline">{ runs }</p> },
        BlockKind::Abstract => html! {
            <p class="block-abstract" data-testid="abstract"><span class="abstract-label" aria-hidden="true">{ "Abstract" }</span>{ runs }</p>
        },
        BlockKind::Paragraph => html! { <p class="block-paragraph" data-testid="paragraph">{ runs }</p> },
    }
}

fn render_run(run: &Run) -> Html {
    let (label, label_kind) = match &run.label {
        Some((text, kind)) => (Some(AttrValue::from(text.clone())), Some(AttrValue::Static(kind))),
        None => (None, None),
    };
    let target = run.target.as_ref().map(|id| AttrValue::from(id.0.clone()));
    let suggestion = run.suggestion.map(|index| AttrValue::from(index.to_string()));
    html! {
        <>
            if run.caret_before {
                <span class="caret" aria-hidden="true"></span>
            }
            <span class={run.classes.clone()} data-start={run.start.to_string()} title={run.title.clone()}
                data-label={label} data-label-kind={label_kind} data-target={target} data-suggestion={suggestion}>
                { run.text.clone() }
            </span>
        </>
    }
}
