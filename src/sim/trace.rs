//! The run's trace: every event with its tick and node, a bounded window of
//! recent events for the UI, timeline marks, and a running hash that
//! identifies the run (determinism tests compare it).

use super::hash::Fnv64;
use super::network::{DropReason, MsgId};
use crate::chunked::Chunked;
use crate::raft::{Event, Index, MessageKind, NodeId, Term};
use serde::{Deserialize, Serialize};

/// How many recent events are kept for the event log.
pub const RECENT_EVENTS: usize = 2000;
/// The most timeline marks kept. Past it the older half is thinned (every
/// other commit mark first, then every other mark), so a long session's
/// timeline keeps its shape in bounded memory.
pub const MAX_MARKS: usize = 4096;

/// Something the simulation (not a Raft node) did.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SimEvent {
    /// The node crashed: volatile state is lost.
    Crashed,
    /// The node restarted from its persistent state.
    Restarted,
    /// The node was paused (timers frozen, inbox queued).
    Paused,
    /// The node resumed.
    Resumed,
    /// A directed link changed.
    LinkChanged {
        /// Sender side.
        from: NodeId,
        /// Receiver side.
        to: NodeId,
        /// Now up?
        up: bool,
    },
    /// A message did not arrive.
    MessageDropped {
        /// Its id.
        id: MsgId,
        /// Its kind.
        kind: MessageKind,
        /// Its receiver.
        to: NodeId,
        /// Why.
        reason: DropReason,
    },
    /// The network delivered a copy of a message twice.
    MessageDuplicated {
        /// The original's id.
        id: MsgId,
    },
    /// The user held a message.
    MessageHeld {
        /// Its id.
        id: MsgId,
    },
    /// The user released a held message.
    MessageReleased {
        /// Its id.
        id: MsgId,
    },
    /// A client operation was answered or gave up.
    ClientOutcome {
        /// The operation's id.
        op: u64,
        /// Success?
        ok: bool,
    },
    /// A new server joined the world (an empty log, no configuration yet);
    /// `leader` is asked to add it as a learner.
    ServerAdded {
        /// The leader that proposed it.
        leader: NodeId,
    },
    /// The leader answered a client before Raft would have (the run's
    /// replication mode allowed it; see `sim::replication_mode`).
    WriteAcknowledged {
        /// The operation's id.
        op: u64,
        /// The entry's index.
        index: Index,
        /// The entry's term.
        term: Term,
        /// The mode that allowed it.
        mode: super::replication_mode::ReplicationMode,
        /// Why it allowed it.
        reason: super::replication_mode::AckReason,
    },
}

/// One line of the trace.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TraceEvent {
    /// When.
    pub tick: u64,
    /// Which node (the node the event is about).
    pub node: NodeId,
    /// What.
    pub kind: TraceKind,
}

/// A Raft event or a simulation event.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TraceKind {
    /// A decision of the Raft core, with its reason.
    Raft(Event),
    /// Something the simulation did.
    Sim(SimEvent),
}

/// A mark on the timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MarkKind {
    /// A node became leader of a term.
    Elected {
        /// The term.
        term: Term,
    },
    /// A node crashed.
    Crash,
    /// A node restarted.
    Restart,
    /// A link changed (partition or heal).
    Link,
    /// The cluster's highest commit index advanced.
    Commit {
        /// To what.
        index: Index,
    },
}

/// A timeline mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// When.
    pub tick: u64,
    /// Which node.
    pub node: NodeId,
    /// What.
    pub kind: MarkKind,
}

/// The trace of one run. The recent window and the marks are [`Chunked`],
/// so checkpoints share them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trace {
    hash: u64,
    total: u64,
    /// The recent events; may hold up to one chunk more than the window,
    /// which [`Trace::recent`] leaves out.
    recent: Chunked<TraceEvent>,
    marks: Chunked<Mark>,
    max_commit: Index,
}

impl Default for Trace {
    fn default() -> Self {
        use std::hash::Hasher;
        Trace {
            hash: Fnv64::default().finish(),
            total: 0,
            recent: Chunked::new(),
            marks: Chunked::new(),
            max_commit: 0,
        }
    }
}

