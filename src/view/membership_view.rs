//! What the configuration panel and the cluster drawing show about
//! membership (thesis chapter 4): the configuration in force (the newest
//! leader's, else that of the most up-to-date log), who is a voter or a
//! learner, the halves of a joint configuration, and which majorities the
//! last election and the last commit had. Read from the core; the quorum
//! verdicts come from [`MajorityConfig::is_quorum`].

use super::explain::config_text::membership_text;
use super::i18n::Lang;
use crate::raft::{Event, Index, MajorityConfig, Membership, NodeId, RoleCause};
use crate::sim::{TraceKind, World};
use crate::view::node_names::NodeNames;

/// The configuration the panel shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterConfig {
    /// Whose configuration it is (the leader, when there is one).
    pub source: NodeId,
    /// Whether `source` leads.
    pub from_leader: bool,
    /// The configuration.
    pub membership: Membership,
    /// Index of its entry (0: bootstrap).
    pub index: Index,
    /// Whether `source` knows it committed.
    pub committed: bool,
}

/// How a node takes part in the shown configuration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MemberKind {
    /// Counts in quorums.
    Voter,
    /// Receives the log, counts in no quorum (thesis §4.2.1).
    Learner,
    /// Not (or no longer) a member.
    Outside,
}

impl MemberKind {
    /// `voter`, `learner` or `outside` (a CSS class).
    pub fn name(self) -> &'static str {
        match self {
            MemberKind::Voter => "voter",
            MemberKind::Learner => "learner",
            MemberKind::Outside => "outside",
        }
    }
}

/// The configuration to show: the newest leader's, else the latest in the
/// most up-to-date log (§5.4.1), ties to the lower id.
pub fn cluster_config(w: &World) -> Option<ClusterConfig> {
    let (slot, from_leader) = match w.leader().and_then(|l| w.slot(l).ok()) {
        Some(s) => (s, true),
        None => (
            w.nodes().iter().max_by_key(|s| {
                let log = s.node.log();
                (
                    log.last_term(),
                    log.last_index(),
                    std::cmp::Reverse(s.node.id()),
                )
            })?,
            false,
        ),
    };
    let n = &slot.node;
    Some(ClusterConfig {
        source: n.id(),
        from_leader,
        membership: n.membership().clone(),
        index: n.membership_index(),
        committed: !n.config_change_pending(),
    })
}

/// How `id` takes part in `config`.
pub fn member_kind(config: Option<&ClusterConfig>, id: NodeId) -> MemberKind {
    match config.map(|c| &c.membership) {
        Some(m) if m.is_voter(id) => MemberKind::Voter,
        Some(m) if m.is_learner(id) => MemberKind::Learner,
        Some(_) => MemberKind::Outside,
        None => MemberKind::Voter,
    }
}

/// One half's count: `C_new {n1, n2, n3}: 2 of 3, needs 2 ✓`.
pub fn half_line(
    lang: Lang,
    names: NodeNames,
    name: &str,
    half: &MajorityConfig,
    yes: &[NodeId],
) -> String {
    let got = half.voters().filter(|v| yes.contains(v)).count();
    let ok = if half.is_quorum(|id| yes.contains(&id)) {
        "✓"
    } else {
        "✗"
    };
    let (set, total, need) = (names.set(half.voters()), half.len(), half.quorum_size());
    match lang {
        Lang::En => format!("{name} {set}: {got} of {total}, needs {need} {ok}"),
        Lang::Zh => format!("{name} {set}：{total} 个中有 {got} 个，需要 {need} 个 {ok}"),
    }
}

/// Which majorities `yes` formed under `m`: one line per half (C_old and
/// C_new when joint).
pub fn majority_lines(lang: Lang, names: NodeNames, m: &Membership, yes: &[NodeId]) -> Vec<String> {
    if m.is_joint() {
        vec![
            half_line(lang, names, "C_old", &m.voters.outgoing, yes),
            half_line(lang, names, "C_new", &m.voters.incoming, yes),
        ]
    } else {
        let name = match lang {
            Lang::En => "voters",
            Lang::Zh => "投票成员",
        };
        vec![half_line(lang, names, name, &m.voters.incoming, yes)]
    }
}

/// Who voted in the last election won, and (index, holders) of the last commit.
pub type LastMajorities = (Option<Vec<NodeId>>, Option<(Index, Vec<NodeId>)>);

