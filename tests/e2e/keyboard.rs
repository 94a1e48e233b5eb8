//! Keyboard-only work, the help sheet, and a browser that refuses to save.

use crate::support::keys::{ALT, ARROW_LEFT, ARROW_RIGHT, CONTROL, ENTER, ESCAPE, SHIFT};
use crate::support::Page;

#[tokio::test(flavor = "current_thread")]
async fn text_is_selected_and_tagged_with_the_keyboard_alone() {
    let page = Page::open().await;
    // The caret starts at the title; Ctrl+Shift+→ selects word by word.
    page.press(&[], ARROW_RIGHT).await;
    page.press(&[], ARROW_LEFT).await; // back to the start
    for _ in 0..2 {
        page.press(&[CONTROL, SHIFT], ARROW_RIGHT).await;
    }
    page.text_when("[data-testid=status]", |status| status.contains("“US envoy” (0–8)")).await;
    page.press(&[], 'c').await;
    page.text_when("[data-testid=details-text]", |details| details == "US envoy").await;
    let heading = page.wait_for_css("[data-testid=details] h2").await.text().await.unwrap();
    assert!(heading.to_lowercase().contains("claim"), "heading: {heading}");
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn question_mark_opens_the_keyboard_sheet_and_escape_closes_it() {
    let page = Page::open().await;
    page.press(&[SHIFT], '?').await;
    let sheet = page.wait_for_css("[data-testid=help]").await.text().await.unwrap();
    assert!(sheet.contains("make the selection a quote") && sheet.contains("undo"), "{sheet}");
    page.press(&[], ESCAPE).await;
    page.wait_until("document.querySelector('[data-testid=help]') === null").await;
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_full_storage_is_reported_and_work_stays_exportable() {
    let page = Page::open().await;
    // Every later database write fails the way a full quota does.
    page.wait_for_css("[data-testid=paragraph]").await;
    page.js(
        "const full = function () { throw new DOMException('full', 'QuotaExceededError'); };
         IDBObjectStore.prototype.add = full; IDBObjectStore.prototype.put = full;",
        vec![],
    )
    .await;
    page.drag_select("he was also \"cautiously optimistic.\"", "cautiously optimistic").await;
    page.press(&[], 'q').await;
    page.text_when("[data-testid=status]", |status| status.contains("Not saved: the browser's storage is full")).await;
    page.click("button[title^='Download the document JSON']").await;
    let exported: serde_json::Value = serde_json::from_str(&page.download(".stancemark.json").await).unwrap();
    assert_eq!(exported["annotations"][0]["fragments"][0]["text"], "cautiously optimistic");
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn boundaries_move_by_reselecting_and_new_targets_are_chosen_at_once() {
    let page = Page::open().await;
    page.drag_select("Trump posted on his Truth Social site", "Trump posted").await;
    page.press(&[], 'c').await;
    page.text_when("[data-testid=details-text]", |d| d == "Trump posted").await;
    // A wider selection replaces the span, moving its end with the mouse.
    page.drag_select("Trump posted on his Truth Social site", "Trump posted on his Truth Social site").await;
    page.click("[data-testid=replace-span]").await;
    page.text_when("[data-testid=details-text]", |d| d == "Trump posted on his Truth Social site").await;
    // Alt+Shift+← moves the end back by a word, from the keyboard.
    page.press(&[ALT, SHIFT], ARROW_LEFT).await;
    page.text_when("[data-testid=details-text]", |d| d == "Trump posted on his Truth Social").await;

    let input = page.wait_for_css("[data-testid=new-target]").await;
    input.send_keys(&format!("Ukraine's military position{ENTER}")).await.unwrap();
    page.wait_until("(s => s.options[s.selectedIndex].text)(document.querySelector('[data-testid=target-select]')) === \"Ukraine's military position\"").await;
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn keys_the_app_takes_do_nothing_else_in_the_browser() {
    let page = Page::open().await;
    // A native selection of "Kremlin" that the app has not taken (there was no mouseup).
    page.js(
        r#"const walker = document.createTreeWalker(document.querySelector('[data-testid=article]'), NodeFilter.SHOW_TEXT);
           let node; while ((node = walker.nextNode()) && !node.data.includes('Kremlin spokesman')) {}
           const range = document.createRange(), at = node.data.indexOf('Kremlin');
           range.setStart(node, at); range.setEnd(node, at + 'Kremlin'.length);
           getSelection().removeAllRanges(); getSelection().addRange(range);
           return getSelection().toString();"#,
        vec![],
    )
    .await;
    // Shift+→ extends the app's own selection from its caret at the start...
    page.press(&[SHIFT], ARROW_RIGHT).await;
    page.text_when("[data-testid=status]", |status| status.contains("“U” (0–1)")).await;
    // ...and not the browser's, which would have grown to "Kremlin " had the key gone on to it.
    let native = page.js("return getSelection().toString();", vec![]).await;
    assert_eq!(native, "Kremlin");
    page.close().await;
}
