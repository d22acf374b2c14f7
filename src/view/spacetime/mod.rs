//! The space-time diagram's layout: pure geometry from the recorded run.
//!
//! Time runs left to right (ticks), one horizontal lifeline per node, as in
//! Jepsen's timelines and ShiViz turned on its side (it fits a wide
//! projector). Every message is an arrow from its send tick on the sender's
//! lifeline to its delivery tick on the receiver's; a lost or dropped one ends
//! in a cross where it died; a held one is a dashed stub up to now. Lifelines
//! are shaded by role from the world's lane log, crashed and paused spans are
//! gaps, term bands sit behind, and heartbeats are collapsed into one mark
//! per broadcast unless asked for. Only the visible window is laid out, and
//! at most [`MAX_ARROWS`] arrows are drawn (the newest), as Jepsen caps what
//! it draws.
//!
//! The Yew component (`ui::spacetime`) only draws what this returns.

pub mod cadence;
mod client_lane;
#[cfg(test)]
mod tests;
mod time_axis;

use client_lane::client_ops;
pub use client_lane::{OpOutcome, StOp, CLIENT_ROWS};
use time_axis::{axis, bands};

use crate::raft::{MessageKind, NodeId, Role, Term};
use crate::sim::lanes::{LaneLog, Segment};
use crate::sim::msglog::{MessageLog, MsgFate, MsgRecord};
use crate::sim::{ClientOp, DropReason, Mark, MarkKind, NodeStatus};

/// Most arrows drawn at once (the newest win; the rest are counted).
pub const MAX_ARROWS: usize = 400;
/// Left margin for lane labels, px.
pub const LABEL_W: f64 = 44.0;
/// Height of one lane, px.
pub const LANE_H: f64 = 34.0;
/// Top margin (term bands' labels), px.
pub const TOP: f64 = 18.0;

/// What to show.
#[derive(Clone, Debug, PartialEq)]
pub struct StOptions {
    /// Ticks visible across the width (the zoom).
    pub span: u64,
    /// How many ticks before now the right edge is (the scroll; 0 = live).
    pub back: u64,
    /// Draw heartbeats one by one instead of one mark per broadcast.
    pub show_heartbeats: bool,
    /// Message kinds not drawn.
    pub hidden_kinds: Vec<MessageKind>,
    /// Nodes whose lanes are hidden.
    pub hidden_nodes: Vec<NodeId>,
    /// A node to highlight (its lane and its arrows).
    pub highlight: Option<NodeId>,
    /// Nodes involved in a violation's cause (their lanes are marked).
    pub cause_nodes: Vec<NodeId>,
    /// The cause being shown: its tick and the node that broke the rule.
    /// Arrows it sent to, or took from, the other `cause_nodes` at that tick
    /// are marked.
    pub cause_at: Option<(u64, NodeId)>,
    /// Client operations whose answers conflict (a linearizability
    /// violation's, from the checker): their bars are highlighted.
    pub conflict_ops: Vec<u64>,
    /// What the guided step on screen talks about: its arrows are
    /// highlighted, and drawn even when they are heartbeats.
    pub step: crate::view::step_focus::StepFocus,
    /// Drawing width, px (labels included).
    pub width: f64,
}

impl Default for StOptions {
    fn default() -> Self {
        StOptions {
            span: 120,
            back: 0,
            show_heartbeats: false,
            hidden_kinds: Vec::new(),
            hidden_nodes: Vec::new(),
            highlight: None,
            cause_nodes: Vec::new(),
            cause_at: None,
            conflict_ops: Vec::new(),
            step: Default::default(),
            width: 960.0,
        }
    }
}

/// How an arrow ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArrowEnd {
    /// At the receiver, delivered.
    Delivered,
    /// Still in flight: stops where it is now.
    InFlight,
    /// Held by the user: a dashed stub up to now.
    Held,
    /// Lost or dropped: a cross where it died.
    Dropped(DropReason),
}

