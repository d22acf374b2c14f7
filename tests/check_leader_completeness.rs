//! Leader Completeness (Figure 3, §5.4): if a log entry is committed in a
//! given term, it is present in the logs of the leaders of all higher terms.
//! The checker learns committed entries from every server's commit index,
//! with the term in which each was first known committed, and holds every
//! sitting leader of a *higher* term to them. Here the steps are server
//! states made by hand, fed through `Checker::check_servers` as
//! `World::run_checker` does after every action.

mod common;

use common::check::*;
use raftlab::raft::ApplyResult;
use raftlab::sim::Property;

#[test]
fn a_leader_of_a_higher_term_missing_a_committed_entry_is_a_violation() {
    let mut rig = Rig::new();
    let l2 = terms(&[1, 2]);
    let behind = terms(&[1]);
    // n1 leads term 2 and commits index 2 with n2.
    rig.at(10).step(&[
        leader(1, 2, 2, &l2),
        follower(2, 2, 2, &l2),
        follower(3, 2, 1, &behind),
    ]);
    rig.assert_clean();
    // n3, without index 2, leads term 3.
    rig.at(20).step(&[
        follower(1, 3, 2, &l2).crashed(),
        follower(2, 3, 2, &l2),
        leader(3, 3, 1, &behind),
    ]);
    rig.assert_only(Property::LeaderCompleteness, 20, &[3], &[(2, 2)], Some(3));
}

#[test]
fn a_leader_holding_another_term_at_a_committed_index_is_a_violation() {
    let mut rig = Rig::new();
    let l2 = terms(&[1, 2, 2]);
    let other = terms(&[1, 2, 3, 3]);
    rig.at(10).committed(2, &l2, &[1, 2]);
    rig.at(30)
        .step(&[follower(1, 4, 3, &l2), leader(3, 4, 1, &other)]);
    rig.assert_only(Property::LeaderCompleteness, 30, &[3], &[(3, 2)], Some(4));
}

#[test]
fn a_server_committing_a_different_entry_at_a_committed_index_is_a_violation() {
    // A committed entry was lost: n3's commit index covers (2, 3) where
    // (2, 2) was committed.
    let mut rig = Rig::new();
    let l2 = terms(&[1, 2]);
    let l3 = terms(&[1, 3]);
    rig.at(10).committed(2, &l2, &[1, 2]);
    rig.at(12)
        .step(&[leader(1, 2, 2, &l2), follower(3, 3, 2, &l3)]);
    rig.assert_only(
        Property::LeaderCompleteness,
        12,
        &[3],
        &[(2, 2), (2, 3)],
        Some(3),
    );
}

#[test]
fn a_stale_leader_of_an_older_term_lacking_a_newer_committed_entry_passes() {
    // n1 still believes it leads term 2 in a minority; the majority elected
    // n2 in term 3, which committed (2, 3). The property binds leaders of
    // terms *higher* than the commit's: a leader of term 2 is not one.
    let mut rig = Rig::new();
    let stale = terms(&[1, 2]);
    let l3 = terms(&[1, 3]);
    rig.at(10).step(&[
        leader(1, 2, 1, &stale),
        leader(2, 3, 2, &l3),
        follower(3, 3, 2, &l3),
    ]);
    rig.at(11).step(&[
        leader(1, 2, 1, &stale),
        leader(2, 3, 2, &l3),
        follower(3, 3, 2, &l3),
    ]);
    rig.assert_clean();
    // The same shape one term up is a violation: n1 leading term 4 without
    // the entry committed in term 3.
    rig.at(12).step(&[
        leader(1, 4, 1, &stale),
        follower(2, 4, 2, &l3),
        follower(3, 4, 2, &l3),
    ]);
    rig.assert_only(Property::LeaderCompleteness, 12, &[1], &[(2, 3)], Some(4));
}

