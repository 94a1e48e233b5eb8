//! Suggestion speed: `suggest()` on the sample article (goal ≤ 10 ms) and on all 28 eval
//! articles (goal < 1 s), natively. Medians of repeated runs, printed; not a timed test.
//! Run with `cargo bench --bench suggest`.

use std::path::Path;
use std::time::Instant;

use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::schema::Schema;
use stancemark::suggest::{gold, suggest};

fn median_ms(runs: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(runs);
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        found = std::hint::black_box(f());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[runs / 2], found)
}

fn main() {
    let sample = Path::new("../shared/samples/ceasefire-2025-03-16.txt");
    match std::fs::read_to_string(sample) {
        Ok(text) => {
            let doc = Document::new(Article::parse_text(&text).expect("the sample parses"), Schema::default());
            let (ms, n) = median_ms(51, || suggest(&doc).items.len());
            println!(
                "sample article ({} code points): median {ms:.2} ms, {n} suggestions (goal ≤ 10 ms)",
                doc.text_index().cp_len()
            );
        }
        Err(e) => println!("sample article skipped: {e}"),
    }
    match gold::load_dir(Path::new("../shared/eval/quotes")) {
        Ok(articles) => {
            let docs: Vec<Document> = articles.iter().map(|a| gold::document(&a.id, &a.text)).collect();
            let (ms, n) = median_ms(21, || docs.iter().map(|d| suggest(d).items.len()).sum());
            println!("{} eval articles: median {ms:.2} ms, {n} suggestions (goal < 1000 ms)", docs.len());
        }
        Err(e) => println!("eval articles skipped: {e}"),
    }
}
