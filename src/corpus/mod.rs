//! A corpus: many articles in one project, worked through one by one and exported as one
//! dataset. Pure Rust beside the model (it depends only on [`crate::model`], serde and sha2),
//! so the browser app and the command-line tool share every rule: how an article gets its id,
//! what counts as a duplicate, how a status changes, how the train/dev/test split falls.
//!
//! Data flows in one direction: sources (files, JSONL lines) pass through [`intake`] into
//! [`intake::Incoming`] articles, which a [`project::Project`] adds as
//! [`summary::ArticleSummary`] rows for the [`list`]; each article's [`meta::CorpusMeta`]
//! travels on its dataset line; [`split`], [`stats`] and [`rows`] turn a dataset into what a
//! training pipeline reads.

pub mod export;
pub mod ids;
pub mod intake;
pub mod lines;
pub mod list;
pub mod meta;
pub mod project;
pub mod rows;
pub mod split;
pub mod stats;
pub mod status;
pub mod summary;
pub mod targets;

mod splice;
