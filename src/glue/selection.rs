//! DOM selection → model offsets, converted once, here.
//!
//! The article renders every run of text as an element carrying `data-start`: the code-point
//! offset of its first character in the canonical text. A DOM position (a node and a UTF-16
//! offset, or an element and a child index) becomes `data-start` plus the code points before
//! it in that run. Nothing is ever computed from `innerText`, whose whitespace and labels
//! differ from the canonical text.

use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::model::text::{utf16_to_cp_in, Span};

pub const RUN_ATTRIBUTE: &str = "data-start";

/// The span the user has selected inside `root`, or `None` when there is no selection, it is
/// empty, or either end lies outside `root`.
pub fn selected_span(root: &Element) -> Option<Span> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let start = point_to_offset(root, &range.start_container().ok()?, range.start_offset().ok()?)?;
    let end = point_to_offset(root, &range.end_container().ok()?, range.end_offset().ok()?)?;
    Some(Span::ordered(start, end))
}

/// Clears the browser's selection, once it has become a pending span of ours.
pub fn clear_selection() {
    if let Some(Ok(Some(selection))) = web_sys::window().map(|w| w.get_selection()) {
        let _ = selection.remove_all_ranges();
    }
}

/// The code-point offset of a DOM position inside `root`.
pub fn point_to_offset(root: &Element, node: &Node, offset: u32) -> Option<usize> {
    let root_node: &Node = root.as_ref();
    if !root_node.contains(Some(node)) {
        return None;
    }
    if node.node_type() == Node::TEXT_NODE {
        let run = node.parent_element()?.closest(&format!("[{RUN_ATTRIBUTE}]")).ok()??;
        let text = node.text_content().unwrap_or_default();
        return Some(run_start(&run)? + utf16_to_cp_in(&text, offset as usize));
    }
    let element: &Element = node.dyn_ref()?;
    if element.has_attribute(RUN_ATTRIBUTE) {
        // Inside a run, the offset counts child nodes: before its text, or after it.
        let start = run_start(element)?;
        return Some(if offset == 0 { start } else { start + run_len(element) });
    }
    // Between elements (a paragraph, the article): the first run at or after the position,
    // or the end of the last run before it.
    let children = element.child_nodes();
    for i in offset..children.length() {
        if let Some(run) = children.item(i).and_then(|child| first_run_in(&child)) {
            return run_start(&run);
        }
    }
    for i in (0..offset.min(children.length())).rev() {
        if let Some(run) = children.item(i).and_then(|child| last_run_in(&child)) {
            return Some(run_start(&run)? + run_len(&run));
        }
    }
    None
}

fn run_start(run: &Element) -> Option<usize> {
    run.get_attribute(RUN_ATTRIBUTE)?.parse().ok()
}

fn run_len(run: &Element) -> usize {
    run.text_content().unwrap_or_default().chars().count()
}

fn first_run_in(node: &Node) -> Option<Element> {
    let element: &Element = node.dyn_ref()?;
    if element.has_attribute(RUN_ATTRIBUTE) {
        return Some(element.clone());
    }
    element.query_selector(&format!("[{RUN_ATTRIBUTE}]")).ok()?
}

fn last_run_in(node: &Node) -> Option<Element> {
    let element: &Element = node.dyn_ref()?;
    if element.has_attribute(RUN_ATTRIBUTE) {
        return Some(element.clone());
    }
    let all = element.query_selector_all(&format!("[{RUN_ATTRIBUTE}]")).ok()?;
    all.item(all.length().checked_sub(1)?)?.dyn_into().ok()
}

/// Where a plain click left the (collapsed) selection inside `root`, as an offset.
pub fn caret_offset(root: &Element) -> Option<usize> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || !selection.is_collapsed() {
        return None;
    }
    point_to_offset(root, &selection.anchor_node()?, selection.anchor_offset())
}
