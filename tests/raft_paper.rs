//! One test per rule of the Raft paper (Ongaro & Ousterhout 2014, "§5.x",
//! Figure 2) and Ongaro's thesis ("thesis §x.y"), against the core alone, with
//! exact expectations: roles, terms, votes, log terms, commit indexes, message
//! fields and the reasons carried by events.

mod common;

use common::raft_harness::*;
use raftlab::raft::{
    AppendRejection, ApplyResult, Command, CommandError, CommitHold, Config, ConfigError, Entry,
    EntryData, Event, Message, MessageBody, Node, NodeId, PersistentState, Progress, ProposeError,
    RaftLog, Rng, Role, RoleCause, Term, UnsafeSwitch, VoteDenial, MAX_COMMAND_LEN,
};

const T: u32 = 20; // Config::default().election_timeout

fn ids(n: u32) -> Vec<NodeId> {
    (1..=n).collect()
}

/// A network of `n` fresh nodes where node 1 has won the election of term 1
/// and every message has been delivered.
fn elected(n: u32, cfg: Config) -> Network {
    let mut net = Network::new(&ids(n), cfg);
    net.campaign(1);
    assert_eq!(net.node(1).role(), Role::Leader);
    net.clear_records();
    net
}

/// Ticks `id` through one heartbeat interval and delivers everything.
fn heartbeat(net: &mut Network, id: NodeId) {
    let hb = net.node(id).config().heartbeat_interval;
    net.tick(id, hb);
    net.deliver_all();
}

fn role_changed(from: Role, to: Role, term: Term, cause: RoleCause) -> Event {
    Event::RoleChanged {
        from,
        to,
        term,
        cause,
    }
}

fn vote_denied(candidate: NodeId, term: Term, pre_vote: bool, reason: VoteDenial) -> Event {
    Event::VoteDenied {
        candidate,
        term,
        pre_vote,
        reason,
    }
}

fn vote_response(from: NodeId, to: NodeId, term: Term, pre_vote: bool, granted: bool) -> Message {
    vote_resp(from, to, term, pre_vote, granted)
}

fn reject_resp(
    from: NodeId,
    to: NodeId,
    term: Term,
    rejected_prev_index: u64,
    conflict_term: Option<Term>,
    conflict_index: u64,
) -> Message {
    msg(
        from,
        to,
        term,
        MessageBody::AppendEntriesResponse {
            request_term: term,
            success: false,
            match_index: 0,
            rejected_prev_index,
            conflict_term,
            conflict_index,
        },
    )
}

// ======================================================================== §5.1

#[test]
fn s5_1_leader_seeing_higher_term_becomes_follower_and_adopts_it() {
    let mut net = elected(3, config(false));
    let mut n1 = net.nodes.remove(&1).unwrap();
    assert_eq!((n1.term(), n1.voted_for()), (1, Some(1)));
    n1.step(append_ok(2, 1, 5, 0));
    assert_eq!(
        n1.take_events(),
        vec![
            Event::TermAdopted {
                from_term: 1,
                to_term: 5,
                from: 2
            },
            role_changed(
                Role::Leader,
                Role::Follower,
                5,
                RoleCause::SawHigherTerm { from: 2, term: 5 }
            ),
        ]
    );
    assert_eq!(n1.role(), Role::Follower);
    assert_eq!(n1.term(), 5);
    assert_eq!(n1.voted_for(), None, "a new term clears votedFor");
    assert_eq!(n1.leader_id(), None);
    assert!(n1.progress().is_empty());
    assert!(n1.take_outbox().is_empty());
}

#[test]
fn s5_1_candidate_seeing_higher_term_append_entries_follows_its_sender() {
    let mut n = new_node(1, &ids(3), config(false));
    n.force_timeout();
    n.take_events();
    n.take_outbox();
    n.step(append(2, 1, 3, 0, 0, vec![], 0));
    assert_eq!(
        n.take_events(),
        vec![
            Event::TermAdopted {
                from_term: 1,
                to_term: 3,
                from: 2
            },
            role_changed(
                Role::Candidate,
                Role::Follower,
                3,
                RoleCause::SawHigherTerm { from: 2, term: 3 }
            ),
            Event::AppendAccepted {
                leader: 2,
                prev_log_index: 0,
                entries: 0,
                match_index: 0
            },
        ]
    );
    assert_eq!(
        (n.role(), n.term(), n.leader_id()),
        (Role::Follower, 3, Some(2))
    );
    assert_eq!(n.take_outbox(), vec![append_ok(1, 2, 3, 0)]);
}

#[test]
fn s5_1_stale_request_vote_is_rejected_with_our_term() {
    let mut n = node_with_log(1, &ids(3), config(false), 3, Some(3), &[1, 3]);
    n.step(vote_req(2, 1, 2, false, 2, 9)); // well formed: last log term ≤ term
    assert_eq!(
        n.take_events(),
        vec![vote_denied(
            2,
            2,
            false,
            VoteDenial::StaleTerm {
                candidate_term: 2,
                our_term: 3
            }
        )]
    );
    assert_eq!(n.take_outbox(), vec![vote_resp(1, 2, 3, false, false)]);
    assert_eq!((n.term(), n.voted_for()), (3, Some(3)));
}

#[test]
fn s5_1_stale_append_entries_is_rejected_with_our_term_and_does_not_reset_timer() {
    let mut n = node_with_log(1, &ids(3), config(false), 3, None, &[1]);
    n.set_election_timeout_once(1000);
    for _ in 0..4 {
        n.tick();
    }
    n.step(append(2, 1, 2, 1, 1, entries(&[(2, 2)]), 1));
    assert_eq!(
        n.take_events(),
        vec![Event::AppendRejected {
            leader: 2,
            reason: AppendRejection::StaleTerm {
                leader_term: 2,
                our_term: 3
            }
        }]
    );
    // The answer carries our term 3 and names the request's term 2, so a
    // leader re-elected in term 3 would not mistake it for its own.
    let mut expected = reject_resp(1, 2, 3, 1, None, 0);
    if let MessageBody::AppendEntriesResponse { request_term, .. } = &mut expected.body {
        *request_term = 2;
    }
    assert_eq!(n.take_outbox(), vec![expected]);
    assert_eq!(n.leader_id(), None, "a stale leader is not followed");
    assert_eq!(
        n.election_elapsed(),
        4,
        "nor does it reset the election timer"
    );
    assert_eq!(log_terms(&n), vec![1]);
}

#[test]
fn s5_1_stale_responses_are_ignored() {
    let mut n = node_with_log(1, &ids(3), config(false), 3, None, &[]);
    n.step(vote_response(2, 1, 2, false, true));
    n.step(append_ok(3, 1, 1, 7));
    assert_eq!(
        n.take_events(),
        vec![
            Event::StaleIgnored { from: 2, term: 2 },
            Event::StaleIgnored { from: 3, term: 1 }
        ]
    );
    assert!(n.take_outbox().is_empty());
    assert_eq!((n.role(), n.term()), (Role::Follower, 3));
}

#[test]
fn messages_from_strangers_self_or_for_others_are_ignored() {
    let mut n = new_node(1, &ids(3), config(false));
    n.step(vote_req(9, 1, 5, false, 0, 0)); // not a member
    n.step(vote_req(1, 1, 5, false, 0, 0)); // from itself
    n.step(vote_req(2, 3, 5, false, 0, 0)); // addressed to another node
    assert!(n.take_events().is_empty());
    assert!(n.take_outbox().is_empty());
    assert_eq!(n.term(), 0);
}

// ======================================================================== §5.2

