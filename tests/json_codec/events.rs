//! The event data of traces: every event the built-in scenarios record, and
//! one of every variant by hand, is written as `serde` wrote it.

use crate::raft_events::raft_events;
use raftlab::raft::MessageKind;
use raftlab::scenario;
use raftlab::sim::{AckReason, DropReason, ReplicationMode, SimEvent, TraceKind};
use raftlab::view::share::codec;
use std::collections::BTreeSet;

/// The recent events of every built-in scenario, run to its end.
fn many_events() -> Vec<raftlab::sim::TraceEvent> {
    let mut out = Vec::new();
    for sc in scenario::all() {
        let sim = sc.build(sc.steps.len() - 1).unwrap();
        out.extend(sim.world().trace().recent().cloned());
    }
    out
}

#[test]
fn every_event_s_data_is_written_as_serde_wrote_it() {
    let events = many_events();
    let mut kinds = BTreeSet::new();
    for e in &events {
        let ours = codec::to_string(&e.kind);
        assert_eq!(ours, serde_json::to_string(&e.kind).unwrap());
        kinds.insert(raftlab::view::explain::kind_name(&e.kind));
    }
    assert!(events.len() > 4_000, "{}", events.len());
    assert!(kinds.len() >= 30, "{kinds:?}");
}

/// One simulation event of every variant, down to the reasons they carry.
fn sim_events() -> Vec<SimEvent> {
    let kinds = MessageKind::ALL;
    let reasons = [
        DropReason::Lost,
        DropReason::LinkCut,
        DropReason::ReceiverDown,
        DropReason::ByUser,
        DropReason::Overflow,
    ];
    let mut sim = vec![
        SimEvent::Paused,
        SimEvent::Resumed,
        SimEvent::MessageDuplicated { id: 7 },
        SimEvent::MessageHeld { id: 7 },
        SimEvent::MessageReleased { id: 7 },
    ];
    sim.extend(
        kinds
            .into_iter()
            .zip(reasons.into_iter().cycle())
            .map(|(kind, reason)| SimEvent::MessageDropped {
                id: 9,
                kind,
                to: 2,
                reason,
            }),
    );
    let acks = [
        AckReason::Appended,
        AckReason::FollowerStored {
            stored: 1,
            followers: 4,
        },
        AckReason::AllStored { followers: 4 },
        AckReason::Committed { commit_index: 3 },
    ];
    let modes = [
        ReplicationMode::Async,
        ReplicationMode::SemiSync,
        ReplicationMode::Sync,
        ReplicationMode::Raft,
    ];
    sim.extend(
        acks.into_iter()
            .zip(modes)
            .map(|(reason, mode)| SimEvent::WriteAcknowledged {
                op: 1,
                index: 2,
                term: 1,
                mode,
                reason,
            }),
    );
    sim
}

/// One of every variant the scenarios above do not all reach, down to the
/// reasons they carry.
fn hand_built_events() -> Vec<TraceKind> {
    let mut out: Vec<TraceKind> = raft_events().into_iter().map(TraceKind::Raft).collect();
    out.extend(sim_events().into_iter().map(TraceKind::Sim));
    out
}

#[test]
fn every_kind_of_event_s_data_is_written_as_serde_wrote_it() {
    let mut kinds = BTreeSet::new();
    for k in hand_built_events() {
        assert_eq!(codec::to_string(&k), serde_json::to_string(&k).unwrap());
        assert_eq!(
            codec::to_string_pretty(&k),
            serde_json::to_string_pretty(&k).unwrap()
        );
        kinds.insert(codec::to_string(&k).split('"').nth(3).map(str::to_string));
    }
    for e in many_events() {
        kinds.insert(
            codec::to_string(&e.kind)
                .split('"')
                .nth(3)
                .map(str::to_string),
        );
    }
    // Every variant of Event (29) and SimEvent (12) is among them.
    assert_eq!(kinds.len(), 29 + 12, "{kinds:?}");
}
