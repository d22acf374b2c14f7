//! The membership guided scenarios (thesis chapter 4): every step meets its
//! expectation, and each ends in exactly the state stated here — roles,
//! terms, log terms, commit indexes, configurations and violations.

mod common;

use common::guided::last;
use raftlab::raft::{JointConfig, MajorityConfig, Membership};
use raftlab::scenario;
use raftlab::sim::{Property, RoleKey};

type End<'a> = (RoleKey, u64, &'a [u64], u64);

fn end(id: &str, expected: &[End], membership: &Membership) {
    let sc = scenario::find(id).unwrap_or_else(|| panic!("no scenario {id}"));
    for (k, step) in sc.steps.iter().enumerate() {
        let sim = sc.build(k).unwrap();
        if let Some(c) = &step.expect {
            assert!(c.holds(&sim), "{id} step {k}: {c:?}");
        }
    }
    let sim = last(&sc);
    let nodes = sim.nodes();
    assert_eq!(nodes.len(), expected.len(), "{id}: node count");
    for (n, (role, term, log, commit)) in nodes.iter().zip(expected) {
        assert_eq!(
            (n.role, n.term, n.log_terms(), n.commit),
            (*role, *term, log.to_vec(), *commit),
            "{id}: n{}",
            n.id
        );
    }
    let leader = sim.world().leader().expect("a leader");
    assert_eq!(&sim.node(leader).unwrap().membership, membership, "{id}");
}

use RoleKey::{Follower as F, Leader as L};

#[test]
fn adding_a_server_ends_with_four_voters_section_4_2_1() {
    // noop, put x 1, put y 2, add learner n4, promote n4: all committed on all four.
    let log: &[u64] = &[1, 1, 1, 1, 1];
    end(
        "add-server",
        &[
            (L, 1, log, 5),
            (F, 1, log, 5),
            (F, 1, log, 5),
            (F, 1, log, 5),
        ],
        &Membership::simple([1, 2, 3, 4]),
    );
}

#[test]
fn removing_the_leader_ends_with_n2_leading_n2_n3_section_4_2_2() {
    end(
        "remove-leader",
        &[
            (F, 1, &[1, 1, 1], 3),
            (L, 2, &[1, 1, 1, 2, 2], 5),
            (F, 2, &[1, 1, 1, 2, 2], 5),
        ],
        &Membership::simple([2, 3]),
    );
}

#[test]
fn joint_consensus_ends_in_c_new_with_n4_leading_section_4_3() {
    // noop, put, add n4, add n5, C_old,new, C_new (auto), then n4's noop.
    let old: &[u64] = &[1, 1, 1, 1, 1, 1];
    let new: &[u64] = &[1, 1, 1, 1, 1, 1, 2];
    end(
        "joint-consensus",
        &[
            (F, 1, old, 6),
            (F, 1, old, 5),
            (F, 2, new, 7),
            (L, 2, new, 7),
            (F, 2, new, 7),
        ],
        &Membership::simple([3, 4, 5]),
    );
    // Mid-way, the panel's configuration is the joint one.
    let sc = scenario::find("joint-consensus").unwrap();
    let mid = sc.build(2).unwrap();
    assert_eq!(
        mid.node(1).unwrap().membership.voters,
        JointConfig {
            incoming: MajorityConfig::new([3, 4, 5]),
            outgoing: MajorityConfig::new([1, 2, 3]),
        }
    );
    assert_eq!(mid.node(1).unwrap().commit, 4, "C_old,new waits for C_old");
    assert!(sim_ok(&sc));
}

fn sim_ok(sc: &scenario::Scenario) -> bool {
    last(sc).world().violations().is_empty()
}

#[test]
fn the_one_step_change_elects_two_leaders_in_term_2_figure_10() {
    let sc = scenario::find("one-step-change").unwrap();
    let sim = last(&sc);
    let nodes = sim.nodes();
    let got: Vec<(RoleKey, u64, Vec<u64>, u64)> = nodes
        .iter()
        .map(|n| (n.role, n.term, n.log_terms(), n.commit))
        .collect();
    assert_eq!(
        got,
        vec![
            (F, 2, vec![1, 1, 1, 1, 1], 5),
            (L, 2, vec![1, 1, 1, 1, 2], 5),
            (F, 2, vec![1, 1, 1, 1, 2], 5),
            (L, 2, vec![1, 1, 1, 1, 1, 2], 5),
            (F, 2, vec![1, 1, 1, 1, 1], 5),
        ]
    );
    // C_old on one side, C_new on the other.
    let c_old = Membership {
        learners: [4, 5].into_iter().collect(),
        ..Membership::simple([1, 2, 3])
    };
    assert_eq!(nodes[1].membership, c_old);
    assert_eq!(nodes[3].membership, Membership::simple([1, 2, 3, 4, 5]));
    let found: Vec<_> = sim
        .world()
        .violations()
        .iter()
        .map(|v| (v.property, v.term, v.nodes.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            // n2 leads term 2 without the entry C_new's majority committed,
            (Property::LeaderCompleteness, Some(2), vec![2]),
            // and applies its own no-op at that index, where n1 applied it.
            (Property::StateMachineSafety, None, vec![1, 2]),
            (Property::LeaderCompleteness, Some(2), vec![2]),
            // n4 is elected in term 2 as well: two leaders in one term.
            (Property::ElectionSafety, Some(2), vec![2, 4]),
            (Property::StateMachineSafety, None, vec![1, 3]),
            (Property::LeaderCompleteness, Some(2), vec![3]),
        ]
    );
    // Until the second election nothing is wrong.
    assert!(sc.build(2).unwrap().world().violations().is_empty());
}
