//! Annotating like a person: drag-select a real quote in the sample, tag it, give it a speaker
//! from its source mention, a stance and a target, add its second fragment, export, reload,
//! undo, redo, delete; and bad input changes nothing.

use serde_json::{json, Value};

use crate::support::keys::{CONTROL, DELETE, SHIFT};
use crate::support::Page;

/// The canonical text's code points `start..end`: what Python's `text[start:end]` gives.
fn python_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

/// Waits for the details panel to show `expected` as the annotation's text.
async fn expect_details(page: &Page, expected: &str) {
    page.text_when("[data-testid=details-text]", |text| text == expected).await;
}

async fn expect_pressed(page: &Page, css: &str) {
    page.wait_until(&format!("document.querySelector('{css}')?.getAttribute('aria-pressed') === 'true'")).await;
}

async fn expect_annotations(page: &Page, count: usize) {
    page.wait_until(&format!("document.querySelectorAll('[data-testid=annotation-list] li').length === {count}")).await;
}

/// Waits until the app shows `target` as the selected annotation's target.
async fn expect_target(page: &Page, target: &str) {
    // The option's `selected` attribute comes from the app's render; picking an option in the
    // list only sets the element's live value.
    page.wait_until(&format!(
        "document.querySelector('[data-testid=target-select] option[value=\"{target}\"]')?.defaultSelected"
    ))
    .await;
}

