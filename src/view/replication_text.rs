//! Words for the replication modes (course notes seed 000/001: 异步复制、
//! 半同步复制、全同步复制, against Raft) and for the reason a leader answered
//! a client early. The decision itself is `sim::replication_mode`'s; this only
//! says it.

use super::i18n::Lang;
use crate::sim::{AckReason, ReplicationMode};
use crate::view::node_names::NodeName;

/// The mode's label in the settings.
pub fn mode_label(lang: Lang, mode: ReplicationMode) -> &'static str {
    match mode {
        ReplicationMode::Async => lang.t(
            "Asynchronous: answer once the leader appended",
            "异步复制：领导者追加后立即应答",
        ),
        ReplicationMode::SemiSync => lang.t(
            "Semi-synchronous: answer once one follower stores it",
            "半同步复制：至少一个跟随者保存后应答",
        ),
        ReplicationMode::Sync => lang.t(
            "Fully synchronous: answer once every follower stores it",
            "全同步复制：所有跟随者都保存后应答",
        ),
        ReplicationMode::Raft => lang.t(
            "Raft: answer once a majority committed it (§5.3)",
            "Raft：多数派提交后应答（§5.3）",
        ),
    }
}

/// A short name (`async` → 异步).
pub fn mode_short(lang: Lang, mode: ReplicationMode) -> &'static str {
    match mode {
        ReplicationMode::Async => lang.t("asynchronous", "异步"),
        ReplicationMode::SemiSync => lang.t("semi-synchronous", "半同步"),
        ReplicationMode::Sync => lang.t("fully synchronous", "全同步"),
        ReplicationMode::Raft => "Raft",
    }
}

/// What the mode risks, for the settings' hint.
pub fn mode_hint(lang: Lang, mode: ReplicationMode) -> &'static str {
    match mode {
        ReplicationMode::Async => lang.t(
            "Most available; a leader crash before it forwards the write loses an acknowledged write.",
            "可用性最高；领导者在转发写入前崩溃，会丢失已确认的写入。",
        ),
        ReplicationMode::SemiSync => lang.t(
            "Between the two: the write is on two machines when answered, which is not yet a majority of five.",
            "介于两者之间：应答时写入在两台机器上，但对五个节点来说还不是多数派。",
        ),
        ReplicationMode::Sync => lang.t(
            "Consistent, but one dead follower stops every answer.",
            "一致，但只要一个跟随者宕机，所有写入都得不到应答。",
        ),
        ReplicationMode::Raft => lang.t(
            "Survives a minority of failures without losing an acknowledged write.",
            "少数节点故障时仍可用，且不会丢失已确认的写入。",
        ),
    }
}

/// Why the leader answered now.
pub fn reason_text(lang: Lang, reason: &AckReason) -> String {
    match (reason, lang) {
        (AckReason::Appended, Lang::En) => {
            "it appended the entry to its own log; no follower has it yet".to_string()
        }
        (AckReason::Appended, Lang::Zh) => {
            "它已把条目追加到自己的日志；还没有跟随者保存它".to_string()
        }
        (AckReason::FollowerStored { stored, followers }, Lang::En) => {
            format!("{stored} of {followers} followers store the entry (matchIndex)")
        }
        (AckReason::FollowerStored { stored, followers }, Lang::Zh) => {
            format!("{followers} 个跟随者中有 {stored} 个保存了该条目（matchIndex）")
        }
        (AckReason::AllStored { followers }, Lang::En) => {
            format!("all {followers} followers store the entry (matchIndex)")
        }
        (AckReason::AllStored { followers }, Lang::Zh) => {
            format!("全部 {followers} 个跟随者都保存了该条目（matchIndex）")
        }
        (AckReason::Committed { commit_index }, Lang::En) => {
            format!("a majority stores it: committed (commitIndex {commit_index}) and applied")
        }
        (AckReason::Committed { commit_index }, Lang::Zh) => {
            format!("多数派已保存：已提交（commitIndex {commit_index}）并应用")
        }
    }
}

/// The event-log sentence for an early answer.
pub fn acknowledged_text(
    lang: Lang,
    node: NodeName,
    op: u64,
    index: u64,
    term: u64,
    mode: ReplicationMode,
    reason: &AckReason,
) -> String {
    let m = mode_short(lang, mode);
    let r = reason_text(lang, reason);
    match lang {
        Lang::En => format!(
            "{node} acknowledged client operation #{op} (index {index}, term {term}) under {m} replication: {r}; Raft would wait until a majority commits it"
        ),
        Lang::Zh => format!(
            "{node} 在{m}复制下应答了客户端操作 #{op}（索引 {index}，任期 {term}）：{r}；Raft 会等到多数派提交后才应答"
        ),
    }
}
