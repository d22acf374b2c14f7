//! The client panel's line about the leader it believes in. The client
//! remembers the last leader that answered or redirected it (§8); once that
//! node has crashed or no longer leads, the line says "last known leader"
//! and why, instead of presenting it as the leader. Whether a node leads is
//! the simulation's definition ([`crate::sim::NodeSlot::is_leader`]).

use crate::raft::NodeId;
use crate::sim::{NodeSlot, NodeStatus};
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;

/// Where the client's remembered leader stands now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// It still counts as a leader.
    Leads,
    /// It has crashed.
    Crashed,
    /// It is up but no longer a leader (a newer term deposed it).
    NotLeader,
}

impl Standing {
    /// The standing of `slot`.
    pub fn of(slot: &NodeSlot) -> Standing {
        if slot.is_leader() {
            Standing::Leads
        } else if slot.status == NodeStatus::Crashed {
            Standing::Crashed
        } else {
            Standing::NotLeader
        }
    }

    /// `leads`, `crashed` or `not-leader` (`data-known-leader-standing`).
    pub fn name(self) -> &'static str {
        match self {
            Standing::Leads => "leads",
            Standing::Crashed => "crashed",
            Standing::NotLeader => "not-leader",
        }
    }
}

/// "believes the leader is n1", "last known leader: n1 (crashed)", …;
/// `known` is the client's remembered leader and its standing.
pub fn known_leader_text(
    lang: Lang,
    names: NodeNames,
    known: Option<(NodeId, Standing)>,
) -> String {
    match (known, lang) {
        (None, _) => lang.t("knows no leader yet", "尚不知道领导者").to_string(),
        (Some((n, Standing::Leads)), Lang::En) => {
            format!("believes the leader is {n}", n = names.of(n))
        }
        (Some((n, Standing::Leads)), Lang::Zh) => format!("认为领导者是 {n}", n = names.of(n)),
        (Some((n, Standing::Crashed)), Lang::En) => {
            format!("last known leader: {n} (crashed)", n = names.of(n))
        }
        (Some((n, Standing::Crashed)), Lang::Zh) => {
            format!("最后已知的领导者：{n}（已崩溃）", n = names.of(n))
        }
        (Some((n, Standing::NotLeader)), Lang::En) => {
            format!("last known leader: {n} (no longer leader)", n = names.of(n))
        }
        (Some((n, Standing::NotLeader)), Lang::Zh) => {
            format!("最后已知的领导者：{n}（已不再是领导者）", n = names.of(n))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Simulation;

    fn standing(sim: &Simulation, n: NodeId) -> Standing {
        Standing::of(sim.world().slot(n).unwrap())
    }

    #[test]
    fn a_gone_leader_is_the_last_known_one() {
        let mut sim = crate::view::pending_op::n1_leads();
        assert_eq!(standing(&sim, 1), Standing::Leads);
        let text = |s| {
            known_leader_text(
                Lang::En,
                crate::view::node_names::NodeNames::DEFAULT,
                Some((1, s)),
            )
        };
        assert_eq!(text(Standing::Leads), "believes the leader is n1");
        sim.crash(1).unwrap();
        assert_eq!(standing(&sim, 1), Standing::Crashed);
        assert_eq!(text(Standing::Crashed), "last known leader: n1 (crashed)");
        sim.campaign(2).unwrap();
        sim.run(15).unwrap();
        sim.restart(1).unwrap();
        sim.run(15).unwrap();
        assert_eq!(standing(&sim, 1), Standing::NotLeader);
        assert_eq!(
            text(Standing::NotLeader),
            "last known leader: n1 (no longer leader)"
        );
        assert_eq!(
            known_leader_text(
                Lang::Zh,
                crate::view::node_names::NodeNames::DEFAULT,
                Some((1, Standing::Crashed))
            ),
            "最后已知的领导者：n1（已崩溃）"
        );
        assert_eq!(
            known_leader_text(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT, None),
            "尚不知道领导者"
        );
    }
}
