//! Lane log: each node's state over time (role, term, up/crashed/paused) as
//! segments, over a recent window, for the space-time diagram's lifelines.
//!
//! The world appends a segment whenever a node's (role, term, status)
//! changes, checked after every step and action, so the segments say what
//! the nodes *were* — the diagram never re-derives it from events.

use super::msglog::MSG_LOG_TICKS;
use super::world::NodeStatus;
use crate::raft::{NodeId, Role, Term};
use std::collections::VecDeque;

/// A node's state from `from` until the next segment (or now).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// First tick of this state.
    pub from: u64,
    /// Role (a crashed node keeps the role it had, meaningless while down).
    pub role: Role,
    /// Term.
    pub term: Term,
    /// Up, crashed or paused.
    pub status: NodeStatus,
}

/// Every node's segments, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LaneLog {
    lanes: Vec<(NodeId, VecDeque<Segment>)>,
    /// From each tick, the directed links that were cut.
    cuts: VecDeque<(u64, Vec<(NodeId, NodeId)>)>,
}

impl LaneLog {
    /// Notes node `id`'s state at `tick`; starts a segment if it changed.
    pub fn observe(&mut self, id: NodeId, tick: u64, role: Role, term: Term, status: NodeStatus) {
        let lane = match self.lanes.iter().position(|(n, _)| *n == id) {
            Some(i) => &mut self.lanes[i].1,
            None => {
                self.lanes.push((id, VecDeque::new()));
                crate::sort::sort_by_key(&mut self.lanes, |(n, _)| *n);
                let i = self.lanes.iter().position(|(n, _)| *n == id).unwrap_or(0);
                &mut self.lanes[i].1
            }
        };
        let same = lane
            .back()
            .is_some_and(|s| (s.role, s.term, s.status) == (role, term, status));
        if same {
            return;
        }
        match lane.back_mut() {
            Some(s) if s.from == tick => {
                *s = Segment {
                    from: tick,
                    role,
                    term,
                    status,
                }
            }
            _ => lane.push_back(Segment {
                from: tick,
                role,
                term,
                status,
            }),
        }
        // Keep one segment that started before the window, so the window's
        // left edge still knows the state.
        while lane.len() > 1 && lane[1].from.saturating_add(MSG_LOG_TICKS) < tick {
            lane.pop_front();
        }
    }

    /// Notes the set of cut directed links at `tick`; starts a new network
    /// segment if it changed.
    pub fn observe_cuts(&mut self, tick: u64, cut: impl Iterator<Item = (NodeId, NodeId)> + Clone) {
        let same = match self.cuts.back() {
            Some((_, last)) => last.iter().copied().eq(cut.clone()),
            None => cut.clone().next().is_none(),
        };
        if same {
            return;
        }
        let now: Vec<(NodeId, NodeId)> = cut.collect();
        match self.cuts.back_mut() {
            Some((from, last)) if *from == tick => *last = now,
            _ => self.cuts.push_back((tick, now)),
        }
        while self.cuts.len() > 1 && self.cuts[1].0.saturating_add(MSG_LOG_TICKS) < tick {
            self.cuts.pop_front();
        }
    }

    /// Network segments: from each tick, the directed links cut (until the
    /// next segment).
    pub fn cuts(&self) -> impl Iterator<Item = &(u64, Vec<(NodeId, NodeId)>)> {
        self.cuts.iter()
    }

    /// Node `id`'s segments, oldest first (empty if never seen).
    pub fn lane(&self, id: NodeId) -> impl Iterator<Item = &Segment> {
        self.lanes
            .iter()
            .filter(move |(n, _)| *n == id)
            .flat_map(|(_, l)| l.iter())
    }

    /// The nodes seen, ascending.
    pub fn nodes(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.lanes.iter().map(|(n, _)| *n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_segments_only_on_change() {
        let mut l = LaneLog::default();
        l.observe(1, 0, Role::Follower, 0, NodeStatus::Up);
        l.observe(1, 1, Role::Follower, 0, NodeStatus::Up);
        l.observe(1, 5, Role::Candidate, 1, NodeStatus::Up);
        l.observe(1, 5, Role::Leader, 1, NodeStatus::Up); // same tick: replaced
        l.observe(1, 9, Role::Leader, 1, NodeStatus::Crashed);
        let s: Vec<_> = l.lane(1).map(|s| (s.from, s.role, s.status)).collect();
        assert_eq!(
            s,
            vec![
                (0, Role::Follower, NodeStatus::Up),
                (5, Role::Leader, NodeStatus::Up),
                (9, Role::Leader, NodeStatus::Crashed)
            ]
        );
    }

    #[test]
    fn network_segments_start_when_the_cut_set_changes() {
        let mut l = LaneLog::default();
        l.observe_cuts(0, [].into_iter());
        assert_eq!(l.cuts().count(), 0);
        l.observe_cuts(5, [(1, 2), (2, 1)].into_iter());
        l.observe_cuts(6, [(1, 2), (2, 1)].into_iter());
        l.observe_cuts(9, [].into_iter());
        let c: Vec<_> = l.cuts().map(|(t, c)| (*t, c.len())).collect();
        assert_eq!(c, vec![(5, 2), (9, 0)]);
    }

    #[test]
    fn forgets_segments_left_of_the_window_but_one() {
        let mut l = LaneLog::default();
        l.observe(2, 0, Role::Follower, 0, NodeStatus::Up);
        l.observe(2, 10, Role::Candidate, 1, NodeStatus::Up);
        l.observe(2, 20, Role::Follower, 1, NodeStatus::Up);
        l.observe(2, MSG_LOG_TICKS + 100, Role::Candidate, 2, NodeStatus::Up);
        let s: Vec<_> = l.lane(2).map(|s| s.from).collect();
        assert_eq!(s, vec![20, MSG_LOG_TICKS + 100]);
    }
}