#[test]
fn s5_2_election_timeout_is_randomized_in_t_2t_and_redrawn_on_every_reset() {
    // A fresh node draws its first wait in [T, 2T).
    let first: Vec<u32> = (1..=200)
        .map(|id| new_node(id, &[id, id + 1000], Config::default()).randomized_election_timeout())
        .collect();
    assert!(first.iter().all(|&t| (T..2 * T).contains(&t)), "{first:?}");
    let distinct: std::collections::BTreeSet<u32> = first.iter().copied().collect();
    assert!(
        distinct.len() >= 15,
        "draws should spread over [T,2T): {distinct:?}"
    );

    // Every reset (becoming candidate, granting a vote, hearing a leader,
    // stepping down) draws a new wait in [T, 2T) and zeroes the elapsed ticks.
    let mut n = new_node(1, &ids(3), Config::default());
    let mut draws = vec![n.randomized_election_timeout()];
    for round in 0..30u64 {
        n.set_election_timeout_once(3);
        n.tick();
        n.force_timeout(); // reset as candidate
        assert_eq!(n.election_elapsed(), 0);
        draws.push(n.randomized_election_timeout());
        n.set_election_timeout_once(3);
        let term = n.term();
        n.step(append(2, 1, term, 0, 0, vec![], 0)); // reset as follower
        assert_eq!(n.election_elapsed(), 0);
        draws.push(n.randomized_election_timeout());
        n.set_election_timeout_once(3);
        n.tick();
        n.step(vote_req(3, 1, term + 1 + round, false, 0, 0)); // reset by granting
        assert_eq!(n.election_elapsed(), 0);
        draws.push(n.randomized_election_timeout());
    }
    assert!(draws.iter().all(|&t| (T..2 * T).contains(&t)), "{draws:?}");
    let distinct: std::collections::BTreeSet<u32> = draws.iter().copied().collect();
    assert!(distinct.len() >= 10, "each reset redraws: {distinct:?}");

    // With another base T the range follows it.
    let cfg = Config {
        election_timeout: 10,
        heartbeat_interval: 3,
        ..Config::default()
    };
    let mut n = new_node(1, &ids(3), cfg);
    for _ in 0..50 {
        n.force_timeout();
        assert!((10..20).contains(&n.randomized_election_timeout()));
    }
}

#[test]
fn s5_2_election_timer_fires_exactly_at_the_drawn_timeout() {
    let mut n = new_node(1, &ids(3), config(false));
    let r = n.randomized_election_timeout();
    for _ in 0..r - 1 {
        n.tick();
    }
    assert_eq!(n.role(), Role::Follower);
    assert_eq!(n.election_elapsed(), r - 1);
    n.tick();
    assert_eq!((n.role(), n.term()), (Role::Candidate, 1));
    // set_election_timeout_once pins one wait (clamped to at least 1 tick).
    n.set_election_timeout_once(0);
    assert_eq!(n.randomized_election_timeout(), 1);
    n.tick();
    assert_eq!((n.role(), n.term()), (Role::Candidate, 2));
}

#[test]
fn s5_2_follower_times_out_and_becomes_candidate() {
    let mut n = node_with_log(1, &ids(3), config(false), 2, Some(2), &[1, 1, 2]);
    n.set_election_timeout_once(5);
    for _ in 0..4 {
        n.tick();
    }
    assert!(n.take_outbox().is_empty());
    n.tick();
    assert_eq!(n.role(), Role::Candidate);
    assert_eq!(n.term(), 3, "term + 1");
    assert_eq!(n.voted_for(), Some(1), "votes for itself");
    assert_eq!(n.votes().iter().collect::<Vec<_>>(), vec![(&1, &true)]);
    assert_eq!(n.leader_id(), None);
    assert_eq!(
        n.take_events(),
        vec![role_changed(
            Role::Follower,
            Role::Candidate,
            3,
            RoleCause::ElectionTimeout
        )]
    );
    assert_eq!(
        n.take_outbox(),
        vec![
            vote_req(1, 2, 3, false, 2, 3),
            vote_req(1, 3, 3, false, 2, 3)
        ]
    );
}

#[test]
fn s5_2_candidate_times_out_again_into_a_new_term() {
    let mut n = new_node(1, &ids(3), config(false));
    n.force_timeout();
    assert_eq!(
        n.take_events(),
        vec![role_changed(
            Role::Follower,
            Role::Candidate,
            1,
            RoleCause::ForcedTimeout
        )]
    );
    n.take_outbox();
    n.step(vote_response(2, 1, 1, false, false));
    n.take_events();
    let r = n.randomized_election_timeout();
    for _ in 0..r {
        n.tick();
    }
    assert_eq!(
        (n.role(), n.term(), n.voted_for()),
        (Role::Candidate, 2, Some(1))
    );
    assert_eq!(n.votes().len(), 1, "votes are counted afresh");
    // No RoleChanged event for candidate -> candidate.
    assert!(n.take_events().is_empty());
    assert_eq!(n.take_outbox().len(), 2);
}

#[test]
fn s5_2_candidate_with_a_majority_becomes_leader_and_sends_the_noop() {
    let mut n = node_with_log(1, &ids(3), config(true), 1, None, &[1]);
    n.force_timeout();
    n.take_events();
    n.take_outbox();
    n.step(vote_response(2, 1, 2, false, true));
    assert_eq!(n.role(), Role::Leader);
    assert_eq!(n.leader_id(), Some(1));
    assert_eq!(
        n.take_events(),
        vec![
            Event::VoteCounted {
                from: 2,
                granted: true,
                pre_vote: false,
                granted_total: 2,
                needed: 2
            },
            role_changed(
                Role::Candidate,
                Role::Leader,
                2,
                RoleCause::WonElection { votes: vec![1, 2] }
            ),
            Event::CommitHeld {
                hold: CommitHold::NoMajority {
                    index: 1,
                    holders: vec![1],
                    needed: 2
                }
            },
        ]
    );
    // Thesis §6.4: the no-op of the new term, sent at once to everyone.
    assert_eq!(log_terms(&n), vec![1, 2]);
    let noop = Entry {
        index: 2,
        term: 2,
        data: EntryData::Noop,
    };
    assert_eq!(
        n.take_outbox(),
        vec![
            append(1, 2, 2, 1, 1, vec![noop.clone()], 0),
            append(1, 3, 2, 1, 1, vec![noop], 0)
        ]
    );
    // nextIndex = old last + 1, advanced past what was just sent; matchIndex 0.
    let pr = Progress {
        next_index: 3,
        match_index: 0,
        recent_active: true,
    };
    assert_eq!(
        n.progress().values().copied().collect::<Vec<_>>(),
        vec![pr, pr]
    );
    // A late vote changes nothing.
    n.step(vote_response(3, 1, 2, false, true));
    assert!(n.take_events().is_empty());
}

#[test]
fn s5_2_new_leader_without_noop_sends_heartbeats() {
    let mut n = node_with_log(1, &ids(3), config(false), 1, None, &[1]);
    n.force_timeout();
    n.take_outbox();
    n.step(vote_response(3, 1, 2, false, true));
    assert_eq!(n.role(), Role::Leader);
    assert_eq!(log_terms(&n), vec![1]);
    let out = n.take_outbox();
    assert_eq!(
        out,
        vec![
            append(1, 2, 2, 1, 1, vec![], 0),
            append(1, 3, 2, 1, 1, vec![], 0)
        ]
    );
    assert!(out.iter().all(|m| m.body.is_heartbeat()));
    // Heartbeats repeat every heartbeat_interval ticks.
    for _ in 0..4 {
        n.tick();
    }
    assert!(n.take_outbox().is_empty());
    n.tick();
    assert_eq!(
        kinds(&n.take_outbox()),
        vec![("append-entries", 2), ("append-entries", 3)]
    );
    // A leader ignores a forced timeout.
    n.force_timeout();
    assert_eq!((n.role(), n.term()), (Role::Leader, 2));
}

