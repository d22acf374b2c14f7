//! The message log: every message's life (sent, delivered, dropped, held)
//! over a recent window of the run, for the space-time diagram.
//!
//! The network forgets a message once it is delivered; the diagram needs to
//! draw it afterwards, as an arrow from its send tick to its delivery tick.
//! The log is part of the [`World`](super::World), so seeking to a past tick
//! (checkpoint + replay) rebuilds exactly the messages of that moment. It is
//! bounded two ways — by age ([`MSG_LOG_TICKS`]) and by count
//! ([`MSG_LOG_MAX`]) — so a long run costs no more memory than a short one.

use super::network::{DropReason, MsgId};
use crate::raft::{Message, MessageKind, NodeId};
use std::collections::VecDeque;

/// Messages sent more than this many ticks ago are forgotten (unless still
/// in flight or held).
pub const MSG_LOG_TICKS: u64 = 400;
/// At most this many messages are kept.
pub const MSG_LOG_MAX: usize = 3000;

/// What the log keeps of a message (taken before the network owns it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MsgSummary {
    /// Sender.
    pub from: NodeId,
    /// Receiver.
    pub to: NodeId,
    /// The message's kind.
    pub kind: MessageKind,
    /// Term carried.
    pub term: u64,
    /// A heartbeat or the reply to one.
    pub heartbeat: bool,
    /// Entries carried.
    pub entries: usize,
    /// For a response: granted / success.
    pub granted: Option<bool>,
}

impl MsgSummary {
    /// The summary of `msg`; `heartbeat_reply` marks the answer to a heartbeat.
    pub fn of(msg: &Message, heartbeat_reply: bool) -> MsgSummary {
        MsgSummary {
            from: msg.from,
            to: msg.to,
            kind: msg.body.kind(),
            term: msg.term,
            heartbeat: msg.body.is_heartbeat() || heartbeat_reply,
            entries: msg.body.entry_count(),
            granted: msg.body.granted(),
        }
    }
}

/// What became of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MsgFate {
    /// Still travelling (or waiting at a paused receiver).
    InFlight,
    /// Held by the user.
    Held,
    /// Delivered to its receiver at this tick.
    Delivered(u64),
    /// Never arrived: dropped at this tick for this reason.
    Dropped(u64, DropReason),
}

/// One message's life.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MsgRecord {
    /// The network's id (monotonic in send order).
    pub id: MsgId,
    /// Sender.
    pub from: NodeId,
    /// Receiver.
    pub to: NodeId,
    /// The message's kind.
    pub kind: MessageKind,
    /// Term carried.
    pub term: u64,
    /// An AppendEntries without entries.
    pub heartbeat: bool,
    /// Entries carried.
    pub entries: usize,
    /// For a response: granted / success.
    pub granted: Option<bool>,
    /// A duplicate made by the network.
    pub duplicate: bool,
    /// Tick it was sent.
    pub sent: u64,
    /// Tick it was due (it may wait longer: held, paused, manual delivery).
    pub due: u64,
    /// What became of it.
    pub fate: MsgFate,
}

impl MsgRecord {
    /// The tick its arrow ends at, if it has ended (delivered or dropped).
    pub fn ended(&self) -> Option<u64> {
        match self.fate {
            MsgFate::Delivered(t) | MsgFate::Dropped(t, _) => Some(t),
            MsgFate::InFlight | MsgFate::Held => None,
        }
    }
}

/// The recent messages of a run, in send order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MessageLog {
    records: VecDeque<MsgRecord>,
}

impl MessageLog {
    /// Records a new message: sent at `tick`, due at `due`, still in flight.
    pub fn sent(&mut self, id: MsgId, m: &MsgSummary, tick: u64, due: u64) {
        self.records.push_back(MsgRecord {
            id,
            from: m.from,
            to: m.to,
            kind: m.kind,
            term: m.term,
            heartbeat: m.heartbeat,
            entries: m.entries,
            granted: m.granted,
            duplicate: false,
            sent: tick,
            due,
            fate: MsgFate::InFlight,
        });
        self.trim(tick);
    }

