//! Layout math of the space-time diagram, on hand-built logs and on a run.

use super::*;
use crate::chunked::Chunked;
use crate::raft::{Message, MessageBody, MessageKind};
use crate::sim::msglog::MsgSummary;
use crate::sim::{SimConfig, Simulation};

fn summary(from: NodeId, to: NodeId, body: MessageBody) -> MsgSummary {
    MsgSummary::of(
        &Message {
            from,
            to,
            term: 1,
            body,
        },
        false,
    )
}

fn heartbeat(from: NodeId, to: NodeId) -> MsgSummary {
    summary(
        from,
        to,
        MessageBody::AppendEntries {
            prev_log: crate::raft::LogPosition::default(),
            read_ctx: None,
            entries: vec![],
            leader_commit: 0,
        },
    )
}

fn vote(from: NodeId, to: NodeId) -> MsgSummary {
    summary(
        from,
        to,
        MessageBody::RequestVote {
            pre_vote: false,
            last_log: crate::raft::LogPosition::default(),
            leader_transfer: false,
        },
    )
}

/// A hand-built message and lane log, with no marks and no client ops.
struct Hand<'a> {
    nodes: &'a [NodeId],
    log: &'a MessageLog,
    lanes: &'a LaneLog,
    now: u64,
    marks: Chunked<Mark>,
    ops: Chunked<ClientOp>,
}

fn hand<'a>(nodes: &'a [NodeId], log: &'a MessageLog, lanes: &'a LaneLog, now: u64) -> Hand<'a> {
    Hand {
        nodes,
        log,
        lanes,
        now,
        marks: Chunked::new(),
        ops: Chunked::new(),
    }
}

impl Hand<'_> {
    /// The diagram of the hand-built logs.
    fn layout(&self, opt: &StOptions) -> StLayout {
        let input = StInput {
            nodes: self.nodes,
            messages: self.log,
            lanes: self.lanes,
            marks: &self.marks,
            ops: &self.ops,
            now: self.now,
        };
        layout(&input, opt)
    }
}

/// The diagram's input from a whole run's world.
fn world_input<'a>(w: &'a crate::sim::World, ids: &'a [NodeId]) -> StInput<'a> {
    StInput {
        nodes: ids,
        messages: w.message_log(),
        lanes: w.lane_log(),
        marks: w.trace().marks(),
        ops: w.client().ops(),
        now: w.tick(),
    }
}

fn opts(span: u64) -> StOptions {
    StOptions {
        span,
        width: LABEL_W + 8.0 + span as f64 * 10.0, // 10 px per tick
        ..StOptions::default()
    }
}

#[test]
fn arrow_endpoints_come_from_send_and_delivery_ticks() {
    let mut log = MessageLog::default();
    log.sent(1, &vote(1, 3), 10, 13);
    log.set_fate(1, MsgFate::Delivered(14));
    log.sent(2, &vote(1, 2), 10, 12);
    log.set_fate(2, MsgFate::Dropped(11, DropReason::LinkCut));
    log.sent(3, &vote(2, 1), 18, 22);
    let lanes = LaneLog::default();
    let input = hand(&[1, 2, 3], &log, &lanes, 20);
    let l = input.layout(&opts(20));
    assert_eq!((l.t0, l.t1), (0, 20));
    let a = &l.arrows[0];
    // x = LABEL_W + tick * 10; lane y = TOP + LANE_H * (i + 0.5).
    assert_eq!(
        (a.x1, a.y1, a.x2, a.y2),
        (LABEL_W + 100.0, TOP + 17.0, LABEL_W + 140.0, TOP + 85.0)
    );
    assert_eq!((a.end, a.delivered), (ArrowEnd::Delivered, Some(14)));
    let d = &l.arrows[1];
    assert_eq!(d.end, ArrowEnd::Dropped(DropReason::LinkCut));
    assert_eq!((d.x2, d.y2), (LABEL_W + 110.0, TOP + 34.0)); // died half-way
    let f = &l.arrows[2];
    // In flight: 2 of 4 ticks travelled, so half-way between n2 and n1 now.
    assert_eq!(
        (f.end, f.x2, f.y2),
        (ArrowEnd::InFlight, LABEL_W + 200.0, TOP + 34.0)
    );
    assert_eq!(l.cursor_x, Some(LABEL_W + 200.0));
    assert_eq!((l.x_at(14), l.x_at(21)), (Some(LABEL_W + 140.0), None));
}

