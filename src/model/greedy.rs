//! Greedy one-to-one pairing, shared by span matching between annotators (`agreement`) and
//! between suggestions and gold quotes (`suggest::score`): each scores candidate pairs its own
//! way, and both then pair them alike.

use super::sort;

/// Pairs items of two lists, at most once each: candidates `(score, i, j)` are taken best
/// score first, and one is skipped when its `i` or `j` is already paired. Candidates of equal
/// score keep their order (build them by `i`, then `j`, for text order). Returns the pairs in
/// the order taken, and which items of each list were paired.
pub fn pair(mut candidates: Vec<(f64, usize, usize)>, a_len: usize, b_len: usize) -> Paired {
    sort::sort_by(&mut candidates, |p, q| q.0.total_cmp(&p.0));
    let mut paired = Paired { pairs: Vec::new(), used_a: vec![false; a_len], used_b: vec![false; b_len] };
    for (_, i, j) in candidates {
        if !paired.used_a[i] && !paired.used_b[j] {
            paired.used_a[i] = true;
            paired.used_b[j] = true;
            paired.pairs.push((i, j));
        }
    }
    paired
}

pub struct Paired {
    pub pairs: Vec<(usize, usize)>,
    pub used_a: Vec<bool>,
    pub used_b: Vec<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn best_first_once_each_and_ties_in_candidate_order() {
        let paired = pair(vec![(0.5, 0, 0), (0.9, 0, 1), (0.5, 1, 1), (0.5, 1, 0), (0.2, 2, 2)], 3, 3);
        assert_eq!(paired.pairs, [(0, 1), (1, 0), (2, 2)]);
        assert_eq!((paired.used_a, paired.used_b), (vec![true; 3], vec![true; 3]));
        let lonely = pair(vec![(1.0, 0, 0)], 2, 1);
        assert_eq!((lonely.pairs, lonely.used_a), (vec![(0, 0)], vec![true, false]));
    }
}
