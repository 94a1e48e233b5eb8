//! `stancemark agree` as a script would use it: two annotators' exports of a hand-made article
//! with known differences (table and JSON), datasets that do not pair (reported by name, exit
//! 1), and wrong usage (exit 2).

#[path = "fixtures/cli.rs"]
mod cli;

use cli::{stancemark, TempDir};
use stancemark::model::annotation::{Annotation, AnnotationId, AnnotationKind, QuoteType};
use stancemark::model::article::Article;
use stancemark::model::document::Document;
use stancemark::model::export::{dataset_document_line, document_json};
use stancemark::model::schema::Schema;
use stancemark::model::speaker::{Speaker, SpeakerId, SpeakerKind};
use stancemark::model::text::Span;

const TEXT: &str = "Peskov said the talks were useful. The minister argued that sanctions failed. \
Critics claim the plan is weak. Officials denied any deal was near.";

fn span(needle: &str) -> Span {
    let start = TEXT.find(needle).unwrap_or_else(|| panic!("{needle:?} not in the text"));
    Span::new(start, start + needle.len())
}

/// An annotation by `by` on `needle`; `qt` None makes a claim.
fn ann(by: &str, id: &str, qt: Option<QuoteType>, needle: &str) -> Annotation {
    let kind = if qt.is_some() { AnnotationKind::Quote } else { AnnotationKind::Claim };
    Annotation::new(AnnotationId(id.into()), kind, qt, vec![span(needle)], by, "2025-03-17T09:00:00Z")
}

fn person(id: &str, name: &str, aliases: &[&str]) -> Speaker {
    Speaker {
        id: SpeakerId(id.into()),
        name: name.into(),
        kind: SpeakerKind::Person,
        role: None,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        wikidata: None,
    }
}

/// Ana and Ben agree exactly on the Peskov quote (speakers named differently, one through an
/// alias) and on the claim; the minister's quote has other boundaries and stance; Ana alone
/// has the officials' quote, Ben alone "The minister argued".
fn ana_and_ben() -> (Document, Document) {
    let article = Article::parse_text(TEXT).unwrap();
    let mut ana = Document::new(article.clone(), Schema::default());
    ana.speakers = vec![person("s1", "Dmitry Peskov", &["Peskov"]), person("s2", "The minister", &[])];
    let mut a1 = ann("ana", "a1", Some(QuoteType::Direct), "the talks were useful");
    a1.cue = Some(span("said"));
    a1.speaker = Some("s1".into());
    a1.stance = Some("favor".into());
    a1.target = Some("ceasefire-30day".into());
    let mut a2 = ann("ana", "a2", Some(QuoteType::Indirect), "sanctions failed");
    a2.speaker = Some("s2".into());
    a2.stance = Some("against".into());
    let mut a3 = ann("ana", "a3", None, "the plan is weak");
    a3.stance = Some("against".into());
    let a4 = ann("ana", "a4", Some(QuoteType::Indirect), "any deal was near");
    ana.annotations = vec![a1, a2, a3, a4];

    let mut ben = Document::new(article, Schema::default());
    ben.speakers = vec![person("s1", "Peskov", &[]), person("s2", "the minister", &[])];
    let mut b1 = ann("ben", "b1", Some(QuoteType::Direct), "the talks were useful");
    b1.cue = Some(span("said"));
    b1.speaker = Some("s1".into());
    b1.stance = Some("favor".into());
    b1.target = Some("ceasefire-30day".into());
    let b5 = ann("ben", "b5", Some(QuoteType::Direct), "The minister argued");
    let mut b2 = ann("ben", "b2", Some(QuoteType::Indirect), "that sanctions failed");
    b2.speaker = Some("s2".into());
    b2.stance = Some("neutral".into());
    let mut b3 = ann("ben", "b3", None, "the plan is weak");
    b3.stance = Some("against".into());
    ben.annotations = vec![b1, b5, b2, b3];
    (ana, ben)
}

fn close(v: &serde_json::Value, expected: f64) {
    let x = v.as_f64().unwrap_or_else(|| panic!("expected {expected}, got {v}"));
    assert!((x - expected).abs() < 5e-4, "expected {expected:.4}, got {x:.4}");
}