#[test]
fn s5_2_one_vote_per_term_first_come_first_served() {
    let mut n = new_node(1, &ids(3), config(false));
    n.step(vote_req(2, 1, 2, false, 0, 0));
    assert_eq!(n.voted_for(), Some(2));
    n.step(vote_req(3, 1, 2, false, 0, 0));
    n.step(vote_req(2, 1, 2, false, 0, 0)); // a retry from the same candidate
    let ev = n.take_events();
    assert_eq!(
        ev[1..],
        [
            Event::VoteGranted {
                candidate: 2,
                term: 2,
                pre_vote: false
            },
            vote_denied(3, 2, false, VoteDenial::AlreadyVoted { voted_for: 2 }),
            Event::VoteGranted {
                candidate: 2,
                term: 2,
                pre_vote: false
            },
        ]
    );
    assert_eq!(
        n.take_outbox(),
        vec![
            vote_resp(1, 2, 2, false, true),
            vote_resp(1, 3, 2, false, false),
            vote_resp(1, 2, 2, false, true)
        ]
    );
    // A candidate has voted for itself; a leader too.
    let mut c = new_node(1, &ids(3), config(false));
    c.force_timeout();
    c.take_events();
    c.step(vote_req(2, 1, 1, false, 0, 0));
    assert_eq!(
        c.take_events(),
        vec![vote_denied(
            2,
            1,
            false,
            VoteDenial::AlreadyVoted { voted_for: 1 }
        )]
    );
}

#[test]
fn s5_2_denying_a_vote_does_not_reset_the_timer_granting_does() {
    let mut n = node_with_log(1, &ids(3), config(false), 1, None, &[1]);
    n.set_election_timeout_once(1000);
    for _ in 0..7 {
        n.tick();
    }
    n.step(vote_req(2, 1, 1, false, 0, 0)); // behind: denied
    assert_eq!(n.election_elapsed(), 7);
    n.step(vote_req(3, 1, 1, false, 1, 1)); // granted
    assert_eq!(n.election_elapsed(), 0);
}

#[test]
fn s5_2_candidate_yields_to_append_entries_of_its_own_term() {
    let mut n = new_node(1, &ids(3), config(false));
    n.force_timeout();
    n.force_timeout(); // term 2
    n.take_events();
    n.take_outbox();
    n.step(append(2, 1, 2, 0, 0, vec![], 0));
    assert_eq!(
        n.take_events(),
        vec![
            role_changed(
                Role::Candidate,
                Role::Follower,
                2,
                RoleCause::DiscoveredLeader { leader: 2 }
            ),
            Event::AppendAccepted {
                leader: 2,
                prev_log_index: 0,
                entries: 0,
                match_index: 0
            }
        ]
    );
    assert_eq!(n.role(), Role::Follower);
    assert_eq!(n.term(), 2, "no new term");
    assert_eq!(n.voted_for(), Some(1), "its vote in this term stays");
    assert_eq!(n.leader_id(), Some(2));
    assert!(n.votes().is_empty());
}

#[test]
fn s5_2_split_vote_resolves_by_timeout_in_a_new_term() {
    let mut net = Network::new(&ids(4), config(true));
    net.node_mut(1).force_timeout();
    net.node_mut(3).force_timeout();
    // 2 hears from 1 first, 4 from 3 first: two votes each, three needed.
    net.deliver_one(1, 2);
    net.deliver_one(3, 4);
    net.deliver_all();
    assert_eq!(
        net.roles_terms(),
        vec![
            (1, Role::Candidate, 1),
            (2, Role::Follower, 1),
            (3, Role::Candidate, 1),
            (4, Role::Follower, 1)
        ]
    );
    assert_eq!(net.node(2).voted_for(), Some(1));
    assert_eq!(net.node(4).voted_for(), Some(3));
    let granted = |n: &Node| n.votes().values().filter(|&&g| g).count();
    assert_eq!((granted(net.node(1)), granted(net.node(3))), (2, 2));
    // Whoever drew the shortest wait times out first, in term 2, and wins.
    let waits: Vec<(u32, NodeId)> = net
        .nodes
        .values()
        .map(|n| {
            (
                n.randomized_election_timeout() - n.election_elapsed(),
                n.id(),
            )
        })
        .collect();
    let (min_wait, first) = *waits.iter().min().unwrap();
    assert_eq!(
        waits.iter().filter(|w| w.0 == min_wait).count(),
        1,
        "{waits:?}"
    );
    net.tick_all(min_wait - 1);
    assert_eq!(net.leader(), None);
    net.tick_all(1);
    assert_eq!(net.leader(), Some(first));
    assert_eq!(net.node(first).term(), 2);
    assert_eq!(net.in_role(Role::Leader), vec![first]);
    assert!(net.nodes.values().all(|n| n.term() == 2));
}

// ====================================================================== §5.4.1

#[test]
fn s5_4_1_vote_denied_to_candidate_with_older_last_term() {
    let mut n = node_with_log(1, &ids(3), config(false), 2, None, &[1, 2]);
    n.step(vote_req(2, 1, 3, false, 1, 5));
    assert_eq!(
        n.take_events(),
        vec![
            Event::TermAdopted {
                from_term: 2,
                to_term: 3,
                from: 2
            },
            vote_denied(
                2,
                3,
                false,
                VoteDenial::LogBehind {
                    candidate_last: (1, 5),
                    our_last: (2, 2)
                }
            )
        ]
    );
    assert_eq!(
        (n.term(), n.voted_for()),
        (3, None),
        "term adopted, no vote"
    );
    assert_eq!(n.take_outbox(), vec![vote_resp(1, 2, 3, false, false)]);
}

#[test]
fn s5_4_1_vote_denied_to_candidate_with_same_last_term_but_shorter_log() {
    let mut n = node_with_log(1, &ids(3), config(false), 2, None, &[1, 2, 2]);
    n.step(vote_req(2, 1, 3, false, 2, 2));
    assert_eq!(
        n.take_events()[1],
        vote_denied(
            2,
            3,
            false,
            VoteDenial::LogBehind {
                candidate_last: (2, 2),
                our_last: (2, 3)
            }
        )
    );
    assert_eq!(n.voted_for(), None);
}

#[test]
fn s5_4_1_vote_granted_to_candidate_at_least_as_up_to_date() {
    // Higher last term wins even with a shorter log.
    let mut n = node_with_log(1, &ids(3), config(false), 2, None, &[1, 2, 2]);
    n.step(vote_req(2, 1, 3, false, 3, 1));
    assert_eq!(n.voted_for(), Some(2));
    // Same last term and same length is enough.
    let mut n = node_with_log(1, &ids(3), config(false), 2, None, &[1, 2, 2]);
    n.step(vote_req(3, 1, 3, false, 2, 3));
    assert_eq!(n.voted_for(), Some(3));
    assert_eq!(
        n.take_events()[1],
        Event::VoteGranted {
            candidate: 3,
            term: 3,
            pre_vote: false
        }
    );
    assert_eq!(n.take_outbox(), vec![vote_resp(1, 3, 3, false, true)]);
}

// ======================================================================== §5.3

#[test]
fn s5_3_consistency_check_missing_entry() {
    let mut n = node_with_log(1, &ids(3), config(false), 2, None, &[1, 1]);
    n.set_election_timeout_once(1000);
    for _ in 0..3 {
        n.tick();
    }
    n.step(append(2, 1, 2, 5, 2, entries(&[(6, 2)]), 5));
    assert_eq!(
        n.take_events(),
        vec![Event::AppendRejected {
            leader: 2,
            reason: AppendRejection::MissingEntry {
                prev_log_index: 5,
                our_last_index: 2
            }
        }]
    );
    assert_eq!(n.take_outbox(), vec![reject_resp(1, 2, 2, 5, None, 3)]);
    assert_eq!(log_terms(&n), vec![1, 1]);
    assert_eq!(n.commit_index(), 0);
    // It is still the leader of our term: followed, timer reset.
    assert_eq!((n.leader_id(), n.election_elapsed()), (Some(2), 0));
}

#[test]
fn s5_3_consistency_check_term_mismatch_with_conflict_hint() {
    let mut n = node_with_log(1, &ids(3), config(false), 3, None, &[1, 2, 2, 2]);
    n.step(append(2, 1, 3, 3, 3, entries(&[(4, 3)]), 0));
    assert_eq!(
        n.take_events(),
        vec![Event::AppendRejected {
            leader: 2,
            reason: AppendRejection::TermMismatch {
                prev_log_index: 3,
                prev_log_term: 3,
                our_term: 2,
                conflict_index: 2
            }
        }]
    );
    assert_eq!(n.take_outbox(), vec![reject_resp(1, 2, 3, 3, Some(2), 2)]);
    assert_eq!(
        log_terms(&n),
        vec![1, 2, 2, 2],
        "nothing is truncated on rejection"
    );
}