impl Trace {
    /// Notes its chunked storage (memory report, `examples/bench.rs`).
    pub fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        r.add("trace.recent", &self.recent);
        r.add("trace.marks", &self.marks);
    }

    /// Records one event: hashes it, keeps it in the recent window and adds
    /// a timeline mark when it is one.
    pub fn record(&mut self, event: TraceEvent) {
        self.hash = Fnv64::mix(self.hash, &event);
        self.total += 1;
        let mark = match &event.kind {
            TraceKind::Raft(Event::RoleChanged {
                to: crate::raft::Role::Leader,
                term,
                ..
            }) => Some(MarkKind::Elected { term: *term }),
            TraceKind::Raft(Event::CommitAdvanced { to, .. }) if *to > self.max_commit => {
                self.max_commit = *to;
                Some(MarkKind::Commit { index: *to })
            }
            TraceKind::Sim(SimEvent::Crashed) => Some(MarkKind::Crash),
            TraceKind::Sim(SimEvent::Restarted) => Some(MarkKind::Restart),
            TraceKind::Sim(SimEvent::LinkChanged { .. }) => Some(MarkKind::Link),
            _ => None,
        };
        if let Some(kind) = mark {
            let dup = self
                .marks
                .last()
                .is_some_and(|m| m.tick == event.tick && m.kind == kind);
            if !dup {
                self.marks.push(Mark {
                    tick: event.tick,
                    node: event.node,
                    kind,
                });
                if self.marks.len() > MAX_MARKS {
                    self.thin_marks();
                }
            }
        }
        self.recent.push(event);
        if self.recent.len() >= RECENT_EVENTS + crate::chunked::CHUNK {
            self.recent.drop_first_chunk();
        }
    }

    fn thin_marks(&mut self) {
        let half = self.marks.len() / 2;
        for only_commits in [true, false] {
            let (mut i, mut keep) = (0, false);
            let thinned = self.marks.iter().filter(|m| {
                i += 1;
                if i > half || (only_commits && !matches!(m.kind, MarkKind::Commit { .. })) {
                    return true;
                }
                keep = !keep;
                keep
            });
            self.marks = thinned.cloned().collect();
            if self.marks.len() <= MAX_MARKS * 3 / 4 {
                return;
            }
        }
    }

    /// The running hash of every event so far: equal hashes, equal runs.
    pub fn hash(&self) -> u64 {
        self.hash
    }

    /// How many events were recorded in all.
    pub fn total(&self) -> u64 {
        self.total
    }

    /// The most recent events, oldest first (at most [`RECENT_EVENTS`]).
    pub fn recent(&self) -> impl DoubleEndedIterator<Item = &TraceEvent> + ExactSizeIterator {
        self.recent
            .iter_from(self.recent.len().saturating_sub(RECENT_EVENTS))
    }

    /// Timeline marks, in tick order.
    pub fn marks(&self) -> &Chunked<Mark> {
        &self.marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_depends_on_every_event_and_window_is_bounded() {
        let mut a = Trace::default();
        let mut b = Trace::default();
        let ev = |tick| TraceEvent {
            tick,
            node: 1,
            kind: TraceKind::Sim(SimEvent::Crashed),
        };
        a.record(ev(1));
        b.record(ev(2));
        assert_ne!(a.hash(), b.hash());
        for t in 0..(RECENT_EVENTS as u64 + 10) {
            a.record(ev(t));
        }
        assert_eq!(a.recent().len(), RECENT_EVENTS);
        assert_eq!(a.total(), RECENT_EVENTS as u64 + 11);
        assert_eq!(a.marks()[0].kind, MarkKind::Crash);
    }

    #[test]
    fn marks_stay_bounded_and_keep_their_order() {
        let mut t = Trace::default();
        for tick in 0..20_000u64 {
            let kind = if tick % 10 == 0 {
                TraceKind::Sim(SimEvent::Crashed)
            } else {
                TraceKind::Raft(Event::CommitAdvanced {
                    from: tick - 1,
                    to: tick,
                    by: vec![1],
                })
            };
            t.record(TraceEvent {
                tick,
                node: 1,
                kind,
            });
        }
        assert!(t.marks().len() <= MAX_MARKS);
        assert!(t.marks().to_vec().windows(2).all(|w| w[0].tick < w[1].tick));
        // The newest marks are all there.
        assert_eq!(t.marks().last().map(|m| m.tick), Some(19_999));
        // Crash marks are thinned last: more of them survive than commits.
        let crashes = t
            .marks()
            .iter()
            .filter(|m| m.kind == MarkKind::Crash)
            .count();
        assert!(
            crashes * 10 > t.marks().len(),
            "{crashes} of {}",
            t.marks().len()
        );
    }
}
