//! Sentences for rules broken by unsafe teaching switches, in English and
//! Chinese (the event log, and "show the cause" of a safety violation).

use crate::raft::{fmt_set, NodeId, UnsafeRule};
use crate::view::i18n::Lang;

/// What node `n` did wrong, and which rule it broke.
pub fn unsafe_text(lang: Lang, n: NodeId, rule: &UnsafeRule) -> String {
    match (lang, rule) {
        (Lang::En, UnsafeRule::VotedWithoutLogCheck { candidate: c, term, candidate_last: cl, our_last: ol }) => format!(
            "UNSAFE: n{n} voted for n{c} in term {term} without the log check: n{c}'s last entry {}@t{} is less up to date than n{n}'s {}@t{} (breaks §5.4.1)",
            cl.index, cl.term, ol.index, ol.term
        ),
        (Lang::Zh, UnsafeRule::VotedWithoutLogCheck { candidate: c, term, candidate_last: cl, our_last: ol }) => format!(
            "不安全：n{n} 未做日志检查就在任期 {term} 投票给 n{c}：n{c} 的最后条目 {}@t{} 不如 n{n} 的 {}@t{} 新（违反 §5.4.1）",
            cl.index, cl.term, ol.index, ol.term
        ),
        (Lang::En, UnsafeRule::CommittedOldTermByCounting { index, entry_term, current_term }) => format!(
            "UNSAFE: leader n{n} committed index {index} of term {entry_term} by counting replicas, in term {current_term} (breaks §5.4.2, Figure 8)"
        ),
        (Lang::Zh, UnsafeRule::CommittedOldTermByCounting { index, entry_term, current_term }) => format!(
            "不安全：领导者 n{n} 在任期 {current_term} 通过计数副本提交了任期 {entry_term} 的索引 {index}（违反 §5.4.2，图 8）"
        ),
        (Lang::En, UnsafeRule::ForgotVote { term, voted_for }) => format!(
            "UNSAFE: n{n} restarted and forgot that it voted for n{voted_for} in term {term} (breaks Figure 2: votedFor is persistent)"
        ),
        (Lang::Zh, UnsafeRule::ForgotVote { term, voted_for }) => format!(
            "不安全：n{n} 重启后忘记了它在任期 {term} 投给了 n{voted_for}（违反图 2：votedFor 是持久状态）"
        ),
        (Lang::En, UnsafeRule::AcceptedStaleLeader { leader, leader_term, our_term }) => format!(
            "UNSAFE: n{n} (term {our_term}) accepted AppendEntries from n{leader}, a leader of old term {leader_term} (breaks §5.1)"
        ),
        (Lang::Zh, UnsafeRule::AcceptedStaleLeader { leader, leader_term, our_term }) => format!(
            "不安全：n{n}（任期 {our_term}）接受了旧任期 {leader_term} 的领导者 n{leader} 的 AppendEntries（违反 §5.1）"
        ),
        (Lang::En, UnsafeRule::OneStepMembershipChange { from, to }) => format!(
            "UNSAFE: n{n} changed the voters from {} to {} in one step, without joint consensus (breaks thesis §4.3, paper Figure 10)",
            fmt_set(from.iter().copied()),
            fmt_set(to.iter().copied())
        ),
        (Lang::Zh, UnsafeRule::OneStepMembershipChange { from, to }) => format!(
            "不安全：n{n} 未经联合共识一步把投票成员从 {} 改为 {}（违反博士论文 §4.3，论文图 10）",
            fmt_set(from.iter().copied()),
            fmt_set(to.iter().copied())
        ),
        (Lang::En, UnsafeRule::ReadWithoutConfirmingLeadership { read_id, term, read_index }) => format!(
            "UNSAFE: n{n} answered read #{read_id} at index {read_index} from its own state, without confirming it still leads term {term} (breaks thesis §6.4)"
        ),
        (Lang::Zh, UnsafeRule::ReadWithoutConfirmingLeadership { read_id, term, read_index }) => format!(
            "不安全：n{n} 未确认自己仍是任期 {term} 的领导者，就按自身状态在索引 {read_index} 回答了读请求 #{read_id}（违反博士论文 §6.4）"
        ),
    }
}
