//! A progress bar: one or more filled parts in one bar, each as wide as its share. Widths are
//! flex weights (the counts themselves), so no fraction is ever printed.
//!
//! A plain function, not a component: it has no state, and a component's lifecycle code
//! costs the bundle more than the bar itself.

use yew::prelude::*;

/// `label` says what is measured, for assistive technology ("Articles done"); `value` is how
/// far it is, of `max`, in the bar's own unit (articles, bytes); `text` says the same in
/// words, read out instead of a bare number; `parts` are the filled parts in order, each an
/// amount and its class attribute (`meter-part done`, or `meter-part` for the plain fill).
pub fn meter(label: &'static str, value: usize, max: usize, text: &str, parts: &[(usize, &'static str)]) -> Html {
    let filled: usize = parts.iter().map(|(amount, _)| amount).sum();
    let rest = max.saturating_sub(filled);
    html! {
        <div class="meter" role="progressbar" aria-label={label} aria-valuemin="0"
            aria-valuemax={max.to_string()} aria-valuenow={value.min(max).to_string()}
            aria-valuetext={text.to_owned()}>
            for (amount, class) in parts.iter().copied().filter(|(amount, _)| *amount > 0) {
                <span class={class} style={format!("flex-grow: {amount}")}></span>
            }
            if rest > 0 {
                <span class="meter-rest" style={format!("flex-grow: {rest}")}></span>
            }
        </div>
    }
}
