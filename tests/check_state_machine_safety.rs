//! State Machine Safety (Figure 3, §5.4.3): if a server has applied a log
//! entry at a given index, no other server ever applies a different entry at
//! that index. The checker watches `Applied` events; here they are made by
//! hand and fed through `Checker::observe`, as `World::record` does.

mod common;

use common::check::*;
use raftlab::raft::{ApplyResult, Event, Index, KvStore, Term};
use raftlab::sim::Property;

/// `Applied` of a no-op (`""`) or of a put answering "no previous value".
fn applied(index: Index, term: Term, command: &str) -> Event {
    let result = if command.is_empty() {
        ApplyResult::Noop
    } else {
        written(None)
    };
    applied_with(index, term, command, result)
}

#[test]
fn two_servers_applying_different_terms_at_one_index_is_a_violation() {
    let mut rig = Rig::new();
    rig.at(4).event(1, applied(1, 1, ""));
    rig.event(1, applied(2, 1, "put x 1"));
    rig.at(6).event(2, applied(1, 1, ""));
    rig.at(9).event(3, applied(1, 1, ""));
    rig.event(3, applied(2, 2, "put x 2"));
    rig.assert_only(
        Property::StateMachineSafety,
        9,
        &[1, 3],
        &[(2, 1), (2, 2)],
        None,
    );
}

#[test]
fn the_same_index_and_term_with_another_command_is_a_violation() {
    let mut rig = Rig::new();
    rig.at(4).event(2, applied(1, 1, "put x 1"));
    rig.at(5).event(1, applied(1, 1, "put x 9"));
    rig.assert_only(
        Property::StateMachineSafety,
        5,
        &[1, 2],
        &[(1, 1), (1, 1)],
        None,
    );
}

#[test]
fn every_server_applying_the_same_entries_passes() {
    let mut rig = Rig::new();
    for (tick, node) in [(4, 1), (6, 2), (9, 3), (30, 1)] {
        // n1 applies again after a restart (its state machine is rebuilt).
        rig.at(tick).event(node, applied(1, 1, ""));
        rig.event(node, applied(2, 1, "put x 1"));
        rig.event(node, applied(3, 2, "del x"));
    }
    rig.assert_clean();
}

fn state(pairs: &[(&str, &str)], last_applied: Index) -> KvStore {
    KvStore {
        data: pairs.iter().map(|&(k, v)| (k.into(), v.into())).collect(),
        last_applied,
    }
}

#[test]
fn a_snapshot_whose_last_entry_differs_from_the_applied_one_is_a_violation() {
    // Thesis §5.1: a snapshot stands for its prefix, so its last included
    // entry must be the entry applied at that index.
    let mut rig = Rig::new();
    rig.at(4).event(1, applied(1, 1, "put x 1"));
    rig.event(1, applied(2, 1, ""));
    rig.at(7).event(
        2,
        Event::RestoredFromSnapshot {
            last_included_index: 2,
            last_included_term: 1,
        },
    );
    rig.assert_clean();
    rig.at(9).event(
        3,
        Event::RestoredFromSnapshot {
            last_included_index: 2,
            last_included_term: 2,
        },
    );
    rig.assert_only(
        Property::StateMachineSafety,
        9,
        &[1, 3],
        &[(2, 1), (2, 2)],
        None,
    );
}

#[test]
fn two_state_machines_at_one_applied_index_must_be_identical() {
    // n2's state came from a snapshot of the right entry but holds another
    // value: the state machines at applied index 2 differ. Compared only when
    // some applied index moved since the last step.
    let mut rig = Rig::new();
    let log = terms(&[1, 1]);
    let good = state(&[("x", "1")], 2);
    let bad = state(&[("x", "2")], 2);
    let behind = state(&[], 1);
    rig.at(4).event(1, applied(1, 1, "put x 1"));
    rig.event(1, applied(2, 1, ""));
    let first = state(&[("x", "1")], 1);
    rig.step(&[
        leader(1, 1, 2, &log).with_state(&good),
        follower(2, 1, 1, &log).with_state(&first),
        follower(3, 1, 1, &log).with_state(&first),
    ]);
    // Equal states at equal indexes (n2, n3 at 1) pass; so do unequal ones
    // at different indexes.
    rig.assert_clean();
    // n2 reaches index 2 (the comparison runs when an applied index moves).
    rig.at(6).step(&[
        leader(1, 1, 2, &log).with_state(&good),
        follower(2, 1, 2, &log).with_state(&bad),
        follower(3, 1, 1, &log).with_state(&behind),
    ]);
    rig.assert_only(Property::StateMachineSafety, 6, &[1, 2], &[(2, 1)], None);
}

#[test]
fn states_reached_entry_by_entry_are_not_compared_a_restored_one_is_until_it_matches() {
    // n1 and n2 apply entries 1 and 2 one by one (the entries first applied
    // there): their state machines are equal by construction and never
    // compared. n3's state comes from a snapshot: it is compared in full
    // with the others at its index, once; when it matches it is trusted as
    // theirs, and when another node's snapshot state differs it fires.
    let mut rig = Rig::new();
    let log = terms(&[1, 1]);
    let at1 = state(&[("x", "1")], 1);
    let at2 = state(&[("x", "1"), ("y", "2")], 2);
    for node in [1, 2] {
        rig.at(4).event(node, applied(1, 1, "put x 1"));
        rig.event(node, applied_with(2, 1, "put y 2", written(None)));
    }
    rig.step(&[
        leader(1, 1, 2, &log).with_state(&at2),
        follower(2, 1, 2, &log).with_state(&at2),
        follower(3, 1, 0, &log).with_state(&at1),
    ]);
    assert_eq!(
        rig.checker.state_comparisons(),
        0,
        "n1 and n2 are canonical"
    );
    rig.at(5).event(
        3,
        Event::RestoredFromSnapshot {
            last_included_index: 2,
            last_included_term: 1,
        },
    );
    let restored = at2.clone();
    rig.step(&[
        leader(1, 1, 2, &log).with_state(&at2),
        follower(2, 1, 2, &log).with_state(&at2),
        follower(3, 1, 2, &log).with_state(&restored),
    ]);
    rig.assert_clean();
    assert_eq!(rig.checker.state_comparisons(), 1, "n3 against n1, once");
    // n1 and n3 apply entry 3 one by one: nothing is compared.
    let log = terms(&[1, 1, 1]);
    let at3 = state(&[("x", "1"), ("y", "2"), ("z", "3")], 3);
    for node in [1, 3] {
        rig.at(6)
            .event(node, applied_with(3, 1, "put z 3", written(None)));
    }
    rig.step(&[
        leader(1, 1, 3, &log).with_state(&at3),
        follower(2, 1, 2, &log).with_state(&at2),
        follower(3, 1, 3, &log).with_state(&at3),
    ]);
    rig.assert_clean();
    assert_eq!(rig.checker.state_comparisons(), 1);
    // n2 restarts from a snapshot of entry 3 that holds another value.
    rig.at(8).event(
        2,
        Event::RestoredFromSnapshot {
            last_included_index: 3,
            last_included_term: 1,
        },
    );
    let bad = state(&[("x", "1"), ("y", "2"), ("z", "9")], 3);
    rig.step(&[
        leader(1, 1, 3, &log).with_state(&at3),
        follower(2, 1, 3, &log).with_state(&bad),
        follower(3, 1, 3, &log).with_state(&at3),
    ]);
    rig.assert_only(Property::StateMachineSafety, 8, &[1, 2], &[(3, 1)], None);
}