#[test]
fn s5_3_conflicting_suffix_is_truncated_and_replaced() {
    let mut n = node_with_log(1, &ids(3), config(false), 3, None, &[1, 1, 2, 2]);
    n.step(append(2, 1, 3, 2, 1, entries(&[(3, 3)]), 0));
    assert_eq!(
        n.take_events(),
        vec![
            Event::EntriesTruncated {
                removed: vec![(3, 2), (4, 2)]
            },
            Event::AppendAccepted {
                leader: 2,
                prev_log_index: 2,
                entries: 1,
                match_index: 3
            }
        ]
    );
    assert_eq!(log_terms(&n), vec![1, 1, 3]);
    assert_eq!(n.take_outbox(), vec![append_ok(1, 2, 3, 3)]);
}

#[test]
fn s5_3_matching_entries_are_never_truncated_stale_append_is_harmless() {
    let mut n = node_with_log(1, &ids(3), config(false), 1, None, &[1, 1, 1, 1]);
    let stale = append(2, 1, 1, 1, 1, entries(&[(2, 1)]), 0);
    n.step(stale.clone());
    n.step(stale);
    let accepted = Event::AppendAccepted {
        leader: 2,
        prev_log_index: 1,
        entries: 1,
        match_index: 2,
    };
    assert_eq!(n.take_events(), vec![accepted.clone(), accepted]);
    assert_eq!(
        log_terms(&n),
        vec![1, 1, 1, 1],
        "the suffix after a match stays"
    );
    assert_eq!(
        n.take_outbox(),
        vec![append_ok(1, 2, 1, 2), append_ok(1, 2, 1, 2)],
        "the answer only vouches for the prefix it was sent"
    );
}

#[test]
fn s5_3_leader_backs_up_a_whole_term_per_rejection() {
    // Leader [1,1,1,4,4,5,5] in term 6.
    let mut net = Network::with_logs(
        config(false),
        &[
            (1, 5, &[1, 1, 1, 4, 4, 5, 5]),
            (2, 5, &[1, 1, 1, 4, 4, 5, 5]),
            (3, 5, &[]),
        ],
    );
    net.node_mut(1).force_timeout();
    net.deliver_one(1, 2);
    net.deliver_one(2, 1);
    assert_eq!(net.node(1).role(), Role::Leader);
    net.take_queue();
    let mut l = net.nodes.remove(&1).unwrap();
    l.take_events();
    let next = |l: &Node| l.progress()[&3].next_index;
    assert_eq!(next(&l), 8);

    // The follower has term 4 from index 4 but the leader's term 4 ends at 5:
    // skip to 6, the first index after the leader's entries of that term.
    l.step(reject_resp(3, 1, 6, 7, Some(4), 4));
    assert_eq!(
        l.take_events(),
        vec![Event::NextIndexBackedUp {
            follower: 3,
            from: 8,
            to: 6
        }]
    );
    let out = l.take_outbox();
    assert_eq!(out.len(), 1);
    assert!(matches!(
        &out[0].body,
        MessageBody::AppendEntries { prev_log_index: 5, prev_log_term: 4, entries, .. }
            if entries.iter().map(|e| e.index).collect::<Vec<_>>() == vec![6, 7]
    ));
    assert_eq!(next(&l), 8, "pipelined past what was sent");

    // A term the leader does not have at all: go to the follower's first index of it.
    l.step(reject_resp(3, 1, 6, 7, Some(3), 2));
    assert_eq!(
        l.take_events(),
        vec![Event::NextIndexBackedUp {
            follower: 3,
            from: 8,
            to: 2
        }]
    );
    assert_eq!(l.take_outbox()[0].body.entry_count(), 6);

    // No entry there at all: to just past the follower's last entry.
    l.step(reject_resp(3, 1, 6, 7, None, 3));
    assert_eq!(
        l.take_events(),
        vec![Event::NextIndexBackedUp {
            follower: 3,
            from: 8,
            to: 3
        }]
    );
    // The hint never goes past the rejected prev index.
    l.take_outbox();
    l.step(reject_resp(3, 1, 6, 2, None, 9));
    assert_eq!(
        l.take_events(),
        vec![Event::NextIndexBackedUp {
            follower: 3,
            from: 8,
            to: 2
        }]
    );
}

#[test]
fn s5_3_stale_rejection_below_match_index_is_ignored() {
    let mut net = elected(3, config(true));
    net.propose(1, "put a 1");
    let mut l = net.nodes.remove(&1).unwrap();
    assert_eq!(l.progress()[&2].match_index, 2);
    l.step(reject_resp(2, 1, 1, 1, None, 1));
    assert!(l.take_events().is_empty());
    assert!(l.take_outbox().is_empty());
    assert_eq!(l.progress()[&2].next_index, 3);
}

/// A rejection of exactly `prev_log_index == matchIndex` is stale too: the leader
/// already knows the logs match there (raft-rs `maybe_decr_to` uses `<=`).
#[test]
fn s5_3_stale_rejection_at_match_index_is_ignored() {
    let mut net = elected(3, config(true));
    net.propose(1, "put a 1");
    let mut l = net.nodes.remove(&1).unwrap();
    assert_eq!(l.progress()[&2].match_index, 2);
    l.step(reject_resp(2, 1, 1, 2, None, 2));
    assert_eq!(
        l.take_events(),
        vec![],
        "a stale rejection must not move nextIndex"
    );
    assert!(l.take_outbox().is_empty());
    assert_eq!(l.progress()[&2].next_index, 3);
}

#[test]
fn s5_3_follower_commit_is_min_of_leader_commit_and_last_new_entry_and_never_decreases() {
    let mut n = node_with_log(1, &ids(3), config(false), 1, None, &[1, 1, 1, 1, 1]);
    n.step(append(2, 1, 1, 1, 1, entries(&[(2, 1)]), 5));
    assert_eq!(n.commit_index(), 2, "min(leaderCommit 5, last new entry 2)");
    let ev = n.take_events();
    assert_eq!(
        ev[1..],
        [
            Event::CommitAdvanced {
                from: 0,
                to: 2,
                by: vec![2]
            },
            Event::Applied {
                index: 1,
                term: 1,
                command: None,
                result: ApplyResult::Noop
            },
            Event::Applied {
                index: 2,
                term: 1,
                command: None,
                result: ApplyResult::Noop
            },
        ]
    );
    assert_eq!(n.last_applied(), 2);
    // A heartbeat vouching only for index 1 does not lower it.
    n.step(append(2, 1, 1, 1, 1, vec![], 5));
    assert_eq!(n.commit_index(), 2);
    // Nor does a smaller leaderCommit.
    n.step(append(2, 1, 1, 5, 1, vec![], 1));
    assert_eq!(n.commit_index(), 2);
    n.step(append(2, 1, 1, 5, 1, vec![], 4));
    assert_eq!(n.commit_index(), 4);
    assert_eq!(n.last_applied(), 4);
}

