//! Pure decisions of the cluster view: role keys and badges, node sizes,
//! where a message is drawn, how it is styled and labelled, vote tallies,
//! and the groups a partitioned network falls into (majority / minority).
//! No browser types: all of it is unit-tested natively.

use super::i18n::Lang;
use super::layout::{node_position, ring_radius, Point, NODE_RADIUS, VIEW_SIZE};
use super::links::LinkState;
use crate::raft::{MessageBody, NodeId, Role, Term};
use crate::sim::{Envelope, MsgId, Network, NodeStatus};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The `data-role` of a node: its status wins over its Raft role.
pub fn role_key(status: NodeStatus, role: Role) -> &'static str {
    match status {
        NodeStatus::Crashed => "crashed",
        NodeStatus::Paused => "paused",
        NodeStatus::Up => role.name(),
    }
}

/// The one-character badge on a node (a letter in English, the first
/// character of the course word in Chinese). Crashed and paused nodes draw
/// a shape instead and get an empty badge.
pub fn role_badge(lang: Lang, key: &str) -> &'static str {
    match (key, lang) {
        ("follower", Lang::En) => "F",
        ("follower", Lang::Zh) => "跟",
        ("precandidate", Lang::En) => "P",
        ("precandidate", Lang::Zh) => "预",
        ("candidate", Lang::En) => "C",
        ("candidate", Lang::Zh) => "候",
        ("leader", Lang::En) => "L",
        ("leader", Lang::Zh) => "领",
        _ => "",
    }
}

/// The role line under a node: the role, or for a paused node the role it
/// keeps underneath ("Paused · Leader").
pub fn role_line(lang: Lang, key: &str, role: Role) -> Cow<'static, str> {
    if key == "paused" {
        let sep = lang.t(" · ", "·");
        Cow::Owned(format!(
            "{}{sep}{}",
            lang.role("paused"),
            lang.role(role.name())
        ))
    } else {
        Cow::Borrowed(lang.role(key))
    }
}

/// The accessible name of a node, e.g. "n3, Leader, term 4".
pub fn node_aria(lang: Lang, id: NodeId, key: &str, role: Role, term: u64) -> String {
    let role = role_line(lang, key, role);
    match lang {
        Lang::En => format!("n{id}, {role}, term {term}"),
        Lang::Zh => format!("n{id}，{role}，任期 {term}"),
    }
}

/// "voted n2" under a node, or `None` when it has not voted this term.
pub fn voted_line(lang: Lang, voted_for: Option<NodeId>) -> Option<String> {
    voted_for.map(|v| match lang {
        Lang::En => format!("voted n{v}"),
        Lang::Zh => format!("投给 n{v}"),
    })
}

