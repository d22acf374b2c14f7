//! Pure decisions of the cluster view: role keys and badges, node sizes,
//! where a message is drawn, how it is styled and labelled, vote tallies,
//! and the groups a partitioned network falls into (majority / minority).
//! No browser types: all of it is unit-tested natively.

use super::i18n::{Lang, MessageName};
use super::layout::{Point, NODE_RADIUS};
use super::links::LinkState;
use super::node_names::{NodeName, NodeNames};
use crate::raft::{MessageBody, MessageKind, NodeId, Role, Term};
use crate::sim::{Envelope, MsgId, NodeStatus, RoleKey};
use crate::vec_map::VecMap;
use std::borrow::Cow;

/// The role key of a node (its `data-role` is [`RoleKey::name`]): its
/// status wins over its Raft role.
pub fn role_key(status: NodeStatus, role: Role) -> RoleKey {
    RoleKey::of(status, role)
}

/// The one-character badge on a node (a letter in English, the first
/// character of the course word in Chinese). Crashed and paused nodes draw
/// a shape instead and get an empty badge.
pub fn role_badge(lang: Lang, key: RoleKey) -> &'static str {
    match (key, lang) {
        (RoleKey::Follower, Lang::En) => "F",
        (RoleKey::Follower, Lang::Zh) => "跟",
        (RoleKey::PreCandidate, Lang::En) => "P",
        (RoleKey::PreCandidate, Lang::Zh) => "预",
        (RoleKey::Candidate, Lang::En) => "C",
        (RoleKey::Candidate, Lang::Zh) => "候",
        (RoleKey::Leader, Lang::En) => "L",
        (RoleKey::Leader, Lang::Zh) => "领",
        (RoleKey::Crashed | RoleKey::Paused, _) => "",
    }
}

/// The role line under a node: the role, or for a paused node the role it
/// keeps underneath ("Paused · Leader").
pub fn role_line(lang: Lang, key: RoleKey, role: Role) -> Cow<'static, str> {
    if key == RoleKey::Paused {
        let sep = lang.t(" · ", "·");
        Cow::Owned(format!(
            "{}{sep}{}",
            lang.role(RoleKey::Paused),
            lang.role(RoleKey::from(role))
        ))
    } else {
        Cow::Borrowed(lang.role(key))
    }
}

/// The accessible name of a node, e.g. "n3, Leader, term 4".
pub fn node_aria(
    lang: Lang,
    names: NodeNames,
    id: NodeId,
    key: RoleKey,
    role: Role,
    term: u64,
) -> String {
    let role = role_line(lang, key, role);
    match lang {
        Lang::En => format!("{id}, {role}, term {term}", id = names.of(id)),
        Lang::Zh => format!("{id}，{role}，任期 {term}", id = names.of(id)),
    }
}

/// "voted n2" under a node, or `None` when it has not voted this term.
pub fn voted_line(lang: Lang, voted_for: Option<NodeName>) -> Option<String> {
    voted_for.map(|v| match lang {
        Lang::En => format!("voted {v}"),
        Lang::Zh => format!("投给 {v}"),
    })
}

/// The line under a node's role: "term 4 · voted n2" / "任期 4 · 投给 n2".
pub fn info_line(lang: Lang, term: u64, voted_for: Option<NodeName>) -> String {
    let term = match lang {
        Lang::En => format!("term {term}"),
        Lang::Zh => format!("任期 {term}"),
    };
    match voted_line(lang, voted_for) {
        Some(v) => format!("{term} · {v}"),
        None => term,
    }
}

/// The drawn radius of a node: smaller in bigger clusters so that messages
/// keep room to travel between neighbours.
pub fn node_radius(n: usize) -> f64 {
    match n {
        0..=5 => NODE_RADIUS,
        6..=7 => 50.0,
        _ => 44.0,
    }
}

/// Sideways offset of a message from its link's centre line, so the two
/// directions of a link do not overlap.
pub const MESSAGE_SIDE: f64 = 13.0;

/// Where a message from `a` to `b` is drawn at flight fraction `f`, between
/// the edges of circles of radius `r`, shifted to its direction's side.
pub fn flight_point(a: Point, b: Point, f: f64, r: f64) -> Point {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1e-9 {
        return a;
    }
    let (ux, uy) = (dx / len, dy / len);
    let travel = travel_length(a, b, r);
    let along = r + 8.0 + travel * f.clamp(0.0, 1.0);
    Point {
        x: a.x + ux * along - uy * MESSAGE_SIDE,
        y: a.y + uy * along + ux * MESSAGE_SIDE,
    }
}

