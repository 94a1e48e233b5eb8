//! One row of the corpus list: everything the list shows about an article, computed when the
//! article comes in or is edited, so that listing 10,000 articles never opens a document.

use serde::{Deserialize, Serialize};

use super::meta::CorpusMeta;
use super::status::Status;
use crate::model::annotation::AnnotationKind;
use crate::model::article::BlockKind;
use crate::model::document::Document;
use crate::model::export::{document_id, text_sha256};

/// How many characters of the first paragraph stand in for a missing title.
pub const TITLE_FALLBACK_CHARS: usize = 80;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// The article's id in the project (see `corpus::ids`).
    pub id: String,
    /// The article's title, else the start of its first paragraph.
    pub title: String,
    /// The dateline, as written in the article.
    pub published: Option<String>,
    /// Lower-case hex SHA-256 of the canonical text: what makes two articles the same.
    pub text_sha256: String,
    pub status: Status,
    pub quotes: usize,
    pub claims: usize,
    /// Annotations (quotes and claims) with no speaker yet.
    pub missing_speaker: usize,
    /// Annotations with no stance yet.
    pub missing_stance: usize,
    pub edited_at: Option<String>,
    pub edited_by: Option<String>,
}

impl ArticleSummary {
    pub fn of(doc: &Document, meta: &CorpusMeta) -> ArticleSummary {
        let mut summary = ArticleSummary {
            id: document_id(doc),
            title: title_of(doc),
            published: doc.article.published.clone(),
            text_sha256: text_sha256(doc.text()),
            status: meta.status,
            quotes: 0,
            claims: 0,
            missing_speaker: 0,
            missing_stance: 0,
            edited_at: None,
            edited_by: None,
        };
        summary.recount(doc, meta);
        summary
    }

    /// Brings the counts, status and last edit up to date after the document was edited. The
    /// id, title, date and text hash stay: the text never changes, and hashing it again on
    /// every edit would cost in proportion to the article.
    pub fn recount(&mut self, doc: &Document, meta: &CorpusMeta) {
        self.status = meta.status;
        self.edited_at.clone_from(&meta.edited_at);
        self.edited_by.clone_from(&meta.edited_by);
        (self.quotes, self.claims, self.missing_speaker, self.missing_stance) = (0, 0, 0, 0);
        for a in &doc.annotations {
            match a.kind {
                AnnotationKind::Quote => self.quotes += 1,
                AnnotationKind::Claim => self.claims += 1,
            }
            self.missing_speaker += usize::from(a.speaker.is_none());
            self.missing_stance += usize::from(a.stance.is_none());
        }
    }

    pub fn annotations(&self) -> usize {
        self.quotes + self.claims
    }
}

/// The article's title, else the first paragraph's first [`TITLE_FALLBACK_CHARS`] characters
/// on one line, cut after a whole word where one ends in the second half, with "…" when cut.
/// The corpus list and the top bar both show it.
pub fn title_of(doc: &Document) -> String {
    if let Some(title) = &doc.article.title {
        return title.clone();
    }
    let article = &doc.article;
    let first = article.blocks.iter().find(|b| b.kind == BlockKind::Paragraph).or(article.blocks.first());
    let text = first.map_or(article.text.as_str(), |b| article.block_text(b));
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((cut, _)) = one_line.char_indices().nth(TITLE_FALLBACK_CHARS) else { return one_line };
    let head = &one_line[..cut];
    let word_end = head.rfind(' ').filter(|i| head[..*i].chars().count() >= TITLE_FALLBACK_CHARS / 2);
    format!("{}…", head[..word_end.unwrap_or(cut)].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::Article;
    use crate::model::schema::Schema;

    fn title(text: &str) -> String {
        let doc = Document::new(Article::parse_text(text).unwrap(), Schema::default());
        ArticleSummary::of(&doc, &CorpusMeta::default_for(&doc)).title
    }

    #[test]
    fn a_missing_title_is_the_first_paragraph_cut_at_a_word() {
        assert_eq!(title("Title\n\n2025-01-01\n\nBody."), "Title");
        assert_eq!(title("Short first\nparagraph.\n\nSecond."), "Short first paragraph.");
        let long = "word ".repeat(30);
        assert_eq!(title(&long), format!("{}…", "word ".repeat(16).trim_end()));
        let unbroken = "x".repeat(100);
        assert_eq!(title(&unbroken), format!("{}…", "x".repeat(80)));
    }
}
