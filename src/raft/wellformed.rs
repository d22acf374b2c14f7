//! Which messages a node takes at all. Raft (Figure 2) assumes every RPC was
//! sent by a correct server; a message from a share link, a file or a fuzzer
//! need not be. A node drops any message that no correct server could send —
//! a term or index beyond [`MAX_TERM`]/[`MAX_INDEX`] (so no arithmetic on it
//! can overflow), entries that are not contiguous from `prev_log_index + 1`,
//! entry terms that decrease or exceed the message's term, more than
//! [`MAX_ENTRIES`] entries, or an over-long command — and says why with an
//! [`crate::raft::Event::MessageRejected`] event. Checked by
//! `tests/raft_wellformed.rs` (random messages never panic a node).

use super::kv::MAX_COMMAND_LEN;
use super::log::{Entry, EntryData};
use super::message::{AppendOutcome, ConflictHint, Message, MessageBody};
use super::types::{Index, Term};
use serde::{Deserialize, Serialize};

/// The highest term a message may carry (2^40: ten thousand elections a
/// second for three years). Keeping terms this far below `u64::MAX` means
/// `term + 1` can never wrap.
pub const MAX_TERM: Term = 1 << 40;
/// The highest log index a message may carry (2^40), for the same reason.
pub const MAX_INDEX: Index = 1 << 40;
/// The most entries one AppendEntries may carry (the configuration's own
/// upper bound for `max_entries_per_message`).
pub const MAX_ENTRIES: usize = 1000;

/// Why a message is not one a correct server could send.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MessageFault {
    /// Sender and receiver are the same node.
    SelfAddressed,
    /// A term above [`MAX_TERM`].
    TermTooLarge,
    /// An index above [`MAX_INDEX`].
    IndexTooLarge,
    /// More than [`MAX_ENTRIES`] entries.
    TooManyEntries,
    /// Entry number `at` (0-based) is not at `prev_log_index + 1 + at`.
    NotContiguous {
        /// Position of the first bad entry.
        at: usize,
    },
    /// An entry's term is above the message's term, or below the entry
    /// before it (a leader only sends entries of terms up to its own, in
    /// non-decreasing order, §5.3 Log Matching).
    EntryTermOutOfOrder {
        /// Position of the first bad entry.
        at: usize,
    },
    /// `prev_log_term` or `last_log_term` is above the message's term.
    LogTermAboveTerm,
    /// A command longer than [`MAX_COMMAND_LEN`].
    CommandTooLong,
}

impl std::fmt::Display for MessageFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MessageFault::SelfAddressed => write!(f, "it is addressed to its own sender"),
            MessageFault::TermTooLarge => write!(f, "its term is above {MAX_TERM}"),
            MessageFault::IndexTooLarge => write!(f, "an index is above {MAX_INDEX}"),
            MessageFault::TooManyEntries => write!(f, "it carries more than {MAX_ENTRIES} entries"),
            MessageFault::NotContiguous { at } => write!(
                f,
                "entry {} is not at prevLogIndex + {}: entries must be contiguous",
                at + 1,
                at + 1
            ),
            MessageFault::EntryTermOutOfOrder { at } => write!(
                f,
                "entry {} has a term above the message's or below the entry before it",
                at + 1
            ),
            MessageFault::LogTermAboveTerm => {
                write!(f, "a log term is above the message's own term")
            }
            MessageFault::CommandTooLong => {
                write!(f, "a command is longer than {MAX_COMMAND_LEN} bytes")
            }
        }
    }
}

fn terms(ts: &[Term]) -> Result<(), MessageFault> {
    if ts.iter().any(|&t| t > MAX_TERM) {
        return Err(MessageFault::TermTooLarge);
    }
    Ok(())
}

fn indexes(is: &[Index]) -> Result<(), MessageFault> {
    if is.iter().any(|&i| i > MAX_INDEX) {
        return Err(MessageFault::IndexTooLarge);
    }
    Ok(())
}

fn entries_ok(term: Term, prev_log_index: Index, entries: &[Entry]) -> Result<(), MessageFault> {
    if entries.len() > MAX_ENTRIES {
        return Err(MessageFault::TooManyEntries);
    }
    let mut last_term = 0;
    for (at, e) in entries.iter().enumerate() {
        // prev_log_index <= MAX_INDEX and at < MAX_ENTRIES: no overflow.
        if e.index != prev_log_index + 1 + at as Index {
            return Err(MessageFault::NotContiguous { at });
        }
        if e.term > term || e.term < last_term {
            return Err(MessageFault::EntryTermOutOfOrder { at });
        }
        last_term = e.term;
        if let EntryData::Command(c) = &e.data {
            if c.to_string().len() > MAX_COMMAND_LEN {
                return Err(MessageFault::CommandTooLong);
            }
        }
    }
    if entries.last().is_some_and(|e| e.index > MAX_INDEX) {
        return Err(MessageFault::IndexTooLarge);
    }
    Ok(())
}

