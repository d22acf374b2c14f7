//! Sentences for membership change (thesis chapter 4), in English and
//! Chinese: configurations adopted and committed, learners not counted,
//! joint-consensus losses and removed leaders; see `explain.rs`.

use crate::raft::{
    ConfChange, ConfigCause, ConfigHalf, Event, Index, Membership, NoCampaign, NodeId,
};
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;

/// Picks the sentence for the language; only that branch is evaluated.
macro_rules! say {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            Lang::En => $en,
            Lang::Zh => $zh,
        }
    };
}

/// A configuration in running text: `voters {n1, n2}, learners {n4}`, or
/// `C_old {…} + C_new {…}` during joint consensus.
pub fn membership_text(lang: Lang, names: NodeNames, m: &Membership) -> String {
    let voters = if m.is_joint() {
        let old = names.set(m.voters.outgoing.voters());
        let new = names.set(m.voters.incoming.voters());
        say!(
            lang,
            format!("joint C_old {old} + C_new {new}"),
            format!("联合配置 C_old {old} + C_new {new}")
        )
    } else {
        let v = names.set(m.voters.incoming.voters());
        say!(lang, format!("voters {v}"), format!("投票成员 {v}"))
    };
    if m.learners.is_empty() {
        voters
    } else {
        let l = names.set(m.learners.iter().copied());
        say!(
            lang,
            format!("{voters}, learners {l}"),
            format!("{voters}，学习者 {l}")
        )
    }
}

/// A requested change in running text.
pub fn change_text(lang: Lang, names: NodeNames, c: &ConfChange) -> String {
    match c {
        ConfChange::AddLearner(n) => say!(
            lang,
            format!("add {n} as a learner", n = names.of(n)),
            format!("以学习者身份加入 {n}", n = names.of(n))
        ),
        ConfChange::Promote(n) => say!(
            lang,
            format!("promote learner {n} to voter", n = names.of(n)),
            format!("把学习者 {n} 提升为投票成员", n = names.of(n))
        ),
        ConfChange::Remove(n) => say!(
            lang,
            format!("remove {n}", n = names.of(n)),
            format!("移除 {n}", n = names.of(n))
        ),
        ConfChange::ChangeVoters(v) => {
            let v = names.set(v.iter().copied());
            say!(
                lang,
                format!("change the voters to {v}"),
                format!("把投票成员改为 {v}")
            )
        }
        ConfChange::LeaveJoint => say!(
            lang,
            "leave joint consensus".to_string(),
            "离开联合共识".to_string()
        ),
    }
}

fn half_text(lang: Lang, h: ConfigHalf) -> &'static str {
    match h {
        ConfigHalf::Incoming => say!(lang, "C_new", "C_new"),
        ConfigHalf::Outgoing => say!(lang, "C_old", "C_old"),
    }
}

/// Halves in running text: `C_old and C_new`.
pub fn halves_text(lang: Lang, hs: &[ConfigHalf]) -> String {
    let words: Vec<&str> = hs.iter().map(|&h| half_text(lang, h)).collect();
    words.join(say!(lang, " and ", " 和 "))
}

fn adopted(
    lang: Lang,
    names: NodeNames,
    n: NodeId,
    index: Index,
    m: &Membership,
    cause: &ConfigCause,
) -> String {
    let c = membership_text(lang, names, m);
    match cause {
        ConfigCause::Proposed(change) => {
            let ch = change_text(lang, names, change);
            say!(lang,
                format!("{n} appended a configuration entry at index {index} to {ch}; it uses {c} from now on, before it commits (thesis §4.1)", n = names.of(n)),
                format!("{n} 在索引 {index} 追加配置条目（{ch}）；从现在起使用 {c}，无需等待提交（博士论文 §4.1）", n = names.of(n)))
        }
        ConfigCause::AutoLeaveJoint => say!(lang,
            format!("{n}: the joint configuration committed, so it appended C_new at index {index} and now uses {c} (thesis §4.3)", n = names.of(n)),
            format!("{n}：联合配置已提交，于是在索引 {index} 追加 C_new，现在使用 {c}（博士论文 §4.3）", n = names.of(n))),
        ConfigCause::Replicated => say!(lang,
            format!("{n} received the configuration entry at index {index} and uses it at once: {c} (thesis §4.1)", n = names.of(n)),
            format!("{n} 收到索引 {index} 的配置条目并立即使用：{c}（博士论文 §4.1）", n = names.of(n))),
        ConfigCause::Reverted => say!(lang,
            format!("{n}'s newer configuration entry was deleted with its conflicting entries: it is back to {c} (index {index}) (thesis §4.1)", n = names.of(n)),
            format!("{n} 较新的配置条目随冲突条目被删除：回到 {c}（索引 {index}）（博士论文 §4.1）", n = names.of(n))),
        ConfigCause::Snapshot => say!(lang,
            format!("{n} installed a snapshot whose configuration (entry {index}) is {c}, and uses it (thesis §5.1)", n = names.of(n)),
            format!("{n} 安装了快照，其中的配置（条目 {index}）为 {c}，并开始使用（博士论文 §5.1）", n = names.of(n))),
    }
}

