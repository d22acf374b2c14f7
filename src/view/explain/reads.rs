//! Sentences for ReadIndex and lease reads (thesis §6.4) and leadership
//! transfer (thesis §3.10), in English and Chinese.

use crate::raft::{NodeId, ReadFailure, ReadStep, TransferEnd};
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;

macro_rules! say {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            Lang::En => $en,
            Lang::Zh => $zh,
        }
    };
}

/// One step of read `r` at node `n`.
pub fn read_step(lang: Lang, names: NodeNames, n: NodeId, r: u64, step: &ReadStep) -> String {
    match step {
        ReadStep::WaitingForCommitInTerm => say!(lang,
            format!("{n} holds read #{r}: as a new leader it has not committed an entry of its own term yet, so its commit index may be behind (thesis §6.4, step 1)", n = names.of(n)),
            format!("{n} 暂缓读请求 #{r}：作为新领导者，它还没有提交自己任期的条目，提交索引可能落后（博士论文 §6.4 第 1 步）", n = names.of(n))),
        ReadStep::IndexRecorded { read_index, round } => say!(lang,
            format!("{n} recorded read index {read_index} for read #{r} and sent heartbeat round {round} to confirm it is still leader (thesis §6.4, steps 2–3)", n = names.of(n)),
            format!("{n} 为读请求 #{r} 记下读索引 {read_index}，并发送第 {round} 轮心跳以确认自己仍是领导者（博士论文 §6.4 第 2–3 步）", n = names.of(n))),
        ReadStep::Confirmed { read_index, acks } => {
            let a = names.list(acks);
            say!(lang,
                format!("{n} is still leader for read #{r}: {a} answered the heartbeat round, a majority; it answers once applied up to {read_index} (thesis §6.4, step 3)", n = names.of(n)),
                format!("{n} 确认仍是领导者（读请求 #{r}）：{a} 应答了这一轮心跳，构成多数派；应用到索引 {read_index} 后即可回答（博士论文 §6.4 第 3 步）", n = names.of(n)))
        }
        ReadStep::ServedByLease { read_index, lease_left } => say!(lang,
            format!("{n} answers read #{r} from its lease ({lease_left} ticks left), without a round trip, at read index {read_index}: it trusts that no other leader can be elected before the lease ends — which holds only if clocks run at the same rate (thesis §6.4.1)", n = names.of(n)),
            format!("{n} 凭租约（还剩 {lease_left} 个时钟周期）回答读请求 #{r}，读索引 {read_index}，无需往返：它相信租约结束前不会选出别的领导者——这只在各节点时钟走得一样快时成立（博士论文 §6.4.1）", n = names.of(n))),
        ReadStep::LeaseExpired => say!(lang,
            format!("{n} has no lease in force for read #{r}: it confirms leadership with a heartbeat round instead (thesis §6.4)", n = names.of(n)),
            format!("{n} 没有有效租约（读请求 #{r}）：改为用一轮心跳确认领导地位（博士论文 §6.4）", n = names.of(n))),
        ReadStep::Forwarded { leader } => say!(lang,
            format!("{n} is a follower: it forwards read #{r} to leader {leader} to learn a read index (thesis §6.4)", n = names.of(n), leader = names.of(leader)),
            format!("{n} 是跟随者：把读请求 #{r} 转发给领导者 {leader} 以获取读索引（博士论文 §6.4）", n = names.of(n), leader = names.of(leader))),
        ReadStep::IndexReceived { leader, read_index } => say!(lang,
            format!("{n} got read index {read_index} for read #{r} from leader {leader}; it answers once it has applied up to it", n = names.of(n), leader = names.of(leader)),
            format!("{n} 从领导者 {leader} 得到读请求 #{r} 的读索引 {read_index}；应用到该索引后回答", n = names.of(n), leader = names.of(leader))),
        ReadStep::Unconfirmed { read_index } => say!(lang,
            format!("UNSAFE: {n} answers read #{r} from its own state at index {read_index} without confirming it is still leader (stale-leader-read)", n = names.of(n)),
            format!("不安全：{n} 未确认自己仍是领导者，就按本地索引 {read_index} 的状态回答读请求 #{r}（stale-leader-read）", n = names.of(n))),
        ReadStep::Answered { read_index, key, value } => {
            let v = value.clone().unwrap_or_else(|| say!(lang, "(none)", "（无）").to_string());
            say!(lang,
                format!("{n} answered read #{r}: get {key} = {v} (applied up to read index {read_index})", n = names.of(n)),
                format!("{n} 回答读请求 #{r}：get {key} = {v}（已应用到读索引 {read_index}）", n = names.of(n)))
        }
        ReadStep::Failed { reason } => {
            let why = match reason {
                ReadFailure::NoLongerLeader => say!(lang, "it is no longer leader".to_string(), "它已不再是领导者".to_string()),
                ReadFailure::LeaderChanged => say!(lang, "its leader changed".to_string(), "它的领导者变了".to_string()),
                ReadFailure::LeaderRefused { leader } => say!(lang, format!("{leader} is not the leader", leader = names.of(leader)), format!("{leader} 不是领导者", leader = names.of(leader))),
            };
            say!(lang,
                format!("{n} gave up read #{r}: {why}; the client may retry", n = names.of(n)),
                format!("{n} 放弃了读请求 #{r}：{why}；客户端可以重试", n = names.of(n)))
        }
    }
}

