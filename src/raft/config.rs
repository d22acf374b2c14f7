//! Node configuration, in ticks, validated up front.

use serde::{Deserialize, Serialize};

/// A rule-breaking variant of the protocol, for showing in class what goes
/// wrong without a rule. All are off by default and named as unsafe; the
/// simulation's invariant checker catches each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UnsafeSwitch {
    /// Grant votes without the §5.4.1 up-to-date check on the candidate's log.
    VoteWithoutLogCheck,
    /// Commit entries from earlier terms by counting replicas (what §5.4.2 and
    /// Figure 8 forbid).
    CommitOldTermByCounting,
    /// Lose `votedFor` on restart, as if it were volatile (Figure 2 says persist it).
    ForgetVoteOnRestart,
    /// A follower accepts (and acknowledges) AppendEntries from a leader of an
    /// older term instead of rejecting them (§5.1, Figure 2 receiver rule 1):
    /// a deposed leader can then overwrite newer entries and commit its own.
    AcceptStaleLeader,
    /// Change several voters in one step, straight from C_old to C_new,
    /// without joint consensus (what thesis §4.3 and paper Figure 10 warn
    /// against): disjoint majorities of C_old and C_new can elect two leaders
    /// in the same term.
    OneStepMembershipChange,
    /// A leader answers ReadIndex and lease reads from its own state at once,
    /// without confirming it is still leader (thesis §6.4): an isolated old
    /// leader returns stale values.
    StaleLeaderRead,
}

impl UnsafeSwitch {
    /// Every switch, in a fixed order.
    pub const ALL: [UnsafeSwitch; 6] = [
        UnsafeSwitch::VoteWithoutLogCheck,
        UnsafeSwitch::CommitOldTermByCounting,
        UnsafeSwitch::ForgetVoteOnRestart,
        UnsafeSwitch::AcceptStaleLeader,
        UnsafeSwitch::OneStepMembershipChange,
        UnsafeSwitch::StaleLeaderRead,
    ];

    /// The kebab-case name used on the command line and in share links.
    pub fn name(self) -> &'static str {
        match self {
            UnsafeSwitch::VoteWithoutLogCheck => "vote-without-log-check",
            UnsafeSwitch::CommitOldTermByCounting => "commit-old-term-by-counting",
            UnsafeSwitch::ForgetVoteOnRestart => "forget-vote-on-restart",
            UnsafeSwitch::AcceptStaleLeader => "accept-stale-leader",
            UnsafeSwitch::OneStepMembershipChange => "one-step-membership-change",
            UnsafeSwitch::StaleLeaderRead => "stale-leader-read",
        }
    }

    /// Parses a name produced by [`UnsafeSwitch::name`].
    pub fn from_name(name: &str) -> Option<UnsafeSwitch> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// How a node answers a pre-vote (thesis §9.6). Both ask the same question
/// first — would this candidate win (its term, its log)? — and differ in one
/// rule: whether hearing from a leader is also a reason to refuse.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum PreVoteMode {
    /// etcd's PreVote (etcd 3.4 `raft.go`, MsgPreVote): granted on term and
    /// log alone. Ignoring candidates while a leader is heard from is
    /// CheckQuorum's leader lease, a separate switch — which is why etcd
    /// recommends the two together.
    #[default]
    Etcd,
    /// The thesis's PreVote (§9.6): also refused while the voter has heard
    /// from a leader within the election timeout, and by a leader itself.
    Thesis,
}

impl PreVoteMode {
    /// Both modes, etcd's (the default) first.
    pub const ALL: [PreVoteMode; 2] = [PreVoteMode::Etcd, PreVoteMode::Thesis];

    /// `etcd` or `thesis` (the UI's `data-input="prevote-mode"` values).
    pub fn name(self) -> &'static str {
        match self {
            PreVoteMode::Etcd => "etcd",
            PreVoteMode::Thesis => "thesis",
        }
    }

    /// Parses a name produced by [`PreVoteMode::name`].
    pub fn from_name(name: &str) -> Option<PreVoteMode> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }
}
/// The largest automatic compaction threshold accepted, in entries.
pub const MAX_COMPACT_THRESHOLD: u32 = 100_000;

/// A node's configuration. Times are in ticks of the simulation clock.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Config {
    /// Base election timeout `T`; each wait is drawn anew from `[T, 2T)` (§5.2).
    pub election_timeout: u32,
    /// How often a leader sends AppendEntries, empty ones being heartbeats (§5.2).
    pub heartbeat_interval: u32,
    /// PreVote (thesis §9.6; etcd's PreCandidate). Off by default, like etcd.
    pub pre_vote: bool,
    /// Which PreVote: etcd's (term and log only; the default) or the thesis's
    /// (also refused while a leader is heard from).
    #[serde(default)]
    pub pre_vote_mode: PreVoteMode,
    /// CheckQuorum (thesis §6.2): a leader steps down as soon as an election
    /// timeout has passed without hearing from a majority within it — a
    /// sliding window, so a leader elected a moment ago is held to it too —
    /// and the leader and its followers honour the leader lease (thesis
    /// §4.2.3).
    pub check_quorum: bool,
    /// A new leader appends an empty entry of its own term (thesis §6.4), so that
    /// earlier-term entries can commit without waiting for a client command.
    pub leader_noop: bool,
    /// The most entries one AppendEntries carries.
    pub max_entries_per_message: u32,
    /// Unsafe teaching switches that are on, in order, without repeats.
    pub unsafe_switches: Vec<UnsafeSwitch>,
    /// Automatic log compaction (thesis §5.1.1): a node takes a snapshot once
    /// this many applied entries are not yet in one. 0 (the default) is off.
    #[serde(default)]
    pub compact_threshold: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            election_timeout: 20,
            heartbeat_interval: 5,
            pre_vote: false,
            pre_vote_mode: PreVoteMode::Etcd,
            check_quorum: false,
            leader_noop: true,
            max_entries_per_message: 8,
            unsafe_switches: Vec::new(),
            compact_threshold: 0,
        }
    }
}

