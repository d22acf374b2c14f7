//! Plain-language sentences, in English and Chinese, for every event of the
//! Raft core and of the simulation, citing the paper where a rule applies.
//! The event log shows these; they come straight from the reasons the core
//! recorded, so the UI never re-derives protocol logic.

use super::i18n::Lang;
use super::node_names::NodeNames;
use crate::raft::{
    AppendRejection, ApplyResult, Command, CommitHold, Event, LogPosition, NodeId, Role, RoleCause,
    Term, VoteDenial,
};
use crate::sim::{TraceEvent, TraceKind};

/// The sentence `template` with each `{k}` replaced by `args[k]`: one
/// template per language over one argument list, instead of a `format!` per
/// language (each of those is its own copy of the formatting code in the
/// wasm; issue 15). Templates are literals in this module; a `{` that does
/// not start a `{k}` with a valid `k` is copied as it is.
pub(crate) fn fill(template: &str, args: &[&dyn std::fmt::Display]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after.find('}').and_then(|close| {
            let k: usize = after[..close].parse().ok()?;
            Some((close, args.get(k)?))
        });
        match slot {
            Some((close, arg)) => {
                let _ = write!(out, "{arg}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

mod kinds;
pub use kinds::{category, is_heartbeat_noise, kind_name, Category};

/// A role in running text (lower case in English).
pub fn role_word(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::Follower => lang.t("follower", "跟随者"),
        Role::PreCandidate => lang.t("pre-candidate", "预候选人"),
        Role::Candidate => lang.t("candidate", "候选人"),
        Role::Leader => lang.t("leader", "领导者"),
    }
}

/// A log entry's payload: the command, or `no-op` / `空操作`.
pub fn command_text(lang: Lang, command: Option<&Command>) -> String {
    match command {
        Some(c) => c.to_string(),
        None => lang.t("no-op", "空操作").to_string(),
    }
}

/// What the state machine answered, e.g. `previous value 1`, `value (none)`.
pub fn result_text(lang: Lang, result: &ApplyResult) -> String {
    let none = lang.t("(none)", "（无）");
    match result {
        ApplyResult::Written { previous } => {
            let v = previous.as_deref().unwrap_or(none);
            fill(lang.t("previous value {0}", "原值 {0}"), &[&v])
        }
        ApplyResult::Read { value } => {
            let v = value.as_deref().unwrap_or(none);
            fill(lang.t("value {0}", "读到 {0}"), &[&v])
        }
        ApplyResult::Noop => lang.t("nothing (no-op)", "无（空操作）").to_string(),
    }
}

fn vote_word(lang: Lang, pre_vote: bool) -> &'static str {
    match (pre_vote, lang) {
        (true, Lang::En) => "pre-vote",
        (true, Lang::Zh) => "预投票",
        (false, Lang::En) => "vote",
        (false, Lang::Zh) => "投票",
    }
}

/// One trace line as a sentence.
pub fn explain(lang: Lang, names: NodeNames, ev: &TraceEvent) -> String {
    match &ev.kind {
        TraceKind::Raft(e) => raft_event(lang, names, ev.node, e),
        TraceKind::Sim(e) => sim_text::sim_event(lang, names, ev.node, e),
    }
}

fn role_changed(
    lang: Lang,
    names: NodeNames,
    n: NodeId,
    from: Role,
    to: Role,
    term: Term,
    c: &RoleCause,
) -> String {
    let (fr, tr) = (role_word(lang, from), role_word(lang, to));
    match c {
        RoleCause::ElectionTimeout | RoleCause::ForcedTimeout => {
            let why = match (c, lang) {
                (RoleCause::ForcedTimeout, Lang::En) => "was told to time out now",
                (RoleCause::ForcedTimeout, Lang::Zh) => "被手动触发超时",
                (_, Lang::En) => "heard no leader before its election timeout",
                (_, Lang::Zh) => "在选举超时前没有收到领导者的消息",
            };
            if to == Role::PreCandidate {
                let next = term + 1;
                fill(lang.t("{0} {1}: it became {2} and asks for pre-votes for term {3} without raising its own term {4} (thesis §9.6)", "{0} {1}：成为{2}，为任期 {3} 请求预投票，但不提升自己的任期 {4}（博士论文 §9.6）"), &[&names.of(n), &why, &tr, &next, &term])
            } else {
                fill(lang.t("{0} {1}: it became {2} for term {3}, voted for itself and asks the others for votes (§5.2)", "{0} {1}：成为任期 {3} 的{2}，给自己投票并向其他节点请求投票（§5.2）"), &[&names.of(n), &why, &tr, &term])
            }
        }
        RoleCause::TimeoutNow { from } => reads::timeout_now_campaign(lang, names, n, *from, term),
        RoleCause::WonPreVote { votes } => {
            let v = names.list(votes);
            fill(lang.t("{0} won the pre-vote ({1} agreed, a majority): it became {2} and starts a real election for term {3} (thesis §9.6)", "{0} 赢得预投票（{1} 同意，构成多数派）：成为{2}，开始任期 {3} 的正式选举（博士论文 §9.6）"), &[&names.of(n), &v, &tr, &term])
        }
        RoleCause::WonElection { votes } => {
            let v = names.list(votes);
            fill(lang.t("{0} won the election for term {1} with votes from {2}, a majority: it is now {3} and sends heartbeats (§5.2)", "{0} 以 {2} 的选票（多数派）赢得任期 {1} 的选举：成为{3}并开始发送心跳（§5.2）"), &[&names.of(n), &term, &v, &tr])
        }
        RoleCause::SawHigherTerm { from: s, term: t } => fill(lang.t("{0} saw term {1} from {2}, newer than its own: it steps down from {3} to {4} (§5.1)", "{0} 从 {2} 处看到更新的任期 {1}：由{3}退为{4}（§5.1）"), &[&names.of(n), &t, &names.of(s), &fr, &tr]),
        RoleCause::DiscoveredLeader { leader } => fill(lang.t("{0} received AppendEntries from {1}, the leader of term {2}: it stops being {3} and follows {1} (§5.2)", "{0} 收到任期 {2} 的领导者 {1} 的日志追加请求：不再是{3}，转为跟随 {1}（§5.2）"), &[&names.of(n), &names.of(leader), &term, &fr]),
        RoleCause::RemovedFromConfig { index } => config_text::removed_leader(lang, names, n, *index),
        RoleCause::LostQuorum { heard_from } => {
            let h = names.list(heard_from);
            fill(lang.t("{0} heard only from {1} during an election timeout, not a majority: it steps down from {2} to {3} (CheckQuorum, thesis §6.2)", "{0} 在一个选举超时内只收到 {1} 的消息，不足多数派：由{2}退为{3}（CheckQuorum，博士论文 §6.2）"), &[&names.of(n), &h, &fr, &tr])
        }
    }
}

fn vote_denied(
    lang: Lang,
    names: NodeNames,
    n: NodeId,
    cand: NodeId,
    term: Term,
    pre: bool,
    r: &VoteDenial,
) -> String {
    let v = vote_word(lang, pre);
    match r {
        VoteDenial::StaleTerm { candidate_term, our_term } => fill(lang.t("{0} denied its {1} to {2}: {2}'s term {3} is older than {0}'s {4} (§5.1)", "{0} 拒绝{1}给 {2}：{2} 的任期 {3} 比 {0} 的 {4} 旧（§5.1）"), &[&names.of(n), &v, &names.of(cand), &candidate_term, &our_term]),
        VoteDenial::AlreadyVoted { voted_for } => fill(lang.t("{0} denied its {1} to {2}: it already voted for {3} in term {4}; one vote per term (§5.2)", "{0} 拒绝{1}给 {2}：它在任期 {4} 已投票给 {3}，每个任期只能投一票（§5.2）"), &[&names.of(n), &v, &names.of(cand), &names.of(voted_for), &term]),
        VoteDenial::LogBehind { candidate_last: LogPosition { term: ct, index: ci }, our_last: LogPosition { term: ot, index: oi } } => {
            if ct != ot {
                fill(lang.t("{0} denied its {1} to {2}: {2}'s last log term {3} is older than {0}'s {4} (§5.4.1)", "{0} 拒绝{1}给 {2}：{2} 最后日志的任期 {3} 比 {0} 的 {4} 旧（§5.4.1）"), &[&names.of(n), &v, &names.of(cand), &ct, &ot])
            } else {
                fill(lang.t("{0} denied its {1} to {2}: same last log term {3}, but {2}'s log is shorter (index {4} < {5}) (§5.4.1)", "{0} 拒绝{1}给 {2}：最后日志任期同为 {3}，但 {2} 的日志更短（索引 {4} < {5}）（§5.4.1）"), &[&names.of(n), &v, &names.of(cand), &ct, &ci, &oi])
            }
        }
        VoteDenial::LeaderRecentlyHeard { leader } => fill(lang.t("{0} ignored {1}'s {2} request for term {3}: it heard from leader {4} within the election timeout (leader lease, thesis §4.2.3)", "{0} 忽略 {1} 在任期 {3} 的{2}请求：它在选举超时内刚收到领导者 {4} 的消息（领导者租约，博士论文 §4.2.3）"), &[&names.of(n), &names.of(cand), &v, &term, &names.of(leader)]),
        VoteDenial::WeAreLeader => fill(lang.t("{0} denied its {1} to {2}: {0} is itself the leader of term {3}", "{0} 拒绝{1}给 {2}：{0} 自己就是任期 {3} 的领导者"), &[&names.of(n), &v, &names.of(cand), &term]),
    }
}

fn append_rejected(
    lang: Lang,
    names: NodeNames,
    n: NodeId,
    leader: NodeId,
    r: &AppendRejection,
) -> String {
    match r {
        AppendRejection::StaleTerm { leader_term, our_term } => fill(lang.t("{0} rejected AppendEntries from {1}: its term {2} is older than {0}'s {3}, so {1} is a stale leader (§5.1)", "{0} 拒绝 {1} 的日志追加：其任期 {2} 比 {0} 的 {3} 旧，{1} 是过时的领导者（§5.1）"), &[&names.of(n), &names.of(leader), &leader_term, &our_term]),
        AppendRejection::MissingEntry { prev_log_index, our_last_index } => fill(lang.t("{0} rejected AppendEntries from {1}: it has no entry at index {2} (its log ends at {3}); the consistency check fails (§5.3)", "{0} 拒绝 {1} 的日志追加：它在索引 {2} 处没有条目（日志只到 {3}），一致性检查失败（§5.3）"), &[&names.of(n), &names.of(leader), &prev_log_index, &our_last_index]),
        AppendRejection::TermMismatch { prev_log_index: i, prev_log_term, our_term, conflict_index } => fill(lang.t("{0} rejected AppendEntries from {1}: at index {2} it has term {3}, the leader has term {4}; the consistency check fails (hint: its term {3} starts at index {5}) (§5.3)", "{0} 拒绝 {1} 的日志追加：索引 {2} 处它的任期是 {3}，领导者的是 {4}，一致性检查失败（提示：它的任期 {3} 从索引 {5} 开始）（§5.3）"), &[&names.of(n), &names.of(leader), &i, &our_term, &prev_log_term, &conflict_index]),
    }
}

fn commit_held(lang: Lang, names: NodeNames, n: NodeId, hold: &CommitHold) -> String {
    match hold {
        CommitHold::OldTerm {
            index,
            entry_term,
            current_term,
            holders,
        } => {
            let h = names.list(holders);
            fill(lang.t("{0} may not commit index {1} yet: {2} hold it (a majority), but it is from term {3} < current term {4}; a leader only commits entries of its own term by counting (§5.4.2, Figure 8)", "{0} 暂不能提交索引 {1}：{2} 持有它（多数派），但它来自任期 {3} < 当前任期 {4}；领导者只通过计数提交自己任期的条目（§5.4.2，图 8）"), &[&names.of(n), &index, &h, &entry_term, &current_term])
        }
        CommitHold::NoMajority {
            index,
            holders,
            needed,
        } => {
            let h = names.list(holders);
            let have = holders.len();
            fill(lang.t("{0} waits to commit index {1}: held by {2} ({3}), needs {4} (a majority) (§5.3)", "{0} 等待提交索引 {1}：{2} 持有（{3} 个），需要 {4} 个（多数派）（§5.3）"), &[&names.of(n), &index, &h, &have, &needed])
        }
        CommitHold::NoJointMajority {
            index,
            holders,
            short,
        } => config_text::joint_hold(lang, names, n, *index, holders, short),
    }
}

fn raft_event(lang: Lang, names: NodeNames, n: NodeId, e: &Event) -> String {
    match e {
        Event::RoleChanged { from, to, term, cause } => role_changed(lang, names, n, *from, *to, *term, cause),
        Event::TermAdopted { from_term, to_term, from } => fill(lang.t("{0} adopted term {1} (was {2}) from {3}'s message: a newer term always wins (§5.1)", "{0} 从 {3} 的消息得知任期 {1}（原为 {2}）并采用：更新的任期总是优先（§5.1）"), &[&names.of(n), &to_term, &from_term, &names.of(from)]),
        Event::VoteGranted { candidate: c, term, pre_vote: true } => fill(lang.t("{0} granted {1} a pre-vote for term {2}: {1}'s term is newer and its log at least as up to date, so it could win (thesis §9.6)", "{0} 同意 {1} 在任期 {2} 的预投票：{1} 的任期更新，日志至少一样新，它有可能赢得选举（博士论文 §9.6）"), &[&names.of(n), &names.of(c), &term]),
        Event::VoteGranted { candidate: c, term, pre_vote: false } => fill(lang.t("{0} voted for {1} in term {2}: it had not voted yet this term and {1}'s log is at least as up to date (§5.2, §5.4.1)", "{0} 在任期 {2} 投票给 {1}：本任期尚未投票，且 {1} 的日志至少一样新（§5.2，§5.4.1）"), &[&names.of(n), &names.of(c), &term]),
        Event::VoteDenied { candidate, term, pre_vote, reason } => vote_denied(lang, names, n, *candidate, *term, *pre_vote, reason),
        Event::VoteCounted { from, granted, pre_vote, granted_total, needed } => {
            let v = vote_word(lang, *pre_vote);
            if *granted {
                fill(lang.t("{0} got a {1} from {2}: {3} of the {4} needed", "{0} 获得 {2} 的{1}：已有 {3} 票，需要 {4} 票"), &[&names.of(n), &v, &names.of(from), &granted_total, &needed])
            } else {
                fill(lang.t("{0} was refused a {1} by {2}: still {3} of the {4} needed", "{0} 被 {2} 拒绝{1}：仍为 {3} 票，需要 {4} 票"), &[&names.of(n), &v, &names.of(from), &granted_total, &needed])
            }
        }
        Event::AppendAccepted { leader, prev_log_index, entries: 0, match_index } => fill(lang.t("{0} accepted a heartbeat from leader {1}: logs agree up to index {2} (prev {3}) (§5.2)", "{0} 接受领导者 {1} 的心跳：日志在索引 {2} 之前一致（prevLogIndex {3}）（§5.2）"), &[&names.of(n), &names.of(leader), &match_index, &prev_log_index]),
        Event::AppendAccepted { leader, prev_log_index, entries, match_index } => fill(lang.t("{0} appended {1} entr{2} from leader {3} after index {4}: its log now matches the leader's up to index {5} (§5.3)", "{0} 在索引 {4} 之后追加了领导者 {3} 的 {1} 个条目：日志与领导者一致到索引 {5}（§5.3）"), &[&names.of(n), &entries, &(if *entries == 1 { "y" } else { "ies" }), &names.of(leader), &prev_log_index, &match_index]),
        Event::AppendRejected { leader, reason } => append_rejected(lang, names, n, *leader, reason),
        Event::EntriesTruncated { removed } => {
            let mut list: Vec<String> = removed.iter().take(6).map(|(i, t)| format!("{i}@t{t}")).collect();
            if removed.len() > 6 {
                list.push("…".to_string());
            }
            let (k, list) = (removed.len(), list.join(", "));
            fill(lang.t("{0} deleted {1} conflicting entr{2} ({3}) that the leader does not have (Figure 2, AppendEntries rule 3)", "{0} 删除了 {1} 个与领导者冲突的条目（{3}）（图 2，AppendEntries 规则 3）"), &[&names.of(n), &k, &(if k == 1 { "y" } else { "ies" }), &list])
        }
        Event::NextIndexBackedUp { follower: f, from, to } => fill(lang.t("{0} moved {1}'s nextIndex back from {2} to {3} after a rejection, searching for where their logs agree (§5.3)", "{0} 因被拒绝把 {1} 的 nextIndex 从 {2} 回退到 {3}，寻找两者日志一致的位置（§5.3）"), &[&names.of(n), &names.of(f), &from, &to]),
        Event::CommitAdvanced { from, to, by } if by.contains(&n) => {
            let b = names.list(by);
            fill(lang.t("{0} committed up to index {1} (was {2}): {3} hold it, a majority (§5.3)", "{0} 提交到索引 {1}（原为 {2}）：{3} 持有它，构成多数派（§5.3）"), &[&names.of(n), &to, &from, &b])
        }
        Event::CommitAdvanced { from, to, by } => {
            let b = names.list(by);
            fill(lang.t("{0} learned from leader {1} that entries up to index {2} are committed (commitIndex {3} → {2})", "{0} 从领导者 {1} 得知索引 {2} 之前的条目已提交（commitIndex {3} → {2}）"), &[&names.of(n), &b, &to, &from])
        }
        Event::CommitHeld { hold } => commit_held(lang, names, n, hold),
        Event::Applied { index, term, command, result } => {
            let c = command_text(lang, command.as_ref());
            let r = result_text(lang, result);
            fill(lang.t("{0} applied index {1} (term {2}) `{3}` to its state machine → {4}", "{0} 将索引 {1}（任期 {2}）`{3}` 应用到状态机 → {4}"), &[&names.of(n), &index, &term, &c, &r])
        }
        Event::StaleIgnored { from, term } => fill(lang.t("{0} ignored a stale message from {1} carrying old term {2} (§5.1)", "{0} 忽略了 {1} 带有旧任期 {2} 的过时消息（§5.1）"), &[&names.of(n), &names.of(from), &term]),
        Event::MessageRejected { from, fault } => {
            let why = super::messages::message_fault(lang, fault);
            fill(lang.t("{0} dropped a message claiming to be from {1} unread: no correct server sends it ({2})", "{0} 未读就丢弃了一条自称来自 {1} 的消息：正确的服务器不会发送它（{2}）"), &[&names.of(n), &names.of(from), &why])
        }
        Event::Read { read_id, step } => reads::read_step(lang, names, n, *read_id, step),
        Event::TransferStarted { target, target_match, last_index } => reads::transfer_started(lang, names, n, *target, *target_match, *last_index),
        Event::TimeoutNowSent { target } => reads::timeout_now_sent(lang, names, n, *target),
        Event::TransferEnded { target, end } => reads::transfer_ended(lang, names, n, *target, *end),
        Event::UnsafeRuleBroken { rule } => super::explain_unsafe::unsafe_text(lang, names, n, rule),
        Event::SnapshotTaken { .. }
        | Event::SnapshotSent { .. }
        | Event::SnapshotInstalled { .. }
        | Event::SnapshotIgnored { .. }
        | Event::RestoredFromSnapshot { .. } => snapshot_text::explain(lang, names, n, e),
        other => config_text::config_event(lang, names, n, other).unwrap_or_default(),
    }
}

mod snapshot_text;

mod sim_text;

/// Membership-change sentences (thesis chapter 4).
pub mod config_text;

/// ReadIndex, lease-read and leadership-transfer sentences (thesis §6.4, §3.10).
mod reads;

#[cfg(test)]
mod tests;
