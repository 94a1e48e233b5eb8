//! A folder of its own for one browser session (its downloads, the files a test opens), made
//! new for the session and removed with it, so no test ever sees another's files.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct ScratchDir {
    path: PathBuf,
}

impl ScratchDir {
    /// Creates a folder that did not exist before: `create_dir` fails on an existing one (a
    /// leftover of a crashed run with the same process id), and then the next name is tried.
    pub fn create() -> ScratchDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        loop {
            let name = format!("stancemark-e2e-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
            let path = std::env::temp_dir().join(name);
            match std::fs::create_dir(&path) {
                Ok(()) => return ScratchDir { path },
                Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(error) => panic!("create {}: {error}", path.display()),
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
