//! The replicated log (§5.3): entries of (index, term, data), with the paper's
//! consistency operations. The log remembers its first index so that a later
//! compaction (§7) can drop a prefix without renumbering.

//!
//! Here, the log's operations; the entries and the view of those held in
//! `entry.rs`, and the log's equality, hash and serde form (what it holds,
//! never how it is stored) in `form.rs`.

mod entry;
mod form;

pub use entry::{Entries, Entry, EntryData};

use super::membership::ConfigEntry;
use super::types::{Index, LogPosition, Term};
use crate::chunked::{self, Chunked, CHUNK};

/// A log of entries numbered from `first_index`, with the term of the entry
/// just before it remembered (Figure 2's index-0 sentinel, or a snapshot's
/// last included entry, §7).
///
/// The entries are stored [`Chunked`], so the copies of a log that time
/// travel keeps (checkpoints) share every chunk that did not change.
/// Equality, hashing and serde see only what the log holds: its boundary
/// and entries, never how they are stored.
#[derive(Clone, Debug, Default)]
pub struct RaftLog {
    prev_index: Index,
    prev_term: Term,
    /// Index just before `store[0]` (≤ `prev_index`: a compaction keeps up
    /// to one chunk of dropped entries stored, out of sight).
    base: Index,
    store: Chunked<Entry>,
    /// Indexes of the configuration entries held, in order (few), so the
    /// configuration in force is found without scanning the log.
    configs: Vec<Index>,
}