    /// Marks a message as a duplicate made by the network.
    pub fn mark_duplicate(&mut self, id: MsgId) {
        if let Some(r) = self.find_mut(id) {
            r.duplicate = true;
        }
    }

    /// Sets a message's fate (delivered, dropped, held or released).
    pub fn set_fate(&mut self, id: MsgId, fate: MsgFate) {
        if let Some(r) = self.find_mut(id) {
            r.fate = fate;
        }
    }

    /// Every kept record, oldest first.
    pub fn records(&self) -> impl DoubleEndedIterator<Item = &MsgRecord> + ExactSizeIterator {
        self.records.iter()
    }

    /// Records whose arrow overlaps the tick window `[from, to]` (a message
    /// still in flight or held reaches to `now`).
    pub fn in_window(&self, from: u64, to: u64, now: u64) -> impl Iterator<Item = &MsgRecord> {
        self.records
            .iter()
            .filter(move |r| r.sent <= to && r.ended().unwrap_or(now) >= from)
    }

    /// The record of message `id`, if it is still kept.
    pub fn find(&self, id: MsgId) -> Option<&MsgRecord> {
        // Ids grow in send order, so the records are sorted by id.
        let i = self.records.binary_search_by_key(&id, |r| r.id).ok()?;
        self.records.get(i)
    }

    /// How many records are kept.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    fn find_mut(&mut self, id: MsgId) -> Option<&mut MsgRecord> {
        // Ids grow in send order, so the records are sorted by id.
        let i = self.records.binary_search_by_key(&id, |r| r.id).ok()?;
        self.records.get_mut(i)
    }

    /// Forgets what is too old or too many, oldest first; a message still in
    /// flight or held is kept while under the count bound.
    fn trim(&mut self, now: u64) {
        while self.records.len() > MSG_LOG_MAX {
            self.records.pop_front();
        }
        while let Some(r) = self.records.front() {
            let old = r.sent.saturating_add(MSG_LOG_TICKS) < now;
            if old && r.ended().is_some() {
                self.records.pop_front();
            } else {
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::MessageBody;

    fn vote(from: NodeId, to: NodeId) -> MsgSummary {
        MsgSummary::of(
            &Message {
                from,
                to,
                term: 2,
                body: MessageBody::RequestVote {
                    pre_vote: false,
                    last_log: crate::raft::LogPosition::default(),
                    leader_transfer: false,
                },
            },
            false,
        )
    }

    #[test]
    fn records_a_life_and_windows_it() {
        let mut log = MessageLog::default();
        log.sent(1, &vote(1, 2), 10, 13);
        log.sent(2, &vote(1, 3), 10, 12);
        log.set_fate(2, MsgFate::Dropped(10, DropReason::Lost));
        log.set_fate(1, MsgFate::Delivered(13));
        let r: Vec<_> = log.records().collect();
        assert_eq!(
            (r[0].kind, r[0].ended(), r[1].ended()),
            (MessageKind::RequestVote, Some(13), Some(10))
        );
        assert_eq!(
            log.in_window(11, 20, 20).map(|r| r.id).collect::<Vec<_>>(),
            vec![1]
        );
        assert_eq!(log.in_window(0, 9, 20).count(), 0);
    }

    #[test]
    fn forgets_old_ended_messages_but_keeps_held_ones() {
        let mut log = MessageLog::default();
        log.sent(1, &vote(1, 2), 0, 3);
        log.set_fate(1, MsgFate::Held);
        log.sent(2, &vote(2, 1), 1, 3);
        log.set_fate(2, MsgFate::Delivered(3));
        log.sent(3, &vote(2, 1), MSG_LOG_TICKS + 10, MSG_LOG_TICKS + 12);
        // n1's held message is the oldest and blocks trimming (kept on purpose).
        assert_eq!(log.len(), 3);
        log.set_fate(1, MsgFate::Delivered(MSG_LOG_TICKS + 11));
        log.sent(4, &vote(3, 1), MSG_LOG_TICKS + 12, MSG_LOG_TICKS + 14);
        assert_eq!(log.records().map(|r| r.id).collect::<Vec<_>>(), vec![3, 4]);
    }
}
