//! Client operations in plain language: where each stands and, when it
//! failed, why — naming the leader, the overwritten entry, or saying that the
//! outcome is unknown (§8).

use super::explain::result_text;
use super::i18n::Lang;
use crate::raft::ReadFailure;
use crate::sim::client::MAX_ATTEMPTS;
use crate::sim::{ClientOp, OpFailure, OpStatus, Target};
use crate::view::node_names::NodeNames;

mod reads;
use reads::reading_text;
pub use reads::{lease_caveat, read_mode_label, read_path_text, step_short};

/// `waiting`, `pending`, `committed`, `acknowledged` (answered early under a
/// replication mode other than Raft) or `failed` (`data-op-status`).
pub fn status_name(status: &OpStatus) -> &'static str {
    match status {
        OpStatus::Waiting { .. } => "waiting",
        OpStatus::Pending { .. } => "pending",
        OpStatus::Committed { .. } => "committed",
        OpStatus::Acknowledged { .. } => "acknowledged",
        OpStatus::Failed { .. } => "failed",
        OpStatus::Reading { .. } => "reading",
        OpStatus::ReadAnswered { .. } => "answered",
    }
}

/// `cluster` or `n2`.
pub fn target_text(lang: Lang, names: NodeNames, target: Target) -> String {
    match target {
        Target::Cluster => lang.t("cluster", "集群").to_string(),
        Target::Node(n) => format!("{n}", n = names.of(n)),
    }
}

/// Why an attempt failed.
pub fn failure_text(lang: Lang, names: NodeNames, f: &OpFailure) -> String {
    match (f, lang) {
        (OpFailure::NotLeader { node, leader: Some(l) }, Lang::En) => {
            format!("{node} is not the leader; it says the leader is {l}", node = names.of(node), l = names.of(l))
        }
        (OpFailure::NotLeader { node, leader: Some(l) }, Lang::Zh) => {
            format!("{node} 不是领导者；它告知领导者是 {l}", node = names.of(node), l = names.of(l))
        }
        (OpFailure::NotLeader { node, leader: None }, Lang::En) => {
            format!("{node} is not the leader and knows no leader", node = names.of(node))
        }
        (OpFailure::NotLeader { node, leader: None }, Lang::Zh) => {
            format!("{node} 不是领导者，也不知道谁是领导者", node = names.of(node))
        }
        (OpFailure::NodeDown { node }, Lang::En) => format!("{node} is down (crashed or paused)", node = names.of(node)),
        (OpFailure::NodeDown { node }, Lang::Zh) => format!("{node} 不可用（已崩溃或已暂停）", node = names.of(node)),
        (OpFailure::NoLeader, Lang::En) => "no leader could be found".to_string(),
        (OpFailure::NoLeader, Lang::Zh) => "找不到领导者".to_string(),
        (OpFailure::Overwritten { index, term }, Lang::En) => format!(
            "its entry (index {index}, term {term}) was overwritten in the log of the leader that took it; another copy may still commit (Figure 8), so the outcome is unknown unless a different entry is already committed there (§5.3)"
        ),
        (OpFailure::Overwritten { index, term }, Lang::Zh) => {
            format!("它的条目（索引 {index}，任期 {term}）在接收它的领导者日志中被覆盖；其他节点上的副本仍可能被提交（图 8），除非该位置已提交了别的条目，否则结果未知（§5.3）")
        }
        (OpFailure::LeaderCrashed { node }, Lang::En) => format!(
            "leader {node} crashed before answering: outcome unknown, the entry may still commit"
        , node = names.of(node)),
        (OpFailure::LeaderCrashed { node }, Lang::Zh) => {
            format!("领导者 {node} 在答复前崩溃：结果未知，该条目仍可能被提交", node = names.of(node))
        }
        (OpFailure::TimedOut, Lang::En) => "no answer in time: outcome unknown".to_string(),
        (OpFailure::TimedOut, Lang::Zh) => "超时未获答复：结果未知".to_string(),
        (OpFailure::LeaderTransferring { node, target }, Lang::En) => format!(
            "leader {node} is handing leadership to {target} and takes no commands until it is done (thesis §3.10)"
        , node = names.of(node), target = names.of(target)),
        (OpFailure::LeaderTransferring { node, target }, Lang::Zh) => {
            format!("领导者 {node} 正在把领导权移交给 {target}，完成前不接受命令（博士论文 §3.10）", node = names.of(node), target = names.of(target))
        }
        (OpFailure::ReadAbandoned { node, reason }, lang) => {
            let why = match (reason, lang) {
                (ReadFailure::NoLongerLeader, Lang::En) => "it is no longer leader".to_string(),
                (ReadFailure::NoLongerLeader, Lang::Zh) => "它已不再是领导者".to_string(),
                (ReadFailure::LeaderChanged, Lang::En) => "its leader changed".to_string(),
                (ReadFailure::LeaderChanged, Lang::Zh) => "它的领导者变了".to_string(),
                (ReadFailure::LeaderRefused { leader }, Lang::En) => format!("{leader} is not the leader", leader = names.of(leader)),
                (ReadFailure::LeaderRefused { leader }, Lang::Zh) => format!("{leader} 不是领导者", leader = names.of(leader)),
            };
            match lang {
                Lang::En => format!("{node} gave up the read: {why} (nothing was changed)", node = names.of(node)),
                Lang::Zh => format!("{node} 放弃了读请求：{why}（没有改变任何状态）", node = names.of(node)),
            }
        }
    }
}

