//! End-to-end tests: the built `dist/` served on loopback, driven in headless Chromium like a
//! person would. Run with `./run test` (it builds dist/ first and installs Chromium).

mod support;

mod annotate;
mod compare;
mod corpus;
mod keyboard;
mod long_article;
mod reading;
mod speakers;
mod suggestions;
mod tabs;
