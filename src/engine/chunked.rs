//! An ordered map whose copies share their entries: the entries, in key order, are cut
//! into small sorted chunks, each held by an `Rc`. Copying the map copies the list of
//! chunks; a write copies the one chunk it changes, and only if another copy still holds
//! it.
//!
//! The simulation keeps a copy of the world every so many steps (checkpoints) and a seek
//! starts from one: with plain maps each copy and each drop walked every stored object
//! and index entry, with these they walk one pointer per chunk and the chunks written
//! since. A chunk is a sorted `Vec`, searched by bisection: for a few dozen entries that
//! is as fast as a tree, and much less code in the WebAssembly build.

use crate::vecmap::within;
use std::borrow::Borrow;
use std::fmt;
use std::ops::{Bound, RangeBounds};
use std::rc::Rc;

/// A chunk splits in two when it grows past this many entries.
const MAX: usize = 32;

type Chunk<K, V> = Rc<Vec<(K, V)>>;

/// An ordered map of sorted chunks of at most `MAX` entries (see the module).
pub struct Chunked<K, V> {
    /// The entries in key order; no chunk is empty.
    chunks: Vec<Chunk<K, V>>,
    /// Where each chunk after the first starts: chunk `i + 1` holds the keys from
    /// `starts[i]` up to (not including) `starts[i + 1]`.
    starts: Vec<K>,
    len: usize,
}

impl<K, V> Default for Chunked<K, V> {
    fn default() -> Self {
        Chunked {
            chunks: Vec::new(),
            starts: Vec::new(),
            len: 0,
        }
    }
}

impl<K: Clone, V> Clone for Chunked<K, V> {
    fn clone(&self) -> Self {
        Chunked {
            chunks: self.chunks.clone(),
            starts: self.starts.clone(),
            len: self.len,
        }
    }
}

/// Printed as one map: two equal maps print the same, however they are chunked.
impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Chunked<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K, V> Chunked<K, V> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every entry, in key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> {
        self.chunks
            .iter()
            .flat_map(|chunk| chunk.iter().map(|(k, v)| (k, v)))
    }

    /// Every key, in order.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> {
        self.iter().map(|(k, _)| k)
    }

    /// Every value, in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> {
        self.iter().map(|(_, v)| v)
    }

    pub fn first_key_value(&self) -> Option<(&K, &V)> {
        self.iter().next()
    }

    pub fn last_key_value(&self) -> Option<(&K, &V)> {
        self.iter().next_back()
    }
}

impl<K: Ord + Clone, V: Clone> Chunked<K, V> {
    /// The position of the chunk that holds (or would hold) `key`.
    fn chunk_of<Q: Ord + ?Sized>(&self, key: &Q) -> usize
    where
        K: Borrow<Q>,
    {
        self.starts.partition_point(|start| start.borrow() <= key)
    }

    /// The chunk that holds or would hold `key`, and where in it `key` is or would go.
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Option<(usize, Result<usize, usize>)>
    where
        K: Borrow<Q>,
    {
        let at = self.chunk_of(key);
        let chunk = self.chunks.get(at)?;
        Some((at, chunk.binary_search_by(|(k, _)| k.borrow().cmp(key))))
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let (at, Ok(i)) = self.find(key)? else {
            return None;
        };
        self.chunks.get(at)?.get(i).map(|(_, v)| v)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.get(key).is_some()
    }