#[test]
fn heartbeats_collapse_into_one_mark_per_broadcast_unless_shown() {
    let mut log = MessageLog::default();
    for (id, to) in [(1, 2), (2, 3), (3, 4)] {
        log.sent(id, &heartbeat(1, to), 5, 7);
        log.set_fate(id, MsgFate::Delivered(7));
    }
    log.sent(
        4,
        &MsgSummary {
            heartbeat: true,
            granted: Some(true),
            ..vote(2, 1)
        },
        7,
        9,
    );
    log.sent(5, &vote(3, 1), 8, 10);
    let lanes = LaneLog::default();
    let input = hand(&[1, 2, 3, 4], &log, &lanes, 10);
    let l = input.layout(&opts(20));
    assert_eq!(l.arrows.iter().map(|a| a.id).collect::<Vec<_>>(), vec![5]);
    let hb: Vec<_> = l.marks.iter().map(|m| (m.node, m.tick, m.kind)).collect();
    assert_eq!(hb, vec![(1, 5, StMarkKind::Heartbeats(3))]);
    let shown = input.layout(&StOptions {
        show_heartbeats: true,
        ..opts(20)
    });
    assert_eq!(shown.arrows.len(), 5);
    assert!(shown.marks.is_empty());
}

#[test]
fn window_filters_and_hidden_nodes_and_kinds() {
    let mut log = MessageLog::default();
    log.sent(1, &vote(1, 2), 2, 4);
    log.set_fate(1, MsgFate::Delivered(4));
    log.sent(2, &vote(1, 3), 50, 53);
    log.set_fate(2, MsgFate::Delivered(53));
    log.sent(3, &vote(2, 3), 52, 54);
    let lanes = LaneLog::default();
    let input = hand(&[1, 2, 3], &log, &lanes, 60);
    let l = input.layout(&opts(20)); // ticks 40..=60
    assert_eq!(
        l.arrows.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![2, 3]
    );
    let hidden = input.layout(&StOptions {
        hidden_nodes: vec![2],
        ..opts(20)
    });
    assert_eq!(
        hidden.arrows.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![2]
    );
    assert_eq!(
        hidden
            .lanes
            .iter()
            .map(|l| (l.node, l.y))
            .collect::<Vec<_>>(),
        vec![(1, TOP + 17.0), (3, TOP + 51.0)]
    );
    let no_votes = input.layout(&StOptions {
        hidden_kinds: vec![MessageKind::RequestVote],
        ..opts(20)
    });
    assert!(no_votes.arrows.is_empty());
    let hl = input.layout(&StOptions {
        highlight: Some(3),
        ..opts(20)
    });
    assert!(hl.arrows.iter().all(|a| !a.dim));
    let hl1 = input.layout(&StOptions {
        highlight: Some(1),
        ..opts(20)
    });
    assert_eq!(
        hl1.arrows.iter().map(|a| a.dim).collect::<Vec<_>>(),
        vec![false, true]
    );
    let back = input.layout(&StOptions {
        back: 55,
        ..opts(20)
    }); // ticks 0..=5
    assert_eq!((back.t0, back.t1, back.cursor_x), (0, 5, None));
    assert_eq!(
        back.arrows.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![1]
    );
}

#[test]
fn draws_at_most_the_newest_arrows() {
    let mut log = MessageLog::default();
    for id in 0..(MAX_ARROWS as u64 + 25) {
        log.sent(id, &vote(1, 2), 10, 12);
    }
    let lanes = LaneLog::default();
    let input = hand(&[1, 2], &log, &lanes, 11);
    let l = input.layout(&opts(20));
    assert_eq!((l.arrows.len(), l.capped), (MAX_ARROWS, 25));
    assert_eq!(l.arrows[0].id, 25);
}

#[test]
fn lifelines_and_term_bands_follow_a_real_election() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        ..SimConfig::default()
    })
    .unwrap();
    sim.campaign(1).unwrap();
    sim.run(10).unwrap();
    let w = sim.world();
    let ids = [1, 2, 3];
    let input = world_input(w, &ids);
    let l = layout(
        &input,
        &StOptions {
            span: 20,
            ..StOptions::default()
        },
    );
    let n1: Vec<_> = l.lanes[0].spans.iter().map(|s| (s.role, s.term)).collect();
    assert_eq!(n1.last(), Some(&(Role::Leader, 1)));
    assert!(n1.contains(&(Role::Candidate, 1)));
    assert_eq!(l.bands.iter().map(|b| b.term).collect::<Vec<_>>(), vec![1]);
    // Every RequestVote n1 sent is an arrow that the receivers got.
    let votes: Vec<_> = l
        .arrows
        .iter()
        .filter(|a| a.kind == MessageKind::RequestVote)
        .map(|a| (a.from, a.to, a.end))
        .collect();
    assert_eq!(
        votes,
        vec![(1, 2, ArrowEnd::Delivered), (1, 3, ArrowEnd::Delivered)]
    );
    assert!(l
        .marks
        .iter()
        .any(|m| m.kind == StMarkKind::Trace(MarkKind::Elected { term: 1 }) && m.node == 1));
}

