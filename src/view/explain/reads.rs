//! Sentences for ReadIndex and lease reads (thesis §6.4) and leadership
//! transfer (thesis §3.10), in English and Chinese.

use super::fill;
use crate::raft::{NodeId, ReadFailure, ReadStep, TransferEnd};
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;

/// One step of read `r` at node `n`.
pub fn read_step(lang: Lang, names: NodeNames, n: NodeId, r: u64, step: &ReadStep) -> String {
    match step {
        ReadStep::WaitingForCommitInTerm => fill(lang.t("{0} holds read #{1}: as a new leader it has not committed an entry of its own term yet, so its commit index may be behind (thesis §6.4, step 1)", "{0} 暂缓读请求 #{1}：作为新领导者，它还没有提交自己任期的条目，提交索引可能落后（博士论文 §6.4 第 1 步）"), &[&names.of(n), &r]),
        ReadStep::IndexRecorded { read_index, round } => fill(lang.t("{0} recorded read index {1} for read #{2} and sent heartbeat round {3} to confirm it is still leader (thesis §6.4, steps 2–3)", "{0} 为读请求 #{2} 记下读索引 {1}，并发送第 {3} 轮心跳以确认自己仍是领导者（博士论文 §6.4 第 2–3 步）"), &[&names.of(n), &read_index, &r, &round]),
        ReadStep::Confirmed { read_index, acks } => {
            let a = names.list(acks);
            fill(lang.t("{0} is still leader for read #{1}: {2} answered the heartbeat round, a majority; it answers once applied up to {3} (thesis §6.4, step 3)", "{0} 确认仍是领导者（读请求 #{1}）：{2} 应答了这一轮心跳，构成多数派；应用到索引 {3} 后即可回答（博士论文 §6.4 第 3 步）"), &[&names.of(n), &r, &a, &read_index])
        }
        ReadStep::ServedByLease { read_index, lease_left } => fill(lang.t("{0} answers read #{1} from its lease ({2} ticks left), without a round trip, at read index {3}: it trusts that no other leader can be elected before the lease ends — which holds only if clocks run at the same rate (thesis §6.4.1)", "{0} 凭租约（还剩 {2} 个时钟周期）回答读请求 #{1}，读索引 {3}，无需往返：它相信租约结束前不会选出别的领导者——这只在各节点时钟走得一样快时成立（博士论文 §6.4.1）"), &[&names.of(n), &r, &lease_left, &read_index]),
        ReadStep::LeaseExpired => fill(lang.t("{0} has no lease in force for read #{1}: it confirms leadership with a heartbeat round instead (thesis §6.4)", "{0} 没有有效租约（读请求 #{1}）：改为用一轮心跳确认领导地位（博士论文 §6.4）"), &[&names.of(n), &r]),
        ReadStep::Forwarded { leader } => fill(lang.t("{0} is a follower: it forwards read #{1} to leader {2} to learn a read index (thesis §6.4)", "{0} 是跟随者：把读请求 #{1} 转发给领导者 {2} 以获取读索引（博士论文 §6.4）"), &[&names.of(n), &r, &names.of(leader)]),
        ReadStep::IndexReceived { leader, read_index } => fill(lang.t("{0} got read index {1} for read #{2} from leader {3}; it answers once it has applied up to it", "{0} 从领导者 {3} 得到读请求 #{2} 的读索引 {1}；应用到该索引后回答"), &[&names.of(n), &read_index, &r, &names.of(leader)]),
        ReadStep::Unconfirmed { read_index } => fill(lang.t("UNSAFE: {0} answers read #{1} from its own state at index {2} without confirming it is still leader (stale-leader-read)", "不安全：{0} 未确认自己仍是领导者，就按本地索引 {2} 的状态回答读请求 #{1}（stale-leader-read）"), &[&names.of(n), &r, &read_index]),
        ReadStep::Answered { read_index, key, value } => {
            let v = value.clone().unwrap_or_else(|| lang.t("(none)", "（无）").to_string());
            fill(lang.t("{0} answered read #{1}: get {2} = {3} (applied up to read index {4})", "{0} 回答读请求 #{1}：get {2} = {3}（已应用到读索引 {4}）"), &[&names.of(n), &r, &key, &v, &read_index])
        }
        ReadStep::Failed { reason } => {
            let why = match reason {
                ReadFailure::NoLongerLeader => lang.t("it is no longer leader", "它已不再是领导者").to_string(),
                ReadFailure::LeaderChanged => lang.t("its leader changed", "它的领导者变了").to_string(),
                ReadFailure::LeaderRefused { leader } => fill(lang.t("{0} is not the leader", "{0} 不是领导者"), &[&names.of(leader)]),
            };
            fill(lang.t("{0} gave up read #{1}: {2}; the client may retry", "{0} 放弃了读请求 #{1}：{2}；客户端可以重试"), &[&names.of(n), &r, &why])
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
        fill(lang.t("{0} hands leadership to {1} (thesis §3.10): it stops taking client commands; {1} already holds its whole log", "{0} 把领导权移交给 {1}（博士论文 §3.10）：停止接受客户端命令；{1} 已拥有它的全部日志"), &[&names.of(n), &names.of(target)])
    } else {
        fill(lang.t("{0} hands leadership to {1} (thesis §3.10): it stops taking client commands and first brings {1} from index {2} up to {3}", "{0} 把领导权移交给 {1}（博士论文 §3.10）：停止接受客户端命令，并先把 {1} 从索引 {2} 补齐到 {3}"), &[&names.of(n), &names.of(target), &target_match, &last_index])
    }
}

/// TimeoutNow sent.
pub fn timeout_now_sent(lang: Lang, names: NodeNames, n: NodeId, target: NodeId) -> String {
    fill(lang.t("{0} sent TimeoutNow to {1}, which is up to date: it should campaign at once (thesis §3.10); {0} stops lease reads for this term", "{0} 向日志已是最新的 {1} 发送 TimeoutNow：它应立即发起选举（博士论文 §3.10）；{0} 本任期不再做租约读"), &[&names.of(n), &names.of(target)])
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
        TransferEnd::TimedOut => fill(lang.t("{0} aborted the transfer to {1}: no new leader within an election timeout; it takes client commands again (thesis §3.10)", "{0} 放弃向 {1} 移交领导权：一个选举超时内没有新领导者；重新接受客户端命令（博士论文 §3.10）"), &[&names.of(n), &names.of(target)]),
        TransferEnd::SteppedDown => fill(lang.t("{0} stepped down during the transfer to {1}: the transfer is over", "{0} 在向 {1} 移交期间下台：移交结束"), &[&names.of(n), &names.of(target)]),
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
    fill(lang.t("{0} received TimeoutNow from leader {1}: it became candidate for term {2} at once, skipping PreVote; voters answer it even under the leader lease (thesis §3.10)", "{0} 收到领导者 {1} 的 TimeoutNow：立即成为任期 {2} 的候选人，跳过预投票；投票者即使在领导者租约内也会回应它（博士论文 §3.10）"), &[&names.of(n), &names.of(from), &term])
}