impl RaftLog {
    /// Notes its chunked storage (memory report, `examples/bench.rs`).
    pub fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        r.add("logs", &self.store);
    }

    /// The index of the first entry held (1 for an uncompacted log).
    pub fn first_index(&self) -> Index {
        self.prev_index + 1
    }

    /// The index of the last entry, or the sentinel's when empty.
    pub fn last_index(&self) -> Index {
        self.prev_index
            .saturating_add(self.entries().len() as Index)
    }

    /// Stores one more entry at the end (its index must be the next one).
    fn push(&mut self, entry: Entry) {
        if matches!(entry.data, EntryData::Config(_)) {
            self.configs.push(entry.index);
        }
        self.store.push(entry);
    }

    /// Position in `store` of `index` (which must be above `base`).
    fn pos(&self, index: Index) -> usize {
        usize::try_from(index - self.base - 1).unwrap_or(usize::MAX)
    }

    /// Forgets stored chunks that lie wholly inside the compacted prefix.
    fn drop_compacted_chunks(&mut self) {
        while self.prev_index - self.base >= CHUNK as Index && self.store.chunk_count() > 0 {
            self.store.drop_first_chunk();
            self.base += CHUNK as Index;
        }
    }

    /// The last index the log no longer holds because a snapshot covers it
    /// (thesis §5.1, "last included index"); 0 for an uncompacted log.
    pub fn snapshot_index(&self) -> Index {
        self.prev_index
    }

    /// The term of [`RaftLog::snapshot_index`] ("last included term").
    pub fn snapshot_term(&self) -> Term {
        self.prev_term
    }

    /// Whether `index` lies inside the compacted prefix (below the snapshot's
    /// last included entry, whose term the log still remembers).
    pub fn is_compacted(&self, index: Index) -> bool {
        index < self.prev_index
    }

    /// Thesis §5.1: drops every entry up to and including `index`, which must
    /// be held (or be the current boundary); the log keeps numbering from
    /// `index + 1` and remembers the term at `index`. Returns the entries
    /// dropped, or `None` (and changes nothing) if `index` is not held.
    pub fn compact_to(&mut self, index: Index) -> Option<Vec<Entry>> {
        let term = self.term_at(index)?;
        let count = (index - self.prev_index) as usize;
        let dropped: Vec<Entry> = self.entries().iter().take(count).cloned().collect();
        self.prev_index = index;
        self.prev_term = term;
        self.configs.retain(|&i| i > index);
        self.drop_compacted_chunks();
        Some(dropped)
    }

    /// InstallSnapshot receiver (thesis §5.1, Figure 5.3 step 7): discards the
    /// whole log; it now starts after the snapshot's last included entry.
    /// Returns the entries discarded.
    pub fn reset_to(&mut self, index: Index, term: Term) -> Vec<Entry> {
        let removed = self.entries().to_vec();
        self.prev_index = index;
        self.prev_term = term;
        self.base = index;
        self.store = Chunked::new();
        self.configs.clear();
        removed
    }

    /// The term of the last entry (0 for an empty log), used in §5.4.1.
    pub fn last_term(&self) -> Term {
        self.entries().last().map_or(self.prev_term, |e| e.term)
    }

    /// The term at `index`, if the log knows it (the sentinel included).
    pub fn term_at(&self, index: Index) -> Option<Term> {
        if index == self.prev_index {
            return Some(self.prev_term);
        }
        self.get(index).map(|e| e.term)
    }

    /// The entry at `index`, if held.
    pub fn get(&self, index: Index) -> Option<&Entry> {
        if index <= self.prev_index {
            return None;
        }
        self.store.get(self.pos(index))
    }

    /// The configuration entry of `entry`, if it is one.
    pub fn config_of(entry: &Entry) -> Option<&ConfigEntry> {
        match &entry.data {
            EntryData::Config(c) => Some(c),
            _ => None,
        }
    }

    /// The latest configuration entry held, with its index (thesis §4.1).
    pub fn last_config(&self) -> Option<(Index, &ConfigEntry)> {
        let index = *self.configs.last()?;
        self.get(index)
            .and_then(|e| RaftLog::config_of(e).map(|c| (e.index, c)))
    }

    /// All entries held, in order.
    pub fn entries(&self) -> Entries<'_> {
        Entries {
            store: &self.store,
            start: (self.prev_index - self.base) as usize,
        }
    }

    /// How many stored chunks this log shares with `other` (a copy of it
    /// taken earlier, for tests of checkpoint sharing).
    pub fn shares_storage_with(&self, other: &RaftLog) -> usize {
        if self.base != other.base {
            return 0;
        }
        (0..self.store.chunk_count())
            .filter(|&k| self.store.shares_chunk(&other.store, k))
            .count()
    }

    /// The held entries from `index` on, in order (O(1) to start).
    pub fn iter_from(&self, index: Index) -> chunked::Iter<'_, Entry> {
        let start = index.max(self.first_index());
        self.store.iter_from(self.pos(start))
    }

    /// The latest configuration entry at or before `index`, if one is held.
    pub fn config_at_or_before(&self, index: Index) -> Option<(Index, &ConfigEntry)> {
        let at = self.configs.partition_point(|&i| i <= index);
        let i = *self.configs[..at].last()?;
        self.get(i)
            .and_then(|e| RaftLog::config_of(e).map(|c| (i, c)))
    }

    /// Entries from `from` (inclusive), at most `max` of them.
    pub fn slice_from(&self, from: Index, max: usize) -> Vec<Entry> {
        if from <= self.prev_index {
            return Vec::new();
        }
        self.iter_from(from).take(max).cloned().collect()
    }

    /// Appends a new entry at the end with the given term; returns its index.
    pub fn append(&mut self, term: Term, data: EntryData) -> Index {
        let index = self.last_index() + 1;
        self.push(Entry { index, term, data });
        index
    }

    /// The position of the last entry (`(0, 0)`-like for an empty log).
    pub fn last_position(&self) -> LogPosition {
        LogPosition::new(self.last_term(), self.last_index())
    }

    /// The position of the entry at `index`, if the log holds it (index 0,
    /// the empty prefix, is at term 0).
    pub fn position_at(&self, index: Index) -> Option<LogPosition> {
        self.term_at(index)
            .map(|term| LogPosition::new(term, index))
    }

    /// §5.4.1: is a log ending at `last` at least as up to date as this one?
    /// (The later last term wins; with equal terms, the longer log.)
    pub fn is_up_to_date(&self, last: LogPosition) -> bool {
        last >= self.last_position()
    }

    /// The first index held with `term` (for the rejection hint, §5.3).
    pub fn first_index_of_term(&self, term: Term) -> Option<Index> {
        self.entries()
            .iter()
            .find(|e| e.term == term)
            .map(|e| e.index)
    }

    /// The last index held with `term` (the leader's side of the hint).
    pub fn last_index_of_term(&self, term: Term) -> Option<Index> {
        self.entries()
            .iter()
            .rev()
            .find(|e| e.term == term)
            .map(|e| e.index)
    }

    /// AppendEntries receiver rules 3–4 (Figure 2): for each new entry, if an
    /// existing entry conflicts with it (same index, different term), delete it
    /// and all that follow; append any entries not already in the log. Entries
    /// that match are never truncated. Returns the removed entries.
    pub fn merge(&mut self, new_entries: &[Entry]) -> Vec<Entry> {
        let mut removed = Vec::new();
        for entry in new_entries {
            if entry.index <= self.prev_index {
                continue;
            }
            match self.term_at(entry.index) {
                Some(t) if t == entry.term => continue,
                Some(_) => {
                    let keep = self.pos(entry.index);
                    removed.extend(self.store.split_off(keep));
                    self.configs.retain(|&i| i < entry.index);
                    self.push(entry.clone());
                }
                // Entries come contiguous from the leader; a hand-injected
                // message with a gap stops here instead of corrupting the log.
                None if entry.index == self.last_index().saturating_add(1) => {
                    self.push(entry.clone());
                }
                None => break,
            }
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log_of(terms: &[Term]) -> RaftLog {
        let mut l = RaftLog::default();
        for &t in terms {
            l.append(t, EntryData::Noop);
        }
        l
    }

    fn e(index: Index, term: Term) -> Entry {
        Entry {
            index,
            term,
            data: EntryData::Noop,
        }
    }

    #[test]
    fn indexes_and_terms() {
        let l = log_of(&[1, 1, 2]);
        assert_eq!((l.first_index(), l.last_index(), l.last_term()), (1, 3, 2));
        assert_eq!(l.term_at(0), Some(0));
        assert_eq!(l.term_at(3), Some(2));
        assert_eq!(l.term_at(4), None);
        assert_eq!(l.first_index_of_term(1), Some(1));
        assert_eq!(l.last_index_of_term(1), Some(2));
        assert_eq!(l.slice_from(2, 1), vec![e(2, 1)]);
        assert!(l.slice_from(0, 5).is_empty());
    }

    #[test]
    fn compaction_keeps_numbering_thesis_5_1() {
        let mut l = log_of(&[1, 1, 2, 2]);
        assert_eq!(l.compact_to(9), None);
        let dropped = l.compact_to(2).unwrap();
        assert_eq!(dropped, vec![e(1, 1), e(2, 1)]);
        assert_eq!((l.first_index(), l.last_index(), l.last_term()), (3, 4, 2));
        assert_eq!((l.snapshot_index(), l.snapshot_term()), (2, 1));
        assert_eq!(l.term_at(2), Some(1));
        assert_eq!(l.term_at(1), None);
        assert!(l.is_compacted(1) && !l.is_compacted(2));
        assert_eq!(l.get(3), Some(&e(3, 2)));
        assert_eq!(l.append(3, EntryData::Noop), 5);
        // Compacting the whole log leaves only the boundary.
        assert_eq!(l.compact_to(5).map(|d| d.len()), Some(3));
        assert_eq!((l.first_index(), l.last_index(), l.last_term()), (6, 5, 3));
        assert_eq!(l.reset_to(9, 4), Vec::<Entry>::new());
        assert_eq!((l.first_index(), l.last_index(), l.last_term()), (10, 9, 4));
    }

    #[test]
    fn copies_share_storage_and_compaction_is_invisible_to_equality() {
        let terms: Vec<Term> = (0..100).map(|i| 1 + i / 40).collect();
        let mut a = log_of(&terms);
        let b = a.clone();
        assert!(a.store.chunk_count() >= 3);
        assert!((0..a.store.chunk_count()).all(|k| a.store.shares_chunk(&b.store, k)));
        // A conflicting append copies only what it touches.
        a.merge(&[e(99, 7)]);
        assert!(a.store.shares_chunk(&b.store, 0));
        assert_eq!(b.last_index(), 100, "the copy is untouched");
        // Compaction drops whole chunks it covers; what is held is the same
        // as a log that never stored the compacted entries.
        let mut c = b.clone();
        c.compact_to(70).unwrap();
        assert_eq!(c.store.chunk_count(), b.store.chunk_count() - 2);
        assert_eq!((c.first_index(), c.last_index()), (71, 100));
        assert_eq!(c.get(71).map(|x| x.index), Some(71));
        let mut d = RaftLog::default();
        d.reset_to(70, c.term_at(70).unwrap());
        for i in 71..=100 {
            d.append(b.term_at(i).unwrap(), EntryData::Noop);
        }
        assert_eq!(c, d);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, serde_json::to_string(&d).unwrap());
        assert_eq!(serde_json::from_str::<RaftLog>(&json).unwrap(), c);
    }

    #[test]
    fn merge_stops_at_a_gap() {
        let mut l = log_of(&[1]);
        assert!(l.merge(&[e(3, 1)]).is_empty());
        assert_eq!(l.last_index(), 1);
    }

    #[test]
    fn up_to_date_compares_last_term_then_length_5_4_1() {
        let l = log_of(&[1, 2]);
        let at = LogPosition::new;
        assert!(l.is_up_to_date(at(3, 1))); // higher last term wins even if shorter
        assert!(l.is_up_to_date(at(2, 2))); // equal
        assert!(!l.is_up_to_date(at(2, 1))); // same term, shorter
        assert!(!l.is_up_to_date(at(1, 9))); // older last term loses even if longer
    }

    #[test]
    fn merge_truncates_only_conflicts_figure_2_rules_3_4() {
        let mut l = log_of(&[1, 1, 2, 2]);
        // Matching entries are kept; nothing removed.
        assert!(l.merge(&[e(2, 1), e(3, 2)]).is_empty());
        assert_eq!(l.last_index(), 4);
        // A conflict at 3 removes 3 and 4 and appends the new entries.
        let removed = l.merge(&[e(3, 3), e(4, 3), e(5, 3)]);
        assert_eq!(removed, vec![e(3, 2), e(4, 2)]);
        let terms: Vec<Term> = l.entries().iter().map(|x| x.term).collect();
        assert_eq!(terms, vec![1, 1, 3, 3, 3]);
        // A stale, shorter append never truncates the matching suffix.
        assert!(l.merge(&[e(3, 3)]).is_empty());
        assert_eq!(l.last_index(), 5);
    }
}
