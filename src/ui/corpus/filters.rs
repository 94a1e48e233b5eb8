//! Above the list: status chips (All, New, In progress, Done, Skipped, with their counts), the
//! title search, and how many articles the list shows.

use yew::prelude::*;

use crate::corpus::list::ListQuery;
use crate::corpus::project::Progress;
use crate::corpus::status::{Status, StatusSet};
use crate::view::corpus_page::{chip_pressed, format_count, shown_line, toggle_status};

/// A plain function called by the page: it has no state of its own. `shown` is how many rows
/// the list shows.
pub fn filters(query: &ListQuery, p: &Progress, shown: usize, on_query: &Callback<ListQuery>) -> Html {
    let with_statuses = |statuses: StatusSet| {
        let (on_query, query) = (on_query.clone(), query.clone());
        Callback::from(move |_: MouseEvent| on_query.emit(ListQuery { statuses, ..query.clone() }))
    };
    let on_search = {
        let (on_query, query) = (on_query.clone(), query.clone());
        Callback::from(move |event: InputEvent| {
            let search = event.target_unchecked_into::<web_sys::HtmlInputElement>().value();
            on_query.emit(ListQuery { search, ..query.clone() });
        })
    };
    let count = |status: Status| match status {
        Status::New => p.new,
        Status::InProgress => p.in_progress,
        Status::Done => p.done,
        Status::Skipped => p.skipped,
    };
    html! {
        <div class="corpus-filters">
            <div class="chips" role="group" aria-label="Show articles by status">
                <button class="chip" aria-pressed={(query.statuses == StatusSet::ALL).to_string()} onclick={with_statuses(StatusSet::ALL)}
                    data-testid="filter-all">
                    { "All" }<span class="count">{ format_count(p.total) }</span>
                </button>
                for status in Status::ALL {
                    <button class={format!("chip {}", status.as_str())} aria-pressed={chip_pressed(query.statuses, status).to_string()}
                        onclick={with_statuses(toggle_status(query.statuses, status))} data-testid={format!("filter-{}", status.as_str())}>
                        <span class={format!("dot {}", status.as_str())} aria-hidden="true"></span>
                        { status.label() }<span class="count">{ format_count(count(status)) }</span>
                    </button>
                }
            </div>
            <input class="corpus-search" type="search" placeholder="Search titles" aria-label="Search titles"
                value={query.search.clone()} oninput={on_search} data-testid="corpus-search" />
            <span class="shown" aria-live="polite" data-testid="corpus-shown">{ shown_line(shown, p.total) }</span>
        </div>
    }
}