#[test]
fn s5_4_2_leader_commits_only_current_term_entries_by_counting() {
    // Node 1 holds an entry of term 2 that nobody else has; it is elected in term 3.
    let mut net = Network::with_logs(
        config(false),
        &[(1, 2, &[1, 2]), (2, 2, &[1]), (3, 2, &[1])],
    );
    net.campaign(1);
    assert_eq!((net.node(1).role(), net.node(1).term()), (Role::Leader, 3));
    // The term-2 entry is now on all three, yet not committed.
    assert!(net.nodes.values().all(|n| log_terms(n) == vec![1, 2]));
    assert_eq!(net.node(1).commit_index(), 0);
    let held: Vec<CommitHold> = net
        .take_events(1)
        .into_iter()
        .filter_map(|e| match e {
            Event::CommitHeld { hold } => Some(hold),
            _ => None,
        })
        .collect();
    assert_eq!(
        held,
        vec![
            CommitHold::NoMajority {
                index: 1,
                holders: vec![1],
                needed: 2
            },
            CommitHold::OldTerm {
                index: 2,
                entry_term: 2,
                current_term: 3,
                holders: vec![1, 2]
            },
            CommitHold::OldTerm {
                index: 2,
                entry_term: 2,
                current_term: 3,
                holders: vec![1, 2, 3]
            },
        ]
    );
    // An entry of term 3 on a majority commits it and everything before it.
    let (index, term) = net.propose(1, "put x 1");
    assert_eq!((index, term), (3, 3));
    let ev = net.take_events(1);
    assert!(ev.contains(&Event::CommitAdvanced {
        from: 0,
        to: 3,
        by: vec![1, 2]
    }));
    assert_eq!(net.node(1).commit_index(), 3);
    assert_eq!(net.node(1).last_applied(), 3);
    heartbeat(&mut net, 1);
    assert!(net.nodes.values().all(|n| n.commit_index() == 3));
}

#[test]
fn s5_4_2_commit_held_for_lack_of_a_majority_names_the_holders() {
    let mut net = elected(5, config(true));
    assert_eq!(net.node(1).commit_index(), 1);
    net.isolate(3);
    net.isolate(4);
    net.isolate(5);
    net.propose(1, "put k v");
    // Held by the leader alone, then by the leader and node 2: 2 of 3 needed.
    assert_eq!(
        net.take_events(1),
        vec![
            Event::CommitHeld {
                hold: CommitHold::NoMajority {
                    index: 2,
                    holders: vec![1],
                    needed: 3
                }
            },
            Event::CommitHeld {
                hold: CommitHold::NoMajority {
                    index: 2,
                    holders: vec![1, 2],
                    needed: 3
                }
            }
        ]
    );
    assert_eq!(net.node(1).commit_index(), 1);
    // A repeated heartbeat with the same situation emits nothing new.
    heartbeat(&mut net, 1);
    assert!(net.take_events(1).is_empty());
    net.heal();
    heartbeat(&mut net, 1);
    assert_eq!(net.node(1).commit_index(), 2);
}

// ============================================================ PreVote (thesis §9.6)

fn pre_vote_cfg() -> Config {
    Config {
        pre_vote: true,
        leader_noop: false,
        ..Config::default()
    }
}

#[test]
fn thesis_9_6_pre_candidate_keeps_its_term_and_asks_with_term_plus_one() {
    let mut n = node_with_log(1, &ids(3), pre_vote_cfg(), 2, Some(3), &[1, 2]);
    n.force_timeout();
    assert_eq!(n.role(), Role::PreCandidate);
    assert_eq!(n.term(), 2, "the term is not raised");
    assert_eq!(
        n.voted_for(),
        Some(3),
        "nor is the vote of this term changed"
    );
    assert_eq!(n.votes().iter().collect::<Vec<_>>(), vec![(&1, &true)]);
    assert_eq!(
        n.take_events(),
        vec![role_changed(
            Role::Follower,
            Role::PreCandidate,
            2,
            RoleCause::ForcedTimeout
        )]
    );
    let out = n.take_outbox();
    assert_eq!(
        out,
        vec![vote_req(1, 2, 3, true, 2, 2), vote_req(1, 3, 3, true, 2, 2)]
    );
    assert_eq!(kinds(&out), vec![("pre-vote", 2), ("pre-vote", 3)]);
    // Timing out again asks again, still without raising the term.
    let r = n.randomized_election_timeout();
    for _ in 0..r {
        n.tick();
    }
    assert_eq!((n.role(), n.term()), (Role::PreCandidate, 2));
    assert!(n.take_events().is_empty(), "no role change pre -> pre");
    assert_eq!(n.take_outbox().len(), 2);
}

#[test]
fn thesis_9_6_pre_vote_is_granted_without_changing_the_voters_term_vote_or_timer() {
    let mut v = node_with_log(2, &ids(3), pre_vote_cfg(), 2, Some(3), &[1, 2]);
    v.set_election_timeout_once(1000);
    for _ in 0..3 {
        v.tick();
    }
    v.step(vote_req(1, 2, 3, true, 2, 2));
    assert_eq!(
        v.take_events(),
        vec![Event::VoteGranted {
            candidate: 1,
            term: 3,
            pre_vote: true
        }]
    );
    assert_eq!(
        v.take_outbox(),
        vec![vote_resp(2, 1, 3, true, true)],
        "a granted pre-vote echoes the term asked for"
    );
    assert_eq!(
        (v.term(), v.voted_for(), v.election_elapsed()),
        (2, Some(3), 3)
    );
    // The election restriction applies to pre-votes too; a denial carries our term.
    v.step(vote_req(1, 2, 3, true, 1, 9));
    assert_eq!(
        v.take_events(),
        vec![vote_denied(
            1,
            3,
            true,
            VoteDenial::LogBehind {
                candidate_last: (1, 9),
                our_last: (2, 2)
            }
        )]
    );
    assert_eq!(v.take_outbox(), vec![vote_resp(2, 1, 2, true, false)]);
    // A pre-vote for our own term is bound by our vote in it.
    v.step(vote_req(1, 2, 2, true, 2, 2));
    assert_eq!(
        v.take_events(),
        vec![vote_denied(
            1,
            2,
            true,
            VoteDenial::AlreadyVoted { voted_for: 3 }
        )]
    );
    assert_eq!(v.term(), 2);
}

#[test]
fn thesis_9_6_pre_vote_denied_when_the_voter_heard_from_a_leader_recently() {
    let mut v = node_with_log(2, &ids(3), pre_vote_cfg(), 2, None, &[1]);
    v.step(append(3, 2, 2, 1, 1, vec![], 0));
    v.set_election_timeout_once(1000);
    v.take_events();
    v.take_outbox();
    for _ in 0..T - 1 {
        v.tick();
    }
    v.step(vote_req(1, 2, 3, true, 1, 1));
    assert_eq!(
        v.take_events(),
        vec![vote_denied(
            1,
            3,
            true,
            VoteDenial::LeaderRecentlyHeard { leader: 3 }
        )]
    );
    assert_eq!(v.take_outbox(), vec![vote_resp(2, 1, 2, true, false)]);
    // Once a whole election timeout has passed without the leader: granted.
    v.tick();
    v.step(vote_req(1, 2, 3, true, 1, 1));
    assert_eq!(
        v.take_events(),
        vec![Event::VoteGranted {
            candidate: 1,
            term: 3,
            pre_vote: true
        }]
    );
    assert_eq!(v.term(), 2);
}

#[test]
fn thesis_9_6_leader_denies_pre_votes() {
    let mut net = elected(3, pre_vote_cfg());
    let mut l = net.nodes.remove(&1).unwrap();
    l.step(vote_req(3, 1, 2, true, 1, 5));
    assert_eq!(
        l.take_events(),
        vec![vote_denied(3, 2, true, VoteDenial::WeAreLeader)]
    );
    assert_eq!(l.take_outbox(), vec![vote_resp(1, 3, 1, true, false)]);
    assert_eq!((l.role(), l.term()), (Role::Leader, 1));
}

