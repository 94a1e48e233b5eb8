//! Every annotation in text order, mirroring the highlights. Each row is a button, so Tab and
//! Enter walk it; J and K move through it from anywhere.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::annotation::AnnotationId;
use crate::view::panels::AnnotationRow;

#[derive(Properties, PartialEq)]
pub struct ListProps {
    /// Rebuilt only when the document changes, so comparing the `Rc` is enough.
    pub rows: Rc<Vec<AnnotationRow>>,
    pub selected: Option<AnnotationId>,
    pub on_select: Callback<AnnotationId>,
    /// What to say when there is nothing to list, naming the schema's keys.
    pub empty_hint: AttrValue,
}

#[component]
pub fn AnnotationList(props: &ListProps) -> Html {
    if props.rows.is_empty() {
        return html! {
            <p class="panel-section empty">{ props.empty_hint.clone() }</p>
        };
    }
    html! {
        <ul class="ann-list" aria-label="Annotations in text order" data-testid="annotation-list">
            for row in props.rows.iter() {
                <li key={row.id.0.clone()}>
                    <button aria-current={(props.selected.as_ref() == Some(&row.id)).to_string()}
                        onclick={ let (on, id) = (props.on_select.clone(), row.id.clone()); Callback::from(move |_: MouseEvent| on.emit(id.clone())) }>
                        <span class={classes!("badge", row.is_claim.then_some("claim"))}>{ &row.label }</span>
                        <span class="snippet">{ &row.snippet }</span>
                        <span class="meta">{ &row.summary }</span>
                    </button>
                </li>
            }
        </ul>
    }
}
