//! The state of an undirected link as the UI shows it, and what clicking it does.

use crate::raft::NodeId;
use crate::sim::{Action, Network};

/// A link between `a < b` as one of four states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkState {
    /// Both directions work.
    Up,
    /// Both directions are cut.
    Cut,
    /// Only messages from `a` to `b` get through.
    OneWayAB,
    /// Only messages from `b` to `a` get through.
    OneWayBA,
}

impl LinkState {
    /// Reads the state of link `a`–`b` from the network.
    pub fn of(net: &Network, a: NodeId, b: NodeId) -> LinkState {
        match (net.is_up(a, b), net.is_up(b, a)) {
            (true, true) => LinkState::Up,
            (false, false) => LinkState::Cut,
            (true, false) => LinkState::OneWayAB,
            (false, true) => LinkState::OneWayBA,
        }
    }

    /// `up`, `cut`, `one-way-a-b` (a → b only), `one-way-b-a` (`data-link-state`).
    pub fn name(self) -> &'static str {
        match self {
            LinkState::Up => "up",
            LinkState::Cut => "cut",
            LinkState::OneWayAB => "one-way-a-b",
            LinkState::OneWayBA => "one-way-b-a",
        }
    }

    /// The actions that move link `a`–`b` to the next state in the cycle
    /// up → cut → a→b only → b→a only → up.
    pub fn cycle_actions(self, a: NodeId, b: NodeId) -> Vec<Action> {
        match self {
            LinkState::Up => vec![Action::Cut(a, b)],
            LinkState::Cut => vec![Action::ConnectOneWay(a, b)],
            LinkState::OneWayAB => vec![Action::CutOneWay(a, b), Action::ConnectOneWay(b, a)],
            LinkState::OneWayBA => vec![Action::ConnectOneWay(a, b)],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{SimConfig, Simulation};

    #[test]
    fn clicking_cycles_through_all_four_states() {
        let mut sim = Simulation::new(SimConfig {
            nodes: 3,
            ..SimConfig::default()
        })
        .unwrap();
        let mut seen = Vec::new();
        for _ in 0..5 {
            let state = LinkState::of(sim.world().network(), 1, 3);
            seen.push(state.name());
            for action in state.cycle_actions(1, 3) {
                sim.act(action).unwrap();
            }
        }
        assert_eq!(seen, ["up", "cut", "one-way-a-b", "one-way-b-a", "up"]);
    }
}
