//! The message bar under the top bar: the session's notice, with its action and a dismiss button.

use yew::prelude::*;

use crate::view::notice::{Notice, NoticeAction, NoticeKind};

#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
    pub on_action: Callback<NoticeAction>,
}

#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let notice = &props.notice;
    let (class, role) = match notice.kind {
        NoticeKind::Error => ("notice error", "alert"),
        NoticeKind::Info => ("notice info", "status"),
    };
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class={class} role={role} data-testid="notice">
            <span class="grow">{ &notice.text }</span>
            if let Some((label, action)) = &notice.action {
                <button class="btn" onclick={ let action = action.clone(); props.on_action.reform(move |_: MouseEvent| action.clone()) }
                    data-testid="notice-action">
                    { label }
                </button>
            }
            <button class="btn" aria-label="Dismiss message" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