#[test]
fn two_exports_of_one_article_give_the_known_figures() {
    let dir = TempDir::new("two");
    let (ana, ben) = ana_and_ben();
    // File names say nothing: the annotators are named by created_by.
    let a = dir.file("export-1.json", document_json(&ana));
    let b = dir.file("export-2.json", document_json(&ben));

    let out = stancemark(&["agree", &a, &b, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["annotators"], serde_json::json!(["ana", "ben"]));
    let c = &r["corpus"];
    // Exact: the Peskov quote and the claim of 4 + 4: 2·2/8. Lenient adds the minister's quote
    // (16 of 21 characters shared): 2·3/8. Quotes: 2·1/6 and 2·2/6.
    close(&c["f1"]["exact"]["all"]["mean"], 0.5);
    close(&c["f1"]["lenient"]["all"]["mean"], 0.75);
    close(&c["f1"]["exact"]["quote"]["mean"], 1.0 / 3.0);
    close(&c["f1"]["lenient"]["quote"]["mean"], 2.0 / 3.0);
    close(&c["f1"]["lenient"]["claim"]["mean"], 1.0);
    assert_eq!(c["f1"]["lenient"]["all"]["pairs"][0]["matched"], 3);
    // Stance on the three matched spans: (favor, favor), (against, neutral), (against,
    // against): κ = 0.5, α = 1 − 5·2/22.
    close(&c["kappa"]["stance"]["value"], 0.5);
    close(&c["alpha"]["stance"]["value"], 1.0 - 10.0 / 22.0);
    // Speakers: "Dmitry Peskov" (alias "Peskov") is Ben's "Peskov"; "The minister" is "the
    // minister": they agree on both quotes with a speaker.
    close(&c["alpha"]["speaker"]["value"], 1.0);
    assert_eq!(c["alpha"]["speaker"]["n"], 4);
    close(&c["alpha"]["quote_type"]["value"], 1.0);
    // A target on one matched span only: nothing varies, α is undefined (null), not 1.
    assert!(c["alpha"]["target"]["value"].is_null());
    // The claim is marked identically: α_U 1. The quotes differ.
    close(&c["alpha_u"]["claim"]["value"], 1.0);
    let quotes = c["alpha_u"]["quote"]["value"].as_f64().unwrap();
    assert!(quotes > 0.0 && quotes < 1.0, "{quotes}");
    // One article: no interval.
    assert!(c["f1"]["lenient"]["all"]["ci"].is_null());
    let unmatched = &r["articles"][0]["figures"]["unmatched"][0];
    assert_eq!(unmatched["only_a_ids"], serde_json::json!(["a4"]));
    assert_eq!(unmatched["only_b_ids"], serde_json::json!(["b5"]));
    assert!(r["unpaired"].as_array().unwrap().is_empty());

    let table = stancemark(&["agree", &a, &b]);
    assert_eq!(table.status.code(), Some(0));
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(text.contains("Agreement of 2 annotators (ana, ben) on 1 article"), "{text}");
    assert!(text.contains("ana vs ben: 1 only in ana, 1 only in ben"), "{text}");
    assert!(text.contains(": ana: a4   ben: b5"), "{text}");
    assert!(
        text.lines().any(|l| l.trim_start().starts_with("all") && l.contains("0.500") && l.contains("0.750")),
        "{text}"
    );

    // A stricter threshold drops the minister's quote (overlap 0.76) from the lenient matches.
    let strict = stancemark(&["agree", &a, &b, "--json", "--overlap", "0.8"]);
    let r: serde_json::Value = serde_json::from_slice(&strict.stdout).unwrap();
    close(&r["corpus"]["f1"]["lenient"]["all"]["mean"], 0.5);
}

#[test]
fn datasets_that_do_not_pair_are_reported_by_name_and_exit_1() {
    let dir = TempDir::new("unpaired");
    let (ana, ben) = ana_and_ben();
    let mut other = Document::new(Article::parse_text("Another story entirely.").unwrap(), Schema::default());
    other.article.id = Some("another-story".into());
    let a = dir.file("ana.jsonl", format!("{}\n{}\n", dataset_document_line(&ana), dataset_document_line(&other)));
    let b = dir.file("ben.jsonl", format!("{}\n", dataset_document_line(&ben)));

    let out = stancemark(&["agree", &a, &b, "--json", "--bootstrap", "0"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not paired: article \"another-story\"") && stderr.contains("is missing from ben"),
        "{stderr}"
    );
    // What did pair is still reported, with the unpaired article named in it.
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["articles"].as_array().unwrap().len(), 1);
    assert_eq!(r["unpaired"][0]["article"], "another-story");
    assert_eq!(r["unpaired"][0]["missing_in"], serde_json::json!(["ben"]));

    // Nothing in common: exit 1 and say so.
    let c = dir.file("cleo.jsonl", format!("{}\n", dataset_document_line(&other)));
    let out = stancemark(&["agree", &b, &c]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing pairs"));
    assert!(out.stdout.is_empty());
}

#[test]
fn wrong_usage_exits_2() {
    let dir = TempDir::new("usage");
    let (ana, ben) = ana_and_ben();
    let a = dir.file("ana.json", document_json(&ana));
    let b = dir.file("ben.json", document_json(&ben));
    assert_eq!(stancemark(&["agree", &a]).status.code(), Some(2));
    assert_eq!(stancemark(&["agree", &a, &b, "--overlap", "0"]).status.code(), Some(2));
    assert_eq!(stancemark(&["agree", &a, &b, "--bootstrap", "many"]).status.code(), Some(2));
    let help = stancemark(&["agree", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--overlap X"));
}
