//! The simulated network: messages in flight with send and delivery ticks,
//! and the state of every *directed* link, so one-way failures exist.

use crate::raft::{Message, NodeId};
use crate::vec_map::VecSet;
use serde::{Deserialize, Serialize};

/// A message's identity while in flight, unique within a run.
pub type MsgId = u64;

/// A message on its way, with everything the UI needs to draw its flight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    /// Unique id (monotonic: ties in delivery order break on it).
    pub id: MsgId,
    /// The message.
    pub msg: Message,
    /// Tick it was sent.
    pub sent_at: u64,
    /// Tick it is due (it may wait longer if held, paused or in manual mode).
    pub deliver_at: u64,
    /// Held by the user: not delivered until released.
    pub held: bool,
    /// A duplicate made by the network of message `original`.
    pub duplicate_of: Option<MsgId>,
}

/// Why a message never arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DropReason {
    /// The network lost it (the loss setting).
    Lost,
    /// Its link was cut when it was sent or due.
    LinkCut,
    /// Its receiver was crashed when it arrived.
    ReceiverDown,
    /// The user dropped it.
    ByUser,
    /// The network was full ([`MAX_IN_FLIGHT`] messages or
    /// [`MAX_IN_FLIGHT_ENTRIES`] entries already on their way): a bound on
    /// memory that an ordinary run never reaches (a few hundred messages).
    Overflow,
}

/// The most messages in flight at once.
pub const MAX_IN_FLIGHT: usize = 4096;
/// The most log entries carried by the messages in flight at once.
pub const MAX_IN_FLIGHT_ENTRIES: usize = 16_384;

/// All links and all messages in flight.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    /// Directed links that are cut: `(from, to)`.
    cut: VecSet<(NodeId, NodeId)>,
    /// Messages in flight, in send order.
    in_flight: Vec<Envelope>,
    next_id: MsgId,
    /// Entries carried by the messages in `in_flight`.
    #[serde(default)]
    entries: usize,
}

impl Network {
    /// Whether messages from `from` reach `to`.
    pub fn is_up(&self, from: NodeId, to: NodeId) -> bool {
        !self.cut.contains(&(from, to))
    }

    /// Cuts or restores one direction.
    pub fn set_link(&mut self, from: NodeId, to: NodeId, up: bool) {
        if up {
            self.cut.remove(&(from, to));
        } else if from != to {
            self.cut.insert((from, to));
        }
    }

    /// Every cut directed link, sorted.
    pub fn cut_links(&self) -> impl Iterator<Item = (NodeId, NodeId)> + Clone + '_ {
        self.cut.iter().copied()
    }

    /// Restores every link.
    pub fn heal(&mut self) {
        self.cut.clear();
    }

    /// Messages in flight, in send order.
    pub fn in_flight(&self) -> &[Envelope] {
        &self.in_flight
    }

    /// Whether one more message carrying `entries` entries fits (see
    /// [`DropReason::Overflow`]).
    pub fn has_room(&self, entries: usize) -> bool {
        self.in_flight.len() < MAX_IN_FLIGHT && self.entries + entries <= MAX_IN_FLIGHT_ENTRIES
    }

    /// Puts a message in flight; returns its id.
    pub fn send(
        &mut self,
        msg: Message,
        sent_at: u64,
        deliver_at: u64,
        duplicate_of: Option<MsgId>,
    ) -> MsgId {
        let id = self.next_id;
        self.next_id += 1;
        self.entries += msg.body.entry_count();
        self.in_flight.push(Envelope {
            id,
            msg,
            sent_at,
            deliver_at,
            held: false,
            duplicate_of,
        });
        id
    }

    /// Allocates an id for a message that never enters the network (dropped at send).
    pub fn burn_id(&mut self) -> MsgId {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Removes and returns one message.
    pub fn take(&mut self, id: MsgId) -> Option<Envelope> {
        let pos = self.in_flight.iter().position(|e| e.id == id)?;
        let env = self.in_flight.remove(pos);
        self.entries -= env.msg.body.entry_count();
        Some(env)
    }

    /// Mutable access to one message.
    pub fn get_mut(&mut self, id: MsgId) -> Option<&mut Envelope> {
        self.in_flight.iter_mut().find(|e| e.id == id)
    }

    /// Ids of messages due by `tick` and not held, ordered by (due tick, id).
    pub fn due(&self, tick: u64) -> Vec<MsgId> {
        let mut due: Vec<(u64, MsgId)> = self
            .in_flight
            .iter()
            .filter(|e| !e.held && e.deliver_at <= tick)
            .map(|e| (e.deliver_at, e.id))
            .collect();
        crate::sort::sort(&mut due);
        due.into_iter().map(|(_, id)| id).collect()
    }

    /// Ids of every message not held, in send order (manual "deliver all").
    pub fn deliverable(&self) -> Vec<MsgId> {
        self.in_flight
            .iter()
            .filter(|e| !e.held)
            .map(|e| e.id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::MessageBody;

    fn msg(from: NodeId, to: NodeId) -> Message {
        Message {
            from,
            to,
            term: 1,
            body: MessageBody::RequestVoteResponse {
                pre_vote: false,
                vote_granted: true,
            },
        }
    }

    #[test]
    fn links_are_directed() {
        let mut n = Network::default();
        n.set_link(1, 2, false);
        assert!(!n.is_up(1, 2));
        assert!(n.is_up(2, 1));
        assert_eq!(n.cut_links().collect::<Vec<_>>(), vec![(1, 2)]);
        n.heal();
        assert!(n.is_up(1, 2));
    }

    #[test]
    fn due_orders_by_tick_then_id_and_skips_held() {
        let mut n = Network::default();
        let a = n.send(msg(1, 2), 0, 5, None);
        let b = n.send(msg(2, 1), 0, 3, None);
        let c = n.send(msg(1, 3), 0, 3, None);
        n.get_mut(c).unwrap().held = true;
        assert_eq!(n.due(5), vec![b, a]);
        assert_eq!(n.due(4), vec![b]);
        assert_eq!(n.deliverable(), vec![a, b]);
        assert_eq!(n.take(b).unwrap().id, b);
        assert!(n.take(b).is_none());
    }
}
