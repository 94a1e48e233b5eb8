//! A message for the person: errors from imports and refused actions, and notes, with an
//! optional action button ("Go back to …").

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NoticeAction {
    /// Open this article of the project again (the one open before a file was opened).
    ReturnTo(String),
    /// Delete this article (the open one) from its project: the person confirmed.
    DeleteArticle(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
    pub action: Option<(String, NoticeAction)>,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Notice {
        Notice { kind: NoticeKind::Error, text: text.into(), action: None }
    }

    pub fn info(text: impl Into<String>) -> Notice {
        Notice { kind: NoticeKind::Info, text: text.into(), action: None }
    }

    pub fn with_action(self, label: impl Into<String>, action: NoticeAction) -> Notice {
        Notice { action: Some((label.into(), action)), ..self }
    }
}
