//! Writing results. A file is written whole or not at all: its content goes to a temporary
//! file in the same directory, renamed over the target only when every output of the run is
//! complete, so a failed run leaves an existing file as it was and no temporary file behind.
//! Standard output closed by its reader (`stancemark ... | head`) ends the output quietly:
//! the reader has what it wanted, so that is not a failure of the run.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::error::CliError;

/// Where an output goes: a file, or standard output for `-` (or no path at all).
#[derive(Clone, Copy)]
pub enum Destination<'a> {
    Stdout,
    File(&'a str),
}

impl<'a> Destination<'a> {
    pub fn of(path: Option<&'a str>) -> Destination<'a> {
        match path {
            None | Some("-") => Destination::Stdout,
            Some(path) => Destination::File(path),
        }
    }
}

/// Writes `text` to standard output.
pub fn print(text: &str) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => {
            Err(CliError::io(format!("cannot write to standard output: {e}")))
        }
        _ => Ok(()),
    }
}

/// Tells the person running the tool what happened, on standard error: standard output may
/// be the data itself.
pub fn note(lines: &[String]) {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    // Nothing is left to tell if standard error itself is closed.
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes every output: first all files to temporary files, then each renamed over its target,
/// then standard output last, so that a reader closing it early does not stop the files.
pub fn write_all(outputs: &[(Destination, String)]) -> Result<(), CliError> {
    let mut staged = Vec::new();
    for (destination, content) in outputs {
        if let Destination::File(path) = destination {
            staged.push(Staged::write(Path::new(path), content)?);
        }
    }
    // Each rename is atomic; should one fail, the files not yet renamed are removed by `Drop`.
    for file in staged {
        file.replace_target()?;
    }
    for (destination, content) in outputs {
        if let Destination::Stdout = destination {
            print(content)?;
        }
    }
    Ok(())
}

/// The complete new content of `target`, in a temporary file beside it until
/// [`Staged::replace_target`]; dropped before that, the temporary file is removed.
struct Staged {
    temp: PathBuf,
    target: PathBuf,
    replaced: bool,
}

impl Staged {
    fn write(target: &Path, content: &str) -> Result<Staged, CliError> {
        let cannot_write = |e| cannot_write(target, e);
        let name = target.file_name().ok_or_else(|| CliError::io(format!("{}: not a file name", target.display())))?;
        // Beside the target, because a rename is atomic only within one file system.
        let temp = target.with_file_name(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
        let mut file = OpenOptions::new().write(true).create_new(true).open(&temp).map_err(cannot_write)?;
        let staged = Staged { temp, target: target.to_owned(), replaced: false };
        write_durably(&mut file, target, content).map_err(cannot_write)?;
        Ok(staged)
    }

    fn replace_target(mut self) -> Result<(), CliError> {
        fs::rename(&self.temp, &self.target).map_err(|e| cannot_write(&self.target, e))?;
        self.replaced = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.replaced {
            // Best effort: the run already reports why it stopped.
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Writes `content` and syncs it, so the rename never exposes a file whose data is not on
/// disk yet; a replaced file keeps its permissions.
fn write_durably(file: &mut File, target: &Path, content: &str) -> std::io::Result<()> {
    if let Ok(existing) = fs::metadata(target) {
        file.set_permissions(existing.permissions())?;
    }
    file.write_all(content.as_bytes())?;
    file.sync_all()
}

fn cannot_write(target: &Path, e: std::io::Error) -> CliError {
    CliError::io(format!("{}: cannot write: {e}", target.display()))
}
