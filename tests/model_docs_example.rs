//! Keeps the complete example in `docs/format.md` equal to a real export: the document below
//! is built through actions on the sample article, exported, and compared with the file.
//! After a deliberate format change, regenerate with
//! `STANCEMARK_BLESS=1 cargo test --test model_docs_example` and review the diff.

#[path = "fixtures/common.rs"]
mod common;

use common::{create, span_of, span_of_nth};
use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationKind, QuoteType};
use stancemark::model::document::Document;
use stancemark::model::export::{document_json, flat_rows_jsonl};
use stancemark::model::import::document_from_json;
use stancemark::model::schema::Schema;
use stancemark::model::speaker::SpeakerKind;

fn example() -> Document {
    let mut article = common::sample_article();
    article.id = Some("ceasefire-2025-03-16".into());
    let mut doc = Document::new(article, Schema::default());
    let trump = common::add_speaker(&mut doc, "Donald Trump", SpeakerKind::Person, Some("U.S. President"));
    let peskov = common::add_speaker(&mut doc, "Dmitry Peskov", SpeakerKind::Person, Some("Kremlin spokesman"));
    doc.apply(Action::AddAlias { id: peskov.clone(), alias: "Peskov".into() }).unwrap();
    doc.apply(Action::SetSpeakerWikidata { id: trump.clone(), wikidata: Some("Q22686".into()) }).unwrap();

    let q = span_of(&doc, "There is a very good chance that this horrible, bloody war will finally end");
    let a1 = create(&mut doc, AnnotationKind::Quote, Some(QuoteType::Direct), q);
    let (cue, mention) = (span_of(&doc, "posted"), span_of_nth(&doc, "Trump", 4));
    for action in [
        Action::SetCue { id: a1.clone(), span: Some(cue) },
        Action::SetSourceMention { id: a1.clone(), span: Some(mention) },
        Action::SetSpeaker { id: a1.clone(), speaker: Some(trump) },
        Action::SetStance { id: a1.clone(), stance: Some("favor".into()) },
        Action::SetTarget { id: a1, target: Some("end-war-ukraine".into()) },
    ] {
        doc.apply(action).unwrap();
    }

    let f1 = span_of(&doc, "Of course, there are some reasons for cautious optimism,");
    let f2 = span_of(&doc, "There is still a lot of work to be done, but the president has expressed solidarity with President Trump's position.");
    let a2 = create(&mut doc, AnnotationKind::Quote, Some(QuoteType::Direct), f1);
    let (cue, mention) = (span_of_nth(&doc, "said", 5), span_of_nth(&doc, "Peskov", 4));
    assert_eq!(doc.span_text(mention), "Peskov");
    for action in [
        Action::AddFragment { id: a2.clone(), span: f2 },
        Action::SetCue { id: a2.clone(), span: Some(cue) },
        Action::SetSourceMention { id: a2.clone(), span: Some(mention) },
        Action::SetSpeaker { id: a2.clone(), speaker: Some(peskov) },
        Action::SetStance { id: a2.clone(), stance: Some("favor".into()) },
        Action::SetTarget { id: a2.clone(), target: Some("ceasefire-30day".into()) },
        Action::SetNote { id: a2, note: "Interrupted by \"Peskov said of the ceasefire proposal\".".into() },
    ] {
        doc.apply(action).unwrap();
    }
    let claim = span_of(&doc, "Russian forces have gained battlefield advantages");
    create(&mut doc, AnnotationKind::Claim, None, claim);
    doc
}

/// The fenced block between `<!-- BEGIN name -->` and `<!-- END name -->`.
fn block<'a>(doc: &'a str, name: &str) -> (usize, usize, &'a str) {
    let begin = format!("<!-- BEGIN {name} -->\n");
    let start = doc.find(&begin).unwrap_or_else(|| panic!("docs/format.md lacks {begin:?}")) + begin.len();
    let end = start + doc[start..].find(&format!("<!-- END {name} -->")).expect("END marker");
    (start, end, &doc[start..end])
}

fn fenced(lang: &str, body: &str) -> String {
    format!("```{lang}\n{}\n```\n", body.trim_end())
}

#[test]
fn the_example_in_docs_format_md_is_a_real_export() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md");
    let mut md = std::fs::read_to_string(path).expect("docs/format.md exists");
    let doc = example();
    doc.check_invariants().unwrap();
    let expected = [
        ("example document", fenced("json", &document_json(&doc))),
        ("example rows", fenced("json", &flat_rows_jsonl(&doc))),
    ];
    if std::env::var_os("STANCEMARK_BLESS").is_some() {
        for (name, body) in &expected {
            let (start, end, _) = block(&md, name);
            md.replace_range(start..end, body);
        }
        std::fs::write(path, &md).unwrap();
    }
    for (name, body) in &expected {
        assert_eq!(block(&md, name).2, body.as_str(), "docs/format.md's {name} is stale; see this file's header");
    }
    // And the documented example imports back to the same state.
    let json = block(&md, "example document").2.trim_start_matches("```json\n").trim_end_matches("```\n");
    assert_eq!(document_from_json(json).unwrap(), doc);
}
