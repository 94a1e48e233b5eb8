//! The small toolbar that floats above a pending selection, offering what the hotkeys do.
//! The app positions it after each render (see `App::rendered`), straight through the DOM,
//! so moving it does not re-render anything.

use yew::prelude::*;

use crate::view::keymap::Command;
use crate::view::panels::FloatKeys;

#[derive(Properties, PartialEq)]
pub struct FloatBarProps {
    pub node_ref: NodeRef,
    /// An annotation is selected, so the selection can become its cue, source or fragment.
    pub can_link: bool,
    pub can_add_fragment: bool,
    pub keys: FloatKeys,
    pub on_command: Callback<Command>,
}

#[component]
pub fn FloatBar(props: &FloatBarProps) -> Html {
    let button = |label: &str, key: &str, command: Command, testid: &str| {
        // mousedown would move the browser's selection away before the click lands.
        let keep_selection = Callback::from(|event: MouseEvent| event.prevent_default());
        let onclick = props.on_command.reform(move |_: MouseEvent| command);
        html! {
            <button onmousedown={keep_selection} onclick={onclick} data-testid={testid.to_owned()}>
                { label }<kbd>{ key }</kbd>
            </button>
        }
    };
    let keys = &props.keys;
    html! {
        <div class="float-bar" ref={props.node_ref.clone()} role="toolbar" aria-label="Tag the selection" data-testid="float-bar">
            { button("Quote", &keys.quote, Command::MakeQuote, "make-quote") }
            { button("Claim", &keys.claim, Command::MakeClaim, "make-claim") }
            if props.can_link {
                { button("Cue", &keys.cue, Command::MarkCue, "mark-cue") }
                { button("Source", &keys.source, Command::MarkSource, "mark-source") }
            }
            if props.can_link {
                { button("Set span", &keys.replace_span, Command::ReplaceSpan, "replace-span") }
            }
            if props.can_add_fragment {
                { button("+ Fragment", &keys.fragment, Command::AddFragment, "add-fragment") }
            }
        </div>
    }
}
