//! Grouping the annotations of several annotators into units: "the same quote, as each
//! annotator marked it". Label agreement (κ, α) is measured on these units and the Compare view
//! lists them.
//!
//! A group holds at most one annotation per annotator, and every two annotations in it match
//! leniently (a clique). Groups are built greedily from the pairwise lenient candidates of all
//! annotator pairs, best overlap first, then the pair agreeing on more labels, then text order:
//! two groups merge when they share no annotator and every cross pair matches. With two
//! annotators this is exactly the pairwise matching of `matching`; with more it never chains
//! A's quote to C's through a B that matches both loosely. An annotation that matches nothing
//! is a group of one.

use super::labels;
use super::matching::{score, Mode};
use super::speakers::SpeakerIdentity;
use crate::model::annotation::Annotation;
use crate::model::document::Document;
use crate::model::sort;
use crate::model::text::Span;

/// Per annotator, the index of its annotation in this group (into `doc.annotations`), if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub members: Vec<Option<usize>>,
}

impl Group {
    /// `(annotator, annotation index)` of each member, in annotator order.
    pub fn present(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.members.iter().enumerate().filter_map(|(k, m)| m.map(|i| (k, i)))
    }

    /// From the first member's start to the last member's end.
    pub fn span(&self, docs: &[&Document]) -> Span {
        let mut span: Option<Span> = None;
        for (k, i) in self.present() {
            let a = &docs[k].annotations[i];
            let s = Span::new(a.first_start(), a.last_end());
            span = Some(span.map_or(s, |t| Span::new(t.start.min(s.start), t.end.max(s.end))));
        }
        span.unwrap_or(Span::new(0, 0))
    }
}

/// The groups of one article's documents, in text order (start, then longer first).
pub fn groups(docs: &[&Document], speakers: &SpeakerIdentity, overlap: f64) -> Vec<Group> {
    let annotators = docs.len();
    let ann = |k: usize, i: usize| -> &Annotation { &docs[k].annotations[i] };
    let mut edges = Vec::new();
    for p in 0..annotators {
        for q in p + 1..annotators {
            for (i, x) in docs[p].annotations.iter().enumerate() {
                for (j, y) in docs[q].annotations.iter().enumerate() {
                    if let Some(s) = score(x, y, Mode::Lenient(overlap)) {
                        edges.push((s, labels::agreements((x, p), (y, q), speakers), p, i, q, j));
                    }
                }
            }
        }
    }
    // Stable, so equal candidates keep annotator and text order.
    sort::sort_by(&mut edges, |e, f| f.0.total_cmp(&e.0).then(f.1.cmp(&e.1)));

    // Every annotation starts as a group of one; `group_of` follows merges.
    let mut all: Vec<Option<Group>> = Vec::new();
    let mut group_of: Vec<Vec<usize>> = Vec::with_capacity(annotators);
    for (k, doc) in docs.iter().enumerate() {
        let mut of = Vec::with_capacity(doc.annotations.len());
        for i in 0..doc.annotations.len() {
            let mut members = vec![None; annotators];
            members[k] = Some(i);
            of.push(all.len());
            all.push(Some(Group { members }));
        }
        group_of.push(of);
    }
    for (_, _, p, i, q, j) in edges {
        let (g, h) = (group_of[p][i], group_of[q][j]);
        if g == h {
            continue;
        }
        let (Some(first), Some(second)) = (&all[g], &all[h]) else { continue };
        let disjoint = first.members.iter().zip(&second.members).all(|(x, y)| x.is_none() || y.is_none());
        let clique = disjoint
            && first.present().all(|(k, x)| {
                second.present().all(|(l, y)| score(ann(k, x), ann(l, y), Mode::Lenient(overlap)).is_some())
            });
        if !clique {
            continue;
        }
        let second = all[h].take().expect("checked above");
        let first = all[g].as_mut().expect("checked above");
        for (l, y) in second.present() {
            first.members[l] = Some(y);
            group_of[l][y] = g;
        }
    }
    // Each group's key once, not once per comparison.
    let mut keyed: Vec<_> = all
        .into_iter()
        .flatten()
        .map(|g| {
            let span = g.span(docs);
            let first = g.present().next();
            ((span.start, std::cmp::Reverse(span.end), first), g)
        })
        .collect();
    sort::sort_by(&mut keyed, |a, b| a.0.cmp(&b.0));
    keyed.into_iter().map(|(_, g)| g).collect()
}