/// Distance a message travels between the edges of two nodes of radius `r`.
pub fn travel_length(a: Point, b: Point, r: f64) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    ((dx * dx + dy * dy).sqrt() - 2.0 * r - 16.0).max(0.0)
}

/// Room one waiting message takes on its link, in view units.
const QUEUE_SPACING: f64 = 34.0;

/// The fraction at which the `k`-th message (0-based) waiting at the
/// receiver's end of a link is parked: queued back along the link so that
/// waiting messages do not sit on top of each other.
pub fn queue_fraction(k: usize, travel: f64) -> f64 {
    if k == 0 || travel <= 0.0 {
        return 1.0;
    }
    (1.0 - k as f64 * QUEUE_SPACING / travel).max(0.0)
}

/// How much of the election timer is left, 1 (just reset) to 0 (fires),
/// `phase` ticks after the node's last tick.
pub fn timer_remaining(elapsed: u32, timeout: u32, phase: f64) -> f64 {
    if timeout == 0 {
        return 0.0;
    }
    (1.0 - (f64::from(elapsed) + phase) / f64::from(timeout)).clamp(0.0, 1.0)
}

/// A peer's answer in a (pre-)candidate's tally.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteMark {
    /// Voted yes.
    Granted,
    /// Voted no.
    Denied,
    /// Not heard from yet.
    Pending,
}

impl VoteMark {
    /// CSS class of the tally dot.
    pub fn class(self) -> &'static str {
        match self {
            VoteMark::Granted => "vote granted",
            VoteMark::Denied => "vote denied",
            VoteMark::Pending => "vote pending",
        }
    }
}

/// One mark per member, in id order, from a (pre-)candidate's `votes()`.
pub fn vote_marks(members: &[NodeId], votes: &VecMap<NodeId, bool>) -> Vec<VoteMark> {
    members
        .iter()
        .map(|m| match votes.get(m) {
            Some(true) => VoteMark::Granted,
            Some(false) => VoteMark::Denied,
            None => VoteMark::Pending,
        })
        .collect()
}

/// The tally text above a (pre-)candidate: "votes 2/3" (3 = majority).
pub fn tally_text(lang: Lang, pre_vote: bool, granted: usize, quorum: usize) -> String {
    match (lang, pre_vote) {
        (Lang::En, false) => format!("votes {granted}/{quorum}"),
        (Lang::En, true) => format!("pre-votes {granted}/{quorum}"),
        (Lang::Zh, false) => format!("得票 {granted}/{quorum}"),
        (Lang::Zh, true) => format!("预投票 {granted}/{quorum}"),
    }
}

/// What the view needs to know about one message in flight: small and
/// `Copy`, so a message glyph's props compare cheaply every frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MsgFacts {
    /// Its id.
    pub id: MsgId,
    /// Sender.
    pub from: NodeId,
    /// Receiver.
    pub to: NodeId,
    /// The term it carries.
    pub term: Term,
    /// Its kind (`data-msg` is [`MessageKind::name`]).
    pub kind: MessageKind,
    /// Entries carried (AppendEntries).
    pub entries: usize,
    /// Bytes of snapshot carried (InstallSnapshot).
    pub snapshot_bytes: Option<usize>,
    /// A response's answer (`None` for requests).
    pub granted: Option<bool>,
    /// Held by the user.
    pub held: bool,
    /// A copy made by the network.
    pub duplicate: bool,
}

impl MsgFacts {
    /// The facts of one envelope.
    pub fn of(env: &Envelope) -> MsgFacts {
        let body = &env.msg.body;
        MsgFacts {
            id: env.id,
            from: env.msg.from,
            to: env.msg.to,
            term: env.msg.term,
            kind: body.kind(),
            entries: body.entry_count(),
            snapshot_bytes: body.snapshot_bytes(),
            granted: body.granted(),
            held: env.held,
            duplicate: env.duplicate_of.is_some(),
        }
    }

