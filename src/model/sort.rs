//! One stable sort for the whole app. `slice::sort_by` is generic over the element and the
//! comparison, so each call site compiles its own copy of the standard library's sort, 3 to
//! 5 KB of wasm each, a dozen times over. Here the sort is compiled once, over indices, with
//! the comparison behind a `dyn`; only the short step that puts the items in that order is
//! compiled per type. Stable, like `sort_by`: equal items keep their order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_indices(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    let mut taken: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().map(|i| taken[i].take().expect("each index comes once")));
}

/// Sorts `items` in their own order.
pub fn sort<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
}

/// Sorts `items` by the key `key` gives, keeping items with equal keys in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The one instance of the standard library's stable sort.
#[inline(never)]
fn sort_indices(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|a, b| compare(*a, *b));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn it_sorts_like_the_standard_stable_sort(items in prop::collection::vec((0u8..6, any::<u16>()), 0..60)) {
            // Sorted by the first field only: equal keys must keep their order (the second field).
            let mut ours = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            let mut std_sorted = items;
            std_sorted.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn items_that_cannot_be_copied_are_moved_into_place() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "kiwi"].map(String::from).into();
        sort_by_key(&mut words, String::len);
        assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
    }
}
