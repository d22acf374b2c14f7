//! Sentences for membership change (thesis chapter 4), in English and
//! Chinese: configurations adopted and committed, learners not counted,
//! joint-consensus losses and removed leaders; see `explain.rs`.

use super::fill;
use crate::raft::{
    ConfChange, ConfigCause, ConfigHalf, Event, Index, Membership, NoCampaign, NodeId,
};
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;

/// A configuration in running text: `voters {n1, n2}, learners {n4}`, or
/// `C_old {…} + C_new {…}` during joint consensus.
pub fn membership_text(lang: Lang, names: NodeNames, m: &Membership) -> String {
    let voters = if m.is_joint() {
        let old = names.set(m.voters.outgoing.voters());
        let new = names.set(m.voters.incoming.voters());
        fill(
            lang.t(
                "joint C_old {0} + C_new {1}",
                "联合配置 C_old {0} + C_new {1}",
            ),
            &[&old, &new],
        )
    } else {
        let v = names.set(m.voters.incoming.voters());
        fill(lang.t("voters {0}", "投票成员 {0}"), &[&v])
    };
    if m.learners.is_empty() {
        voters
    } else {
        let l = names.set(m.learners.iter().copied());
        fill(
            lang.t("{0}, learners {1}", "{0}，学习者 {1}"),
            &[&voters, &l],
        )
    }
}

/// A requested change in running text.
pub fn change_text(lang: Lang, names: NodeNames, c: &ConfChange) -> String {
    match c {
        ConfChange::AddLearner(n) => fill(
            lang.t("add {0} as a learner", "以学习者身份加入 {0}"),
            &[&names.of(n)],
        ),
        ConfChange::Promote(n) => fill(
            lang.t(
                "promote learner {0} to voter",
                "把学习者 {0} 提升为投票成员",
            ),
            &[&names.of(n)],
        ),
        ConfChange::Remove(n) => fill(lang.t("remove {0}", "移除 {0}"), &[&names.of(n)]),
        ConfChange::ChangeVoters(v) => {
            let v = names.set(v.iter().copied());
            fill(
                lang.t("change the voters to {0}", "把投票成员改为 {0}"),
                &[&v],
            )
        }
        ConfChange::LeaveJoint => lang.t("leave joint consensus", "离开联合共识").to_string(),
    }
}

fn half_text(lang: Lang, h: ConfigHalf) -> &'static str {
    match h {
        ConfigHalf::Incoming => lang.t("C_new", "C_new"),
        ConfigHalf::Outgoing => lang.t("C_old", "C_old"),
    }
}

/// Halves in running text: `C_old and C_new`.
pub fn halves_text(lang: Lang, hs: &[ConfigHalf]) -> String {
    let words: Vec<&str> = hs.iter().map(|&h| half_text(lang, h)).collect();
    words.join(lang.t(" and ", " 和 "))
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
            fill(lang.t("{0} appended a configuration entry at index {1} to {2}; it uses {3} from now on, before it commits (thesis §4.1)", "{0} 在索引 {1} 追加配置条目（{2}）；从现在起使用 {3}，无需等待提交（博士论文 §4.1）"), &[&names.of(n), &index, &ch, &c])
        }
        ConfigCause::AutoLeaveJoint => fill(lang.t("{0}: the joint configuration committed, so it appended C_new at index {1} and now uses {2} (thesis §4.3)", "{0}：联合配置已提交，于是在索引 {1} 追加 C_new，现在使用 {2}（博士论文 §4.3）"), &[&names.of(n), &index, &c]),
        ConfigCause::Replicated => fill(lang.t("{0} received the configuration entry at index {1} and uses it at once: {2} (thesis §4.1)", "{0} 收到索引 {1} 的配置条目并立即使用：{2}（博士论文 §4.1）"), &[&names.of(n), &index, &c]),
        ConfigCause::Reverted => fill(lang.t("{0}'s newer configuration entry was deleted with its conflicting entries: it is back to {1} (index {2}) (thesis §4.1)", "{0} 较新的配置条目随冲突条目被删除：回到 {1}（索引 {2}）（博士论文 §4.1）"), &[&names.of(n), &c, &index]),
        ConfigCause::Snapshot => fill(lang.t("{0} installed a snapshot whose configuration (entry {1}) is {2}, and uses it (thesis §5.1)", "{0} 安装了快照，其中的配置（条目 {1}）为 {2}，并开始使用（博士论文 §5.1）"), &[&names.of(n), &index, &c]),
    }
}

/// The sentence for a membership event, or `None` for other events.
pub fn config_event(lang: Lang, names: NodeNames, n: NodeId, e: &Event) -> Option<String> {
    Some(match e {
        Event::ConfigAdopted { index, membership, cause } => adopted(lang, names, n, *index, membership, cause),
        Event::ConfigCommitted { index, membership } => {
            let c = membership_text(lang, names, membership);
            fill(lang.t("{0}: the configuration at index {1} is committed: {2}; the next change may begin (thesis §4.1)", "{0}：索引 {1} 的配置已提交：{2}；可以开始下一次变更（博士论文 §4.1）"), &[&names.of(n), &index, &c])
        }
        Event::CampaignSkipped { reason: NoCampaign::Learner } => fill(lang.t("{0}'s election timer fired, but {0} is a learner: learners never campaign (thesis §4.2.1)", "{0} 的选举计时器到期，但 {0} 是学习者：学习者从不发起选举（博士论文 §4.2.1）"), &[&names.of(n)]),
        Event::CampaignSkipped { reason: NoCampaign::NotAVoter } => fill(lang.t("{0}'s election timer fired, but its configuration does not make it a voter, so it does not campaign (thesis §4.2)", "{0} 的选举计时器到期，但它的配置中它不是投票成员，因此不发起选举（博士论文 §4.2）"), &[&names.of(n)]),
        Event::VoteNotCounted { from, .. } => fill(lang.t("{0} did not count {1}'s answer: {1} is not a voter in {0}'s configuration (a learner counts in no quorum, thesis §4.2.1)", "{0} 没有计入 {1} 的回复：{1} 不是 {0} 配置中的投票成员（学习者不计入任何多数派，博士论文 §4.2.1）"), &[&names.of(n), &names.of(from)]),
        Event::JointVoteLost { half, granted, needed, .. } => {
            let h = half_text(lang, *half);
            fill(lang.t("{0} cannot win: under joint consensus it needs a majority of both C_old and C_new, and too many of {1} denied for its majority of {2} (granted there: {3}) (thesis §4.3)", "{0} 无法获胜：联合共识下需要 C_old 和 C_new 各自的多数派，而 {1} 已不可能达到 {2} 票（目前同意 {3} 票）（博士论文 §4.3）"), &[&names.of(n), &h, &needed, &granted])
        }
        _ => return None,
    })
}

/// The removed leader's step-down, for `role_changed`.
pub fn removed_leader(lang: Lang, names: NodeNames, n: NodeId, index: Index) -> String {
    fill(lang.t("{0} steps down: the configuration at index {1}, which does not include it as a voter, is committed (thesis §4.2.2)", "{0} 退位：不含它作为投票成员的索引 {1} 处配置已提交（博士论文 §4.2.2）"), &[&names.of(n), &index])
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
    fill(lang.t("{0} waits to commit index {1}: held by {2}, not yet a majority of {3}; joint consensus needs a majority of both (thesis §4.3)", "{0} 等待提交索引 {1}：{2} 持有，尚未构成 {3} 的多数派；联合共识需要两者各自的多数派（博士论文 §4.3）"), &[&names.of(n), &index, &h, &s])
}
