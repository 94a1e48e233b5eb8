//! What every end-to-end test needs: `dist/` served on loopback, ChromeDriver with a headless
//! Chromium, and helpers that act like a person (drag to select, press keys, click) and wait for
//! what they cause rather than for a time.

pub mod browser;
pub mod driver;
pub mod keys;
pub mod scratch;
pub mod server;

pub use browser::Page;
