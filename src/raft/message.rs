//! The RPCs of Figure 2 (plus PreVote, thesis §9.6; ReadIndex forwarding,
//! thesis §6.4; TimeoutNow, thesis §3.10), as one-way messages.

use super::log::{Entry, EntryData};
use super::snapshot::Snapshot;
use super::types::{Index, LogPosition, NodeId, Term};
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

impl Message {
    /// A test builder, for forged and ill-formed messages: an AppendEntries
    /// from n1 to n2 in `term`, after `(index prev, term 0)`, carrying no-op
    /// entries at these `(index, term)` and committing nothing. Nothing
    /// checks its form: that is what [`Message::check`] is for.
    #[doc(hidden)]
    pub fn noop_append(term: Term, prev: Index, entries: Vec<(Index, Term)>) -> Message {
        let entries = entries
            .into_iter()
            .map(|(index, term)| Entry {
                index,
                term,
                data: EntryData::Noop,
            })
            .collect();
        Message {
            from: 1,
            to: 2,
            term,
            body: MessageBody::AppendEntries {
                prev_log: LogPosition::new(0, prev),
                entries,
                leader_commit: 0,
                read_ctx: None,
            },
        }
    }
}

/// The RPC carried by a [`Message`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageBody {
    /// RequestVote (§5.2), or a pre-vote request when `pre_vote` (thesis §9.6).
    RequestVote {
        /// True for a pre-vote: the sender has not raised its own term.
        pre_vote: bool,
        /// The candidate's last log entry: lastLogTerm, lastLogIndex (§5.4.1).
        last_log: LogPosition,
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
        /// The entry just before the new ones: prevLogTerm, prevLogIndex —
        /// the consistency check.
        prev_log: LogPosition,
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
    AppendEntriesResponse(AppendResponse),
    /// InstallSnapshot (thesis §5.1, Figure 5.3; paper §7, Figure 13): the
    /// leader's snapshot, whole, for a follower that needs entries the leader
    /// has compacted. The figure's `offset`/`done` chunking is not simulated.
    InstallSnapshot {
        /// Last included index and term, state machine and configuration.
        snapshot: Snapshot,
    },
    /// The answer to an InstallSnapshot (the figure's `term`, plus what lets
    /// the leader go on replicating).
    InstallSnapshotResponse {
        /// The term of the InstallSnapshot answered (older answers are ignored).
        request_term: Term,
        /// True if installed; false if ignored as stale.
        installed: bool,
        /// The last index now known to match the leader: the snapshot's last
        /// included index, or our commit index if the snapshot was stale.
        match_index: Index,
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

/// The answer to an AppendEntries (Figure 2's `success`, plus what a leader
/// needs to act on it). Built only by [`AppendResponse::matched`] and
/// [`AppendResponse::rejected`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AppendResponse {
    /// The term of the AppendEntries answered: a leader ignores answers to
    /// requests it sent in an earlier term (they say nothing about now).
    pub request_term: Term,
    /// Matched or rejected.
    pub outcome: AppendOutcome,
    /// The request's `read_ctx`, echoed (thesis §6.4).
    #[serde(default)]
    pub read_ctx: Option<u64>,
}

/// Whether the follower's log matched the request's `prev_log`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppendOutcome {
    /// `success = true`: the follower's log now matches the leader's up to
    /// `match_index`.
    Matched {
        /// The index of the last entry known to match the leader.
        match_index: Index,
    },
    /// `success = false` (§5.3 consistency check, or a stale term §5.1).
    Rejected {
        /// The `prevLogIndex` of the request answered (lets a leader ignore
        /// stale rejections).
        prev_log_index: Index,
        /// Where the leader should look next (`None` for a stale-term
        /// rejection, which carries no hint).
        hint: Option<ConflictHint>,
    },
}

/// A rejection's hint for backing up nextIndex a term at a time (§5.3, the
/// optimization at the end of the section).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConflictHint {
    /// The follower holds another term at `prevLogIndex`: `first` is the first
    /// entry of that conflicting term in its log.
    TermConflict {
        /// The conflicting term and the first index the follower holds it at.
        first: LogPosition,
    },
    /// The follower's log ends before `prevLogIndex`.
    LogTooShort {
        /// The follower's last index.
        last_index: Index,
    },
}

impl ConflictHint {
    /// The conflicting term, if the follower has one.
    pub fn conflict_term(&self) -> Option<Term> {
        match self {
            ConflictHint::TermConflict { first } => Some(first.term),
            ConflictHint::LogTooShort { .. } => None,
        }
    }

    /// The first index the leader should try without knowing more: the first
    /// index of the conflicting term, or just past the follower's log.
    pub fn retry_index(&self) -> Index {
        match self {
            ConflictHint::TermConflict { first } => first.index,
            ConflictHint::LogTooShort { last_index } => last_index.saturating_add(1),
        }
    }
}

impl AppendResponse {
    /// `success = true`, matching up to `match_index`.
    pub fn matched(request_term: Term, match_index: Index) -> AppendResponse {
        AppendResponse {
            request_term,
            outcome: AppendOutcome::Matched { match_index },
            read_ctx: None,
        }
    }

    /// The same answer, echoing the request's ReadIndex context.
    pub fn echoing(self, read_ctx: Option<u64>) -> AppendResponse {
        AppendResponse { read_ctx, ..self }
    }

