//! The Compare tab's view model: the annotators, the figures for the open article and for the
//! project, the disagreements (settled ones marked), and the current one's versions side by
//! side. Built once per change of the document or of the comparison.

use crate::agreement::disagreements::DisagreementKind;
use crate::agreement::report::{Figures, Measure};
use crate::model::annotation::Annotation;
use crate::model::document::Document;
use crate::view::compare::Compare;
use crate::view::labels;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompareView {
    pub annotators: Vec<String>,
    /// "12 articles paired (1 not in every file)".
    pub paired: String,
    pub article: Option<Vec<FigureLine>>,
    pub project: Option<Vec<FigureLine>>,
    pub rows: Vec<DisagreementRow>,
    pub current: Option<CurrentDisagreement>,
    /// Spans every annotator agrees on exactly, for "accept all agreed".
    pub agreed: usize,
}

/// A figure: "F1 exact", "0.812", and its 95 % interval ("0.75–0.86") when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureLine {
    pub label: String,
    pub value: String,
    pub interval: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisagreementRow {
    pub index: usize,
    /// "only in ana", "boundaries", "speaker"…
    pub kind: String,
    pub snippet: String,
    /// The annotators (lanes) who have it.
    pub lanes: Vec<usize>,
    pub settled: bool,
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrentDisagreement {
    pub index: usize,
    pub kind: String,
    /// The versions mark different words, so all of them can be taken side by side.
    pub take_every: bool,
    pub versions: Vec<Version>,
}

/// One annotator's version of the current disagreement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub lane: usize,
    pub annotator: String,
    /// Its words (fragments joined by " … "); `None` when this annotator has nothing there.
    pub text: Option<String>,
    /// "direct quote · Dmitry Peskov · favor → the ceasefire".
    pub summary: String,
}

pub fn view(gold: &Document, compare: &Compare) -> CompareView {
    let annotators = compare.annotators().to_vec();
    let (paired, unpaired) = compare.paired_count();
    let paired = match unpaired {
        0 => format!("{} paired", articles(paired)),
        n => format!("{} paired ({} not in every file, left out)", articles(paired), articles(n)),
    };
    let docs = compare.documents();
    let settled = compare.settled(gold);
    let rows = compare
        .disagreements()
        .iter()
        .enumerate()
        .map(|(index, d)| DisagreementRow {
            index,
            kind: kind_label(&d.kind, &annotators),
            snippet: gold.span_text(d.span).chars().take(90).collect(),
            lanes: (0..d.annotations.len()).filter(|&k| d.annotations[k].is_some()).collect(),
            settled: settled.get(index).copied().unwrap_or(false),
            current: compare.current() == Some(index),
        })
        .collect();
    let current = compare.current().and_then(|index| {
        let d = compare.disagreements().get(index)?;
        let versions = annotators
            .iter()
            .enumerate()
            .map(|(k, name)| {
                let a = d.annotations[k].as_ref().and_then(|id| compare.annotation(k, id));
                Version {
                    lane: k,
                    annotator: name.clone(),
                    text: a.map(|a| fragments_text(&docs[k], a)),
                    summary: a.map_or_else(|| "nothing here".to_owned(), |a| labels::summary(&docs[k], a)),
                }
            })
            .collect();
        let take_every = d.kind == DisagreementKind::Boundaries;
        Some(CurrentDisagreement { index, kind: kind_label(&d.kind, &annotators), take_every, versions })
    });
    CompareView {
        annotators,
        paired,
        article: compare.article_figures().map(figure_lines),
        project: compare.project_figures().map(figure_lines),
        rows,
        current,
        agreed: compare.agreed_count(),
    }
}

/// "1 article", "12 articles".
pub fn articles(n: usize) -> String {
    if n == 1 {
        "1 article".to_owned()
    } else {
        format!("{n} articles")
    }
}

fn kind_label(kind: &DisagreementKind, annotators: &[String]) -> String {
    match kind {
        DisagreementKind::OnlyIn(who) => {
            let names: Vec<&str> = who.iter().filter_map(|&k| annotators.get(k).map(String::as_str)).collect();
            format!("only in {}", names.join(", "))
        }
        DisagreementKind::Boundaries => "boundaries differ".to_owned(),
        DisagreementKind::Speaker => "speaker differs".to_owned(),
        DisagreementKind::Stance => "stance differs".to_owned(),
        DisagreementKind::Target => "target differs".to_owned(),
        DisagreementKind::QuoteType => "quote type differs".to_owned(),
    }
}

fn fragments_text(doc: &Document, a: &Annotation) -> String {
    let texts: Vec<&str> = a.fragments.iter().map(|f| doc.span_text(*f)).collect();
    texts.join(" … ")
}

/// The figures a reviewer asks for first: span F1, then agreement on each label (κ with two
/// annotators, α with more), then α_U for the boundaries.
fn figure_lines(f: &Figures) -> Vec<FigureLine> {
    let mut lines = vec![
        line("Span F1, exact", f.f1.exact.all.mean, f.f1.exact.all.ci),
        line("Span F1, lenient", f.f1.lenient.all.mean, f.f1.lenient.all.ci),
    ];
    let (labels, measure) = match &f.kappa {
        Some(kappa) => (kappa, "κ"),
        None => (&f.alpha, "α"),
    };
    for (name, m) in labels.iter() {
        lines.push(measure_line(&format!("{} {measure}", name.replace('_', " ")), m));
    }
    for (name, m) in f.alpha_u.iter() {
        lines.push(measure_line(&format!("{name} boundaries αU"), m));
    }
    lines
}

fn measure_line(label: &str, m: &Measure) -> FigureLine {
    line(label, m.value, m.ci)
}

fn line(label: &str, value: Option<f64>, ci: Option<[f64; 2]>) -> FigureLine {
    FigureLine {
        label: label.to_owned(),
        value: value.map_or_else(|| "—".to_owned(), three_places),
        interval: ci.map(|[lo, hi]| format!("{}–{}", three_places(lo), three_places(hi))),
    }
}

/// `0.8125` → `"0.813"`, printed from an integer: formatting an `f64` would pull float
/// printing into the bundle.
fn three_places(x: f64) -> String {
    let thousandths = (x * 1000.0).round() as i64;
    let sign = if thousandths < 0 { "-" } else { "" };
    let t = thousandths.unsigned_abs();
    format!("{sign}{}.{:03}", t / 1000, t % 1000)
}

#[cfg(test)]
mod tests {
    use super::three_places;

    #[test]
    fn figures_print_to_three_places() {
        assert_eq!(three_places(0.8125), "0.813");
        assert_eq!(three_places(1.0), "1.000");
        assert_eq!(three_places(-0.7003), "-0.700");
        assert_eq!(three_places(-0.0004), "0.000");
    }
}
