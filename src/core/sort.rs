//! One stable sort for the whole app. The standard library's sorts are fast but generic: every
//! element type and comparator gets its own copy, about 3 KB of wasm each. Here, one merge sort
//! over `u32` positions with a dynamic comparator is shared by every call site; only the small
//! step that moves elements into place is per type.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = order_by(v.len(), &|a, b| cmp(&v[a as usize], &v[b as usize]));
    permute(v, &order);
}

/// Sorts `v` stably by a key.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
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
    fn sorts_descending_and_dedups() {
        let mut v = vec![3, 1, 2, 3, 1];
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, [3, 3, 2, 1, 1]);
        sort_dedup(&mut v);
        assert_eq!(v, [1, 2, 3]);
    }
}
