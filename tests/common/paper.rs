//! Shared setup of the `raft_paper_*` suites: the election timeout, a
//! cluster whose node 1 has won term 1, and builders for the events and
//! messages the paper's rules are asserted with.
#![allow(dead_code)]

use super::raft_harness::*;
use raftlab::raft::{
    AppendResponse, Config, ConflictHint, Event, LogPosition, Message, MessageBody, NodeId, Role,
    RoleCause, Term, VoteDenial,
};

/// `Config::default().election_timeout`.
pub const T: u32 = 20;

/// Node ids `1..=n`.
pub fn ids(n: u32) -> Vec<NodeId> {
    (1..=n).collect()
}

/// A network of `n` fresh nodes where node 1 has won the election of term 1
/// and every message has been delivered.
pub fn elected(n: u32, cfg: Config) -> Network {
    let mut net = Network::new(&ids(n), cfg);
    net.campaign(1);
    assert_eq!(net.node(1).role(), Role::Leader);
    net.clear_records();
    net
}

/// Ticks `id` through one heartbeat interval and delivers everything.
pub fn heartbeat(net: &mut Network, id: NodeId) {
    let hb = net.node(id).config().heartbeat_interval;
    net.tick(id, hb);
    net.deliver_all();
}

/// The `RoleChanged` event a transition records.
pub fn role_changed(from: Role, to: Role, term: Term, cause: RoleCause) -> Event {
    Event::RoleChanged {
        from,
        to,
        term,
        cause,
    }
}

/// The `VoteDenied` event a refusal records.
pub fn vote_denied(candidate: NodeId, term: Term, pre_vote: bool, reason: VoteDenial) -> Event {
    Event::VoteDenied {
        candidate,
        term,
        pre_vote,
        reason,
    }
}

/// A (pre-)vote response.
pub fn vote_response(
    from: NodeId,
    to: NodeId,
    term: Term,
    pre_vote: bool,
    granted: bool,
) -> Message {
    vote_resp(from, to, term, pre_vote, granted)
}

/// A rejection hint: the follower's term `term` starts at `first`.
pub fn conflict(term: Term, first: u64) -> Option<ConflictHint> {
    Some(ConflictHint::TermConflict {
        first: LogPosition::new(term, first),
    })
}

/// A rejection hint: the follower's log ends at `last_index`.
pub fn short(last_index: u64) -> Option<ConflictHint> {
    Some(ConflictHint::LogTooShort { last_index })
}

/// A failed AppendEntries response of `term` to a request of the same term,
/// with the follower's conflict hint.
pub fn reject_resp(
    from: NodeId,
    to: NodeId,
    term: Term,
    rejected_prev_index: u64,
    hint: Option<ConflictHint>,
) -> Message {
    msg(
        from,
        to,
        term,
        MessageBody::AppendEntriesResponse(AppendResponse::rejected(
            term,
            rejected_prev_index,
            hint,
        )),
    )
}

/// PreVote on (thesis §9.6), no leader no-op.
pub fn pre_vote_cfg() -> Config {
    Config {
        pre_vote: true,
        leader_noop: false,
        ..Config::default()
    }
}

/// The thesis's PreVote (§9.6), which also refuses while a leader is heard
/// from; etcd's (the default) is tested in `tests/prevote_modes.rs`.
pub fn thesis_pre_vote_cfg() -> Config {
    Config {
        pre_vote_mode: raftlab::raft::PreVoteMode::Thesis,
        ..pre_vote_cfg()
    }
}

/// CheckQuorum on (thesis §6.2).
pub fn check_quorum_cfg() -> Config {
    Config {
        check_quorum: true,
        ..Config::default()
    }
}
