//! How long export and import take for a document with 10,000 annotations, plus the cost of
//! one action on such a document (what a keypress costs in the UI).
//!
//! Run with `cargo bench --bench export_import`. Each measurement is repeated and the median
//! printed: these machines are shared and noisy, so single timings mean little.

use std::time::{Duration, Instant};

use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationKind, Origin, QuoteType};
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::export::{dataset_document_line, document_json, flat_rows_jsonl};
use stancemark::model::history::Editor;
use stancemark::model::import::document_from_json;
use stancemark::model::schema::Schema;
use stancemark::model::speaker::SpeakerKind;
use stancemark::model::text::Span;

const ANNOTATIONS: usize = 10_000;
const RUNS: usize = 15;
const SAMPLE: &str = include_str!("../static/ceasefire-2025-03-16.txt");

/// The sample article with its body repeated until the text is long enough that 10,000
/// annotations do not all sit on the same few words (about 100,000 code points).
fn long_article() -> Article {
    let (header, body) = SAMPLE.split_at(SAMPLE.find("Kremlin spokesman").expect("sample body"));
    let text = format!("{header}{}", vec![body; 25].join("\n\n"));
    Article::parse_text(&text).expect("parses")
}

/// Annotations on consecutive runs of words, a third of them with speaker, stance, target,
/// cue and source mention set, as a busy annotator would leave them.
fn big_document() -> Document {
    let mut doc = Document::new(long_article(), Schema::default());
    let speaker = doc
        .apply(Action::AddSpeaker { name: "Dmitry Peskov".into(), kind: SpeakerKind::Person, role: None })
        .unwrap()
        .created_speaker;
    let ix = doc.text_index().clone();
    let words: Vec<Span> = (0..ix.cp_len())
        .filter(|&cp| ix.is_word_boundary(cp))
        .map(|cp| ix.snap_to_words(Span::new(cp, cp + 1)))
        .filter(|s| !s.is_empty() && doc.article.block_containing(*s).is_some())
        .collect();
    let mut i = 0;
    while doc.annotations.len() < ANNOTATIONS {
        let (w, len) = (i % words.len(), 1 + i % 7);
        i += 1;
        let span = Span::new(words[w].start, words[(w + len).min(words.len() - 1)].end);
        let kind = if i % 2 == 0 { AnnotationKind::Quote } else { AnnotationKind::Claim };
        let quote_type = (kind == AnnotationKind::Quote).then_some(QuoteType::Direct);
        let create = Action::CreateAnnotation {
            kind,
            quote_type,
            span,
            author: "bench".into(),
            at: "2025-03-17T09:00:00Z".into(),
            origin: Origin::Manual,
            rule: None,
        };
        let Ok(out) = doc.apply(create) else { continue }; // spans across paragraphs are refused
        if i % 3 == 0 {
            let id = out.created_annotation.unwrap();
            let edits = [
                Action::SetSpeaker { id: id.clone(), speaker: speaker.clone() },
                Action::SetStance { id: id.clone(), stance: Some("favor".into()) },
                Action::SetTarget { id: id.clone(), target: Some("ceasefire-30day".into()) },
                Action::SetCue { id: id.clone(), span: Some(words[(w + 9) % words.len()]) },
                Action::SetSourceMention { id, span: Some(words[(w + 10) % words.len()]) },
            ];
            for e in edits {
                doc.apply(e).unwrap();
            }
        }
    }
    doc
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn time<T>(label: &str, mut f: impl FnMut() -> T) -> Duration {
    let runs: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    let m = median(runs.clone());
    let (lo, hi) = (runs.iter().min().unwrap(), runs.iter().max().unwrap());
    println!("{label:<44} median {:>9.2} ms   (min {:.2}, max {:.2}, {RUNS} runs)", ms(m), ms(*lo), ms(*hi));
    m
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let t = Instant::now();
    let doc = big_document();
    println!(
        "document: {} annotations on {} code points, built through actions in {:.0} ms",
        doc.annotations.len(),
        doc.text_index().cp_len(),
        ms(t.elapsed())
    );
    let json = document_json(&doc);
    println!(
        "document JSON: {:.1} MB; flat rows: {:.1} MB\n",
        json.len() as f64 / 1e6,
        flat_rows_jsonl(&doc).len() as f64 / 1e6
    );
    assert_eq!(document_from_json(&json).unwrap(), doc, "the benchmark must measure a faithful round trip");

    let export = time("export: document JSON (pretty)", || document_json(&doc));
    time("export: dataset line (compact)", || dataset_document_line(&doc));
    time("export: flat rows JSONL", || flat_rows_jsonl(&doc));
    let import = time("import: document JSON (parse + validate)", || document_from_json(&json).unwrap());
    time("check_invariants", || doc.check_invariants().unwrap());

    // One keypress on a big document: an edit, its undo and its redo.
    let mut ed = Editor::new(doc.clone());
    let id = doc.annotations[ANNOTATIONS / 2].id.clone();
    let mut n = 0;
    time("action + undo + redo on the 10k document", || {
        n += 1;
        ed.apply(Action::SetNote { id: id.clone(), note: n.to_string() }).unwrap();
        ed.undo();
        ed.redo();
    });
    println!("\nimport/export ratio: {:.1}", import.as_secs_f64() / export.as_secs_f64());
}
