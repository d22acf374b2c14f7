//! A growable sequence whose clones share storage: [`Chunked`].
//!
//! Time travel keeps many copies of the world (checkpoints), and most of a
//! world is long append-mostly sequences — logs, client operations and
//! history, checker tables, timeline marks. `Chunked<T>` stores full chunks of
//! [`CHUNK`] elements behind reference counts, plus a short owned tail, so a
//! clone copies one pointer and at most `CHUNK - 1` elements; the chunks that
//! did not change since a checkpoint are shared with it, not copied. Writing
//! to a shared chunk copies that chunk only (copy-on-write).
//!
//! It is a value like `Vec`: equality, hashing, `Debug` and serde see the
//! elements in order, never the chunking, so determinism and saved data are
//! unaffected by how storage happens to be shared.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// Elements per shared chunk.
pub const CHUNK: usize = 32;

/// A sequence of `T` whose clones share their full chunks.
pub struct Chunked<T> {
    /// Full chunks, each exactly [`CHUNK`] long.
    spine: Rc<Vec<Rc<Vec<T>>>>,
    /// The elements after the last full chunk (fewer than [`CHUNK`]).
    tail: Vec<T>,
}

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Chunked {
            spine: Rc::new(Vec::new()),
            tail: Vec::new(),
        }
    }
}

impl<T: Clone> Clone for Chunked<T> {
    fn clone(&self) -> Self {
        Chunked {
            spine: Rc::clone(&self.spine),
            tail: self.tail.clone(),
        }
    }
}

impl<T> Chunked<T> {
    /// An empty sequence.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many elements.
    pub fn len(&self) -> usize {
        self.spine.len() * CHUNK + self.tail.len()
    }

    /// No elements?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The element at `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<&T> {
        let full = self.spine.len() * CHUNK;
        if i < full {
            Some(&self.spine[i / CHUNK][i % CHUNK])
        } else {
            self.tail.get(i - full)
        }
    }

    /// The index of the first element for which `pred` is false, for a
    /// sequence partitioned by `pred` (all true, then all false), as
    /// [`slice::partition_point`]: a binary search, O(log n).
    pub fn partition_point(&self, mut pred: impl FnMut(&T) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.get(mid) {
                Some(x) if pred(x) => lo = mid + 1,
                _ => hi = mid,
            }
        }
        lo
    }

    /// The first element.
    pub fn first(&self) -> Option<&T> {
        self.get(0)
    }

    /// The last element.
    pub fn last(&self) -> Option<&T> {
        self.len().checked_sub(1).and_then(|i| self.get(i))
    }

    /// Every element, in order.
    pub fn iter(&self) -> Iter<'_, T> {
        Iter {
            of: self,
            front: 0,
            back: self.len(),
        }
    }

    /// The elements from `start` on, in order.
    pub fn iter_from(&self, start: usize) -> Iter<'_, T> {
        Iter {
            of: self,
            front: start.min(self.len()),
            back: self.len(),
        }
    }

    /// How many full chunks are held (for tests of sharing).
    pub fn chunk_count(&self) -> usize {
        self.spine.len()
    }

    /// Where each full chunk is stored (for memory reports: clones that share
    /// a chunk give the same address).
    pub fn chunk_addrs(&self) -> impl Iterator<Item = usize> + '_ {
        self.spine.iter().map(|c| Rc::as_ptr(c) as usize)
    }

    /// Whether two sequences share the storage of full chunk `k`.
    pub fn shares_chunk(&self, other: &Chunked<T>, k: usize) -> bool {
        match (self.spine.get(k), other.spine.get(k)) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl<T: Clone> Chunked<T> {
    /// Appends one element.
    pub fn push(&mut self, value: T) {
        self.tail.push(value);
        if self.tail.len() == CHUNK {
            let full = std::mem::replace(&mut self.tail, Vec::with_capacity(CHUNK));
            Rc::make_mut(&mut self.spine).push(Rc::new(full));
        }
    }

    /// The element at `i`, to change (copies its chunk first if shared).
    pub fn get_mut(&mut self, i: usize) -> Option<&mut T> {
        let full = self.spine.len() * CHUNK;
        if i < full {
            let spine = Rc::make_mut(&mut self.spine);
            Some(&mut Rc::make_mut(&mut spine[i / CHUNK])[i % CHUNK])
        } else {
            self.tail.get_mut(i - full)
        }
    }

    /// The last element, to change.
    pub fn last_mut(&mut self) -> Option<&mut T> {
        self.len().checked_sub(1).and_then(|i| self.get_mut(i))
    }

    /// Keeps the first `len` elements.
    pub fn truncate(&mut self, len: usize) {
        if len >= self.len() {
            return;
        }
        let keep_chunks = len / CHUNK;
        if keep_chunks < self.spine.len() {
            let spine = Rc::make_mut(&mut self.spine);
            let partial = spine[keep_chunks].clone();
            spine.truncate(keep_chunks);
            self.tail = partial[..len % CHUNK].to_vec();
        } else {
            self.tail.truncate(len - keep_chunks * CHUNK);
        }
    }

    /// Removes and returns the elements from `len` on.
    pub fn split_off(&mut self, len: usize) -> Vec<T> {
        let removed: Vec<T> = self.iter_from(len).cloned().collect();
        self.truncate(len);
        removed
    }

    /// Drops the first full chunk (for bounded windows); returns how many
    /// elements were dropped (0 when there is no full chunk).
    pub fn drop_first_chunk(&mut self) -> usize {
        if self.spine.is_empty() {
            return 0;
        }
        Rc::make_mut(&mut self.spine).remove(0);
        CHUNK
    }

    /// The elements as one `Vec`.
    pub fn to_vec(&self) -> Vec<T> {
        self.iter().cloned().collect()
    }
}

impl<T: Clone> Extend<T> for Chunked<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for v in iter {
            self.push(v);
        }
    }
}

