//! Opening the app: the sample article is on screen, complete and exact, with no errors and
//! nothing fetched from anywhere but the page's own origin.

use serde_json::json;

use crate::support::Page;

const SAMPLE: &str = include_str!("../../static/ceasefire-2025-03-16.txt");

/// The sample's parts as a reader should see them, straight from the file.
fn expected_parts() -> (String, String, String, Vec<String>) {
    let blocks: Vec<&str> = SAMPLE.trim_end().split("\n\n").collect();
    let abstract_text = blocks[2].strip_prefix("Abstract: ").expect("the sample has an abstract");
    let paragraphs = blocks[3..].iter().map(|p| p.to_string()).collect();
    (blocks[0].to_owned(), blocks[1].to_owned(), abstract_text.to_owned(), paragraphs)
}

/// The text of each element matching `css`, from its text runs only (labels excluded).
async fn run_texts(page: &Page, css: &str) -> Vec<String> {
    let script = "return [...document.querySelectorAll(arguments[0])]
        .map(e => [...e.querySelectorAll('[data-start]')].map(r => r.textContent).join(''));";
    serde_json::from_value(page.js(script, vec![json!(css)]).await).unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn the_sample_article_is_shown_complete_and_in_order() {
    let page = Page::open().await;
    let (title, dateline, abstract_text, paragraphs) = expected_parts();

    assert_eq!(run_texts(&page, "[data-testid=title]").await, [title]);
    assert_eq!(run_texts(&page, "[data-testid=dateline]").await, [dateline]);
    assert_eq!(run_texts(&page, "[data-testid=abstract]").await, [abstract_text]);
    assert_eq!(run_texts(&page, "[data-testid=paragraph]").await, paragraphs);
    assert_eq!(paragraphs.len(), 6, "the sample has six body paragraphs");

    // Blocks appear in reading order: title, dateline, abstract, then the paragraphs.
    let order: Vec<String> = serde_json::from_value(
        page.js(
            "return [...document.querySelectorAll('[data-testid=article] > *')].map(e => e.dataset.testid);",
            vec![],
        )
        .await,
    )
    .unwrap();
    let mut expected_order = vec!["title", "dateline", "abstract"];
    expected_order.extend(std::iter::repeat_n("paragraph", 6));
    assert_eq!(order, expected_order);
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_page_loads_cleanly_from_its_own_origin_only() {
    let page = Page::open().await;
    let errors = page.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");

    let resources: Vec<String> = serde_json::from_value(
        page.js("return performance.getEntriesByType('resource').map(r => r.name);", vec![]).await,
    )
    .unwrap();
    assert!(!resources.is_empty(), "the page loaded no resources at all?");
    for resource in &resources {
        assert!(resource.starts_with(&page.server.origin), "request outside the page's origin: {resource}");
    }
    // The bundle uses relative URLs only, so it works from any sub-path.
    let requested = page.server.requests.lock().unwrap().clone();
    assert!(requested.iter().any(|p| p.ends_with(".wasm")), "no wasm requested: {requested:?}");

    let policy = page
        .js("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content ?? '';", vec![])
        .await;
    assert!(policy.as_str().unwrap().contains("script-src 'self' 'wasm-unsafe-eval'"), "CSP: {policy}");
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_app_works_from_a_sub_path() {
    // A static host may serve dist/ under any folder: every URL in the bundle must be relative.
    let page = Page::open().await;
    page.goto(crate::support::server::SUB_PATH).await;
    let (title, ..) = expected_parts();
    assert_eq!(run_texts(&page, "[data-testid=title]").await, [title]);
    let requested = page.server.requests.lock().unwrap().clone();
    let wasm: Vec<&String> = requested.iter().filter(|p| p.ends_with(".wasm")).collect();
    assert!(
        wasm.iter().any(|p| p.starts_with(crate::support::server::SUB_PATH)),
        "wasm not loaded relative to the page: {requested:?}"
    );
    page.close().await;
}
