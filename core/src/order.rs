//! One stable sort for the whole crate.
//!
//! Every `sort_by_key` instantiates the standard library's sort for its own element and key
//! types (about 4 KB of wasm each; even one `sort_unstable` of triples costs 2.3 KB). The
//! crate's sorts all order by at most two `usize` keys, so they share this one, which sorts
//! `(key, key, index)` triples with a heapsort of a dozen lines: stable because the index
//! breaks ties, O(n log n) in the worst case, and nearly free when the input is already in
//! order (the usual case: diagnostics arrive mostly sorted). Orders that are not two `usize`
//! keys (rule codes, names, completion items) go through [`sort_by_cmp`], whose heapsort over
//! indices calls the comparison through `dyn`, so it too is compiled once.

use std::cmp::Ordering;

/// Sorts `items` stably by `key`.
pub(crate) fn sort_stable_by<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (usize, usize)) {
    if items.len() < 2 {
        return;
    }
    let mut keys: Vec<(usize, usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (a, b) = key(t);
            (a, b, i)
        })
        .collect();
    if keys.windows(2).all(|w| w[0] <= w[1]) {
        return;
    }
    heapsort(&mut keys);
    permute(items, keys.into_iter().map(|(_, _, i)| i));
}

/// Sorts `items` stably in the order `cmp` gives: O(n log n) comparisons, none when `items`
/// is already in order.
pub(crate) fn sort_by_cmp<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if items.windows(2).all(|w| cmp(&w[0], &w[1]).is_le()) {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    // The index breaks ties, which makes the sort stable.
    heapsort_by(&mut order, &|a, b| cmp(&items[a], &items[b]).then(a.cmp(&b)).is_lt());
    permute(items, order.into_iter());
}

/// Reorders `items` so that the `k`th item is the one at index `order[k]` before.
fn permute<T>(items: &mut Vec<T>, order: impl Iterator<Item = usize>) {
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.map(|i| slots[i].take().expect("each index once")));
}

/// Sorts `v` ascending by `less` in place.
fn heapsort_by(v: &mut [usize], less: &dyn Fn(usize, usize) -> bool) {
    for start in (0..v.len() / 2).rev() {
        sift_down_by(v, start, less);
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down_by(&mut v[..end], 0, less);
    }
}

/// Restores the heap property (by `less`) below `node` in `heap`.
fn sift_down_by(heap: &mut [usize], mut node: usize, less: &dyn Fn(usize, usize) -> bool) {
    loop {
        let mut child = 2 * node + 1;
        if child >= heap.len() {
            return;
        }
        if child + 1 < heap.len() && less(heap[child], heap[child + 1]) {
            child += 1;
        }
        if !less(heap[node], heap[child]) {
            return;
        }
        heap.swap(node, child);
        node = child;
    }
}

/// Sorts `v` ascending in place.
fn heapsort(v: &mut [(usize, usize, usize)]) {
    // Builds a max-heap, then moves the maximum to the end, one element at a time.
    for start in (0..v.len() / 2).rev() {
        sift_down(v, start);
    }
    for end in (1..v.len()).rev() {
        v.swap(0, end);
        sift_down(&mut v[..end], 0);
    }
}

/// Restores the heap property below `node` in `heap`.
fn sift_down(heap: &mut [(usize, usize, usize)], mut node: usize) {
    loop {
        let mut child = 2 * node + 1;
        if child >= heap.len() {
            return;
        }
        if child + 1 < heap.len() && heap[child] < heap[child + 1] {
            child += 1;
        }
        if heap[node] >= heap[child] {
            return;
        }
        heap.swap(node, child);
        node = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        sort_stable_by(&mut v, |x| (x.0, 0));
        assert_eq!(v, vec![(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = vec![];
        sort_stable_by(&mut empty, |_| (0, 0));
        assert!(empty.is_empty());
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0usize..5, 0usize..5, 0u16..1000), 0..200)) {
            let mut ours = items.clone();
            sort_stable_by(&mut ours, |x| (x.0, x.1));
            let mut theirs = items;
            theirs.sort_by_key(|x| (x.0, x.1));
            proptest::prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn by_cmp_agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0usize..5, 0u16..1000), 0..200)) {
            let mut ours = items.clone();
            sort_by_cmp(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut theirs = items;
            theirs.sort_by_key(|x| std::cmp::Reverse(x.0));
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