/// One message arrow.
#[derive(Clone, Debug, PartialEq)]
pub struct StArrow {
    /// The message id.
    pub id: u64,
    /// Sender / receiver.
    pub from: NodeId,
    /// Receiver.
    pub to: NodeId,
    /// The message's kind.
    pub kind: MessageKind,
    /// Response granted/success, if a response.
    pub granted: Option<bool>,
    /// Send tick.
    pub sent: u64,
    /// Delivery tick, if delivered.
    pub delivered: Option<u64>,
    /// Endpoints, px.
    pub x1: f64,
    /// Start y.
    pub y1: f64,
    /// End x.
    pub x2: f64,
    /// End y.
    pub y2: f64,
    /// How it ends.
    pub end: ArrowEnd,
    /// Dimmed because another node is highlighted.
    pub dim: bool,
    /// Exchanged by the rule-breaking node at the cause's tick.
    pub cause: bool,
    /// One of the messages the guided step on screen talks about.
    pub step: bool,
}

/// A stretch of one lifeline in one state.
#[derive(Clone, Debug, PartialEq)]
pub struct StSpan {
    /// From x to x, px.
    pub x1: f64,
    /// End x.
    pub x2: f64,
    /// First and last tick covered.
    pub from: u64,
    /// Last tick (exclusive).
    pub to: u64,
    /// The role (meaningless while crashed).
    pub role: Role,
    /// Term.
    pub term: Term,
    /// Up, crashed or paused.
    pub status: NodeStatus,
}

/// One node's lane.
#[derive(Clone, Debug, PartialEq)]
pub struct StLane {
    /// The node.
    pub node: NodeId,
    /// Centre line, px.
    pub y: f64,
    /// Its spans, left to right.
    pub spans: Vec<StSpan>,
    /// Stretches (x1, x2) during which a link to or from it was cut.
    pub cut: Vec<(f64, f64)>,
    /// Highlighted.
    pub highlight: bool,
}

/// A mark on a lane: an election won, a commit, a crash, a restart, a
/// collapsed heartbeat broadcast.
#[derive(Clone, Debug, PartialEq)]
pub struct StMark {
    /// Tick.
    pub tick: u64,
    /// Node.
    pub node: NodeId,
    /// What.
    pub kind: StMarkKind,
    /// Position, px.
    pub x: f64,
    /// Lane y.
    pub y: f64,
}

/// What a mark is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StMarkKind {
    /// From the trace's timeline marks.
    Trace(MarkKind),
    /// A heartbeat broadcast of this many messages (collapsed).
    Heartbeats(usize),
}

/// A term band behind the lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct StBand {
    /// The term.
    pub term: Term,
    /// Left and right, px.
    pub x1: f64,
    /// Right.
    pub x2: f64,
}

/// The laid-out diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct StLayout {
    /// First and last tick shown.
    pub t0: u64,
    /// Right edge tick.
    pub t1: u64,
    /// The current tick (the cursor), px; `None` when scrolled away.
    pub cursor_x: Option<f64>,
    /// Size, px.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Lanes, top to bottom.
    pub lanes: Vec<StLane>,
    /// Arrows, oldest first.
    pub arrows: Vec<StArrow>,
    /// Marks.
    pub marks: Vec<StMark>,
    /// Term bands.
    pub bands: Vec<StBand>,
    /// Arrows in the window not drawn because of [`MAX_ARROWS`].
    pub capped: usize,
    /// Axis ticks: (tick, x).
    pub axis: Vec<(u64, f64)>,
    /// The client lane's operations.
    pub ops: Vec<StOp>,
    /// The client lane's top, px.
    pub client_y: f64,
    /// Pixels per tick (for placing anything else on the time axis).
    pub px_per_tick: f64,
}

impl StLayout {
    /// Where tick `t` is, if it is in the window.
    pub fn x_at(&self, t: u64) -> Option<f64> {
        (self.t0..=self.t1)
            .contains(&t)
            .then(|| LABEL_W + (t - self.t0) as f64 * self.px_per_tick)
    }
}

