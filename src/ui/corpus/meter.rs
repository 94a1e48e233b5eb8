//! A progress bar: one or more filled parts in one bar, each as wide as its share. Widths are
//! flex weights (the counts themselves), so no fraction is ever printed.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MeterProps {
    /// What is measured, for assistive technology ("Articles done").
    pub label: AttrValue,
    /// How far it is, of `max`, in the bar's own unit (articles, bytes).
    pub value: usize,
    pub max: usize,
    /// The same in words, read out instead of a bare number.
    pub text: AttrValue,
    /// The filled parts in order: an amount and its class (`done`, `skipped`, or "" for the plain fill).
    pub parts: Vec<(usize, &'static str)>,
}

#[component]
pub fn Meter(props: &MeterProps) -> Html {
    let filled: usize = props.parts.iter().map(|(amount, _)| amount).sum();
    let rest = props.max.saturating_sub(filled);
    html! {
        <div class="meter" role="progressbar" aria-label={props.label.clone()} aria-valuemin="0"
            aria-valuemax={props.max.to_string()} aria-valuenow={props.value.min(props.max).to_string()}
            aria-valuetext={props.text.clone()}>
            for (amount, class) in props.parts.iter().copied().filter(|(amount, _)| *amount > 0) {
                <span class={classes!("meter-part", (!class.is_empty()).then_some(class))} style={format!("flex-grow: {amount}")}></span>
            }
            if rest > 0 {
                <span class="meter-rest" style={format!("flex-grow: {rest}")}></span>
            }
        </div>
    }
}
