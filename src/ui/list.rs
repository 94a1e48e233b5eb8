//! Every annotation in text order, mirroring the highlights. Each row is a button, so Tab and
//! Enter walk it; J and K move through it from anywhere.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::annotation::{AnnotationId, AnnotationKind};
use crate::model::document::Document;
use crate::view::labels;

#[derive(Properties, PartialEq)]
pub struct ListProps {
    pub doc: Rc<Document>,
    pub selected: Option<AnnotationId>,
    pub on_select: Callback<AnnotationId>,
}

#[component]
pub fn AnnotationList(props: &ListProps) -> Html {
    let doc = &props.doc;
    if doc.annotations.is_empty() {
        return html! {
            <p class="panel-section empty">{ "No annotations yet. Select the words of a quote in the article and press Q (quote) or C (claim)." }</p>
        };
    }
    html! {
        <ul class="ann-list" aria-label="Annotations in text order" data-testid="annotation-list">
            for annotation in doc.annotations_in_text_order().iter() {
                <li key={annotation.id.0.clone()}>
                    <button aria-current={(props.selected.as_ref() == Some(&annotation.id)).to_string()}
                        onclick={ let (on, id) = (props.on_select.clone(), annotation.id.clone()); Callback::from(move |_: MouseEvent| on.emit(id.clone())) }>
                        <span class={classes!("badge", (annotation.kind == AnnotationKind::Claim).then_some("claim"))}>
                            { labels::annotation_label(annotation) }
                        </span>
                        <span class="snippet">{ annotation.fragments.iter().map(|f| doc.span_text(*f)).collect::<Vec<_>>().join(" … ") }</span>
                        <span class="meta">{ labels::summary(doc, annotation) }</span>
                    </button>
                </li>
            }
        </ul>
    }
}
