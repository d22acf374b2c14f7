//! How the membership actions change the world (thesis chapter 4): a new
//! server is created with an empty log and no configuration, then the leader
//! proposes the change; removing, promoting and changing voters are
//! proposals to the leader. A refused change is a [`SimError`] and changes
//! nothing, not even the world's node count.

use super::action::Action;
use super::config::SimError;
use super::node_slot::{NodeSlot, NodeStatus};
use super::trace::{SimEvent, TraceKind};
use super::world::World;
use crate::raft::{ConfChange, ConfChangeError, Node, NodeId, Rng, MAX_MEMBERS};

/// Applies a membership action; `false` if `action` is not one.
pub(super) fn apply(w: &mut World, action: &Action) -> Result<bool, SimError> {
    let change = match action {
        Action::AddServer => {
            add_server(w)?;
            return Ok(true);
        }
        Action::RemoveServer(n) => ConfChange::Remove(*n),
        Action::Promote(n) => ConfChange::Promote(*n),
        Action::ChangeVoters(v) => ConfChange::ChangeVoters(v.iter().copied().collect()),
        _ => return Ok(false),
    };
    let i = leader_index(w)?;
    w.nodes[i]
        .node
        .propose_conf_change(change)
        .map_err(SimError::Membership)?;
    w.collect(i);
    Ok(true)
}

/// The index of the running leader of the newest term.
fn leader_index(w: &World) -> Result<usize, SimError> {
    let leader = w.leader().ok_or(SimError::NoLeader)?;
    w.index_of(leader)
}

/// The id the next server gets: one past the last (ids are never reused).
pub fn next_server_id(w: &World) -> NodeId {
    w.nodes.len() as NodeId + 1
}

fn add_server(w: &mut World) -> Result<(), SimError> {
    let id = next_server_id(w);
    if id as usize > MAX_MEMBERS {
        return Err(SimError::Membership(ConfChangeError::TooManyServers {
            max: MAX_MEMBERS,
        }));
    }
    let i = leader_index(w)?;
    let change = ConfChange::AddLearner(id);
    w.nodes[i]
        .node
        .check_conf_change(&change)
        .map_err(SimError::Membership)?;
    let rng = Rng::new(w.config.seed).split(u64::from(id));
    let node = Node::new(id, &[], w.config.raft.clone(), rng).map_err(SimError::Raft)?;
    w.nodes.push(NodeSlot {
        node,
        status: NodeStatus::Up,
        restarts: 0,
    });
    w.config.nodes = w.nodes.len() as u32;
    let leader = w.nodes[i].node.id();
    w.record(id, TraceKind::Sim(SimEvent::ServerAdded { leader }));
    w.nodes[i]
        .node
        .propose_conf_change(change)
        .map_err(SimError::Membership)?;
    w.collect(i);
    Ok(())
}
