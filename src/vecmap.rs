//! Ordered maps and sets kept as sorted `Vec`s.
//!
//! The standard `BTreeMap` compiles its node code (search, split, merge, steal, drop) once
//! per key and value type, a few kilobytes of WebAssembly each. A sorted `Vec` searched by
//! bisection needs a fraction of that, and for the few dozen entries of a label map, a
//! manifest's fields or a page's rows it is as fast. Inserting and removing move the
//! entries after the position, so the maps that take thousands of inserts and removes
//! while the simulation runs (the store, its indexes, the work queues) use the engine's
//! chunked map instead.

use std::borrow::Borrow;
use std::fmt;
use std::ops::{Bound, Index, RangeBounds};

/// An ordered map: entries sorted by key, no key twice.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VecMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap {
            entries: Vec::new(),
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K, V> VecMap<K, V> {
    pub const fn new() -> Self {
        VecMap {
            entries: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry, in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// Every entry, in key order, with its value to change in place.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&K, &mut V)> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    pub fn values_mut(&mut self) -> impl DoubleEndedIterator<Item = &mut V> {
        self.entries.iter_mut().map(|(_, v)| v)
    }

    pub fn first_key_value(&self) -> Option<(&K, &V)> {
        self.entries.first().map(|(k, v)| (k, v))
    }

    pub fn last_key_value(&self) -> Option<(&K, &V)> {
        self.entries.last().map(|(k, v)| (k, v))
    }

    /// Keeps the entries `keep` says yes to.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

impl<K: Ord, V> VecMap<K, V> {
    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        self.entries.get(at).map(|(_, v)| v)
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        self.entries.get_mut(at).map(|(_, v)| v)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Stores `value` at `key` and gives back what was there.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => self
                .entries
                .get_mut(at)
                .map(|slot| std::mem::replace(&mut slot.1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    /// Removes `key` and gives back what was there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.remove_entry(key).map(|(_, v)| v)
    }

    fn remove_entry<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<(K, V)>
    where
        K: Borrow<Q>,
    {
        let at = self.find(key).ok()?;
        Some(self.entries.remove(at))
    }

    /// The place of `key`, to fill or change.
    pub fn entry(&mut self, key: K) -> Entry<'_, K, V> {
        let at = self.find(&key);
        Entry {
            entries: &mut self.entries,
            key,
            at,
        }
    }

    /// The entries whose keys are in `range`, in key order.
    pub fn range<Q, R>(&self, range: R) -> impl DoubleEndedIterator<Item = (&K, &V)>
    where
        Q: Ord + ?Sized,
        K: Borrow<Q>,
        R: RangeBounds<Q>,
    {
        within(&self.entries, &range).iter().map(|(k, v)| (k, v))
    }
}

/// The place of one key in a [`VecMap`]: filled or not.
pub struct Entry<'a, K, V> {
    entries: &'a mut Vec<(K, V)>,
    key: K,
    /// Where the key is (`Ok`) or would go (`Err`).
    at: Result<usize, usize>,
}

impl<'a, K, V> Entry<'a, K, V> {
    /// The value, stored first from `make` if the key had none.
    pub fn or_insert_with(self, make: impl FnOnce() -> V) -> &'a mut V {
        let at = match self.at {
            Ok(at) => at,
            Err(at) => {
                let at = at.min(self.entries.len());
                self.entries.insert(at, (self.key, make()));
                at
            }
        };
        // `at` is in range: found there, or just inserted there.
        &mut self.entries[at].1
    }

    pub fn or_insert(self, value: V) -> &'a mut V {
        self.or_insert_with(|| value)
    }

    pub fn or_default(self) -> &'a mut V
    where
        V: Default,
    {
        self.or_insert_with(V::default)
    }
}

