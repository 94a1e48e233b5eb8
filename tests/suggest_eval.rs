//! The suggestion engine on the GGT gold set (`../shared/eval/quotes`, see its README for the
//! licence): every gold offset points at its quote in the exact text, and no headline number
//! drops more than 0.02 below what the rules reached. Skipped, with a message, only when the
//! gold set is absent.

use std::path::Path;

use stancemark::model::annotation::QuoteType;
use stancemark::suggest::gold::{self, GoldArticle};
use stancemark::suggest::score::Counts;

const GOLD: &str = "../shared/eval/quotes";

fn articles() -> Option<Vec<GoldArticle>> {
    if !Path::new(GOLD).join("gold_quotes.jsonl").exists() {
        println!("skipped: {GOLD} is absent");
        return None;
    }
    Some(gold::load_dir(Path::new(GOLD)).expect("the gold set reads"))
}

#[test]
fn gold_offsets_are_code_points_into_the_exact_text() {
    let Some(articles) = articles() else { return };
    assert_eq!(articles.len(), 28);
    let jsonl = std::fs::read_to_string(Path::new(GOLD).join("gold_quotes.jsonl")).unwrap();
    let mut checked = 0;
    for line in jsonl.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let a = articles.iter().find(|a| a.id == v["article_id"].as_str().unwrap()).unwrap();
        let doc = gold::document(&a.id, &a.text);
        assert_eq!(doc.text(), a.text, "the document keeps the text as it is");
        let span = stancemark::model::text::Span::new(
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(doc.span_text(span), v["quote"].as_str().unwrap());
        assert!(doc.article.block_containing(span).is_some(), "a gold quote stays inside one paragraph");
        checked += 1;
    }
    assert_eq!(checked, 430);
}

/// (name, reached) pairs of one half's headline numbers.
fn headline(all: &Counts, direct: &Counts) -> [(&'static str, f64); 7] {
    [
        ("direct exact P", direct.exact().p),
        ("direct exact R", direct.exact().r),
        ("all GGT F1 strict", all.strict().f1),
        ("all GGT F1 lenient", all.lenient().f1),
        ("all exact F1", all.exact().f1),
        ("speaker accuracy", all.speaker_accuracy()),
        ("cue exact F1", all.cue().f1),
    ]
}

fn check(test_half: bool, reached: [f64; 7]) {
    let Some(articles) = articles() else { return };
    let part = gold::half(&articles, test_half);
    let scores = gold::evaluate(part);
    println!("{}", gold::table(if test_half { "test" } else { "dev" }, &scores));
    let now = headline(&scores.all(), scores.of(QuoteType::Direct));
    for ((name, value), floor) in now.iter().zip(reached) {
        assert!(*value >= floor - 0.02, "{name} fell to {value:.3}; it was {floor:.3}");
    }
}

#[test]
fn development_half_holds_its_numbers() {
    check(false, [1.000, 0.965, 0.925, 0.925, 0.878, 0.964, 0.928]);
}

#[test]
fn test_half_holds_its_numbers() {
    check(true, [1.000, 0.845, 0.874, 0.874, 0.809, 0.966, 0.874]);
}
