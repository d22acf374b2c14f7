//! Log Matching (Figure 3, §5.3): if two logs contain an entry with the same
//! index and term, the logs are identical in all entries up through that
//! index. The checker looks only at entries new since the last step (and
//! again at those after a truncation); here the steps are server states and
//! `EntriesTruncated` events made by hand, fed through `Checker::observe` and
//! `Checker::check_servers` as the world does.

mod common;

use common::check::*;
use raftlab::raft::Event;
use raftlab::sim::Property;

#[test]
fn same_index_and_term_with_different_earlier_entries_is_a_violation() {
    let mut rig = Rig::new();
    let n1 = terms(&[1, 2]);
    let n2 = terms(&[2, 2]);
    rig.at(4)
        .step(&[leader(1, 2, 0, &n1), follower(2, 2, 0, &n2)]);
    rig.assert_only(Property::LogMatching, 4, &[1, 2], &[(2, 2)], Some(2));
}

#[test]
fn same_index_and_term_with_another_command_is_a_violation() {
    let mut rig = Rig::new();
    let n3 = log(&[(1, ""), (1, "put x 1")]);
    let n1 = log(&[(1, ""), (1, "put x 2")]);
    rig.at(2).step(&[follower(3, 1, 0, &n3)]);
    rig.at(3)
        .step(&[follower(1, 1, 0, &n1), follower(3, 1, 0, &n3)]);
    rig.assert_only(Property::LogMatching, 3, &[1, 3], &[(2, 1)], Some(1));
}

#[test]
fn a_truncated_log_refilled_with_a_conflicting_entry_is_caught() {
    let mut rig = Rig::new();
    let n1 = log(&[(1, ""), (2, "put x 1")]);
    let n2_before = terms(&[1, 1]);
    let n2_after = log(&[(1, ""), (2, "put x 2")]);
    rig.at(5)
        .step(&[leader(1, 2, 0, &n1), follower(2, 2, 0, &n2_before)]);
    rig.assert_clean();
    // n2 drops its index 2 and takes another entry (2, 2): same index and
    // term as n1's, another command. The log is no longer than before, so
    // only the truncation tells the checker to look again.
    rig.at(6).event(
        2,
        Event::EntriesTruncated {
            removed: vec![(2, 1)],
        },
    );
    rig.step(&[leader(1, 2, 0, &n1), follower(2, 2, 0, &n2_after)]);
    rig.assert_only(Property::LogMatching, 6, &[1, 2], &[(2, 2)], Some(2));
}

#[test]
fn logs_differing_only_after_their_last_common_entry_pass() {
    // Figure 7's shapes: a follower missing entries, one with an extra
    // uncommitted entry, one with entries of terms the leader never had.
    let mut rig = Rig::new();
    let l = log(&[(1, "put a 1"), (1, ""), (4, "put b 2"), (4, ""), (6, "")]);
    let a = log(&[(1, "put a 1"), (1, ""), (4, "put b 2")]);
    let c = log(&[
        (1, "put a 1"),
        (1, ""),
        (4, "put b 2"),
        (4, ""),
        (6, ""),
        (6, ""),
    ]);
    let f = log(&[(1, "put a 1"), (1, ""), (2, ""), (3, "put z 9"), (3, "")]);
    rig.at(3).step(&[
        leader(1, 8, 2, &l),
        follower(2, 8, 2, &a),
        follower(3, 8, 2, &c),
        follower(4, 8, 2, &f).crashed(),
    ]);
    // f's suffix is replaced by the leader's: truncated, then appended.
    let f_repaired = log(&[(1, "put a 1"), (1, ""), (4, "put b 2")]);
    rig.at(4).event(
        4,
        Event::EntriesTruncated {
            removed: vec![(3, 2), (4, 3), (5, 3)],
        },
    );
    rig.step(&[leader(1, 8, 2, &l), follower(4, 8, 2, &f_repaired)]);
    rig.assert_clean();
}
