//! What a [`RaftLog`] is, as opposed to how it is stored: equality, hashing
//! and the serde form see only its boundary (the snapshot's last included
//! entry, thesis §5.1) and the entries it holds, never the chunks.

use super::{Entry, RaftLog};
use crate::raft::types::{Index, Term};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::hash::{Hash, Hasher};

/// What a log's serde form holds.
#[derive(Serialize, Deserialize)]
struct LogData {
    prev_index: Index,
    prev_term: Term,
    entries: Vec<Entry>,
}

impl Serialize for RaftLog {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        LogData {
            prev_index: self.prev_index,
            prev_term: self.prev_term,
            entries: self.entries().to_vec(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for RaftLog {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let data = LogData::deserialize(d)?;
        let mut log = RaftLog {
            prev_index: data.prev_index,
            prev_term: data.prev_term,
            base: data.prev_index,
            ..RaftLog::default()
        };
        for e in data.entries {
            log.push(e);
        }
        Ok(log)
    }
}

impl PartialEq for RaftLog {
    fn eq(&self, other: &Self) -> bool {
        (self.prev_index, self.prev_term) == (other.prev_index, other.prev_term)
            && self.entries().len() == other.entries().len()
            && self.entries().iter().eq(other.entries().iter())
    }
}

impl Eq for RaftLog {}

impl Hash for RaftLog {
    fn hash<H: Hasher>(&self, state: &mut H) {
        (self.prev_index, self.prev_term).hash(state);
        state.write_usize(self.entries().len());
        for e in self.entries().iter() {
            e.hash(state);
        }
    }
}
