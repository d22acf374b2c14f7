//! Raft paper (Ongaro & Ousterhout 2014) and Ongaro's thesis against the core
//! alone, with exact expectations: roles, terms, votes, log terms, commit
//! indexes, message fields and the reasons carried by events.
//!
//! This file: each unsafe switch changes exactly the rule it names.

mod common;

use common::paper::*;
use common::raft_harness::*;
use raftlab::raft::AppendOutcome;
use raftlab::raft::AppendResponse;
use raftlab::raft::{
    Config, Event, LogPosition, MessageBody, NodeId, Role, UnsafeRule, UnsafeSwitch,
};

// ============================================================ unsafe switches

fn with_switch(base: Config, s: Option<UnsafeSwitch>) -> Config {
    Config {
        unsafe_switches: s.into_iter().collect(),
        ..base
    }
}

/// Granted a vote to a candidate whose last entry is of an older term?
fn probe_vote_without_log_check(cfg: Config) -> bool {
    let mut n = node_with_log(1, &ids(3), cfg, 2, None, &[1, 2]);
    n.step(vote_req(2, 1, 3, false, 1, 1));
    n.voted_for() == Some(2)
}

/// The leader's commit index once an old-term entry is on all three nodes.
fn probe_commit_old_term(cfg: Config) -> u64 {
    let mut net = Network::with_logs(cfg, &[(1, 2, &[1, 2]), (2, 2, &[1]), (3, 2, &[1])]);
    net.campaign(1);
    assert_eq!(net.node(1).role(), Role::Leader);
    net.node(1).commit_index()
}

/// votedFor after a restart.
fn probe_forget_vote(cfg: Config) -> Option<NodeId> {
    node_with_log(1, &ids(3), cfg, 4, Some(2), &[1]).voted_for()
}

/// A follower's commit index after a heartbeat that matched only index 1 but
/// carries leaderCommit 5.
fn probe_accept_stale_leader(cfg: Config) -> u64 {
    // n1 is at term 3; an AppendEntries from a deposed leader of term 1
    // carries an entry for index 3.
    let mut n = node_with_log(1, &ids(3), cfg, 3, None, &[1, 1]);
    n.step(append(2, 1, 1, 2, 1, entries(&[(3, 1)]), 0));
    n.log().last_index()
}

type Probes = (bool, u64, Option<NodeId>, u64);

fn probes(cfg: &Config) -> Probes {
    (
        probe_vote_without_log_check(cfg.clone()),
        probe_commit_old_term(cfg.clone()),
        probe_forget_vote(cfg.clone()),
        probe_accept_stale_leader(cfg.clone()),
    )
}

#[test]
fn each_unsafe_switch_changes_exactly_the_behaviour_it_names() {
    let base = config(false);
    let safe = probes(&base);
    assert_eq!(safe, (false, 0, Some(2), 2));
    for s in UnsafeSwitch::ALL {
        let cfg = with_switch(base.clone(), Some(s));
        assert!(cfg.is_unsafe(s));
        let mut want = safe;
        match s {
            UnsafeSwitch::VoteWithoutLogCheck => want.0 = true,
            UnsafeSwitch::CommitOldTermByCounting => want.1 = 2,
            UnsafeSwitch::ForgetVoteOnRestart => want.2 = None,
            UnsafeSwitch::AcceptStaleLeader => want.3 = 3,
            // Changes membership only (tests/membership_rules.rs).
            UnsafeSwitch::OneStepMembershipChange => {}
            // Reads only; probed in tests/read_index.rs.
            UnsafeSwitch::StaleLeaderRead => {}
        }
        assert_eq!(probes(&cfg), want, "{}", s.name());
        assert_eq!(UnsafeSwitch::from_name(s.name()), Some(s));
    }
    assert_eq!(
        UnsafeSwitch::ALL.map(UnsafeSwitch::name),
        [
            "vote-without-log-check",
            "commit-old-term-by-counting",
            "forget-vote-on-restart",
            "accept-stale-leader",
            "one-step-membership-change",
            "stale-leader-read"
        ]
    );
    assert_eq!(UnsafeSwitch::from_name("commit-anything"), None);
}

#[test]
fn unsafe_vote_without_log_check_grants_a_behind_candidate() {
    let cfg = with_switch(config(false), Some(UnsafeSwitch::VoteWithoutLogCheck));
    let mut n = node_with_log(1, &ids(3), cfg, 2, None, &[1, 2, 2]);
    n.step(vote_req(2, 1, 3, false, 1, 1));
    let events = n.take_events();
    // The node says which rule it broke (the cause a violation points back
    // to), then grants the vote.
    assert_eq!(
        events[1..3],
        [
            Event::UnsafeRuleBroken {
                rule: UnsafeRule::VotedWithoutLogCheck {
                    candidate: 2,
                    term: 3,
                    candidate_last: LogPosition::new(1, 1),
                    our_last: LogPosition::new(2, 3),
                }
            },
            Event::VoteGranted {
                candidate: 2,
                term: 3,
                pre_vote: false
            }
        ]
    );
}

#[test]
fn unsafe_commit_old_term_by_counting_commits_an_old_term_entry() {
    let cfg = with_switch(config(false), Some(UnsafeSwitch::CommitOldTermByCounting));
    let mut net = Network::with_logs(cfg, &[(1, 2, &[1, 2]), (2, 2, &[1]), (3, 2, &[1])]);
    net.campaign(1);
    let events = net.take_events(1);
    assert!(events.contains(&Event::CommitAdvanced {
        from: 0,
        to: 2,
        by: vec![1, 2]
    }));
    assert!(events.contains(&Event::UnsafeRuleBroken {
        rule: UnsafeRule::CommittedOldTermByCounting {
            index: 2,
            entry_term: 2,
            current_term: 3
        }
    }));
    assert_eq!(net.node(1).log().term_at(2), Some(2));
    assert_eq!(net.node(1).term(), 3);
}

#[test]
fn unsafe_accept_stale_leader_overwrites_and_acknowledges_in_the_old_term() {
    // §5.1 / Figure 2 receiver rule 1 broken: n1 (term 3, log [1,1,3]) takes an
    // AppendEntries from the deposed leader n2 of term 1, truncates its term-3
    // entry, and answers in term 1, so n2 counts the answer as its own.
    let cfg = with_switch(config(false), Some(UnsafeSwitch::AcceptStaleLeader));
    let mut n = node_with_log(1, &ids(3), cfg, 3, None, &[1, 1, 3]);
    n.step(append(2, 1, 1, 2, 1, entries(&[(3, 1)]), 0));
    assert_eq!(n.log().last_term(), 1);
    assert!(n.take_events().contains(&Event::EntriesTruncated {
        removed: vec![(3, 3)]
    }));
    let out = n.take_outbox();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].term, 1);
    assert!(matches!(
        out[0].body,
        MessageBody::AppendEntriesResponse(AppendResponse {
            request_term: 1,
            outcome: AppendOutcome::Matched { match_index: 3 },
            ..
        })
    ));
}
