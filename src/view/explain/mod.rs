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

/// Picks the sentence for the language; only that branch is evaluated.
macro_rules! say {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            Lang::En => $en,
            Lang::Zh => $zh,
        }
    };
}

mod kinds;
pub use kinds::{category, is_heartbeat_noise, kind_name, Category};

/// A role in running text (lower case in English).
pub fn role_word(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::Follower => say!(lang, "follower", "跟随者"),
        Role::PreCandidate => say!(lang, "pre-candidate", "预候选人"),
        Role::Candidate => say!(lang, "candidate", "候选人"),
        Role::Leader => say!(lang, "leader", "领导者"),
    }
}

/// A log entry's payload: the command, or `no-op` / `空操作`.
pub fn command_text(lang: Lang, command: Option<&Command>) -> String {
    match command {
        Some(c) => c.to_string(),
        None => say!(lang, "no-op", "空操作").to_string(),
    }
}

/// What the state machine answered, e.g. `previous value 1`, `value (none)`.
pub fn result_text(lang: Lang, result: &ApplyResult) -> String {
    let none = say!(lang, "(none)", "（无）");
    match result {
        ApplyResult::Written { previous } => {
            let v = previous.as_deref().unwrap_or(none);
            say!(lang, format!("previous value {v}"), format!("原值 {v}"))
        }
        ApplyResult::Read { value } => {
            let v = value.as_deref().unwrap_or(none);
            say!(lang, format!("value {v}"), format!("读到 {v}"))
        }
        ApplyResult::Noop => say!(lang, "nothing (no-op)", "无（空操作）").to_string(),
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
                say!(lang,
                    format!("{n} {why}: it became {tr} and asks for pre-votes for term {next} without raising its own term {term} (thesis §9.6)", n = names.of(n)),
                    format!("{n} {why}：成为{tr}，为任期 {next} 请求预投票，但不提升自己的任期 {term}（博士论文 §9.6）", n = names.of(n)))
            } else {
                say!(lang,
                    format!("{n} {why}: it became {tr} for term {term}, voted for itself and asks the others for votes (§5.2)", n = names.of(n)),
                    format!("{n} {why}：成为任期 {term} 的{tr}，给自己投票并向其他节点请求投票（§5.2）", n = names.of(n)))
            }
        }
        RoleCause::TimeoutNow { from } => reads::timeout_now_campaign(lang, names, n, *from, term),
        RoleCause::WonPreVote { votes } => {
            let v = names.list(votes);
            say!(lang,
                format!("{n} won the pre-vote ({v} agreed, a majority): it became {tr} and starts a real election for term {term} (thesis §9.6)", n = names.of(n)),
                format!("{n} 赢得预投票（{v} 同意，构成多数派）：成为{tr}，开始任期 {term} 的正式选举（博士论文 §9.6）", n = names.of(n)))
        }
        RoleCause::WonElection { votes } => {
            let v = names.list(votes);
            say!(lang,
                format!("{n} won the election for term {term} with votes from {v}, a majority: it is now {tr} and sends heartbeats (§5.2)", n = names.of(n)),
                format!("{n} 以 {v} 的选票（多数派）赢得任期 {term} 的选举：成为{tr}并开始发送心跳（§5.2）", n = names.of(n)))
        }
        RoleCause::SawHigherTerm { from: s, term: t } => say!(lang,
            format!("{n} saw term {t} from {s}, newer than its own: it steps down from {fr} to {tr} (§5.1)", n = names.of(n), s = names.of(s)),
            format!("{n} 从 {s} 处看到更新的任期 {t}：由{fr}退为{tr}（§5.1）", n = names.of(n), s = names.of(s))),
        RoleCause::DiscoveredLeader { leader } => say!(lang,
            format!("{n} received AppendEntries from {leader}, the leader of term {term}: it stops being {fr} and follows {leader} (§5.2)", n = names.of(n), leader = names.of(leader)),
            format!("{n} 收到任期 {term} 的领导者 {leader} 的日志追加请求：不再是{fr}，转为跟随 {leader}（§5.2）", n = names.of(n), leader = names.of(leader))),
        RoleCause::RemovedFromConfig { index } => config_text::removed_leader(lang, names, n, *index),
        RoleCause::LostQuorum { heard_from } => {
            let h = names.list(heard_from);
            say!(lang,
                format!("{n} heard only from {h} during an election timeout, not a majority: it steps down from {fr} to {tr} (CheckQuorum, thesis §6.2)", n = names.of(n)),
                format!("{n} 在一个选举超时内只收到 {h} 的消息，不足多数派：由{fr}退为{tr}（CheckQuorum，博士论文 §6.2）", n = names.of(n)))
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
        VoteDenial::StaleTerm { candidate_term, our_term } => say!(lang,
            format!("{n} denied its {v} to {cand}: {cand}'s term {candidate_term} is older than {n}'s {our_term} (§5.1)", n = names.of(n), cand = names.of(cand)),
            format!("{n} 拒绝{v}给 {cand}：{cand} 的任期 {candidate_term} 比 {n} 的 {our_term} 旧（§5.1）", n = names.of(n), cand = names.of(cand))),
        VoteDenial::AlreadyVoted { voted_for } => say!(lang,
            format!("{n} denied its {v} to {cand}: it already voted for {voted_for} in term {term}; one vote per term (§5.2)", n = names.of(n), cand = names.of(cand), voted_for = names.of(voted_for)),
            format!("{n} 拒绝{v}给 {cand}：它在任期 {term} 已投票给 {voted_for}，每个任期只能投一票（§5.2）", n = names.of(n), cand = names.of(cand), voted_for = names.of(voted_for))),
        VoteDenial::LogBehind { candidate_last: LogPosition { term: ct, index: ci }, our_last: LogPosition { term: ot, index: oi } } => {
            if ct != ot {
                say!(lang,
                    format!("{n} denied its {v} to {cand}: {cand}'s last log term {ct} is older than {n}'s {ot} (§5.4.1)", n = names.of(n), cand = names.of(cand)),
                    format!("{n} 拒绝{v}给 {cand}：{cand} 最后日志的任期 {ct} 比 {n} 的 {ot} 旧（§5.4.1）", n = names.of(n), cand = names.of(cand)))
            } else {
                say!(lang,
                    format!("{n} denied its {v} to {cand}: same last log term {ct}, but {cand}'s log is shorter (index {ci} < {oi}) (§5.4.1)", n = names.of(n), cand = names.of(cand)),
                    format!("{n} 拒绝{v}给 {cand}：最后日志任期同为 {ct}，但 {cand} 的日志更短（索引 {ci} < {oi}）（§5.4.1）", n = names.of(n), cand = names.of(cand)))
            }
        }
        VoteDenial::LeaderRecentlyHeard { leader } => say!(lang,
            format!("{n} ignored {cand}'s {v} request for term {term}: it heard from leader {leader} within the election timeout (leader lease, thesis §4.2.3)", n = names.of(n), cand = names.of(cand), leader = names.of(leader)),
            format!("{n} 忽略 {cand} 在任期 {term} 的{v}请求：它在选举超时内刚收到领导者 {leader} 的消息（领导者租约，博士论文 §4.2.3）", n = names.of(n), cand = names.of(cand), leader = names.of(leader))),
        VoteDenial::WeAreLeader => say!(lang,
            format!("{n} denied its {v} to {cand}: {n} is itself the leader of term {term}", n = names.of(n), cand = names.of(cand)),
            format!("{n} 拒绝{v}给 {cand}：{n} 自己就是任期 {term} 的领导者", n = names.of(n), cand = names.of(cand))),
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
        AppendRejection::StaleTerm { leader_term, our_term } => say!(lang,
            format!("{n} rejected AppendEntries from {leader}: its term {leader_term} is older than {n}'s {our_term}, so {leader} is a stale leader (§5.1)", n = names.of(n), leader = names.of(leader)),
            format!("{n} 拒绝 {leader} 的日志追加：其任期 {leader_term} 比 {n} 的 {our_term} 旧，{leader} 是过时的领导者（§5.1）", n = names.of(n), leader = names.of(leader))),
        AppendRejection::MissingEntry { prev_log_index, our_last_index } => say!(lang,
            format!("{n} rejected AppendEntries from {leader}: it has no entry at index {prev_log_index} (its log ends at {our_last_index}); the consistency check fails (§5.3)", n = names.of(n), leader = names.of(leader)),
            format!("{n} 拒绝 {leader} 的日志追加：它在索引 {prev_log_index} 处没有条目（日志只到 {our_last_index}），一致性检查失败（§5.3）", n = names.of(n), leader = names.of(leader))),
        AppendRejection::TermMismatch { prev_log_index: i, prev_log_term, our_term, conflict_index } => say!(lang,
            format!("{n} rejected AppendEntries from {leader}: at index {i} it has term {our_term}, the leader has term {prev_log_term}; the consistency check fails (hint: its term {our_term} starts at index {conflict_index}) (§5.3)", n = names.of(n), leader = names.of(leader)),
            format!("{n} 拒绝 {leader} 的日志追加：索引 {i} 处它的任期是 {our_term}，领导者的是 {prev_log_term}，一致性检查失败（提示：它的任期 {our_term} 从索引 {conflict_index} 开始）（§5.3）", n = names.of(n), leader = names.of(leader))),
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
            say!(lang,
                format!("{n} may not commit index {index} yet: {h} hold it (a majority), but it is from term {entry_term} < current term {current_term}; a leader only commits entries of its own term by counting (§5.4.2, Figure 8)", n = names.of(n)),
                format!("{n} 暂不能提交索引 {index}：{h} 持有它（多数派），但它来自任期 {entry_term} < 当前任期 {current_term}；领导者只通过计数提交自己任期的条目（§5.4.2，图 8）", n = names.of(n)))
        }
        CommitHold::NoMajority {
            index,
            holders,
            needed,
        } => {
            let h = names.list(holders);
            let have = holders.len();
            say!(lang,
                format!("{n} waits to commit index {index}: held by {h} ({have}), needs {needed} (a majority) (§5.3)", n = names.of(n)),
                format!("{n} 等待提交索引 {index}：{h} 持有（{have} 个），需要 {needed} 个（多数派）（§5.3）", n = names.of(n)))
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
        Event::TermAdopted { from_term, to_term, from } => say!(lang,
            format!("{n} adopted term {to_term} (was {from_term}) from {from}'s message: a newer term always wins (§5.1)", n = names.of(n), from = names.of(from)),
            format!("{n} 从 {from} 的消息得知任期 {to_term}（原为 {from_term}）并采用：更新的任期总是优先（§5.1）", n = names.of(n), from = names.of(from))),
        Event::VoteGranted { candidate: c, term, pre_vote: true } => say!(lang,
            format!("{n} granted {c} a pre-vote for term {term}: {c}'s term is newer and its log at least as up to date, so it could win (thesis §9.6)", n = names.of(n), c = names.of(c)),
            format!("{n} 同意 {c} 在任期 {term} 的预投票：{c} 的任期更新，日志至少一样新，它有可能赢得选举（博士论文 §9.6）", n = names.of(n), c = names.of(c))),
        Event::VoteGranted { candidate: c, term, pre_vote: false } => say!(lang,
            format!("{n} voted for {c} in term {term}: it had not voted yet this term and {c}'s log is at least as up to date (§5.2, §5.4.1)", n = names.of(n), c = names.of(c)),
            format!("{n} 在任期 {term} 投票给 {c}：本任期尚未投票，且 {c} 的日志至少一样新（§5.2，§5.4.1）", n = names.of(n), c = names.of(c))),
        Event::VoteDenied { candidate, term, pre_vote, reason } => vote_denied(lang, names, n, *candidate, *term, *pre_vote, reason),
        Event::VoteCounted { from, granted, pre_vote, granted_total, needed } => {
            let v = vote_word(lang, *pre_vote);
            if *granted {
                say!(lang,
                    format!("{n} got a {v} from {from}: {granted_total} of the {needed} needed", n = names.of(n), from = names.of(from)),
                    format!("{n} 获得 {from} 的{v}：已有 {granted_total} 票，需要 {needed} 票", n = names.of(n), from = names.of(from)))
            } else {
                say!(lang,
                    format!("{n} was refused a {v} by {from}: still {granted_total} of the {needed} needed", n = names.of(n), from = names.of(from)),
                    format!("{n} 被 {from} 拒绝{v}：仍为 {granted_total} 票，需要 {needed} 票", n = names.of(n), from = names.of(from)))
            }
        }
        Event::AppendAccepted { leader, prev_log_index, entries: 0, match_index } => say!(lang,
            format!("{n} accepted a heartbeat from leader {leader}: logs agree up to index {match_index} (prev {prev_log_index}) (§5.2)", n = names.of(n), leader = names.of(leader)),
            format!("{n} 接受领导者 {leader} 的心跳：日志在索引 {match_index} 之前一致（prevLogIndex {prev_log_index}）（§5.2）", n = names.of(n), leader = names.of(leader))),
        Event::AppendAccepted { leader, prev_log_index, entries, match_index } => say!(lang,
            format!("{n} appended {entries} entr{} from leader {leader} after index {prev_log_index}: its log now matches the leader's up to index {match_index} (§5.3)", if *entries == 1 { "y" } else { "ies" }, n = names.of(n), leader = names.of(leader)),
            format!("{n} 在索引 {prev_log_index} 之后追加了领导者 {leader} 的 {entries} 个条目：日志与领导者一致到索引 {match_index}（§5.3）", n = names.of(n), leader = names.of(leader))),
        Event::AppendRejected { leader, reason } => append_rejected(lang, names, n, *leader, reason),
        Event::EntriesTruncated { removed } => {
            let mut list: Vec<String> = removed.iter().take(6).map(|(i, t)| format!("{i}@t{t}")).collect();
            if removed.len() > 6 {
                list.push("…".to_string());
            }
            let (k, list) = (removed.len(), list.join(", "));
            say!(lang,
                format!("{n} deleted {k} conflicting entr{} ({list}) that the leader does not have (Figure 2, AppendEntries rule 3)", if k == 1 { "y" } else { "ies" }, n = names.of(n)),
                format!("{n} 删除了 {k} 个与领导者冲突的条目（{list}）（图 2，AppendEntries 规则 3）", n = names.of(n)))
        }
        Event::NextIndexBackedUp { follower: f, from, to } => say!(lang,
            format!("{n} moved {f}'s nextIndex back from {from} to {to} after a rejection, searching for where their logs agree (§5.3)", n = names.of(n), f = names.of(f)),
            format!("{n} 因被拒绝把 {f} 的 nextIndex 从 {from} 回退到 {to}，寻找两者日志一致的位置（§5.3）", n = names.of(n), f = names.of(f))),
        Event::CommitAdvanced { from, to, by } if by.contains(&n) => {
            let b = names.list(by);
            say!(lang,
                format!("{n} committed up to index {to} (was {from}): {b} hold it, a majority (§5.3)", n = names.of(n)),
                format!("{n} 提交到索引 {to}（原为 {from}）：{b} 持有它，构成多数派（§5.3）", n = names.of(n)))
        }
        Event::CommitAdvanced { from, to, by } => {
            let b = names.list(by);
            say!(lang,
                format!("{n} learned from leader {b} that entries up to index {to} are committed (commitIndex {from} → {to})", n = names.of(n)),
                format!("{n} 从领导者 {b} 得知索引 {to} 之前的条目已提交（commitIndex {from} → {to}）", n = names.of(n)))
        }
        Event::CommitHeld { hold } => commit_held(lang, names, n, hold),
        Event::Applied { index, term, command, result } => {
            let c = command_text(lang, command.as_ref());
            let r = result_text(lang, result);
            say!(lang,
                format!("{n} applied index {index} (term {term}) `{c}` to its state machine → {r}", n = names.of(n)),
                format!("{n} 将索引 {index}（任期 {term}）`{c}` 应用到状态机 → {r}", n = names.of(n)))
        }
        Event::StaleIgnored { from, term } => say!(lang,
            format!("{n} ignored a stale message from {from} carrying old term {term} (§5.1)", n = names.of(n), from = names.of(from)),
            format!("{n} 忽略了 {from} 带有旧任期 {term} 的过时消息（§5.1）", n = names.of(n), from = names.of(from))),
        Event::MessageRejected { from, fault } => {
            let why = super::messages::message_fault(lang, fault);
            say!(lang,
                format!("{n} dropped a message claiming to be from {from} unread: no correct server sends it ({why})", n = names.of(n), from = names.of(from)),
                format!("{n} 未读就丢弃了一条自称来自 {from} 的消息：正确的服务器不会发送它（{why}）", n = names.of(n), from = names.of(from)))
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
