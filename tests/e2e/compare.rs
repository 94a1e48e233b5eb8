//! Compare and adjudicate end to end: two annotators' exports of the sample with known
//! differences are opened in the Compare tab; the disagreement list and the figures are the
//! model's; the agreed spans are taken in one step, Bo's stance taken for the quote they differ
//! on, Ana's claim left out; the exported gold names who agreed and its offsets are exact.

#[path = "../fixtures/common.rs"]
mod common;

use serde_json::Value;
use stancemark::agreement::report::article_figures;
use stancemark::agreement::{Annotated, DEFAULT_OVERLAP};
use stancemark::model::action::Action;
use stancemark::model::annotation::AnnotationKind;
use stancemark::model::document::Document;
use stancemark::model::export::document_json;

use crate::support::Page;

fn by(mut doc: Document, who: &str) -> Document {
    for a in &mut doc.annotations {
        a.created_by = who.to_owned();
    }
    doc
}

/// Ana's version is the annotated sample; Bo gives its first quote another stance and has no claim.
fn versions() -> (Document, Document) {
    let ana = by(common::annotated_sample(), "ana");
    let mut bo = common::annotated_sample();
    let first = bo.annotations[0].id.clone();
    bo.apply(Action::SetStance { id: first, stance: Some("against".into()) }).unwrap();
    let claim = bo.annotations.iter().find(|a| a.kind == AnnotationKind::Claim).unwrap().id.clone();
    bo.apply(Action::DeleteAnnotation { id: claim }).unwrap();
    (ana, by(bo, "bo"))
}

fn python_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

#[tokio::test(flavor = "current_thread")]
async fn two_annotators_are_compared_adjudicated_and_exported_as_gold() {
    let page = Page::open().await;
    page.wait_for_css("[data-testid=paragraph]").await;
    let (ana, bo) = versions();
    let expected = article_figures(
        &[Annotated { annotator: "ana".into(), doc: &ana }, Annotated { annotator: "bo".into(), doc: &bo }],
        DEFAULT_OVERLAP,
    );
    let paths = [page.write_input("ana.json", &document_json(&ana)), page.write_input("bo.json", &document_json(&bo))];
    page.click("[role=tab]:nth-child(4)").await;
    let picker = page.wait_for_css("[data-testid=compare-files]").await;
    let paths: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    picker.send_keys(&paths.join("\n")).await.unwrap();

    let kinds = page.text_when("[data-testid=disagreements]", |t| t.contains("stance differs")).await;
    assert!(kinds.contains("only in ana"), "the claim only Ana has: {kinds}");
    assert_eq!(page.texts("[data-testid=disagreements] > li").await.len(), 2, "{kinds}");
    let figures = page.wait_for_css("[data-testid=compare-article-figures]").await.text().await.unwrap();
    let exact = expected.f1.exact.all.mean.unwrap();
    assert!(figures.contains(&format!("Span F1, exact {:.3}", exact)), "{figures}");

    // Everything but the two disagreements is agreed on.
    let agreed = ana.annotations.len() - 2;
    page.click("[data-testid=accept-agreed]").await;
    page.text_when("[data-testid=status]", |s| s.contains(&format!("{agreed} annotations"))).await;
    // The stance disagreement: Bo's version.
    page.js(
        "[...document.querySelectorAll('[data-testid=disagreements] > li > button')].find(b => b.textContent.includes('stance differs')).click()",
        vec![],
    )
    .await;
    page.click("[data-testid=take-1]").await;
    page.text_when("[data-testid=status]", |s| s.contains(&format!("{} annotations", agreed + 1))).await;
    // The claim only Ana has: left out.
    page.js(
        "[...document.querySelectorAll('[data-testid=disagreements] > li > button')].find(b => b.textContent.includes('only in ana')).click()",
        vec![],
    )
    .await;
    page.click("[data-testid=leave-out]").await;
    page.wait_until("document.querySelectorAll('[data-testid=disagreements] > li.settled').length === 2").await;

    page.click("button[title^='Download the document JSON']").await;
    let gold: Value = serde_json::from_str(&page.download(".stancemark.json").await).unwrap();
    let text = gold["text"].as_str().unwrap();
    let annotations = gold["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), agreed + 1, "the agreed ones and Bo's version of Trump's quote");
    for a in annotations {
        for f in a["fragments"].as_array().unwrap() {
            let (start, end) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
            assert_eq!(python_slice(text, start, end), f["text"].as_str().unwrap());
        }
    }
    let bos = annotations.iter().find(|a| a["stance"] == "against").expect("Bo's stance was taken");
    assert_eq!(bos["agreed_by"], serde_json::json!(["bo"]));
    let both = annotations.iter().filter(|a| a["agreed_by"] == serde_json::json!(["ana", "bo"])).count();
    assert_eq!(both, agreed);
    let claims = |doc: &Document| doc.annotations.iter().filter(|a| a.kind == AnnotationKind::Claim).count();
    let gold_claims = annotations.iter().filter(|a| a["kind"] == "claim").count();
    assert_eq!(gold_claims, claims(&ana) - 1, "Ana's claim that Bo lacks was left out");
    page.close().await;
}
