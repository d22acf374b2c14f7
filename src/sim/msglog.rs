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
use crate::chunked::{Chunked, CHUNK};
use crate::raft::{Message, MessageKind, NodeId};

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
///
/// Stored in a [`Chunked`] so the checkpoints of time travel share its
/// storage (a clone copies at most one chunk); forgotten records are skipped
/// by `start` and freed a whole chunk at a time.
#[derive(Clone, Default)]
pub struct MessageLog {
    records: Chunked<MsgRecord>,
    /// How many records at the front are forgotten (fewer than a chunk's
    /// worth are still stored).
    start: usize,
}

impl PartialEq for MessageLog {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.records().eq(other.records())
    }
}

impl Eq for MessageLog {}

impl std::fmt::Debug for MessageLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.records()).finish()
    }
}

impl MessageLog {
    /// Notes its chunked storage (memory report, `examples/bench.rs`).
    pub fn report_storage(&self, r: &mut crate::chunked::StorageReport) {
        r.add("message_log", &self.records);
    }

    /// Records a new message: sent at `tick`, due at `due`, still in flight.
    pub fn sent(&mut self, id: MsgId, m: &MsgSummary, tick: u64, due: u64) {
        self.records.push(MsgRecord {
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
        self.records.iter_from(self.start)
    }

    /// Records whose arrow overlaps the tick window `[from, to]` (a message
    /// still in flight or held reaches to `now`).
    pub fn in_window(&self, from: u64, to: u64, now: u64) -> impl Iterator<Item = &MsgRecord> {
        self.records()
            .filter(move |r| r.sent <= to && r.ended().unwrap_or(now) >= from)
    }

    /// The record of message `id`, if it is still kept.
    pub fn find(&self, id: MsgId) -> Option<&MsgRecord> {
        self.position(id).and_then(|i| self.records.get(i))
    }

    /// Where message `id`'s record is stored, if it is kept. Ids grow in
    /// send order, so the records are sorted by id: a binary search.
    fn position(&self, id: MsgId) -> Option<usize> {
        let i = self.records.partition_point(|r| r.id < id);
        (i >= self.start && self.records.get(i).is_some_and(|r| r.id == id)).then_some(i)
    }

    /// How many records are kept.
    pub fn len(&self) -> usize {
        self.records.len() - self.start
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn find_mut(&mut self, id: MsgId) -> Option<&mut MsgRecord> {
        let i = self.position(id)?;
        self.records.get_mut(i)
    }

    /// Forgets what is too old or too many, oldest first; a message still in
    /// flight or held is kept while under the count bound.
    fn trim(&mut self, now: u64) {
        if self.len() > MSG_LOG_MAX {
            self.start = self.records.len() - MSG_LOG_MAX;
        }
        while let Some(r) = self.records.get(self.start) {
            let old = r.sent.saturating_add(MSG_LOG_TICKS) < now;
            if old && r.ended().is_some() {
                self.start += 1;
            } else {
                break;
            }
        }
        // Free the chunks wholly forgotten.
        while self.start >= CHUNK && self.records.chunk_count() > 0 {
            self.start -= self.records.drop_first_chunk();
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

    #[test]
    fn clones_share_storage_and_trimming_frees_whole_chunks() {
        let mut log = MessageLog::default();
        for id in 0..(MSG_LOG_MAX as u64 + 100) {
            log.sent(id, &vote(1, 2), id / 4, id / 4 + 1);
            log.set_fate(id, MsgFate::Delivered(id / 4 + 1));
        }
        // Old ones are forgotten by age (400 ticks at 4 a tick = 1600 kept,
        // plus those of the current tick).
        let kept: Vec<u64> = log.records().map(|r| r.id).collect();
        assert_eq!(log.len(), kept.len());
        assert!(kept.windows(2).all(|w| w[1] == w[0] + 1));
        assert!(log
            .records()
            .all(|r| r.sent + MSG_LOG_TICKS >= (MSG_LOG_MAX as u64 + 99) / 4));
        assert!(
            log.records.len() - log.len() < CHUNK,
            "forgotten chunks are freed"
        );
        assert_eq!(log.find(kept[0]).map(|r| r.id), Some(kept[0]));
        assert!(
            log.find(kept[0] - 1).is_none(),
            "a forgotten record is not found"
        );
        // A checkpoint's clone shares every full chunk until one changes.
        let snap = log.clone();
        assert!((0..log.records.chunk_count()).all(|k| log.records.shares_chunk(&snap.records, k)));
        log.set_fate(kept[0], MsgFate::Dropped(9, DropReason::Lost));
        assert!(!log.records.shares_chunk(&snap.records, 0));
        assert!(log.records.shares_chunk(&snap.records, 1));
        assert_ne!(log, snap);
        // Equality is of the records kept, not of how they are stored.
        let mut other = MessageLog::default();
        for r in snap.records() {
            other.records.push(r.clone());
        }
        assert_eq!(other, snap);
    }
}