#[test]
fn leaders_holding_every_committed_entry_pass_through_restarts_and_crashes() {
    let mut rig = Rig::new();
    let l2 = terms(&[1, 2, 2]);
    let longer = terms(&[1, 2, 2, 5]);
    let behind = terms(&[1]);
    rig.at(10).step(&[
        leader(1, 2, 3, &l2),
        follower(2, 2, 3, &l2),
        follower(3, 2, 1, &behind),
    ]);
    // n1 restarts: its commit index is volatile and starts again from 0.
    rig.at(15).step(&[
        follower(1, 2, 0, &l2),
        follower(2, 2, 3, &l2),
        follower(3, 2, 1, &behind),
    ]);
    // n2 leads term 5 with every committed entry and one more.
    rig.at(20).step(&[
        follower(1, 5, 3, &l2),
        leader(2, 5, 4, &longer),
        follower(3, 5, 1, &behind),
    ]);
    // A crashed leader of a higher term is no leader: n3's log is behind.
    rig.at(25).step(&[
        follower(1, 6, 4, &longer),
        follower(2, 6, 4, &longer),
        leader(3, 6, 1, &behind).crashed(),
    ]);
    rig.assert_clean();
}

#[test]
fn an_entry_committed_after_a_leader_was_checked_is_still_held_against_it() {
    // Incremental: n3 leads term 4 and is checked while index 2 is not yet
    // known committed; then the term-3 leader's commit of (2, 3) arrives
    // late (an old ack). n3 lacks it, and its term is higher.
    let mut rig = Rig::new();
    let l3 = terms(&[1, 3]);
    let n3 = terms(&[1]);
    rig.at(10)
        .step(&[leader(1, 3, 1, &l3), leader(3, 4, 1, &n3)]);
    rig.assert_clean();
    rig.at(11)
        .step(&[leader(1, 3, 2, &l3), leader(3, 4, 1, &n3)]);
    rig.assert_only(Property::LeaderCompleteness, 11, &[3], &[(2, 3)], Some(4));
}

/// `terms` with every entry up to and including `index` compacted into a
/// snapshot (thesis §5.1).
fn compacted(entry_terms: &[u64], index: u64) -> raftlab::raft::RaftLog {
    let mut log = terms(entry_terms);
    log.compact_to(index).expect("held");
    log
}

#[test]
fn a_leader_whose_snapshot_covers_the_committed_prefix_holds_it() {
    let mut rig = Rig::new();
    let l2 = terms(&[1, 1, 2]);
    let snap = compacted(&[1, 1, 2, 3], 2);
    rig.at(10).committed(2, &l2, &[1, 2]);
    rig.at(20)
        .step(&[follower(1, 3, 3, &l2), leader(2, 3, 3, &snap)]);
    rig.assert_clean();
}

#[test]
fn a_leader_whose_snapshot_ends_in_another_entry_lacks_the_committed_prefix() {
    let mut rig = Rig::new();
    let l2 = terms(&[1, 1, 2]);
    let other = compacted(&[1, 2], 2);
    rig.at(10).committed(2, &l2, &[1, 2]);
    rig.at(20)
        .step(&[follower(1, 3, 3, &l2), leader(3, 3, 0, &other)]);
    rig.assert_only(Property::LeaderCompleteness, 20, &[3], &[(1, 1)], Some(3));
}

#[test]
fn entries_applied_and_compacted_within_one_step_are_still_learned_committed() {
    // n1 commits, applies and compacts indexes 1..=3 in one step: only its
    // `Applied` events tell the checker what was there. n3 then leads term 3
    // without (3, 2).
    let mut rig = Rig::new();
    let gone = compacted(&[1, 1, 2], 3);
    let behind = terms(&[1, 1]);
    rig.at(10);
    for (index, term) in [(1, 1), (2, 1), (3, 2)] {
        rig.event(1, applied_with(index, term, "", ApplyResult::Noop));
    }
    rig.step(&[leader(1, 2, 3, &gone), follower(3, 2, 2, &behind)]);
    rig.assert_clean();
    rig.at(20)
        .step(&[follower(1, 3, 3, &gone), leader(3, 3, 2, &behind)]);
    rig.assert_only(Property::LeaderCompleteness, 20, &[3], &[(3, 2)], Some(3));
}
