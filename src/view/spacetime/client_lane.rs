//! The space-time diagram's client lane: each client operation a bar from
//! its invocation to its answer (or now), stacked into rows when they
//! overlap in time, with a linearizability violation's conflicting
//! operations flagged (from the checker, `sim::check::linearizability`).

use super::StInput;
use crate::sim::msglog::MSG_LOG_TICKS;
use crate::sim::{ClientOp, OpStatus};

/// How a client operation stands, for its bar on the client lane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpOutcome {
    /// Not answered yet.
    Open,
    /// Committed and answered.
    Ok,
    /// Given up.
    Failed,
}

/// One client operation from invocation to response, on the client lane.
#[derive(Clone, Debug, PartialEq)]
pub struct StOp {
    /// The operation's id.
    pub id: u64,
    /// Invoked / answered ticks.
    pub call: u64,
    /// Answer tick, if answered or given up.
    pub ret: Option<u64>,
    /// Bar from x1 to x2, px.
    pub x1: f64,
    /// End.
    pub x2: f64,
    /// Bar centre y, px (operations overlapping in time stack in rows).
    pub y: f64,
    /// The command, as typed.
    pub label: String,
    /// How it stands.
    pub outcome: OpOutcome,
    /// One of a linearizability violation's conflicting operations.
    pub conflict: bool,
}

/// Rows of the client lane.
pub const CLIENT_ROWS: usize = 3;

/// The client lane: each operation's bar from invocation to answer (or now),
/// greedily stacked into [`CLIENT_ROWS`] rows.
pub(super) fn client_ops(
    input: &StInput<'_>,
    t0: u64,
    t1: u64,
    top: f64,
    x: &impl Fn(u64) -> f64,
    conflicts: &[u64],
) -> Vec<StOp> {
    let mut recent: Vec<&ClientOp> = Vec::new();
    for op in input.ops.iter().rev() {
        if op.invoked_at.saturating_add(MSG_LOG_TICKS * 4) < t0 {
            break; // older ones cannot reach the window
        }
        recent.push(op);
    }
    let mut row_end = [0u64; CLIENT_ROWS];
    let mut out = Vec::new();
    for op in recent.into_iter().rev() {
        let (ret, outcome) = match &op.status {
            OpStatus::Committed { at, .. } => (Some(*at), OpOutcome::Ok),
            OpStatus::Failed { at, .. } => (Some(*at), OpOutcome::Failed),
            _ => (None, OpOutcome::Open),
        };
        let end = ret.unwrap_or(input.now);
        if op.invoked_at > t1 || end < t0 {
            continue;
        }
        let row = (0..CLIENT_ROWS)
            .find(|&r| row_end[r] < op.invoked_at)
            .unwrap_or(CLIENT_ROWS - 1);
        row_end[row] = end;
        out.push(StOp {
            id: op.id,
            call: op.invoked_at,
            ret,
            x1: x(op.invoked_at.max(t0)),
            x2: x(end.min(t1)).max(x(op.invoked_at.max(t0)) + 2.0),
            y: top + 7.0 + row as f64 * 14.0,
            label: op.command.to_string(),
            outcome,
            conflict: conflicts.contains(&op.id),
        });
    }
    out
}