/// Why a [`Config`] cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConfigError {
    /// The election timeout must be at least 2 ticks (and at most 10,000).
    ElectionTimeoutOutOfRange {
        /// The value given.
        ticks: u32,
    },
    /// Heartbeats must come more often than election timeouts, or followers
    /// would start elections against a live leader (§5.6, timing requirement).
    HeartbeatNotShorterThanElection {
        /// The heartbeat interval given.
        heartbeat: u32,
        /// The election timeout given.
        election: u32,
    },
    /// The heartbeat interval must be at least 1 tick.
    HeartbeatZero,
    /// An AppendEntries must be allowed to carry at least one entry (and at most 1,000).
    MaxEntriesOutOfRange {
        /// The value given.
        entries: u32,
    },
    /// The automatic compaction threshold is 0 (off) or at most 100,000 entries.
    CompactThresholdOutOfRange {
        /// The value given.
        entries: u32,
    },
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::ElectionTimeoutOutOfRange { ticks } => {
                write!(f, "election timeout {ticks} must be between 2 and 10000 ticks")
            }
            ConfigError::HeartbeatNotShorterThanElection {
                heartbeat,
                election,
            } => write!(
                f,
                "heartbeat interval {heartbeat} must be shorter than the election timeout {election}"
            ),
            ConfigError::HeartbeatZero => write!(f, "heartbeat interval must be at least 1 tick"),
            ConfigError::MaxEntriesOutOfRange { entries } => {
                write!(f, "max entries per message {entries} must be between 1 and 1000")
            }
            ConfigError::CompactThresholdOutOfRange { entries } => write!(
                f,
                "compaction threshold {entries} must be 0 (off) or at most {MAX_COMPACT_THRESHOLD} entries"
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Checks the configuration; every node constructor calls this.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if !(2..=10_000).contains(&self.election_timeout) {
            return Err(ConfigError::ElectionTimeoutOutOfRange {
                ticks: self.election_timeout,
            });
        }
        if self.heartbeat_interval == 0 {
            return Err(ConfigError::HeartbeatZero);
        }
        if self.heartbeat_interval >= self.election_timeout {
            return Err(ConfigError::HeartbeatNotShorterThanElection {
                heartbeat: self.heartbeat_interval,
                election: self.election_timeout,
            });
        }
        if !(1..=1000).contains(&self.max_entries_per_message) {
            return Err(ConfigError::MaxEntriesOutOfRange {
                entries: self.max_entries_per_message,
            });
        }
        if self.compact_threshold > MAX_COMPACT_THRESHOLD {
            return Err(ConfigError::CompactThresholdOutOfRange {
                entries: self.compact_threshold,
            });
        }
        Ok(())
    }

    /// Whether an unsafe teaching switch is on.
    pub fn is_unsafe(&self, switch: UnsafeSwitch) -> bool {
        self.unsafe_switches.contains(&switch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_valid_and_safe() {
        let c = Config::default();
        assert_eq!(c.validate(), Ok(()));
        assert!(c.unsafe_switches.is_empty());
        assert!(!c.pre_vote && !c.check_quorum && c.leader_noop);
    }

    #[test]
    fn rejects_impossible_settings() {
        let mut c = Config {
            heartbeat_interval: 20,
            ..Config::default()
        };
        assert_eq!(
            c.validate(),
            Err(ConfigError::HeartbeatNotShorterThanElection {
                heartbeat: 20,
                election: 20
            })
        );
        c.heartbeat_interval = 0;
        assert_eq!(c.validate(), Err(ConfigError::HeartbeatZero));
        c.heartbeat_interval = 1;
        c.election_timeout = 1;
        assert_eq!(
            c.validate(),
            Err(ConfigError::ElectionTimeoutOutOfRange { ticks: 1 })
        );
        c.election_timeout = 10;
        c.max_entries_per_message = 0;
        assert_eq!(
            c.validate(),
            Err(ConfigError::MaxEntriesOutOfRange { entries: 0 })
        );
        assert!(c
            .validate()
            .unwrap_err()
            .to_string()
            .contains("max entries"));
    }

    #[test]
    fn unsafe_switch_names_round_trip() {
        for s in UnsafeSwitch::ALL {
            assert_eq!(UnsafeSwitch::from_name(s.name()), Some(s));
        }
        assert_eq!(UnsafeSwitch::from_name("nope"), None);
    }
}
