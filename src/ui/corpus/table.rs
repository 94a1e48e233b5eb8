//! The corpus list: one row per article, sortable by any column. Only the rows in view (and a
//! few around them) are in the page, so 10,000 articles cost what a screenful costs: rows
//! have one height, and two spacer rows keep the table its full height, so the scroll bar
//! tells where in the list one is. The table scrolls in its own area under a sticky header.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::corpus::list::{ListQuery, SortKey, SortOrder};
use crate::corpus::project::Project;
use crate::view::corpus_page::{edited_label, format_count, toggle_sort};
use crate::view::virtual_list::visible_rows;

/// A row's height in pixels: `.corpus-table tbody tr` in corpus.css.
const ROW_HEIGHT: i32 = 36;
/// Rows rendered beyond each edge of the view, so a quick scroll shows no gap.
const OVERSCAN: usize = 10;

/// The columns: what each sorts by, its header, its class (its width in corpus.css).
const COLUMNS: [(SortKey, &str, &str); 8] = [
    (SortKey::Title, "Title", "c-title"),
    (SortKey::Published, "Date", "c-date"),
    (SortKey::Status, "Status", "c-status"),
    (SortKey::Quotes, "Quotes", "c-num"),
    (SortKey::Claims, "Claims", "c-num"),
    (SortKey::MissingSpeaker, "No speaker", "c-num c-wide"),
    (SortKey::MissingStance, "No stance", "c-num c-wide"),
    (SortKey::Edited, "Edited", "c-edited"),
];

#[derive(Properties)]
pub struct TableProps {
    pub project: Rc<Project>,
    /// Indices into `project.articles()`, in the list's order; never empty.
    pub rows: Rc<Vec<usize>>,
    pub query: ListQuery,
    pub current: Option<AttrValue>,
    pub on_open: Callback<String>,
    pub on_query: Callback<ListQuery>,
}

impl PartialEq for TableProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.project, &other.project)
            && (Rc::ptr_eq(&self.rows, &other.rows) || self.rows == other.rows)
            && self.query == other.query
            && self.current == other.current
            && self.on_open == other.on_open
            && self.on_query == other.on_query
    }
}

