//! What one edit costs outside the browser, in a 20,000-word article with 2,000 annotations:
//! the model update, the highlight runs, the side panels' view models, and the save.
//! Prints medians. Run: `cargo bench --bench view`.

use std::time::Instant;

use stancemark::model::export;
use stancemark::model::text::Span;
use stancemark::view::panels;
use stancemark::view::segments::{self, Focus};

#[path = "common/big_article.rs"]
mod big_article;

use big_article::{big_editor, create};

const RUNS: usize = 21;

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
    let selected = doc.annotations.first().map(|a| a.id.clone());
    let focus = Focus { selected: selected.clone(), ..Focus::default() };
    println!("  highlight runs for every block: {:.3} ms", median_ms(|_| drop(segments::block_views(doc, &focus))));
    println!(
        "  annotation list rows (Annotations tab open): {:.3} ms",
        median_ms(|_| drop(panels::annotation_rows(doc)))
    );
    let id = selected.expect("the big article has annotations");
    println!(
        "  details of the selection (Details tab open): {:.3} ms",
        median_ms(|_| drop(panels::details_view(doc, &id)))
    );
    println!("  save (document JSON for storage): {:.3} ms", median_ms(|_| drop(export::document_json(doc))));
}
