//! One stable sort for the whole crate.
//!
//! Every `sort_by_key` instantiates the standard library's sort for its own element and key
//! types (about 4 KB of wasm each). The crate's sorts all order by at most two `usize` keys,
//! so they share this one, which sorts `(key, key, index)` triples: one instantiation, and
//! stable because the index breaks ties.

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
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(keys.into_iter().map(|(_, _, i)| slots[i].take().expect("each index once")));
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
}
