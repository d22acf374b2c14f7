//! What kind of event a line of the event log is: its filter group
//! ([`Category`], `data-category`), whether it is heartbeat noise hidden by
//! default, and its stable kebab-case name (`data-event`).

use crate::raft::Event;
use crate::sim::{SimEvent, TraceKind};

/// The event log's filter groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Category {
    /// Roles, terms, votes.
    Elections,
    /// AppendEntries, commit, apply, client answers.
    Replication,
    /// Crashes, pauses, links, messages lost or held.
    Faults,
}

impl Category {
    /// `elections`, `replication` or `faults` (`data-category`).
    pub fn name(self) -> &'static str {
        match self {
            Category::Elections => "elections",
            Category::Replication => "replication",
            Category::Faults => "faults",
        }
    }
}

/// Which filter group an event belongs to.
pub fn category(kind: &TraceKind) -> Category {
    match kind {
        TraceKind::Raft(e) => match e {
            Event::RoleChanged { .. }
            | Event::TermAdopted { .. }
            | Event::VoteGranted { .. }
            | Event::VoteDenied { .. }
            | Event::VoteCounted { .. }
            | Event::StaleIgnored { .. }
            | Event::CampaignSkipped { .. }
            | Event::VoteNotCounted { .. }
            | Event::JointVoteLost { .. }
            | Event::TransferStarted { .. }
            | Event::TimeoutNowSent { .. }
            | Event::TransferEnded { .. } => Category::Elections,
            _ => Category::Replication,
        },
        TraceKind::Sim(
            SimEvent::ClientOutcome { .. }
            | SimEvent::ServerAdded { .. }
            | SimEvent::WriteAcknowledged { .. },
        ) => Category::Replication,
        TraceKind::Sim(_) => Category::Faults,
    }
}

/// A heartbeat accepted with nothing new: hidden by default in the event log.
/// (A commit it brings is its own `CommitAdvanced` event, which stays visible.)
pub fn is_heartbeat_noise(kind: &TraceKind) -> bool {
    matches!(
        kind,
        TraceKind::Raft(Event::AppendAccepted { entries: 0, .. })
    )
}

/// A stable kebab-case name for the event's kind (`data-event`). Exhaustive:
/// a new variant must be named (and explained) here.
pub fn kind_name(kind: &TraceKind) -> &'static str {
    match kind {
        TraceKind::Raft(e) => match e {
            Event::RoleChanged { .. } => "role-changed",
            Event::TermAdopted { .. } => "term-adopted",
            Event::VoteGranted { .. } => "vote-granted",
            Event::VoteDenied { .. } => "vote-denied",
            Event::VoteCounted { .. } => "vote-counted",
            Event::AppendAccepted { .. } => "append-accepted",
            Event::AppendRejected { .. } => "append-rejected",
            Event::EntriesTruncated { .. } => "entries-truncated",
            Event::NextIndexBackedUp { .. } => "next-index-backed-up",
            Event::CommitAdvanced { .. } => "commit-advanced",
            Event::CommitHeld { .. } => "commit-held",
            Event::Applied { .. } => "applied",
            Event::StaleIgnored { .. } => "stale-ignored",
            Event::MessageRejected { .. } => "message-rejected",
            Event::Read { .. } => "read",
            Event::TransferStarted { .. } => "transfer-started",
            Event::TimeoutNowSent { .. } => "timeout-now-sent",
            Event::TransferEnded { .. } => "transfer-ended",
            Event::UnsafeRuleBroken { .. } => "unsafe-rule",
            Event::SnapshotTaken { .. } => "snapshot-taken",
            Event::SnapshotSent { .. } => "snapshot-sent",
            Event::SnapshotInstalled { .. } => "snapshot-installed",
            Event::SnapshotIgnored { .. } => "snapshot-ignored",
            Event::RestoredFromSnapshot { .. } => "restored-from-snapshot",
            Event::ConfigAdopted { .. } => "config-adopted",
            Event::ConfigCommitted { .. } => "config-committed",
            Event::CampaignSkipped { .. } => "campaign-skipped",
            Event::VoteNotCounted { .. } => "vote-not-counted",
            Event::JointVoteLost { .. } => "joint-vote-lost",
        },
        TraceKind::Sim(e) => match e {
            SimEvent::Crashed => "crashed",
            SimEvent::Restarted => "restarted",
            SimEvent::Paused => "paused",
            SimEvent::Resumed => "resumed",
            SimEvent::LinkChanged { .. } => "link-changed",
            SimEvent::MessageDropped { .. } => "message-dropped",
            SimEvent::MessageDuplicated { .. } => "message-duplicated",
            SimEvent::MessageHeld { .. } => "message-held",
            SimEvent::MessageReleased { .. } => "message-released",
            SimEvent::ClientOutcome { .. } => "client-outcome",
            SimEvent::ServerAdded { .. } => "server-added",
            SimEvent::WriteAcknowledged { .. } => "write-acknowledged",
        },
    }
}
