//! The long article the benchmarks share: 400 paragraphs of 50 words (20,000 words) with five
//! quotes in each (2,000 annotations), built through the model's own actions.

use stancemark::model::action::Action;
use stancemark::model::annotation::{AnnotationKind, Origin, QuoteType};
use stancemark::model::article::{Article, BlockKind};
use stancemark::model::document::Document;
use stancemark::model::history::Editor;
use stancemark::model::schema::Schema;
use stancemark::model::text::Span;

/// A new indirect quote on `span`, as the UI would create it.
pub fn create(span: Span) -> Action {
    Action::CreateAnnotation {
        kind: AnnotationKind::Quote,
        quote_type: Some(QuoteType::Indirect),
        span,
        author: "bench".into(),
        at: "2026-11-25T00:00:00Z".into(),
        origin: Origin::Manual,
        rule: None,
    }
}

/// The editor holding the long article, and the spans of its paragraphs.
pub fn big_editor() -> (Editor, Vec<Span>) {
    let words = ["Officials", "said", "the", "ceasefire", "proposal", "would", "need", "careful", "review", "today."];
    let paragraph: Vec<&str> = (0..50).map(|i| words[i % words.len()]).collect();
    let body = vec![paragraph.join(" "); 400].join("\n\n");
    let article = Article::parse_text(&format!("A long article\n\n2025-03-16 03:31:00\n\n{body}")).unwrap();
    let blocks: Vec<Span> = article.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.span).collect();
    let mut editor = Editor::new(Document::new(article, Schema::default()));
    for block in &blocks {
        for k in 0..5 {
            // "the ceasefire proposal" in each ten-word stretch (70 code points).
            let start = block.start + k * 70 + "Officials said ".len();
            editor.apply(create(Span::new(start, start + "the ceasefire proposal".len()))).unwrap();
        }
    }
    (editor, blocks)
}
