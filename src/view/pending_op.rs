//! A client's pending operation, set up once for everything that describes
//! it: the client panel's status line ([`crate::view::client_view`]), its
//! known-leader line ([`crate::view::client_leader`]) and the doomed-entry
//! agreement between the entry card and the client panel
//! (`tests/doomed_entry.rs`). Both runs are real simulations, built only
//! from public scripting calls, and deterministic.

use crate::raft::NodeId;
use crate::sim::{SimConfig, Simulation};

/// The node that leads in [`n1_leads`] and takes the pending operation.
pub const LEADER: NodeId = 1;

/// Three nodes, default configuration; n1 campaigned at tick 0 and, 15
/// ticks later, leads term 1 with its no-op committed at index 1 (§5.2,
/// §8).
pub fn n1_leads() -> Simulation {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        ..SimConfig::default()
    })
    .expect("three nodes is a valid configuration");
    sim.campaign(LEADER).expect("n1 exists");
    sim.run(15).expect("an ordinary run");
    sim
}

/// [`n1_leads`], then the client's `put x 1` sent to n1: appended at
/// index 2 in term 1 and not yet committed, the client's operation 0 is
/// pending (§5.3).
pub fn put_pending_at_n1() -> Simulation {
    let mut sim = n1_leads();
    sim.propose_to(LEADER, "put x 1")
        .expect("a valid command to a live node");
    sim
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::Role;
    use crate::sim::OpStatus;

    #[test]
    fn n1_leads_term_1_with_its_no_op_committed() {
        let sim = n1_leads();
        let w = sim.world();
        assert_eq!((w.tick(), w.leader()), (15, Some(1)));
        for n in 1..=3 {
            let node = &w.slot(n).unwrap().node;
            let role = if n == 1 { Role::Leader } else { Role::Follower };
            assert_eq!((node.role(), node.term()), (role, 1), "n{n}");
            assert_eq!(node.log().last_index(), 1, "n{n}");
        }
        assert_eq!(w.slot(1).unwrap().node.commit_index(), 1);
        assert!(w.client().ops().is_empty());
    }

    #[test]
    fn the_put_is_pending_at_n1_index_2_term_1() {
        let sim = put_pending_at_n1();
        let w = sim.world();
        let n1 = &w.slot(1).unwrap().node;
        assert_eq!((n1.log().last_index(), n1.commit_index()), (2, 1));
        assert_eq!(n1.log().term_at(2), Some(1));
        assert_eq!(w.client().ops().len(), 1);
        assert_eq!(
            w.client().ops()[0].status,
            OpStatus::Pending {
                node: 1,
                index: 2,
                term: 1
            }
        );
    }
}
