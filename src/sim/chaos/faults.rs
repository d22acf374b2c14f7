//! Single faults, one draw per tick: crashes (mostly of a leader) and
//! restarts, crash-restart blips, forced elections (sometimes two at once,
//! for split votes), partitions, isolation, cuts both ways or one way,
//! healing, loss and duplication, latency, pauses, and held, released and
//! dropped messages.

use super::schedule::Schedule;
use crate::raft::NodeId;
use crate::sim::action::Action;
use crate::sim::world::{NodeStatus, World};

impl Schedule {
    /// This tick's single fault: the actions to take now (a restart may be
    /// planned for later).
    pub(super) fn fault(&mut self, w: &World) -> Vec<Action> {
        let tick = w.tick();
        let ids = w.config().ids();
        let with = |s: NodeStatus| -> Vec<NodeId> {
            w.nodes()
                .iter()
                .filter(|x| x.status == s)
                .map(|x| x.node.id())
                .collect()
        };
        let (up, crashed, paused) = (
            with(NodeStatus::Up),
            with(NodeStatus::Crashed),
            with(NodeStatus::Paused),
        );
        let leaders: Vec<NodeId> = w
            .nodes()
            .iter()
            .filter(|x| x.status == NodeStatus::Up && x.is_leader())
            .map(|x| x.node.id())
            .collect();
        let in_flight: Vec<u64> = w.network().in_flight().iter().map(|e| e.id).collect();
        let held: Vec<u64> = w
            .network()
            .in_flight()
            .iter()
            .filter(|e| e.held)
            .map(|e| e.id)
            .collect();
        let r = self.rng.range(0, 100);
        let mut out = Vec::new();
        match r {
            // Crash, mostly a leader; sometimes restart it a few ticks later.
            0..=11 => {
                let victim = if self.rng.chance_permille(600) {
                    self.pick(&leaders)
                } else {
                    None
                }
                .or_else(|| self.pick(&up));
                if let Some(v) = victim {
                    out.push(Action::Crash(v));
                    if self.rng.chance_permille(500) {
                        let later = self
                            .rng
                            .range(0, 4 * u64::from(w.config().raft.election_timeout));
                        self.planned.push((tick + later, Action::Restart(v)));
                    }
                }
            }
            // A crash-restart blip: volatile state lost, back at once.
            12..=17 => {
                if let Some(v) = self.pick(&up) {
                    out.push(Action::Crash(v));
                    out.push(Action::Restart(v));
                }
            }
            18..=27 => {
                if let Some(v) = self.pick(&crashed) {
                    out.push(Action::Restart(v));
                }
            }
            // Forced elections, sometimes two at once (split votes).
            28..=39 => {
                if let Some(a) = self.pick(&up) {
                    out.push(Action::Campaign(a));
                    if self.rng.chance_permille(500) {
                        if let Some(b) = self.pick(&up) {
                            out.push(Action::Campaign(b));
                        }
                    }
                }
            }
            40..=47 => {
                let mut groups: Vec<Vec<NodeId>> = vec![Vec::new(), Vec::new()];
                for &id in &ids {
                    groups[self.rng.range(0, 2) as usize].push(id);
                }
                groups.retain(|g| !g.is_empty());
                out.push(Action::Partition(groups));
            }
            48..=50 => {
                if let Some(v) = self.pick(&ids) {
                    out.push(Action::Isolate(v));
                }
            }
            51..=55 => {
                let a = self.pick(&ids).unwrap_or(1);
                let b = self.pick(&ids).unwrap_or(1);
                if self.rng.chance_permille(600) {
                    out.push(Action::CutOneWay(a, b));
                } else {
                    out.push(Action::Cut(a, b));
                }
            }
            56..=63 => out.push(Action::Recover),
            64..=67 => {
                let loss = [0, 50, 150, 300][self.rng.range(0, 4) as usize];
                let duplicate = [0, 50, 150][self.rng.range(0, 3) as usize];
                out.push(Action::SetLoss { loss, duplicate });
            }
            68..=70 => {
                let min = self.rng.range(1, 4) as u32;
                let max = min + self.rng.range(0, 8) as u32;
                out.push(Action::SetLatency { min, max });
            }
            71..=74 => {
                if let Some(v) = self.pick(&up) {
                    out.push(Action::Pause(v));
                }
            }
            75..=80 => {
                if let Some(v) = self.pick(&paused) {
                    out.push(Action::Resume(v));
                }
            }
            81..=86 => {
                if let Some(m) = self.pick(&in_flight) {
                    out.push(Action::Hold(m));
                }
            }
            87..=92 => {
                if let Some(m) = self.pick(&held) {
                    out.push(Action::Release(m));
                }
            }
            93..=96 => {
                if let Some(m) = self.pick(&in_flight) {
                    out.push(Action::Drop(m));
                }
            }
            _ => {}
        }
        out
    }
}
