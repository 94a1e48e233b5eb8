//! Where an article stands in the work: new, in progress, done or skipped. The corpus list
//! filters by it, the progress bar counts it, and "next unfinished" skips what is done.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not annotated yet.
    New,
    /// Has annotations, or was opened and edited, but is not marked done.
    InProgress,
    /// Marked done by an annotator: the article is ready for the dataset.
    Done,
    /// Set aside on purpose (off-topic, a duplicate in substance, unreadable).
    Skipped,
}

impl Status {
    /// Every status, in the order the list sorts them.
    pub const ALL: [Status; 4] = [Status::New, Status::InProgress, Status::Done, Status::Skipped];
    /// The names in files, in the same order.
    pub const NAMES: &'static [&'static str] = &["new", "in_progress", "done", "skipped"];

    /// The name in files: `new`, `in_progress`, `done`, `skipped`.
    pub fn as_str(self) -> &'static str {
        Status::NAMES[self as usize]
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|status| status.as_str() == s)
    }

    /// The name a person reads in the corpus list.
    pub fn label(self) -> &'static str {
        match self {
            Status::New => "New",
            Status::InProgress => "In progress",
            Status::Done => "Done",
            Status::Skipped => "Skipped",
        }
    }

    /// New or in progress: what "next unfinished article" stops at.
    pub fn is_unfinished(self) -> bool {
        matches!(self, Status::New | Status::InProgress)
    }
}

/// A set of statuses, for the list's status filter: copied with every query, so a bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StatusSet(u8);

impl StatusSet {
    pub const NONE: StatusSet = StatusSet(0);
    pub const ALL: StatusSet = StatusSet(0b1111);
    /// New and in progress.
    pub const UNFINISHED: StatusSet = StatusSet(0b0011);

    pub fn of(statuses: &[Status]) -> StatusSet {
        statuses.iter().fold(StatusSet::NONE, |set, status| set.with(*status))
    }

    pub fn with(self, status: Status) -> StatusSet {
        StatusSet(self.0 | 1 << status as u8)
    }

    pub fn without(self, status: Status) -> StatusSet {
        StatusSet(self.0 & !(1 << status as u8))
    }

    pub fn contains(self, status: Status) -> bool {
        self.0 & 1 << status as u8 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_labels_read_well() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
            assert_eq!(serde_json::to_string(&status).unwrap(), format!("\"{}\"", status.as_str()));
        }
        assert_eq!(Status::InProgress.as_str(), "in_progress");
        assert_eq!(Status::InProgress.label(), "In progress");
        assert_eq!(Status::parse("finished"), None);
    }

    #[test]
    fn sets_hold_exactly_what_was_put_in() {
        let set = StatusSet::of(&[Status::Done, Status::New]);
        let held: Vec<Status> = Status::ALL.into_iter().filter(|s| set.contains(*s)).collect();
        assert_eq!(held, vec![Status::New, Status::Done]);
        assert!(!set.without(Status::Done).contains(Status::Done));
        assert_eq!(StatusSet::UNFINISHED, StatusSet::of(&[Status::New, Status::InProgress]));
    }
}