impl Message {
    /// Whether a correct server could have sent this message (see the
    /// module's doc). Cheap: linear in the entries carried.
    pub fn check(&self) -> Result<(), MessageFault> {
        if self.from == self.to {
            return Err(MessageFault::SelfAddressed);
        }
        terms(&[self.term])?;
        match &self.body {
            MessageBody::RequestVote { last_log, .. } => {
                terms(&[last_log.term])?;
                indexes(&[last_log.index])?;
                if last_log.term > self.term {
                    return Err(MessageFault::LogTermAboveTerm);
                }
                Ok(())
            }
            MessageBody::RequestVoteResponse { .. } => Ok(()),
            MessageBody::AppendEntries {
                prev_log,
                entries,
                leader_commit,
                ..
            } => {
                terms(&[prev_log.term])?;
                indexes(&[prev_log.index, *leader_commit])?;
                if prev_log.term > self.term {
                    return Err(MessageFault::LogTermAboveTerm);
                }
                if entries.first().is_some_and(|e| e.term < prev_log.term) {
                    return Err(MessageFault::EntryTermOutOfOrder { at: 0 });
                }
                entries_ok(self.term, prev_log.index, entries)
            }
            MessageBody::InstallSnapshot { snapshot } => {
                terms(&[snapshot.last_included_term])?;
                indexes(&[snapshot.last_included_index, snapshot.config_index])?;
                if snapshot.config_index > snapshot.last_included_index {
                    return Err(MessageFault::IndexTooLarge);
                }
                Ok(())
            }
            MessageBody::InstallSnapshotResponse {
                request_term,
                match_index,
                ..
            } => {
                terms(&[*request_term])?;
                indexes(&[*match_index])
            }
            MessageBody::ReadIndex { .. } | MessageBody::TimeoutNow => Ok(()),
            MessageBody::ReadIndexResponse { read_index, .. } => {
                indexes(&[read_index.unwrap_or(0)])
            }
            MessageBody::AppendEntriesResponse(r) => {
                terms(&[r.request_term])?;
                match r.outcome {
                    AppendOutcome::Matched { match_index } => indexes(&[match_index]),
                    AppendOutcome::Rejected {
                        prev_log_index,
                        hint,
                    } => {
                        indexes(&[prev_log_index])?;
                        match hint {
                            None => Ok(()),
                            Some(ConflictHint::TermConflict { first }) => {
                                terms(&[first.term])?;
                                indexes(&[first.index])
                            }
                            Some(ConflictHint::LogTooShort { last_index }) => {
                                indexes(&[last_index])
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::{Command, LogPosition};

    fn ae(term: Term, prev: Index, entries: Vec<(Index, Term)>) -> Message {
        Message::noop_append(term, prev, entries)
    }

    #[test]
    fn accepts_what_a_leader_sends() {
        assert_eq!(ae(3, 4, vec![(5, 2), (6, 3)]).check(), Ok(()));
        assert_eq!(
            ae(MAX_TERM, MAX_INDEX - 1, vec![(MAX_INDEX, 1)]).check(),
            Ok(())
        );
    }

    #[test]
    fn refuses_what_no_correct_server_sends() {
        assert_eq!(
            ae(3, 4, vec![(5, 2), (7, 3)]).check(),
            Err(MessageFault::NotContiguous { at: 1 })
        );
        assert_eq!(
            ae(3, 4, vec![(5, 3), (6, 2)]).check(),
            Err(MessageFault::EntryTermOutOfOrder { at: 1 })
        );
        assert_eq!(
            ae(3, 4, vec![(5, 4)]).check(),
            Err(MessageFault::EntryTermOutOfOrder { at: 0 })
        );
        assert_eq!(
            ae(u64::MAX, 0, vec![]).check(),
            Err(MessageFault::TermTooLarge)
        );
        assert_eq!(
            ae(1, u64::MAX, vec![]).check(),
            Err(MessageFault::IndexTooLarge)
        );
        assert_eq!(
            ae(1, MAX_INDEX, vec![(MAX_INDEX + 1, 1)]).check(),
            Err(MessageFault::IndexTooLarge)
        );
        let mut m = ae(1, 0, vec![]);
        m.to = 1;
        assert_eq!(m.check(), Err(MessageFault::SelfAddressed));
        let many = (1..=1001).map(|i| (i, 1)).collect();
        assert_eq!(ae(1, 0, many).check(), Err(MessageFault::TooManyEntries));
        let long = Message {
            body: MessageBody::AppendEntries {
                prev_log: LogPosition::new(0, 0),
                entries: vec![Entry {
                    index: 1,
                    term: 1,
                    data: EntryData::from(Command::Put {
                        key: "k".repeat(300),
                        value: "v".into(),
                    }),
                }],
                leader_commit: 0,
                read_ctx: None,
            },
            ..ae(1, 0, vec![])
        };
        assert_eq!(long.check(), Err(MessageFault::CommandTooLong));
        let rv = Message {
            body: MessageBody::RequestVote {
                pre_vote: false,
                last_log: LogPosition::new(9, 1),
                leader_transfer: false,
            },
            ..ae(2, 0, vec![])
        };
        assert_eq!(rv.check(), Err(MessageFault::LogTermAboveTerm));
        let snap = |term, index, config_index| Message {
            body: MessageBody::InstallSnapshot {
                snapshot: crate::raft::Snapshot {
                    last_included_term: term,
                    last_included_index: index,
                    config_index,
                    ..Default::default()
                },
            },
            ..ae(3, 0, vec![])
        };
        assert_eq!(snap(3, 10, 2).check(), Ok(()));
        assert_eq!(snap(3, 10, 11).check(), Err(MessageFault::IndexTooLarge));
        assert_eq!(
            snap(3, u64::MAX, 0).check(),
            Err(MessageFault::IndexTooLarge)
        );
        assert!(MessageFault::NotContiguous { at: 1 }
            .to_string()
            .contains("contiguous"));
    }
}
