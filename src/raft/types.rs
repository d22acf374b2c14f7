//! Scalar vocabulary shared by the whole core.

/// A server's identity (`n1`, `n2`, … in the UI). Figure 2: `candidateId`, `leaderId`.
pub type NodeId = u32;
/// A term number (§5.1): a logical clock that only increases.
pub type Term = u64;
/// A log index (§5.3). Index 0 is the empty prefix; the first entry is at 1
/// unless the log has been compacted (see [`crate::raft::RaftLog::first_index`]).
pub type Index = u64;

/// A position in a log: the (term, index) of one entry, or `(0, 0)` for the
/// empty prefix. The pair travels together in RequestVote (the candidate's
/// last entry, §5.4.1), AppendEntries (the entry before the new ones, §5.3)
/// and rejection hints, so it is one type and the two numbers cannot be
/// swapped.
///
/// Ordering is the election restriction's "more up to date" (§5.4.1): the
/// later last term wins, and with equal terms the longer log.
///
/// ```
/// use raftlab::raft::LogPosition;
/// let a = LogPosition::new(3, 1);
/// let b = LogPosition::new(2, 9);
/// assert!(a > b); // a later last term beats a longer log
/// ```
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct LogPosition {
    /// The entry's term.
    pub term: Term,
    /// The entry's index.
    pub index: Index,
}

impl LogPosition {
    /// The entry at `index` with term `term`.
    pub const fn new(term: Term, index: Index) -> LogPosition {
        LogPosition { term, index }
    }
}

impl std::fmt::Display for LogPosition {
    /// A compact form for debugging: `t2@5` is term 2 at index 5.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "t{}@{}", self.term, self.index)
    }
}
