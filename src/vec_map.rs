//! Small sorted maps and sets on a `Vec` (issue 15: a smaller download).
//!
//! The core and the simulation keep many maps keyed by server (at most
//! [`crate::raft::MAX_MEMBERS`] entries): progress, votes, contact times,
//! checker watermarks. As `BTreeMap`s each key/value type brought its own
//! copy of the B-tree code (insert, remove with rebalancing, clone, drop:
//! 3–6 KB of wasm per type). [`VecMap`] and [`VecSet`] keep the entries in
//! one vector sorted by key, found by binary search: a few small generic
//! functions per type.
//!
//! They behave like the standard maps where it is observable:
//! - iteration is in ascending key order (determinism);
//! - `Hash` feeds the hasher exactly what `BTreeMap`/`BTreeSet` feed it (the
//!   length through `write_usize`, then each key and value), so a trace hash
//!   does not change when a field switches type;
//! - `Eq` and `Ord` compare the sorted entries, as the standard maps do;
//! - serde writes and reads the same JSON as the standard maps (an object
//!   for a map, an array for a set; a later duplicate key wins on reading).
//!
//! Insertion and removal shift the vector, so these are for small
//! collections only.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

/// A map with few entries, kept sorted by key (see the module docs).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
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

impl<K: Ord, V> VecMap<K, V> {
    /// An empty map.
    pub const fn new() -> Self {
        VecMap {
            entries: Vec::new(),
        }
    }

    /// Where `key` is (`Ok`) or would go (`Err`).
    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// Sets `key` to `value`; returns the value it replaces, if any.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// The value at `key`.
    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// The value at `key`, to change.
    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    /// The value at `key`, inserting `make()` first if there is none (what
    /// `entry(key).or_insert_with(make)` does for a `BTreeMap`).
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.find(&key) {
            Ok(i) => i,
            Err(i) => {
                self.entries.insert(i, (key, make()));
                i
            }
        };
        &mut self.entries[i].1
    }

    /// Whether `key` has a value.
    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// Removes `key`; returns its value, if it had one.
    pub fn remove<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }
}

impl<K, V> VecMap<K, V> {
    /// How many entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The entries in ascending key order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (&K, &V)> + ExactSizeIterator + Clone {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The entries in ascending key order, values changeable.
    pub fn iter_mut(&mut self) -> impl DoubleEndedIterator<Item = (&K, &mut V)> {
        self.entries.iter_mut().map(|(k, v)| (&*k, v))
    }

    /// The keys, ascending.
    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &K> + Clone {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values, in key order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &V> + Clone {
        self.entries.iter().map(|(_, v)| v)
    }

    /// Keeps only the entries for which `keep` holds.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<K: Ord, V> Extend<(K, V)> for VecMap<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, pairs: I) {
        for (k, v) in pairs {
            self.insert(k, v);
        }
    }
}

impl<K: Ord, V> FromIterator<(K, V)> for VecMap<K, V> {
    /// As for `BTreeMap`, a later pair replaces an earlier one with the same key.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let mut map = VecMap::new();
        map.extend(pairs);
        map
    }
}

impl<K: Ord, V, const N: usize> From<[(K, V); N]> for VecMap<K, V> {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
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

impl<K: Ord + Borrow<Q>, Q: Ord + ?Sized, V> std::ops::Index<&Q> for VecMap<K, V> {
    type Output = V;
    /// The value at `key`; panics if there is none, as `BTreeMap` does.
    fn index(&self, key: &Q) -> &V {
        self.get(key).expect("no entry for this key")
    }
}

impl<K: Hash, V: Hash> Hash for VecMap<K, V> {
    /// What `BTreeMap::hash` writes: the length (its
    /// `write_length_prefix`, which is `write_usize`), then each key and value.
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.entries.len());
        for (k, v) in &self.entries {
            k.hash(state);
            v.hash(state);
        }
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for VecMap<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Serialize, V: Serialize> Serialize for VecMap<K, V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for VecMap<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Ord + Deserialize<'de>, V: Deserialize<'de>> Visitor<'de> for MapVisitor<K, V> {
            type Value = VecMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut map = VecMap::new();
                while let Some((k, v)) = access.next_entry()? {
                    map.insert(k, v);
                }
                Ok(map)
            }
        }
        d.deserialize_map(MapVisitor(PhantomData))
    }
}

/// A set with few elements, kept sorted (see the module docs).
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct VecSet<T> {
    items: Vec<T>,
}

impl<T> Default for VecSet<T> {
    fn default() -> Self {
        VecSet { items: Vec::new() }
    }
}

impl<T: Ord> VecSet<T> {
    /// An empty set.
    pub const fn new() -> Self {
        VecSet { items: Vec::new() }
    }

