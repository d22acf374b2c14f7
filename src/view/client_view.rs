//! Client operations in plain language: where each stands and, when it
//! failed, why — naming the leader, the overwritten entry, or saying that the
//! outcome is unknown (§8).

use super::explain::result_text;
use super::i18n::Lang;
use crate::sim::client::MAX_ATTEMPTS;
use crate::sim::{ClientOp, OpFailure, OpStatus, Target};

/// `waiting`, `pending`, `committed`, `acknowledged` (answered early under a
/// replication mode other than Raft) or `failed` (`data-op-status`).
pub fn status_name(status: &OpStatus) -> &'static str {
    match status {
        OpStatus::Waiting { .. } => "waiting",
        OpStatus::Pending { .. } => "pending",
        OpStatus::Committed { .. } => "committed",
        OpStatus::Acknowledged { .. } => "acknowledged",
        OpStatus::Failed { .. } => "failed",
    }
}

/// `cluster` or `n2`.
pub fn target_text(lang: Lang, target: Target) -> String {
    match target {
        Target::Cluster => lang.t("cluster", "集群").to_string(),
        Target::Node(n) => format!("n{n}"),
    }
}

/// Why an attempt failed.
pub fn failure_text(lang: Lang, f: &OpFailure) -> String {
    match (f, lang) {
        (OpFailure::NotLeader { node, leader: Some(l) }, Lang::En) => {
            format!("n{node} is not the leader; it says the leader is n{l}")
        }
        (OpFailure::NotLeader { node, leader: Some(l) }, Lang::Zh) => {
            format!("n{node} 不是领导者；它告知领导者是 n{l}")
        }
        (OpFailure::NotLeader { node, leader: None }, Lang::En) => {
            format!("n{node} is not the leader and knows no leader")
        }
        (OpFailure::NotLeader { node, leader: None }, Lang::Zh) => {
            format!("n{node} 不是领导者，也不知道谁是领导者")
        }
        (OpFailure::NodeDown { node }, Lang::En) => format!("n{node} is down (crashed or paused)"),
        (OpFailure::NodeDown { node }, Lang::Zh) => format!("n{node} 不可用（已崩溃或已暂停）"),
        (OpFailure::NoLeader, Lang::En) => "no leader could be found".to_string(),
        (OpFailure::NoLeader, Lang::Zh) => "找不到领导者".to_string(),
        (OpFailure::Overwritten { index, term }, Lang::En) => format!(
            "its entry (index {index}, term {term}) was overwritten in the log of the leader that took it; another copy may still commit (Figure 8), so the outcome is unknown unless a different entry is already committed there (§5.3)"
        ),
        (OpFailure::Overwritten { index, term }, Lang::Zh) => {
            format!("它的条目（索引 {index}，任期 {term}）在接收它的领导者日志中被覆盖；其他节点上的副本仍可能被提交（图 8），除非该位置已提交了别的条目，否则结果未知（§5.3）")
        }
        (OpFailure::LeaderCrashed { node }, Lang::En) => format!(
            "leader n{node} crashed before answering: outcome unknown, the entry may still commit"
        ),
        (OpFailure::LeaderCrashed { node }, Lang::Zh) => {
            format!("领导者 n{node} 在答复前崩溃：结果未知，该条目仍可能被提交")
        }
        (OpFailure::TimedOut, Lang::En) => "no answer in time: outcome unknown".to_string(),
        (OpFailure::TimedOut, Lang::Zh) => "超时未获答复：结果未知".to_string(),
    }
}

/// Where an operation stands, in a sentence.
pub fn status_text(lang: Lang, op: &ClientOp) -> String {
    match (&op.status, lang) {
        (OpStatus::Waiting { last: None, .. }, _) => lang.t("submitting…", "提交中…").to_string(),
        (
            OpStatus::Waiting {
                retry_at,
                last: Some(f),
            },
            Lang::En,
        ) => format!(
            "retrying {}/{MAX_ATTEMPTS} at tick {retry_at} — last attempt: {}",
            op.attempts + 1,
            failure_text(lang, f)
        ),
        (
            OpStatus::Waiting {
                retry_at,
                last: Some(f),
            },
            Lang::Zh,
        ) => format!(
            "将在时刻 {retry_at} 重试（第 {}/{MAX_ATTEMPTS} 次）— 上次：{}",
            op.attempts + 1,
            failure_text(lang, f)
        ),
        (OpStatus::Pending { node, index, term }, Lang::En) => {
            format!("pending at n{node} index {index} term {term}: waiting for a majority")
        }
        (OpStatus::Pending { node, index, term }, Lang::Zh) => {
            format!("已追加到 n{node} 的索引 {index}（任期 {term}）：等待多数派")
        }
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
                Lang::En => format!("acknowledged by n{node} at tick {at} before commit (index {index}, term {term}; {r}) → {res}"),
                Lang::Zh => format!("n{node} 在时刻 {at} 提交前就已应答（索引 {index}，任期 {term}；{r}）→ {res}"),
            }
        }
        (OpStatus::Failed { reason, at }, Lang::En) => {
            format!("failed at tick {at}: {}", failure_text(lang, reason))
        }
        (OpStatus::Failed { reason, at }, Lang::Zh) => {
            format!("失败（时刻 {at}）：{}", failure_text(lang, reason))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::ApplyResult;
    use crate::sim::{SimConfig, Simulation};

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
            let (en, zh) = (failure_text(Lang::En, f), failure_text(Lang::Zh, f));
            assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{f:?}");
        }
        assert!(failure_text(Lang::En, &failures[0]).contains("the leader is n1"));
        assert!(failure_text(Lang::En, &failures[5]).contains("outcome unknown"));
        assert_eq!(target_text(Lang::Zh, Target::Cluster), "集群");
        assert_eq!(target_text(Lang::En, Target::Node(3)), "n3");
    }

    #[test]
    fn a_real_operation_goes_from_pending_to_committed() {
        let mut sim = Simulation::new(SimConfig {
            nodes: 3,
            ..SimConfig::default()
        })
        .unwrap();
        sim.campaign(1).unwrap();
        sim.run(15).unwrap();
        sim.propose_to(1, "put x 1").unwrap();
        let op = sim.world().client().ops()[0].clone();
        assert_eq!(status_name(&op.status), "pending");
        assert!(status_text(Lang::En, &op).starts_with("pending at n1 index"));
        sim.run(30).unwrap();
        let op = sim.world().client().ops()[0].clone();
        assert_eq!(status_name(&op.status), "committed");
        let t = status_text(Lang::En, &op);
        assert!(
            t.starts_with("committed at index") && t.ends_with("previous value (none)"),
            "{t}"
        );
        assert!(status_text(Lang::Zh, &op).contains("已提交"));
        let mut failed = op.clone();
        failed.status = OpStatus::Failed {
            reason: OpFailure::TimedOut,
            at: 9,
        };
        assert_eq!(
            status_text(Lang::En, &failed),
            "failed at tick 9: no answer in time: outcome unknown"
        );
        failed.status = OpStatus::Waiting {
            retry_at: 30,
            last: Some(OpFailure::NoLeader),
        };
        failed.attempts = 2;
        assert!(status_text(Lang::En, &failed).starts_with("retrying 3/8 at tick 30"));
        failed.status = OpStatus::Committed {
            node: 1,
            index: 4,
            term: 2,
            result: ApplyResult::Read { value: None },
            at: 40,
        };
        assert!(status_text(Lang::En, &failed).ends_with("value (none)"));
    }
}
