//! Sentences for rules broken by unsafe teaching switches, in English and
//! Chinese (the event log, and "show the cause" of a safety violation).

use crate::raft::{NodeId, UnsafeRule};
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;

/// What node `n` did wrong, and which rule it broke.
pub fn unsafe_text(lang: Lang, names: NodeNames, n: NodeId, rule: &UnsafeRule) -> String {
    match (lang, rule) {
        (Lang::En, UnsafeRule::VotedWithoutLogCheck { candidate: c, term, candidate_last: cl, our_last: ol }) => format!(
            "UNSAFE: {n} voted for {c} in term {term} without the log check: {c}'s last entry {}@t{} is less up to date than {n}'s {}@t{} (breaks §5.4.1)",
            cl.index, cl.term, ol.index, ol.term, n = names.of(n), c = names.of(c)
        ),
        (Lang::Zh, UnsafeRule::VotedWithoutLogCheck { candidate: c, term, candidate_last: cl, our_last: ol }) => format!(
            "不安全：{n} 未做日志检查就在任期 {term} 投票给 {c}：{c} 的最后条目 {}@t{} 不如 {n} 的 {}@t{} 新（违反 §5.4.1）",
            cl.index, cl.term, ol.index, ol.term, n = names.of(n), c = names.of(c)
        ),
        (Lang::En, UnsafeRule::CommittedOldTermByCounting { index, entry_term, current_term }) => format!(
            "UNSAFE: leader {n} committed index {index} of term {entry_term} by counting replicas, in term {current_term} (breaks §5.4.2, Figure 8)"
        , n = names.of(n)),
        (Lang::Zh, UnsafeRule::CommittedOldTermByCounting { index, entry_term, current_term }) => format!(
            "不安全：领导者 {n} 在任期 {current_term} 通过计数副本提交了任期 {entry_term} 的索引 {index}（违反 §5.4.2，图 8）"
        , n = names.of(n)),
        (Lang::En, UnsafeRule::ForgotVote { term, voted_for }) => format!(
            "UNSAFE: {n} restarted and forgot that it voted for {voted_for} in term {term} (breaks Figure 2: votedFor is persistent)"
        , n = names.of(n), voted_for = names.of(voted_for)),
        (Lang::Zh, UnsafeRule::ForgotVote { term, voted_for }) => format!(
            "不安全：{n} 重启后忘记了它在任期 {term} 投给了 {voted_for}（违反图 2：votedFor 是持久状态）"
        , n = names.of(n), voted_for = names.of(voted_for)),
        (Lang::En, UnsafeRule::AcceptedStaleLeader { leader, leader_term, our_term }) => format!(
            "UNSAFE: {n} (term {our_term}) accepted AppendEntries from {leader}, a leader of old term {leader_term} (breaks §5.1)"
        , n = names.of(n), leader = names.of(leader)),
        (Lang::Zh, UnsafeRule::AcceptedStaleLeader { leader, leader_term, our_term }) => format!(
            "不安全：{n}（任期 {our_term}）接受了旧任期 {leader_term} 的领导者 {leader} 的 AppendEntries（违反 §5.1）"
        , n = names.of(n), leader = names.of(leader)),
        (Lang::En, UnsafeRule::OneStepMembershipChange { from, to }) => format!(
            "UNSAFE: {n} changed the voters from {} to {} in one step, without joint consensus (breaks thesis §4.3, paper Figure 10)",
            names.set(from.iter().copied()),
            names.set(to.iter().copied()), n = names.of(n)
        ),
        (Lang::Zh, UnsafeRule::OneStepMembershipChange { from, to }) => format!(
            "不安全：{n} 未经联合共识一步把投票成员从 {} 改为 {}（违反博士论文 §4.3，论文图 10）",
            names.set(from.iter().copied()),
            names.set(to.iter().copied()), n = names.of(n)
        ),
        (Lang::En, UnsafeRule::ReadWithoutConfirmingLeadership { read_id, term, read_index }) => format!(
            "UNSAFE: {n} answered read #{read_id} at index {read_index} from its own state, without confirming it still leads term {term} (breaks thesis §6.4)"
        , n = names.of(n)),
        (Lang::Zh, UnsafeRule::ReadWithoutConfirmingLeadership { read_id, term, read_index }) => format!(
            "不安全：{n} 未确认自己仍是任期 {term} 的领导者，就按自身状态在索引 {read_index} 回答了读请求 #{read_id}（违反博士论文 §6.4）"
        , n = names.of(n)),
    }
}