    /// Adds `item`; whether it was new.
    pub fn insert(&mut self, item: T) -> bool {
        match self.items.binary_search(&item) {
            Ok(_) => false,
            Err(i) => {
                self.items.insert(i, item);
                true
            }
        }
    }

    /// Where `item` is (`Ok`) or would go (`Err`).
    fn find<Q: Ord + ?Sized>(&self, item: &Q) -> Result<usize, usize>
    where
        T: Borrow<Q>,
    {
        self.items.binary_search_by(|x| x.borrow().cmp(item))
    }

    /// Whether `item` is in the set.
    pub fn contains<Q: Ord + ?Sized>(&self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.find(item).is_ok()
    }

    /// Removes `item`; whether it was there.
    pub fn remove<Q: Ord + ?Sized>(&mut self, item: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        match self.find(item) {
            Ok(i) => {
                self.items.remove(i);
                true
            }
            Err(_) => false,
        }
    }
}

impl<T> VecSet<T> {
    /// How many elements.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Removes every element.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// The elements, ascending.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    /// The elements, ascending, as a slice.
    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    /// Keeps only the elements for which `keep` holds.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.items.retain(keep);
    }
}

impl<T: Ord> VecSet<T> {
    /// The elements from `low` to `high`, both included, ascending (what
    /// `BTreeSet::range(low..=high)` gives).
    pub fn between(&self, low: &T, high: &T) -> &[T] {
        let from = self.items.partition_point(|x| x < low);
        let to = self.items.partition_point(|x| x <= high);
        &self.items[from..to.max(from)]
    }

    /// The elements below `bound`, ascending (`BTreeSet::range(..bound)`).
    pub fn below(&self, bound: &T) -> &[T] {
        &self.items[..self.items.partition_point(|x| x < bound)]
    }
}

impl<T: Ord> Extend<T> for VecSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.insert(item);
        }
    }
}

impl<T: Ord> FromIterator<T> for VecSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut set = VecSet::new();
        set.extend(items);
        set
    }
}