#[component]
pub fn CorpusTable(props: &TableProps) -> Html {
    let scroller = use_node_ref();
    let body = use_node_ref();
    // The rows in view, as [first, end) in whole rows from the list's top: a render happens
    // when a row enters or leaves the view, not on every pixel scrolled.
    let window = use_state_eq(|| (0, 30));
    {
        let (scroller, body, window) = (scroller.clone(), body.clone(), window.clone());
        use_effect_with((), move |()| {
            let measure = Rc::new(move || {
                if let Some(rows) = rows_in_view(&scroller, &body) {
                    window.set(rows);
                }
            });
            let on_scroll = measure.clone();
            let page = gloo::utils::window();
            // Scroll events do not bubble, but they pass every ancestor on their way down: one
            // listener sees the list's own area and any area around it scroll.
            let listeners = [
                EventListener::new_with_options(
                    &page,
                    "scroll",
                    EventListenerOptions::run_in_capture_phase(),
                    move |_| on_scroll(),
                ),
                EventListener::new(&page, "resize", move |_| measure()),
            ];
            move || drop(listeners)
        });
    }
    {
        // After every render: a panel above the list may have opened or closed.
        let (scroller, body, window) = (scroller.clone(), body.clone(), window.clone());
        use_effect(move || {
            if let Some(rows) = rows_in_view(&scroller, &body) {
                window.set(rows);
            }
        });
    }
    {
        // First shown, the list scrolls to the article open in the annotator; a new sort,
        // filter or search starts at the top.
        let first_time = use_mut_ref(|| true);
        let (scroller, project, rows, current) =
            (scroller.clone(), props.project.clone(), props.rows.clone(), props.current.clone());
        use_effect_with(props.query.clone(), move |_| {
            let Some(scroller) = scroller.cast::<web_sys::Element>() else { return };
            if !first_time.replace(false) {
                scroller.set_scroll_top(0);
                return;
            }
            let at = current.and_then(|id| project.position(&id)).and_then(|i| rows.iter().position(|r| *r == i));
            if let Some(at) = at {
                let row_top = i32::try_from(at).unwrap_or(i32::MAX / ROW_HEIGHT) * ROW_HEIGHT;
                scroller.set_scroll_top(row_top - scroller.client_height() / 2 + ROW_HEIGHT);
            }
        });
    }

    let count = props.rows.len();
    let (first, end) = *window;
    let shown = visible_rows(
        f64::from(first.saturating_mul(ROW_HEIGHT)),
        f64::from(end.saturating_sub(first).max(0).saturating_mul(ROW_HEIGHT)),
        f64::from(ROW_HEIGHT),
        count,
        OVERSCAN,
    );
    let articles = props.project.articles();
    let current = props.current.as_deref();
    let on_click = {
        let on_open = props.on_open.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(id) = row_of(event.target()).and_then(|row| row.get_attribute("data-article-id")) {
                on_open.emit(id);
            }
        })
    };
    let on_key = {
        let on_open = props.on_open.clone();
        Callback::from(move |event: KeyboardEvent| {
            // With a modifier (Ctrl+Enter: done; Alt+↓: next article) the key is the app's.
            if event.ctrl_key() || event.alt_key() || event.meta_key() || event.shift_key() {
                return;
            }
            let Some(row) = row_of(event.target()) else { return };
            let next = match event.key().as_str() {
                "Enter" => {
                    event.prevent_default();
                    if let Some(id) = row.get_attribute("data-article-id") {
                        on_open.emit(id);
                    }
                    return;
                }
                "ArrowDown" => row.next_element_sibling(),
                "ArrowUp" => row.previous_element_sibling(),
                _ => return,
            };
            event.prevent_default();
            // Rows are rendered well past the view, so the neighbour is in the page.
            if let Some(next) = next.filter(|n| n.has_attribute("data-article-id")) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                next.scroll_into_view_with_scroll_into_view_options(&options);
                if let Ok(next) = next.dyn_into::<web_sys::HtmlElement>() {
                    let _ = next.focus();
                }
            }
        })
    };
    let header = |(key, label, class): (SortKey, &'static str, &'static str)| {
        let sorted = (props.query.sort == key).then_some(props.query.order);
        let (aria, arrow) = match sorted {
            Some(SortOrder::Ascending) => ("ascending", "▲"),
            Some(SortOrder::Descending) => ("descending", "▼"),
            None => ("none", ""),
        };
        let onclick = {
            let (on_query, query) = (props.on_query.clone(), props.query.clone());
            Callback::from(move |_: MouseEvent| on_query.emit(toggle_sort(&query, key)))
        };
        html! {
            <th scope="col" class={class} aria-sort={aria}>
                <button class="sort" onclick={onclick} title={format!("Sort by {}", label.to_lowercase())}>
                    { label }<span class="arrow" aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let spacer = |rows: usize| {
        (rows > 0).then(|| {
            html! {
                <tr class="spacer" aria-hidden="true" style={format!("height: {}px", rows * ROW_HEIGHT as usize)}>
                    <td colspan="8"></td>
                </tr>
            }
        })
    };
    html! {
        <div class="corpus-scroll" ref={scroller}>
            <table class="corpus-table" aria-label="Articles" aria-rowcount={(count + 1).to_string()} data-testid="corpus-table">
                <colgroup>
                    for (_, _, class) in COLUMNS { <col class={class} /> }
                </colgroup>
                <thead>
                    <tr aria-rowindex="1">
                        for column in COLUMNS { { header(column) } }
                    </tr>
                </thead>
                <tbody ref={body} onclick={on_click} onkeydown={on_key}>
                    { spacer(shown.start) }
                    for index in shown.clone() {
                        { row(&articles[props.rows[index]], index, current) }
                    }
                    { spacer(count - shown.end) }
                </tbody>
            </table>
        </div>
    }
}

/// One article's row; `index` is its place in the list.
fn row(article: &crate::corpus::summary::ArticleSummary, index: usize, current: Option<&str>) -> Html {
    let is_current = current == Some(article.id.as_str());
    // Static classes, not `classes!`, which builds a set on every call.
    let number = |n: usize| html! { <td class={if n == 0 { "c-num zero" } else { "c-num" }}>{ format_count(n) }</td> };
    html! {
        <tr key={article.id.clone()} class={if is_current { "corpus-row current" } else { "corpus-row" }} tabindex="0"
            aria-rowindex={(index + 2).to_string()} aria-current={is_current.then_some("true")}
            data-testid="corpus-row" data-article-id={article.id.clone()}>
            <th scope="row" class="c-title" title={article.title.clone()}>{ &article.title }</th>
            <td class="c-date">{ article.published.as_deref().unwrap_or("—") }</td>
            <td class="c-status"><span class={format!("pill {}", article.status.as_str())}>{ article.status.label() }</span></td>
            { number(article.quotes) }
            { number(article.claims) }
            { number(article.missing_speaker) }
            { number(article.missing_stance) }
            <td class="c-edited">{ edited_label(article.edited_at.as_deref(), article.edited_by.as_deref()) }</td>
        </tr>
    }
}

/// The list row an event happened in.
fn row_of(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    element.closest("tr[data-article-id]").ok().flatten()
}

/// The rows in view, [first, end) from the list's top in whole rows: the part of the list's
/// area that is inside the window, measured from where the rows start (below the header).
fn rows_in_view(scroller: &NodeRef, body: &NodeRef) -> Option<(i32, i32)> {
    let area = scroller.cast::<web_sys::Element>()?.get_bounding_client_rect();
    let list_top = body.cast::<web_sys::Element>()?.get_bounding_client_rect().top();
    let window_height = gloo::utils::window().inner_height().ok()?.as_f64()?;
    let top = area.top().max(0.0);
    let bottom = area.bottom().min(window_height).max(top);
    let row = f64::from(ROW_HEIGHT);
    Some((((top - list_top) / row).floor() as i32, ((bottom - list_top) / row).ceil() as i32))
}
