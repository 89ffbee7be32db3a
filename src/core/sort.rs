//! One stable sort for the whole app. The standard library's sorts are fast but generic: every
//! element type and comparator gets its own copy, about 3 KB of wasm each. Here, one merge sort
//! over `u32` positions with a dynamic comparator is shared by every call site; only the small
//! step that moves elements into place is per type. Search results, ranked by small scores, are
//! ordered by counting instead (`by_rank`).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let cmp: &dyn Fn(u32, u32) -> Ordering = &|a, b| cmp(&v[a as usize], &v[b as usize]);
    // Data files usually list records in order already: one pass confirms it.
    if is_sorted(v.len(), cmp) {
        return;
    }
    let order = order_by(v.len(), cmp);
    permute(v, &order);
}

fn is_sorted(n: usize, cmp: &dyn Fn(u32, u32) -> Ordering) -> bool {
    (1..n as u32).all(|i| cmp(i - 1, i) != Ordering::Greater)
}

/// Sorts `v` stably by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably by `key`, then by `then` where keys are equal. The keys are computed once and
/// kept side by side: comparing them does not reach into large elements spread over memory.
pub fn sort_by_cached_key<T, K: Ord>(
    v: &mut Vec<T>,
    key: impl Fn(&T) -> K,
    then: impl Fn(&T, &T) -> Ordering,
) {
    if v.len() < 2 {
        return;
    }
    let keys: Vec<K> = v.iter().map(key).collect();
    let cmp: &dyn Fn(u32, u32) -> Ordering = &|a, b| {
        let (a, b) = (a as usize, b as usize);
        keys[a].cmp(&keys[b]).then_with(|| then(&v[a], &v[b]))
    };
    if is_sorted(v.len(), cmp) {
        return;
    }
    let order = order_by(v.len(), cmp);
    permute(v, &order);
}

/// Orders `v` by `rank`, highest first, equal ranks keeping their order. Search ranks are small
/// sums, so counting them takes one pass where comparing takes many.
pub fn by_rank<T: Copy>(v: &mut Vec<T>, rank: impl Fn(&T) -> u32) {
    let Some(max) = v.iter().map(&rank).max() else {
        return;
    };
    if max as usize > 4 * v.len() + 1024 {
        sort_by_key(v, |x| std::cmp::Reverse(rank(x)));
        return;
    }
    // `next[k]`: where the next element `max - k` below the top rank goes.
    let mut next = vec![0usize; max as usize + 2];
    for x in v.iter() {
        next[(max - rank(x)) as usize + 1] += 1;
    }
    for k in 1..next.len() {
        next[k] += next[k - 1];
    }
    let mut out = v.clone();
    for x in v.iter() {
        let slot = &mut next[(max - rank(x)) as usize];
        out[*slot] = *x;
        *slot += 1;
    }
    *v = out;
}

/// The positions `0..n` in the order `cmp` gives them, equal elements keeping their order.
pub fn order_by(n: usize, cmp: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    let mut b = a.clone();
    // Bottom-up merge sort: runs of width 1, 2, 4… merged from `a` into `b`, then swapped.
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // `<=` on the left run keeps the sort stable.
                if cmp(a[i], a[j]) != Ordering::Greater {
                    b[k] = a[i];
                    i += 1;
                } else {
                    b[k] = a[j];
                    j += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + (end - j)].copy_from_slice(&a[j..end]);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Reorders `v` so that element `i` is the old `v[order[i]]`.
fn permute<T>(v: &mut Vec<T>, order: &[u32]) {
    let mut old: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&i| old[i as usize].take()));
}

/// Sorts and removes duplicates.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
    v.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::synth::Rng;

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        let mut r = Rng(17);
        for n in [0, 1, 2, 3, 7, 8, 9, 100, 1000, 4097] {
            let v: Vec<(u8, u32)> = (0..n).map(|i| (r.below(10) as u8, i as u32)).collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v.clone();
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn keyed_and_ranked_sorts_agree_with_the_standard_stable_sort() {
        let mut r = Rng(23);
        for n in [0, 1, 2, 3, 9, 100, 1000, 4097] {
            let v: Vec<(u8, u32, u32)> = (0..n)
                .map(|i| (r.below(10) as u8, r.below(5) as u32, i as u32))
                .collect();
            let mut ours = v.clone();
            sort_by_cached_key(&mut ours, |x| x.0, |a, b| b.1.cmp(&a.1));
            let mut std = v.clone();
            std.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            assert_eq!(ours, std, "n = {n}");

            let mut ours = v.clone();
            by_rank(&mut ours, |x| u32::from(x.0));
            let mut std = v.clone();
            std.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, std, "n = {n}");
        }
        let mut wide = vec![(0, 1), (1_000_000, 2), (0, 3), (7, 4)];
        by_rank(&mut wide, |x| x.0);
        assert_eq!(wide, [(1_000_000, 2), (7, 4), (0, 1), (0, 3)]);
    }

    #[test]
    fn sorted_input_is_left_as_it_is() {
        let mut v: Vec<u32> = (0..1000).collect();
        sort_by(&mut v, u32::cmp);
        assert!(v.iter().enumerate().all(|(i, &x)| x == i as u32));
    }

    #[test]
    fn sorts_descending_and_dedups() {
        let mut v = vec![3, 1, 2, 3, 1];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [3, 3, 2, 1, 1]);
        sort_dedup(&mut v);
        assert_eq!(v, [1, 2, 3]);
    }
}
