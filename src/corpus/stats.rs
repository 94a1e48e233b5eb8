//! What a dataset holds, in numbers: articles by status, quotes by type, claims, speakers,
//! the stance distribution per target, and who annotated how much. One pass over the
//! documents, so `stancemark stats` reads a large dataset line by line without keeping it.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;

use serde::Serialize;

use super::meta::CorpusMeta;
use super::status::Status;
use crate::model::annotation::{AnnotationKind, QuoteType};
use crate::model::document::Document;

/// Where an annotation has a stance but no target, or a target but no stance.
pub const NO_TARGET: &str = "(no target)";
pub const NO_STANCE: &str = "(no stance)";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct CorpusStats {
    pub articles: usize,
    pub statuses: StatusCounts,
    /// Quotes and claims.
    pub annotations: usize,
    pub quotes: QuoteCounts,
    pub claims: usize,
    /// Distinct speakers named by an annotation in each article, summed over the articles
    /// (the model does not know that two articles' speakers are the same person).
    pub speakers: usize,
    /// Target label → stance label → annotations, for annotations with a stance or a target.
    pub stance_by_target: BTreeMap<String, BTreeMap<String, usize>>,
    /// Annotator (`created_by`) → annotations made.
    pub annotators: BTreeMap<String, usize>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub new: usize,
    pub in_progress: usize,
    pub done: usize,
    pub skipped: usize,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct QuoteCounts {
    pub total: usize,
    pub direct: usize,
    pub indirect: usize,
    pub mixed: usize,
}

impl CorpusStats {
    pub fn new() -> CorpusStats {
        CorpusStats::default()
    }

    /// Counts one article.
    pub fn add(&mut self, doc: &Document, meta: &CorpusMeta) {
        self.articles += 1;
        let status = &mut self.statuses;
        *match meta.status {
            Status::New => &mut status.new,
            Status::InProgress => &mut status.in_progress,
            Status::Done => &mut status.done,
            Status::Skipped => &mut status.skipped,
        } += 1;
        let mut speakers = HashSet::new();
        for a in &doc.annotations {
            self.annotations += 1;
            match (a.kind, a.quote_type) {
                (AnnotationKind::Claim, _) => self.claims += 1,
                (AnnotationKind::Quote, quote_type) => {
                    self.quotes.total += 1;
                    match quote_type {
                        Some(QuoteType::Direct) => self.quotes.direct += 1,
                        Some(QuoteType::Indirect) => self.quotes.indirect += 1,
                        Some(QuoteType::Mixed) => self.quotes.mixed += 1,
                        None => {}
                    }
                }
            }
            speakers.extend(a.speaker.as_ref());
            *self.annotators.entry(a.created_by.clone()).or_default() += 1;
            if a.stance.is_none() && a.target.is_none() {
                continue;
            }
            let target = a.target.as_ref().map(|t| doc.schema.target(t).map_or(t.as_str(), |t| t.label.as_str()));
            let stance = a.stance.as_ref().map(|s| doc.schema.stance(s).map_or(s.as_str(), |s| s.label.as_str()));
            let by_stance = self.stance_by_target.entry(target.unwrap_or(NO_TARGET).to_owned()).or_default();
            *by_stance.entry(stance.unwrap_or(NO_STANCE).to_owned()).or_default() += 1;
        }
        self.speakers += speakers.len();
    }

    /// The numbers as a table for a terminal.
    pub fn table(&self) -> String {
        let s = &self.statuses;
        let q = &self.quotes;
        let mut out = String::new();
        let mut line = |name: &str, n: usize, detail: String| {
            let detail = if detail.is_empty() { detail } else { format!("   {detail}") };
            writeln!(out, "{name:<12}{n:>8}{detail}").expect("writing to a String");
        };
        line(
            "articles",
            self.articles,
            format!("new {}, in progress {}, done {}, skipped {}", s.new, s.in_progress, s.done, s.skipped),
        );
        line("annotations", self.annotations, String::new());
        line("quotes", q.total, format!("direct {}, indirect {}, mixed {}", q.direct, q.indirect, q.mixed));
        line("claims", self.claims, String::new());
        line("speakers", self.speakers, "distinct per article, summed".to_owned());
        if !self.stance_by_target.is_empty() {
            let width = self.stance_by_target.keys().map(|k| k.chars().count()).max().unwrap_or(0);
            out.push_str("\nstance by target\n");
            for (target, stances) in &self.stance_by_target {
                let counts: Vec<String> = stances.iter().map(|(stance, n)| format!("{stance} {n}")).collect();
                let pad = width - target.chars().count();
                writeln!(out, "  {target}{:pad$}   {}", "", counts.join(", ")).expect("writing to a String");
            }
        }
        if !self.annotators.is_empty() {
            let width = self.annotators.keys().map(|k| k.chars().count()).max().unwrap_or(0);
            out.push_str("\nannotators (annotations made)\n");
            for (name, n) in &self.annotators {
                let pad = width - name.chars().count();
                writeln!(out, "  {name}{:pad$}   {n}", "").expect("writing to a String");
            }
        }
        out
    }
}
