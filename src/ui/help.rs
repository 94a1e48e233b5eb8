//! The keyboard help sheet (`?`).

use yew::prelude::*;

use crate::view::keymap::HelpRow;

#[derive(Properties, PartialEq)]
pub struct HelpProps {
    pub rows: Vec<HelpRow>,
    pub on_close: Callback<()>,
}

#[component]
pub fn HelpSheet(props: &HelpProps) -> Html {
    let close = props.on_close.reform(|_: MouseEvent| ());
    let keep_open = Callback::from(|event: MouseEvent| event.stop_propagation());
    html! {
        <div class="overlay" onclick={close.clone()}>
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onclick={keep_open} data-testid="help">
                <h2 id="help-title">{ "Keyboard" }</h2>
                <div class="keys">
                    for row in props.rows.iter() {
                        <div>
                            <span class="alternatives">
                                for keys in row.key_groups() { <kbd>{ keys }</kbd> }
                            </span>
                            <span>{ &row.does }</span>
                        </div>
                    }
                </div>
                <p><button class="btn" onclick={close} autofocus=true>{ "Close" }</button></p>
            </div>
        </div>
    }
}
