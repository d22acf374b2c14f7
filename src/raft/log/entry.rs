//! Log entries (Figure 2 `log[]`) and [`Entries`], the view of those a
//! [`RaftLog`](super::RaftLog) holds, in index order.

use crate::chunked::{self, Chunked};
use crate::raft::kv::Command;
use crate::raft::membership::ConfigEntry;
use crate::raft::types::{Index, Term};
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// What a log entry carries.
///
/// The payloads are reference counted: the copies of an entry in every
/// node's log, in messages and in checkpoints share one command. An `Rc`
/// compares, hashes and serializes as what it points to, so this is
/// invisible to equality, the trace hash and saved data.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntryData {
    /// The empty entry a new leader appends (thesis §6.4).
    Noop,
    /// A client command for the state machine.
    Command(Rc<Command>),
    /// A configuration (thesis §4.1): in force as soon as it is in a log.
    Config(Rc<ConfigEntry>),
}

impl From<Command> for EntryData {
    fn from(c: Command) -> EntryData {
        EntryData::Command(Rc::new(c))
    }
}

impl From<ConfigEntry> for EntryData {
    fn from(c: ConfigEntry) -> EntryData {
        EntryData::Config(Rc::new(c))
    }
}

/// One log entry (Figure 2 `log[]`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    /// Position in the log.
    pub index: Index,
    /// Term of the leader that created it.
    pub term: Term,
    /// Its payload.
    pub data: EntryData,
}

impl Entry {
    /// The command, unless this is a no-op.
    pub fn command(&self) -> Option<&Command> {
        match &self.data {
            EntryData::Noop | EntryData::Config(_) => None,
            EntryData::Command(c) => Some(c),
        }
    }
}

/// The entries a log holds, in index order (a view: see
/// [`RaftLog::entries`](super::RaftLog::entries)).
#[derive(Clone, Copy, Debug)]
pub struct Entries<'a> {
    pub(super) store: &'a Chunked<Entry>,
    pub(super) start: usize,
}

impl<'a> Entries<'a> {
    /// How many.
    pub fn len(&self) -> usize {
        self.store.len() - self.start
    }
    /// None held?
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// In index order (double-ended, exact size; `skip` is O(1)).
    pub fn iter(&self) -> chunked::Iter<'a, Entry> {
        self.store.iter_from(self.start)
    }
    /// The first held.
    pub fn first(&self) -> Option<&'a Entry> {
        self.store.get(self.start)
    }
    /// The last held.
    pub fn last(&self) -> Option<&'a Entry> {
        if self.is_empty() {
            None
        } else {
            self.store.last()
        }
    }
    /// The entry at position `i` (0 is the first held).
    pub fn get(&self, i: usize) -> Option<&'a Entry> {
        self.store.get(self.start + i)
    }
    /// Copies them out.
    pub fn to_vec(self) -> Vec<Entry> {
        self.iter().cloned().collect()
    }
}

impl<'a> IntoIterator for Entries<'a> {
    type Item = &'a Entry;
    type IntoIter = chunked::Iter<'a, Entry>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