#[test]
fn client_lane_shows_each_operation_from_call_to_answer() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        ..SimConfig::default()
    })
    .unwrap();
    sim.campaign(1).unwrap();
    sim.run(10).unwrap();
    sim.propose_to(1, "put x 1").unwrap();
    let called = sim.world().tick();
    sim.run(15).unwrap();
    sim.propose_to(1, "put y 2").unwrap();
    sim.run(1).unwrap();
    let w = sim.world();
    let ids = [1, 2, 3];
    let input = world_input(w, &ids);
    let l = layout(
        &input,
        &StOptions {
            span: 40,
            ..StOptions::default()
        },
    );
    let ops: Vec<_> = l
        .ops
        .iter()
        .map(|o| (o.label.as_str(), o.call, o.outcome))
        .collect();
    assert_eq!(
        ops,
        vec![
            ("put x 1", called, OpOutcome::Ok),
            ("put y 2", called + 15, OpOutcome::Open)
        ]
    );
    let first = &l.ops[0];
    assert!(first.ret.unwrap() > first.call && first.x2 > first.x1);
    assert_eq!(l.ops[1].x2, l.x_at(w.tick()).unwrap()); // open: reaches now
    assert!(l.height > l.client_y);
}

#[test]
fn cut_links_shade_the_lanes_they_touch() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        ..SimConfig::default()
    })
    .unwrap();
    sim.run(10).unwrap();
    sim.isolate(3).unwrap();
    sim.run(10).unwrap();
    sim.recover().unwrap();
    sim.run(5).unwrap();
    let w = sim.world();
    let ids = [1, 2, 3];
    let input = world_input(w, &ids);
    let l = layout(&input, &opts(25));
    // Every lane touches n3's cut links (n1–n3, n2–n3) for ticks 10..20.
    for lane in &l.lanes {
        assert_eq!(
            lane.cut,
            vec![(l.x_at(10).unwrap(), l.x_at(20).unwrap())],
            "n{}",
            lane.node
        );
    }
}

#[test]
fn a_linearizability_violation_s_conflicting_operations_are_flagged() {
    let sc = crate::scenario::find("stale-leader-read").unwrap();
    let sim = sc.build(sc.steps.len() - 1).unwrap();
    let w = sim.world();
    let ids = [1, 2, 3];
    let conflict_ops: Vec<u64> = w.checker().linearizability().conflicts()[0].ops.clone();
    let l = layout(
        &world_input(w, &ids),
        &StOptions {
            span: 200,
            conflict_ops,
            ..StOptions::default()
        },
    );
    let flagged: Vec<(u64, &str, bool)> = l
        .ops
        .iter()
        .map(|o| (o.id, o.label.as_str(), o.conflict))
        .collect();
    assert_eq!(
        flagged,
        vec![
            (1, "put x 1", false),
            (2, "get x", false),
            (3, "put x 2", true),
            (4, "get x", true),
        ]
    );
}

#[test]
fn the_cause_s_messages_are_those_its_node_exchanged_with_the_others_at_its_tick() {
    let mut log = MessageLog::default();
    log.sent(1, &vote(1, 2), 8, 10); // n1 → n2, delivered at the cause tick
    log.set_fate(1, MsgFate::Delivered(10));
    log.sent(2, &vote(2, 1), 10, 12); // n2's answer, sent at the cause tick
    log.sent(3, &vote(2, 3), 10, 12); // to n3, not involved
    log.sent(4, &vote(2, 1), 11, 13); // a tick later
    let lanes = LaneLog::default();
    let input = hand(&[1, 2, 3], &log, &lanes, 14);
    let o = StOptions {
        cause_at: Some((10, 2)),
        cause_nodes: vec![1, 2],
        ..opts(20)
    };
    let marked: Vec<(u64, bool)> = input
        .layout(&o)
        .arrows
        .iter()
        .map(|a| (a.id, a.cause))
        .collect();
    assert_eq!(marked, vec![(1, true), (2, true), (3, false), (4, false)]);
    let none: Vec<bool> = input
        .layout(&opts(20))
        .arrows
        .iter()
        .map(|a| a.cause)
        .collect();
    assert_eq!(none, vec![false; 4]);
}
