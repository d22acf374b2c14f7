//! Leader Append-Only (Figure 3, §5.3): a leader never overwrites or deletes
//! entries in its log; it only appends. The checker compares each sitting
//! leader with its last entry one step earlier; here the steps are server
//! states made by hand, fed through `Checker::check_servers` as
//! `World::run_checker` does after every action.

mod common;

use common::check::*;
use raftlab::sim::Property;

#[test]
fn a_leader_deleting_its_last_entry_is_a_violation() {
    let mut rig = Rig::new();
    let before = terms(&[1, 2, 2]);
    let after = terms(&[1, 2]);
    rig.at(5).step(&[leader(1, 2, 1, &before)]);
    rig.at(6).step(&[leader(1, 2, 1, &after)]);
    rig.assert_only(Property::LeaderAppendOnly, 6, &[1], &[(3, 2)], Some(2));
}

#[test]
fn a_leader_overwriting_its_last_entry_is_a_violation() {
    let mut rig = Rig::new();
    let before = terms(&[1, 1, 3]);
    let after = terms(&[1, 1, 2, 3]);
    let follower_log = terms(&[1]);
    rig.at(5)
        .step(&[follower(1, 3, 0, &follower_log), leader(2, 3, 1, &before)]);
    rig.at(8)
        .step(&[follower(1, 3, 0, &follower_log), leader(2, 3, 1, &after)]);
    rig.assert_only(Property::LeaderAppendOnly, 8, &[2], &[(3, 3)], Some(3));
}

#[test]
fn appending_passes_and_only_sitting_leaders_of_the_same_term_are_held_to_it() {
    let mut rig = Rig::new();
    let a = terms(&[1, 2]);
    let b = terms(&[1, 2, 2, 2]);
    let short = terms(&[1]);
    let c = terms(&[1, 4]);
    // Appending is what a leader does.
    rig.at(1).step(&[leader(1, 2, 0, &a)]);
    rig.at(2).step(&[leader(1, 2, 0, &b)]);
    // A follower's log is truncated (§5.3): not a leader, not held.
    rig.at(3).step(&[follower(1, 3, 0, &short)]);
    // Leader again in a later term with another log: a new leadership.
    rig.at(4).step(&[leader(1, 4, 0, &short)]);
    rig.at(5).step(&[leader(1, 4, 0, &c)]);
    // A crashed leader's state means nothing; when it runs again it is a
    // follower (its role is volatile).
    rig.at(6).step(&[leader(1, 4, 0, &a).crashed()]);
    rig.at(7).step(&[leader(1, 4, 0, &c)]);
    rig.assert_clean();
}

#[test]
fn a_paused_leader_is_still_a_leader_and_is_held_to_it() {
    // A paused node keeps its role and term (`leadership::is_leader`), so a
    // leader whose log shrinks while paused is caught; a crashed one is not
    // held (its role is volatile).
    let mut rig = Rig::new();
    let before = terms(&[1, 1]);
    let after = terms(&[1]);
    rig.at(10).step(&[leader(3, 1, 2, &before).paused()]);
    rig.at(11).step(&[leader(3, 1, 2, &after).paused()]);
    rig.assert_only(Property::LeaderAppendOnly, 11, &[3], &[(2, 1)], Some(1));
}
