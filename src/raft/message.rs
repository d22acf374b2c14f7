//! The RPCs of Figure 2 (plus PreVote, thesis §9.6; ReadIndex forwarding,
//! thesis §6.4; TimeoutNow, thesis §3.10), as one-way messages.

use super::log::Entry;
use super::types::{Index, NodeId, Term};
use serde::{Deserialize, Serialize};

/// A message between two nodes. `term` is the sender's term, except in a
/// pre-vote request (the term the pre-candidate *would* use) and a granted
/// pre-vote response (echoing that term), as in etcd.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Message {
    /// Sender.
    pub from: NodeId,
    /// Receiver.
    pub to: NodeId,
    /// The term carried (see the type's doc).
    pub term: Term,
    /// The RPC.
    pub body: MessageBody,
}

/// The RPC carried by a [`Message`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageBody {
    /// RequestVote (§5.2), or a pre-vote request when `pre_vote` (thesis §9.6).
    RequestVote {
        /// True for a pre-vote: the sender has not raised its own term.
        pre_vote: bool,
        /// Index of the candidate's last log entry (§5.4.1).
        last_log_index: Index,
        /// Term of the candidate's last log entry (§5.4.1).
        last_log_term: Term,
        /// The candidate campaigns because the leader sent it TimeoutNow
        /// (thesis §3.10): voters answer even under the leader lease, as
        /// etcd's `campaignTransfer` context does.
        #[serde(default)]
        leader_transfer: bool,
    },
    /// The answer to a RequestVote.
    RequestVoteResponse {
        /// True for a pre-vote answer.
        pre_vote: bool,
        /// Whether the vote was granted.
        vote_granted: bool,
    },
    /// AppendEntries (§5.3); with no entries it is a heartbeat (§5.2).
    AppendEntries {
        /// Index of the entry just before the new ones.
        prev_log_index: Index,
        /// Term of that entry: the consistency check.
        prev_log_term: Term,
        /// Entries to store (empty for a heartbeat).
        entries: Vec<Entry>,
        /// The leader's commit index.
        leader_commit: Index,
        /// Set on the heartbeat round a ReadIndex read started (thesis §6.4;
        /// etcd's heartbeat context): the follower echoes it, so the leader
        /// knows the answer came after the read.
        #[serde(default)]
        read_ctx: Option<u64>,
    },
    /// The answer to an AppendEntries.
    AppendEntriesResponse {
        /// The term of the AppendEntries answered: a leader ignores answers to
        /// requests it sent in an earlier term (they say nothing about now).
        request_term: Term,
        /// True if the follower's log matched at `prev_log_index`.
        success: bool,
        /// On success, the index of the last entry known to match the leader.
        match_index: Index,
        /// The `prev_log_index` of the request answered (lets a leader ignore
        /// stale rejections).
        rejected_prev_index: Index,
        /// On rejection, the term of the follower's conflicting entry, if any
        /// (§5.3, the optimization at the end of the section).
        conflict_term: Option<Term>,
        /// On rejection, the first index the leader should try: the first index
        /// of `conflict_term` in the follower's log, or its last index + 1.
        conflict_index: Index,
        /// The request's `read_ctx`, echoed.
        #[serde(default)]
        read_ctx: Option<u64>,
    },
    /// A follower forwards a client's ReadIndex read to its leader (thesis
    /// §6.4: "followers forward read requests"; etcd's MsgReadIndex).
    ReadIndex {
        /// The read's id, chosen by the client.
        read_id: u64,
    },
    /// The leader's answer to a forwarded read: the read index once it has
    /// confirmed leadership, or `None` if it is not (or no longer) leader.
    ReadIndexResponse {
        /// The read's id.
        read_id: u64,
        /// The index the follower must apply up to before answering.
        read_index: Option<Index>,
    },
    /// Leader transfer (thesis §3.10): the target is up to date, so it
    /// should start an election now, without waiting for its timer.
    TimeoutNow,
}

impl MessageBody {
    /// A short stable name: `pre-vote`, `request-vote`, `append-entries`,
    /// `read-index`, their `-resp` forms, and `timeout-now` (the UI's `data-msg`).
    pub fn kind(&self) -> &'static str {
        match self {
            MessageBody::RequestVote { pre_vote: true, .. } => "pre-vote",
            MessageBody::RequestVote { .. } => "request-vote",
            MessageBody::RequestVoteResponse { pre_vote: true, .. } => "pre-vote-resp",
            MessageBody::RequestVoteResponse { .. } => "request-vote-resp",
            MessageBody::AppendEntries { .. } => "append-entries",
            MessageBody::AppendEntriesResponse { .. } => "append-entries-resp",
            MessageBody::ReadIndex { .. } => "read-index",
            MessageBody::ReadIndexResponse { .. } => "read-index-resp",
            MessageBody::TimeoutNow => "timeout-now",
        }
    }

    /// Number of log entries carried.
    pub fn entry_count(&self) -> usize {
        match self {
            MessageBody::AppendEntries { entries, .. } => entries.len(),
            _ => 0,
        }
    }

    /// An AppendEntries with no entries.
    pub fn is_heartbeat(&self) -> bool {
        matches!(self, MessageBody::AppendEntries { entries, .. } if entries.is_empty())
    }

    /// Whether the response says yes (`None` for requests).
    pub fn granted(&self) -> Option<bool> {
        match self {
            MessageBody::RequestVoteResponse { vote_granted, .. } => Some(*vote_granted),
            MessageBody::AppendEntriesResponse { success, .. } => Some(*success),
            MessageBody::ReadIndexResponse { read_index, .. } => Some(read_index.is_some()),
            _ => None,
        }
    }
}
