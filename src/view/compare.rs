//! The Compare view, the pure part: other annotators' exports (document JSON or dataset JSONL)
//! paired by text; for the article open, their disagreements in text order, which one is
//! current and which are settled, and taking an annotator's version into the gold (the
//! article open) as one undo step. Figures for the open article and for every paired article
//! are worked out once, when the files are opened or another article opens.

use std::rc::Rc;

use crate::agreement::disagreements::{Disagreement, DisagreementKind};
use crate::agreement::pairing::{annotator_name, pair, Input, Pairing};
use crate::agreement::report::{article_figures, report, Figures, Options};
use crate::agreement::{agreed, disagreements, Annotated, DEFAULT_OVERLAP};
use crate::corpus::meta::read_document;
use crate::model::action::Action;
use crate::model::annotation::{Annotation, AnnotationId};
use crate::model::document::Document;
use crate::model::export::text_sha256;
use crate::model::sequence;
use crate::model::text::Span;

use super::adjudicate::{take_action, take_all_action};

/// Bootstrap resamples for the project's confidence intervals in the page: enough for two
/// decimals, and quick (the command line's default is 1,000).
const PAGE_RESAMPLES: usize = 200;

#[derive(Default)]
pub struct Compare {
    pairing: Option<Pairing>,
    project: Option<Figures>,
    here: Option<Here>,
    revision: u64,
    /// The current disagreement's spans, per annotator, for the article's highlights.
    lanes: Rc<Vec<LaneMark>>,
}

/// A span of one annotator's version of the current disagreement, drawn in that annotator's
/// colour (`lane`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LaneMark {
    pub span: Span,
    pub lane: usize,
}

/// The open article as the annotators have it.
struct Here {
    docs: Vec<Document>,
    figures: Figures,
    list: Vec<Disagreement>,
    agreed: Vec<Vec<AnnotationId>>,
    current: Option<usize>,
    dismissed: Vec<bool>,
}

impl Compare {
    /// Reads the annotators' files (name, contents), one annotator each. A file that cannot be
    /// read is named with its line, and nothing is loaded.
    pub fn load(files: &[(String, String)]) -> Result<Compare, String> {
        if files.len() < 2 {
            return Err("Open two or more annotators' files (one per annotator) to compare them.".to_owned());
        }
        let mut inputs = Vec::new();
        for (name, contents) in files {
            let docs = read_file(name, contents)?;
            let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
            let stem = stem.split('.').next().filter(|s| !s.is_empty()).unwrap_or(stem);
            inputs.push(Input { name: annotator_name(stem, &docs), docs });
        }
        let pairing = pair(inputs);
        if pairing.articles.is_empty() {
            return Err(format!(
                "These files have no article in common{}.",
                pairing.unpaired.first().map_or(String::new(), |u| format!(": {u}"))
            ));
        }
        let options = Options { overlap: DEFAULT_OVERLAP, resamples: PAGE_RESAMPLES, seed: 0 };
        let project = report(&pairing, &options).corpus;
        Ok(Compare {
            pairing: Some(pairing),
            project: Some(project),
            here: None,
            revision: sequence::next(),
            lanes: Rc::default(),
        })
    }

    pub fn is_loaded(&self) -> bool {
        self.pairing.is_some()
    }

    /// Shows the annotators' versions of `gold`'s article, if they have it.
    pub fn open_article(&mut self, gold: &Document) {
        self.here = None;
        self.changed();
        let Some(pairing) = &self.pairing else { return };
        let sha = text_sha256(gold.text());
        let Some(article) = pairing.articles.iter().find(|a| a.text_sha256 == sha) else { return };
        let docs = article.docs.clone();
        let annotated = annotated(&pairing.annotators, &docs);
        let list = disagreements(&annotated);
        let here = Here {
            figures: article_figures(&annotated, DEFAULT_OVERLAP),
            agreed: agreed(&annotated),
            current: (!list.is_empty()).then_some(0),
            dismissed: vec![false; list.len()],
            list,
            docs,
        };
        self.here = Some(here);
        self.changed();
    }

