//! Sentences for the log-compaction events (thesis §5.1), in English and
//! Chinese, from the reasons the core recorded.

use super::fill;
use super::Lang;
use crate::raft::{CompactTrigger, Event, NodeId, SnapshotIgnore, SnapshotInstall, SnapshotReason};
use crate::view::node_names::NodeNames;

/// The sentence for one snapshot event (other events give an empty string).
pub(super) fn explain(lang: Lang, names: NodeNames, n: NodeId, e: &Event) -> String {
    match e {
        Event::SnapshotTaken {
            last_included_index: i,
            last_included_term: t,
            compacted,
            trigger,
        } => {
            let (why_en, why_zh) = match trigger {
                CompactTrigger::Manual => ("asked to compact".to_string(), "按要求压缩".to_string()),
                CompactTrigger::Threshold { entries } => (
                    format!("{entries} applied entries were outside the snapshot (auto-compaction)"),
                    format!("已有 {entries} 个已应用条目不在快照中（自动压缩）"),
                ),
            };
            fill(lang.t("{0} took a snapshot up to index {1} (term {2}) and dropped {3} log entries: {4} (thesis §5.1)", "{0} 生成了截至索引 {1}（任期 {2}）的快照，并删除了 {3} 个日志条目：{5}（博士论文 §5.1）"), &[&names.of(n), &i, &t, &compacted, &why_en, &why_zh])
        }
        Event::SnapshotSent {
            follower: f,
            last_included_index: i,
            last_included_term: t,
            reason: SnapshotReason::EntryCompacted { next_index, first_index },
        } => fill(lang.t("{0} sent {1} its snapshot (up to index {2}, term {3}) instead of AppendEntries: {1} needs entry {4}, but {0}'s log now starts at {5} (thesis §5.1)", "{0} 向 {1} 发送快照（截至索引 {2}，任期 {3}）而不是 AppendEntries：{1} 需要条目 {4}，但 {0} 的日志现在从 {5} 开始（博士论文 §5.1）"), &[&names.of(n), &names.of(f), &i, &t, &next_index, &first_index]),
        Event::SnapshotInstalled {
            leader,
            last_included_index: i,
            last_included_term: t,
            outcome,
        } => match outcome {
            SnapshotInstall::KeptSuffix { kept } => fill(lang.t("{0} installed {1}'s snapshot up to index {2} (term {3}); its log held that entry, so the {4} entries after it were kept (thesis Figure 5.3, step 6)", "{0} 安装了 {1} 截至索引 {2}（任期 {3}）的快照；它的日志含有该条目，因此保留了其后的 {4} 个条目（博士论文图 5.3，第 6 步）"), &[&names.of(n), &names.of(leader), &i, &t, &kept]),
            SnapshotInstall::DiscardedLog { discarded } => fill(lang.t("{0} installed {1}'s snapshot up to index {2} (term {3}) and discarded its whole log ({4} entries) (thesis Figure 5.3, step 7)", "{0} 安装了 {1} 截至索引 {2}（任期 {3}）的快照，并丢弃了整个日志（{4} 个条目）（博士论文图 5.3，第 7 步）"), &[&names.of(n), &names.of(leader), &i, &t, &discarded]),
        },
        Event::SnapshotIgnored { leader, last_included_index: i, reason } => match reason {
            SnapshotIgnore::StaleTerm { leader_term, our_term } => fill(lang.t("{0} refused {1}'s snapshot (index {2}): its term {3} is older than ours, {4} (§5.1)", "{0} 拒绝了 {1} 的快照（索引 {2}）：其任期 {3} 比自己的任期 {4} 旧（§5.1）"), &[&names.of(n), &names.of(leader), &i, &leader_term, &our_term]),
            SnapshotIgnore::StaleSnapshot { commit_index, .. } => fill(lang.t("{0} ignored {1}'s snapshot up to index {2}: it has already committed up to {3}, so the snapshot is stale", "{0} 忽略了 {1} 截至索引 {2} 的快照：它已提交到 {3}，该快照已过时"), &[&names.of(n), &names.of(leader), &i, &commit_index]),
        },
        Event::RestoredFromSnapshot { last_included_index: i, last_included_term: t } => fill(lang.t("{0} restarted from its snapshot (up to index {1}, term {2}): its state machine and commit index start there (thesis §5.1)", "{0} 从快照（截至索引 {1}，任期 {2}）重启：状态机和提交索引从那里开始（博士论文 §5.1）"), &[&names.of(n), &i, &t]),
        _ => String::new(),
    }
}