/// The last election won by `leader` and the last commit it made, as
/// (who voted, who held the entry and its index), from the trace window.
pub fn last_majorities(w: &World, leader: NodeId) -> LastMajorities {
    let (mut votes, mut commit) = (None, None);
    for e in w.trace().recent().rev().filter(|e| e.node == leader) {
        match &e.kind {
            TraceKind::Raft(Event::RoleChanged {
                cause: RoleCause::WonElection { votes: v },
                ..
            }) if votes.is_none() => votes = Some(v.clone()),
            TraceKind::Raft(Event::CommitAdvanced { to, by, .. })
                if commit.is_none() && by.contains(&leader) =>
            {
                commit = Some((*to, by.clone()))
            }
            _ => {}
        }
        if votes.is_some() && commit.is_some() {
            break;
        }
    }
    (votes, commit)
}

/// The headline: `voters {n1, n2, n3}, learners {n4} (index 5, committed)`.
pub fn headline(lang: Lang, names: NodeNames, c: &ClusterConfig) -> String {
    let m = membership_text(lang, names, &c.membership);
    let state = match (lang, c.committed) {
        (Lang::En, true) => "committed",
        (Lang::En, false) => "not yet committed",
        (Lang::Zh, true) => "已提交",
        (Lang::Zh, false) => "尚未提交",
    };
    let whose = match (lang, c.from_leader) {
        (Lang::En, true) => format!("leader {}", names.of(c.source)),
        (Lang::En, false) => format!("{} (no leader)", names.of(c.source)),
        (Lang::Zh, true) => format!("领导者 {}", names.of(c.source)),
        (Lang::Zh, false) => format!("{}（无领导者）", names.of(c.source)),
    };
    match lang {
        Lang::En => format!("{m} — index {}, {state}, as {whose} sees it", c.index),
        Lang::Zh => format!("{m} —— 索引 {}，{state}，{whose} 的视角", c.index),
    }
}

/// Parses `1, 2 3` or `n1 n2` into ids; `None` if any word is not an id.
pub fn parse_ids(text: &str) -> Option<Vec<NodeId>> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_start_matches(['n', 'N']).parse().ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_parse_with_or_without_n() {
        assert_eq!(parse_ids("1, n2 3"), Some(vec![1, 2, 3]));
        assert_eq!(parse_ids("x"), None);
        assert_eq!(parse_ids(""), Some(vec![]));
    }
    use crate::raft::JointConfig;
    use crate::sim::{SimConfig, Simulation};

    #[test]
    fn joint_lines_name_both_halves() {
        let m = Membership {
            voters: JointConfig {
                incoming: MajorityConfig::new([3, 4, 5]),
                outgoing: MajorityConfig::new([1, 2, 3]),
            },
            learners: Default::default(),
        };
        assert_eq!(
            majority_lines(
                Lang::En,
                crate::view::node_names::NodeNames::DEFAULT,
                &m,
                &[1, 2, 4]
            ),
            vec![
                "C_old {n1, n2, n3}: 2 of 3, needs 2 ✓".to_string(),
                "C_new {n3, n4, n5}: 1 of 3, needs 2 ✗".to_string()
            ]
        );
        assert_eq!(
            majority_lines(
                Lang::Zh,
                crate::view::node_names::NodeNames::DEFAULT,
                &Membership::simple([1, 2, 3]),
                &[1, 2]
            )[0],
            "投票成员 {n1, n2, n3}：3 个中有 2 个，需要 2 个 ✓"
        );
    }

    #[test]
    fn the_shown_configuration_follows_the_leader() {
        let mut sim = Simulation::new(SimConfig {
            nodes: 3,
            ..SimConfig::default()
        })
        .unwrap();
        let c = cluster_config(sim.world()).unwrap();
        assert_eq!((c.source, c.from_leader, c.index), (1, false, 0));
        sim.campaign(2).unwrap();
        sim.run(20).unwrap();
        sim.add_server().unwrap();
        let c = cluster_config(sim.world()).unwrap();
        assert_eq!((c.source, c.from_leader, c.committed), (2, true, false));
        assert_eq!(member_kind(Some(&c), 4), MemberKind::Learner);
        assert_eq!(member_kind(Some(&c), 1), MemberKind::Voter);
        assert_eq!(member_kind(Some(&c), 9), MemberKind::Outside);
        assert!(
            headline(Lang::En, crate::view::node_names::NodeNames::DEFAULT, &c)
                .starts_with("voters {n1, n2, n3}, learners {n4} — index 2, not yet committed")
        );
        sim.run(20).unwrap();
        let (votes, commit) = last_majorities(sim.world(), 2);
        assert_eq!(votes.map(|v| v.len()), Some(2));
        assert_eq!(commit.map(|c| c.0), Some(2));
    }
}