/// Tags Peskov's interrupted quote in the sample the way a person would, by mouse and keys.
async fn tag_peskovs_quote(page: &Page) {
    let context = "\"Of course, there are some reasons for cautious optimism,\" Peskov said";
    page.drag_select(context, "Of course, there are some reasons for cautious optimism").await;
    page.click("[data-testid=make-quote]").await;
    expect_details(page, "Of course, there are some reasons for cautious optimism").await;

    // The source mention, and a speaker made from it in one step (offered once the mention is set).
    page.drag_select("optimism,\" Peskov said of", "Peskov").await;
    page.press(&[], 'm').await;
    page.click("[data-testid=speaker-from-mention]").await;
    page.text_when("[data-testid=current-speaker]", |speaker| speaker.starts_with("Peskov")).await;

    // The cue, by keyboard.
    page.drag_select("Peskov said of the ceasefire", "said").await;
    page.press(&[], 'u').await;
    page.text_when("[data-testid=cue-row]", |cue| cue.contains("said")).await;

    // Stance by number key, target from the list.
    page.press(&[], '1').await;
    expect_pressed(page, "[data-testid=stance-favor]").await;
    page.wait_for_css("[data-testid=target-select]").await.select_by_value("ceasefire-30day").await.unwrap();
    expect_target(page, "ceasefire-30day").await;

    // The quote goes on after "Peskov said of the ceasefire proposal": its second fragment.
    let second = "There is still a lot of work to be done, but the president has expressed solidarity with President Trump's position";
    page.drag_select(second, second).await;
    page.press(&[], 'f').await;
    expect_details(page, &format!("Of course, there are some reasons for cautious optimism…{second}")).await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_quote_is_tagged_exported_and_restored_after_reload() {
    let page = Page::open().await;
    tag_peskovs_quote(&page).await;

    // Undo and redo the last step (the second fragment), by keyboard.
    page.press(&[CONTROL], 'z').await;
    expect_details(&page, "Of course, there are some reasons for cautious optimism").await;
    page.press(&[CONTROL, SHIFT], 'z').await;
    page.text_when("[data-testid=details-text]", |text| text.contains("There is still a lot of work")).await;

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
    expect_annotations(&page, 1).await;
    page.press(&[], 'j').await;
    page.text_when("[data-testid=annotation-list] [aria-current=true]", |row| {
        row.contains("Peskov · favor → the 30-day ceasefire proposal")
    })
    .await;
    page.click("[role=tab]:nth-child(1)").await;
    page.text_when("[data-testid=details-text]", |text| text.contains("There is still a lot of work")).await;
    expect_pressed(&page, "[data-testid=stance-favor]").await;
    let highlighted = page.texts(".seg.quote").await.concat();
    assert!(highlighted.contains("Of course, there are some reasons for cautious optimism"), "{highlighted}");

    // Export again after the reload: the same document. (Chromium names the second file
    // "….stancemark (1).json", so only its stem is checked.)
    page.click("button[title^='Download the document JSON']").await;
    let again = page.next_download().await;
    assert!(again.name.contains(".stancemark"), "downloaded {:?}", again.name);
    let again: Value = serde_json::from_str(&again.text).unwrap();
    assert!(again == exported, "the reloaded state differs from the exported one");
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn deleting_and_undoing_and_bad_files_keep_work_safe() {
    let page = Page::open().await;
    page.drag_select("Trump posted on his Truth Social", "Trump").await;
    page.press(&[], 'c').await;
    page.click("[role=tab]:nth-child(2)").await;
    expect_annotations(&page, 1).await;

    page.press(&[], 'j').await;
    page.wait_until("document.querySelector('[data-testid=annotation-list] [aria-current=true]')").await;
    page.press(&[], DELETE).await;
    expect_annotations(&page, 0).await;
    page.press(&[CONTROL], 'z').await;
    expect_annotations(&page, 1).await;
    page.press(&[CONTROL], 'y').await;
    expect_annotations(&page, 0).await;
    page.press(&[CONTROL], 'z').await;
    expect_annotations(&page, 1).await;

    // A truncated export is refused with the importer's message, and nothing changes.
    let broken = page.write_input("broken.json", r#"{"format": "stancemark-document", "version": 1, "text": "Hello"#);
    page.wait_for_css("[data-testid=open-file]").await.send_keys(broken.to_str().unwrap()).await.unwrap();
    let notice = page.wait_for_css(".notice.error").await.text().await.unwrap();
    assert!(notice.contains("nothing changed"), "notice: {notice}");
    expect_annotations(&page, 1).await;
    let title = page.texts("[data-testid=title] [data-start]").await.concat();
    assert!(title.starts_with("US envoy is taking Putin"), "title now: {title}");
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_article_with_markup_and_emoji_renders_literally_with_exact_offsets() {
    let page = Page::open().await;
    let article = "Test <b>bold</b> title\r\n\r\n2025-01-02\r\n\r\nAbstract: 👩‍👩‍👧 family <img src=x onerror=\"window.pwned=1\">\r\n\r\n\
                   He said \"<script>window.pwned=2</script> 👍🏽 great café\" today. 漢字 after.\r\n";
    let path = page.write_input("markup.txt", article);
    page.wait_for_css("[data-testid=open-file]").await.send_keys(path.to_str().unwrap()).await.unwrap();
    page.wait_until("document.querySelector('[data-testid=title]')?.textContent.includes('<b>bold</b>')").await;
    assert!(page.js("return document.querySelector('[data-testid=article] b, [data-testid=article] img, [data-testid=article] script') === null;", vec![]).await == json!(true));
    assert_eq!(page.js("return window.pwned === undefined;", vec![]).await, json!(true));
    let abstract_text = page.texts("[data-testid=abstract] [data-start]").await.concat();
    assert_eq!(abstract_text, "👩‍👩‍👧 family <img src=x onerror=\"window.pwned=1\">");

    page.drag_select("👍🏽 great café", "great café").await;
    page.press(&[], 'q').await;
    expect_details(&page, "great café").await;
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

#[tokio::test(flavor = "current_thread")]
async fn edits_survive_a_reload_before_and_after_the_journal_is_folded_into_the_base() {
    let page = Page::open().await;
    // Each edit appends its step to the article's journal in the database.
    page.drag_select("Putin emphasized that any ceasefire", "Putin emphasized").await;
    page.press(&[], 'c').await;
    page.journal_records_when(|n| n >= 1).await;
    page.drag_select("he supported a ceasefire in principle", "supported a ceasefire in principle").await;
    page.press(&[], 'q').await;
    page.journal_records_when(|n| n >= 2).await;
    // A reload at once replays the steps on the base.
    page.reload().await;
    page.click("[role=tab]:nth-child(2)").await;
    let rows = page.texts("[data-testid=annotation-list] .snippet").await;
    assert_eq!(rows, ["Putin emphasized", "supported a ceasefire in principle"]);
    // A third edit, then a pause: the journal is folded into the base, which a reload reads alone.
    page.press(&[], 'j').await;
    page.press(&[], '2').await;
    page.journal_records_when(|n| n >= 1).await;
    page.journal_records_when(|n| n == 0).await;
    page.reload().await;
    page.click("[data-testid=annotation-list] li:first-child button").await;
    page.text_when("[data-testid=details-text]", |text| text == "Putin emphasized").await;
    let pressed = page.wait_for_css("[data-testid=stance-against]").await.attr("aria-pressed").await.unwrap();
    assert_eq!(pressed.as_deref(), Some("true"));
    page.close().await;
}
