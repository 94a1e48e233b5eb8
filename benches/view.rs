//! What one edit costs outside the browser, in a 20,000-word article with 2,000 annotations:
//! the model update, the document snapshot the UI keeps, the highlight runs, and the save.
//! Prints medians. Run: `cargo bench --bench view`.

use std::time::Instant;

use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationKind, Origin, QuoteType};
use stancemark::model::article::{Article, BlockKind};
use stancemark::model::document::Document;
use stancemark::model::export;
use stancemark::model::history::Editor;
use stancemark::model::schema::Schema;
use stancemark::model::text::Span;
use stancemark::view::segments::{self, Focus};

const RUNS: usize = 21;

fn create(span: Span) -> Action {
    Action::CreateAnnotation {
        kind: AnnotationKind::Quote,
        quote_type: Some(QuoteType::Indirect),
        span,
        author: "bench".into(),
        at: "2026-11-25T00:00:00Z".into(),
        origin: Origin::Manual,
    }
}

/// 400 paragraphs of 50 words, five annotations in each.
fn big_editor() -> (Editor, Vec<Span>) {
    let words = ["Officials", "said", "the", "ceasefire", "proposal", "would", "need", "careful", "review", "today."];
    let paragraph: Vec<&str> = (0..50).map(|i| words[i % words.len()]).collect();
    let body = vec![paragraph.join(" "); 400].join("\n\n");
    let article = Article::parse_text(&format!("A long article\n\n2025-03-16 03:31:00\n\n{body}")).unwrap();
    let blocks: Vec<Span> = article.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.span).collect();
    let mut editor = Editor::new(Document::new(article, Schema::default()));
    for block in &blocks {
        for k in 0..5 {
            let start = block.start + k * 70 + "Officials said ".len();
            editor.apply(create(Span::new(start, start + "the ceasefire proposal".len()))).unwrap();
        }
    }
    (editor, blocks)
}

fn median_ms(mut f: impl FnMut(usize)) -> f64 {
    let mut samples: Vec<f64> = (0..RUNS)
        .map(|i| {
            let start = Instant::now();
            f(i);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[RUNS / 2]
}

fn main() {
    let (mut editor, blocks) = big_editor();
    println!("20,000 words, {} annotations; medians of {RUNS} runs:", editor.document().annotations.len());
    let apply = median_ms(|i| {
        // "review" in a fresh paragraph each time, like a new annotation by hand.
        let start = blocks[i].start + "Officials said the ceasefire proposal would need careful ".len();
        editor.apply(create(Span::new(start, start + "review".len()))).unwrap();
    });
    println!("  model update (Editor::apply of a new annotation): {apply:.3} ms");
    let doc = editor.document();
    println!("  document snapshot (clone): {:.3} ms", median_ms(|_| drop(doc.clone())));
    let focus = Focus { selected: doc.annotations.first().map(|a| a.id.clone()), ..Focus::default() };
    println!("  highlight runs for every block: {:.3} ms", median_ms(|_| drop(segments::block_views(doc, &focus))));
    println!("  save (document JSON for storage): {:.3} ms", median_ms(|_| drop(export::document_json(doc))));
}
