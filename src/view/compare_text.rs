//! Words for an A/B comparison, in English and Chinese: the setting each
//! side runs with, and where and how the two runs parted — built from the
//! two runs' own facts and events ([`crate::sim::compare`]), never written
//! in advance.

use super::explain::{explain, is_heartbeat_noise};
use super::i18n::Lang;
use super::replication_text::mode_short;
use crate::raft::{Event, PreVoteMode};
use crate::sim::compare::{Divergence, Knob, NodeDiff, NodeFacts};
use crate::sim::{RoleKey, SimConfig, TraceEvent, TraceKind, World};
use crate::view::node_names::NodeNames;

/// Most nodes named in the divergence (the rest are counted).
pub const MAX_NAMED: usize = 3;

fn on_off(lang: Lang, on: bool) -> &'static str {
    match (on, lang) {
        (true, Lang::En) => "on",
        (false, Lang::En) => "off",
        (true, Lang::Zh) => "开启",
        (false, Lang::Zh) => "关闭",
    }
}

/// The compared setting as it is in `config` ("PreVote on").
pub fn setting_text(lang: Lang, knob: Knob, config: &SimConfig) -> String {
    let raft = &config.raft;
    match knob {
        Knob::PreVote => format!(
            "{} {}",
            lang.t("PreVote", "预投票"),
            on_off(lang, raft.pre_vote)
        ),
        Knob::PreVoteMode => match raft.pre_vote_mode {
            PreVoteMode::Etcd => lang.t("PreVote: etcd's rule", "预投票：etcd 规则").into(),
            PreVoteMode::Thesis => lang
                .t("PreVote: the thesis's rule", "预投票：博士论文规则")
                .into(),
        },
        Knob::CheckQuorum => format!("CheckQuorum {}", on_off(lang, raft.check_quorum)),
        Knob::LeaderNoop => format!(
            "{} {}",
            lang.t("leader no-op", "领导者空操作条目"),
            on_off(lang, raft.leader_noop)
        ),
        Knob::Unsafe(s) => format!(
            "{} {} {}",
            lang.t("unsafe", "不安全开关"),
            s.name(),
            on_off(lang, raft.is_unsafe(s))
        ),
        Knob::Replication(_) => format!(
            "{}{}",
            lang.t("replication: ", "复制方式："),
            mode_short(lang, config.replication_mode)
        ),
    }
}

/// The setting's entry in the menu ("PreVote off ↔ on").
pub fn knob_label(lang: Lang, knob: Knob) -> String {
    match knob {
        Knob::PreVote => lang.t("PreVote off ↔ on", "预投票 关闭 ↔ 开启").into(),
        Knob::PreVoteMode => lang
            .t("PreVote etcd ↔ thesis", "预投票 etcd ↔ 博士论文")
            .into(),
        Knob::CheckQuorum => lang
            .t("CheckQuorum off ↔ on", "CheckQuorum 关闭 ↔ 开启")
            .into(),
        Knob::LeaderNoop => lang
            .t("Leader no-op on ↔ off", "领导者空操作 开启 ↔ 关闭")
            .into(),
        Knob::Unsafe(s) => format!("{}{}", lang.t("Unsafe: ", "不安全："), s.name()),
        Knob::Replication(m) => format!("Raft ↔ {}", mode_short(lang, m)),
    }
}

/// A role in running text.
pub fn role_word(lang: Lang, role: RoleKey) -> &'static str {
    match role {
        RoleKey::Follower => lang.t("follower", "跟随者"),
        RoleKey::PreCandidate => lang.t("pre-candidate", "预候选人"),
        RoleKey::Candidate => lang.t("candidate", "候选人"),
        RoleKey::Leader => lang.t("leader", "领导者"),
        RoleKey::Crashed => lang.t("crashed", "已崩溃"),
        RoleKey::Paused => lang.t("paused", "已暂停"),
    }
}

