//! Client reads in plain language: the read mode, the lease caveat, and the
//! path a read took through its ReadIndex steps (thesis §6.4).

use crate::raft::{ReadMode, ReadStep};
use crate::sim::ClientOp;
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;

/// `log`, `ReadIndex` or `lease` for the client panel.
pub fn read_mode_label(lang: Lang, mode: ReadMode) -> &'static str {
    match mode {
        ReadMode::Log => lang.t("through the log (§8)", "经过日志（§8）"),
        ReadMode::ReadIndex => lang.t("ReadIndex (thesis §6.4)", "ReadIndex（博士论文 §6.4）"),
        ReadMode::Lease => lang.t(
            "lease read (thesis §6.4.1, needs CheckQuorum)",
            "租约读（博士论文 §6.4.1，需要 CheckQuorum）",
        ),
    }
}

/// Why the lease read is only as safe as the clocks, for the client panel.
pub fn lease_caveat(lang: Lang) -> &'static str {
    lang.t(
        "A lease read trusts time: the leader answers without asking anyone, because followers that heard its heartbeat will not elect another leader for an election timeout. If the leader's clock runs slow, or it is paused (a long GC pause looks the same), it may answer after a new leader was elected — a stale read. Try it: pause the leader, let a new one commit a write, resume the old one and read.",
        "租约读依赖时间：领导者不询问任何节点就回答，因为收到过它心跳的跟随者在一个选举超时内不会选出别的领导者。如果领导者的时钟走慢了，或者它被暂停（长时间的 GC 停顿看起来一样），它可能在新领导者当选之后仍然回答——读到旧值。试试看：暂停领导者，让新领导者提交一次写入，再恢复旧领导者并读取。",
    )
}

pub(super) fn reading_text(lang: Lang, names: NodeNames, node: u32, op: &ClientOp) -> String {
    let last = op
        .read_steps
        .last()
        .map(|(n, s)| step_short(lang, names, *n, s));
    match (lang, last) {
        (Lang::En, Some(l)) => format!("read in progress at {node}: {l}", node = names.of(node)),
        (Lang::Zh, Some(l)) => format!("{node} 正在处理读请求：{l}", node = names.of(node)),
        (Lang::En, None) => format!("read in progress at {node}", node = names.of(node)),
        (Lang::Zh, None) => format!("{node} 正在处理读请求", node = names.of(node)),
    }
}

/// The read's round trip in a few words per step.
pub fn read_path_text(lang: Lang, names: NodeNames, op: &ClientOp) -> String {
    let steps: Vec<String> = op
        .read_steps
        .iter()
        .filter(|(_, s)| !matches!(s, ReadStep::Answered { .. }))
        .map(|(n, s)| step_short(lang, names, *n, s))
        .collect();
    if steps.is_empty() {
        String::new()
    } else {
        format!(" ({})", steps.join(" → "))
    }
}

/// One read step, short.
pub fn step_short(lang: Lang, names: NodeNames, n: u32, s: &ReadStep) -> String {
    let list = |ids: &[u32]| {
        ids.iter()
            .map(|i| format!("{i}", i = names.of(i)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (s, lang) {
        (ReadStep::WaitingForCommitInTerm, Lang::En) => {
            format!("{n} waits to commit an entry of its term", n = names.of(n))
        }
        (ReadStep::WaitingForCommitInTerm, Lang::Zh) => {
            format!("{n} 等待提交本任期的条目", n = names.of(n))
        }
        (ReadStep::IndexRecorded { read_index, round }, Lang::En) => {
            format!(
                "{n} read index {read_index}, heartbeat round {round}",
                n = names.of(n)
            )
        }
        (ReadStep::IndexRecorded { read_index, round }, Lang::Zh) => {
            format!(
                "{n} 读索引 {read_index}，第 {round} 轮心跳",
                n = names.of(n)
            )
        }
        (ReadStep::Confirmed { acks, .. }, Lang::En) => format!("confirmed by {}", list(acks)),
        (ReadStep::Confirmed { acks, .. }, Lang::Zh) => format!("由 {} 确认", list(acks)),
        (ReadStep::ServedByLease { lease_left, .. }, Lang::En) => {
            format!(
                "{n} lease, {lease_left} ticks left, no round trip",
                n = names.of(n)
            )
        }
        (ReadStep::ServedByLease { lease_left, .. }, Lang::Zh) => {
            format!(
                "{n} 租约还剩 {lease_left} 个时钟周期，无需往返",
                n = names.of(n)
            )
        }
        (ReadStep::LeaseExpired, Lang::En) => {
            format!(
                "{n} lease expired, heartbeat round instead",
                n = names.of(n)
            )
        }
        (ReadStep::LeaseExpired, Lang::Zh) => {
            format!("{n} 租约已过期，改用一轮心跳", n = names.of(n))
        }
        (ReadStep::Forwarded { leader }, Lang::En) => format!(
            "{n} forwarded to {leader}",
            n = names.of(n),
            leader = names.of(leader)
        ),
        (ReadStep::Forwarded { leader }, Lang::Zh) => format!(
            "{n} 转发给 {leader}",
            n = names.of(n),
            leader = names.of(leader)
        ),
        (ReadStep::IndexReceived { read_index, .. }, Lang::En) => {
            format!("{n} got read index {read_index}", n = names.of(n))
        }
        (ReadStep::IndexReceived { read_index, .. }, Lang::Zh) => {
            format!("{n} 得到读索引 {read_index}", n = names.of(n))
        }
        (ReadStep::Unconfirmed { .. }, Lang::En) => {
            format!("UNSAFE: {n} did not confirm leadership", n = names.of(n))
        }
        (ReadStep::Unconfirmed { .. }, Lang::Zh) => {
            format!("不安全：{n} 未确认领导地位", n = names.of(n))
        }
        (ReadStep::Answered { value, .. }, Lang::En) => {
            format!(
                "{n} answered {}",
                value.as_deref().unwrap_or("(none)"),
                n = names.of(n)
            )
        }
        (ReadStep::Answered { value, .. }, Lang::Zh) => {
            format!(
                "{n} 回答 {}",
                value.as_deref().unwrap_or("（无）"),
                n = names.of(n)
            )
        }
        (ReadStep::Failed { .. }, Lang::En) => format!("{n} gave up", n = names.of(n)),
        (ReadStep::Failed { .. }, Lang::Zh) => format!("{n} 放弃", n = names.of(n)),
    }
}
