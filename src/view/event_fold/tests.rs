use super::*;
use crate::sim::{SimConfig, Simulation};

/// A 3-node run: n1 leads, then the link n1–n3 is cut for `ticks`.
fn cut_run(ticks: u64) -> Simulation {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        ..SimConfig::default()
    })
    .unwrap();
    sim.campaign(1).unwrap();
    sim.run(10).unwrap();
    sim.cut(1, 3).unwrap();
    sim.run(ticks).unwrap();
    sim
}

fn heartbeat_in(sim: &Simulation) -> impl Fn(MsgId) -> bool + '_ {
    |id| {
        sim.world()
            .message_log()
            .find(id)
            .is_some_and(|r| r.heartbeat)
    }
}

#[test]
fn heartbeats_lost_on_a_cut_link_fold_into_one_line() {
    let sim = cut_run(60);
    let trace = sim.world().trace();
    let hb = heartbeat_in(&sim);
    let lost: Vec<&TraceEvent> = trace
        .recent()
        .filter(|e| drop_key(e, &hb).is_some_and(|k| k.heartbeat && k.from == 1 && k.to == 3))
        .collect();
    assert!(
        lost.len() >= 5,
        "n1 kept sending heartbeats to n3: {}",
        lost.len()
    );
    let drops_only: Vec<&TraceEvent> = trace
        .recent()
        .rev()
        .filter(|e| matches!(e.kind, TraceKind::Sim(SimEvent::MessageDropped { .. })))
        .collect();
    let folded = fold(drops_only.iter().copied(), &hb, true);
    let line = folded
        .iter()
        .find(|f| {
            f.drop
                .is_some_and(|k| k.heartbeat && (k.from, k.to) == (1, 3))
        })
        .expect("a folded line");
    assert_eq!(
        line.count,
        lost.len(),
        "every lost heartbeat n1→n3 in one line"
    );
    assert_eq!(line.oldest_tick, lost[0].tick);
    assert_eq!(line.event.tick, lost[lost.len() - 1].tick, "at the newest");
    let k = line.drop.unwrap();
    assert_eq!(k.reason, DropReason::LinkCut);
    assert_eq!(
        folded_drop_text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &k,
            12,
            40,
            95
        ),
        "12 heartbeats lost on the cut link n1→n3 (ticks 40–95)"
    );
    assert_eq!(
        folded_drop_text(
            Lang::Zh,
            crate::view::node_names::NodeNames::DEFAULT,
            &k,
            12,
            40,
            95
        ),
        "12 个心跳在断开的链路 n1→n3 上丢失（时刻 40–95）"
    );
    // The heartbeat filter hides them, like the heartbeats themselves.
    let hidden = fold(drops_only.iter().copied(), &hb, false);
    assert!(hidden.iter().all(|f| !f.drop.is_some_and(|k| k.heartbeat)));
}

fn ev(tick: u64, node: NodeId, kind: TraceKind) -> TraceEvent {
    TraceEvent { tick, node, kind }
}

fn dropped(id: MsgId, to: NodeId) -> TraceKind {
    TraceKind::Sim(SimEvent::MessageDropped {
        id,
        kind: MessageKind::RequestVote,
        to,
        reason: DropReason::Lost,
    })
}

#[test]
fn folding_stops_at_any_other_event_and_keeps_links_apart() {
    // Newest first: two drops to n2 around one to n3, then a crash, then
    // another drop to n2.
    let events = [
        ev(9, 1, dropped(5, 2)),
        ev(8, 1, dropped(4, 3)),
        ev(7, 1, dropped(3, 2)),
        ev(6, 2, TraceKind::Sim(SimEvent::Crashed)),
        ev(5, 1, dropped(1, 2)),
    ];
    let never = |_: MsgId| false;
    let folded = fold(events.iter(), &never, false);
    let summary: Vec<(u64, usize, u64)> = folded
        .iter()
        .map(|f| (f.event.tick, f.count, f.oldest_tick))
        .collect();
    assert_eq!(summary, [(9, 2, 7), (8, 1, 8), (6, 1, 6), (5, 1, 5)]);
    let k = folded[0].drop.unwrap();
    assert_eq!(
        folded_drop_text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &k,
            2,
            7,
            9
        ),
        "2 × RequestVote from n1 to n2 never arrived: the network lost them (ticks 7–9)"
    );
    assert!(folded_drop_text(
        Lang::Zh,
        crate::view::node_names::NodeNames::DEFAULT,
        &k,
        2,
        7,
        9
    )
    .starts_with("n1 发给 n2 的 2 条"));
}

#[test]
fn accepted_heartbeats_in_between_do_not_end_a_run() {
    let hb = TraceKind::Raft(crate::raft::Event::AppendAccepted {
        leader: 1,
        prev_log_index: 0,
        entries: 0,
        match_index: 0,
    });
    let events = [
        ev(9, 1, dropped(5, 3)),
        ev(9, 2, hb.clone()),
        ev(8, 1, dropped(4, 3)),
        ev(8, 2, hb),
        ev(7, 1, dropped(3, 3)),
    ];
    let never = |_: MsgId| false;
    let folded = fold(events.iter(), &never, true);
    let counts: Vec<usize> = folded.iter().map(|f| f.count).collect();
    assert_eq!(
        counts,
        [3, 1, 1],
        "one line for the three losses, the heartbeats kept"
    );
}
