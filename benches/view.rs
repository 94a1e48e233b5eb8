//! What one edit costs outside the browser, in a 20,000-word article with 2,000 annotations:
//! the model update, the journal step, the kept highlight runs refreshed, the side panels'
//! view models, and against them what an ordinary edit no longer pays (every block built
//! anew, the whole document serialised).
//! Prints medians. Run: `cargo bench --bench view`.

use std::time::Instant;

use stancemark::model::export;
use stancemark::model::history::Unsaved;
use stancemark::model::text::Span;
use stancemark::view::panels;
use stancemark::view::segments::{self, BlockViews, Focus};

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
    let focus = Focus::default();
    // The steps that built the article are not part of one edit's cost.
    editor.take_unsaved();
    let mut cached = BlockViews::default();
    cached.refresh(editor.document(), &focus, usize::MAX);
    let mut step = String::new();
    let incremental = median_ms(|i| {
        let start = blocks[RUNS + i].start + "Officials said the ceasefire proposal would need careful ".len();
        editor.apply(create(Span::new(start, start + "review".len()))).unwrap();
        if let Unsaved::Steps(lines) = editor.take_unsaved() {
            step = lines;
        }
        drop(cached.refresh(editor.document(), &focus, usize::MAX));
    });
    println!(
        "  one edit, kept views: model + journal step + highlight refresh ({} block rebuilt): {incremental:.3} ms",
        cached.rebuilt()
    );
    println!("  the edit's journal step: {} bytes", step.len());
    let doc = editor.document();
    let selected = doc.annotations.first().map(|a| a.id.clone());
    let focus = Focus { selected: selected.clone(), ..focus };
    println!(
        "  highlight runs for every block, built anew: {:.3} ms",
        median_ms(|_| drop(segments::block_views(doc, &focus)))
    );
    println!(
        "  annotation list rows (Annotations tab open): {:.3} ms",
        median_ms(|_| drop(panels::annotation_rows(doc)))
    );
    let id = selected.expect("the big article has annotations");
    println!(
        "  details of the selection (Details tab open): {:.3} ms",
        median_ms(|_| drop(panels::details_view(doc, &id)))
    );
    let whole = export::dataset_document_line(doc);
    println!(
        "  the whole document as stored ({} bytes, written only when idle): {:.3} ms",
        whole.len(),
        median_ms(|_| drop(export::dataset_document_line(doc)))
    );
}
