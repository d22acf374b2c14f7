//! Linearizability (§8; thesis §6.3): every client operation appears to take
//! effect at one instant between its invocation and its response. The check
//! is incremental: `Checker::observe` notes the keys with news (an entry
//! applied, a client outcome), and `Checker::check_client` searches only
//! those keys' histories. Here the client's history is made by hand with the
//! calls the world makes (`Client::new_op`, `appended`, `attempt_failed`) and
//! the trace events the world records, through the same path.

mod common;

use common::check::*;
use raftlab::sim::{OpFailure, Property};

#[test]
fn a_stale_read_after_a_committed_write_is_a_violation_naming_the_reader() {
    let mut rig = Rig::new();
    rig.at(2);
    rig.propose(1, 2, 2, "put x 1");
    rig.at(5);
    rig.apply(1, 2, 2, "put x 1", written(None));
    rig.assert_clean();
    // A stale leader of term 1 (n2) answers a later read from its own log.
    rig.at(6);
    rig.propose(2, 3, 1, "get x");
    rig.at(8);
    rig.apply(2, 3, 1, "get x", read(None));
    rig.assert_only(Property::Linearizability, 8, &[2], &[(3, 1)], None);
}

#[test]
fn the_same_history_reading_the_written_value_passes() {
    let mut rig = Rig::new();
    rig.at(2);
    rig.propose(1, 2, 2, "put x 1");
    rig.at(5);
    rig.apply(1, 2, 2, "put x 1", written(None));
    rig.at(6);
    rig.propose(1, 3, 2, "get x");
    rig.at(8);
    rig.apply(1, 3, 2, "get x", read(Some("1")));
    // Concurrent writes read in either order are fine too.
    rig.at(9);
    rig.propose(1, 4, 2, "put y a");
    rig.propose(1, 5, 2, "put y b");
    rig.at(10);
    rig.propose(1, 6, 2, "get y");
    rig.at(12);
    rig.apply(1, 5, 2, "put y b", written(None));
    rig.apply(1, 4, 2, "put y a", written(Some("b")));
    rig.apply(1, 6, 2, "get y", read(Some("a")));
    rig.assert_clean();
}

/// n1 takes `put x 1` at (2, 1) and has not answered; n2, leading term 2,
/// answers `get x` with 1 at tick 6. Returns the rig and the write's op.
fn read_of_a_write_not_yet_answered() -> (Rig, usize) {
    let mut rig = Rig::new();
    rig.at(2);
    let w = rig.propose(1, 2, 1, "put x 1");
    rig.at(4);
    rig.propose(2, 2, 2, "get x");
    rig.at(6);
    rig.apply(2, 2, 2, "get x", read(Some("1")));
    (rig, w)
}

#[test]
fn a_write_known_never_to_have_happened_makes_an_earlier_read_of_it_a_violation() {
    // n1 takes `put x 1`; n2 answers a read with 1 while the write's outcome
    // is unknown (it may have happened). Then the write's entry is found
    // overwritten with a different entry committed at its index: it never
    // took effect, and the read's answer has no explanation. Only the
    // client outcome (no entry applied) brings the news.
    let (mut rig, w) = read_of_a_write_not_yet_answered();
    rig.assert_clean();
    let reason = OpFailure::Overwritten { index: 2, term: 1 };
    rig.at(9).attempt_failed(1, w, reason, true);
    rig.assert_only(Property::Linearizability, 9, &[], &[], None);
}

#[test]
fn a_write_whose_outcome_is_unknown_may_or_may_not_have_happened() {
    // The same shape as above, but the leader crashed before answering: the
    // write may have taken effect, so the read of 1 is explained.
    let (mut rig, w) = read_of_a_write_not_yet_answered();
    let reason = OpFailure::LeaderCrashed { node: 1 };
    rig.at(9).attempt_failed(1, w, reason, false);
    rig.assert_clean();
}

#[test]
fn each_key_is_checked_on_its_own_and_a_broken_key_is_reported_once() {
    let mut rig = Rig::new();
    rig.at(2);
    rig.propose(1, 2, 1, "put a 1");
    rig.propose(1, 3, 1, "put b 1");
    rig.at(4);
    rig.apply(1, 2, 1, "put a 1", written(None));
    rig.apply(1, 3, 1, "put b 1", written(None));
    rig.at(5);
    rig.propose(1, 4, 1, "get b");
    rig.at(7);
    rig.apply(1, 4, 1, "get b", read(Some("2")));
    rig.at(8);
    rig.propose(1, 5, 1, "get a");
    rig.propose(1, 6, 1, "get b");
    rig.at(10);
    rig.apply(1, 5, 1, "get a", read(Some("1")));
    rig.apply(1, 6, 1, "get b", read(Some("3")));
    // b's first bad read is the violation; the key is then closed, and key a
    // is fine.
    rig.assert_only(Property::Linearizability, 7, &[1], &[(4, 1)], None);
}