impl<T: Clone> FromIterator<T> for Chunked<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut c = Chunked::new();
        c.extend(iter);
        c
    }
}

impl<T: Clone> From<Vec<T>> for Chunked<T> {
    fn from(v: Vec<T>) -> Self {
        v.into_iter().collect()
    }
}

impl<T> std::ops::Index<usize> for Chunked<T> {
    type Output = T;
    fn index(&self, i: usize) -> &T {
        match self.get(i) {
            Some(v) => v,
            None => panic!("index {i} out of range for length {}", self.len()),
        }
    }
}

impl<T: PartialEq> PartialEq for Chunked<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl<T: Eq> Eq for Chunked<T> {}

impl<T: Hash> Hash for Chunked<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.len());
        for v in self.iter() {
            v.hash(state);
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Chunked<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Serialize> Serialize for Chunked<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de, T: Deserialize<'de> + Clone> Deserialize<'de> for Chunked<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<T>::deserialize(d).map(Chunked::from)
    }
}

/// The distinct chunk storage seen across many values (a world and its
/// checkpoints), by part: what the chunks of a run's history hold in all,
/// each shared chunk counted once (`examples/bench.rs` prints it).
#[derive(Debug, Default)]
pub struct StorageReport {
    parts: std::collections::BTreeMap<&'static str, (std::collections::BTreeSet<usize>, usize)>,
}

impl StorageReport {
    /// Notes the full chunks of `c` under `part`.
    pub fn add<T>(&mut self, part: &'static str, c: &Chunked<T>) {
        let (seen, _) = self
            .parts
            .entry(part)
            .or_insert_with(|| (Default::default(), std::mem::size_of::<T>()));
        seen.extend(c.chunk_addrs());
    }

    /// Each part's distinct chunks and the inline bytes they hold
    /// (`chunks · CHUNK · size_of::<T>()`; heap the elements own, such as
    /// strings, is not counted), by part name.
    pub fn parts(&self) -> impl Iterator<Item = (&'static str, usize, usize)> + '_ {
        self.parts
            .iter()
            .map(|(&name, (seen, size))| (name, seen.len(), seen.len() * CHUNK * size))
    }
}

/// An iterator over a [`Chunked`], from both ends.
pub struct Iter<'a, T> {
    of: &'a Chunked<T>,
    front: usize,
    back: usize,
}

