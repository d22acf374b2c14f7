//! What the logs panel and the inspector show of a node's snapshot (thesis
//! §5.1): the folded block that stands for the compacted prefix (its last
//! included index and term, how many entries it replaces), and what it holds
//! — the state machine and the configuration. Pure, tested natively.

use super::explain::config_text::membership_text;
use super::i18n::Lang;
use super::node_names::NodeNames;
use crate::raft::{Index, KvStore, NodeId, Snapshot, Term};

/// The most key-value pairs listed in an opened block.
pub const PAIRS_SHOWN: usize = 12;

/// The folded block of one node's compacted prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotBlock {
    /// The node.
    pub node: NodeId,
    /// Last included index.
    pub index: Index,
    /// Last included term.
    pub term: Term,
    /// Slots of the shown window the block covers (0: it lies left of it).
    pub slots: u64,
    /// The first key-value pairs the snapshot holds, in key order.
    pub pairs: Vec<(String, String)>,
    /// How many pairs it holds in all.
    pub total_pairs: usize,
    /// Its configuration, in words.
    pub config: String,
    /// Its size in bytes (as InstallSnapshot would carry it).
    pub bytes: usize,
}

/// The block for `snapshot` in a window starting at index `start`, or `None`
/// if the log was never compacted.
pub fn block(
    lang: Lang,
    names: NodeNames,
    node: NodeId,
    snapshot: &Snapshot,
    start: Index,
) -> Option<SnapshotBlock> {
    if snapshot.is_empty() {
        return None;
    }
    let index = snapshot.last_included_index;
    let data = &snapshot.state.data;
    Some(SnapshotBlock {
        node,
        index,
        term: snapshot.last_included_term,
        slots: (index.saturating_add(1)).saturating_sub(start.max(1)),
        pairs: data
            .iter()
            .take(PAIRS_SHOWN)
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        total_pairs: data.len(),
        config: config_text(lang, names, snapshot),
        bytes: snapshot.size_bytes(),
    })
}

/// The block's short face: `1–12 · T2`.
pub fn face(b: &SnapshotBlock) -> String {
    if b.index == 1 {
        format!("1 · T{}", b.term)
    } else {
        format!("1–{} · T{}", b.index, b.term)
    }
}

/// The block's accessible name.
pub fn label(lang: Lang, names: NodeNames, b: &SnapshotBlock) -> String {
    let (n, i, t) = (b.node, b.index, b.term);
    match lang {
        Lang::En => format!(
            "{n} snapshot: entries 1 to {i} compacted, last included term {t}; open to see what it holds"
        , n = names.of(n)),
        Lang::Zh => {
            format!("{n} 的快照：条目 1 到 {i} 已压缩，最后包含的任期 {t}；展开查看其内容", n = names.of(n))
        }
    }
}

/// A state machine in words: `x=1, y=2` (first [`PAIRS_SHOWN`]) or "empty".
pub fn kv_text(lang: Lang, kv: &KvStore) -> String {
    if kv.data.is_empty() {
        return lang.t("empty", "空").to_string();
    }
    let mut parts: Vec<String> = kv
        .data
        .iter()
        .take(PAIRS_SHOWN)
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    if kv.data.len() > PAIRS_SHOWN {
        parts.push(match lang {
            Lang::En => format!("… ({} keys)", kv.data.len()),
            Lang::Zh => format!("…（共 {} 个键）", kv.data.len()),
        });
    }
    parts.join(", ")
}

/// A snapshot's configuration in words, with the entry it came from.
pub fn config_text(lang: Lang, names: NodeNames, snapshot: &Snapshot) -> String {
    let m = membership_text(lang, names, &snapshot.config);
    match (lang, snapshot.config_index) {
        (Lang::En, 0) => format!("{m} (the initial configuration)"),
        (Lang::Zh, 0) => format!("{m}（初始配置）"),
        (Lang::En, i) => format!("{m} (from entry {i})"),
        (Lang::Zh, i) => format!("{m}（来自条目 {i}）"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::Membership;

    /// The block of node `node` holding `s`, in English, with default
    /// names, for a log window starting at `start`.
    fn en(node: NodeId, s: &Snapshot, start: Index) -> Option<SnapshotBlock> {
        block(Lang::En, NodeNames::DEFAULT, node, s, start)
    }

    fn snap(index: Index, pairs: usize) -> Snapshot {
        let mut s = Snapshot {
            last_included_index: index,
            last_included_term: 2,
            config: Membership::simple([1, 2, 3]),
            ..Snapshot::default()
        };
        for i in 0..pairs {
            s.state
                .data
                .insert(format!("k{i:02}").into(), i.to_string().into());
        }
        s
    }

    #[test]
    fn no_block_without_a_snapshot() {
        assert_eq!(en(1, &Snapshot::default(), 1), None);
    }

    #[test]
    fn block_covers_the_compacted_slots_of_the_window() {
        let b = en(2, &snap(12, 2), 1).unwrap();
        assert_eq!((b.node, b.index, b.term, b.slots), (2, 12, 2, 12));
        assert_eq!(face(&b), "1–12 · T2");
        assert_eq!(
            b.pairs,
            vec![("k00".into(), "0".into()), ("k01".into(), "1".into())]
        );
        assert_eq!(b.bytes, 16 + 4 + 4 + 12);
        // The window starts after part of the snapshot, or after all of it.
        assert_eq!(en(2, &snap(12, 0), 5).unwrap().slots, 8);
        assert_eq!(en(2, &snap(12, 0), 13).unwrap().slots, 0);
        assert_eq!(en(2, &snap(12, 0), 40).unwrap().slots, 0);
        assert_eq!(face(&en(2, &snap(1, 0), 1).unwrap()), "1 · T2");
    }

    #[test]
    fn texts_in_both_languages() {
        let s = snap(12, 14);
        let b = block(Lang::Zh, NodeNames::DEFAULT, 2, &s, 1).unwrap();
        assert_eq!((b.pairs.len(), b.total_pairs), (PAIRS_SHOWN, 14));
        assert!(label(Lang::En, NodeNames::DEFAULT, &b)
            .starts_with("n2 snapshot: entries 1 to 12 compacted"));
        assert!(
            label(Lang::Zh, NodeNames::DEFAULT, &b).starts_with("n2 的快照：条目 1 到 12 已压缩")
        );
        assert!(kv_text(Lang::En, &s.state).ends_with("… (14 keys)"));
        assert!(kv_text(Lang::Zh, &s.state).ends_with("…（共 14 个键）"));
        assert_eq!(kv_text(Lang::Zh, &KvStore::default()), "空");
        assert_eq!(
            config_text(Lang::En, NodeNames::DEFAULT, &s),
            "voters {n1, n2, n3} (the initial configuration)"
        );
        let s = Snapshot {
            config_index: 7,
            ..s
        };
        assert_eq!(
            config_text(Lang::Zh, NodeNames::DEFAULT, &s),
            "投票成员 {n1, n2, n3}（来自条目 7）"
        );
    }
}