    /// An AppendEntries with no entries.
    pub fn is_heartbeat(&self) -> bool {
        self.kind == MessageKind::AppendEntries && self.entries == 0
    }

    /// Drawn as a dot, not a labelled pill: a heartbeat, or a message with
    /// no room for its label on its link (`compact`, from the route). The
    /// message layer keys its elements by this shape
    /// (`pool::MessagePool`), so the glyph and the pool ask the same rule.
    pub fn is_dot(&self, compact: bool) -> bool {
        self.is_heartbeat() || compact
    }

    /// What it is called ([`Lang::message`]): its kind, or a heartbeat.
    pub fn name_key(&self) -> MessageName {
        if self.is_heartbeat() {
            MessageName::Heartbeat
        } else {
            MessageName::Kind(self.kind)
        }
    }

    /// The CSS classes of its glyph: the kind, and for a response whether
    /// it says yes (`ok`) or no (`no`). Exhaustive: a new kind needs a picture.
    pub fn class(&self) -> &'static str {
        let ok = self.granted == Some(true);
        match self.kind {
            MessageKind::PreVote => "msg pv",
            MessageKind::RequestVote => "msg rv",
            MessageKind::AppendEntries if self.entries == 0 => "msg hb",
            MessageKind::AppendEntries => "msg ae",
            MessageKind::PreVoteResponse if ok => "msg resp pv ok",
            MessageKind::PreVoteResponse => "msg resp pv no",
            MessageKind::RequestVoteResponse if ok => "msg resp rv ok",
            MessageKind::RequestVoteResponse => "msg resp rv no",
            MessageKind::AppendEntriesResponse if ok => "msg resp ae ok",
            MessageKind::AppendEntriesResponse => "msg resp ae no",
            MessageKind::InstallSnapshot => "msg snap",
            MessageKind::InstallSnapshotResponse if ok => "msg resp snap ok",
            MessageKind::InstallSnapshotResponse => "msg resp snap no",
            MessageKind::ReadIndex => "msg ri",
            MessageKind::ReadIndexResponse if ok => "msg resp ri ok",
            MessageKind::ReadIndexResponse => "msg resp ri no",
            MessageKind::TimeoutNow => "msg tn",
        }
    }

    /// The short text on its glyph: `PV`, `RV`, `AE 3` (entries carried),
    /// nothing for a heartbeat, `RV ✓` / `AE ✗` for responses.
    pub fn label(&self) -> Cow<'static, str> {
        let ok = self.granted == Some(true);
        Cow::Borrowed(match self.kind {
            MessageKind::PreVote => "PV",
            MessageKind::RequestVote => "RV",
            MessageKind::AppendEntries if self.entries == 0 => "",
            MessageKind::AppendEntries => return Cow::Owned(format!("AE {}", self.entries)),
            MessageKind::PreVoteResponse if ok => "PV ✓",
            MessageKind::PreVoteResponse => "PV ✗",
            MessageKind::RequestVoteResponse if ok => "RV ✓",
            MessageKind::RequestVoteResponse => "RV ✗",
            MessageKind::AppendEntriesResponse if ok => "AE ✓",
            MessageKind::AppendEntriesResponse => "AE ✗",
            MessageKind::InstallSnapshot => {
                return Cow::Owned(format!("SNAP {}B", self.snapshot_bytes.unwrap_or(0)))
            }
            MessageKind::InstallSnapshotResponse if ok => "SNAP ✓",
            MessageKind::InstallSnapshotResponse => "SNAP ✗",
            MessageKind::ReadIndex => "RI",
            MessageKind::ReadIndexResponse if ok => "RI ✓",
            MessageKind::ReadIndexResponse => "RI ✗",
            MessageKind::TimeoutNow => "TN",
        })
    }

    /// Width of its glyph in view units (heartbeats are small dots).
    pub fn width(&self) -> f64 {
        if self.is_heartbeat() {
            16.0
        } else {
            let chars = self.label().chars().count() as f64;
            (chars * 9.5 + 14.0).max(32.0)
        }
    }

    /// Its accessible name, e.g. "RequestVote n1 → n2, term 3, held".
    pub fn aria(&self, lang: Lang, names: NodeNames) -> String {
        let name = lang.message(self.name_key());
        let (from, to, term) = (self.from, self.to, self.term);
        let mut s = match lang {
            Lang::En => format!(
                "{name} {from} → {to}, term {term}",
                from = names.of(from),
                to = names.of(to)
            ),
            Lang::Zh => format!(
                "{name} {from} → {to}，任期 {term}",
                from = names.of(from),
                to = names.of(to)
            ),
        };
        if let Some(ok) = self.granted {
            s.push_str(match (lang, ok) {
                (Lang::En, true) => ", granted",
                (Lang::En, false) => ", rejected",
                (Lang::Zh, true) => "，同意",
                (Lang::Zh, false) => "，拒绝",
            });
        }
        let n = self.entries;
        if n > 0 {
            s.push_str(&match lang {
                Lang::En => format!(", {n} entries"),
                Lang::Zh => format!("，{n} 个条目"),
            });
        }
        if let Some(b) = self.snapshot_bytes {
            s.push_str(&match lang {
                Lang::En => format!(", snapshot of {b} bytes"),
                Lang::Zh => format!("，快照 {b} 字节"),
            });
        }
        if self.held {
            s.push_str(lang.t(", held", "，已扣留"));
        }
        if self.duplicate {
            s.push_str(lang.t(", duplicate", "，重复副本"));
        }
        s
    }

    /// The accessible name of its glyph: the visible label first (WCAG
    /// 2.5.3, label in name), then [`MsgFacts::aria`]:
    /// "RV ✓ · RequestVoteResponse n2 → n1, term 3, granted".
    pub fn accessible_name(&self, lang: Lang, names: NodeNames) -> String {
        let label = self.label();
        if label.is_empty() {
            self.aria(lang, names)
        } else {
            format!("{label} · {}", self.aria(lang, names))
        }
    }
}

