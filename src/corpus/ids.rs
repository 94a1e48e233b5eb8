//! Article ids in a project: stable (the same input gives the same id on every machine and
//! in every run) and unique (a clash with a different text gets `-2`, `-3`, …). And the
//! project's register of ids and texts that intake checks new articles against.

use std::collections::{HashMap, HashSet};

use super::summary::ArticleSummary;

/// How many hex digits of the text's SHA-256 name an article that has no other name; the
/// model's `export::document_id` uses the same prefix.
pub const HASH_PREFIX_LEN: usize = 12;

/// The id an article asks for: its record's (or document's) id, else the name of the file it
/// came alone in without its extension, else the first 12 hex digits of its text's SHA-256.
/// An article from a line of a JSONL file has no file name of its own: pass `None`.
pub fn base_id(record_id: Option<&str>, file_name: Option<&str>, text_sha256: &str) -> String {
    let named = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    record_id
        .and_then(named)
        .or_else(|| file_name.map(file_stem).and_then(named))
        .unwrap_or_else(|| text_sha256[..HASH_PREFIX_LEN.min(text_sha256.len())].to_owned())
}

/// The last component of a path (either slash), without its extension: `news/a.b.txt` is
/// `a.b`. A name that is only an extension (`.txt`) is kept whole.
pub fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    }
}

/// The ids in use in a project and which article holds each text, so intake can tell a
/// duplicate (same text) from a clash (same id, another text).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KnownArticles {
    ids: HashSet<String>,
    /// Text SHA-256 → the id of the article with that text.
    by_text: HashMap<String, String>,
}

impl KnownArticles {
    pub fn new() -> KnownArticles {
        KnownArticles::default()
    }

    pub fn of<'a>(summaries: impl IntoIterator<Item = &'a ArticleSummary>) -> KnownArticles {
        let mut known = KnownArticles::new();
        for s in summaries {
            known.insert(&s.id, &s.text_sha256);
        }
        known
    }

    pub fn insert(&mut self, id: &str, text_sha256: &str) {
        self.ids.insert(id.to_owned());
        self.by_text.entry(text_sha256.to_owned()).or_insert_with(|| id.to_owned());
    }

    /// The id of the article whose canonical text has this SHA-256, if any.
    pub fn id_of_text(&self, text_sha256: &str) -> Option<&str> {
        self.by_text.get(text_sha256).map(String::as_str)
    }

    pub fn has_id(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// `base` if no article uses it, else the first of `base-2`, `base-3`, … that none uses.
    pub fn unique_id(&self, base: &str) -> String {
        if !self.has_id(base) {
            return base.to_owned();
        }
        (2..).map(|n| format!("{base}-{n}")).find(|id| !self.has_id(id)).expect("some number is free")
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_id_prefers_the_record_then_the_file_then_the_hash() {
        let sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(base_id(Some(" story-1 "), Some("x.txt"), sha), "story-1");
        assert_eq!(base_id(Some(""), Some("in/news/story.v2.txt"), sha), "story.v2");
        assert_eq!(base_id(None, Some(r"C:\news\story.txt"), sha), "story");
        assert_eq!(base_id(None, None, sha), "ba7816bf8f01");
        assert_eq!(file_stem(".txt"), ".txt");
    }

    #[test]
    fn a_clash_gets_the_first_free_number() {
        let mut known = KnownArticles::new();
        assert_eq!(known.unique_id("a"), "a");
        known.insert("a", "sha-1");
        known.insert("a-2", "sha-2");
        assert_eq!(known.unique_id("a"), "a-3");
        assert_eq!(known.id_of_text("sha-2"), Some("a-2"));
        assert_eq!(known.id_of_text("sha-3"), None);
    }
}
