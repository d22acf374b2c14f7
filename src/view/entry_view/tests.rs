//! Tests of `entry_view.rs` on hand-made clusters, including Figure 8's.

use super::*;
use crate::raft::{Command, EntryData};
use crate::view::i18n::Lang;

struct Node {
    id: NodeId,
    status: NodeStatus,
    role: Role,
    term: Term,
    log: RaftLog,
    commit: Index,
    progress: VecMap<NodeId, Progress>,
}

fn node(id: NodeId, term: Term, terms: &[Term], commit: Index) -> Node {
    let mut log = RaftLog::default();
    for (i, &t) in terms.iter().enumerate() {
        let data = if i == 0 {
            EntryData::Noop
        } else {
            EntryData::from(Command::parse(&format!("put k{i} v")).unwrap())
        };
        log.append(t, data);
    }
    Node {
        id,
        status: NodeStatus::Up,
        role: Role::Follower,
        term,
        log,
        commit,
        progress: VecMap::new(),
    }
}

fn lead(mut n: Node, matches: &[(NodeId, Index)]) -> Node {
    n.role = Role::Leader;
    n.progress = matches
        .iter()
        .map(|&(id, m)| {
            (
                id,
                Progress {
                    next_index: m + 1,
                    match_index: m,
                    recent_active: true,
                },
            )
        })
        .collect();
    n
}

fn facts_of(nodes: &[Node]) -> Vec<NodeFacts<'_>> {
    nodes
        .iter()
        .map(|n| NodeFacts {
            id: n.id,
            status: n.status,
            role: n.role,
            term: n.term,
            log: &n.log,
            commit: n.commit,
            applied: n.commit,
            progress: &n.progress,
            voters: JointConfig::simple(nodes.iter().map(|n| n.id)),
        })
        .collect()
}

fn all_up(_: NodeId, _: NodeId) -> bool {
    true
}

/// Figure 8 (c): S1 leads term 4; index 2 (term 2) is on S1, S2, S3 — a
/// majority — and S1 has just appended index 3 of term 4.
fn figure8() -> Vec<Node> {
    vec![
        lead(node(1, 4, &[1, 2, 4], 1), &[(2, 2), (3, 2), (4, 1), (5, 1)]),
        node(2, 4, &[1, 2], 1),
        node(3, 4, &[1, 2], 1),
        node(4, 4, &[1], 1),
        node(5, 3, &[1, 3], 1),
    ]
}

#[test]
fn figure_8_old_term_entry_held_by_a_majority_is_explained() {
    let nodes = figure8();
    let f = facts_of(&nodes);
    let r = analyse(&f, 1, 2, all_up, false);
    assert_eq!(r.holders, vec![1, 2, 3]);
    assert_eq!(
        r.verdict,
        Verdict::OldTerm {
            leader: 1,
            entry_term: 2,
            current_term: 4,
            newer: Some(3)
        }
    );
    let h = r.headline(Lang::En, crate::view::node_names::NodeNames::DEFAULT);
    assert!(
        h.contains("held by a majority but from term 2 < current term 4")
            && h.contains("§5.4.2, Figure 8")
            && h.contains("an entry of term 4 above it commits"),
        "{h}"
    );
    let d = r
        .details(Lang::En, crate::view::node_names::NodeNames::DEFAULT)
        .join("\n");
    assert!(d.contains("index 3 is from term 4"), "{d}");
    assert!(
        d.contains("n5: a different entry here (term 3); the leader will replace it"),
        "{d}"
    );
    assert!(r
        .headline(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT)
        .contains("图 8"));
    assert_eq!(r.command_text(Lang::En), "put k1 v");
    // With the unsafe switch, counting is enough.
    let unsafe_r = analyse(&f, 1, 2, all_up, true);
    assert_eq!(unsafe_r.verdict, Verdict::AboutToCommit { leader: 1 });
}

#[test]
fn needs_a_majority_names_holders_and_why_the_others_lack_it() {
    let mut nodes = figure8();
    nodes[3].status = NodeStatus::Crashed;
    let f = facts_of(&nodes);
    let cut = |a: NodeId, b: NodeId| !(a == 1 && b == 2);
    let r = analyse(&f, 1, 3, cut, false);
    assert_eq!(r.holders, vec![1]);
    assert!(matches!(r.verdict, Verdict::NeedsMajority { .. }));
    assert_eq!(
        r.headline(Lang::En, crate::view::node_names::NodeNames::DEFAULT),
        "Not committed — held by n1 of 5 — needs 3"
    );
    let d = r
        .details(Lang::En, crate::view::node_names::NodeNames::DEFAULT)
        .join("\n");
    assert!(d.contains("n4 crashed"), "{d}");
    assert!(d.contains("n2 cut off from the leader"), "{d}");
    assert!(d.contains("n3, n5 behind"), "{d}");
    assert!(r
        .details(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT)
        .join("")
        .contains("已崩溃"));
}

