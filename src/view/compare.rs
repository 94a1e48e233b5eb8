//! The Compare view, the pure part: other annotators' exports (document JSON or dataset JSONL)
//! paired by text; for the article open, their disagreements in text order, which one is
//! current and which are settled, and taking an annotator's version into the gold (the
//! article open) as one undo step. Figures for the open article and for every paired article
//! are worked out once, when the files are opened or another article opens.

use std::collections::HashSet;
use std::rc::Rc;

use crate::agreement::disagreements::Disagreement;
use crate::agreement::pairing::{annotator_name, pair, Input, Pairing};
use crate::agreement::report::{article_figures, report, Figures, Options};
use crate::agreement::{agreed, disagreements, Annotated, DEFAULT_OVERLAP};
use crate::corpus::meta::read_document;
use crate::model::action::Action;
use crate::model::annotation::{Annotation, AnnotationId, AnnotationKind};
use crate::model::coverage::Coverage;
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
    /// Disagreements left out of the gold, by article text and index: kept when another
    /// article opens and this one comes back.
    dismissed: HashSet<(String, usize)>,
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
    sha: String,
    docs: Vec<Document>,
    figures: Figures,
    list: Vec<Disagreement>,
    agreed: Vec<Vec<AnnotationId>>,
    current: Option<usize>,
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
            inputs.push(Input { name: annotator_name(file_stem(name), &docs), docs });
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
            dismissed: HashSet::new(),
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
            sha,
            figures: article_figures(&annotated, DEFAULT_OVERLAP),
            agreed: agreed(&annotated),
            current: (!list.is_empty()).then_some(0),
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

    /// What could not be paired, one line each ("article \"x\" (…) is missing from bo").
    pub fn unpaired(&self) -> Vec<String> {
        self.pairing.as_ref().map_or_else(Vec::new, |p| p.unpaired.iter().map(ToString::to_string).collect())
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

    /// Which disagreements are settled: left out, or the gold holds an adjudicated annotation
    /// of the same kind over the words of one of its versions. One pass over the gold's
    /// annotations, then a lookup per version fragment.
    pub fn settled(&self, gold: &Document) -> Vec<bool> {
        let Some(here) = &self.here else { return Vec::new() };
        let taken = Taken::of(gold);
        (0..here.list.len())
            .map(|index| {
                self.dismissed.contains(&(here.sha.clone(), index))
                    || self.versions(index).any(|(_, a)| a.fragments.iter().any(|f| taken.covers(a.kind, *f)))
            })
            .collect()
    }

    /// The annotators' annotations of disagreement `index`: (annotator, annotation).
    fn versions(&self, index: usize) -> impl Iterator<Item = (usize, &Annotation)> {
        let d = self.here.as_ref().and_then(|h| h.list.get(index));
        d.into_iter().flat_map(move |d| {
            d.annotations.iter().enumerate().filter_map(move |(k, id)| Some((k, self.annotation(k, id.as_ref()?)?)))
        })
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
        let Some(here) = self.here.as_ref().filter(|h| index < h.list.len()) else { return };
        self.dismissed.insert((here.sha.clone(), index));
        self.step(true);
    }

    /// Takes annotator `k`'s version of disagreement `index` into `gold`, in place of any
    /// annotation of the gold of the same kind over the words of any version (another
    /// version taken before, or the judge's own). Who agreed: every annotator whose version is
    /// the same as `k`'s in its words and labels.
    pub fn take_action(&self, index: usize, k: usize, gold: &Document) -> Result<Action, String> {
        let here = self.here.as_ref().ok_or("no annotator has this article")?;
        let (_, a) = self.versions(index).find(|(j, _)| *j == k).ok_or("this annotator has nothing here")?;
        let agreed_by: Vec<String> = self
            .versions(index)
            .filter(|(j, b)| same_version(&here.docs[k], a, &here.docs[*j], b))
            .map(|(j, _)| self.annotators()[j].clone())
            .collect();
        take_action(gold, &here.docs[k], a, &agreed_by, &self.replaced(index, gold))
    }

    /// Takes every version of disagreement `index` whose words differ from the others' (two
    /// versions of the same words cannot both be annotations), each its own annotation.
    pub fn take_every_action(&self, index: usize, gold: &Document) -> Option<(Action, usize)> {
        let here = self.here.as_ref()?;
        let mut takes: Vec<(&Document, &Annotation, Vec<String>)> = Vec::new();
        for (k, a) in self.versions(index) {
            if !takes.iter().any(|(_, b, _)| b.fragments == a.fragments) {
                takes.push((&here.docs[k], a, vec![self.annotators()[k].clone()]));
            }
        }
        take_all_action(gold, &takes, &self.replaced(index, gold))
    }

    /// The gold's annotations a take for disagreement `index` replaces: same kind as a version,
    /// over some of its words.
    fn replaced(&self, index: usize, gold: &Document) -> Vec<AnnotationId> {
        let versions: Vec<&Annotation> = self.versions(index).map(|(_, a)| a).collect();
        gold.annotations
            .iter()
            .filter(|g| {
                versions
                    .iter()
                    .any(|v| v.kind == g.kind && v.fragments.iter().any(|f| g.fragments.iter().any(|h| h.overlaps(f))))
            })
            .map(|g| g.id.clone())
            .collect()
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
        take_all_action(gold, &takes, &[])
    }

    /// Annotator `k`'s annotation `id` of the open article.
    pub fn annotation(&self, k: usize, id: &AnnotationId) -> Option<&Annotation> {
        self.here.as_ref()?.docs.get(k)?.annotation(id)
    }
}

