//! The Raft core: a pure, deterministic, sans-IO Raft node.
//!
//! A [`Node`] takes inputs — [`Node::tick`], [`Node::step`] with a [`Message`],
//! [`Node::propose`] with a [`Command`] — and produces outputs: an outbox of
//! messages ([`Node::take_outbox`]) and a list of [`Event`]s that say *why*
//! every decision was made ([`Node::take_events`]). It knows nothing of clocks,
//! networks or browsers: time is the number of ticks it has been given, and its
//! only randomness is its own seeded [`Rng`].
//!
//! Vocabulary follows the Raft paper (Ongaro & Ousterhout, "In Search of an
//! Understandable Consensus Algorithm", 2014; "§5.2" etc. below) and Ongaro's
//! thesis ("thesis §9.6").

mod check_quorum;
mod commit;
mod config;
mod election;
mod event;
mod kv;
mod log;
mod membership;
mod message;
mod node;
mod quorum;
mod read_index;
mod reconfig;
mod replication;
mod rng;
mod snapshot;
mod state;
mod transfer;
mod types;
mod unsafe_rule;
mod wellformed;

pub use commit::{CommitRule, CommitStatus};
pub use config::{Config, ConfigError, PreVoteMode, UnsafeSwitch, MAX_COMPACT_THRESHOLD};
pub use event::{
    AppendRejection, CommitHold, ConfigCause, ConfigHalf, Event, NoCampaign, ReadFailure, ReadStep,
    RoleCause, TransferEnd, VoteDenial,
};
pub use kv::{ApplyResult, Command, CommandError, KvStore, MAX_COMMAND_LEN};
pub use log::{Entry, EntryData, RaftLog};
pub use membership::{fmt_set, ConfChange, ConfChangeError, ConfigEntry, Membership, MAX_MEMBERS};
pub use message::{AppendOutcome, AppendResponse, ConflictHint, Message, MessageBody, MessageKind};
pub use node::{Node, ProposeError};
pub use quorum::{JointConfig, MajorityConfig, VoteResult};
pub use read_index::{ReadError, ReadMode, Reads};
pub use rng::Rng;
pub use snapshot::{
    CompactError, CompactTrigger, Snapshot, SnapshotIgnore, SnapshotInstall, SnapshotReason,
};
pub use state::{PersistentState, Progress, Role};
pub use transfer::{Transfer, TransferError};
pub use types::{Index, LogPosition, NodeId, Term};
pub use unsafe_rule::UnsafeRule;
pub use wellformed::{MessageFault, MAX_ENTRIES, MAX_INDEX, MAX_TERM};