    /// The value at `key`, to change in place (its chunk copied first if shared).
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let (at, Ok(i)) = self.find(key)? else {
            return None;
        };
        let chunk = Rc::make_mut(self.chunks.get_mut(at)?);
        chunk.get_mut(i).map(|(_, v)| v)
    }

    /// Stores `value` at `key` and gives back what was there.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let Some((at, found)) = self.find(&key) else {
            self.chunks.push(Rc::new(vec![(key, value)]));
            self.len += 1;
            return None;
        };
        let chunk = writable(self.chunks.get_mut(at)?);
        match found {
            Ok(i) => chunk
                .get_mut(i)
                .map(|slot| std::mem::replace(&mut slot.1, value)),
            Err(i) => {
                chunk.insert(i.min(chunk.len()), (key, value));
                self.len += 1;
                if chunk.len() > MAX {
                    let mut upper = Vec::with_capacity(MAX + 1);
                    upper.extend(chunk.drain(chunk.len() / 2..));
                    if let Some((start, _)) = upper.first() {
                        self.starts.insert(at, start.clone());
                        self.chunks.insert(at + 1, Rc::new(upper));
                    }
                }
                None
            }
        }
    }

    /// Removes `key` and gives back what was there. A chunk left empty goes; one left
    /// small joins the next when both fit in one.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let (at, Ok(i)) = self.find(key)? else {
            return None;
        };
        let chunk = writable(self.chunks.get_mut(at)?);
        if i >= chunk.len() {
            return None;
        }
        let (_, old) = chunk.remove(i);
        self.len -= 1;
        let left = chunk.len();
        if left == 0 {
            self.chunks.remove(at);
            // The chunk's start goes; the first chunk has none, so the next one's goes.
            if !self.starts.is_empty() {
                self.starts.remove(at.saturating_sub(1));
            }
        } else if left < MAX / 4 && at < self.starts.len() {
            let next_len = self.chunks.get(at + 1).map_or(usize::MAX, |c| c.len());
            if left + next_len <= MAX / 2 {
                let next = self.chunks.remove(at + 1);
                self.starts.remove(at);
                let next = Rc::try_unwrap(next).unwrap_or_else(|shared| (*shared).clone());
                if let Some(chunk) = self.chunks.get_mut(at) {
                    Rc::make_mut(chunk).extend(next);
                }
            }
        }
        Some(old)
    }

    /// The entries whose keys are in `range`, in key order.
    pub fn range<Q, R>(&self, range: R) -> impl DoubleEndedIterator<Item = (&K, &V)>
    where
        Q: Ord + ?Sized,
        K: Borrow<Q>,
        R: RangeBounds<Q>,
    {
        let first = match range.start_bound() {
            Bound::Included(key) | Bound::Excluded(key) => self.chunk_of(key),
            Bound::Unbounded => 0,
        };
        let last = match range.end_bound() {
            Bound::Included(key) | Bound::Excluded(key) => self.chunk_of(key) + 1,
            Bound::Unbounded => self.chunks.len(),
        };
        let chunks = self.chunks.get(first..last.max(first)).unwrap_or_default();
        chunks
            .iter()
            .flat_map(move |chunk| within(chunk, &range).iter().map(|(k, v)| (k, v)))
    }
}

/// An ordered set on [`Chunked`]: its copies share their chunks the same way.
pub struct ChunkedSet<T>(Chunked<T, ()>);

impl<T> Default for ChunkedSet<T> {
    fn default() -> Self {
        ChunkedSet(Chunked::default())
    }
}

impl<T: Clone> Clone for ChunkedSet<T> {
    fn clone(&self) -> Self {
        ChunkedSet(self.0.clone())
    }
}

impl<T: fmt::Debug> fmt::Debug for ChunkedSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T> ChunkedSet<T> {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every item, in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.0.keys()
    }

    pub fn first(&self) -> Option<&T> {
        self.0.first_key_value().map(|(k, _)| k)
    }
}

impl<T: Ord + Clone> ChunkedSet<T> {
    /// Adds `item`; `false` when it was there already.
    pub fn insert(&mut self, item: T) -> bool {
        self.0.insert(item, ()).is_none()
    }

    /// Removes `item`; `false` when it was not there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.remove(item).is_some()
    }

    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.0.contains_key(item)
    }
}

