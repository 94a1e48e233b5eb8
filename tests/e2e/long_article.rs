//! A 50,000-word article, as a dataset team gets them: it opens with its first screen
//! highlighted and the rest following, a selection made at once (in a block that may still be
//! plain text) and one far down both tag the right words, and a reload and an export keep
//! exact offsets.

use serde_json::Value;

use crate::support::Page;

const SAMPLE: &str = include_str!("../../static/ceasefire-2025-03-16.txt");

/// A title, then the sample's body paragraphs over and over, each numbered so that every
/// paragraph can be found by its start: 528 paragraphs, a little over 50,000 words.
fn long_article() -> String {
    let body: Vec<&str> = SAMPLE.split("\n\n").skip(3).map(str::trim).filter(|p| !p.is_empty()).collect();
    let paragraphs: Vec<String> = (0..528).map(|n| format!("Paragraph {n}. {}", body[n % body.len()])).collect();
    format!("Fifty thousand words on the ceasefire\n\n{}\n", paragraphs.join("\n\n"))
}

/// Python's `text[start:end]`.
fn python_slice(text: &str, start: u64, end: u64) -> String {
    text.chars().skip(start as usize).take((end - start) as usize).collect()
}

#[tokio::test(flavor = "current_thread")]
async fn a_fifty_thousand_word_article_is_tagged_near_and_far_and_reloaded_with_exact_offsets() {
    let page = Page::open().await;
    let article = long_article();
    assert!(article.split_whitespace().count() > 50_000);
    let file = page.write_input("long.txt", &article);
    page.wait_for_css("[data-testid=open-file]").await.send_keys(file.to_str().unwrap()).await.unwrap();
    // 529: without a date line under it, the title line is read as a paragraph too.
    let all_there = "document.querySelectorAll('[data-testid=paragraph]').length === 529";
    page.wait_until(all_there).await;

    // At once, past the first screen's blocks: a drag while the rest may still be plain text.
    page.drag_select("Paragraph 30. ", "Paragraph 30").await;
    page.press(&[], 'c').await;
    page.text_when("[data-testid=details-text]", |text| text == "Paragraph 30").await;

    // Far down the article.
    page.drag_select("Paragraph 517. ", "Paragraph 517").await;
    page.press(&[], 'q').await;
    page.text_when("[data-testid=details-text]", |text| text == "Paragraph 517").await;
    page.wait_until("getComputedStyle(document.querySelector('[data-testid=paragraph]')).contentVisibility === 'auto'")
        .await;

    page.reload().await;
    page.wait_until(all_there).await;
    page.click("button[title^='Download the document JSON']").await;
    let exported: Value = serde_json::from_str(&page.download(".stancemark.json").await).unwrap();
    let text = exported["text"].as_str().unwrap();
    let fragments: Vec<(String, String)> = exported["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let fragment = &a["fragments"][0];
            let (start, end) = (fragment["start"].as_u64().unwrap(), fragment["end"].as_u64().unwrap());
            (python_slice(text, start, end), fragment["text"].as_str().unwrap().to_owned())
        })
        .collect();
    assert_eq!(
        fragments,
        [
            ("Paragraph 30".to_owned(), "Paragraph 30".to_owned()),
            ("Paragraph 517".to_owned(), "Paragraph 517".to_owned())
        ]
    );
    page.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_long_annotation_list_renders_the_rows_in_view_as_it_scrolls() {
    use stancemark::model::action::Action;
    use stancemark::model::annotation::{AnnotationKind, Origin, QuoteType};
    use stancemark::model::article::Article;
    use stancemark::model::document::Document;
    use stancemark::model::history::Editor;
    use stancemark::model::schema::Schema;
    use stancemark::model::text::Span;

    // 400 quotes, one on each paragraph's "Paragraph N".
    let article = Article::parse_text(&long_article()).unwrap();
    let mut editor = Editor::new(Document::new(article, Schema::default()));
    let starts: Vec<usize> = editor.document().article.blocks.iter().skip(1).take(400).map(|b| b.span.start).collect();
    for (n, start) in starts.into_iter().enumerate() {
        let span = Span::new(start, start + format!("Paragraph {n}").chars().count());
        let action = Action::CreateAnnotation {
            kind: AnnotationKind::Quote,
            quote_type: Some(QuoteType::Direct),
            span,
            author: "e2e".into(),
            at: "2026-12-02T00:00:00Z".into(),
            origin: Origin::Manual,
            rule: None,
        };
        editor.apply(action).unwrap();
    }
    let json = stancemark::model::export::document_json(editor.document());

    let page = Page::open().await;
    page.js(
        "localStorage.removeItem('stancemark.journal.v1'); localStorage.setItem('stancemark.document.v1', arguments[0]);",
        vec![serde_json::json!(json)],
    )
    .await;
    page.reload().await;
    let rows = "document.querySelectorAll('[data-testid=annotation-list] li')";
    page.wait_until(&format!("{rows}.length > 0")).await;
    let first_screen = page.texts("[data-testid=annotation-list] .snippet").await;
    assert_eq!(first_screen.first().map(String::as_str), Some("Paragraph 0"));
    assert!(first_screen.len() < 60, "only the rows in view and a margin: {}", first_screen.len());
    // Scrolled to the end, the last rows are there and the first ones are gone.
    page.js("const side = document.querySelector('.side'); side.scrollTop = side.scrollHeight; return 1;", vec![])
        .await;
    page.wait_until(&format!("[...{rows}].some(r => r.textContent.includes('Paragraph 399'))")).await;
    let last_screen = page.texts("[data-testid=annotation-list] .snippet").await;
    assert!(last_screen.len() < 60 && !last_screen.iter().any(|s| s == "Paragraph 0"), "{last_screen:?}");
    page.close().await;
}