#[test]
fn thesis_9_6_pre_candidate_becomes_candidate_only_on_a_majority_of_pre_votes() {
    let mut n = node_with_log(1, &ids(5), pre_vote_cfg(), 2, None, &[1, 2]);
    n.force_timeout();
    n.take_events();
    assert_eq!(n.take_outbox().len(), 4);
    n.step(vote_response(2, 1, 3, true, true));
    n.step(vote_response(3, 1, 2, true, false)); // denial with the voter's (our) term
    n.step(vote_response(5, 1, 4, true, true)); // wrong term: not counted
    n.step(vote_response(5, 1, 2, false, true)); // not a pre-vote answer: not counted
    assert_eq!((n.role(), n.term()), (Role::PreCandidate, 2));
    assert_eq!(
        n.take_events(),
        vec![
            Event::VoteCounted {
                from: 2,
                granted: true,
                pre_vote: true,
                granted_total: 2,
                needed: 3
            },
            Event::VoteCounted {
                from: 3,
                granted: false,
                pre_vote: true,
                granted_total: 2,
                needed: 3
            },
        ]
    );
    n.step(vote_response(4, 1, 3, true, true));
    assert_eq!(
        n.take_events(),
        vec![
            Event::VoteCounted {
                from: 4,
                granted: true,
                pre_vote: true,
                granted_total: 3,
                needed: 3
            },
            role_changed(
                Role::PreCandidate,
                Role::Candidate,
                3,
                RoleCause::WonPreVote {
                    votes: vec![1, 2, 4]
                }
            ),
        ]
    );
    assert_eq!(
        (n.role(), n.term(), n.voted_for()),
        (Role::Candidate, 3, Some(1))
    );
    let out = n.take_outbox();
    assert_eq!(
        out,
        (2..=5)
            .map(|to| vote_req(1, to, 3, false, 2, 2))
            .collect::<Vec<_>>()
    );
    // A late pre-vote answer no longer counts.
    n.step(vote_response(5, 1, 3, true, true));
    assert!(n.take_events().is_empty());
}

#[test]
fn thesis_9_6_pre_candidate_steps_down_on_higher_term_denial_or_leader_of_its_term() {
    let mut n = node_with_log(1, &ids(3), pre_vote_cfg(), 2, None, &[1]);
    n.force_timeout();
    n.take_events();
    n.step(vote_response(2, 1, 5, true, false));
    assert_eq!(
        n.take_events(),
        vec![
            Event::TermAdopted {
                from_term: 2,
                to_term: 5,
                from: 2
            },
            role_changed(
                Role::PreCandidate,
                Role::Follower,
                5,
                RoleCause::SawHigherTerm { from: 2, term: 5 }
            )
        ]
    );
    let mut n = node_with_log(1, &ids(3), pre_vote_cfg(), 2, None, &[1]);
    n.force_timeout();
    n.take_events();
    n.step(append(3, 1, 2, 1, 1, vec![], 0));
    assert_eq!(
        n.take_events()[0],
        role_changed(
            Role::PreCandidate,
            Role::Follower,
            2,
            RoleCause::DiscoveredLeader { leader: 3 }
        )
    );
    assert_eq!((n.term(), n.leader_id()), (2, Some(3)));
}

#[test]
fn thesis_9_6_single_node_pre_vote_goes_straight_to_leader() {
    let mut n = new_node(1, &[1], pre_vote_cfg());
    n.force_timeout();
    let ev = n.take_events();
    assert_eq!(
        ev,
        vec![
            role_changed(
                Role::Follower,
                Role::PreCandidate,
                0,
                RoleCause::ForcedTimeout
            ),
            role_changed(
                Role::PreCandidate,
                Role::Candidate,
                1,
                RoleCause::WonPreVote { votes: vec![1] }
            ),
            role_changed(
                Role::Candidate,
                Role::Leader,
                1,
                RoleCause::WonElection { votes: vec![1] }
            ),
        ]
    );
    assert!(n.take_outbox().is_empty());
}

// ========================================================= CheckQuorum (thesis §6.2)

fn check_quorum_cfg() -> Config {
    Config {
        check_quorum: true,
        ..Config::default()
    }
}

#[test]
fn thesis_6_2_isolated_leader_steps_down_at_the_first_round_without_a_majority() {
    let mut net = elected(3, check_quorum_cfg());
    net.tick_all(T - 1); // heartbeats at 5, 10, 15 are answered
    net.isolate(1);
    net.clear_records();
    net.tick(1, 1); // round at tick T: answers were heard in it
    assert_eq!(net.node(1).role(), Role::Leader);
    assert_eq!(net.node(1).election_elapsed(), 0);
    net.tick(1, T - 1);
    assert_eq!(net.node(1).role(), Role::Leader);
    net.tick(1, 1); // round at 2T: heard from nobody
    assert_eq!(
        net.take_events(1),
        vec![role_changed(
            Role::Leader,
            Role::Follower,
            1,
            RoleCause::LostQuorum {
                heard_from: vec![1]
            }
        )]
    );
    let l = net.node(1);
    assert_eq!(
        (l.role(), l.term(), l.leader_id()),
        (Role::Follower, 1, None)
    );
    assert!(l.progress().is_empty());
}

#[test]
fn thesis_6_2_leader_hearing_from_a_majority_stays() {
    // 1 cannot reach 3, but hears from 2: with itself that is a majority.
    let mut net = elected(3, check_quorum_cfg());
    net.cut_link(1, 3);
    net.cut_link(3, 1);
    net.tick_all(5 * T);
    assert_eq!((net.node(1).role(), net.node(1).term()), (Role::Leader, 1));
    // 2's lease keeps it from following 3's ever-higher terms.
    assert_eq!(
        (net.node(2).role(), net.node(2).term()),
        (Role::Follower, 1)
    );
    assert_eq!(net.node(3).role(), Role::Candidate);
    assert!(net.node(3).term() > 2);
}

#[test]
fn thesis_6_2_without_check_quorum_an_isolated_leader_stays_leader() {
    let mut net = elected(3, config(true));
    net.isolate(1);
    net.tick(1, 10 * T);
    assert_eq!((net.node(1).role(), net.node(1).term()), (Role::Leader, 1));
}

#[test]
fn thesis_4_2_3_follower_lease_denies_a_disruptive_vote_without_changing_term() {
    let mut v = node_with_log(2, &ids(3), check_quorum_cfg(), 1, Some(1), &[1]);
    v.step(append(1, 2, 1, 1, 1, vec![], 1));
    v.set_election_timeout_once(1000);
    v.take_events();
    v.take_outbox();
    v.step(vote_req(3, 2, 5, false, 1, 1));
    assert_eq!(
        v.take_events(),
        vec![vote_denied(
            3,
            5,
            false,
            VoteDenial::LeaderRecentlyHeard { leader: 1 }
        )]
    );
    assert_eq!(
        v.take_outbox(),
        vec![vote_resp(2, 3, 1, false, false)],
        "the denial carries our older term"
    );
    assert_eq!(
        (v.term(), v.voted_for(), v.leader_id()),
        (1, Some(1), Some(1))
    );
    // After an election timeout without the leader, the lease is over.
    for _ in 0..T {
        v.tick();
    }
    v.step(vote_req(3, 2, 5, false, 1, 1));
    assert_eq!(
        v.take_events(),
        vec![
            Event::TermAdopted {
                from_term: 1,
                to_term: 5,
                from: 3
            },
            Event::VoteGranted {
                candidate: 3,
                term: 5,
                pre_vote: false
            }
        ]
    );
    assert_eq!((v.term(), v.voted_for()), (5, Some(3)));
}

// ===================================================== persistence (Figure 2)

#[test]
fn fig2_persistent_state_survives_restart_volatile_state_is_rebuilt_from_the_leader() {
    let mut net = elected(3, config(true));
    net.propose(1, "put x 1");
    heartbeat(&mut net, 1);
    let before = net.node(2).persistent().clone();
    assert_eq!(net.node(2).commit_index(), 2);
    assert_eq!(
        net.node(2).kv().data.get("x").map(String::as_str),
        Some("1")
    );

    net.restart(2);
    let n = net.node(2);
    assert_eq!(n.persistent(), &before);
    assert_eq!((n.term(), n.voted_for()), (1, Some(1)));
    assert_eq!(log_terms(n), vec![1, 1]);
    assert_eq!((n.commit_index(), n.last_applied()), (0, 0));
    assert!(n.kv().data.is_empty());
    assert_eq!((n.role(), n.leader_id()), (Role::Follower, None));

    net.clear_records();
    heartbeat(&mut net, 1);
    assert_eq!(
        net.take_events(2),
        vec![
            Event::AppendAccepted {
                leader: 1,
                prev_log_index: 2,
                entries: 0,
                match_index: 2
            },
            Event::CommitAdvanced {
                from: 0,
                to: 2,
                by: vec![1]
            },
            Event::Applied {
                index: 1,
                term: 1,
                command: None,
                result: ApplyResult::Noop
            },
            Event::Applied {
                index: 2,
                term: 1,
                command: Some(cmd("put x 1")),
                result: ApplyResult::Written { previous: None }
            },
        ]
    );
    assert_eq!(net.node(2).kv(), net.node(1).kv());
    assert_eq!(net.node(2).last_applied(), 2);
}