impl<T: Ord, const N: usize> From<[T; N]> for VecSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<T> IntoIterator for VecSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a VecSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl<T: Hash> Hash for VecSet<T> {
    /// What `BTreeSet::hash` writes: the length through `write_usize`, then
    /// each element on its own (not `hash_slice`, which a `Vec` would use).
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.items.len());
        for item in &self.items {
            item.hash(state);
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for VecSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Serialize> Serialize for VecSet<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

impl<'de, T: Ord + Deserialize<'de>> Deserialize<'de> for VecSet<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SeqVisitor<T>(PhantomData<T>);
        impl<'de, T: Ord + Deserialize<'de>> Visitor<'de> for SeqVisitor<T> {
            type Value = VecSet<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a sequence")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut set = VecSet::new();
                while let Some(item) = access.next_element()? {
                    set.insert(item);
                }
                Ok(set)
            }
        }
        d.deserialize_seq(SeqVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::hash_map::DefaultHasher;
    use std::collections::{BTreeMap, BTreeSet};

    fn hash_of(x: &impl Hash) -> u64 {
        let mut h = DefaultHasher::new();
        x.hash(&mut h);
        h.finish()
    }

    fn project_hash_of(x: &impl Hash) -> u64 {
        let mut h = crate::sim::hash::Fnv64::default();
        x.hash(&mut h);
        h.finish()
    }

    /// Pairs with repeats and out of order, as a map is usually built.
    const PAIRS: [(u32, u64); 7] = [(5, 50), (1, 10), (3, 30), (1, 11), (9, 90), (0, 0), (3, 31)];

    #[test]
    fn a_map_iterates_hashes_and_compares_like_a_btreemap() {
        let ours: VecMap<u32, u64> = PAIRS.into_iter().collect();
        let std: BTreeMap<u32, u64> = PAIRS.into_iter().collect();
        assert_eq!(
            ours.iter().collect::<Vec<_>>(),
            std.iter().collect::<Vec<_>>()
        );
        assert_eq!(hash_of(&ours), hash_of(&std));
        assert_eq!(project_hash_of(&ours), project_hash_of(&std));
        assert_eq!(format!("{ours:?}"), format!("{std:?}"));
        let empty: VecMap<u32, u64> = VecMap::new();
        assert_eq!(hash_of(&empty), hash_of(&BTreeMap::<u32, u64>::new()));
        // Ordering: lexicographic over the sorted pairs, like BTreeMap's.
        let mut smaller = ours.clone();
        smaller.insert(9, 89);
        let mut std_smaller = std.clone();
        std_smaller.insert(9, 89);
        assert_eq!(smaller.cmp(&ours), std_smaller.cmp(&std));
        assert_eq!(empty.cmp(&ours), BTreeMap::new().cmp(&std));
    }

    #[test]
    fn a_map_inserts_finds_and_removes_like_a_btreemap() {
        let mut ours = VecMap::new();
        let mut std = BTreeMap::new();
        for (k, v) in PAIRS {
            assert_eq!(ours.insert(k, v), std.insert(k, v));
        }
        for k in 0..11 {
            assert_eq!(ours.get(&k), std.get(&k));
            assert_eq!(ours.contains_key(&k), std.contains_key(&k));
        }
        *ours.get_mut(&5).unwrap() += 1;
        *std.get_mut(&5).unwrap() += 1;
        *ours.get_or_insert_with(7, || 70) += 1;
        *std.entry(7).or_insert_with(|| 70) += 1;
        *ours.get_or_insert_with(7, || 0) += 1;
        *std.entry(7).or_insert_with(|| 0) += 1;
        assert_eq!(ours.remove(&3), std.remove(&3));
        assert_eq!(ours.remove(&4), std.remove(&4));
        ours.retain(|k, v| {
            *v += 1;
            *k != 9
        });
        std.retain(|k, v| {
            *v += 1;
            *k != 9
        });
        assert_eq!(ours.len(), std.len());
        assert_eq!(
            ours.clone().into_iter().collect::<Vec<_>>(),
            std.clone().into_iter().collect::<Vec<_>>()
        );
        assert_eq!(
            ours.keys().collect::<Vec<_>>(),
            std.keys().collect::<Vec<_>>()
        );
        assert_eq!(
            ours.values().collect::<Vec<_>>(),
            std.values().collect::<Vec<_>>()
        );
        ours.clear();
        assert!(ours.is_empty());
    }

    #[test]
    fn a_set_iterates_hashes_and_compares_like_a_btreeset() {
        let items = [4u32, 2, 8, 2, 1, 8];
        let ours: VecSet<u32> = items.into_iter().collect();
        let std: BTreeSet<u32> = items.into_iter().collect();
        assert_eq!(
            ours.iter().collect::<Vec<_>>(),
            std.iter().collect::<Vec<_>>()
        );
        assert_eq!(hash_of(&ours), hash_of(&std));
        assert_eq!(project_hash_of(&ours), project_hash_of(&std));
        assert_eq!(format!("{ours:?}"), format!("{std:?}"));
        let mut a = ours.clone();
        let mut b = std.clone();
        assert_eq!(a.insert(3), b.insert(3));
        assert_eq!(a.insert(3), b.insert(3));
        assert_eq!(a.remove(&4), b.remove(&4));
        assert_eq!(a.remove(&4), b.remove(&4));
        assert_eq!(a.contains(&3), b.contains(&3));
        assert_eq!(a.cmp(&ours), b.cmp(&std));
        // Ranges, as `BTreeSet::range` gives them.
        for (lo, hi) in [(0, 9), (2, 3), (3, 3), (5, 7), (9, 0), (8, 100)] {
            let theirs: Vec<&u32> = if lo <= hi {
                b.range(lo..=hi).collect()
            } else {
                vec![]
            };
            assert_eq!(a.between(&lo, &hi).iter().collect::<Vec<_>>(), theirs);
            assert_eq!(
                a.below(&lo).iter().collect::<Vec<_>>(),
                b.range(..lo).collect::<Vec<_>>()
            );
        }
        // Tuple elements too (the network's cut links).
        let links: VecSet<(u32, u32)> = [(2, 1), (1, 2), (1, 3)].into_iter().collect();
        let std_links: BTreeSet<(u32, u32)> = [(2, 1), (1, 2), (1, 3)].into_iter().collect();
        assert_eq!(hash_of(&links), hash_of(&std_links));
    }

    #[test]
    fn serde_json_reads_and_writes_what_the_standard_maps_do() {
        let ours: VecMap<u32, u64> = PAIRS.into_iter().collect();
        let std: BTreeMap<u32, u64> = PAIRS.into_iter().collect();
        let json = serde_json::to_string(&ours).unwrap();
        assert_eq!(json, serde_json::to_string(&std).unwrap());
        assert_eq!(
            serde_json::from_str::<VecMap<u32, u64>>(&json).unwrap(),
            ours
        );
        // A later duplicate key wins, as for BTreeMap.
        let dup = r#"{"2":1,"1":5,"2":7}"#;
        let back: VecMap<u32, u64> = serde_json::from_str(dup).unwrap();
        let std_back: BTreeMap<u32, u64> = serde_json::from_str(dup).unwrap();
        assert_eq!(
            back.into_iter().collect::<Vec<_>>(),
            std_back.into_iter().collect::<Vec<_>>()
        );

        let set: VecSet<u32> = [3, 1, 2].into_iter().collect();
        let std_set: BTreeSet<u32> = [3, 1, 2].into_iter().collect();
        let json = serde_json::to_string(&set).unwrap();
        assert_eq!(json, serde_json::to_string(&std_set).unwrap());
        assert_eq!(
            serde_json::from_str::<VecSet<u32>>("[2,3,1,3]").unwrap(),
            set
        );
    }
}