#[test]
fn replies_in_flight_and_old_term_without_majority() {
    let mut nodes = figure8();
    // n4 already got index 2 but its reply has not reached the leader.
    nodes[3].log.append(2, EntryData::Noop);
    nodes[1].log = RaftLog::default();
    nodes[1].log.append(1, EntryData::Noop);
    nodes[0].progress.get_mut(&2).unwrap().match_index = 1;
    let f = facts_of(&nodes);
    let r = analyse(&f, 3, 2, all_up, false);
    assert_eq!(r.holders, vec![1, 3, 4]);
    let Verdict::NeedsMajority {
        acked, older_than, ..
    } = &r.verdict
    else {
        panic!("{:?}", r.verdict)
    };
    assert_eq!((acked.clone(), *older_than), (vec![1, 3], Some(4)));
    let d = r
        .details(Lang::En, crate::view::node_names::NodeNames::DEFAULT)
        .join("\n");
    assert!(d.contains("confirmation only from n1, n3"), "{d}");
    assert!(d.contains("Even with a majority"), "{d}");
}

#[test]
fn committed_no_leader_leader_lacks_and_missing() {
    let mut nodes = figure8();
    nodes[1].commit = 2;
    let f = facts_of(&nodes);
    let r = analyse(&f, 3, 2, all_up, false);
    assert_eq!(r.verdict, Verdict::Committed);
    assert!(r
        .headline(Lang::En, crate::view::node_names::NodeNames::DEFAULT)
        .starts_with("Committed — held by n1, n2, n3 (3 of 5"));
    let d = r
        .details(Lang::En, crate::view::node_names::NodeNames::DEFAULT)
        .join("\n");
    assert!(d.contains("Applied to the state machine on n2"), "{d}");
    assert!(d.contains("n1, n3 hold it but do not know yet"), "{d}");
    // n5's term-3 entry: the leader has another one there.
    let r = analyse(&f, 5, 2, all_up, false);
    assert_eq!(
        r.verdict,
        Verdict::LeaderLacks {
            leader: 1,
            leader_term: 4,
            theirs: Some(2)
        }
    );
    assert!(r
        .headline(Lang::En, crate::view::node_names::NodeNames::DEFAULT)
        .contains("will be overwritten"));
    let d = r
        .details(Lang::En, crate::view::node_names::NodeNames::DEFAULT)
        .join("\n");
    assert!(
        d.contains("n1, n2, n3: the leader's entry here (term 2), which wins"),
        "{d}"
    );
    // Nothing at index 9.
    let r = analyse(&f, 2, 9, all_up, false);
    assert_eq!(r.verdict, Verdict::Missing);
    assert_eq!(
        r.headline(Lang::En, crate::view::node_names::NodeNames::DEFAULT),
        "n2 has no entry at index 9"
    );
    // Without a leader.
    let mut nodes = figure8();
    nodes[0].status = NodeStatus::Crashed;
    let f = facts_of(&nodes);
    let r = analyse(&f, 2, 3, all_up, false);
    assert_eq!(r.verdict, Verdict::Missing);
    let r = analyse(&f, 2, 2, all_up, false);
    assert_eq!(r.verdict, Verdict::NoLeader);
    assert!(r
        .headline(Lang::En, crate::view::node_names::NodeNames::DEFAULT)
        .contains("no leader right now; held by n1, n2, n3 of 5"));
    for v in [Verdict::Committed, Verdict::Missing, Verdict::NoLeader] {
        assert!(!v.name().is_empty());
    }
}

#[test]
fn facts_of_a_real_world_find_its_leader() {
    let mut sim = crate::sim::Simulation::new(crate::sim::SimConfig {
        nodes: 3,
        ..Default::default()
    })
    .unwrap();
    sim.campaign(1).unwrap();
    sim.run(15).unwrap();
    sim.propose_to(1, "put x 1").unwrap();
    sim.run(30).unwrap();
    let f = facts(sim.world());
    assert_eq!(leader_of(&f).map(|l| l.id), Some(1));
    let last = f[0].log.last_index();
    let r = analyse(&f, 2, last, |a, b| sim.world().network().is_up(a, b), false);
    assert_eq!(r.verdict, Verdict::Committed);
    assert_eq!(r.command_text(Lang::En), "put x 1");
}
