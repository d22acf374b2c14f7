//! One sort for the whole crate (issue 15: a smaller download).
//!
//! The standard library's sorts are generic: every element type and every
//! comparator gets its own copy of driftsort or ipnsort, 3–5 KB of wasm each,
//! and a `collect()` into a `BTreeSet`/`BTreeMap` sorts too (the small
//! maps are [`crate::vec_map`]s, filled one entry at a time). These helpers
//! keep the per-type part to a few lines: short slices are sorted in place
//! by insertion, longer ones by one shared, non-generic merge sort over
//! positions, whose order is then applied to the elements.
//!
//! Every helper here is **stable** (equal elements keep their order), so it
//! gives exactly what `slice::sort_by` gives, and, for elements that are
//! equal only when identical (numbers, ids, tuples of them), exactly what
//! `sort_unstable` gives.

use std::cmp::Ordering;

/// Up to this many elements, insertion sort in place (no allocation).
const SHORT: usize = 20;

/// Sorts `v` stably by `cmp`, like `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let n = v.len();
    if n <= SHORT {
        for i in 1..n {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut order: Vec<usize> = (0..n).collect();
    {
        let items = &*v;
        let mut by_position = |a: usize, b: usize| cmp(&items[a], &items[b]);
        let mut buf = vec![0; n];
        merge_sort(&mut order, &mut buf, &mut by_position);
    }
    permute(v, &mut order);
}

/// Sorts `v` ascending, stably, like `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts `v` stably by a key, like `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The one non-generic sort: stable top-down merge sort of positions,
/// comparing through `cmp`. `buf` is scratch of the same length.
fn merge_sort(a: &mut [usize], buf: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    let n = a.len();
    if n < 2 {
        return;
    }
    let mid = n / 2;
    merge_sort(&mut a[..mid], &mut buf[..mid], cmp);
    merge_sort(&mut a[mid..], &mut buf[mid..], cmp);
    if cmp(a[mid - 1], a[mid]) != Ordering::Greater {
        return; // already in order
    }
    buf.copy_from_slice(a);
    let (mut i, mut j) = (0, mid);
    for slot in a.iter_mut() {
        // Ties take the left run's element: stable.
        let left = j >= n || (i < mid && cmp(buf[i], buf[j]) != Ordering::Greater);
        if left {
            *slot = buf[i];
            i += 1;
        } else {
            *slot = buf[j];
            j += 1;
        }
    }
}

/// Rearranges `v` so that the new `v[k]` is the old `v[order[k]]`, by
/// following each cycle of the permutation once (`order` is used up).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..v.len() {
        let mut cur = start;
        loop {
            let next = order[cur];
            order[cur] = cur;
            if next == start || next == cur {
                break;
            }
            // `next` holds the element due at `cur`; the one that started
            // this cycle moves on to `next`.
            v.swap(cur, next);
            cur = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no global RNG in tests either).
    fn numbers(seed: u64, n: usize, modulo: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort_on_every_length() {
        for n in 0..200 {
            for modulo in [1, 3, 1000] {
                // Pairs (key, original position): stability is visible.
                let keys = numbers(n as u64 * 7 + modulo, n, modulo);
                let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
                let mut std_sorted = ours.clone();
                sort_by_key(&mut ours, |p| p.0);
                std_sorted.sort_by_key(|p| p.0);
                assert_eq!(ours, std_sorted, "n = {n}, modulo = {modulo}");
            }
        }
    }

    #[test]
    fn sorts_descending_reversed_and_sorted_input() {
        let mut v: Vec<u32> = (0..100).collect();
        sort_by(&mut v, |a, b| b.cmp(a));
        assert_eq!(v, (0..100).rev().collect::<Vec<u32>>());
        sort(&mut v);
        assert_eq!(v, (0..100).collect::<Vec<u32>>());
        sort(&mut v);
        assert_eq!(v, (0..100).collect::<Vec<u32>>());
    }

    #[test]
    fn moves_owned_elements_without_losing_any() {
        let keys = numbers(42, 150, 50);
        let mut v: Vec<String> = keys.iter().map(|k| format!("{k:03}")).collect();
        let mut expected = v.clone();
        sort(&mut v);
        expected.sort();
        assert_eq!(v, expected);
    }
}