/// The inputs: what the world recorded, and now.
pub struct StInput<'a> {
    /// Every node of the cluster, ascending.
    pub nodes: &'a [NodeId],
    /// The message log.
    pub messages: &'a MessageLog,
    /// The lane log.
    pub lanes: &'a LaneLog,
    /// Timeline marks (elections, commits, crashes, restarts).
    pub marks: &'a crate::chunked::Chunked<Mark>,
    /// The client's operations (in invocation order).
    pub ops: &'a crate::chunked::Chunked<ClientOp>,
    /// The current tick.
    pub now: u64,
}

/// Lays out the window `[now - back - span, now - back]`.
pub fn layout(input: &StInput<'_>, opt: &StOptions) -> StLayout {
    let t1 = input.now.saturating_sub(opt.back);
    let t0 = t1.saturating_sub(opt.span.max(4));
    // Early in a run the window is what exists so far (at least 20 ticks).
    let span = (t1 - t0).max(20);
    let plot_w = (opt.width - LABEL_W - 8.0).max(40.0);
    let px = plot_w / span as f64;
    let x = |t: u64| LABEL_W + (t.saturating_sub(t0)) as f64 * px;
    let visible: Vec<NodeId> = input
        .nodes
        .iter()
        .copied()
        .filter(|n| !opt.hidden_nodes.contains(n))
        .collect();
    let lane_y = |n: NodeId| {
        visible
            .iter()
            .position(|&v| v == n)
            .map(|i| TOP + LANE_H * (i as f64 + 0.5))
    };
    let lanes = visible
        .iter()
        .map(|&n| StLane {
            node: n,
            y: lane_y(n).unwrap_or(0.0),
            spans: spans_of(input.lanes.lane(n), t0, t1, &x),
            cut: cut_of(input.lanes, n, t0, t1, &x),
            highlight: opt.highlight == Some(n) || opt.cause_nodes.contains(&n),
        })
        .collect();
    let mut arrows = Vec::new();
    let mut hb: Vec<StMark> = Vec::new();
    for r in input.messages.in_window(t0, t1, input.now) {
        if opt.hidden_kinds.contains(&r.kind) || r.sent > t1 {
            continue;
        }
        let (Some(y1), Some(y2)) = (lane_y(r.from), lane_y(r.to)) else {
            continue;
        };
        let step = opt.step.arrow(r);
        if r.heartbeat && !opt.show_heartbeats && !step {
            collapse_heartbeat(&mut hb, r, x(r.sent), y1);
            continue;
        }
        let mut a = arrow(r, y1, y2, input.now, &x, opt.highlight);
        a.cause = touches_cause(r, opt);
        a.step = step;
        arrows.push(a);
    }
    let capped = arrows.len().saturating_sub(MAX_ARROWS);
    arrows.drain(..capped);
    // Marks are kept in tick order: find the window by binary search, so a
    // frame costs what the window holds, not what the run recorded.
    let first = input.marks.partition_point(|m| m.tick < t0);
    let mut marks: Vec<StMark> = input
        .marks
        .iter_from(first)
        .take_while(|m| m.tick <= t1)
        .filter_map(|m| {
            Some(StMark {
                tick: m.tick,
                node: m.node,
                kind: StMarkKind::Trace(m.kind),
                x: x(m.tick),
                y: lane_y(m.node)?,
            })
        })
        .collect();
    marks.extend(hb);
    let client_y = TOP + LANE_H * visible.len() as f64 + 6.0;
    let ops = client_ops(input, t0, t1, client_y, &x, &opt.conflict_ops);
    let client_h = if ops.is_empty() {
        0.0
    } else {
        CLIENT_ROWS as f64 * 14.0 + 8.0
    };
    let height = client_y + client_h + 20.0;
    StLayout {
        t0,
        t1,
        cursor_x: (opt.back == 0).then(|| x(input.now)),
        width: opt.width,
        height,
        lanes,
        arrows,
        marks,
        bands: bands(input, t0, t1, &x),
        capped,
        axis: axis(t0, t1, &x),
        ops,
        client_y,
        px_per_tick: px,
    }
}