/// What one node did on one side, against the facts both agreed on before:
/// "n3 became candidate in term 5", "n3 stayed pre-candidate in term 4".
pub fn side_phrase(
    lang: Lang,
    names: NodeNames,
    id: u32,
    before: Option<&NodeFacts>,
    now: Option<&NodeFacts>,
) -> String {
    let Some(f) = now else {
        return format!("{}{id}", lang.t("has no ", "没有 "), id = names.of(id));
    };
    let (r, t) = (role_word(lang, f.role), f.term);
    let mut s = match before {
        Some(b) if b.role != f.role && f.role == RoleKey::Crashed => say(
            lang,
            format!("{id} crashed", id = names.of(id)),
            format!("{id} 崩溃了", id = names.of(id)),
        ),
        Some(b) if b.role != f.role && f.role == RoleKey::Paused => say(
            lang,
            format!("{id} was paused", id = names.of(id)),
            format!("{id} 被暂停", id = names.of(id)),
        ),
        Some(b) if b.role != f.role => say(
            lang,
            format!("{id} became {r} in term {t}", id = names.of(id)),
            format!("{id} 在任期 {t} 成为{r}", id = names.of(id)),
        ),
        Some(b) if b.term != f.term => say(
            lang,
            format!("{id} moved to term {t} as {r}", id = names.of(id)),
            format!("{id} 以{r}身份进入任期 {t}", id = names.of(id)),
        ),
        Some(_) => say(
            lang,
            format!("{id} stayed {r} in term {t}", id = names.of(id)),
            format!("{id} 仍是任期 {t} 的{r}", id = names.of(id)),
        ),
        None => say(
            lang,
            format!("{id} is {r} in term {t}", id = names.of(id)),
            format!("{id} 是任期 {t} 的{r}", id = names.of(id)),
        ),
    };
    let moved = |g: fn(&NodeFacts) -> (u64, u64)| before.is_none_or(|b| g(b) != g(f));
    if moved(|x| (x.last_index, x.last_term)) {
        let (i, lt) = (f.last_index, f.last_term);
        s += &say(
            lang,
            format!(", its log ends at index {i} (term {lt})"),
            format!("，日志末尾为索引 {i}（任期 {lt}）"),
        );
    }
    if moved(|x| (x.commit, 0)) {
        let c = f.commit;
        s += &say(
            lang,
            format!(", commit index {c}"),
            format!("，提交索引 {c}"),
        );
    }
    s
}

fn say(lang: Lang, en: String, zh: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The event that says why the node did what it did at that tick: a role
/// change if there was one, else its first event that is not heartbeat noise.
fn why(lang: Lang, names: NodeNames, tick: u64, node: u32, events: &[TraceKind]) -> Option<String> {
    let role = events
        .iter()
        .rev()
        .find(|k| matches!(k, TraceKind::Raft(Event::RoleChanged { .. })));
    let kind = role.or_else(|| events.iter().find(|k| !is_heartbeat_noise(k)))?;
    Some(explain(
        lang,
        names,
        &TraceEvent {
            tick,
            node,
            kind: kind.clone(),
        },
    ))
}

/// One differing node in a sentence: "A: n3 became candidate in term 5;
/// B: n3 stayed pre-candidate in term 4."
pub fn node_line(lang: Lang, names: NodeNames, d: &NodeDiff) -> String {
    let a = side_phrase(lang, names, d.id, d.before.as_ref(), d.a.as_ref());
    let b = side_phrase(lang, names, d.id, d.before.as_ref(), d.b.as_ref());
    say(
        lang,
        format!("A: {a}; B: {b}."),
        format!("A：{a}；B：{b}。"),
    )
}

/// The reasons the two sides' events give for that node, side by side.
pub fn why_lines(lang: Lang, names: NodeNames, tick: u64, d: &NodeDiff) -> Vec<String> {
    [("A", &d.a_events), ("B", &d.b_events)]
        .into_iter()
        .filter_map(|(side, ev)| why(lang, names, tick, d.id, ev).map(|w| format!("{side}: {w}")))
        .collect()
}

/// The heading: "The runs part at tick 27".
pub fn divergence_title(lang: Lang, d: &Divergence) -> String {
    let t = d.tick;
    say(
        lang,
        format!("The runs part at tick {t}"),
        format!("两次运行在时刻 {t} 分叉"),
    )
}

/// Every line about the divergence: one per named node (at most
/// [`MAX_NAMED`]) with its reasons, and how many more nodes differ.
pub fn divergence_lines(lang: Lang, names: NodeNames, d: &Divergence) -> Vec<String> {
    let mut out = Vec::new();
    for n in d.nodes.iter().take(MAX_NAMED) {
        out.push(node_line(lang, names, n));
        out.extend(why_lines(lang, names, d.tick, n));
    }
    let more = d.nodes.len().saturating_sub(MAX_NAMED);
    if more > 0 {
        out.push(say(
            lang,
            format!("…and {more} more nodes differ."),
            format!("……另有 {more} 个节点不同。"),
        ));
    }
    out
}

/// Before any difference: "No difference yet (tick 12)".
pub fn same_so_far(lang: Lang, tick: u64) -> String {
    say(lang, format!("No difference yet, up to tick {tick}: every node has the same role, term, log end and commit index on both sides."),
        format!("截至时刻 {tick} 尚无差异：两边每个节点的角色、任期、日志末尾和提交索引都相同。"))
}

/// Who leads on one side now ("leader n2, term 1" / "no leader").
pub fn leader_text(lang: Lang, names: NodeNames, world: &World) -> String {
    match world.leader().and_then(|id| world.slot(id).ok()) {
        Some(s) => {
            let (id, t) = (s.node.id(), s.node.term());
            say(
                lang,
                format!("leader {id}, term {t}", id = names.of(id)),
                format!("领导者 {id}，任期 {t}", id = names.of(id)),
            )
        }
        None => lang.t("no leader", "没有领导者").into(),
    }
}