    pub fn close(&mut self) {
        *self = Compare::default();
        self.changed();
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    fn changed(&mut self) {
        self.revision = sequence::next();
        let mut lanes = Vec::new();
        if let Some((here, d)) = self.here.as_ref().and_then(|h| Some((h, h.list.get(h.current?)?))) {
            for (lane, id) in d.annotations.iter().enumerate() {
                let Some(a) = id.as_ref().and_then(|id| here.docs[lane].annotation(id)) else { continue };
                lanes.extend(a.fragments.iter().map(|&span| LaneMark { span, lane }));
            }
        }
        crate::model::sort::sort_by_key(&mut lanes, |m| (m.span.start, m.lane));
        self.lanes = Rc::new(lanes);
    }

    /// The current disagreement's spans, by annotator, in text order.
    pub fn lanes(&self) -> &Rc<Vec<LaneMark>> {
        &self.lanes
    }

    pub fn annotators(&self) -> &[String] {
        self.pairing.as_ref().map_or(&[], |p| &p.annotators)
    }

    /// Articles paired across the files, and those that could not be.
    pub fn paired_count(&self) -> (usize, usize) {
        self.pairing.as_ref().map_or((0, 0), |p| (p.articles.len(), p.unpaired.len()))
    }

    pub fn project_figures(&self) -> Option<&Figures> {
        self.project.as_ref()
    }

    /// The open article's figures, when the files have it.
    pub fn article_figures(&self) -> Option<&Figures> {
        self.here.as_ref().map(|h| &h.figures)
    }

    pub fn disagreements(&self) -> &[Disagreement] {
        self.here.as_ref().map_or(&[], |h| &h.list)
    }

    /// The annotators' documents of the open article, in annotator order.
    pub fn documents(&self) -> &[Document] {
        self.here.as_ref().map_or(&[], |h| &h.docs)
    }

    pub fn current(&self) -> Option<usize> {
        self.here.as_ref().and_then(|h| h.current)
    }

    pub fn agreed_count(&self) -> usize {
        self.here.as_ref().map_or(0, |h| h.agreed.len())
    }

    /// Settled: left out, or the gold holds an adjudicated annotation over its words.
    pub fn is_settled(&self, index: usize, gold: &Document) -> bool {
        let Some(here) = &self.here else { return false };
        let (Some(d), Some(dismissed)) = (here.list.get(index), here.dismissed.get(index)) else { return false };
        *dismissed
            || gold
                .annotations
                .iter()
                .any(|a| !a.agreed_by.is_empty() && a.fragments.iter().any(|f| f.overlaps(&d.span)))
    }

    pub fn select(&mut self, index: usize) {
        if let Some(here) = self.here.as_mut().filter(|h| index < h.list.len()) {
            here.current = Some(index);
            self.changed();
        }
    }

    /// The next (or previous) disagreement, wrapping around; settled ones included, so J and K
    /// also go back to look at what was decided.
    pub fn step(&mut self, forward: bool) -> bool {
        let Some(here) = self.here.as_mut().filter(|h| !h.list.is_empty()) else { return false };
        let n = here.list.len();
        here.current = Some(match here.current {
            None if forward => 0,
            None => n - 1,
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        });
        self.changed();
        true
    }

    /// Leaves disagreement `index` out of the gold, and moves on.
    pub fn dismiss(&mut self, index: usize) {
        if let Some(d) = self.here.as_mut().and_then(|h| h.dismissed.get_mut(index)) {
            *d = true;
            self.step(true);
        }
    }

    /// Takes annotator `k`'s annotation of disagreement `index` into `gold`. Who agreed: for a
    /// span only some annotators have, those; otherwise annotator `k`.
    pub fn take_action(&self, index: usize, k: usize, gold: &Document) -> Option<Action> {
        let here = self.here.as_ref()?;
        let d = here.list.get(index)?;
        let a = self.annotation(k, d.annotations.get(k)?.as_ref()?)?;
        let agreed_by = match &d.kind {
            DisagreementKind::OnlyIn(who) => who.iter().map(|&w| self.annotators()[w].clone()).collect(),
            _ => vec![self.annotators()[k].clone()],
        };
        Some(take_action(gold, &here.docs[k], a, &agreed_by))
    }

    /// Takes every annotator's version of disagreement `index` (each its own annotation).
    pub fn take_every_action(&self, index: usize, gold: &Document) -> Option<(Action, usize)> {
        let here = self.here.as_ref()?;
        let d = here.list.get(index)?;
        let takes: Vec<(&Document, &Annotation, Vec<String>)> = d
            .annotations
            .iter()
            .enumerate()
            .filter_map(|(k, id)| {
                Some((&here.docs[k], self.annotation(k, id.as_ref()?)?, vec![self.annotators()[k].clone()]))
            })
            .collect();
        take_all_action(gold, &takes)
    }

    /// Takes every span on which all annotators agree, in one step, each with all their names.
    pub fn accept_agreed_action(&self, gold: &Document) -> Option<(Action, usize)> {
        let here = self.here.as_ref()?;
        let everyone = self.annotators().to_vec();
        let takes: Vec<(&Document, &Annotation, Vec<String>)> = here
            .agreed
            .iter()
            .filter_map(|group| Some((&here.docs[0], self.annotation(0, group.first()?)?, everyone.clone())))
            .collect();
        take_all_action(gold, &takes)
    }

    /// Annotator `k`'s annotation `id` of the open article.
    pub fn annotation(&self, k: usize, id: &AnnotationId) -> Option<&Annotation> {
        self.here.as_ref()?.docs.get(k)?.annotation(id)
    }
}

fn annotated<'d>(annotators: &[String], docs: &'d [Document]) -> Vec<Annotated<'d>> {
    annotators.iter().zip(docs).map(|(name, doc)| Annotated { annotator: name.clone(), doc }).collect()
}

/// A document JSON, or a dataset JSONL (one document per line); errors name the file and line.
fn read_file(name: &str, contents: &str) -> Result<Vec<Document>, String> {
    let trimmed = contents.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(format!("{name} is empty."));
    }
    // A document JSON is one object over many lines; a dataset has one object per line.
    match read_document(trimmed) {
        Ok((doc, _)) => return Ok(vec![doc]),
        // A document JSON spread over lines: its own error says where.
        Err(e) if trimmed.lines().next().is_some_and(|l| l.trim() == "{") => return Err(format!("{name}: {e}")),
        Err(_) => {}
    }
    let mut docs = Vec::new();
    for (n, line) in trimmed.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let (doc, _) = read_document(line).map_err(|e| format!("{name}:{}: {e}", n + 1))?;
        docs.push(doc);
    }
    Ok(docs)
}