/// The sentence for a membership event, or `None` for other events.
pub fn config_event(lang: Lang, names: NodeNames, n: NodeId, e: &Event) -> Option<String> {
    Some(match e {
        Event::ConfigAdopted { index, membership, cause } => adopted(lang, names, n, *index, membership, cause),
        Event::ConfigCommitted { index, membership } => {
            let c = membership_text(lang, names, membership);
            say!(lang,
                format!("{n}: the configuration at index {index} is committed: {c}; the next change may begin (thesis §4.1)", n = names.of(n)),
                format!("{n}：索引 {index} 的配置已提交：{c}；可以开始下一次变更（博士论文 §4.1）", n = names.of(n)))
        }
        Event::CampaignSkipped { reason: NoCampaign::Learner } => say!(lang,
            format!("{n}'s election timer fired, but {n} is a learner: learners never campaign (thesis §4.2.1)", n = names.of(n)),
            format!("{n} 的选举计时器到期，但 {n} 是学习者：学习者从不发起选举（博士论文 §4.2.1）", n = names.of(n))),
        Event::CampaignSkipped { reason: NoCampaign::NotAVoter } => say!(lang,
            format!("{n}'s election timer fired, but its configuration does not make it a voter, so it does not campaign (thesis §4.2)", n = names.of(n)),
            format!("{n} 的选举计时器到期，但它的配置中它不是投票成员，因此不发起选举（博士论文 §4.2）", n = names.of(n))),
        Event::VoteNotCounted { from, .. } => say!(lang,
            format!("{n} did not count {from}'s answer: {from} is not a voter in {n}'s configuration (a learner counts in no quorum, thesis §4.2.1)", n = names.of(n), from = names.of(from)),
            format!("{n} 没有计入 {from} 的回复：{from} 不是 {n} 配置中的投票成员（学习者不计入任何多数派，博士论文 §4.2.1）", n = names.of(n), from = names.of(from))),
        Event::JointVoteLost { half, granted, needed, .. } => {
            let h = half_text(lang, *half);
            say!(lang,
                format!("{n} cannot win: under joint consensus it needs a majority of both C_old and C_new, and too many of {h} denied for its majority of {needed} (granted there: {granted}) (thesis §4.3)", n = names.of(n)),
                format!("{n} 无法获胜：联合共识下需要 C_old 和 C_new 各自的多数派，而 {h} 已不可能达到 {needed} 票（目前同意 {granted} 票）（博士论文 §4.3）", n = names.of(n)))
        }
        _ => return None,
    })
}

/// The removed leader's step-down, for `role_changed`.
pub fn removed_leader(lang: Lang, names: NodeNames, n: NodeId, index: Index) -> String {
    say!(lang,
        format!("{n} steps down: the configuration at index {index}, which does not include it as a voter, is committed (thesis §4.2.2)", n = names.of(n)),
        format!("{n} 退位：不含它作为投票成员的索引 {index} 处配置已提交（博士论文 §4.2.2）", n = names.of(n)))
}

/// The commit hold under joint consensus, for `commit_held`.
pub fn joint_hold(
    lang: Lang,
    names: NodeNames,
    n: NodeId,
    index: Index,
    holders: &[NodeId],
    short: &[ConfigHalf],
) -> String {
    let h = names.list(holders);
    let s = halves_text(lang, short);
    say!(lang,
        format!("{n} waits to commit index {index}: held by {h}, not yet a majority of {s}; joint consensus needs a majority of both (thesis §4.3)", n = names.of(n)),
        format!("{n} 等待提交索引 {index}：{h} 持有，尚未构成 {s} 的多数派；联合共识需要两者各自的多数派（博士论文 §4.3）", n = names.of(n)))
}
