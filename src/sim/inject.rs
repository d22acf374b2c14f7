//! Hand-written messages ([`Action::Inject`](super::Action::Inject)).
//!
//! Raft tolerates a network that delays, duplicates, reorders and loses
//! messages (§5.1), not one that forges them. So an injected message must be
//! one its sender could really have sent — a stale or repeated copy — or the
//! safety badge could turn red over a forgery rather than a real protocol
//! failure. Two checks, both before the message enters the network:
//!
//! - [`check_form`] (needs only the configuration, so share links run it
//!   before replaying anything): sender and receiver are members, the
//!   message is well formed ([`Message::check`]) and carries no more entries
//!   than the configuration lets a leader send.
//! - [`check_plausible`] (needs the world at the tick of the injection): the
//!   sender's own state backs every claim the message makes.
//!
//! Tested in `tests/inject.rs`.

use super::world::World;
use crate::raft::{AppendOutcome, Message, MessageBody, MessageFault, NodeId};
use serde::{Deserialize, Serialize};

/// Why an injected message was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum InjectError {
    /// The sender or receiver is not a member of the cluster.
    NotMember {
        /// The id given.
        node: NodeId,
    },
    /// No correct server could send it at all.
    Malformed(MessageFault),
    /// More entries than `max_entries_per_message` allows a leader to send.
    TooManyEntries {
        /// How many.
        count: usize,
        /// The configuration's limit.
        limit: u32,
    },
    /// Its sender's state does not back it.
    Implausible(Implausible),
}

/// Which claim of an injected message its sender's state does not back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Implausible {
    /// The term is above the sender's current term (a pre-vote: above it + 1).
    TermAhead,
    /// An AppendEntries from a node that was never leader of its term.
    NotLeaderOfTerm,
    /// The entries (or `prevLogTerm`) are not those of the sender's log.
    NotSendersLog,
    /// `leaderCommit` is above the sender's commit index.
    CommitAhead,
    /// A granted vote the sender did not cast in that term.
    VoteNotCast,
    /// A success claiming a match the two logs do not have.
    MatchNotHeld,
}

impl std::fmt::Display for InjectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InjectError::NotMember { node } => {
                write!(
                    f,
                    "injected message names n{node}, not a member of the cluster"
                )
            }
            InjectError::Malformed(fault) => write!(f, "injected message is malformed: {fault}"),
            InjectError::TooManyEntries { count, limit } => write!(
                f,
                "injected message carries {count} entries; a leader sends at most {limit}"
            ),
            InjectError::Implausible(why) => {
                let why = match why {
                    Implausible::TermAhead => "its term is ahead of its sender's",
                    Implausible::NotLeaderOfTerm => "its sender was never leader of its term",
                    Implausible::NotSendersLog => "its entries are not in its sender's log",
                    Implausible::CommitAhead => "its commit index is ahead of its sender's",
                    Implausible::VoteNotCast => "its sender did not cast that vote",
                    Implausible::MatchNotHeld => "the logs do not match where it says",
                };
                write!(f, "injected message is forged: {why}")
            }
        }
    }
}

/// The checks that need only the configuration (see the module's doc):
/// `servers` is how many servers the cluster has at that point (ids
/// `1..=servers`; servers added later count), `limit` the configuration's
/// `max_entries_per_message`.
pub fn check_form(msg: &Message, servers: u32, limit: u32) -> Result<(), InjectError> {
    for node in [msg.from, msg.to] {
        if !(1..=servers).contains(&node) {
            return Err(InjectError::NotMember { node });
        }
    }
    msg.check().map_err(InjectError::Malformed)?;
    let count = msg.body.entry_count();
    if count > limit as usize {
        return Err(InjectError::TooManyEntries { count, limit });
    }
    Ok(())
}

/// The checks against the world at the tick of the injection.
pub fn check_plausible(w: &World, msg: &Message) -> Result<(), InjectError> {
    let servers = u32::try_from(w.nodes().len()).unwrap_or(u32::MAX);
    check_form(msg, servers, w.config().raft.max_entries_per_message)?;
    let bad = |why| Err(InjectError::Implausible(why));
    let sender = &w
        .slot(msg.from)
        .map_err(|_| InjectError::NotMember { node: msg.from })?
        .node;
    let receiver = &w
        .slot(msg.to)
        .map_err(|_| InjectError::NotMember { node: msg.to })?
        .node;
    let log = sender.log();
    let pre_vote_request = matches!(msg.body, MessageBody::RequestVote { pre_vote: true, .. });
    let term_limit = sender.term().saturating_add(u64::from(pre_vote_request));
    if msg.term > term_limit {
        return bad(Implausible::TermAhead);
    }
    match &msg.body {
        MessageBody::RequestVote { last_log, .. } => {
            if log.term_at(last_log.index) != Some(last_log.term) {
                return bad(Implausible::NotSendersLog);
            }
        }
        MessageBody::RequestVoteResponse {
            pre_vote: false,
            vote_granted: true,
        } => {
            if sender.term() != msg.term || sender.voted_for() != Some(msg.to) {
                return bad(Implausible::VoteNotCast);
            }
        }
        MessageBody::RequestVoteResponse { .. } => {}
        MessageBody::AppendEntries {
            prev_log,
            entries,
            leader_commit,
            ..
        } => {
            if w.checker().leader_of(msg.term) != Some(msg.from) {
                return bad(Implausible::NotLeaderOfTerm);
            }
            if log.term_at(prev_log.index) != Some(prev_log.term)
                || entries.iter().any(|e| log.get(e.index) != Some(e))
            {
                return bad(Implausible::NotSendersLog);
            }
            if *leader_commit > sender.commit_index() {
                return bad(Implausible::CommitAhead);
            }
        }
        MessageBody::InstallSnapshot { snapshot } => {
            if w.checker().leader_of(msg.term) != Some(msg.from) {
                return bad(Implausible::NotLeaderOfTerm);
            }
            // Its content is not compared with the sender's snapshot: the
            // snapshot checker's own tests (tests/snapshot_chaos.rs) forge
            // snapshots on purpose to show it fires.
            let _ = snapshot;
        }
        // A follower may forward a read at any time (thesis §6.4).
        MessageBody::ReadIndex { .. } => {}
        // Only the leader of the message's term answers reads and hands over
        // leadership (thesis §6.4, §3.10).
        MessageBody::ReadIndexResponse { .. } | MessageBody::TimeoutNow => {
            if w.checker().leader_of(msg.term) != Some(msg.from) {
                return bad(Implausible::NotLeaderOfTerm);
            }
        }
        MessageBody::InstallSnapshotResponse {
            request_term,
            installed,
            match_index,
        } => {
            if *request_term > sender.term() {
                return bad(Implausible::TermAhead);
            }
            let held = log.term_at(*match_index);
            if *installed && (held.is_none() || held != receiver.log().term_at(*match_index)) {
                return bad(Implausible::MatchNotHeld);
            }
        }
        MessageBody::AppendEntriesResponse(r) => {
            if r.request_term > sender.term() {
                return bad(Implausible::TermAhead);
            }
            if let AppendOutcome::Matched { match_index } = r.outcome {
                let held = log.term_at(match_index);
                if held.is_none() || held != receiver.log().term_at(match_index) {
                    return bad(Implausible::MatchNotHeld);
                }
            }
        }
    }
    Ok(())
}
