//! Scalar vocabulary shared by the whole core.

/// A server's identity (`n1`, `n2`, … in the UI). Figure 2: `candidateId`, `leaderId`.
pub type NodeId = u32;
/// A term number (§5.1): a logical clock that only increases.
pub type Term = u64;
/// A log index (§5.3). Index 0 is the empty prefix; the first entry is at 1
/// unless the log has been compacted (see [`crate::raft::RaftLog::first_index`]).
pub type Index = u64;
