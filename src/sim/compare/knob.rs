//! The one setting an A/B comparison changes: which it is, and the two
//! configurations it makes from a run's own.

use crate::raft::{PreVoteMode, UnsafeSwitch};
use crate::sim::{ReplicationMode, SimConfig};
use serde::{Deserialize, Serialize};

/// The setting that differs between side A and side B.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Knob {
    /// PreVote (thesis §9.6) off on one side, on on the other.
    PreVote,
    /// PreVote on both sides; etcd's rule on one, the thesis's on the other.
    PreVoteMode,
    /// CheckQuorum and the leader lease (thesis §6.2, §4.2.3).
    CheckQuorum,
    /// The new leader's no-op entry (thesis §6.4).
    LeaderNoop,
    /// One unsafe teaching switch.
    Unsafe(UnsafeSwitch),
    /// When the leader answers a write: Raft's rule on side A, this mode on B.
    Replication(ReplicationMode),
}

/// Why a comparison cannot be made with this setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KnobError {
    /// Side A already uses the replication mode side B would get.
    SameSetting,
}

impl std::fmt::Display for KnobError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("both sides would have the same setting")
    }
}

impl std::error::Error for KnobError {}

impl Knob {
    /// Every setting a comparison can change, in the menu's order.
    pub fn all() -> Vec<Knob> {
        let mut all = vec![
            Knob::PreVote,
            Knob::PreVoteMode,
            Knob::CheckQuorum,
            Knob::LeaderNoop,
        ];
        all.extend(UnsafeSwitch::ALL.map(Knob::Unsafe));
        all.extend(
            ReplicationMode::ALL
                .into_iter()
                .filter(|m| *m != ReplicationMode::Raft)
                .map(Knob::Replication),
        );
        all
    }

    /// The stable name (the `data-input="compare-setting"` value and the
    /// `?compare=` parameter): `prevote`, `prevote-mode`, `checkquorum`,
    /// `noop`, an unsafe switch's name, or a replication mode's name.
    pub fn name(self) -> &'static str {
        match self {
            Knob::PreVote => "prevote",
            Knob::PreVoteMode => "prevote-mode",
            Knob::CheckQuorum => "checkquorum",
            Knob::LeaderNoop => "noop",
            Knob::Unsafe(s) => s.name(),
            Knob::Replication(m) => m.name(),
        }
    }

    /// Parses a name produced by [`Knob::name`].
    pub fn from_name(name: &str) -> Option<Knob> {
        Knob::all().into_iter().find(|k| k.name() == name)
    }

    /// The setting a run is best compared on: the one it turned on
    /// (PreVote, CheckQuorum, an unsafe switch, an early-answering mode,
    /// no no-op), else PreVote.
    pub fn suggest(config: &SimConfig) -> Knob {
        let raft = &config.raft;
        if let Some(&s) = raft.unsafe_switches.first() {
            Knob::Unsafe(s)
        } else if config.replication_mode != ReplicationMode::Raft {
            Knob::Replication(config.replication_mode)
        } else if raft.check_quorum {
            Knob::CheckQuorum
        } else if !raft.leader_noop {
            Knob::LeaderNoop
        } else {
            Knob::PreVote
        }
    }

    /// Sides A and B from a run's configuration: A is the run's own (with
    /// PreVote switched on when the rule of PreVote is compared, and Raft's
    /// answer when a replication mode is), B the same with this one setting
    /// changed.
    pub fn configs(self, base: &SimConfig) -> Result<(SimConfig, SimConfig), KnobError> {
        let mut a = base.clone();
        match self {
            Knob::PreVoteMode => a.raft.pre_vote = true,
            Knob::Replication(_) if a.replication_mode != ReplicationMode::Raft => {
                a.replication_mode = ReplicationMode::Raft
            }
            _ => {}
        }
        let mut b = a.clone();
        let raft = &mut b.raft;
        match self {
            Knob::PreVote => raft.pre_vote = !raft.pre_vote,
            Knob::PreVoteMode => {
                raft.pre_vote_mode = match raft.pre_vote_mode {
                    PreVoteMode::Etcd => PreVoteMode::Thesis,
                    PreVoteMode::Thesis => PreVoteMode::Etcd,
                }
            }
            Knob::CheckQuorum => raft.check_quorum = !raft.check_quorum,
            Knob::LeaderNoop => raft.leader_noop = !raft.leader_noop,
            Knob::Unsafe(s) => {
                if raft.is_unsafe(s) {
                    raft.unsafe_switches.retain(|x| *x != s);
                } else {
                    raft.unsafe_switches.push(s);
                    crate::sort::sort(&mut raft.unsafe_switches);
                }
            }
            Knob::Replication(ReplicationMode::Raft) => return Err(KnobError::SameSetting),
            Knob::Replication(m) => b.replication_mode = m,
        }
        Ok((a, b))
    }
}