impl<K: Ord, V> Extend<(K, V)> for VecMap<K, V> {
    /// Adds the pairs after the entries, sorts them by key (stably, with the crate's one
    /// compiled sort) and keeps the last value of each key: a later pair wins, as with
    /// `insert`. Linear for pairs that come in key order, `n log n` otherwise.
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, items: I) {
        let known = self.entries.len();
        self.entries.extend(items);
        let sorted = (self.entries.get(known.saturating_sub(1)..))
            .unwrap_or_default()
            .windows(2)
            .all(|w| matches!(w, [(a, _), (b, _)] if a < b));
        if !sorted {
            crate::sort::by(&mut self.entries, |(a, _), (b, _)| a.cmp(b));
            // Of equal keys, now side by side in the order they came, the last one stays.
            self.entries.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    std::mem::swap(later, kept);
                }
                same
            });
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(items: I) -> Self {
        let mut map = VecMap::new();
        map.extend(items);
        map
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for VecMap<K, V> {
    fn from(items: [(K, V); N]) -> Self {
        items.into_iter().collect()
    }
}

impl<K, V> IntoIterator for VecMap<K, V> {
    type Item = (K, V);
    type IntoIter = std::vec::IntoIter<(K, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, K, V> IntoIterator for &'a VecMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

/// `map[key]`, like `BTreeMap`'s: panics when `key` is not there.
impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> Index<&Q> for VecMap<K, V> {
    type Output = V;
    fn index(&self, key: &Q) -> &V {
        match self.get(key) {
            Some(value) => value,
            None => panic!("no entry for the key in the map"),
        }
    }
}

/// An ordered set: items sorted, none twice. A [`VecMap`] with no values, so the two
/// share their compiled code.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VecSet<T>(VecMap<T, ()>);

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        VecSet(VecMap::new())
    }
}

impl<T: fmt::Debug> fmt::Debug for VecSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T> VecSet<T> {
    pub const fn new() -> Self {
        VecSet(VecMap::new())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every item, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> + ExactSizeIterator {
        self.0.keys()
    }

    pub fn first(&self) -> Option<&T> {
        self.0.first_key_value().map(|(k, _)| k)
    }

    pub fn last(&self) -> Option<&T> {
        self.0.last_key_value().map(|(k, _)| k)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.0.retain(|k, _| keep(k));
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl<T: Ord> VecSet<T> {
    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.contains_key(item)
    }

    /// Adds `item`; `false` when it was there already (and the set keeps its own).
    pub fn insert(&mut self, item: T) -> bool {
        match self.0.find(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.entries.insert(at, (item, ()));
                true
            }
        }
    }

    /// Removes `item`; `false` when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.remove_entry(item).is_some()
    }

    /// The items in `range`, in order.
    pub fn range<Q, R>(&self, range: R) -> impl DoubleEndedIterator<Item = &T>
    where
        Q: Ord + ?Sized,
        T: Borrow<Q>,
        R: RangeBounds<Q>,
    {
        self.0.range(range).map(|(k, _)| k)
    }
}

/// Items already in the set stay (a set keeps the first of equal items).
impl<T: Ord> Extend<T> for VecSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        let mut new: VecMap<T, ()> = items.into_iter().map(|t| (t, ())).collect();
        new.retain(|t, _| !self.contains(t));
        self.0.extend(new);
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        VecSet(items.into_iter().map(|t| (t, ())).collect())
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for VecSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<T> IntoIterator for VecSet<T> {
    type Item = T;
    type IntoIter = std::iter::Map<std::vec::IntoIter<(T, ())>, fn((T, ())) -> T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.entries.into_iter().map(|(t, ())| t)
    }
}

impl<'a, T> IntoIterator for &'a VecSet<T> {
    type Item = &'a T;
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (T, ())>, fn(&'a (T, ())) -> &'a T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.entries.iter().map(|(t, ())| t)
    }
}

