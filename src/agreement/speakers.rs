//! Who is the same speaker across annotators. Each annotator keeps their own speaker list with
//! their own ids (`s1` in A's file need not be `s1` in B's), so speakers are compared by what
//! they say about the person: two speakers are one identity when a name or alias of one equals
//! a name or alias of the other ignoring letter case, or when their Wikidata ids are equal. The
//! relation is made transitive (union–find), so "Peskov" in A, "Dmitry Peskov" + alias "Peskov"
//! in B and "Dmitry Peskov" in C are one identity. A generic alias shared by two people ("the
//! minister") joins them: that is the annotators' data speaking, and the figures show it.

use std::collections::HashMap;

use crate::model::document::Document;
use crate::model::speaker::SpeakerId;

/// Speaker identities of one article across its annotators' documents.
#[derive(Clone, Debug)]
pub struct SpeakerIdentity {
    /// Where each annotator's speakers start in `identity`.
    starts: Vec<usize>,
    /// The identity of each speaker, annotator after annotator, numbered from 0 in order of
    /// first appearance.
    identity: Vec<u32>,
    /// Per annotator, the speaker ids in their document's order.
    ids: Vec<Vec<SpeakerId>>,
}

impl SpeakerIdentity {
    pub fn build(docs: &[&Document]) -> SpeakerIdentity {
        let mut starts = Vec::with_capacity(docs.len());
        let mut ids = Vec::with_capacity(docs.len());
        let mut parent: Vec<usize> = Vec::new();
        // The first speaker seen with each lower-cased name or alias, and each Wikidata id.
        let mut by_name: HashMap<String, usize> = HashMap::new();
        let mut by_wikidata: HashMap<&str, usize> = HashMap::new();
        for doc in docs {
            starts.push(parent.len());
            ids.push(doc.speakers.iter().map(|s| s.id.clone()).collect());
            for s in &doc.speakers {
                let me = parent.len();
                parent.push(me);
                for name in std::iter::once(&s.name).chain(&s.aliases) {
                    let key = name.trim().to_lowercase();
                    match by_name.get(&key) {
                        Some(&other) => union(&mut parent, me, other),
                        None => {
                            by_name.insert(key, me);
                        }
                    }
                }
                if let Some(q) = &s.wikidata {
                    match by_wikidata.get(q.as_str()) {
                        Some(&other) => union(&mut parent, me, other),
                        None => {
                            by_wikidata.insert(q, me);
                        }
                    }
                }
            }
        }
        let mut number: HashMap<usize, u32> = HashMap::new();
        let identity = (0..parent.len())
            .map(|i| {
                let root = find(&mut parent, i);
                let next = number.len() as u32;
                *number.entry(root).or_insert(next)
            })
            .collect();
        SpeakerIdentity { starts, identity, ids }
    }

    /// The identity of annotator `annotator`'s speaker `id`, if they have such a speaker.
    pub fn of(&self, annotator: usize, id: &SpeakerId) -> Option<u32> {
        let position = self.ids.get(annotator)?.iter().position(|s| s == id)?;
        Some(self.identity[self.starts[annotator] + position])
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    // The older speaker stays the root, so numbering follows first appearance.
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}
