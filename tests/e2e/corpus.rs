//! The corpus end to end: many files in one go, work in two articles, a status, a reload, the
//! dataset export with exact offsets, a JSONL with bad lines refused and then imported on
//! purpose, and work saved by the single-document version moved into the project.

use serde_json::{json, Value};

use crate::support::keys::{CONTROL, ENTER};
use crate::support::Page;

const ROWS: &str = "document.querySelectorAll('[data-testid=corpus-row]').length";

/// Python's `text[start:end]`.
fn python_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

async fn show_corpus(page: &Page) {
    page.click("[data-testid=show-corpus]").await;
    page.wait_for_css("[data-testid=corpus-page]").await;
}

async fn open_row(page: &Page, id: &str) {
    page.click(&format!("[data-testid=corpus-row][data-article-id='{id}']")).await;
    page.wait_for_css("[data-testid=paragraph]").await;
}

#[tokio::test(flavor = "current_thread")]
async fn many_articles_are_imported_annotated_reloaded_and_exported_with_exact_offsets() {
    let page = Page::open().await;
    let a = page
        .write_input("alpha.txt", "Alpha title\r\n\r\n2025-01-01\r\n\r\nPeskov said the talks were \"useful\" today.");
    let b = page.write_input("beta.txt", "Beta title\n\n2025-01-02\n\nShe said 👍🏽 \"très bien\" to reporters.");
    let c = page.write_input("gamma.txt", "Gamma title\n\nNothing was said.");
    let records = [
        json!({"id": "rec-1", "title": "Record one", "text": "Zelensky said \"no\" on Monday."}),
        json!({"id": "rec-2", "title": "Record two", "text": "漢字 and more: \"quoted\" words."}),
    ];
    let jsonl = page.write_input("more.jsonl", &records.iter().map(Value::to_string).collect::<Vec<_>>().join("\n"));
    show_corpus(&page).await;
    let paths: Vec<String> = [a, b, c, jsonl].iter().map(|p| p.to_str().unwrap().to_owned()).collect();
    page.wait_for_css("[data-testid=import-files]").await.send_keys(&paths.join("\n")).await.unwrap();
    page.wait_until(&format!("{ROWS} === 6")).await;
    page.text_when("[data-testid=corpus-progress]", |text| text.starts_with("0 of 6 done")).await;

    open_row(&page, "alpha").await;
    page.drag_select("the talks were \"useful\" today", "useful").await;
    page.press(&[], 'q').await;
    page.text_when("[data-testid=details-text]", |text| text == "useful").await;
    // Done, and on to the next unfinished article: beta, in the order they came.
    page.press(&[CONTROL], ENTER).await;
    page.text_when("[data-testid=title]", |title| title.contains("Beta title")).await;
    page.drag_select("👍🏽 \"très bien\" to", "très bien").await;
    page.press(&[], 'q').await;
    page.text_when("[data-testid=details-text]", |text| text == "très bien").await;
    page.click("button[title^='Download the document JSON']").await;
    let before_reload = page.download(".stancemark.json").await;

    page.reload().await;
    page.text_when("[data-testid=title]", |title| title.contains("Beta title")).await;
    page.click("button[title^='Download the document JSON']").await;
    // The same file name again: the browser saves it as "beta.stancemark (1).json".
    assert_eq!(page.download(".json").await, before_reload, "the article's export is the same after a reload");
    show_corpus(&page).await;
    page.text_when("[data-testid=corpus-progress]", |text| text.starts_with("1 of 6 done")).await;
    let status = |id: &str| format!("[data-testid=corpus-row][data-article-id='{id}'] .c-status");
    page.text_when(&status("alpha"), |s| s == "Done").await;
    page.text_when(&status("beta"), |s| s == "In progress").await;

    page.click("[data-testid=export-open]").await;
    page.click("[data-testid=export-run]").await;
    let dataset = page.download(".dataset.jsonl").await;
    let lines: Vec<Value> = dataset.lines().map(|line| serde_json::from_str(line).unwrap()).collect();
    assert_eq!(lines.len(), 6);
    let by_id = |id: &str| lines.iter().find(|l| l["article"]["id"] == id).unwrap_or_else(|| panic!("{id} exported"));
    assert_eq!(by_id("alpha")["corpus"]["status"], "done");
    assert_eq!(by_id("beta")["corpus"]["status"], "in_progress");
    assert_eq!(by_id("rec-1")["corpus"]["status"], "new");
    let mut checked = 0;
    for line in &lines {
        let text = line["text"].as_str().unwrap();
        for annotation in line["annotations"].as_array().unwrap() {
            let fragment = &annotation["fragments"][0];
            let (start, end) = (fragment["start"].as_u64().unwrap(), fragment["end"].as_u64().unwrap());
            assert_eq!(python_slice(text, start, end), fragment["text"].as_str().unwrap());
            checked += 1;
        }
    }
    assert_eq!(checked, 2);
    assert_eq!(by_id("beta")["annotations"][0]["fragments"][0]["text"], "très bien");
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_jsonl_with_bad_lines_is_refused_with_their_numbers_then_imported_on_purpose() {
    let page = Page::open().await;
    let lines = [
        json!({"id": "good-1", "text": "A good article."}).to_string(),
        "{\"id\": \"bad-2\"}".to_owned(),
        json!({"id": "good-3", "text": "Another good article."}).to_string(),
        "{not json".to_owned(),
    ];
    let file = page.write_input("scraped.jsonl", &lines.join("\n"));
    show_corpus(&page).await;
    page.wait_for_css("[data-testid=import-files]").await.send_keys(file.to_str().unwrap()).await.unwrap();
    let bad = page.text_when("[data-testid=import-bad]", |text| text.contains("scraped.jsonl:4")).await;
    assert!(bad.contains("scraped.jsonl:2"), "{bad}");
    assert_eq!(page.js(&format!("return {ROWS};"), vec![]).await, json!(1), "nothing was added");
    page.click("[data-testid=import-good]").await;
    page.wait_until(&format!("{ROWS} === 3")).await;
    // Escape in the search box stays on the list; outside a field it goes back to the article.
    let search = page.wait_for_css("[data-testid=corpus-search]").await;
    search.send_keys("good").await.unwrap();
    page.wait_until(&format!("{ROWS} === 2")).await;
    search.send_keys(&crate::support::keys::ESCAPE.to_string()).await.unwrap();
    // Leaving would take a render: give it time to happen before looking.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(page.js("return !!document.querySelector('[data-testid=corpus-page]');", vec![]).await, json!(true));
    page.js("document.activeElement.blur(); return 1;", vec![]).await;
    page.press(&[], crate::support::keys::ESCAPE).await;
    page.wait_for_css("[data-testid=article] [data-start]").await;
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn work_saved_by_the_single_document_version_joins_the_project_and_then_leaves_local_storage() {
    let page = Page::open().await;
    page.wait_for_css("[data-testid=paragraph]").await;
    let earlier =
        page.write_input("earlier.txt", "Earlier work\n\n2025-01-05\n\nPeskov said it was \"premature\" to talk.");
    let document: Value = {
        let parsed = std::process::Command::new(env!("CARGO_BIN_EXE_stancemark"))
            .args(["parse", earlier.to_str().unwrap()])
            .output()
            .unwrap();
        serde_json::from_slice(&parsed.stdout).unwrap()
    };
    let mut document = document;
    let text = document["text"].as_str().unwrap().to_owned();
    let start = text[..text.find("premature").unwrap()].chars().count() as u64;
    document["annotations"] = json!([{
        "id": "a1", "kind": "claim", "quote_type": null,
        "fragments": [{"start": start, "end": start + 9, "text": "premature"}],
        "cue": null, "source_mention": null, "speaker": null, "stance": null, "target": null, "note": "",
        "created_by": "earlier", "created_at": "2026-11-01T00:00:00Z", "origin": "manual"
    }]);
    page.js(
        "localStorage.setItem('stancemark.document.v1', arguments[0]); return 1;",
        vec![json!(document.to_string())],
    )
    .await;
    page.reload().await;
    page.text_when("[data-testid=title]", |title| title.contains("Earlier work")).await;
    page.click("[role=tab]:nth-child(2)").await;
    assert_eq!(page.texts("[data-testid=annotation-list] .snippet").await, ["premature"]);
    // Read back from the database, then removed from localStorage.
    page.wait_until("localStorage.getItem('stancemark.document.v1') === null").await;
    page.reload().await;
    page.text_when("[data-testid=title]", |title| title.contains("Earlier work")).await;
    show_corpus(&page).await;
    page.wait_until(&format!("{ROWS} === 2")).await;
    page.close().await;
}

/// A target added in one article is offered in another added before it; a step there that
/// uses it survives a reload at once, before the article's base would be written on a pause.
#[tokio::test(flavor = "current_thread")]
async fn a_target_from_another_article_is_offered_and_kept_through_an_immediate_reload() {
    let page = Page::open().await;
    let other = page.write_input("other.txt", "Other title\n\n2025-02-02\n\nThe minister said the plan was sound.");
    page.wait_for_css("[data-testid=open-file]").await.send_keys(other.to_str().unwrap()).await.unwrap();
    page.text_when("[data-testid=title]", |title| title.contains("Other title")).await;
    // Back to the sample, where the target is made: the other article's stored copy lacks it.
    page.click(".notice button.btn").await;
    page.text_when("[data-testid=title]", |title| title.starts_with("US envoy")).await;
    page.drag_select("Trump posted on his Truth Social site", "Trump posted").await;
    page.press(&[], 'c').await;
    let input = page.wait_for_css("[data-testid=new-target]").await;
    input.send_keys(&format!("Ukraine's military position{}", crate::support::keys::ENTER)).await.unwrap();
    let chosen = "(s => s.options[s.selectedIndex].text)(document.querySelector('[data-testid=target-select]'))";
    page.wait_until(&format!("{chosen} === \"Ukraine's military position\"")).await;
    // After a reload the other article is read from the database, not kept in the tab.
    page.journal_records_when(|n| n >= 2).await;
    page.reload().await;

    show_corpus(&page).await;
    open_row(&page, "other").await;
    page.text_when("[data-testid=title]", |title| title.contains("Other title")).await;
    page.drag_select("the plan was sound", "the plan was sound").await;
    page.press(&[], 'q').await;
    page.text_when("[data-testid=details-text]", |text| text == "the plan was sound").await;
    let set = "const s = document.querySelector('[data-testid=target-select]');
        const option = [...s.options].find(o => o.text === \"Ukraine's military position\");
        if (!option) return false;
        s.value = option.value; s.dispatchEvent(new Event('change', { bubbles: true })); return true;";
    assert_eq!(page.js(set, vec![]).await, json!(true), "the other article's target is offered");
    page.wait_until(&format!("{chosen} === \"Ukraine's military position\"")).await;
    page.journal_records_when(|n| n >= 1).await;

    page.reload().await;
    page.text_when("[data-testid=title]", |title| title.contains("Other title")).await;
    page.click("[role=tab]:nth-child(2)").await;
    page.click("[data-testid=annotation-list] li:first-child button").await;
    page.wait_until(&format!("{chosen} === \"Ukraine's military position\"")).await;
    page.close().await;
}

/// Picks the switcher's option `index` (from the end when negative), as a person choosing it.
async fn choose_in_switcher(page: &Page, index: i64) {
    let script = "const s = document.querySelector('[data-testid=project-select]');
        s.selectedIndex = arguments[0] < 0 ? s.options.length + arguments[0] : arguments[0];
        s.dispatchEvent(new Event('change', { bubbles: true })); return 1;";
    page.js(script, vec![json!(index)]).await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_deleted_project_takes_its_articles_and_the_last_one_leaves_an_empty_project() {
    let page = Page::open().await;
    page.drag_select("Kremlin spokesman Dmitry Peskov said on Friday", "Kremlin spokesman Dmitry Peskov").await;
    page.press(&[], 'c').await;
    page.text_when("[data-testid=details-text]", |text| text == "Kremlin spokesman Dmitry Peskov").await;
    show_corpus(&page).await;

    // A second project, with an article of its own.
    choose_in_switcher(&page, -2).await;
    page.wait_for_css("[data-testid=new-project-name]").await.send_keys("Second").await.unwrap();
    page.click("[data-testid=new-project-form] button[type=submit]").await;
    page.wait_for_css("[data-testid=corpus-empty]").await;
    let file = page.write_input("second.txt", "Second title\n\nShe said \"yes\" on Monday.");
    page.wait_for_css("[data-testid=import-files]").await.send_keys(file.to_str().unwrap()).await.unwrap();
    page.wait_until(&format!("{ROWS} === 1")).await;
    assert_eq!(
        page.stored_counts().await,
        json!({"meta": 3, "projects": 2, "articles": 2, "documents": 2, "journal": 0})
    );

    // Deleting asks first; Cancel keeps everything.
    choose_in_switcher(&page, -1).await;
    let question = page.text_when("[data-testid=delete-project-confirm] p", |text| !text.is_empty()).await;
    assert!(question.starts_with("Delete the project “Second” with its 1 article (no annotations)?"), "{question}");
    page.click("[data-testid=delete-project-confirm] button:last-child").await;
    choose_in_switcher(&page, -1).await;
    page.click("[data-testid=delete-project]").await;
    page.text_when("[data-testid=notice]", |text| text.contains("Deleted the project “Second” and its article.")).await;
    // The first project opens again, with its annotated article.
    page.wait_until(&format!("{ROWS} === 1")).await;
    let labels = page.texts("[data-testid=project-select] option").await;
    assert!(labels[0].starts_with("My project") && labels.len() == 3, "{labels:?}");
    assert_eq!(page.stored_counts().await["projects"], json!(1));

    // The last project: an empty one takes its place, and nothing of the old one is left stored
    // (the meta store keeps the current project and its last open article, both the new one's).
    choose_in_switcher(&page, -1).await;
    page.click("[data-testid=delete-project]").await;
    page.text_when("[data-testid=notice]", |text| text.contains("Deleted the project “My project” and its article."))
        .await;
    page.wait_for_css("[data-testid=corpus-empty]").await;
    assert_eq!(
        page.stored_counts().await,
        json!({"meta": 2, "projects": 1, "articles": 0, "documents": 0, "journal": 0})
    );
    page.client.refresh().await.unwrap();
    page.wait_for_css("[data-testid=corpus-empty]").await;
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_open_article_is_deleted_after_a_question_and_the_next_one_opens() {
    let page = Page::open().await;
    let file = page.write_input("other.txt", "Other title\n\nShe said \"yes\" on Monday.");
    show_corpus(&page).await;
    page.wait_for_css("[data-testid=import-files]").await.send_keys(file.to_str().unwrap()).await.unwrap();
    page.wait_until(&format!("{ROWS} === 2")).await;
    open_row(&page, "other").await;
    page.drag_select("She said \"yes\" on Monday", "yes").await;
    page.press(&[], 'q').await;
    page.text_when("[data-testid=details-text]", |text| text == "yes").await;

    page.click("details.menu > summary").await;
    page.click("[data-testid=delete-article]").await;
    page.text_when("[data-testid=notice]", |text| {
        text.contains("Delete “Other title” (1 annotation) from the project?")
    })
    .await;
    page.click("[data-testid=notice-action]").await;
    // The sample, the project's other article, opens; the deleted one is gone from the list and storage.
    page.text_when("[data-testid=notice]", |text| text.contains("Deleted “Other title”.")).await;
    page.text_when("[data-testid=title]", |title| title.contains("US envoy")).await;
    page.text_when("[data-testid=show-corpus]", |text| text == "1 / 1").await;
    let stored = page.stored_when(|counts| counts["articles"] == json!(1)).await;
    assert_eq!(stored, json!({"meta": 2, "projects": 1, "articles": 1, "documents": 1, "journal": 0}));
    page.reload().await;
    show_corpus(&page).await;
    page.wait_until(&format!("{ROWS} === 1")).await;
    page.close().await;
}
