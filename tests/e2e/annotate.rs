//! Annotating like a person: drag-select a real quote in the sample, tag it, give it a speaker
//! from its source mention, a stance and a target, add its second fragment, export, reload,
//! undo, redo, delete; and bad input changes nothing.

use std::time::Duration;

use serde_json::{json, Value};

use crate::support::Page;

const CTRL: char = '\u{E009}';
const SHIFT: char = '\u{E008}';
const DELETE: char = '\u{E017}';

/// The canonical text's code points `start..end`: what Python's `text[start:end]` gives.
fn python_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

async fn settle(page: &Page) {
    // Yew renders on its scheduler; give it a frame.
    tokio::time::sleep(Duration::from_millis(150)).await;
    let _ = page;
}

async fn annotation_count(page: &Page) -> usize {
    page.js("return document.querySelectorAll('[data-testid=annotation-list] li').length;", vec![]).await.as_u64().unwrap()
        as usize
}

async fn details_text(page: &Page) -> String {
    page.wait_for_css("[data-testid=details-text]").await.text().await.unwrap()
}

async fn pressed(page: &Page, css: &str) -> bool {
    page.wait_for_css(css).await.attr("aria-pressed").await.unwrap().as_deref() == Some("true")
}

/// Tags Peskov's interrupted quote in the sample the way a person would, by mouse and keys.
async fn tag_peskovs_quote(page: &Page) {
    let context = "\"Of course, there are some reasons for cautious optimism,\" Peskov said";
    page.drag_select(context, "Of course, there are some reasons for cautious optimism").await;
    settle(page).await;
    page.click("[data-testid=make-quote]").await;
    settle(page).await;
    assert_eq!(details_text(page).await, "Of course, there are some reasons for cautious optimism");

    // The source mention, and a speaker made from it in one step.
    page.drag_select("optimism,\" Peskov said of", "Peskov").await;
    settle(page).await;
    page.press(&[], 'm').await;
    settle(page).await;
    page.click("[data-testid=speaker-from-mention]").await;
    settle(page).await;
    let speaker = page.wait_for_css("[data-testid=current-speaker]").await.text().await.unwrap();
    assert!(speaker.starts_with("Peskov"), "speaker shown: {speaker}");

    // The cue, by keyboard.
    page.drag_select("Peskov said of the ceasefire", "said").await;
    settle(page).await;
    page.press(&[], 'u').await;
    settle(page).await;
    let cue = page.wait_for_css("[data-testid=cue-row]").await.text().await.unwrap();
    assert!(cue.contains("said"), "cue row: {cue}");

    // Stance by number key, target from the list.
    page.press(&[], '1').await;
    settle(page).await;
    assert!(pressed(page, "[data-testid=stance-favor]").await);
    page.wait_for_css("[data-testid=target-select]").await.select_by_value("ceasefire-30day").await.unwrap();
    settle(page).await;

    // The quote goes on after "Peskov said of the ceasefire proposal": its second fragment.
    let second = "There is still a lot of work to be done, but the president has expressed solidarity with President Trump's position";
    page.drag_select(second, second).await;
    settle(page).await;
    page.press(&[], 'f').await;
    settle(page).await;
    assert_eq!(
        details_text(page).await,
        format!("Of course, there are some reasons for cautious optimism…{second}")
    );
}

