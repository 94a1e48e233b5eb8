//! Numbers that are unique within the running process: what caches and jobs use to tell one
//! editor, project state or import from another without keeping the thing itself.

use std::sync::atomic::{AtomicU64, Ordering};

/// A number no caller has had before in this process (never 0).
pub fn next() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
