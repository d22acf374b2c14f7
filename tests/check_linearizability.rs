//! Linearizability (§8; thesis §6.3): every client operation appears to take
//! effect at one instant between its invocation and its response. The check
//! is incremental: `Checker::observe` notes the keys with news (an entry
//! applied, a client outcome), and `Checker::check_client` searches only
//! those keys' histories. Here the client's history is made by hand with the
//! calls the world makes (`Client::new_op`, `appended`, `attempt_failed`) and
//! the trace events the world records, through the same path.

mod common;

use common::check::*;
use raftlab::raft::{ApplyResult, Event, Index, NodeId, Term};
use raftlab::sim::{OpFailure, Property, SimEvent, Target, TraceKind};

/// Submits `command` at the rig's tick and has leader `node` append it at
/// (index, term); returns the op's position.
fn propose(rig: &mut Rig, node: NodeId, index: Index, term: Term, command: &str) -> usize {
    let tick = rig.tick;
    let i = rig.client.new_op(tick, Target::Cluster, cmd(command));
    rig.client.appended(i, tick, node, index, term);
    i
}

/// `node` applies (index, term) holding `command` with this result, then the
/// step ends.
fn apply(
    rig: &mut Rig,
    node: NodeId,
    index: Index,
    term: Term,
    command: &str,
    result: ApplyResult,
) {
    rig.event(
        node,
        Event::Applied {
            index,
            term,
            command: Some(cmd(command)),
            result,
        },
    );
    rig.step(&[]);
}

fn written(previous: Option<&str>) -> ApplyResult {
    ApplyResult::Written {
        previous: previous.map(str::to_string),
    }
}

fn read(value: Option<&str>) -> ApplyResult {
    ApplyResult::Read {
        value: value.map(str::to_string),
    }
}

#[test]
fn a_stale_read_after_a_committed_write_is_a_violation_naming_the_reader() {
    let mut rig = Rig::new();
    rig.at(2);
    propose(&mut rig, 1, 2, 2, "put x 1");
    rig.at(5);
    apply(&mut rig, 1, 2, 2, "put x 1", written(None));
    assert_eq!(rig.violations(), []);
    // A stale leader of term 1 (n2) answers a later read from its own log.
    rig.at(6);
    propose(&mut rig, 2, 3, 1, "get x");
    rig.at(8);
    apply(&mut rig, 2, 3, 1, "get x", read(None));
    assert_eq!(
        rig.violations(),
        [violation(
            Property::Linearizability,
            8,
            &[2],
            &[(3, 1)],
            None
        )]
    );
}

#[test]
fn the_same_history_reading_the_written_value_passes() {
    let mut rig = Rig::new();
    rig.at(2);
    propose(&mut rig, 1, 2, 2, "put x 1");
    rig.at(5);
    apply(&mut rig, 1, 2, 2, "put x 1", written(None));
    rig.at(6);
    propose(&mut rig, 1, 3, 2, "get x");
    rig.at(8);
    apply(&mut rig, 1, 3, 2, "get x", read(Some("1")));
    // Concurrent writes read in either order are fine too.
    rig.at(9);
    propose(&mut rig, 1, 4, 2, "put y a");
    propose(&mut rig, 1, 5, 2, "put y b");
    rig.at(10);
    propose(&mut rig, 1, 6, 2, "get y");
    rig.at(12);
    apply(&mut rig, 1, 5, 2, "put y b", written(None));
    apply(&mut rig, 1, 4, 2, "put y a", written(Some("b")));
    apply(&mut rig, 1, 6, 2, "get y", read(Some("a")));
    assert_eq!(rig.violations(), []);
}

#[test]
fn a_write_known_never_to_have_happened_makes_an_earlier_read_of_it_a_violation() {
    // n1 takes `put x 1`; n2 answers a read with 1 while the write's outcome
    // is unknown (it may have happened). Then the write's entry is found
    // overwritten with a different entry committed at its index: it never
    // took effect, and the read's answer has no explanation. Only the
    // client outcome (no entry applied) brings the news.
    let mut rig = Rig::new();
    rig.at(2);
    let w = propose(&mut rig, 1, 2, 1, "put x 1");
    rig.at(4);
    propose(&mut rig, 2, 2, 2, "get x");
    rig.at(6);
    apply(&mut rig, 2, 2, 2, "get x", read(Some("1")));
    assert_eq!(rig.violations(), []);
    rig.at(9);
    let reason = OpFailure::Overwritten { index: 2, term: 1 };
    rig.client.attempt_failed(w, 9, reason, true, 10);
    let op = rig.client.ops()[w].id;
    rig.record(1, TraceKind::Sim(SimEvent::ClientOutcome { op, ok: false }));
    rig.step(&[]);
    assert_eq!(
        rig.violations(),
        [violation(Property::Linearizability, 9, &[], &[], None)]
    );
}

#[test]
fn a_write_whose_outcome_is_unknown_may_or_may_not_have_happened() {
    // The same shape as above, but the leader crashed before answering: the
    // write may have taken effect, so the read of 1 is explained.
    let mut rig = Rig::new();
    rig.at(2);
    let w = propose(&mut rig, 1, 2, 1, "put x 1");
    rig.at(4);
    propose(&mut rig, 2, 2, 2, "get x");
    rig.at(6);
    apply(&mut rig, 2, 2, 2, "get x", read(Some("1")));
    rig.at(9);
    let reason = OpFailure::LeaderCrashed { node: 1 };
    rig.client.attempt_failed(w, 9, reason, false, 10);
    let op = rig.client.ops()[w].id;
    rig.record(1, TraceKind::Sim(SimEvent::ClientOutcome { op, ok: false }));
    rig.step(&[]);
    assert_eq!(rig.violations(), []);
}

#[test]
fn each_key_is_checked_on_its_own_and_a_broken_key_is_reported_once() {
    let mut rig = Rig::new();
    rig.at(2);
    propose(&mut rig, 1, 2, 1, "put a 1");
    propose(&mut rig, 1, 3, 1, "put b 1");
    rig.at(4);
    apply(&mut rig, 1, 2, 1, "put a 1", written(None));
    apply(&mut rig, 1, 3, 1, "put b 1", written(None));
    rig.at(5);
    propose(&mut rig, 1, 4, 1, "get b");
    rig.at(7);
    apply(&mut rig, 1, 4, 1, "get b", read(Some("2")));
    rig.at(8);
    propose(&mut rig, 1, 5, 1, "get a");
    propose(&mut rig, 1, 6, 1, "get b");
    rig.at(10);
    apply(&mut rig, 1, 5, 1, "get a", read(Some("1")));
    apply(&mut rig, 1, 6, 1, "get b", read(Some("3")));
    // b's first bad read is the violation; the key is then closed, and key a
    // is fine.
    assert_eq!(
        rig.violations(),
        [violation(
            Property::Linearizability,
            7,
            &[1],
            &[(4, 1)],
            None
        )]
    );
}