#[test]
fn fig2_restart_keeps_exactly_the_persistent_state() {
    let p = PersistentState {
        current_term: 7,
        voted_for: Some(3),
        log: log_with(&[1, 4, 7]),
    };
    let n = Node::restart(2, &[3, 1, 2, 2], Config::default(), Rng::new(1), p.clone()).unwrap();
    assert_eq!(n.persistent(), &p);
    assert_eq!(n.members(), &[1, 2, 3], "members sorted and deduplicated");
    assert_eq!((n.id(), n.quorum()), (2, 2));
    assert_eq!(n.config(), &Config::default());
    assert_eq!(
        (n.role(), n.commit_index(), n.last_applied()),
        (Role::Follower, 0, 0)
    );
    assert!(n.votes().is_empty() && n.progress().is_empty());
}

// ==================================================== clients (§5.3, §8)

#[test]
fn s8_proposal_on_a_non_leader_returns_not_leader_with_the_known_leader() {
    let mut net = elected(3, config(true));
    let r = net.node_mut(2).propose(cmd("put a 1"));
    assert_eq!(r, Err(ProposeError::NotLeader { leader: Some(1) }));
    assert_eq!(r.unwrap_err().to_string(), "not the leader; try n1");
    assert_eq!(log_terms(net.node(2)), vec![1]);

    let mut fresh = new_node(1, &ids(3), config(true));
    let r = fresh.propose(cmd("get a"));
    assert_eq!(r, Err(ProposeError::NotLeader { leader: None }));
    assert_eq!(
        r.unwrap_err().to_string(),
        "not the leader; no leader known"
    );
    fresh.force_timeout();
    assert_eq!(
        fresh.propose(cmd("get a")),
        Err(ProposeError::NotLeader { leader: None })
    );
    assert!(fresh.log().entries().is_empty());
}

#[test]
fn s5_3_leader_appends_a_proposal_and_sends_only_the_new_entry() {
    let mut net = elected(3, config(true));
    let mut l = net.nodes.remove(&1).unwrap();
    assert_eq!(l.propose(cmd("put k v")), Ok((2, 1)));
    let e = Entry {
        index: 2,
        term: 1,
        data: EntryData::Command(cmd("put k v")),
    };
    assert_eq!(
        l.take_outbox(),
        vec![
            append(1, 2, 1, 1, 1, vec![e.clone()], 1),
            append(1, 3, 1, 1, 1, vec![e], 1)
        ]
    );
    assert_eq!(
        l.take_events(),
        vec![Event::CommitHeld {
            hold: CommitHold::NoMajority {
                index: 2,
                holders: vec![1],
                needed: 2
            }
        }]
    );
    // A second proposal before any answer is pipelined after the first.
    assert_eq!(l.propose(cmd("del k")), Ok((3, 1)));
    let out = l.take_outbox();
    assert!(matches!(
        &out[0].body,
        MessageBody::AppendEntries { prev_log_index: 2, entries, .. } if entries.len() == 1
    ));
}

#[test]
fn s5_3_state_machine_applies_put_del_get_in_order_with_results() {
    let mut net = elected(3, config(true));
    let texts = ["put a 1", "put a 2", "get a", "del a", "get a", "del a"];
    for (i, t) in texts.iter().enumerate() {
        assert_eq!(net.propose(1, t), (i as u64 + 2, 1));
    }
    heartbeat(&mut net, 1);
    let expected_results = [
        ApplyResult::Written { previous: None },
        ApplyResult::Written {
            previous: Some("1".into()),
        },
        ApplyResult::Read {
            value: Some("2".into()),
        },
        ApplyResult::Written {
            previous: Some("2".into()),
        },
        ApplyResult::Read { value: None },
        ApplyResult::Written { previous: None },
    ];
    for id in 1..=3 {
        let applied: Vec<(u64, Option<Command>, ApplyResult)> = net
            .take_events(id)
            .into_iter()
            .filter_map(|e| match e {
                Event::Applied {
                    index,
                    command,
                    result,
                    ..
                } if index >= 2 => Some((index, command, result)),
                _ => None,
            })
            .collect();
        let want: Vec<(u64, Option<Command>, ApplyResult)> = texts
            .iter()
            .zip(expected_results.iter())
            .enumerate()
            .map(|(i, (t, r))| (i as u64 + 2, Some(cmd(t)), r.clone()))
            .collect();
        assert_eq!(applied, want, "node {id}");
        let n = net.node(id);
        assert_eq!((n.commit_index(), n.last_applied()), (7, 7));
        assert!(n.kv().data.is_empty());
    }
}

#[test]
fn single_node_cluster_elects_itself_and_commits_alone() {
    let mut n = new_node(1, &[1], config(true));
    n.force_timeout();
    assert_eq!((n.role(), n.term(), n.commit_index()), (Role::Leader, 1, 1));
    assert_eq!(n.propose(cmd("put a b")), Ok((2, 1)));
    assert_eq!(n.commit_index(), 2);
    assert_eq!(n.kv().data.get("a").map(String::as_str), Some("b"));
    assert!(n.take_outbox().is_empty());
}

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
            "accept-stale-leader"
        ]
    );
    assert_eq!(UnsafeSwitch::from_name("commit-anything"), None);
}

#[test]
fn unsafe_vote_without_log_check_grants_a_behind_candidate() {
    let cfg = with_switch(config(false), Some(UnsafeSwitch::VoteWithoutLogCheck));
    let mut n = node_with_log(1, &ids(3), cfg, 2, None, &[1, 2, 2]);
    n.step(vote_req(2, 1, 3, false, 1, 1));
    assert_eq!(
        n.take_events()[1],
        Event::VoteGranted {
            candidate: 2,
            term: 3,
            pre_vote: false
        }
    );
}