/// Two annotators' versions are the same when they say the same: kind, words, quote type,
/// stance, target (by label) and speaker (by any shared name, or the same Wikidata id).
fn same_version(da: &Document, a: &Annotation, db: &Document, b: &Annotation) -> bool {
    let target = |d: &Document, x: &Annotation| {
        x.target.as_ref().and_then(|t| d.schema.target(t)).map(|t| t.label.to_lowercase())
    };
    let speakers =
        match (a.speaker.as_ref().and_then(|s| da.speaker(s)), b.speaker.as_ref().and_then(|s| db.speaker(s))) {
            (None, None) => true,
            (Some(x), Some(y)) => {
                (x.wikidata.is_some() && x.wikidata == y.wikidata) || y.names().any(|n| x.answers_to(n))
            }
            _ => false,
        };
    a.kind == b.kind
        && a.fragments == b.fragments
        && a.quote_type == b.quote_type
        && a.stance == b.stance
        && target(da, a) == target(db, b)
        && speakers
}

/// The gold's adjudicated annotations (those with `agreed_by`), by kind: what "settled" looks up.
struct Taken {
    quotes: Coverage,
    claims: Coverage,
}

impl Taken {
    fn of(gold: &Document) -> Taken {
        let adjudicated: Vec<&Annotation> = gold.annotations.iter().filter(|a| !a.agreed_by.is_empty()).collect();
        Taken {
            quotes: Coverage::of_kind(adjudicated.iter().copied(), AnnotationKind::Quote),
            claims: Coverage::of_kind(adjudicated.iter().copied(), AnnotationKind::Claim),
        }
    }

    fn covers(&self, kind: AnnotationKind, f: Span) -> bool {
        match kind {
            AnnotationKind::Quote => self.quotes.overlaps(f),
            AnnotationKind::Claim => self.claims.overlaps(f),
        }
    }
}

fn annotated<'d>(annotators: &[String], docs: &'d [Document]) -> Vec<Annotated<'d>> {
    annotators.iter().zip(docs).map(|(name, doc)| Annotated { annotator: name.clone(), doc }).collect()
}

/// The file's name without its folder and last extension, as the command line names an
/// annotator (`bo.stancemark.json` → `bo.stancemark`).
fn file_stem(name: &str) -> &str {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match base.rfind('.') {
        Some(dot) if dot > 0 => &base[..dot],
        _ => base,
    }
}

/// A dataset JSONL (`.jsonl`: one document per line) or a document JSON, as the command line
/// reads them; errors name the file and line.
fn read_file(name: &str, contents: &str) -> Result<Vec<Document>, String> {
    let contents = contents.trim_start_matches('\u{feff}');
    if contents.trim().is_empty() {
        return Err(format!("{name} is empty."));
    }
    if !name.ends_with(".jsonl") {
        return read_document(contents).map(|(doc, _)| vec![doc]).map_err(|e| format!("{name}: {e}"));
    }
    let mut docs = Vec::new();
    for (n, line) in contents.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let (doc, _) = read_document(line).map_err(|e| format!("{name}:{}: {e}", n + 1))?;
        docs.push(doc);
    }
    Ok(docs)
}
