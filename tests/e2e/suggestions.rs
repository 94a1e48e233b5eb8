//! Suggestions on the sample: Suggest shows dashed ghosts; one is rejected with Delete, one
//! accepted with A, another accepted and undone; the export holds only the accepted one, with
//! its origin and rule, and Python-exact offsets; after a reload the rejection is remembered.

use serde_json::Value;

use crate::support::keys::{CONTROL, DELETE};
use crate::support::Page;

fn python_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

async fn card_text(page: &Page) -> String {
    page.wait_for_css("[data-testid=suggestion-text]").await.text().await.unwrap()
}

async fn annotations_in_status(page: &Page, count: usize) {
    page.text_when("[data-testid=status]", |s| s.contains(&format!("{count} annotation"))).await;
}

#[tokio::test(flavor = "current_thread")]
async fn suggestions_are_accepted_rejected_undone_exported_and_remembered() {
    let page = Page::open().await;
    page.wait_for_css("[data-testid=paragraph]").await;
    page.press(&[], 'g').await;
    page.wait_until("document.querySelectorAll('.seg.ghost').length > 3").await;
    page.wait_until("document.querySelectorAll('.seg.ghost-current').length > 0").await;

    // Delete rejects the current suggestion; the next one becomes current.
    let rejected = card_text(&page).await;
    page.press(&[], DELETE).await;
    page.text_when("[data-testid=suggestion-text]", |t| t != rejected).await;
    annotations_in_status(&page, 0).await;

    // A accepts the current one: an annotation, and no longer a ghost.
    let accepted = card_text(&page).await;
    page.press(&[], 'a').await;
    annotations_in_status(&page, 1).await;
    page.text_when("[data-testid=suggestion-text]", |t| t != accepted).await;

    // Accepting another and undoing it leaves one annotation and brings its ghost back.
    let undone = card_text(&page).await;
    page.press(&[], 'a').await;
    annotations_in_status(&page, 2).await;
    page.press(&[CONTROL], 'z').await;
    annotations_in_status(&page, 1).await;
    let ghosts = page.texts(".seg.ghost").await.concat();
    let undone_start: String = undone.chars().take(20).collect();
    assert!(ghosts.contains(&undone_start), "the undone suggestion is a ghost again: {ghosts}");

    page.click("button[title^='Download the document JSON']").await;
    let exported: Value = serde_json::from_str(&page.download(".stancemark.json").await).unwrap();
    let text = exported["text"].as_str().unwrap();
    let annotations = exported["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), 1, "only the accepted suggestion is exported");
    let quote = &annotations[0];
    assert_eq!(quote["origin"], "suggestion");
    assert!(quote["rule"].as_str().is_some_and(|r| !r.is_empty()), "{quote}");
    let fragments: Vec<String> = quote["fragments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let (start, end) = (f["start"].as_u64().unwrap(), f["end"].as_u64().unwrap());
            assert_eq!(python_slice(text, start, end), f["text"].as_str().unwrap());
            python_slice(text, start, end)
        })
        .collect();
    assert_eq!(fragments.join(" … "), accepted);
    let rejections = exported["rejected_suggestions"].as_array().expect("the rejection is in the document");
    assert_eq!(rejections.len(), 1);

    // After a reload, Suggest again does not bring the rejected one back.
    page.reload().await;
    page.wait_for_css("[data-testid=paragraph]").await;
    annotations_in_status(&page, 1).await;
    page.press(&[], 'g').await;
    page.wait_until("document.querySelectorAll('.seg.ghost').length > 3").await;
    let notice = page.wait_for_css("[data-testid=notice]").await.text().await.unwrap();
    assert!(notice.contains("already annotated or rejected"), "{notice}");
    assert_ne!(card_text(&page).await, rejected, "the rejected suggestion is not current again");
    let ghosts = page.texts(".seg.ghost").await.concat();
    let rejected_start: String = rejected.chars().take(20).collect();
    assert!(!ghosts.contains(&rejected_start), "no ghost for the rejected suggestion: {ghosts}");
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn suggest_in_new_articles_accepts_the_sure_ones_and_leaves_the_open_article_alone() {
    let page = Page::open().await;
    let records = [
        serde_json::json!({"id": "harbour", "title": "Harbour", "text": "\"We will not sign anything this week,\" said Mayor Ana Lopes on Monday.\n\n\"Nobody wants a long winter,\" Lopes told reporters."}),
        serde_json::json!({"id": "quiet", "title": "Quiet", "text": "Nothing was said here at all."}),
    ];
    let jsonl = page.write_input("new.jsonl", &records.iter().map(Value::to_string).collect::<Vec<_>>().join("\n"));
    page.click("[data-testid=show-corpus]").await;
    page.wait_for_css("[data-testid=import-files]").await.send_keys(jsonl.to_str().unwrap()).await.unwrap();
    page.wait_until("document.querySelectorAll('[data-testid=corpus-row]').length === 3").await;

    page.click("[data-testid=suggest-new]").await;
    let message = page.text_when("[data-testid=suggest-status] .job-line", |t| t.starts_with("Accepted")).await;
    assert!(message.contains("2 suggestions in 1 article"), "{message}");
    assert!(message.contains("1 article open in this tab left alone"), "the sample is open: {message}");
    let row = "[data-testid=corpus-row][data-article-id='harbour']";
    page.text_when(&format!("{row} .c-status"), |s| s == "New").await;
    page.text_when(&format!("{row} td.c-num"), |quotes| quotes == "2").await;

    // Stored, not only shown: after a reload the article opens with the two accepted quotes.
    page.reload().await;
    page.click("[data-testid=show-corpus]").await;
    page.click(row).await;
    page.text_when("[data-testid=title]", |t| t.contains("Harbour")).await;
    page.text_when("[data-testid=status]", |s| s.contains("2 annotations")).await;
    page.click("button[title^='Download the document JSON']").await;
    let exported: Value = serde_json::from_str(&page.download(".stancemark.json").await).unwrap();
    for quote in exported["annotations"].as_array().unwrap() {
        assert_eq!(quote["origin"], "suggestion");
        assert_eq!(quote["created_by"], "suggestions");
    }
    page.close().await;
}
