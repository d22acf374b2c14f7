//! Log compaction by snapshots (thesis §5.1 "Memory-based snapshots", paper
//! §7, Figure 13 / thesis Figure 5.3 InstallSnapshot).
//!
//! A node replaces the applied prefix of its log with a [`Snapshot`]: the
//! last included index and term, the state machine as of that index, and the
//! configuration in force there. The log keeps numbering after it. A leader
//! that must send a follower an entry it has compacted sends the snapshot
//! instead (InstallSnapshot, decided in `send_append`); the follower installs
//! it, discarding the log it covers but keeping a longer matching suffix.
//! The snapshot is persistent state: a restart rebuilds the state machine
//! from it, then from the log.
//!
//! Taking a snapshot is here; sending and installing one is in `install.rs`.

mod install;

use super::event::Event;
use super::kv::KvStore;
use super::membership::Membership;
use super::node::Node;
use super::types::{Index, Term};
use serde::{Deserialize, Serialize};

/// A snapshot: what stands for the compacted prefix of a log (thesis §5.1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Snapshot {
    /// The index of the last entry the snapshot replaces.
    pub last_included_index: Index,
    /// That entry's term.
    pub last_included_term: Term,
    /// The state machine after applying every entry up to that index.
    pub state: KvStore,
    /// The configuration in force as of that index: the latest configuration
    /// entry up to it, or the bootstrap configuration (thesis §5.1, §4.1), so
    /// a server restoring the snapshot knows whom to count.
    pub config: Membership,
    /// The index of the entry that held `config` (0: the bootstrap one).
    pub config_index: Index,
}

impl Snapshot {
    /// Whether this is the empty snapshot every log starts with.
    pub fn is_empty(&self) -> bool {
        self.last_included_index == 0
    }

    /// Its size in bytes as it would be sent: 16 bytes of index and term, each
    /// key and value, and 4 bytes per configuration member (for the UI's
    /// in-flight size; the simulation has no bandwidth).
    pub fn size_bytes(&self) -> usize {
        let kv: usize = self
            .state
            .data
            .iter()
            .map(|(k, v)| k.len().saturating_add(v.len()))
            .sum();
        let members = self.config.members().len();
        16usize.saturating_add(kv).saturating_add(4 * members)
    }
}

/// Why a compaction was refused; nothing changed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CompactError {
    /// Only applied entries can be compacted: the snapshot must hold the state
    /// machine as of its last index (thesis §5.1).
    PastApplied {
        /// The index asked for.
        requested: Index,
        /// The node's last applied index.
        applied: Index,
    },
    /// The snapshot already covers that index: there is nothing to compact.
    NothingToCompact {
        /// The index asked for.
        requested: Index,
        /// The current snapshot's last included index.
        snapshot_index: Index,
    },
}

impl std::fmt::Display for CompactError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CompactError::PastApplied { requested, applied } => write!(
                f,
                "cannot compact up to index {requested}: only entries up to the last applied \
                 index {applied} can go into a snapshot"
            ),
            CompactError::NothingToCompact {
                requested,
                snapshot_index,
            } => write!(
                f,
                "nothing to compact up to index {requested}: the snapshot already covers up to \
                 index {snapshot_index}"
            ),
        }
    }
}

impl std::error::Error for CompactError {}

/// What made a node take a snapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CompactTrigger {
    /// Asked to ("compact now").
    Manual,
    /// The automatic threshold: this many applied entries were not yet in a
    /// snapshot.
    Threshold {
        /// The configured threshold.
        entries: u32,
    },
}

/// Why a leader sent InstallSnapshot instead of AppendEntries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SnapshotReason {
    /// The follower's nextIndex names an entry the leader has compacted away
    /// (thesis §5.1: "the leader must occasionally send snapshots to followers
    /// that lag behind").
    EntryCompacted {
        /// The follower's nextIndex.
        next_index: Index,
        /// The first index the leader still holds.
        first_index: Index,
    },
}

/// How a follower installed a snapshot (thesis Figure 5.3, receiver steps 6–8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SnapshotInstall {
    /// Its log held the last included entry: the entries after it were kept.
    KeptSuffix {
        /// Entries kept after the snapshot.
        kept: usize,
    },
    /// Its log did not hold the last included entry: the whole log was discarded.
    DiscardedLog {
        /// Entries discarded.
        discarded: usize,
    },
}

