//! Every annotation in text order, mirroring the highlights. Each row is a button; J and K
//! move through the annotations from anywhere. Only the rows in view (and a few around them)
//! are in the page, so Tab walks those: the list keeps its full height, rows have a fixed
//! height, and scrolling the side panel brings the next rows in.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::model::annotation::AnnotationId;
use crate::view::panels::AnnotationRow;
use crate::view::virtual_list::visible_rows;

/// A row's height in pixels: `.ann-list li` in style.css.
const ROW_HEIGHT: i32 = 54;
/// Rows rendered beyond each edge of the viewport, so a quick scroll shows no gap.
const OVERSCAN: usize = 10;

#[derive(Properties, PartialEq)]
pub struct ListProps {
    /// Rebuilt only when the document changes, so comparing the `Rc` is enough.
    pub rows: Rc<Vec<AnnotationRow>>,
    pub selected: Option<AnnotationId>,
    pub on_select: Callback<AnnotationId>,
    /// The current suggestion's index, when its row is in the list.
    pub current_suggestion: Option<usize>,
    pub on_select_suggestion: Callback<usize>,
    /// What to say when there is nothing to list, naming the schema's keys.
    pub empty_hint: AttrValue,
}

#[component]
pub fn AnnotationList(props: &ListProps) -> Html {
    // Always in the page, empty list or not, so the scroll listeners have it from the start.
    let wrapper = use_node_ref();
    // How far the side panel is scrolled into the list, and how tall the panel is.
    let window = use_state_eq(|| (0, 1200));
    {
        let (wrapper, window) = (wrapper.clone(), window.clone());
        use_effect_with((), move |()| {
            let listeners = follow_scrolling(&wrapper, window);
            move || drop(listeners)
        });
    }
    if props.rows.is_empty() {
        return html! { <div ref={wrapper}><p class="panel-section empty">{ props.empty_hint.clone() }</p></div> };
    }
    let (offset, viewport) = *window;
    let shown = visible_rows(f64::from(offset), f64::from(viewport), f64::from(ROW_HEIGHT), props.rows.len(), OVERSCAN);
    // Pixels as whole numbers: formatting an f64 would pull float printing into the bundle.
    let height = format!("height: {}px", props.rows.len() * ROW_HEIGHT as usize);
    html! {
        <div ref={wrapper}>
        <ul class="ann-list" style={height} aria-label="Annotations in text order" data-testid="annotation-list">
            for (index, row) in props.rows[shown.clone()].iter().enumerate().map(|(i, row)| (shown.start + i, row)) {
                <li key={row.id.0.clone()} style={format!("top: {}px", index * ROW_HEIGHT as usize)}>
                    <button aria-current={current(props, row).to_string()} onclick={select(props, row)}
                        class={classes!(row.suggestion.is_some().then_some("suggested"))}>
                        <span class={classes!("badge", row.is_claim.then_some("claim"), row.suggestion.is_some().then_some("ghost"))}>{ &row.label }</span>
                        <span class="snippet">{ &row.snippet }</span>
                        <span class="meta">{ &row.summary }</span>
                    </button>
                </li>
            }
        </ul>
        </div>
    }
}

fn current(props: &ListProps, row: &AnnotationRow) -> bool {
    match row.suggestion {
        Some(index) => props.current_suggestion == Some(index),
        None => props.selected.as_ref() == Some(&row.id),
    }
}

fn select(props: &ListProps, row: &AnnotationRow) -> Callback<MouseEvent> {
    match row.suggestion {
        Some(index) => props.on_select_suggestion.reform(move |_| index),
        None => {
            let id = row.id.clone();
            props.on_select.reform(move |_| id.clone())
        }
    }
}

/// Keeps `window` at how far the side panel is scrolled past the list's top, and the panel's
/// height, as the panel scrolls or the window is resized.
fn follow_scrolling(wrapper: &NodeRef, window: UseStateHandle<(i32, i32)>) -> Vec<EventListener> {
    let Some(list) = wrapper.cast::<web_sys::Element>() else { return Vec::new() };
    let Some(panel) = list.closest(".side").ok().flatten() else { return Vec::new() };
    let measure = {
        let panel = panel.clone();
        move || {
            // Both from the viewport's top, so neither depends on which element is positioned.
            let past_top = panel.get_bounding_client_rect().top() - list.get_bounding_client_rect().top();
            window.set((past_top as i32, panel.client_height()));
        }
    };
    measure();
    let on_resize = measure.clone();
    vec![
        EventListener::new(&panel, "scroll", move |_| measure()),
        EventListener::new(&gloo::utils::window(), "resize", move |_| on_resize()),
    ]
}