fn spans_of<'a>(
    segs: impl Iterator<Item = &'a Segment>,
    t0: u64,
    t1: u64,
    x: &impl Fn(u64) -> f64,
) -> Vec<StSpan> {
    let segs: Vec<&Segment> = segs.collect();
    let mut out = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        let end = segs.get(i + 1).map_or(t1, |n| n.from);
        if end < t0 || s.from > t1 {
            continue;
        }
        let (from, to) = (s.from.max(t0), end.min(t1));
        out.push(StSpan {
            x1: x(from),
            x2: x(to),
            from,
            to,
            role: s.role,
            term: s.term,
            status: s.status,
        });
    }
    out
}

/// Where node `n` had a cut link (a fault interval to shade).
fn cut_of(
    lanes: &LaneLog,
    n: NodeId,
    t0: u64,
    t1: u64,
    x: &impl Fn(u64) -> f64,
) -> Vec<(f64, f64)> {
    let segs: Vec<_> = lanes.cuts().collect();
    let mut out = Vec::new();
    for (i, (from, cut)) in segs.iter().enumerate() {
        let end = segs.get(i + 1).map_or(t1, |(next, _)| *next);
        let touches = cut.iter().any(|&(a, b)| a == n || b == n);
        if touches && end >= t0 && *from <= t1 {
            out.push((x((*from).max(t0)), x(end.min(t1))));
        }
    }
    out
}

/// Whether the rule-breaking node sent `r` to, or took it from, another
/// node of the cause at the cause's tick (the vote granted without the log
/// check, the stale leader's AppendEntries accepted, …).
fn touches_cause(r: &MsgRecord, opt: &StOptions) -> bool {
    let Some((tick, node)) = opt.cause_at else {
        return false;
    };
    let other = |n: NodeId| n != node && opt.cause_nodes.contains(&n);
    let took =
        matches!(r.fate, MsgFate::Delivered(t) if t == tick) && r.to == node && other(r.from);
    (r.sent == tick && r.from == node && other(r.to)) || took
}

fn collapse_heartbeat(hb: &mut Vec<StMark>, r: &MsgRecord, x: f64, y: f64) {
    // A leader's heartbeats of one tick form one broadcast mark; the replies
    // to heartbeats are folded away with them.
    if r.granted.is_some() {
        return;
    }
    match hb.iter_mut().find(|m| m.node == r.from && m.tick == r.sent) {
        Some(StMark {
            kind: StMarkKind::Heartbeats(n),
            ..
        }) => *n += 1,
        _ => hb.push(StMark {
            tick: r.sent,
            node: r.from,
            kind: StMarkKind::Heartbeats(1),
            x,
            y,
        }),
    }
}

fn arrow(
    r: &MsgRecord,
    y1: f64,
    y2: f64,
    now: u64,
    x: &impl Fn(u64) -> f64,
    highlight: Option<NodeId>,
) -> StArrow {
    let x1 = x(r.sent);
    let toward = |t: u64, frac: f64| (x(t), y1 + (y2 - y1) * frac.clamp(0.0, 1.0));
    let ((x2, y2e), end, delivered) = match r.fate {
        MsgFate::Delivered(t) => ((x(t), y2), ArrowEnd::Delivered, Some(t)),
        MsgFate::Dropped(t, why) => (toward(t.max(r.sent + 1), 0.5), ArrowEnd::Dropped(why), None),
        MsgFate::Held => (toward(now, 0.33), ArrowEnd::Held, None),
        MsgFate::InFlight => {
            let total = r.due.saturating_sub(r.sent).max(1) as f64;
            let frac = now.saturating_sub(r.sent) as f64 / total;
            (toward(now, frac.min(0.95)), ArrowEnd::InFlight, None)
        }
    };
    StArrow {
        id: r.id,
        from: r.from,
        to: r.to,
        kind: r.kind,
        granted: r.granted,
        sent: r.sent,
        delivered,
        x1,
        y1,
        x2,
        y2: y2e,
        end,
        dim: highlight.is_some_and(|h| h != r.from && h != r.to),
        cause: false,
        step: false,
    }
}
