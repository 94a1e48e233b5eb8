//! Two tabs on the same browser profile: one at a time works on the database, and handing the
//! work over between them loses nothing, in either direction.

use fantoccini::wd::WindowHandle;

use crate::support::Page;

/// Waits for the side panel's tab to read "Annotations (count)".
async fn annotations(page: &Page, count: usize) {
    let label = format!("Annotations ({count})");
    page.text_when(&format!("[role=tab][title='{label}']"), |text| text == label).await;
}

/// Tags `needle` (inside `context`) as a quote or a claim, and waits for the list to grow to `count`.
async fn tag(page: &Page, context: &str, needle: &str, key: char, count: usize) {
    page.drag_select(context, needle).await;
    page.press(&[], key).await;
    annotations(page, count).await;
}

async fn switch(page: &Page, window: &WindowHandle) {
    page.client.switch_to_window(window.clone()).await.unwrap();
}

async fn shows_elsewhere(page: &Page, state: &str) {
    page.wait_for_css(&format!("[data-testid=elsewhere][data-state={state}]")).await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_second_tab_takes_over_after_the_first_saves_and_hands_back_the_same_way() {
    let page = Page::open().await;
    let first = page.client.window().await.unwrap();
    tag(&page, "Kremlin spokesman Dmitry Peskov said on Friday", "Kremlin spokesman Dmitry Peskov", 'c', 1).await;

    // A second tab on the same profile finds the work open in the first, and touches nothing.
    let second = page.client.new_window(true).await.unwrap().handle;
    switch(&page, &second).await;
    page.client.goto(&page.server.origin).await.unwrap();
    shows_elsewhere(&page, "busy").await;
    assert_eq!(page.texts("[data-testid=article]").await.len(), 0, "the busy tab shows no article");

    // "Use it here": the first tab saves and steps aside; the claim just made is here.
    page.click("[data-testid=use-here]").await;
    page.wait_for_css("[data-testid=article] [data-start]").await;
    annotations(&page, 1).await;
    tag(&page, "Putin met with U.S. envoy Steve Witkoff to discuss", "Putin met with U.S. envoy Steve Witkoff", 'c', 2)
        .await;

    switch(&page, &first).await;
    shows_elsewhere(&page, "handedover").await;
    page.click("[data-testid=use-here]").await;
    page.wait_for_css("[data-testid=article] [data-start]").await;
    annotations(&page, 2).await;

    switch(&page, &second).await;
    shows_elsewhere(&page, "handedover").await;

    // What the first tab holds now is what is stored: a reload of it shows the same.
    switch(&page, &first).await;
    page.reload().await;
    annotations(&page, 2).await;
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_edit_not_yet_saved_when_another_tab_asks_is_saved_before_the_handover() {
    let page = Page::open().await;
    page.drag_select("Kremlin spokesman Dmitry Peskov said on Friday", "Kremlin spokesman Dmitry Peskov").await;
    // The claim key and another tab's request in one turn of the page: the edit's save waits
    // for the next paint, so only the handover itself can have written it.
    let script = "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true }));
        const channel = new BroadcastChannel('stancemark'); channel.postMessage('release'); channel.close();
        return 1;";
    page.js(script, vec![]).await;
    shows_elsewhere(&page, "handedover").await;
    // Nobody holds the work now: this tab opens it again, from storage, with the claim.
    page.reload().await;
    annotations(&page, 1).await;
    page.close().await;
}
