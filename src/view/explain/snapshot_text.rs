//! Sentences for the log-compaction events (thesis §5.1), in English and
//! Chinese, from the reasons the core recorded.

use super::Lang;
use crate::raft::{CompactTrigger, Event, NodeId, SnapshotIgnore, SnapshotInstall, SnapshotReason};
use crate::view::node_names::NodeNames;

macro_rules! say {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            Lang::En => $en,
            Lang::Zh => $zh,
        }
    };
}

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
            say!(lang,
                format!("{n} took a snapshot up to index {i} (term {t}) and dropped {compacted} log entries: {why_en} (thesis §5.1)", n = names.of(n)),
                format!("{n} 生成了截至索引 {i}（任期 {t}）的快照，并删除了 {compacted} 个日志条目：{why_zh}（博士论文 §5.1）", n = names.of(n)))
        }
        Event::SnapshotSent {
            follower: f,
            last_included_index: i,
            last_included_term: t,
            reason: SnapshotReason::EntryCompacted { next_index, first_index },
        } => say!(lang,
            format!("{n} sent {f} its snapshot (up to index {i}, term {t}) instead of AppendEntries: {f} needs entry {next_index}, but {n}'s log now starts at {first_index} (thesis §5.1)", n = names.of(n), f = names.of(f)),
            format!("{n} 向 {f} 发送快照（截至索引 {i}，任期 {t}）而不是 AppendEntries：{f} 需要条目 {next_index}，但 {n} 的日志现在从 {first_index} 开始（博士论文 §5.1）", n = names.of(n), f = names.of(f))),
        Event::SnapshotInstalled {
            leader,
            last_included_index: i,
            last_included_term: t,
            outcome,
        } => match outcome {
            SnapshotInstall::KeptSuffix { kept } => say!(lang,
                format!("{n} installed {leader}'s snapshot up to index {i} (term {t}); its log held that entry, so the {kept} entries after it were kept (thesis Figure 5.3, step 6)", n = names.of(n), leader = names.of(leader)),
                format!("{n} 安装了 {leader} 截至索引 {i}（任期 {t}）的快照；它的日志含有该条目，因此保留了其后的 {kept} 个条目（博士论文图 5.3，第 6 步）", n = names.of(n), leader = names.of(leader))),
            SnapshotInstall::DiscardedLog { discarded } => say!(lang,
                format!("{n} installed {leader}'s snapshot up to index {i} (term {t}) and discarded its whole log ({discarded} entries) (thesis Figure 5.3, step 7)", n = names.of(n), leader = names.of(leader)),
                format!("{n} 安装了 {leader} 截至索引 {i}（任期 {t}）的快照，并丢弃了整个日志（{discarded} 个条目）（博士论文图 5.3，第 7 步）", n = names.of(n), leader = names.of(leader))),
        },
        Event::SnapshotIgnored { leader, last_included_index: i, reason } => match reason {
            SnapshotIgnore::StaleTerm { leader_term, our_term } => say!(lang,
                format!("{n} refused {leader}'s snapshot (index {i}): its term {leader_term} is older than ours, {our_term} (§5.1)", n = names.of(n), leader = names.of(leader)),
                format!("{n} 拒绝了 {leader} 的快照（索引 {i}）：其任期 {leader_term} 比自己的任期 {our_term} 旧（§5.1）", n = names.of(n), leader = names.of(leader))),
            SnapshotIgnore::StaleSnapshot { commit_index, .. } => say!(lang,
                format!("{n} ignored {leader}'s snapshot up to index {i}: it has already committed up to {commit_index}, so the snapshot is stale", n = names.of(n), leader = names.of(leader)),
                format!("{n} 忽略了 {leader} 截至索引 {i} 的快照：它已提交到 {commit_index}，该快照已过时", n = names.of(n), leader = names.of(leader))),
        },
        Event::RestoredFromSnapshot { last_included_index: i, last_included_term: t } => say!(lang,
            format!("{n} restarted from its snapshot (up to index {i}, term {t}): its state machine and commit index start there (thesis §5.1)", n = names.of(n)),
            format!("{n} 从快照（截至索引 {i}，任期 {t}）重启：状态机和提交索引从那里开始（博士论文 §5.1）", n = names.of(n))),
        _ => String::new(),
    }
}
