//! Annotates the sample article through the real UI and saves `docs/screenshot.png`, the
//! README's picture of real annotation work. Needs a built dist/ and Chromium:
//! `./run build && cargo run --example readme_screenshot --features e2e`.

// Shared with the end-to-end tests; this program uses only part of it.
#[allow(dead_code)]
#[path = "../tests/e2e/support/mod.rs"]
mod support;

use std::time::Duration;

use support::Page;

async fn pause() {
    tokio::time::sleep(Duration::from_millis(200)).await;
}

/// Selects `needle` inside `context`, presses `key`, and waits for the page to settle.
async fn tag(page: &Page, context: &str, needle: &str, key: char) {
    page.drag_select(context, needle).await;
    pause().await;
    page.press(&[], key).await;
    pause().await;
}

async fn speaker_from_mention(page: &Page, context: &str, mention: &str) {
    tag(page, context, mention, 'm').await;
    page.click("[data-testid=speaker-from-mention]").await;
    pause().await;
}

async fn existing_speaker(page: &Page, context: &str, mention: &str, name: &str) {
    tag(page, context, mention, 'm').await;
    let input = page.wait_for_css("[data-testid=speaker-input]").await;
    input.send_keys(&format!("{name}\u{E007}")).await.unwrap();
    pause().await;
}

async fn target(page: &Page, id: &str) {
    page.wait_for_css("[data-testid=target-select]").await.select_by_value(id).await.unwrap();
    pause().await;
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let page = Page::open().await;
    page.client.set_window_size(1400, 900).await.unwrap();

    tag(
        &page,
        "\"There is a very good chance that this horrible, bloody war will finally end,\"",
        "There is a very good chance that this horrible, bloody war will finally end",
        'q',
    )
    .await;
    speaker_from_mention(&page, "end,\" Trump posted", "Trump").await;
    tag(&page, "Trump posted on his Truth Social", "posted", 'u').await;
    page.press(&[], '1').await;
    target(&page, "end-war-ukraine").await;

    tag(
        &page,
        "Russian forces have gained battlefield advantages",
        "Russian forces have gained battlefield advantages",
        'c',
    )
    .await;

    tag(
        &page,
        "\"Both sides understand that such a call is needed,\"",
        "Both sides understand that such a call is needed",
        'q',
    )
    .await;
    speaker_from_mention(&page, "needed,\" Peskov said.", "Peskov").await;
    tag(&page, "needed,\" Peskov said.", "said", 'u').await;
    page.press(&[], '1').await;
    target(&page, "putin-trump-call").await;

    tag(
        &page,
        "\"Of course, there are some reasons for cautious optimism,\"",
        "Of course, there are some reasons for cautious optimism",
        'q',
    )
    .await;
    existing_speaker(&page, "optimism,\" Peskov said of", "Peskov", "Peskov").await;
    tag(&page, "Peskov said of the ceasefire", "said", 'u').await;
    page.press(&[], '1').await;
    target(&page, "ceasefire-30day").await;
    let second = "There is still a lot of work to be done, but the president has expressed solidarity with President Trump's position";
    tag(&page, second, second, 'f').await;

    // Leave a fresh selection pending so the floating toolbar shows too.
    page.drag_select(
        "Peskov said that a phone call between Putin and Trump could be arranged",
        "a phone call between Putin and Trump could be arranged",
    )
    .await;
    pause().await;
    page.js("document.querySelector('.seg.selected').scrollIntoView({block: 'center'});", vec![]).await;
    pause().await;
    let png = page.client.screenshot().await.unwrap();
    let out = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/screenshot.png");
    std::fs::write(out, png).unwrap();
    println!("wrote {out}");
    page.close().await;
}
