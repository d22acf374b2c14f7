//! The built-in scenarios' predict-then-reveal questions, one table so the
//! scenario files stay about their runs. Each entry names a scenario, the
//! step the question is asked before, and a [`Question`]: a prompt and a
//! probe of the real run — never the answer. `tests/quiz.rs` checks that
//! every scenario asks at least one and that each reveal is one of its
//! choices.

use super::question::{Answer, Probe, Question};
use super::types::{Cond, Scenario};
use crate::sim::{Property, RoleKey};

/// Attaches the questions of `sc` (by its id) to their steps.
pub fn attach(sc: &mut Scenario) {
    for (step, q) in questions(sc.id) {
        if let Some(s) = sc.steps.get_mut(step) {
            s.question = Some(q);
        }
    }
}

fn leader(n: u32) -> Cond {
    Cond::Role(n, RoleKey::Leader)
}

fn nodes(ids: &[u32]) -> Vec<Answer> {
    ids.iter().map(|&n| Answer::Node(n)).collect()
}

/// The questions of scenario `id`: (step index, question).
fn questions(id: &str) -> Vec<(usize, Question)> {
    let yes_no = Question::yes_no;
    let who = |p, probe, ids: &[u32]| Question::new(p, probe, nodes(ids));
    match id {
        "election-basics" => vec![
            (2, who(("n3 is a candidate of term 1. Who will lead term 1?",
                     "n3 是任期 1 的候选人。谁会成为任期 1 的领导者？"),
                    Probe::LeaderOfTerm(1), &[1, 2, 3, 4, 5])),
            (5, yes_no(("A third server crashes: two of five are left. Will the leader commit index 3?",
                        "第三台服务器崩溃：五台只剩两台。领导者会提交索引 3 吗？"),
                       Cond::Commit(3, 3))),
        ],
        "leader-crash" => vec![(2, who(
            ("A crashed; B is a candidate of term 2. Who leads term 2?",
             "A 崩溃了；B 是任期 2 的候选人。谁会领导任期 2？"),
            Probe::LeaderOfTerm(2), &[1, 2, 3]))],
        "split-vote" => vec![
            (1, Question::new(
                ("B and C time out at the same tick. Who wins term 2?",
                 "B 和 C 在同一时刻超时。谁会赢得任期 2？"),
                Probe::LeaderOfTerm(2), [Answer::Node(2), Answer::Node(3), Answer::Nobody])),
            (3, who(("Timeouts are random again. Who will lead?", "超时重新随机化。谁会成为领导者？"),
                    Probe::Leader, &[2, 3])),
        ],
        "log-replication" => vec![(5, Question::new(
            ("The slow AppendEntries reaches A. Click A's commit index after this step.",
             "迟到的 AppendEntries 到达 A。点选这一步之后 A 的提交索引。"),
            Probe::CommitIndex(1), [Answer::Index(1), Answer::Index(2)]))],
        "election-restriction" => vec![(4, who(
            ("A and C are up; only C holds \"hello\". Who will lead?",
             "A 和 C 在线；只有 C 持有 \"hello\"。谁会成为领导者？"),
            Probe::Leader, &[1, 3]))],
        "divergent-logs" => vec![(6, yes_no(
            ("n1 holds uncommitted entries of term 1 at index 3. Will it still hold that entry after the repair?",
             "n1 在索引 3 处有一条未提交的任期 1 条目。修复之后它还会保留这条条目吗？"),
            Cond::LogTerm(1, 3, 1)))],
        "figure-8" | "figure-8-unsafe" => vec![(2, yes_no(
            ("x = 2 (index 2, term 1) is now on a majority. Will S1 commit it in term 3?",
             "x = 2（索引 2，任期 1）现在在多数派上。S1 会在任期 3 提交它吗？"),
            Cond::Commit(1, 2)))],
        "figure-8-noop" => vec![(3, yes_no(
            ("S1 crashes; S5 returns and campaigns. Will S5 become leader?",
             "S1 崩溃；S5 回来并发起选举。S5 会成为领导者吗？"),
            leader(5)))],
        "partition" => vec![(1, yes_no(
            ("n1 and n2 are cut off from the rest. Will n1 commit its new entry?",
             "n1 和 n2 与其余节点隔开。n1 能提交它的新条目吗？"),
            Cond::Commit(1, 3)))],
        "prevote-off" | "prevote-on" => vec![(3, yes_no(
            ("The network heals and A rejoins. Will B still lead?",
             "网络恢复，A 重新加入。B 还会是领导者吗？"),
            leader(2)))],
        "prevote-alone" | "prevote-check-quorum" => vec![(2, yes_no(
            ("n3 rejoins and its timer fires. Will n1 still lead?",
             "n3 重新加入，它的定时器超时。n1 还会是领导者吗？"),
            leader(1)))],
        "one-way-link" => vec![(2, yes_no(
            ("n1 hears no replies, with CheckQuorum on. Will n1 still lead?",
             "n1 收不到任何回复，CheckQuorum 已开启。n1 还会是领导者吗？"),
            leader(1)))],
        "leader-failures" => vec![(5, who(
            ("Only n1 holds the unacknowledged entry. Who wins the next election?",
             "只有 n1 持有那条未确认的条目。谁会赢得下一次选举？"),
            Probe::Leader, &[1, 2, 3]))],
        "why-consensus" => vec![(3, yes_no(
            ("The leader crashed right after answering. Will the write be committed without it?",
             "领导者刚回复客户端就崩溃了。没有它，这次写入还会被提交吗？"),
            Cond::Commit(2, 3)))],
        "add-server" => vec![(2, yes_no(
            ("n4 has caught up with the log. Is it a voter now?",
             "n4 已经追上了日志。它现在是投票成员吗？"),
            Cond::Voter(4)))],
        "remove-leader" => vec![(2, yes_no(
            ("n1 removed itself. Once C_new commits, will n1 still lead?",
             "n1 把自己移除了。C_new 提交之后，n1 还会是领导者吗？"),
            leader(1)))],
        "joint-consensus" => vec![(4, who(
            ("n1 left the cluster. Who leads C_new?", "n1 离开了集群。谁会领导 C_new？"),
            Probe::Leader, &[2, 3, 4, 5]))],
        "one-step-change" => vec![(3, yes_no(
            ("The voters change in one step across a partition. Will the badge turn red?",
             "在分区两侧一步变更投票成员。安全徽章会变红吗？"),
            Cond::Violation))],
        "replication-modes" => vec![(6, yes_no(
            ("Asynchronous: the leader answered at once and crashes. Will the answered write be lost?",
             "异步复制：领导者立即回复后崩溃。已回复的写入会丢失吗？"),
            Cond::Violated(Property::Linearizability)))],
        "figure-7" => vec![(5, yes_no(
            ("Follower (d) holds entries 11–12 of term 7 the leader lacks. Will it still hold index 12?",
             "跟随者 (d) 持有领导者没有的任期 7 条目 11–12。之后它还会有索引 12 吗？"),
            Cond::LogLen(5, 12)))],
        "snapshot-catch-up" => vec![(3, yes_no(
            ("n1 compacted entries n3 needs. Will n3 catch up to index 6?",
             "n1 压缩掉了 n3 需要的条目。n3 能追到索引 6 吗？"),
            Cond::Commit(3, 6)))],
        "read-index" | "stale-leader-read" => vec![(3, yes_no(
            ("n1 is cut off but still thinks it leads. Will it answer the read?",
             "n1 被隔离，但仍以为自己是领导者。它会回答这次读请求吗？"),
            Cond::OpSettled(4)))],
        "leader-transfer" => vec![
            (1, who(("n1 hands leadership to n3, which is behind. Who leads afterwards?",
                     "n1 把领导权交给落后的 n3。之后谁是领导者？"),
                    Probe::Leader, &[1, 2, 3])),
            (2, who(("n3 hands leadership to crashed n1. Who leads afterwards?",
                     "n3 把领导权交给已崩溃的 n1。之后谁是领导者？"),
                    Probe::Leader, &[1, 2, 3])),
        ],
        _ => Vec::new(),
    }
}
