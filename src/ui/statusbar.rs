//! The line at the bottom: whether work is saved, what is selected, and the snapping mode.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StatusBarProps {
    /// Why the last save failed; `None` when the work is saved.
    pub saved: Option<AttrValue>,
    pub annotations: usize,
    pub speakers: usize,
    pub pending: Option<AttrValue>,
    pub snap_words: bool,
    pub author: AttrValue,
    pub on_author: Callback<String>,
}

#[component]
pub fn StatusBar(props: &StatusBarProps) -> Html {
    html! {
        <footer class="statusbar" data-testid="status">
            { match &props.saved {
                None => html! { <span data-testid="saved" title="Every change is saved in this browser as you make it">{ "✓ Saved" }</span> },
                Some(why) => html! {
                    <span class="warn" role="alert">{ format!("Not saved: {why}. Your work is kept in this tab; export it before closing.") }</span>
                },
            } }
            <span>{ format!("{} · {}", counted(props.annotations, "annotation"), counted(props.speakers, "speaker")) }</span>
            if let Some(pending) = &props.pending {
                <span class="selection">{ format!("Selection: {pending}") }</span>
            }
            <span title="W switches between snapping selections to whole words and to characters">
                { if props.snap_words { "Snap: words" } else { "Snap: characters" } }
            </span>
            <span class="spacer"></span>
            <label class="author">{ "Annotator " }
                <input value={props.author.clone()} size="12" aria-label="Your name, stored with each annotation you make"
                    onchange={props.on_author.reform(|event: Event| event.target_unchecked_into::<web_sys::HtmlInputElement>().value())} />
            </label>
            <span title="No server: the article and your annotations never leave this browser">{ "Offline · private" }</span>
        </footer>
    }
}

/// "1 annotation", "3 annotations".
fn counted(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
