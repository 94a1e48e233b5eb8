//! The speakers panel: duplicates merged, aliases, role and Wikidata id, with refusals explained.

use crate::support::keys::ENTER;
use crate::support::Page;

#[tokio::test(flavor = "current_thread")]
async fn duplicate_speakers_merge_and_entities_get_an_id() {
    let page = Page::open().await;
    // Two quotes by the same man, attributed two ways.
    page.drag_select(
        "\"Both sides understand that such a call is needed,\"",
        "Both sides understand that such a call is needed",
    )
    .await;
    page.press(&[], 'q').await;
    page.drag_select("needed,\" Peskov said.", "Peskov").await;
    page.press(&[], 'm').await;
    page.click("[data-testid=speaker-from-mention]").await;
    page.text_when("[data-testid=current-speaker]", |s| s.starts_with("Peskov")).await;

    page.drag_select(
        "Kremlin spokesman Dmitry Peskov said on Friday",
        "Kremlin spokesman Dmitry Peskov said on Friday",
    )
    .await;
    page.press(&[], 'c').await;
    page.text_when("[data-testid=details-text]", |t| t == "Kremlin spokesman Dmitry Peskov said on Friday").await;
    let input = page.wait_for_css("[data-testid=speaker-input]").await;
    input.send_keys("Dmitry Peskov").await.unwrap();
    page.click("[data-testid=speaker-create]").await;
    page.text_when("[data-testid=current-speaker]", |s| s.starts_with("Dmitry Peskov")).await;

    // Merge "Peskov" into "Dmitry Peskov": one speaker, both annotations, the old name an alias.
    page.click("[role=tab]:nth-child(3)").await;
    page.wait_until("document.querySelectorAll('[data-testid=speaker-card]').length === 2").await;
    let merged = page
        .js(
            "const card = [...document.querySelectorAll('[data-testid=speaker-card]')].find(c => c.querySelector('.name').textContent === 'Dmitry Peskov');
             const select = card.querySelector('select[aria-label^=\"Merge\"]');
             select.value = [...select.options].find(o => o.text === 'Peskov').value;
             select.dispatchEvent(new Event('change', { bubbles: true }));
             return true;",
            vec![],
        )
        .await;
    assert_eq!(merged, serde_json::json!(true));
    page.wait_until("document.querySelectorAll('[data-testid=speaker-card]').length === 1").await;
    let card = page.text_when("[data-testid=speaker-card]", |c| c.contains("2 annotations")).await;
    assert!(card.contains("also: Peskov"), "card: {card}");

    // A malformed Wikidata id is refused with a reason; a good one is kept.
    let wikidata = page.wait_for_css("[data-testid=speaker-card] input[aria-label^='Wikidata']").await;
    wikidata.send_keys(&format!("Peskov{ENTER}")).await.unwrap();
    page.text_when(".notice.error", |n| n.contains("Q")).await;
    let wikidata = page.wait_for_css("[data-testid=speaker-card] input[aria-label^='Wikidata']").await;
    wikidata.send_keys(&format!("Q4115712{ENTER}")).await.unwrap();
    page.text_when("[data-testid=speaker-card]", |c| c.contains("Wikidata Q4115712")).await;
    page.close().await;
}
