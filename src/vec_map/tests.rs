//! `VecMap` and `VecSet` against `BTreeMap` and `BTreeSet`: the same order,
//! hash, comparison, debug text and JSON.

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
