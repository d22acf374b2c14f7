//! Validation of untrusted input: what a link or file may hold before it is
//! replayed, and [`ShareError`], why it was refused.

use super::{
    error_text, Cost, Shared, Source, MAX_ACTIONS, MAX_SCENARIO_ID, MAX_TICK, MAX_TICK_NODE,
    MEMORY_BUDGET, WORK_BUDGET,
};
use crate::raft::{Command, NodeId};
use crate::sim::{Action, InjectError, SimError};
use crate::view::bookmarks::{Bookmark, Bookmarks};

/// Why a link or file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not a raftlab link or file at all (bad prefix, characters or JSON).
    Malformed,
    /// Cut short: the text ends before the data does.
    Truncated,
    /// Longer than the limit.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Written by a newer raftlab, in a format this one does not know.
    NewerVersion {
        /// The version it says.
        version: u32,
    },
    /// The configuration is not valid.
    Invalid(SimError),
    /// More actions than [`MAX_ACTIONS`].
    TooManyActions {
        /// How many.
        count: usize,
    },
    /// A tick beyond [`MAX_TICK`], or actions out of tick order.
    BadTick {
        /// The tick.
        tick: u64,
    },
    /// An action names a node, command or amount that cannot be.
    BadAction {
        /// Its position in the action list (0-based).
        index: usize,
    },
    /// An injected message is malformed or names a non-member.
    BadMessage {
        /// Its position in the action list (0-based).
        index: usize,
        /// What is wrong with it.
        error: InjectError,
    },
    /// Replaying would cost more work than [`WORK_BUDGET`].
    OverBudget {
        /// The estimate, in work units.
        work: u64,
        /// Ticks × nodes, the main part of it.
        node_ticks: u64,
    },
    /// Replaying could take more memory than [`MEMORY_BUDGET`].
    TooMuchMemory {
        /// The estimate, in bytes.
        bytes: u64,
    },
    /// Replaying the actions failed.
    Replay(SimError),
    /// A bookmark is beyond the run, its note too long, or there are too
    /// many.
    BadBookmark {
        /// Its position in the bookmark list (0-based).
        index: usize,
    },
}
/// In English, as for a link (the UI words it per language and source with
/// [`error_text`]).
impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&error_text(crate::view::i18n::Lang::En, Source::Link, self))
    }
}

impl std::error::Error for ShareError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ShareError::Invalid(e) | ShareError::Replay(e) => Some(e),
            _ => None,
        }
    }
}
/// Bookmarks from a link or file: at most [`crate::view::bookmarks::MAX_BOOKMARKS`],
/// each within the run (tick ≤ `head`) with a note of at most
/// [`crate::view::bookmarks::MAX_NOTE_CHARS`] characters.
pub(crate) fn untrusted_bookmarks(list: Vec<Bookmark>, head: u64) -> Result<Bookmarks, ShareError> {
    if list.len() > crate::view::bookmarks::MAX_BOOKMARKS {
        return Err(ShareError::BadBookmark {
            index: crate::view::bookmarks::MAX_BOOKMARKS,
        });
    }
    if let Some(index) = list.iter().position(|b| b.tick > head) {
        return Err(ShareError::BadBookmark { index });
    }
    let mut out = Bookmarks::default();
    for (index, b) in list.iter().enumerate() {
        out.add(b.tick, &b.note)
            .map_err(|_| ShareError::BadBookmark { index })?;
    }
    Ok(out)
}
impl Shared {
    /// Checks everything replay could choke on before replaying: the
    /// configuration, the sizes, the ticks, and every action's nodes,
    /// commands and amounts.
    pub fn validate(&self) -> Result<(), ShareError> {
        self.config.validate().map_err(ShareError::Invalid)?;
        if self.actions.len() > MAX_ACTIONS {
            return Err(ShareError::TooManyActions {
                count: self.actions.len(),
            });
        }
        for tick in [self.tick, self.head] {
            if tick > MAX_TICK {
                return Err(ShareError::BadTick { tick });
            }
        }
        if self
            .scenario
            .as_ref()
            .is_some_and(|s| s.id.len() > MAX_SCENARIO_ID)
        {
            return Err(ShareError::Malformed);
        }
        let mut last = 0;
        let mut nodes = self.config.nodes;
        for (index, a) in self.actions.iter().enumerate() {
            if a.tick < last || a.tick > MAX_TICK {
                return Err(ShareError::BadTick { tick: a.tick });
            }
            last = a.tick;
            // A server added by an earlier action may be named by later ones.
            if a.action == Action::AddServer {
                nodes = (nodes + 1).min(crate::raft::MAX_MEMBERS as u32);
            }
            if let Action::Inject(m) = &a.action {
                let max = self.config.raft.max_entries_per_message;
                crate::sim::inject::check_form(m, nodes, max)
                    .map_err(|error| ShareError::BadMessage { index, error })?;
            }
            if !action_ok(&a.action, nodes) {
                return Err(ShareError::BadAction { index });
            }
        }
        let cost = Cost::of(self);
        if cost.work > WORK_BUDGET {
            return Err(ShareError::OverBudget {
                work: cost.work,
                node_ticks: cost.node_ticks,
            });
        }
        if cost.memory > MEMORY_BUDGET {
            return Err(ShareError::TooMuchMemory { bytes: cost.memory });
        }
        Ok(())
    }
}