/// The time of the latest AppendEntries from `from` still in flight (a
/// heartbeat pulse restarts whenever this changes).
pub fn pulse_key(in_flight: &[Envelope], from: NodeId) -> Option<u64> {
    in_flight
        .iter()
        .filter(|e| e.msg.from == from && matches!(e.msg.body, MessageBody::AppendEntries { .. }))
        .map(|e| e.sent_at)
        .max()
}

/// The accessible name of a link and what activating it does.
pub fn link_aria(lang: Lang, names: NodeNames, a: NodeId, b: NodeId, state: LinkState) -> String {
    match (lang, state) {
        (Lang::En, LinkState::Up) => format!(
            "Link {a}–{b}: connected. Activate to cut",
            a = names.of(a),
            b = names.of(b)
        ),
        (Lang::En, LinkState::Cut) => {
            format!(
                "Link {a}–{b}: cut. Activate to let only {a} → {b} through",
                a = names.of(a),
                b = names.of(b)
            )
        }
        (Lang::En, LinkState::OneWayAB) => {
            format!(
                "Link {a}–{b}: only {a} → {b}. Activate to let only {b} → {a} through",
                a = names.of(a),
                b = names.of(b)
            )
        }
        (Lang::En, LinkState::OneWayBA) => {
            format!(
                "Link {a}–{b}: only {b} → {a}. Activate to reconnect",
                a = names.of(a),
                b = names.of(b)
            )
        }
        (Lang::Zh, LinkState::Up) => format!(
            "链路 {a}–{b}：连通。点击断开",
            a = names.of(a),
            b = names.of(b)
        ),
        (Lang::Zh, LinkState::Cut) => format!(
            "链路 {a}–{b}：已断开。点击改为仅 {a} → {b}",
            a = names.of(a),
            b = names.of(b)
        ),
        (Lang::Zh, LinkState::OneWayAB) => {
            format!(
                "链路 {a}–{b}：仅 {a} → {b}。点击改为仅 {b} → {a}",
                a = names.of(a),
                b = names.of(b)
            )
        }
        (Lang::Zh, LinkState::OneWayBA) => {
            format!(
                "链路 {a}–{b}：仅 {b} → {a}。点击恢复连通",
                a = names.of(a),
                b = names.of(b)
            )
        }
    }
}

pub mod geom;
mod groups;
pub mod labels;
pub mod pool;
pub mod ring;
pub mod routes;
pub mod statics;
pub use groups::{
    across_groups, bubble_label_point, group_band_path, group_label, partition_groups, Group,
};

#[cfg(test)]
mod tests;

#[cfg(test)]
mod route_tests;