impl<'a, T> Iterator for Iter<'a, T> {
    type Item = &'a T;
    fn next(&mut self) -> Option<&'a T> {
        if self.front == self.back {
            return None;
        }
        self.front += 1;
        self.of.get(self.front - 1)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
    fn nth(&mut self, n: usize) -> Option<&'a T> {
        self.front = (self.front + n).min(self.back);
        self.next()
    }
}

impl<T> DoubleEndedIterator for Iter<'_, T> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front == self.back {
            return None;
        }
        self.back -= 1;
        self.of.get(self.back)
    }
}

impl<T> ExactSizeIterator for Iter<'_, T> {}

impl<'a, T> IntoIterator for &'a Chunked<T> {
    type Item = &'a T;
    type IntoIter = Iter<'a, T>;
    fn into_iter(self) -> Iter<'a, T> {
        self.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaves_like_a_vec() {
        let mut c: Chunked<u32> = Chunked::new();
        let mut v = Vec::new();
        for i in 0..200u32 {
            c.push(i);
            v.push(i);
        }
        assert_eq!(c.len(), 200);
        assert_eq!(c.to_vec(), v);
        assert_eq!(c.iter().rev().copied().collect::<Vec<_>>(), {
            let mut r = v.clone();
            r.reverse();
            r
        });
        assert_eq!(c.iter_from(190).count(), 10);
        for t in [0, 1, 63, 64, 65, 150, 199, 200, 500] {
            assert_eq!(
                c.partition_point(|&x| x < t),
                v.partition_point(|&x| x < t),
                "{t}"
            );
        }
        assert_eq!(c[65], 65);
        *c.get_mut(3).unwrap() = 1000;
        v[3] = 1000;
        assert_eq!(c.to_vec(), v);
        let removed = c.split_off(70);
        assert_eq!(removed, v.split_off(70));
        assert_eq!(c.to_vec(), v);
        c.truncate(64);
        v.truncate(64);
        assert_eq!(c.to_vec(), v);
        c.push(7);
        v.push(7);
        assert_eq!(c.to_vec(), v);
        assert_eq!(c.last(), Some(&7));
    }

    #[test]
    fn clones_share_full_chunks_and_copy_on_write() {
        let a: Chunked<u32> = (0..100).collect();
        let mut b = a.clone();
        assert_eq!(a.chunk_count(), 3);
        assert!((0..3).all(|k| a.shares_chunk(&b, k)));
        *b.get_mut(40).unwrap() = 0;
        assert!(a.shares_chunk(&b, 0) && !a.shares_chunk(&b, 1) && a.shares_chunk(&b, 2));
        assert_eq!(a[40], 40, "the original is untouched");
        assert_ne!(a, b);
        b.push(1);
        assert!(a.shares_chunk(&b, 2));
    }

    #[test]
    fn serde_and_hash_see_elements_not_chunks() {
        let a: Chunked<u32> = (0..70).collect();
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            serde_json::to_string(&(0..70).collect::<Vec<u32>>()).unwrap()
        );
        let back: Chunked<u32> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        let h = |c: &Chunked<u32>| {
            let mut s = std::collections::hash_map::DefaultHasher::new();
            c.hash(&mut s);
            s.finish()
        };
        let mut b = a.clone();
        b.truncate(10);
        b.extend(10..70);
        assert_eq!(h(&a), h(&b));
    }

    #[test]
    fn dropping_the_first_chunk_keeps_the_rest() {
        let mut a: Chunked<u32> = (0..70).collect();
        assert_eq!(a.drop_first_chunk(), CHUNK);
        assert_eq!(a.first(), Some(&(CHUNK as u32)));
        assert_eq!(a.len(), 70 - CHUNK);
    }
}
