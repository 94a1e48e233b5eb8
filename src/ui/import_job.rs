//! Bringing files into the project without freezing the page: every file is read a slice at a
//! time, then checked in slices of a few dozen milliseconds, each followed by a turn of the
//! event loop (so the progress bar moves and Cancel works). Reading is the first half of the
//! progress bar, checking the second. Dropping the job cancels it; the project changes only
//! when the app writes the articles the person chose.

use std::collections::VecDeque;

use gloo::timers::callback::Timeout;
use yew::html::Scope;

use crate::corpus::intake::{is_jsonl, BadInput, Intake, JsonlIntake};
use crate::view::corpus_page::ImportView;

use super::app::{App, Msg};
use super::loading::read_in_slices;

/// How long one slice of checking may hold the page before it yields.
const SLICE_MS: f64 = 40.0;
/// Lines checked between two looks at the clock.
const LINES_PER_LOOK: usize = 16;
/// Articles written per database transaction: few enough that each write (and so the wait
/// between two progress updates) stays short, many enough that 10,000 articles take fifty.
pub const WRITE_CHUNK: usize = 200;

/// Where the files came from: the top bar's Open… (an article to open, problems as a notice)
/// or the corpus page (a report in its import panel).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    TopBar,
    CorpusPage,
}

/// A file as the browser gave it: its name and bytes, or why it could not be read.
type ReadFile = (String, Result<Vec<u8>, String>);

pub struct ImportJob {
    /// Which job a file's message belongs to: reads cannot be stopped, so a cancelled job's
    /// slices still arrive and must not be taken for a later job's.
    pub id: u64,
    pub origin: Origin,
    link: Scope<App>,
    started_ms: f64,
    bytes_total: usize,
    /// The files in the order picked, filled in as the browser reads them.
    files: Vec<Option<ReadFile>>,
    /// Bytes read so far of each file.
    bytes_read: Vec<usize>,
    /// Files read and waiting to be checked.
    queue: VecDeque<(String, Vec<u8>)>,
    /// The JSONL file being checked line by line; it holds the intake meanwhile.
    current: Option<JsonlIntake>,
    intake: Option<Intake>,
    bytes_checked: usize,
    lines_checked: usize,
    source: String,
    checked: bool,
    /// The next slice, waiting for the event loop.
    next: Option<Timeout>,
}

impl ImportJob {
    /// Starts reading `files` for `intake` (which knows the project's articles).
    pub fn start(files: Vec<web_sys::File>, intake: Intake, origin: Origin, link: Scope<App>) -> ImportJob {
        let id = crate::model::sequence::next();
        let bytes_total = files.iter().map(|f| f.size() as usize).sum();
        let count = files.len();
        let source = files.first().map(web_sys::File::name).unwrap_or_default();
        for (index, file) in files.into_iter().enumerate() {
            let link = link.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let progress = |read| link.send_message(Msg::ImportReading { job: id, index, read });
                let bytes = read_in_slices(&file, progress).await;
                link.send_message(Msg::ImportRead { job: id, index, file: (file.name(), bytes) });
            });
        }
        ImportJob {
            id,
            origin,
            link,
            started_ms: now_ms(),
            bytes_total,
            files: (0..count).map(|_| None).collect(),
            bytes_read: vec![0; count],
            queue: VecDeque::new(),
            current: None,
            intake: Some(intake),
            bytes_checked: 0,
            lines_checked: 0,
            source,
            checked: false,
            next: None,
        }
    }

    /// A slice of a file was read: `read` bytes of it so far.
    pub fn reading(&mut self, index: usize, read: usize) {
        if let Some(slot) = self.bytes_read.get_mut(index) {
            *slot = read;
        }
    }

    /// A file finished reading; once all have, checking starts.
    pub fn file_read(&mut self, index: usize, read: ReadFile) {
        if let Some(slot) = self.files.get_mut(index) {
            *slot = Some(read);
        }
        if self.files.iter().any(Option::is_none) {
            return;
        }
        let intake = self.intake.as_mut().expect("no file is being checked yet");
        for (name, bytes) in self.files.drain(..).flatten() {
            match bytes {
                Ok(bytes) => self.queue.push_back((name, bytes)),
                Err(message) => intake.bad.push(BadInput { source: name, line: None, message }),
            }
        }
        self.schedule();
    }

    /// Checks files and lines for one slice, then yields to the page; true when all are checked.
    pub fn check(&mut self) -> bool {
        self.next = None;
        let until = now_ms() + SLICE_MS;
        while now_ms() < until {
            if let Some(current) = &mut self.current {
                let before = current.progress().lines_done;
                let progress = current.step(LINES_PER_LOOK);
                self.lines_checked += progress.lines_done - before;
                if progress.finished {
                    self.bytes_checked += progress.bytes_total;
                    self.intake = self.current.take().map(JsonlIntake::into_intake);
                }
                continue;
            }
            let Some((name, bytes)) = self.queue.pop_front() else {
                self.checked = true;
                return true;
            };
            self.source.clone_from(&name);
            let intake = self.intake.take().expect("the intake is here between files");
            if is_jsonl(&name) {
                self.current = Some(JsonlIntake::whole(intake, name, bytes));
            } else {
                let mut intake = intake;
                intake.read(&name, &bytes);
                self.bytes_checked += bytes.len();
                self.lines_checked += 1;
                self.intake = Some(intake);
            }
        }
        self.schedule();
        false
    }

    fn schedule(&mut self) {
        let link = self.link.clone();
        self.next = Some(Timeout::new(0, move || link.send_message(Msg::ImportCheck)));
    }

    /// What the import panel shows now.
    pub fn view(&self) -> ImportView {
        match (&self.intake, self.checked) {
            (Some(intake), true) => ImportView::Report {
                good: intake.added.len(),
                duplicates: intake.duplicates.iter().map(ToString::to_string).collect(),
                bad: intake.bad.iter().map(ToString::to_string).collect(),
            },
            _ => {
                let current = self.current.as_ref().map(|c| c.progress());
                let read: usize = self.bytes_read.iter().sum();
                let checked = self.bytes_checked + current.map_or(0, |p| p.bytes_done);
                ImportView::Reading {
                    source: self.source.clone(),
                    lines: self.lines_checked,
                    bytes_done: read + checked,
                    bytes_total: 2 * self.bytes_total,
                    elapsed_ms: now_ms() - self.started_ms,
                }
            }
        }
    }

    /// The checked intake, once every file is checked.
    pub fn checked(&self) -> Option<&Intake> {
        self.intake.as_ref().filter(|_| self.checked)
    }

    pub fn into_checked(self) -> Option<Intake> {
        self.intake.filter(|_| self.checked)
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}
