//! Agreement speed: a generated corpus of 1,000 articles annotated by three annotators, from
//! pairing to the full report with 1,000 bootstrap resamples (goal ≤ 2 s natively). Medians
//! of repeated runs, printed; not a timed test. Run with `cargo bench --bench agreement`.
//!
//! Each article is about 3,000 characters with 20 quotes and claims by a reference annotator;
//! each annotator keeps most of them, moves some boundaries by a few characters, changes some
//! stances and speakers, and adds a few of their own, so every code path (exact and lenient
//! matches, unmatched spans, label disagreements) has work to do.

use std::time::Instant;

use stancemark::agreement::bootstrap::SplitMix64;
use stancemark::agreement::pairing::{pair, Input};
use stancemark::agreement::report::{report, Options};
use stancemark::model::annotation::{Annotation, AnnotationId, AnnotationKind, QuoteType};
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::schema::Schema;
use stancemark::model::speaker::{Speaker, SpeakerId, SpeakerKind};
use stancemark::model::text::Span;

const ARTICLES: usize = 1000;
const ANNOTATORS: usize = 3;
const SPANS: usize = 20;

fn annotation(id: String, by: &str, span: Span, quote: bool, rng: &mut SplitMix64) -> Annotation {
    let stances = ["favor", "against", "neutral", "unclear"];
    let types = [QuoteType::Direct, QuoteType::Indirect, QuoteType::Mixed];
    let kind = if quote { AnnotationKind::Quote } else { AnnotationKind::Claim };
    let quote_type = quote.then(|| types[rng.below(3)]);
    Annotation {
        speaker: Some(SpeakerId(format!("s{}", rng.below(4) + 1))),
        stance: Some(stances[rng.below(4)].into()),
        ..Annotation::new(AnnotationId(id), kind, quote_type, vec![span], by, "2025-03-17T09:00:00Z")
    }
}

fn corpus() -> Vec<Input> {
    let mut rng = SplitMix64::new(1);
    let names = ["ana", "ben", "cleo"];
    let mut inputs: Vec<Input> = names.iter().map(|n| Input { name: n.to_string(), docs: Vec::new() }).collect();
    for article in 0..ARTICLES {
        let words: Vec<String> = (0..500).map(|w| format!("w{}", (article * 31 + w * 7) % 997)).collect();
        let text = format!("Article {article}. {}", words.join(" "));
        let base = Document::new(Article::parse_text(&text).unwrap(), Schema::default());
        let len = base.text_index().cp_len();
        let reference: Vec<(Span, bool)> = (0..SPANS)
            .map(|i| {
                let start = i * (len / SPANS) + rng.below(20);
                (Span::new(start, start + 40 + rng.below(60)), rng.below(4) != 0)
            })
            .collect();
        for (k, input) in inputs.iter_mut().enumerate() {
            let mut doc = base.clone();
            doc.speakers = (1..=4)
                .map(|s| Speaker {
                    id: SpeakerId(format!("s{s}")),
                    name: format!("Person {s}"),
                    kind: SpeakerKind::Person,
                    role: None,
                    aliases: vec![],
                    wikidata: None,
                })
                .collect();
            for (i, &(span, quote)) in reference.iter().enumerate() {
                if rng.below(10) == 0 {
                    continue; // this annotator missed it
                }
                let shift = if rng.below(3) == 0 { rng.below(10) } else { 0 };
                let span = Span::new(span.start + shift, (span.end + shift).min(len));
                doc.annotations.push(annotation(format!("a{i}"), names[k], span, quote, &mut rng));
            }
            for extra in 0..rng.below(3) {
                let start = rng.below(len - 60);
                doc.annotations.push(annotation(
                    format!("x{extra}"),
                    names[k],
                    Span::new(start, start + 30),
                    true,
                    &mut rng,
                ));
            }
            doc.annotations.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
            input.docs.push(doc);
        }
    }
    inputs
}

fn main() {
    let t = Instant::now();
    let inputs = corpus();
    println!("generated {ARTICLES} articles × {ANNOTATORS} annotators in {:.1} s", t.elapsed().as_secs_f64());
    let mut times = Vec::new();
    let mut spans = 0;
    for _ in 0..5 {
        let inputs = inputs.clone();
        let t = Instant::now();
        let pairing = pair(inputs);
        let r = std::hint::black_box(report(&pairing, &Options::default()));
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        spans = r.corpus.annotations.iter().map(|a| a.annotations).sum::<usize>();
    }
    let mut no_bootstrap = Vec::new();
    for _ in 0..5 {
        let inputs = inputs.clone();
        let t = Instant::now();
        let pairing = pair(inputs);
        std::hint::black_box(report(&pairing, &Options { resamples: 0, ..Options::default() }));
        no_bootstrap.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    for v in [&mut times, &mut no_bootstrap] {
        v.sort_by(f64::total_cmp);
    }
    println!(
        "full report ({spans} annotations, 1000 bootstrap resamples): median {:.0} ms of 5 runs (goal ≤ 2000 ms)",
        times[2]
    );
    println!("without the bootstrap: median {:.0} ms of 5 runs", no_bootstrap[2]);
}