/// What an operation's sentence needs besides the operation: the tick on
/// screen (a retry is said relative to it) and, for a pending entry, the
/// leader that will overwrite it ([`crate::sim::World::overwritten_by`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpContext {
    /// The current tick.
    pub now: u64,
    /// The leader that does not hold the pending entry, if one leads.
    pub overwritten_by: Option<crate::raft::NodeId>,
}

impl OpContext {
    /// The context of `op` in `world`.
    pub fn of(world: &crate::sim::World, op: &ClientOp) -> OpContext {
        let overwritten_by = match op.status {
            OpStatus::Pending { index, term, .. } => world.overwritten_by(index, term),
            _ => None,
        };
        OpContext {
            now: world.tick(),
            overwritten_by,
        }
    }
}

/// When a retry happens, relative to `now`: "in 12 ticks (tick 30)",
/// "将在 12 个时钟周期后（时刻 30）重试".
fn retry_when(lang: Lang, retry_at: u64, now: u64) -> String {
    match (retry_at.checked_sub(now).filter(|d| *d > 0), lang) {
        (Some(d), Lang::En) => format!("in {} (tick {retry_at})", lang.ticks(d)),
        (Some(d), Lang::Zh) => format!("将在 {}后（时刻 {retry_at}）重试", lang.ticks(d)),
        (None, Lang::En) => "now".to_string(),
        (None, Lang::Zh) => "即将重试".to_string(),
    }
}

