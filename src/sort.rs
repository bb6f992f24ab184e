//! Stable sorting with one compiled copy of the algorithm.
//!
//! The standard library's sorts are generic over the element type, so each call site with
//! a new type adds its own copy of the whole algorithm (about 4 KB of WebAssembly each).
//! Here the algorithm sorts positions through a comparison callback and is compiled once;
//! what is left per call site is a closure and a loop of swaps. Same result as
//! `slice::sort_by`: stable, and deterministic for equal elements.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `slice::sort_by`.
///
/// Positions are read with `get` and checked before a swap (they are always in range), so
/// the many compiled copies of this function carry no panic paths.
pub fn by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let swaps = {
        let view: &[T] = items;
        swaps_to_sort(view.len(), &mut |a, b| match (view.get(a), view.get(b)) {
            (Some(a), Some(b)) => compare(a, b),
            _ => Ordering::Equal,
        })
    };
    let len = items.len();
    for (a, b) in swaps {
        if a < len && b < len {
            items.swap(a, b);
        }
    }
}

/// Sorts `items` stably by the key `key` gives, like `slice::sort_by_key`.
pub fn by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in ascending order, like `slice::sort`.
pub fn ascending<T: Ord>(items: &mut [T]) {
    by(items, T::cmp);
}

/// The swaps that put `len` elements in stable order under `compare` (given positions).
fn swaps_to_sort(
    len: usize,
    compare: &mut dyn FnMut(usize, usize) -> Ordering,
) -> Vec<(usize, usize)> {
    // Already in order (most inputs come from ordered maps): nothing to do.
    if (1..len).all(|i| compare(i, i - 1).is_ge()) {
        return Vec::new();
    }
    // Bottom-up merge sort of the positions: `order[i]` is the element that goes to i.
    let mut order: Vec<usize> = (0..len).collect();
    let mut buffer = vec![0; len];
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            // Two runs already in order (the right one starts no lower than the left one
            // ends) merge to themselves.
            if middle >= end || compare(order[middle], order[middle - 1]).is_ge() {
                buffer[start..end].copy_from_slice(&order[start..end]);
                start = end;
                continue;
            }
            let (mut left, mut right) = (start, middle);
            for slot in &mut buffer[start..end] {
                let take_left =
                    right >= end || (left < middle && compare(order[right], order[left]).is_ge());
                if take_left {
                    *slot = order[left];
                    left += 1;
                } else {
                    *slot = order[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    // Turn the permutation into swaps: `at[p]` is the element now at p, `pos[e]` where e is.
    let mut at: Vec<usize> = (0..len).collect();
    let mut pos = at.clone();
    let mut swaps = Vec::new();
    for (i, &wanted) in order.iter().enumerate() {
        let p = pos[wanted];
        if p != i {
            swaps.push((i, p));
            let displaced = at[i];
            at[p] = displaced;
            pos[displaced] = p;
            at[i] = wanted;
            pos[wanted] = i;
        }
    }
    swaps
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small seeded generator, so the test needs no dependency and is repeatable.
    fn numbers(seed: u64, len: usize, range: u64) -> Vec<u64> {
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33) % range
            })
            .collect()
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        for seed in 0..300 {
            let len = (seed % 70) as usize;
            // Pairs (key, original position): equal keys must keep their order.
            let keys = numbers(seed, len, 1 + seed % 9);
            let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut theirs = ours.clone();
            by_key(&mut ours, |p| p.0);
            theirs.sort_by_key(|p| p.0);
            assert_eq!(ours, theirs, "seed {seed}");
        }
    }

    /// Inputs made of sorted runs (a sorted list with a few items moved, or runs laid
    /// end to end) take the shortcuts for runs already in order: the result must still
    /// be the standard stable sort's.
    #[test]
    fn matches_the_standard_stable_sort_on_sorted_runs() {
        for seed in 0..300 {
            let len = (seed % 90) as usize;
            let mut keys = numbers(seed, len, 1 + seed % 13);
            let run = 1 + (seed as usize % 9);
            for chunk in keys.chunks_mut(run) {
                chunk.sort();
            }
            if seed % 3 == 0 && len > 2 {
                keys.sort();
                keys.swap(seed as usize % len, (seed as usize * 7) % len);
            }
            let mut ours: Vec<(u64, usize)> = keys.iter().copied().zip(0..).collect();
            let mut theirs = ours.clone();
            by_key(&mut ours, |p| p.0);
            theirs.sort_by_key(|p| p.0);
            assert_eq!(ours, theirs, "seed {seed}");
        }
    }

    #[test]
    fn sorts_ascending_and_in_reverse() {
        let mut words = vec!["web-10", "web-2", "web-1", "nginx", "web-2"];
        ascending(&mut words);
        assert_eq!(words, ["nginx", "web-1", "web-10", "web-2", "web-2"]);
        by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["web-2", "web-2", "web-10", "web-1", "nginx"]);
        let mut empty: Vec<u8> = Vec::new();
        ascending(&mut empty);
        assert!(empty.is_empty());
    }
}