    /// `success = false` for a request whose prevLogIndex was
    /// `prev_log_index`, with the follower's hint if it has one.
    pub fn rejected(
        request_term: Term,
        prev_log_index: Index,
        hint: Option<ConflictHint>,
    ) -> AppendResponse {
        AppendResponse {
            request_term,
            outcome: AppendOutcome::Rejected {
                prev_log_index,
                hint,
            },
            read_ctx: None,
        }
    }

    /// Figure 2's `success`.
    pub fn success(&self) -> bool {
        matches!(self.outcome, AppendOutcome::Matched { .. })
    }
}

/// What kind of RPC a message is: a typed key for the view, the trace and
/// scenario scripts. Every `match` on it is exhaustive, so a new kind does
/// not compile until it has a picture, a translation and a `data-msg` name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MessageKind {
    /// A pre-vote request (thesis §9.6).
    PreVote,
    /// A pre-vote answer.
    PreVoteResponse,
    /// RequestVote (§5.2).
    RequestVote,
    /// A RequestVote answer.
    RequestVoteResponse,
    /// AppendEntries (§5.3), a heartbeat when empty (§5.2).
    AppendEntries,
    /// An AppendEntries answer.
    AppendEntriesResponse,
    /// InstallSnapshot (§7).
    InstallSnapshot,
    /// An InstallSnapshot answer.
    InstallSnapshotResponse,
    /// A follower forwarding a ReadIndex read to its leader (thesis §6.4).
    ReadIndex,
    /// The leader's read index for a forwarded read.
    ReadIndexResponse,
    /// Leadership transfer: campaign now (thesis §3.10).
    TimeoutNow,
}

impl MessageKind {
    /// Every kind, in the order the legend lists them.
    pub const ALL: [MessageKind; 11] = [
        MessageKind::PreVote,
        MessageKind::PreVoteResponse,
        MessageKind::RequestVote,
        MessageKind::RequestVoteResponse,
        MessageKind::AppendEntries,
        MessageKind::AppendEntriesResponse,
        MessageKind::InstallSnapshot,
        MessageKind::InstallSnapshotResponse,
        MessageKind::ReadIndex,
        MessageKind::ReadIndexResponse,
        MessageKind::TimeoutNow,
    ];

    /// The stable name: `pre-vote`, `request-vote`, `append-entries`,
    /// `install-snapshot`, `read-index`, their `-resp` forms, `timeout-now`
    /// (the UI's `data-msg`; part of the automation contract, never renamed).
    pub const fn name(self) -> &'static str {
        match self {
            MessageKind::PreVote => "pre-vote",
            MessageKind::PreVoteResponse => "pre-vote-resp",
            MessageKind::RequestVote => "request-vote",
            MessageKind::RequestVoteResponse => "request-vote-resp",
            MessageKind::AppendEntries => "append-entries",
            MessageKind::AppendEntriesResponse => "append-entries-resp",
            MessageKind::InstallSnapshot => "install-snapshot",
            MessageKind::InstallSnapshotResponse => "install-snapshot-resp",
            MessageKind::ReadIndex => "read-index",
            MessageKind::ReadIndexResponse => "read-index-resp",
            MessageKind::TimeoutNow => "timeout-now",
        }
    }

    /// The kind named `name` (the inverse of [`MessageKind::name`]).
    pub fn from_name(name: &str) -> Option<MessageKind> {
        MessageKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// Hashes as its [`MessageKind::name`] string, exactly as the trace hashed
/// the kind when it was a `String`: trace hashes stay comparable.
impl std::hash::Hash for MessageKind {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name().hash(state);
    }
}

impl std::fmt::Display for MessageKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl MessageBody {
    /// Which kind of RPC this is.
    pub fn kind(&self) -> MessageKind {
        match self {
            MessageBody::RequestVote { pre_vote: true, .. } => MessageKind::PreVote,
            MessageBody::RequestVote { .. } => MessageKind::RequestVote,
            MessageBody::RequestVoteResponse { pre_vote: true, .. } => MessageKind::PreVoteResponse,
            MessageBody::RequestVoteResponse { .. } => MessageKind::RequestVoteResponse,
            MessageBody::AppendEntries { .. } => MessageKind::AppendEntries,
            MessageBody::AppendEntriesResponse(_) => MessageKind::AppendEntriesResponse,
            MessageBody::InstallSnapshot { .. } => MessageKind::InstallSnapshot,
            MessageBody::InstallSnapshotResponse { .. } => MessageKind::InstallSnapshotResponse,
            MessageBody::ReadIndex { .. } => MessageKind::ReadIndex,
            MessageBody::ReadIndexResponse { .. } => MessageKind::ReadIndexResponse,
            MessageBody::TimeoutNow => MessageKind::TimeoutNow,
        }
    }

    /// Number of log entries carried.
    pub fn entry_count(&self) -> usize {
        match self {
            MessageBody::AppendEntries { entries, .. } => entries.len(),
            _ => 0,
        }
    }

    /// The size in bytes of a snapshot carried, if any (see [`Snapshot::size_bytes`]).
    pub fn snapshot_bytes(&self) -> Option<usize> {
        match self {
            MessageBody::InstallSnapshot { snapshot } => Some(snapshot.size_bytes()),
            _ => None,
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
            MessageBody::AppendEntriesResponse(r) => Some(r.success()),
            MessageBody::InstallSnapshotResponse { installed, .. } => Some(*installed),
            MessageBody::ReadIndexResponse { read_index, .. } => Some(read_index.is_some()),
            _ => None,
        }
    }
}
