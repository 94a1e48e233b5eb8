//! Browser benchmarks, in headless Chromium against the built dist/ (`./run build` first):
//!   1. navigation start → the sample article rendered and taking input (a `performance.mark`);
//!   2. one new annotation (select + Q) in a 20,000-word article that already has 2,000.
//!
//! Prints medians over repeated runs. Run: `cargo bench --features e2e --bench browser`.

// Shared with the end-to-end tests; this program uses only part of it.
#[path = "common/big_article.rs"]
mod big_article;
#[allow(dead_code)]
#[path = "../tests/e2e/support/mod.rs"]
mod support;

use std::time::Duration;

use serde_json::{json, Value};
use stancemark::model::export;
use support::Page;

const RUNS: usize = 15;

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

async fn time_to_interactive(page: &Page) -> f64 {
    page.goto("/").await;
    page.wait_until("performance.getEntriesByName('stancemark-interactive').length > 0").await;
    page.js("return performance.getEntriesByName('stancemark-interactive')[0].startTime;", vec![])
        .await
        .as_f64()
        .unwrap()
}

/// Selects a word in paragraph `n` through the DOM and presses Q; milliseconds from the key
/// press to the patched DOM, and until the second frame after it.
async fn time_one_annotation(page: &Page, n: usize) -> (f64, f64) {
    let script = r#"
        const [n, done] = [arguments[0], arguments[arguments.length - 1]];
        const paragraph = document.querySelectorAll('[data-testid=paragraph]')[n];
        const runs = [...paragraph.querySelectorAll('[data-start]')].filter(r => !r.dataset.target && r.textContent.includes('review'));
        const run = runs[0];
        const node = run.firstChild, at = node.data.indexOf('review');
        const range = document.createRange();
        range.setStart(node, at); range.setEnd(node, at + 'review'.length);
        const selection = getSelection(); selection.removeAllRanges(); selection.addRange(range);
        run.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        requestAnimationFrame(() => setTimeout(() => {
            const before = document.querySelectorAll('.seg.quote').length;
            // The DOM patch that shows the new highlight: when it lands, the work is done
            // and the browser can paint.
            let patched = null;
            const observer = new MutationObserver(() => { if (patched === null) patched = performance.now(); });
            observer.observe(paragraph, { childList: true, subtree: true, characterData: true, attributes: true });
            const t0 = performance.now();
            document.dispatchEvent(new KeyboardEvent('keydown', { key: 'q', bubbles: true }));
            // Wait frame by frame (up to 3 s) for the highlight, then report.
            const check = () => {
                const after = document.querySelectorAll('.seg.quote').length;
                if (after > before || performance.now() - t0 > 3000) {
                    observer.disconnect();
                    done([patched - t0, after > before, performance.now() - t0]);
                } else {
                    requestAnimationFrame(check);
                }
            };
            requestAnimationFrame(check);
        }));
    "#;
    let result: Value = page.client.execute_async(script, vec![json!(n)]).await.unwrap();
    assert_eq!(result[1], json!(true), "the annotation was not rendered");
    (result[0].as_f64().unwrap(), result[2].as_f64().unwrap())
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let page = Page::open().await;
    let mut interactive = Vec::new();
    for _ in 0..RUNS {
        interactive.push(time_to_interactive(&page).await);
    }
    println!(
        "navigation → interactive sample article: median {:.1} ms over {RUNS} loads (min {:.1}, max {:.1})",
        median(interactive.clone()),
        interactive.iter().cloned().fold(f64::MAX, f64::min),
        interactive.iter().cloned().fold(0.0, f64::max)
    );

    let json = export::document_json(&big_article::big_editor().0.into_document());
    page.js("localStorage.setItem('stancemark.document.v1', arguments[0]);", vec![json!(json)]).await;
    page.goto("/").await;
    page.wait_until("document.querySelectorAll('[data-testid=paragraph]').length === 400").await;
    let load = page.js("return performance.getEntriesByName('stancemark-interactive')[0].startTime;", vec![]).await;
    println!("navigation → interactive, 20,000 words with 2,000 annotations: {:.1} ms", load.as_f64().unwrap());
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (mut handled, mut framed) = (Vec::new(), Vec::new());
    for n in 0..RUNS {
        let (handle, frame) = time_one_annotation(&page, n * 20).await;
        handled.push(handle);
        framed.push(frame);
    }
    println!("one new annotation in 20,000 words with 2,000 annotations (median of {RUNS}):");
    println!(
        "  key press → highlight in the DOM (model update + view models + re-render): {:.1} ms (min {:.1}, max {:.1})",
        median(handled.clone()),
        handled.iter().cloned().fold(f64::MAX, f64::min),
        handled.iter().cloned().fold(0.0, f64::max)
    );
    println!("  key press → first frame showing it: {:.1} ms", median(framed));
    page.close().await;
}
