//! Putting each annotator's documents of the same article side by side. An article is its
//! canonical text, identified by `text_sha256`: ids and titles may differ between exports,
//! the text may not. An article found in some inputs but not all, or twice in one input, is
//! reported by name and left out; nothing is paired on a guess.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::document::Document;
use crate::model::export::text_sha256;

/// One annotator's documents: a document JSON (one) or a dataset JSONL (many).
#[derive(Clone, Debug)]
pub struct Input {
    pub name: String,
    pub docs: Vec<Document>,
}

/// The name of an input's annotator: the `created_by` of its annotations when they all agree,
/// else the file's name without its extension (`ana.json` → `ana`).
pub fn annotator_name(file_stem: &str, docs: &[Document]) -> String {
    let mut authors = docs.iter().flat_map(|d| &d.annotations).map(|a| a.created_by.as_str());
    match authors.next() {
        Some(first) if !first.trim().is_empty() && authors.all(|a| a == first) => first.to_owned(),
        _ => file_stem.to_owned(),
    }
}

/// An article every input has exactly once: its documents in input order.
#[derive(Clone, Debug)]
pub struct PairedArticle {
    pub text_sha256: String,
    /// The article's id, else its title, else the first 12 hex digits of the hash.
    pub name: String,
    pub title: Option<String>,
    pub docs: Vec<Document>,
}

/// An article that cannot be paired, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unpaired {
    pub article: String,
    pub text_sha256: String,
    /// Annotators whose input has it.
    pub present_in: Vec<String>,
    /// Annotators whose input lacks it.
    pub missing_in: Vec<String>,
    /// Annotators whose input has it more than once (which to compare would be a guess).
    pub repeated_in: Vec<String>,
}

impl std::fmt::Display for Unpaired {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "article {:?} ({}…)", self.article, &self.text_sha256[..12.min(self.text_sha256.len())])?;
        if !self.missing_in.is_empty() {
            write!(f, " is missing from {}", self.missing_in.join(", "))?;
            if !self.repeated_in.is_empty() {
                f.write_str(" and")?;
            }
        }
        if !self.repeated_in.is_empty() {
            write!(f, " is there more than once in {}", self.repeated_in.join(", "))?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug)]
pub struct Pairing {
    /// One name per input, made unique (`ana`, `ana-2`) when two inputs give the same.
    pub annotators: Vec<String>,
    /// In the order of the first input that has them.
    pub articles: Vec<PairedArticle>,
    pub unpaired: Vec<Unpaired>,
}

pub fn pair(inputs: Vec<Input>) -> Pairing {
    let mut annotators: Vec<String> = Vec::new();
    for input in &inputs {
        let mut name = input.name.clone();
        let mut n = 2;
        while annotators.contains(&name) {
            name = format!("{}-{n}", input.name);
            n += 1;
        }
        annotators.push(name);
    }
    // Per hash: its name, title, and per input the documents that have it.
    let mut order: Vec<String> = Vec::new();
    let mut found: HashMap<String, Seen> = HashMap::new();
    let count = inputs.len();
    for (k, input) in inputs.into_iter().enumerate() {
        for doc in input.docs {
            let sha = text_sha256(doc.text());
            let entry = found.entry(sha.clone()).or_insert_with(|| {
                order.push(sha.clone());
                (name_of(&doc, &sha), doc.article.title.clone(), vec![Vec::new(); count])
            });
            entry.2[k].push(doc);
        }
    }
    let mut articles = Vec::new();
    let mut unpaired = Vec::new();
    for sha in order {
        let (name, title, per_input) = found.remove(&sha).expect("every hash in order was found");
        let names = |keep: &dyn Fn(usize) -> bool| -> Vec<String> {
            (0..count).filter(|&k| keep(per_input[k].len())).map(|k| annotators[k].clone()).collect()
        };
        let (present_in, missing_in, repeated_in) = (names(&|n| n > 0), names(&|n| n == 0), names(&|n| n > 1));
        if missing_in.is_empty() && repeated_in.is_empty() {
            let docs = per_input.into_iter().flatten().collect();
            articles.push(PairedArticle { text_sha256: sha, name, title, docs });
        } else {
            unpaired.push(Unpaired { article: name, text_sha256: sha, present_in, missing_in, repeated_in });
        }
    }
    Pairing { annotators, articles, unpaired }
}

/// An article as found so far: its name, its title, and per input the documents that have it.
type Seen = (String, Option<String>, Vec<Vec<Document>>);

fn name_of(doc: &Document, sha: &str) -> String {
    doc.article.id.clone().or_else(|| doc.article.title.clone()).unwrap_or_else(|| sha[..12].to_owned())
}