fn action_ok(action: &Action, nodes: u32) -> bool {
    let node = |n: &NodeId| (1..=nodes).contains(n);
    let command = |c: &Command| Command::parse(&c.to_string()).as_ref() == Ok(c);
    match action {
        Action::Campaign(n)
        | Action::SetTimeout(n, _)
        | Action::Isolate(n)
        | Action::Crash(n)
        | Action::Restart(n)
        | Action::Pause(n)
        | Action::Resume(n) => node(n),
        Action::TickNode(n, count) => node(n) && *count <= MAX_TICK_NODE,
        Action::Compact { node: n, .. } => node(n),
        Action::SetCompactThreshold(entries) => *entries <= crate::raft::MAX_COMPACT_THRESHOLD,
        Action::Cut(a, b)
        | Action::CutOneWay(a, b)
        | Action::Connect(a, b)
        | Action::ConnectOneWay(a, b) => node(a) && node(b),
        Action::Partition(groups) => {
            groups.len() <= 9
                && groups.iter().map(Vec::len).sum::<usize>() <= 9
                && groups.iter().flatten().all(node)
        }
        Action::Propose(target, c) => {
            let target_ok = match target {
                crate::sim::Target::Cluster => true,
                crate::sim::Target::Node(n) => node(n),
            };
            target_ok && command(c)
        }
        Action::Inject(m) => node(&m.from) && node(&m.to),
        Action::SetLoss { loss, duplicate } => *loss <= 1000 && *duplicate <= 1000,
        Action::SetLatency { min, max } => 1 <= *min && min <= max && *max <= 1000,
        Action::Read { target, key, .. } => {
            let target_ok = match target {
                crate::sim::Target::Cluster => true,
                crate::sim::Target::Node(n) => node(n),
            };
            target_ok && (1..=64).contains(&key.len()) && !key.chars().any(char::is_whitespace)
        }
        Action::TransferLeader(n) => node(n),
        Action::RemoveServer(n) | Action::Promote(n) => node(n),
        Action::ChangeVoters(v) => v.len() <= crate::raft::MAX_MEMBERS && v.iter().all(node),
        Action::AddServer => true,
        Action::DeliverAll
        | Action::Deliver(_)
        | Action::Drop(_)
        | Action::Hold(_)
        | Action::Release(_)
        | Action::Recover
        | Action::SetManualDelivery(_)
        | Action::SetReplicationMode(_) => true,
    }
}
