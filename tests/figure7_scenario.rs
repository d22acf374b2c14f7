//! Scenario `figure-7` (§5.3, Figure 7): the paper's six follower logs (a)–(f)
//! against the term-8 leader, each repaired by the real consistency check.
//! Per follower: the vote it gave, the rejections with their conflict hints,
//! the nextIndex walk-back and the entries it deleted; and the exact end state.

use raftlab::raft::{AppendRejection, Event, Index, LogPosition, NodeId, Term, VoteDenial};
use raftlab::scenario;
use raftlab::sim::{Simulation, TraceKind};

const FINAL: [Term; 11] = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 8];

fn at(step: usize) -> Simulation {
    scenario::find("figure-7").unwrap().build(step).unwrap()
}

/// The Raft events of step `step` alone (those after step `step - 1`).
fn step_events(step: usize) -> Vec<(NodeId, Event)> {
    let before = if step == 0 {
        0
    } else {
        at(step - 1).world().trace().recent().len()
    };
    at(step)
        .world()
        .trace()
        .recent()
        .skip(before)
        .filter_map(|e| match &e.kind {
            TraceKind::Raft(ev) => Some((e.node, ev.clone())),
            TraceKind::Sim(_) => None,
        })
        .collect()
}

struct Repair {
    rejections: Vec<AppendRejection>,
    backups: Vec<(Index, Index)>,
    truncated: Vec<(Index, Term)>,
}

fn repair(step: usize, follower: NodeId) -> Repair {
    let ev = step_events(step);
    Repair {
        rejections: ev
            .iter()
            .filter_map(|(n, e)| match e {
                Event::AppendRejected { reason, .. } if *n == follower => Some(reason.clone()),
                _ => None,
            })
            .collect(),
        backups: ev
            .iter()
            .filter_map(|(_, e)| match e {
                Event::NextIndexBackedUp {
                    follower: f,
                    from,
                    to,
                } if *f == follower => Some((*from, *to)),
                _ => None,
            })
            .collect(),
        truncated: ev
            .iter()
            .filter_map(|(n, e)| match e {
                Event::EntriesTruncated { removed } if *n == follower => Some(removed.clone()),
                _ => None,
            })
            .flatten()
            .collect(),
    }
}

#[test]
fn the_start_is_figure_7_exactly() {
    let sim = at(0);
    let logs: Vec<Vec<Term>> = sim.nodes().iter().map(|n| n.log_terms()).collect();
    assert_eq!(
        logs,
        [
            vec![1, 1, 1, 4, 4, 5, 5, 6, 6, 6],
            vec![1, 1, 1, 4, 4, 5, 5, 6, 6],
            vec![1, 1, 1, 4],
            vec![1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
            vec![1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
            vec![1, 1, 1, 4, 4, 4, 4],
            vec![1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
        ]
    );
    assert!(sim
        .nodes()
        .iter()
        .all(|n| (n.role.name(), n.term, n.commit) == ("follower", 7, 0)));
}

#[test]
fn c_and_d_deny_the_vote_the_others_grant() {
    let ev = step_events(1);
    let denials: Vec<(NodeId, VoteDenial)> = ev
        .iter()
        .filter_map(|(n, e)| match e {
            Event::VoteDenied { reason, .. } => Some((*n, reason.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        denials,
        [
            (
                4,
                VoteDenial::LogBehind {
                    candidate_last: LogPosition::new(6, 10),
                    our_last: LogPosition::new(6, 11)
                }
            ),
            (
                5,
                VoteDenial::LogBehind {
                    candidate_last: LogPosition::new(6, 10),
                    our_last: LogPosition::new(7, 12)
                }
            ),
        ]
    );
    let granted: Vec<NodeId> = ev
        .iter()
        .filter_map(|(n, e)| matches!(e, Event::VoteGranted { term: 8, .. }).then_some(*n))
        .collect();
    assert_eq!(granted, [2, 3, 6, 7]);
    let sim = at(1);
    let n1 = sim.node(1).unwrap();
    assert_eq!(
        (n1.role.name(), n1.term, n1.log_terms()),
        ("leader", 8, FINAL.to_vec())
    );
}

#[test]
fn each_follower_is_repaired_with_its_hint_and_walk_back() {
    use AppendRejection::{MissingEntry, TermMismatch};
    let missing = |prev_log_index, our_last_index| MissingEntry {
        prev_log_index,
        our_last_index,
    };
    // (a)
    let r = repair(2, 2);
    assert_eq!(r.rejections, [missing(10, 9)]);
    assert_eq!((r.backups, r.truncated), (vec![(12, 10)], vec![]));
    // (b)
    let r = repair(3, 3);
    assert_eq!(r.rejections, [missing(10, 4)]);
    assert_eq!((r.backups, r.truncated), (vec![(12, 5)], vec![]));
    // (c)
    let r = repair(4, 4);
    assert!(r.rejections.is_empty() && r.backups.is_empty());
    assert_eq!(r.truncated, [(11, 6)]);
    // (d)
    let r = repair(5, 5);
    assert!(r.rejections.is_empty() && r.backups.is_empty());
    assert_eq!(r.truncated, [(11, 7), (12, 7)]);
    // (e)
    let r = repair(6, 6);
    assert_eq!(
        r.rejections,
        [
            missing(10, 7),
            TermMismatch {
                prev_log_index: 7,
                prev_log_term: 5,
                our_term: 4,
                conflict_index: 4
            },
        ]
    );
    assert_eq!(
        (r.backups, r.truncated),
        (vec![(12, 8), (12, 6)], vec![(6, 4), (7, 4)])
    );
    // (f)
    let r = repair(7, 7);
    assert_eq!(
        r.rejections,
        [
            TermMismatch {
                prev_log_index: 10,
                prev_log_term: 6,
                our_term: 3,
                conflict_index: 7
            },
            TermMismatch {
                prev_log_index: 6,
                prev_log_term: 5,
                our_term: 2,
                conflict_index: 4
            },
        ]
    );
    assert_eq!(r.backups, [(12, 7), (12, 4)]);
    assert_eq!(
        r.truncated,
        [
            (4, 2),
            (5, 2),
            (6, 2),
            (7, 3),
            (8, 3),
            (9, 3),
            (10, 3),
            (11, 3)
        ]
    );
}

#[test]
fn the_term_8_no_op_commits_once_four_of_seven_hold_it() {
    assert_eq!(
        at(3).node(1).unwrap().commit,
        0,
        "n1, (a), (b): three of seven"
    );
    let ev = step_events(4);
    assert!(ev.contains(&(
        1,
        Event::CommitAdvanced {
            from: 0,
            to: 11,
            by: vec![1, 2, 3, 4]
        }
    )));
}

#[test]
fn end_state_every_log_is_the_leaders_and_committed() {
    let sim = at(8);
    let end: Vec<(&str, u64, Vec<Term>, u64)> = sim
        .nodes()
        .iter()
        .map(|n| (n.role.name(), n.term, n.log_terms(), n.commit))
        .collect();
    let mut want = vec![("leader", 8, FINAL.to_vec(), 11)];
    want.extend((2..=7).map(|_| ("follower", 8, FINAL.to_vec(), 11)));
    assert_eq!(end, want);
    let p = sim.world().nodes()[0].node.progress();
    assert!((2..=7).all(|f| p[&f].match_index == 11 && p[&f].next_index == 12));
    assert!(sim.world().violations().is_empty());
    assert_eq!(sim.tick(), 9);
}
