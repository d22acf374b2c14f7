//! Client commands (§5.3, §8): only the leader appends them to its log, and
//! not while it hands leadership over (thesis §3.10).
//!
//! Tested in `tests/raft_paper_persistence_clients.rs` and `tests/leader_transfer.rs`.

use super::Node;
use crate::raft::kv::Command;
use crate::raft::log::EntryData;
use crate::raft::state::Role;
use crate::raft::types::{Index, NodeId, Term};
use serde::{Deserialize, Serialize};

/// Why a proposal was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ProposeError {
    /// Only the leader appends client commands (§5.3). `leader` is the leader
    /// this node knows of, if any, for the client to retry there.
    NotLeader {
        /// The leader this node follows, if known.
        leader: Option<NodeId>,
    },
    /// The leader is handing leadership over (thesis §3.10) and takes no
    /// commands until the transfer ends.
    TransferInProgress {
        /// The node it hands over to.
        target: NodeId,
    },
}

impl std::fmt::Display for ProposeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProposeError::NotLeader { leader: Some(l) } => write!(f, "not the leader; try n{l}"),
            ProposeError::NotLeader { leader: None } => {
                write!(f, "not the leader; no leader known")
            }
            ProposeError::TransferInProgress { target } => {
                write!(f, "handing leadership to n{target}; try again soon")
            }
        }
    }
}

impl std::error::Error for ProposeError {}

impl Node {
    /// A client command (§5.3, §8): the leader appends it to its log and starts
    /// replicating it, returning where it will commit if all goes well.
    /// Anyone else refuses, naming the leader it knows.
    pub fn propose(&mut self, command: Command) -> Result<(Index, Term), ProposeError> {
        if self.role != Role::Leader {
            return Err(ProposeError::NotLeader {
                leader: self.leader_id,
            });
        }
        if let Some(t) = self.transfer {
            return Err(ProposeError::TransferInProgress { target: t.target });
        }
        let term = self.persistent.current_term;
        let index = self.persistent.log.append(term, EntryData::from(command));
        self.broadcast_append_new_entries();
        self.maybe_commit();
        Ok((index, term))
    }
}
