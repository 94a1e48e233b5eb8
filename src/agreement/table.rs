//! The report as a table for people: corpus figures with their intervals, unmatched spans per
//! pair, one line per article, and the articles that could not be paired.

use std::fmt::Write;

use super::report::{Figures, Measure, Report, ScopeF1};

pub fn render(r: &Report) -> String {
    let mut out = String::new();
    let articles = r.articles.len();
    let _ = writeln!(
        out,
        "Agreement of {} annotators ({}) on {articles} article{}; lenient match: overlap >= {:.2} (shared / covered characters)",
        r.annotators.len(),
        r.annotators.join(", "),
        if articles == 1 { "" } else { "s" },
        r.overlap
    );
    if articles >= 2 && r.bootstrap.resamples > 0 {
        let _ = writeln!(
            out,
            "[..] 95% interval from {} bootstrap resamples of the articles (seed {})",
            r.bootstrap.resamples, r.bootstrap.seed
        );
    }
    out.push('\n');
    corpus(&mut out, &r.corpus);
    // Every unmatched span by id, so none is dropped silently.
    for a in &r.articles {
        for u in &a.figures.unmatched {
            if let (Some(x), Some(y)) = (&u.only_a_ids, &u.only_b_ids) {
                if !x.is_empty() || !y.is_empty() {
                    let _ = writeln!(out, "    {}: {}: {}   {}: {}", a.article, u.a, list(x), u.b, list(y));
                }
            }
        }
    }
    if articles > 1 {
        let _ = writeln!(out, "\nPer article                       F1 exact  F1 lenient  alpha_U quote  alpha_U claim");
        for a in &r.articles {
            let f = &a.figures;
            let _ = writeln!(
                out,
                "  {:<32} {:>8}  {:>10}  {:>13}  {:>13}",
                truncate(&a.article, 32),
                number(f.f1.exact.all.mean),
                number(f.f1.lenient.all.mean),
                number(f.alpha_u.quote.value),
                number(f.alpha_u.claim.value)
            );
        }
    }
    if !r.unpaired.is_empty() {
        let _ = writeln!(out, "\nNot paired ({}), left out of every figure:", r.unpaired.len());
        for u in &r.unpaired {
            let _ = writeln!(out, "  {u}");
        }
    }
    out
}

fn corpus(out: &mut String, f: &Figures) {
    let counts: Vec<String> = f.annotations.iter().map(|a| format!("{} {}", a.annotator, a.annotations)).collect();
    let _ = writeln!(out, "Annotations: {}", counts.join(", "));
    let _ = writeln!(out, "\nSpans: F1 = 2|M| / (|A| + |B|), mean over pairs");
    let _ = writeln!(out, "  {:<10} {:<24} lenient", "", "exact");
    for ((scope, exact), (_, lenient)) in f.f1.exact.iter().zip(f.f1.lenient.iter()) {
        let _ = writeln!(out, "  {scope:<10} {:<24} {}", f1(exact), f1(lenient));
    }
    let _ = writeln!(out, "\nLabels on matched spans");
    let _ = writeln!(out, "  {:<10} {:<36} Krippendorff's alpha", "", "Cohen's kappa");
    for (label, alpha) in f.alpha.iter() {
        let kappa = match &f.kappa {
            Some(k) => k.iter().find(|(l, _)| *l == label).map_or(String::new(), |(_, m)| measure(m, "items")),
            None => "(two annotators only)".to_owned(),
        };
        let _ = writeln!(out, "  {label:<10} {kappa:<36} {}", measure(alpha, "values"));
    }
    let _ = writeln!(out, "\nBoundaries: Krippendorff's alpha_U over characters");
    for (category, m) in f.alpha_u.iter() {
        let _ = writeln!(out, "  {category:<10} {}", measure(m, "units"));
    }
    let _ = writeln!(out, "\nUnmatched spans (no lenient match in the other annotator's)");
    for u in &f.unmatched {
        let _ = writeln!(out, "  {} vs {}: {} only in {}, {} only in {}", u.a, u.b, u.only_a, u.a, u.only_b, u.b);
    }
}

fn f1(s: &ScopeF1) -> String {
    let pairs: usize = s.pairs.iter().map(|p| p.a_count + p.b_count).sum();
    if pairs == 0 {
        return "-".to_owned();
    }
    format!("{}{}", number(s.mean), interval(s.ci))
}

fn measure(m: &Measure, what: &str) -> String {
    format!("{}{} ({} {what})", number(m.value), interval(m.ci), m.n)
}

fn number(v: Option<f64>) -> String {
    v.map_or("n/a".to_owned(), |v| format!("{v:.3}"))
}

fn interval(ci: Option<[f64; 2]>) -> String {
    ci.map_or(String::new(), |[lo, hi]| format!(" [{lo:.3}, {hi:.3}]"))
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        "-".to_owned()
    } else {
        ids.join(" ")
    }
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}
