//! A doomed entry, said once: the leader that does not hold an entry will
//! overwrite it (§5.3). `sim::leadership::overwrites` decides; the entry
//! card's verdict and the client panel's pending operation both follow it,
//! so they can never disagree. A retry is said relative to the tick on
//! screen.

use raftlab::sim::Simulation;
use raftlab::view::client_view::{status_text, OpContext};
use raftlab::view::entry_view::{analyse, facts, Verdict};
use raftlab::view::i18n::Lang;
use raftlab::view::pending_op;

/// n1 leads term 1, is isolated, takes `put x 1` at index 2 that it can
/// never replicate; n2 wins term 2 and appends its own no-op at index 2.
fn deposed_leader_with_a_pending_entry() -> Simulation {
    let mut sim = pending_op::n1_leads();
    sim.isolate(1).unwrap();
    sim.propose_to(1, "put x 1").unwrap();
    sim.campaign(2).unwrap();
    sim.run(15).unwrap();
    sim
}

#[test]
fn the_entry_card_and_the_client_panel_agree_that_the_entry_will_be_overwritten() {
    let sim = deposed_leader_with_a_pending_entry();
    let w = sim.world();
    assert_eq!(w.leader(), Some(2));
    let n1 = w.slot(1).unwrap();
    assert_eq!(n1.node.log().last_index(), 2);
    assert_eq!(n1.node.log().term_at(2), Some(1));
    assert_eq!(
        w.slot(2).unwrap().node.log().term_at(2),
        Some(2),
        "n2's no-op"
    );
    // The simulation's rule.
    assert_eq!(w.overwritten_by(2, 1), Some(2));
    assert_eq!(
        w.overwritten_by(2, 2),
        None,
        "the leader's own entry is not doomed"
    );
    assert_eq!(
        w.overwritten_by(1, 1),
        None,
        "the committed no-op of term 1"
    );
    // The entry card: n1's cell at index 2.
    let report = analyse(&facts(w), 1, 2, |_, _| true, false);
    assert_eq!(
        report.verdict,
        Verdict::LeaderLacks {
            leader: 2,
            leader_term: 2,
            theirs: Some(2)
        }
    );
    assert!(report
        .headline(Lang::En, raftlab::view::node_names::NodeNames::DEFAULT)
        .contains("will be overwritten"));
    // The client panel: the operation is pending at n1, index 2, term 1.
    let op = &w.client().ops()[0];
    let ctx = OpContext::of(w, op);
    assert_eq!(ctx.overwritten_by, Some(2));
    assert_eq!(
        status_text(
            Lang::En,
            raftlab::view::node_names::NodeNames::DEFAULT,
            op,
            ctx
        ),
        "pending at n1 index 2 term 1: will be overwritten — leader n2 does not hold it (§5.3)"
    );
    assert!(status_text(
        Lang::Zh,
        raftlab::view::node_names::NodeNames::DEFAULT,
        op,
        ctx
    )
    .contains("将被覆盖——领导者 n2 没有这一条"));
}

#[test]
fn a_pending_entry_the_leader_holds_is_waiting_not_doomed() {
    let sim = pending_op::put_pending_at_n1();
    let w = sim.world();
    let op = &w.client().ops()[0];
    let ctx = OpContext::of(w, op);
    assert_eq!(ctx.overwritten_by, None);
    assert!(status_text(
        Lang::En,
        raftlab::view::node_names::NodeNames::DEFAULT,
        op,
        ctx
    )
    .ends_with("waiting for a majority"));
}
