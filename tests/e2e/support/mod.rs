//! What every end-to-end test needs: `dist/` served on loopback, ChromeDriver with a headless
//! Chromium, and helpers that act like a person (drag to select, press keys, click).

pub mod browser;
pub mod server;

pub use browser::Page;
