//! Agreement between annotators of the same articles: span F1 (exact and lenient), Cohen's κ
//! and Krippendorff's α on the labels of matched spans, Krippendorff's unitizing α_U on the
//! boundaries, per article and over a corpus with bootstrap confidence intervals, and the list
//! of disagreements the Compare view walks. Pure like the model, which is all it depends on,
//! so the app and the command-line tool compute the same figures. The definitions are in
//! `docs/format.md` §10.
//!
//! Data flows one way: [`pairing`] puts each article's documents side by side; [`article`]
//! reduces one article to counts ([`matching`], [`groups`], [`labels`], [`unitizing`]);
//! [`corpus`] adds the counts of many articles up, with weights so that [`bootstrap`] can
//! resample; [`report`] names the figures and [`table`] prints them.

pub mod article;
pub mod bootstrap;
pub mod corpus;
pub mod disagreements;
pub mod groups;
pub mod labels;
pub mod matching;
pub mod nominal;
pub mod pairing;
pub mod report;
pub mod speakers;
pub mod table;
pub mod unitizing;

use crate::model::document::Document;

pub use disagreements::{agreed, disagreements, Disagreement, DisagreementKind};

/// The lenient matching threshold when none is given: two spans match when at least half of
/// the characters either covers are covered by both.
pub const DEFAULT_OVERLAP: f64 = 0.5;

/// One annotator's document of an article. Every document compared together must have the
/// same text (pair them by `text_sha256` first, see [`pairing`]).
#[derive(Clone, Debug)]
pub struct Annotated<'a> {
    pub annotator: String,
    pub doc: &'a Document,
}