/// The chunk itself if no other copy holds it, else a copy of it with room for one more
/// entry (so that an insert does not grow it again).
fn writable<K: Clone, V: Clone>(chunk: &mut Chunk<K, V>) -> &mut Vec<(K, V)> {
    if Rc::get_mut(chunk).is_none() {
        let mut copy = Vec::with_capacity(chunk.len() + 1);
        copy.extend_from_slice(chunk);
        *chunk = Rc::new(copy);
    }
    Rc::make_mut(chunk)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::world::Rng;
    use std::collections::BTreeMap;
    use std::ops::Bound::Excluded;

    /// A seeded run of inserts and removes gives the same entries, lookups and ranges as
    /// a plain map, and keeps the chunks within their bounds.
    #[test]
    fn agrees_with_a_plain_map() {
        let mut rng = Rng::new(7);
        let mut chunked: Chunked<u32, u32> = Chunked::default();
        let mut plain: BTreeMap<u32, u32> = BTreeMap::new();
        for round in 0..20_000 {
            let key = rng.below(600);
            // Grow for the first half, then shrink, so chunks split and then empty and join.
            let grow = if round < 10_000 { 3 } else { 1 };
            if rng.below(4) < grow {
                assert_eq!(chunked.insert(key, round), plain.insert(key, round));
            } else {
                assert_eq!(chunked.remove(&key), plain.remove(&key));
            }
            assert_eq!(chunked.len(), plain.len());
            assert_eq!(chunked.get(&key), plain.get(&key));
            if round % 97 == 0 {
                assert!(chunked.iter().eq(plain.iter()));
                let (a, b) = (rng.below(700), rng.below(700));
                let (a, b) = (a.min(b), a.max(b));
                assert!(chunked.range(a..b).eq(plain.range(a..b)));
                assert!(chunked.range(a..=b).eq(plain.range(a..=b)));
                assert_eq!(chunked.range(b + 1..=a).count(), 0);
                assert_eq!(chunked.range((Excluded(a), Excluded(a))).count(), 0);
                assert!(chunked.range(a..).rev().eq(plain.range(a..).rev()));
                assert!(chunked.range(..b).eq(plain.range(..b)));
                check(&chunked);
            }
        }
        assert!(chunked.values().eq(plain.values()));
        assert!(chunked.keys().eq(plain.keys()));
        assert_eq!(chunked.first_key_value(), plain.first_key_value());
        assert_eq!(chunked.last_key_value(), plain.last_key_value());
    }

    /// Each chunk is non-empty, within `MAX`, and holds only keys from its start to the
    /// next one's.
    fn check(map: &Chunked<u32, u32>) {
        assert_eq!(map.starts.len(), map.chunks.len().saturating_sub(1));
        for (i, chunk) in map.chunks.iter().enumerate() {
            assert!(!chunk.is_empty() && chunk.len() <= MAX);
            for (key, _) in chunk.iter() {
                assert!(i == 0 || map.starts[i - 1] <= *key);
                assert!(i == map.starts.len() || *key < map.starts[i]);
            }
        }
    }

    /// A copy shares every chunk until it is written, then only the chunk written differs,
    /// and the original is unchanged.
    #[test]
    fn a_copy_shares_its_chunks_until_written() {
        let mut map: Chunked<u32, u32> = Chunked::default();
        for key in 0..1000 {
            map.insert(key, key);
        }
        assert!(map.chunks.len() > 10);
        let mut copy = map.clone();
        let shared = |a: &Chunked<u32, u32>, b: &Chunked<u32, u32>| {
            a.chunks
                .iter()
                .zip(&b.chunks)
                .filter(|(x, y)| Rc::ptr_eq(x, y))
                .count()
        };
        assert_eq!(shared(&map, &copy), map.chunks.len());
        if let Some(value) = copy.get_mut(&500) {
            *value = 0;
        }
        copy.remove(&501);
        assert_eq!(copy.get_mut(&501), None);
        assert_eq!(shared(&map, &copy), map.chunks.len() - 1);
        assert_eq!(map.get(&500), Some(&500));
        assert_eq!(map.get(&501), Some(&501));
        assert_eq!(copy.get(&500), Some(&0));
        assert_eq!(copy.get(&501), None);
        assert_eq!(format!("{:?}", map.clone()), format!("{map:?}"));
    }

    /// The set on the chunked map agrees with the standard set over a seeded run that
    /// splits and joins chunks, and its copies share chunks too.
    #[test]
    fn a_chunked_set_agrees_with_the_standard_one() {
        let mut rng = Rng::new(3);
        let mut ours: ChunkedSet<u32> = ChunkedSet::default();
        let mut std = std::collections::BTreeSet::new();
        for round in 0..5_000 {
            let item = rng.below(400);
            if rng.below(3) < if round < 2_500 { 2 } else { 1 } {
                assert_eq!(ours.insert(item), std.insert(item));
            } else {
                assert_eq!(ours.remove(&item), std.remove(&item));
            }
            assert_eq!(ours.contains(&item), std.contains(&item));
            assert_eq!(ours.len(), std.len());
            assert_eq!(ours.first(), std.first());
        }
        assert!(ours.iter().eq(std.iter()));
        assert!(ours.iter().rev().eq(std.iter().rev()));
        let copy = ours.clone();
        ours.insert(1_000);
        assert!(!copy.contains(&1_000));
        assert_eq!(format!("{copy:?}"), format!("{std:?}"));
    }

    /// Maps holding the same entries print the same, whatever their chunks.
    #[test]
    fn prints_as_one_map() {
        let mut grown: Chunked<u32, u32> = Chunked::default();
        for key in 0..100 {
            grown.insert(key, key);
        }
        for key in 10..100 {
            grown.remove(&key);
        }
        let mut direct: Chunked<u32, u32> = Chunked::default();
        for key in 0..10 {
            direct.insert(key, key);
        }
        assert_eq!(format!("{grown:?}"), format!("{direct:?}"));
        assert_eq!(
            format!("{direct:?}"),
            format!("{:?}", (0..10).map(|k| (k, k)).collect::<BTreeMap<_, _>>())
        );
    }
}