/// Where an operation stands, in a sentence.
pub fn status_text(lang: Lang, names: NodeNames, op: &ClientOp, ctx: OpContext) -> String {
    match (&op.status, lang) {
        (OpStatus::Waiting { last: None, .. }, _) => lang.t("submitting…", "提交中…").to_string(),
        (
            OpStatus::Waiting {
                retry_at,
                last: Some(f),
            },
            Lang::En,
        ) => format!(
            "retrying {}/{MAX_ATTEMPTS} {} — last attempt: {}",
            op.attempts + 1,
            retry_when(lang, *retry_at, ctx.now),
            failure_text(lang, names, f)
        ),
        (
            OpStatus::Waiting {
                retry_at,
                last: Some(f),
            },
            Lang::Zh,
        ) => format!(
            "{}（第 {}/{MAX_ATTEMPTS} 次）— 上次：{}",
            retry_when(lang, *retry_at, ctx.now),
            op.attempts + 1,
            failure_text(lang, names, f)
        ),
        (OpStatus::Pending { node, index, term }, Lang::En) => match ctx.overwritten_by {
            Some(l) => format!("pending at {node} index {index} term {term}: will be overwritten — leader {l} does not hold it (§5.3)", node = names.of(node), l = names.of(l)),
            None => format!("pending at {node} index {index} term {term}: waiting for a majority", node = names.of(node)),
        },
        (OpStatus::Pending { node, index, term }, Lang::Zh) => match ctx.overwritten_by {
            Some(l) => format!("已追加到 {node} 的索引 {index}（任期 {term}）：将被覆盖——领导者 {l} 没有这一条（§5.3）", node = names.of(node), l = names.of(l)),
            None => format!("已追加到 {node} 的索引 {index}（任期 {term}）：等待多数派", node = names.of(node)),
        },
        (
            OpStatus::Committed {
                index,
                term,
                result,
                ..
            },
            Lang::En,
        ) => format!(
            "committed at index {index} (term {term}) → {}",
            result_text(lang, result)
        ),
        (
            OpStatus::Committed {
                index,
                term,
                result,
                ..
            },
            Lang::Zh,
        ) => format!(
            "已提交于索引 {index}（任期 {term}）→ {}",
            result_text(lang, result)
        ),
        (OpStatus::Reading { node, .. }, _) => reading_text(lang, names, *node, op),
        (
            OpStatus::ReadAnswered {
                node,
                read_index,
                value,
                ..
            },
            _,
        ) => {
            let v = value
                .clone()
                .unwrap_or_else(|| lang.t("(none)", "（无）").to_string());
            let how = read_path_text(lang, names, op);
            match lang {
                Lang::En => {
                    format!("answered by {node} at read index {read_index} → value {v}{how}", node = names.of(node))
                }
                Lang::Zh => format!("由 {node} 在读索引 {read_index} 处回答 → 值 {v}{how}", node = names.of(node)),
            }
        }
        (
            OpStatus::Acknowledged {
                node,
                index,
                term,
                result,
                reason,
                at,
            },
            _,
        ) => {
            let r = super::replication_text::reason_text(lang, reason);
            let res = result_text(lang, result);
            match lang {
                Lang::En => format!("acknowledged by {node} at tick {at} before commit (index {index}, term {term}; {r}) → {res}", node = names.of(node)),
                Lang::Zh => format!("{node} 在时刻 {at} 提交前就已应答（索引 {index}，任期 {term}；{r}）→ {res}", node = names.of(node)),
            }
        }
        (OpStatus::Failed { reason, at }, Lang::En) => {
            format!("failed at tick {at}: {}", failure_text(lang, names, reason))
        }
        (OpStatus::Failed { reason, at }, Lang::Zh) => {
            format!("失败（时刻 {at}）：{}", failure_text(lang, names, reason))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::ApplyResult;

    #[test]
    fn every_failure_and_status_reads_in_both_languages() {
        let failures = [
            OpFailure::NotLeader {
                node: 2,
                leader: Some(1),
            },
            OpFailure::NotLeader {
                node: 2,
                leader: None,
            },
            OpFailure::NodeDown { node: 2 },
            OpFailure::NoLeader,
            OpFailure::Overwritten { index: 7, term: 3 },
            OpFailure::LeaderCrashed { node: 1 },
            OpFailure::TimedOut,
        ];
        for f in &failures {
            let (en, zh) = (
                failure_text(Lang::En, crate::view::node_names::NodeNames::DEFAULT, f),
                failure_text(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT, f),
            );
            assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{f:?}");
        }
        assert!(failure_text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &failures[0]
        )
        .contains("the leader is n1"));
        assert!(failure_text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &failures[5]
        )
        .contains("outcome unknown"));
        assert_eq!(
            target_text(
                Lang::Zh,
                crate::view::node_names::NodeNames::DEFAULT,
                Target::Cluster
            ),
            "集群"
        );
        assert_eq!(
            target_text(
                Lang::En,
                crate::view::node_names::NodeNames::DEFAULT,
                Target::Node(3)
            ),
            "n3"
        );
    }

    #[test]
    fn a_real_operation_goes_from_pending_to_committed() {
        let mut sim = crate::view::pending_op::put_pending_at_n1();
        let op = sim.world().client().ops()[0].clone();
        assert_eq!(status_name(&op.status), "pending");
        assert!(status_text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &op,
            OpContext::of(sim.world(), &op)
        )
        .starts_with("pending at n1 index"));
        sim.run(30).unwrap();
        let op = sim.world().client().ops()[0].clone();
        assert_eq!(status_name(&op.status), "committed");
        let t = status_text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &op,
            OpContext::of(sim.world(), &op),
        );
        assert!(
            t.starts_with("committed at index") && t.ends_with("previous value (none)"),
            "{t}"
        );
        assert!(status_text(
            Lang::Zh,
            crate::view::node_names::NodeNames::DEFAULT,
            &op,
            OpContext::of(sim.world(), &op)
        )
        .contains("已提交"));
        let mut failed = op.clone();
        failed.status = OpStatus::Failed {
            reason: OpFailure::TimedOut,
            at: 9,
        };
        assert_eq!(
            status_text(
                Lang::En,
                crate::view::node_names::NodeNames::DEFAULT,
                &failed,
                OpContext::default()
            ),
            "failed at tick 9: no answer in time: outcome unknown"
        );
        failed.status = OpStatus::Waiting {
            retry_at: 30,
            last: Some(OpFailure::NoLeader),
        };
        failed.attempts = 2;
        let at = |now| OpContext {
            now,
            overwritten_by: None,
        };
        assert!(status_text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &failed,
            at(18)
        )
        .starts_with("retrying 3/8 in 12 ticks (tick 30) — "));
        assert!(status_text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &failed,
            at(29)
        )
        .starts_with("retrying 3/8 in 1 tick (tick 30)"));
        assert!(status_text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &failed,
            at(30)
        )
        .starts_with("retrying 3/8 now"));
        assert!(status_text(
            Lang::Zh,
            crate::view::node_names::NodeNames::DEFAULT,
            &failed,
            at(18)
        )
        .starts_with("将在 12 个时钟周期后（时刻 30）重试（第 3/8 次）"));
        failed.status = OpStatus::Committed {
            node: 1,
            index: 4,
            term: 2,
            result: ApplyResult::Read { value: None },
            at: 40,
        };
        assert!(status_text(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            &failed,
            OpContext::default()
        )
        .ends_with("value (none)"));
    }
}