#[test]
fn unsafe_commit_old_term_by_counting_commits_an_old_term_entry() {
    let cfg = with_switch(config(false), Some(UnsafeSwitch::CommitOldTermByCounting));
    let mut net = Network::with_logs(cfg, &[(1, 2, &[1, 2]), (2, 2, &[1]), (3, 2, &[1])]);
    net.campaign(1);
    assert!(net.take_events(1).contains(&Event::CommitAdvanced {
        from: 0,
        to: 2,
        by: vec![1, 2]
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
        MessageBody::AppendEntriesResponse {
            request_term: 1,
            success: true,
            match_index: 3,
            ..
        }
    ));
}

// ========================================================== configuration

#[test]
fn config_validation_errors() {
    let ok = |c: &Config| c.validate();
    let with = |e: u32, h: u32, m: u32| Config {
        election_timeout: e,
        heartbeat_interval: h,
        max_entries_per_message: m,
        ..Config::default()
    };
    assert_eq!(ok(&Config::default()), Ok(()));
    assert_eq!(ok(&with(2, 1, 1)), Ok(()));
    assert_eq!(ok(&with(10_000, 9_999, 1000)), Ok(()));
    assert_eq!(
        ok(&with(1, 1, 8)),
        Err(ConfigError::ElectionTimeoutOutOfRange { ticks: 1 })
    );
    assert_eq!(
        ok(&with(10_001, 5, 8)),
        Err(ConfigError::ElectionTimeoutOutOfRange { ticks: 10_001 })
    );
    assert_eq!(ok(&with(20, 0, 8)), Err(ConfigError::HeartbeatZero));
    assert_eq!(
        ok(&with(20, 20, 8)),
        Err(ConfigError::HeartbeatNotShorterThanElection {
            heartbeat: 20,
            election: 20
        })
    );
    assert_eq!(
        ok(&with(20, 5, 0)),
        Err(ConfigError::MaxEntriesOutOfRange { entries: 0 })
    );
    assert_eq!(
        ok(&with(20, 5, 1001)),
        Err(ConfigError::MaxEntriesOutOfRange { entries: 1001 })
    );
    // The election timeout is checked first.
    assert_eq!(
        ok(&with(0, 0, 0)),
        Err(ConfigError::ElectionTimeoutOutOfRange { ticks: 0 })
    );
    // Constructors refuse an invalid config.
    assert_eq!(
        Node::new(1, &[1], with(20, 0, 8), Rng::new(0)).unwrap_err(),
        ConfigError::HeartbeatZero
    );
    assert_eq!(
        Node::restart(
            1,
            &[1],
            with(20, 5, 0),
            Rng::new(0),
            PersistentState::default()
        )
        .unwrap_err(),
        ConfigError::MaxEntriesOutOfRange { entries: 0 }
    );
    let texts: Vec<String> = [
        ConfigError::ElectionTimeoutOutOfRange { ticks: 1 },
        ConfigError::HeartbeatNotShorterThanElection {
            heartbeat: 20,
            election: 20,
        },
        ConfigError::HeartbeatZero,
        ConfigError::MaxEntriesOutOfRange { entries: 0 },
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        texts,
        vec![
            "election timeout 1 must be between 2 and 10000 ticks",
            "heartbeat interval 20 must be shorter than the election timeout 20",
            "heartbeat interval must be at least 1 tick",
            "max entries per message 0 must be between 1 and 1000"
        ]
    );
}

#[test]
fn config_max_entries_per_message_caps_each_append() {
    let cfg = Config {
        max_entries_per_message: 2,
        ..config(false)
    };
    let mut net = Network::with_logs(
        cfg,
        &[
            (1, 1, &[1, 1, 1, 1, 1]),
            (2, 1, &[1, 1, 1, 1, 1]),
            (3, 1, &[]),
        ],
    );
    net.campaign(1);
    assert_eq!(log_terms(net.node(3)), vec![1; 5]);
    let to3: Vec<usize> = net
        .delivered
        .iter()
        .filter(|m| m.from == 1 && m.to == 3 && m.body.kind() == "append-entries")
        .map(|m| m.body.entry_count())
        .collect();
    assert!(to3.iter().all(|&c| c <= 2), "{to3:?}");
    assert_eq!(to3.iter().sum::<usize>(), 5);
}

// ==================================================== vocabulary and read-outs

#[test]
fn message_and_role_vocabulary() {
    let bodies = [
        vote_req(1, 2, 1, true, 0, 0),
        vote_req(1, 2, 1, false, 0, 0),
        vote_resp(1, 2, 1, true, true),
        vote_resp(1, 2, 1, false, false),
        append(1, 2, 1, 0, 0, entries(&[(1, 1)]), 0),
        reject_resp(1, 2, 1, 0, None, 1),
    ];
    let got: Vec<(&str, usize, bool, Option<bool>)> = bodies
        .iter()
        .map(|m| {
            (
                m.body.kind(),
                m.body.entry_count(),
                m.body.is_heartbeat(),
                m.body.granted(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("pre-vote", 0, false, None),
            ("request-vote", 0, false, None),
            ("pre-vote-resp", 0, false, Some(true)),
            ("request-vote-resp", 0, false, Some(false)),
            ("append-entries", 1, false, None),
            ("append-entries-resp", 0, false, Some(false)),
        ]
    );
    assert!(append(1, 2, 1, 0, 0, vec![], 0).body.is_heartbeat());
    assert_eq!(
        [
            Role::Follower,
            Role::PreCandidate,
            Role::Candidate,
            Role::Leader
        ]
        .map(Role::name),
        ["follower", "precandidate", "candidate", "leader"]
    );
}

#[test]
fn commands_parse_and_print() {
    assert_eq!(
        Command::parse("SET k v"),
        Ok(Command::Put {
            key: "k".into(),
            value: "v".into()
        })
    );
    assert_eq!(
        Command::parse("delete k"),
        Ok(Command::Del { key: "k".into() })
    );
    assert_eq!(cmd("put k v").to_string(), "put k v");
    assert_eq!(cmd("del k").to_string(), "del k");
    assert_eq!(cmd("get k").key(), "k");
    assert_eq!(cmd("GET k").to_string(), "get k");
    let errs = [
        Command::parse(""),
        Command::parse(&"x".repeat(MAX_COMMAND_LEN + 1)),
        Command::parse("frob x"),
        Command::parse("get"),
        Command::parse(&format!("put k {}", "v".repeat(65))),
    ];
    let texts: Vec<String> = errs
        .iter()
        .map(|r| r.clone().unwrap_err().to_string())
        .collect();
    assert_eq!(
        texts,
        vec![
            "empty command: try `put x 1`, `get x` or `del x`",
            "command is 201 bytes; the limit is 200",
            "unknown command `frob`: use put, get or del",
            "`get` takes 1 argument(s), got 0",
            "keys and values are at most 64 characters"
        ]
    );
    assert_eq!(errs[0], Err(CommandError::Empty));
}

#[test]
fn raft_log_and_rng_building_blocks() {
    // §5.3 / Figure 2 index-0 sentinel.
    let log = log_with(&[1, 1, 2]);
    assert_eq!(
        (log.first_index(), log.last_index(), log.last_term()),
        (1, 3, 2)
    );
    assert_eq!(
        (log.term_at(0), log.term_at(3), log.term_at(4)),
        (Some(0), Some(2), None)
    );
    assert_eq!(log.get(0), None);
    assert_eq!(log.get(2).map(|e| (e.index, e.term)), Some((2, 1)));
    assert!(log.slice_from(0, 5).is_empty());
    assert_eq!(log.slice_from(2, 1).len(), 1);
    assert_eq!(
        (log.first_index_of_term(1), log.last_index_of_term(1)),
        (Some(1), Some(2))
    );
    assert_eq!(log.first_index_of_term(9), None);
    assert_eq!(RaftLog::default().last_term(), 0);
    assert_eq!(log.get(3).unwrap().command(), None);
    // Deterministic, splittable randomness.
    let xs: Vec<u64> = (0..3).map(|_| Rng::new(5).next_u64()).collect();
    assert!(xs.windows(2).all(|w| w[0] == w[1]));
    assert_ne!(
        Rng::new(5).split(1).next_u64(),
        Rng::new(5).split(2).next_u64()
    );
    let mut r = Rng::new(9);
    assert_eq!(r.range(7, 7), 7);
    assert_eq!(r.range(8, 3), 8);
    assert!((0..200).all(|_| (3..9).contains(&r.range(3, 9))));
    assert!(!r.chance_permille(0));
    assert!(r.chance_permille(1000));
    assert_eq!([cmd("put k v").key(), cmd("del q").key()], ["k", "q"]);
}

/// Thesis §4.2.3 / etcd `inLease`: with CheckQuorum, a server that has heard
/// from a current leader within the election timeout neither updates its term
/// nor votes. etcd applies this to the leader itself (its `lead` is itself);
/// this core applies it to followers only, so a disruptive RequestVote still
/// deposes the leader.
#[test]
fn thesis_4_2_3_leader_also_ignores_a_disruptive_vote_within_its_lease() {
    let mut net = elected(3, check_quorum_cfg());
    let mut l = net.nodes.remove(&1).unwrap();
    l.step(vote_req(3, 1, 5, false, 1, 1));
    assert_eq!((l.role(), l.term()), (Role::Leader, 1));
    let ev = l.take_events();
    assert!(
        !ev.iter().any(|e| matches!(e, Event::TermAdopted { .. })),
        "{ev:?}"
    );
    assert!(
        matches!(
            ev[..],
            [Event::VoteDenied {
                candidate: 3,
                term: 5,
                ..
            }]
        ),
        "{ev:?}"
    );
}