/// The line under a node's role: "term 4 · voted n2" / "任期 4 · 投给 n2".
pub fn info_line(lang: Lang, term: u64, voted_for: Option<NodeId>) -> String {
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
pub fn vote_marks(members: &[NodeId], votes: &BTreeMap<NodeId, bool>) -> Vec<VoteMark> {
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
    /// `MessageBody::kind()` (the `data-msg` attribute).
    pub kind: &'static str,
    /// Entries carried (AppendEntries).
    pub entries: usize,
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
            granted: body.granted(),
            held: env.held,
            duplicate: env.duplicate_of.is_some(),
        }
    }

    /// An AppendEntries with no entries.
    pub fn is_heartbeat(&self) -> bool {
        self.kind == "append-entries" && self.entries == 0
    }

    /// The key for [`Lang::message`]: the kind, or `heartbeat`.
    pub fn name_key(&self) -> &'static str {
        if self.is_heartbeat() {
            "heartbeat"
        } else {
            self.kind
        }
    }

    /// The CSS classes of its glyph: the kind, and for a response whether
    /// it says yes (`ok`) or no (`no`).
    pub fn class(&self) -> &'static str {
        match (self.kind, self.granted) {
            ("pre-vote", _) => "msg pv",
            ("request-vote", _) => "msg rv",
            ("append-entries", _) if self.entries == 0 => "msg hb",
            ("append-entries", _) => "msg ae",
            ("pre-vote-resp", Some(true)) => "msg resp pv ok",
            ("pre-vote-resp", _) => "msg resp pv no",
            ("request-vote-resp", Some(true)) => "msg resp rv ok",
            ("request-vote-resp", _) => "msg resp rv no",
            ("append-entries-resp", Some(true)) => "msg resp ae ok",
            _ => "msg resp ae no",
        }
    }

    /// The short text on its glyph: `PV`, `RV`, `AE 3` (entries carried),
    /// nothing for a heartbeat, `RV ✓` / `AE ✗` for responses.
    pub fn label(&self) -> Cow<'static, str> {
        let ok = self.granted == Some(true);
        Cow::Borrowed(match self.kind {
            "pre-vote" => "PV",
            "request-vote" => "RV",
            "append-entries" if self.entries == 0 => "",
            "append-entries" => return Cow::Owned(format!("AE {}", self.entries)),
            "pre-vote-resp" if ok => "PV ✓",
            "pre-vote-resp" => "PV ✗",
            "request-vote-resp" if ok => "RV ✓",
            "request-vote-resp" => "RV ✗",
            _ if ok => "AE ✓",
            _ => "AE ✗",
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
    pub fn aria(&self, lang: Lang) -> String {
        let name = lang.message(self.name_key());
        let (from, to, term) = (self.from, self.to, self.term);
        let mut s = match lang {
            Lang::En => format!("{name} n{from} → n{to}, term {term}"),
            Lang::Zh => format!("{name} n{from} → n{to}，任期 {term}"),
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
        if self.held {
            s.push_str(lang.t(", held", "，已扣留"));
        }
        if self.duplicate {
            s.push_str(lang.t(", duplicate", "，重复副本"));
        }
        s
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
pub fn link_aria(lang: Lang, a: NodeId, b: NodeId, state: LinkState) -> String {
    match (lang, state) {
        (Lang::En, LinkState::Up) => format!("Link n{a}–n{b}: connected. Activate to cut"),
        (Lang::En, LinkState::Cut) => {
            format!("Link n{a}–n{b}: cut. Activate to let only n{a} → n{b} through")
        }
        (Lang::En, LinkState::OneWayAB) => {
            format!("Link n{a}–n{b}: only n{a} → n{b}. Activate to let only n{b} → n{a} through")
        }
        (Lang::En, LinkState::OneWayBA) => {
            format!("Link n{a}–n{b}: only n{b} → n{a}. Activate to reconnect")
        }
        (Lang::Zh, LinkState::Up) => format!("链路 n{a}–n{b}：连通。点击断开"),
        (Lang::Zh, LinkState::Cut) => format!("链路 n{a}–n{b}：已断开。点击改为仅 n{a} → n{b}"),
        (Lang::Zh, LinkState::OneWayAB) => {
            format!("链路 n{a}–n{b}：仅 n{a} → n{b}。点击改为仅 n{b} → n{a}")
        }
        (Lang::Zh, LinkState::OneWayBA) => {
            format!("链路 n{a}–n{b}：仅 n{b} → n{a}。点击恢复连通")
        }
    }
}

/// A group of nodes that can all talk to each other both ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Its members, in id order.
    pub members: Vec<NodeId>,
    /// Whether it holds a majority of the whole cluster.
    pub majority: bool,
}

/// The groups a split network falls into: connected components of the
/// graph of links that are up in both directions. Empty while the network
/// is whole (no cut link, or every node still reachable both ways).
pub fn partition_groups(net: &Network, ids: &[NodeId]) -> Vec<Group> {
    if net.cut_links().next().is_none() || ids.len() < 2 {
        return Vec::new();
    }
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..ids.len() {
        for j in i + 1..ids.len() {
            if net.is_up(ids[i], ids[j]) && net.is_up(ids[j], ids[i]) {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if ri != rj {
                    parent[ri.max(rj)] = ri.min(rj);
                }
            }
        }
    }
    let mut groups: Vec<(usize, Vec<NodeId>)> = Vec::new();
    for (i, &id) in ids.iter().enumerate() {
        let r = root(&mut parent, i);
        match groups.iter_mut().find(|(g, _)| *g == r) {
            Some((_, members)) => members.push(id),
            None => groups.push((r, vec![id])),
        }
    }
    if groups.len() < 2 {
        return Vec::new();
    }
    let quorum = ids.len() / 2 + 1;
    groups
        .into_iter()
        .map(|(_, mut members)| {
            members.sort_unstable();
            Group {
                majority: members.len() >= quorum,
                members,
            }
        })
        .collect()
}

/// The label of a group's bubble, e.g. "Majority 3/5" / "少数派 2/5".
pub fn group_label(lang: Lang, group: &Group, total: usize) -> String {
    let word = match (group.majority, lang) {
        (true, Lang::En) => "Majority",
        (true, Lang::Zh) => "多数派",
        (false, Lang::En) => "Minority",
        (false, Lang::Zh) => "少数派",
    };
    format!("{word} {}/{total}", group.members.len())
}

/// The bands of a group's bubble: for each member whose clockwise
/// neighbour on the ring is in the same group, the ring arc between their
/// centres (drawn with a wide round stroke, consecutive members become one
/// band along the ring; groups never overlap). A member with no neighbour
/// in its group gets a zero-length arc, drawn as a dot by the round cap.
pub fn group_band_path(members: &[NodeId], n: usize) -> String {
    let r = ring_radius(n);
    let mut s = String::new();
    for &m in members {
        let i = (m as usize).wrapping_sub(1);
        if i >= n {
            continue;
        }
        let p = node_position(i, n);
        let next = (i + 1) % n;
        let next_id = (next + 1) as NodeId;
        if !s.is_empty() {
            s.push(' ');
        }
        if n > 1 && next != i && members.contains(&next_id) {
            let q = node_position(next, n);
            s.push_str(&format!(
                "M{:.1} {:.1} A{r:.1} {r:.1} 0 0 1 {:.1} {:.1}",
                p.x, p.y, q.x, q.y
            ));
        } else {
            s.push_str(&format!("M{:.1} {:.1} l0 0.01", p.x, p.y));
        }
    }
    s
}

/// Whether the link `a`–`b` joins two different groups of a split network
/// (such cut links are drawn quieter: the bubbles already tell the story).
pub fn across_groups(groups: &[Group], a: NodeId, b: NodeId) -> bool {
    let of = |x: NodeId| groups.iter().position(|g| g.members.contains(&x));
    match (of(a), of(b)) {
        (Some(ga), Some(gb)) => ga != gb,
        _ => false,
    }
}

/// Where a group's label goes: inside the ring, toward the group's mean
/// direction from the centre, clear of the nodes (radius `r`).
pub fn bubble_label_point(points: &[Point], n: usize, r: f64) -> Point {
    let c = VIEW_SIZE / 2.0;
    let (mut sx, mut sy) = (0.0, 0.0);
    for p in points {
        sx += p.x - c;
        sy += p.y - c;
    }
    let len = (sx * sx + sy * sy).sqrt();
    let (ux, uy) = if len > 1e-6 {
        (sx / len, sy / len)
    } else if let Some(p) = points.first() {
        let (dx, dy) = (p.x - c, p.y - c);
        let l = (dx * dx + dy * dy).sqrt().max(1e-6);
        (dx / l, dy / l)
    } else {
        (0.0, -1.0)
    };
    let dist = (ring_radius(n) - r - 110.0).max(0.0);
    Point {
        x: c + ux * dist,
        y: c + uy * dist,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::{Entry, EntryData, Message};

    fn body_ae(n: usize) -> MessageBody {
        MessageBody::AppendEntries {
            prev_log_index: 0,
            prev_log_term: 0,
            entries: (1..=n as u64)
                .map(|i| Entry {
                    index: i,
                    term: 1,
                    data: EntryData::Noop,
                })
                .collect(),
            leader_commit: 0,
        }
    }

    fn env(from: NodeId, to: NodeId, body: MessageBody, sent_at: u64) -> Envelope {
        Envelope {
            id: sent_at,
            msg: Message {
                from,
                to,
                term: 2,
                body,
            },
            sent_at,
            deliver_at: sent_at + 3,
            held: false,
            duplicate_of: None,
        }
    }

    #[test]
    fn status_wins_over_role_and_badges_are_bilingual() {
        assert_eq!(role_key(NodeStatus::Up, Role::Leader), "leader");
        assert_eq!(role_key(NodeStatus::Crashed, Role::Leader), "crashed");
        assert_eq!(role_key(NodeStatus::Paused, Role::Follower), "paused");
        assert_eq!(role_badge(Lang::En, "leader"), "L");
        assert_eq!(role_badge(Lang::Zh, "leader"), "领");
        assert_eq!(role_badge(Lang::Zh, "candidate"), "候");
        assert_eq!(role_badge(Lang::En, "crashed"), "");
        assert_eq!(
            role_line(Lang::En, "paused", Role::Leader),
            "Paused · Leader"
        );
        assert_eq!(role_line(Lang::Zh, "leader", Role::Leader), "领导者");
        assert_eq!(
            node_aria(Lang::En, 3, "leader", Role::Leader, 4),
            "n3, Leader, term 4"
        );
        assert_eq!(
            node_aria(Lang::Zh, 3, "leader", Role::Leader, 4),
            "n3，领导者，任期 4"
        );
        assert_eq!(voted_line(Lang::En, Some(2)).as_deref(), Some("voted n2"));
        assert_eq!(voted_line(Lang::Zh, None), None);
        assert_eq!(info_line(Lang::En, 4, Some(2)), "term 4 · voted n2");
        assert_eq!(info_line(Lang::Zh, 4, None), "任期 4");
    }

    fn facts(body: MessageBody) -> MsgFacts {
        MsgFacts::of(&env(1, 2, body, 5))
    }

    #[test]
    fn message_kinds_map_to_classes_and_labels() {
        let pv = facts(MessageBody::RequestVote {
            pre_vote: true,
            last_log_index: 0,
            last_log_term: 0,
        });
        let rv_no = facts(MessageBody::RequestVoteResponse {
            pre_vote: false,
            vote_granted: false,
        });
        let pv_ok = facts(MessageBody::RequestVoteResponse {
            pre_vote: true,
            vote_granted: true,
        });
        let ae_ok = facts(MessageBody::AppendEntriesResponse {
            success: true,
            match_index: 3,
            rejected_prev_index: 0,
            conflict_term: None,
            conflict_index: 0,
        });
        let (hb, ae3, ae12) = (facts(body_ae(0)), facts(body_ae(3)), facts(body_ae(12)));
        assert_eq!((pv.class(), pv.label()), ("msg pv", "PV".into()));
        assert_eq!(pv.kind, "pre-vote");
        assert_eq!((hb.class(), hb.label()), ("msg hb", "".into()));
        assert_eq!(hb.name_key(), "heartbeat");
        assert_eq!((ae3.class(), ae3.label()), ("msg ae", "AE 3".into()));
        assert_eq!(ae3.name_key(), "append-entries");
        assert_eq!(
            (rv_no.class(), rv_no.label()),
            ("msg resp rv no", "RV ✗".into())
        );
        assert_eq!(
            (pv_ok.class(), pv_ok.label()),
            ("msg resp pv ok", "PV ✓".into())
        );
        assert_eq!(
            (ae_ok.class(), ae_ok.label()),
            ("msg resp ae ok", "AE ✓".into())
        );
        assert!(hb.width() < pv.width());
        assert!(ae12.width() > ae3.width());
    }

    #[test]
    fn message_aria_names_kind_direction_and_state() {
        let mut e = env(1, 2, body_ae(2), 5);
        assert_eq!(
            MsgFacts::of(&e).aria(Lang::En),
            "AppendEntries n1 → n2, term 2, 2 entries"
        );
        e.held = true;
        e.duplicate_of = Some(1);
        let zh = MsgFacts::of(&e).aria(Lang::Zh);
        assert!(zh.starts_with("日志追加 n1 → n2，任期 2"));
        assert!(zh.contains("已扣留") && zh.contains("重复"));
        assert!(facts(body_ae(0)).aria(Lang::En).starts_with("Heartbeat"));
        let no = facts(MessageBody::RequestVoteResponse {
            pre_vote: false,
            vote_granted: false,
        });
        assert!(no.aria(Lang::En).ends_with("rejected"));
    }

    #[test]
    fn tally_counts_each_member() {
        let mut votes = BTreeMap::new();
        votes.insert(1, true);
        votes.insert(3, false);
        votes.insert(4, true);
        let marks = vote_marks(&[1, 2, 3, 4, 5], &votes);
        assert_eq!(
            marks,
            vec![
                VoteMark::Granted,
                VoteMark::Pending,
                VoteMark::Denied,
                VoteMark::Granted,
                VoteMark::Pending
            ]
        );
        assert_eq!(tally_text(Lang::En, false, 2, 3), "votes 2/3");
        assert_eq!(tally_text(Lang::En, true, 1, 3), "pre-votes 1/3");
        assert_eq!(tally_text(Lang::Zh, false, 2, 3), "得票 2/3");
        assert_eq!(VoteMark::Denied.class(), "vote denied");
    }

    #[test]
    fn timer_drains_with_phase_and_clamps() {
        assert_eq!(timer_remaining(0, 20, 0.0), 1.0);
        assert_eq!(timer_remaining(10, 20, 0.0), 0.5);
        assert!((timer_remaining(10, 20, 0.5) - 0.475).abs() < 1e-9);
        assert_eq!(timer_remaining(30, 20, 0.0), 0.0);
        assert_eq!(timer_remaining(0, 0, 0.0), 0.0);
    }

    #[test]
    fn pulses_follow_the_latest_append_from_the_leader() {
        let flights = vec![
            env(1, 2, body_ae(0), 3),
            env(1, 3, body_ae(1), 8),
            env(2, 1, body_ae(0), 9),
        ];
        assert_eq!(pulse_key(&flights, 1), Some(8));
        assert_eq!(pulse_key(&flights, 3), None);
    }

    fn net_with(cuts: &[(NodeId, NodeId)]) -> Network {
        let mut net = Network::default();
        for &(a, b) in cuts {
            net.set_link(a, b, false);
        }
        net
    }

    #[test]
    fn a_whole_network_has_no_groups() {
        assert!(partition_groups(&Network::default(), &[1, 2, 3]).is_empty());
        // One cut link in a triangle: still everyone connected via n3.
        assert!(partition_groups(&net_with(&[(1, 2), (2, 1)]), &[1, 2, 3]).is_empty());
    }

    #[test]
    fn a_split_network_has_one_majority_and_minorities() {
        let ids = [1, 2, 3, 4, 5];
        let mut cuts = Vec::new();
        for a in [1, 2] {
            for b in [3, 4, 5] {
                cuts.push((a, b));
                cuts.push((b, a));
            }
        }
        let groups = partition_groups(&net_with(&cuts), &ids);
        assert_eq!(
            groups,
            vec![
                Group {
                    members: vec![1, 2],
                    majority: false
                },
                Group {
                    members: vec![3, 4, 5],
                    majority: true
                },
            ]
        );
        assert_eq!(group_label(Lang::En, &groups[1], 5), "Majority 3/5");
        assert_eq!(group_label(Lang::Zh, &groups[0], 5), "少数派 2/5");
    }

    #[test]
    fn one_way_links_split_and_even_halves_have_no_majority() {
        // n1 → n2 only; n3–n4 fully cut from n1, n2.
        let ids = [1, 2, 3, 4];
        let mut cuts = vec![(2, 1)];
        for a in [1, 2] {
            for b in [3, 4] {
                cuts.push((a, b));
                cuts.push((b, a));
            }
        }
        let groups = partition_groups(&net_with(&cuts), &ids);
        assert_eq!(groups.len(), 3);
        assert!(groups.iter().all(|g| !g.majority));
        assert_eq!(groups[2].members, vec![3, 4]);
        // Isolating one node of three leaves a majority of two.
        let groups = partition_groups(&net_with(&[(1, 2), (2, 1), (1, 3), (3, 1)]), &[1, 2, 3]);
        assert_eq!(groups.len(), 2);
        assert!(!groups[0].majority && groups[1].majority);
    }

    #[test]
    fn bubbles_and_labels_stay_in_view() {
        // n1, n2 adjacent: one arc; n4 alone: a dot; n5 wraps to n1 only if n1 is in.
        let band = group_band_path(&[1, 2, 4], 5);
        assert_eq!(band.matches('A').count(), 1);
        assert_eq!(band.matches("l0 0.01").count(), 2);
        assert_eq!(group_band_path(&[5, 1], 5).matches('A').count(), 1);
        assert_eq!(group_band_path(&[], 5), "");
        let groups = vec![
            Group {
                members: vec![1, 2],
                majority: false,
            },
            Group {
                members: vec![3, 4, 5],
                majority: true,
            },
        ];
        assert!(across_groups(&groups, 2, 3));
        assert!(!across_groups(&groups, 3, 5));
        assert!(!across_groups(&[], 1, 2));
        let single = [crate::view::layout::node_position(0, 5)];
        let p = bubble_label_point(&single, 5, node_radius(5));
        assert!((p.x - 400.0).abs() < 1e-9 && p.y > 250.0 && p.y < 400.0);
    }

    #[test]
    fn messages_travel_between_edges_and_queue_back() {
        let a = Point { x: 100.0, y: 400.0 };
        let b = Point { x: 700.0, y: 400.0 };
        let r = 44.0;
        let start = flight_point(a, b, 0.0, r);
        let end = flight_point(a, b, 1.0, r);
        assert!((start.x - 152.0).abs() < 1e-9);
        assert!((end.x - 648.0).abs() < 1e-9);
        assert!((flight_point(b, a, 0.5, r).y - flight_point(a, b, 0.5, r).y).abs() > 20.0);
        let travel = travel_length(a, b, r);
        assert_eq!(queue_fraction(0, travel), 1.0);
        assert!(queue_fraction(1, travel) < 1.0);
        assert_eq!(queue_fraction(100, travel), 0.0);
        assert!(node_radius(9) < node_radius(5));
    }

    #[test]
    fn link_names_say_what_a_click_does() {
        assert!(link_aria(Lang::En, 1, 2, LinkState::Up).contains("Activate to cut"));
        assert!(link_aria(Lang::Zh, 1, 2, LinkState::OneWayAB).contains("仅 n1 → n2"));
    }
}
