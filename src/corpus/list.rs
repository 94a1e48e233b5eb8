//! The corpus list's view model: which articles show, in which order. Pure and cheap enough
//! to run on every keystroke in the search box at 10,000 articles: titles are folded to
//! lower case once ([`TitleIndex`]), and a query allocates only the vector of row indices.

use std::cmp::Ordering;

use super::status::StatusSet;
use super::summary::ArticleSummary;
use crate::model::sort;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// The order the articles were added in.
    #[default]
    Added,
    Title,
    Published,
    /// New, in progress, done, skipped.
    Status,
    Edited,
    Quotes,
    Claims,
    MissingSpeaker,
    MissingStance,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    Ascending,
    Descending,
}

/// What the list shows: articles whose status is in `statuses` and whose title contains
/// `search` (ignoring letter case), sorted by `sort`. Titles sort by code point once folded
/// to lower case (so "é" comes after "z"): locale collation would need tables the app does
/// not otherwise ship. Ties keep the order articles were
/// added in, in both directions; articles without a date or an edit come last in both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    pub sort: SortKey,
    pub order: SortOrder,
    pub statuses: StatusSet,
    pub search: String,
}

impl Default for ListQuery {
    fn default() -> ListQuery {
        ListQuery { sort: SortKey::Added, order: SortOrder::Ascending, statuses: StatusSet::ALL, search: String::new() }
    }
}

/// The articles' titles in lower case, in the articles' order: folded once when an article
/// is added, not on every query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TitleIndex {
    folded: Vec<String>,
}

impl TitleIndex {
    pub fn new(articles: &[ArticleSummary]) -> TitleIndex {
        let mut index = TitleIndex::default();
        articles.iter().for_each(|a| index.push(a));
        index
    }

    /// Folds the title of the article added after the others.
    pub fn push(&mut self, article: &ArticleSummary) {
        self.folded.push(fold(&article.title));
    }

    /// Folds the title of the article at `index` again, after its summary was replaced.
    pub fn set(&mut self, index: usize, article: &ArticleSummary) {
        self.folded[index] = fold(&article.title);
    }

    pub fn len(&self) -> usize {
        self.folded.len()
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }
}

/// Lower case for a search that ignores letter case; the model has already composed the text
/// to NFC, so a typed "é" finds a stored "é".
fn fold(s: &str) -> String {
    s.to_lowercase()
}

/// The indices into `articles` of the rows the list shows, in order. `titles` must be the
/// index of these same articles.
pub fn rows(articles: &[ArticleSummary], titles: &TitleIndex, query: &ListQuery) -> Vec<usize> {
    assert_eq!(articles.len(), titles.len(), "the title index belongs to these articles");
    let needle = fold(query.search.trim());
    let mut rows: Vec<usize> = (0..articles.len())
        .filter(|&i| query.statuses.contains(articles[i].status))
        .filter(|&i| needle.is_empty() || titles.folded[i].contains(&needle))
        .collect();
    let directed = |o: Ordering| if query.order == SortOrder::Descending { o.reverse() } else { o };
    let compare = |&i: &usize, &j: &usize| {
        let (a, b) = (&articles[i], &articles[j]);
        match query.sort {
            SortKey::Added => directed(i.cmp(&j)),
            SortKey::Title => directed(titles.folded[i].cmp(&titles.folded[j])),
            SortKey::Published => last_if_absent(a.published.as_deref(), b.published.as_deref(), directed),
            SortKey::Status => directed(a.status.cmp(&b.status)),
            SortKey::Edited => last_if_absent(a.edited_at.as_deref(), b.edited_at.as_deref(), directed),
            SortKey::Quotes => directed(a.quotes.cmp(&b.quotes)),
            SortKey::Claims => directed(a.claims.cmp(&b.claims)),
            SortKey::MissingSpeaker => directed(a.missing_speaker.cmp(&b.missing_speaker)),
            SortKey::MissingStance => directed(a.missing_stance.cmp(&b.missing_stance)),
        }
    };
    // Stable: equal keys keep the order the articles were added in.
    sort::sort_by(&mut rows, compare);
    rows
}

/// Present values in the chosen direction, absent ones after them whatever the direction:
/// an undated article is no more "oldest" than "newest".
fn last_if_absent(a: Option<&str>, b: Option<&str>, directed: impl Fn(Ordering) -> Ordering) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => directed(a.cmp(b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