/// Why a follower ignored an InstallSnapshot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SnapshotIgnore {
    /// The sender's term is older than ours (§5.1): answered with our term.
    StaleTerm {
        /// Term in the request.
        leader_term: Term,
        /// Our term.
        our_term: Term,
    },
    /// We already committed past its last included index: it is older than
    /// what we have (a duplicate or delayed snapshot).
    StaleSnapshot {
        /// Its last included index.
        last_included_index: Index,
        /// Our commit index.
        commit_index: Index,
    },
}

impl Node {
    /// "Compact now": takes a snapshot up to the last applied index.
    pub fn compact(&mut self) -> Result<Index, CompactError> {
        self.compact_to(self.kv.last_applied)
    }

    /// Takes a snapshot up to `index` and drops the log it covers (thesis
    /// §5.1). `index` must be applied and not already in the snapshot;
    /// otherwise a [`CompactError`] says why and nothing changes. Returns how
    /// many entries were compacted.
    pub fn compact_to(&mut self, index: Index) -> Result<Index, CompactError> {
        self.take_snapshot(index, CompactTrigger::Manual)
    }

    /// The current snapshot (empty if the log was never compacted).
    pub fn snapshot(&self) -> &Snapshot {
        &self.persistent.snapshot
    }

    fn take_snapshot(
        &mut self,
        index: Index,
        trigger: CompactTrigger,
    ) -> Result<Index, CompactError> {
        let applied = self.kv.last_applied;
        let snapshot_index = self.persistent.log.snapshot_index();
        if index > applied {
            return Err(CompactError::PastApplied {
                requested: index,
                applied,
            });
        }
        if index <= snapshot_index {
            return Err(CompactError::NothingToCompact {
                requested: index,
                snapshot_index,
            });
        }
        // The state machine as of `index`: the current one when compacting
        // everything applied, else the old snapshot replayed forward.
        let state = if index == applied {
            self.kv.clone()
        } else {
            let mut state = self.persistent.snapshot.state.clone();
            for entry in self
                .persistent
                .log
                .slice_from(snapshot_index + 1, usize::MAX)
            {
                if entry.index > index {
                    break;
                }
                state.apply(entry.index, entry.command());
            }
            state
        };
        let (config_index, config) = self.config_at(index);
        let log = &mut self.persistent.log;
        let Some(term) = log.term_at(index) else {
            // Unreachable: applied entries are held above the snapshot.
            return Err(CompactError::PastApplied {
                requested: index,
                applied,
            });
        };
        let dropped = log.compact_to(index).map_or(0, |d| d.len());
        self.persistent.snapshot = Snapshot {
            last_included_index: index,
            last_included_term: term,
            state,
            config,
            config_index,
        };
        self.events.push(Event::SnapshotTaken {
            last_included_index: index,
            last_included_term: term,
            compacted: dropped,
            trigger,
        });
        Ok(dropped as Index)
    }

    /// Automatic compaction (thesis §5.1.1, "when to snapshot"): once the
    /// applied entries not yet in a snapshot reach the configured threshold.
    pub(super) fn maybe_auto_compact(&mut self) {
        let entries = self.config.compact_threshold;
        if entries == 0 {
            return;
        }
        let applied = self.kv.last_applied;
        let since = applied.saturating_sub(self.persistent.log.snapshot_index());
        if since >= Index::from(entries) {
            let _ = self.take_snapshot(applied, CompactTrigger::Threshold { entries });
        }
    }

    /// The configuration in force at `index` (thesis §4.1: the latest
    /// configuration entry up to it), with the index of its entry: from the
    /// log, else the current snapshot, else the bootstrap configuration.
    fn config_at(&self, index: Index) -> (Index, Membership) {
        let held = self
            .persistent
            .log
            .config_at_or_before(index)
            .map(|(i, c)| (i, c.membership.clone()));
        held.unwrap_or_else(|| self.compacted_membership())
    }

    /// The configuration the compacted prefix ends with: the snapshot's, or
    /// the bootstrap configuration when the log was never compacted.
    pub(super) fn compacted_membership(&self) -> (Index, Membership) {
        let s = &self.persistent.snapshot;
        if s.is_empty() {
            (0, self.base_membership.clone())
        } else {
            (s.config_index, s.config.clone())
        }
    }
}