/// The entries of a sorted list whose keys are in `range`.
pub(crate) fn within<'a, K: Borrow<Q>, V, Q: Ord + ?Sized, R: RangeBounds<Q>>(
    entries: &'a [(K, V)],
    range: &R,
) -> &'a [(K, V)] {
    let keys = |bound: Bound<&Q>, end: bool| match bound {
        Bound::Included(q) if end => entries.partition_point(|(k, _)| k.borrow() <= q),
        Bound::Included(q) => entries.partition_point(|(k, _)| k.borrow() < q),
        Bound::Excluded(q) if end => entries.partition_point(|(k, _)| k.borrow() < q),
        Bound::Excluded(q) => entries.partition_point(|(k, _)| k.borrow() <= q),
        Bound::Unbounded if end => entries.len(),
        Bound::Unbounded => 0,
    };
    let from = keys(range.start_bound(), false);
    let to = keys(range.end_bound(), true);
    entries.get(from..to.max(from)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::world::Rng;
    use std::collections::{BTreeMap, BTreeSet};
    use std::ops::Bound::{Excluded, Included, Unbounded};

    /// A seeded run of inserts, removes, entries and batches gives the same entries,
    /// lookups, ranges and printing as the standard map.
    #[test]
    fn a_map_agrees_with_the_standard_one() {
        let mut rng = Rng::new(11);
        let mut ours: VecMap<u32, u32> = VecMap::new();
        let mut std: BTreeMap<u32, u32> = BTreeMap::new();
        for round in 0..6_000 {
            let key = rng.below(300);
            match rng.below(6) {
                0 | 1 => assert_eq!(ours.insert(key, round), std.insert(key, round)),
                2 => assert_eq!(ours.remove(&key), std.remove(&key)),
                3 => {
                    *ours.entry(key).or_default() += 1;
                    *std.entry(key).or_default() += 1;
                }
                4 => {
                    // A batch out of order, with repeated keys: the last one wins.
                    let batch: Vec<(u32, u32)> = (0..rng.below(8))
                        .map(|i| (rng.below(300), round + i))
                        .collect();
                    ours.extend(batch.iter().copied());
                    std.extend(batch.iter().copied());
                }
                _ => {
                    let (a, b) = (rng.below(320), rng.below(320));
                    let (a, b) = (a.min(b), a.max(b));
                    assert!(ours.range(a..b).eq(std.range(a..b)));
                    assert!(ours.range(a..=b).rev().eq(std.range(a..=b).rev()));
                    assert!(ours
                        .range((Excluded(a), Unbounded))
                        .eq(std.range((Excluded(a), Unbounded))));
                    assert!(ours
                        .range((Included(a), Excluded(b)))
                        .eq(std.range((Included(a), Excluded(b)))));
                    assert_eq!(ours.range((Excluded(a), Excluded(a))).count(), 0);
                    assert_eq!(ours.range(b + 1..=a).count(), 0);
                }
            }
            assert_eq!(ours.len(), std.len());
            assert_eq!(ours.get(&key), std.get(&key));
            assert_eq!(ours.contains_key(&key), std.contains_key(&key));
        }
        assert!(ours.iter().eq(std.iter()));
        assert!(ours.keys().eq(std.keys()));
        assert!(ours.values().eq(std.values()));
        assert_eq!(ours.first_key_value(), std.first_key_value());
        assert_eq!(ours.last_key_value(), std.last_key_value());
        assert_eq!(format!("{ours:?}"), format!("{std:?}"));
        ours.retain(|k, v| {
            *v += 1;
            k % 3 != 0
        });
        std.retain(|k, v| {
            *v += 1;
            k % 3 != 0
        });
        assert!(ours.clone().into_iter().eq(std.clone()));
        assert!((&ours).into_iter().eq(&std));
    }

    /// Collecting sorts and keeps a key's last value, as the standard map does; pairs
    /// already in order are taken as they are.
    #[test]
    fn collecting_keeps_the_last_value_of_a_key() {
        let pairs = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let ours: VecMap<i32, char> = pairs.into_iter().collect();
        let std: BTreeMap<i32, char> = pairs.into_iter().collect();
        assert!(ours.iter().eq(std.iter()));
        let mut grown = VecMap::from([(1, 'x'), (5, 'y')]);
        grown.extend([(6, 'z'), (7, 'w')]);
        grown.extend([(0, 'v'), (5, 'u')]);
        assert_eq!(
            format!("{grown:?}"),
            "{0: 'v', 1: 'x', 5: 'u', 6: 'z', 7: 'w'}"
        );
        grown.extend([(9, 'p'), (1, 'o')]);
        assert_eq!(grown.get(&1), Some(&'o'));
        assert_eq!(grown[&9], 'p');
        assert_eq!(grown.len(), 6);
    }

    /// Maps compare, order and hash by their entries in key order, as the standard ones.
    #[test]
    fn maps_compare_by_their_entries() {
        let a: VecMap<&str, i32> = [("x", 1), ("y", 2)].into_iter().collect();
        let b: VecMap<&str, i32> = [("y", 2), ("x", 1)].into_iter().collect();
        let c: VecMap<&str, i32> = [("x", 1), ("z", 0)].into_iter().collect();
        assert_eq!(a, b);
        assert!(a < c);
        let std = |m: &VecMap<&'static str, i32>| -> BTreeMap<&'static str, i32> {
            m.iter().map(|(k, v)| (*k, *v)).collect()
        };
        assert_eq!(a.cmp(&c), std(&a).cmp(&std(&c)));
        let mut map = VecMap::new();
        map.entry("k").or_insert(1);
        *map.entry("k").or_insert(0) += 10;
        *map.entry("j").or_insert_with(|| 5) += 1;
        assert_eq!(format!("{map:?}"), r#"{"j": 6, "k": 11}"#);
        for (_, v) in map.iter_mut() {
            *v *= 2;
        }
        assert!(map.values().eq([&12, &22]));
    }

    /// A seeded run against the standard set.
    #[test]
    fn a_set_agrees_with_the_standard_one() {
        let mut rng = Rng::new(5);
        let mut ours: VecSet<u32> = VecSet::new();
        let mut std: BTreeSet<u32> = BTreeSet::new();
        for _ in 0..4_000 {
            let item = rng.below(200);
            match rng.below(4) {
                0 | 1 => assert_eq!(ours.insert(item), std.insert(item)),
                2 => assert_eq!(ours.remove(&item), std.remove(&item)),
                _ => {
                    let batch: Vec<u32> = (0..rng.below(6)).map(|_| rng.below(200)).collect();
                    ours.extend(batch.iter().copied());
                    std.extend(batch.iter().copied());
                }
            }
            assert_eq!(ours.contains(&item), std.contains(&item));
            assert_eq!(ours.len(), std.len());
            let (a, b) = (item.min(100), item.max(100));
            assert!(ours.range(a..b).eq(std.range(a..b)));
        }
        assert!(ours.iter().eq(std.iter()));
        assert_eq!(ours.first(), std.first());
        assert_eq!(ours.last(), std.last());
        assert_eq!(format!("{ours:?}"), format!("{std:?}"));
        ours.retain(|t| t % 3 != 0);
        std.retain(|t| t % 3 != 0);
        assert!(ours.clone().into_iter().eq(std.clone()));
        assert!((&ours).into_iter().eq(&std));
    }
}