#[tokio::test(flavor = "current_thread")]
async fn a_quote_is_tagged_exported_and_restored_after_reload() {
    let page = Page::open().await;
    tag_peskovs_quote(&page).await;

    // Undo and redo the last step (the second fragment), by keyboard.
    page.press(&[CTRL], 'z').await;
    settle(&page).await;
    assert_eq!(details_text(&page).await, "Of course, there are some reasons for cautious optimism");
    page.press(&[CTRL, SHIFT], 'z').await;
    settle(&page).await;
    assert!(details_text(&page).await.contains("There is still a lot of work"));

    // Export the document JSON and check it as a consumer would.
    page.click("button[title^='Download the document JSON']").await;
    let exported: Value = serde_json::from_str(&page.download(".stancemark.json").await).unwrap();
    let text = exported["text"].as_str().unwrap();
    let annotations = exported["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), 1);
    let quote = &annotations[0];
    assert_eq!(quote["kind"], "quote");
    let fragments = quote["fragments"].as_array().unwrap();
    assert_eq!(fragments.len(), 2);
    for fragment in fragments {
        let (start, end) = (fragment["start"].as_u64().unwrap(), fragment["end"].as_u64().unwrap());
        assert_eq!(python_slice(text, start, end), fragment["text"].as_str().unwrap());
    }
    assert_eq!(fragments[0]["text"], "Of course, there are some reasons for cautious optimism");
    assert_eq!(quote["stance"], "favor");
    assert_eq!(quote["target"], "ceasefire-30day");
    assert_eq!(quote["cue"]["text"], "said");
    assert_eq!(quote["source_mention"]["text"], "Peskov");
    let speaker_id = quote["speaker"].as_str().unwrap();
    let speakers = exported["speakers"].as_array().unwrap();
    let speaker = speakers.iter().find(|s| s["id"] == speaker_id).expect("the speaker is exported");
    assert_eq!(speaker["name"], "Peskov");

    // A reload restores everything.
    page.reload().await;
    page.click("[role=tab]:nth-child(2)").await;
    settle(&page).await;
    assert_eq!(annotation_count(&page).await, 1);
    page.press(&[], 'j').await;
    settle(&page).await;
    let current = page.wait_for_css("[data-testid=annotation-list] [aria-current=true]").await.text().await.unwrap();
    assert!(current.contains("Peskov · favor → the 30-day ceasefire proposal"), "list row: {current}");
    page.click("[role=tab]:nth-child(1)").await;
    settle(&page).await;
    assert!(details_text(&page).await.contains("There is still a lot of work"));
    assert!(pressed(&page, "[data-testid=stance-favor]").await);
    let highlighted = page.texts(".seg.quote").await.concat();
    assert!(highlighted.contains("Of course, there are some reasons for cautious optimism"), "{highlighted}");

    // Export again after the reload: byte for byte the same document.
    page.click("button[title^='Download the document JSON']").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let again: Vec<Value> = std::fs::read_dir(&page.downloads)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".stancemark"))
        .map(|e| serde_json::from_str(&std::fs::read_to_string(e.path()).unwrap()).unwrap())
        .collect();
    assert!(again.len() >= 2, "second export missing");
    assert!(again.iter().all(|doc| doc == &exported), "the reloaded state differs from the exported one");
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn deleting_and_undoing_and_bad_files_keep_work_safe() {
    let page = Page::open().await;
    page.drag_select("Trump posted on his Truth Social", "Trump").await;
    settle(&page).await;
    page.press(&[], 'c').await;
    settle(&page).await;
    page.click("[role=tab]:nth-child(2)").await;
    settle(&page).await;
    assert_eq!(annotation_count(&page).await, 1);

    page.press(&[], 'j').await;
    settle(&page).await;
    page.press(&[], DELETE).await;
    settle(&page).await;
    page.click("[role=tab]:nth-child(2)").await;
    settle(&page).await;
    assert_eq!(annotation_count(&page).await, 0);
    page.press(&[CTRL], 'z').await;
    settle(&page).await;
    assert_eq!(annotation_count(&page).await, 1);
    page.press(&[CTRL], 'y').await;
    settle(&page).await;
    assert_eq!(annotation_count(&page).await, 0);
    page.press(&[CTRL], 'z').await;
    settle(&page).await;

    // A truncated export is refused with the importer's message, and nothing changes.
    let broken = page.downloads.join("broken.json");
    std::fs::write(&broken, r#"{"format": "stancemark-document", "version": 1, "text": "Hello"#).unwrap();
    page.wait_for_css("[data-testid=open-file]").await.send_keys(broken.to_str().unwrap()).await.unwrap();
    let notice = page.wait_for_css(".notice.error").await.text().await.unwrap();
    assert!(notice.contains("nothing changed"), "notice: {notice}");
    assert_eq!(annotation_count(&page).await, 1);
    let title = page.texts("[data-testid=title] [data-start]").await.concat();
    assert!(title.starts_with("US envoy is taking Putin"), "title now: {title}");
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_article_with_markup_and_emoji_renders_literally_with_exact_offsets() {
    let page = Page::open().await;
    let article = "Test <b>bold</b> title\r\n\r\n2025-01-02\r\n\r\nAbstract: 👩‍👩‍👧 family <img src=x onerror=\"window.pwned=1\">\r\n\r\n\
                   He said \"<script>window.pwned=2</script> 👍🏽 great café\" today. 漢字 after.\r\n";
    let path = page.downloads.join("markup.txt");
    std::fs::write(&path, article).unwrap();
    page.wait_for_css("[data-testid=open-file]").await.send_keys(path.to_str().unwrap()).await.unwrap();
    page.wait_until("document.querySelector('[data-testid=title]')?.textContent.includes('<b>bold</b>')").await;
    assert!(page.js("return document.querySelector('[data-testid=article] b, [data-testid=article] img, [data-testid=article] script') === null;", vec![]).await == json!(true));
    assert_eq!(page.js("return window.pwned === undefined;", vec![]).await, json!(true));
    let abstract_text = page.texts("[data-testid=abstract] [data-start]").await.concat();
    assert_eq!(abstract_text, "👩‍👩‍👧 family <img src=x onerror=\"window.pwned=1\">");

    page.drag_select("👍🏽 great café", "great café").await;
    settle(&page).await;
    page.press(&[], 'q').await;
    settle(&page).await;
    page.click("button[title^='Download the document JSON']").await;
    let exported: Value = serde_json::from_str(&page.download(".stancemark.json").await).unwrap();
    let text = exported["text"].as_str().unwrap();
    assert!(!text.contains('\r'), "CRLF is normalised");
    let fragment = &exported["annotations"][0]["fragments"][0];
    let (start, end) = (fragment["start"].as_u64().unwrap(), fragment["end"].as_u64().unwrap());
    assert_eq!(python_slice(text, start, end), "great café");
    assert_eq!(fragment["text"], "great café");
    page.close().await;
}
