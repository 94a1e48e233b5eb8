//! The message bar under the top bar: errors from imports and refused actions, and notes.

use yew::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// A message for the person, with an optional action button ("Go back to the previous document").
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<(String, NoticeAction)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    RestorePrevious,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Notice {
        Notice { kind: NoticeKind::Error, text: text.into(), action: None }
    }

    pub fn info(text: impl Into<String>) -> Notice {
        Notice { kind: NoticeKind::Info, text: text.into(), action: None }
    }
}

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
                <button class="btn" onclick={ let action = *action; props.on_action.reform(move |_: MouseEvent| action) }>
                    { label }
                </button>
            }
            <button class="btn" aria-label="Dismiss message" onclick={dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