/// A transfer began at leader `n`.
pub fn transfer_started(
    lang: Lang,
    names: NodeNames,
    n: NodeId,
    target: NodeId,
    target_match: u64,
    last_index: u64,
) -> String {
    if target_match >= last_index {
        say!(lang,
            format!("{n} hands leadership to {target} (thesis §3.10): it stops taking client commands; {target} already holds its whole log", n = names.of(n), target = names.of(target)),
            format!("{n} 把领导权移交给 {target}（博士论文 §3.10）：停止接受客户端命令；{target} 已拥有它的全部日志", n = names.of(n), target = names.of(target)))
    } else {
        say!(lang,
            format!("{n} hands leadership to {target} (thesis §3.10): it stops taking client commands and first brings {target} from index {target_match} up to {last_index}", n = names.of(n), target = names.of(target)),
            format!("{n} 把领导权移交给 {target}（博士论文 §3.10）：停止接受客户端命令，并先把 {target} 从索引 {target_match} 补齐到 {last_index}", n = names.of(n), target = names.of(target)))
    }
}

/// TimeoutNow sent.
pub fn timeout_now_sent(lang: Lang, names: NodeNames, n: NodeId, target: NodeId) -> String {
    say!(lang,
        format!("{n} sent TimeoutNow to {target}, which is up to date: it should campaign at once (thesis §3.10); {n} stops lease reads for this term", n = names.of(n), target = names.of(target)),
        format!("{n} 向日志已是最新的 {target} 发送 TimeoutNow：它应立即发起选举（博士论文 §3.10）；{n} 本任期不再做租约读", n = names.of(n), target = names.of(target)))
}

/// A transfer ended.
pub fn transfer_ended(
    lang: Lang,
    names: NodeNames,
    n: NodeId,
    target: NodeId,
    end: TransferEnd,
) -> String {
    match end {
        TransferEnd::TimedOut => say!(lang,
            format!("{n} aborted the transfer to {target}: no new leader within an election timeout; it takes client commands again (thesis §3.10)", n = names.of(n), target = names.of(target)),
            format!("{n} 放弃向 {target} 移交领导权：一个选举超时内没有新领导者；重新接受客户端命令（博士论文 §3.10）", n = names.of(n), target = names.of(target))),
        TransferEnd::SteppedDown => say!(lang,
            format!("{n} stepped down during the transfer to {target}: the transfer is over", n = names.of(n), target = names.of(target)),
            format!("{n} 在向 {target} 移交期间下台：移交结束", n = names.of(n), target = names.of(target))),
    }
}

/// The target's campaign on TimeoutNow.
pub fn timeout_now_campaign(
    lang: Lang,
    names: NodeNames,
    n: NodeId,
    from: NodeId,
    term: u64,
) -> String {
    say!(lang,
        format!("{n} received TimeoutNow from leader {from}: it became candidate for term {term} at once, skipping PreVote; voters answer it even under the leader lease (thesis §3.10)", n = names.of(n), from = names.of(from)),
        format!("{n} 收到领导者 {from} 的 TimeoutNow：立即成为任期 {term} 的候选人，跳过预投票；投票者即使在领导者租约内也会回应它（博士论文 §3.10）", n = names.of(n), from = names.of(from)))
}
