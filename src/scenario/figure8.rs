//! Scenario 7: Figure 8: why a leader commits only entries of its own term by
//! counting replicas (§5.4.2) — the safe rule, the unsafe rule, and the
//! leader's no-op. One script, three configurations.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::raft::UnsafeSwitch;
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig, Target};

/// Which rules the cluster runs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// §5.4.2 as written, no leader no-op.
    Safe,
    /// Commit old-term entries by counting (the unsafe switch), no no-op.
    Unsafe,
    /// §5.4.2 plus the leader no-op (thesis §6.4).
    Noop,
}

/// Picks the text for the variant.
fn pick(v: Variant, safe: &'static str, unsafe_: &'static str, noop: &'static str) -> &'static str {
    match v {
        Variant::Safe => safe,
        Variant::Unsafe => unsafe_,
        Variant::Noop => noop,
    }
}

/// The scenario.
pub fn scenario(v: Variant) -> Scenario {
    let mut config = SimConfig {
        nodes: 5,
        seed: 8,
        ..SimConfig::default()
    };
    config.raft.leader_noop = v == Variant::Noop;
    if v == Variant::Unsafe {
        config.raft.unsafe_switches = vec![UnsafeSwitch::CommitOldTermByCounting];
    }
    let (id, title_en, title_zh) = match v {
        Variant::Safe => (
            "figure-8",
            "7a. Figure 8: commit only your own term",
            "7a. 图 8：只按计数提交本任期的条目",
        ),
        Variant::Unsafe => (
            "figure-8-unsafe",
            "7b. Figure 8 with an unsafe commit rule",
            "7b. 图 8：使用不安全的提交规则",
        ),
        Variant::Noop => (
            "figure-8-noop",
            "7c. Figure 8 with the leader no-op",
            "7c. 图 8：领导者的空操作条目",
        ),
    };
    // How long S1's log is once it leads term 3 (the no-op adds two entries).
    let len_c = if v == Variant::Noop { 4 } else { 2 };
    let repaired = if v == Variant::Noop {
        Cond::Commit(3, 5)
    } else {
        Cond::All((2..=4).map(|n| Cond::LogTerm(n, 2, 2)).collect())
    };
    Scenario {
        id,
        title_en,
        title_zh,
        config,
        steps: vec![
            Step::new(
                ("(a) S1 leads; x = 2 reaches S2 only", "(a) S1 领导；x = 2 只到达 S2"),
                "§5.4.2",
                pick(
                    v,
                    "Figure 8 of the Raft paper, replayed on five servers S1–S5; in this run \
                     a new leader does not append a no-op entry. S1 is leader of term 1 and put x 1 \
                     is committed everywhere. Then the network splits {S1, S2} from {S3, S4, S5}; a \
                     client sends put x 2 to S1, which replicates it to S2 only, and S1 crashes. \
                     Entry 2, of term 1, exists on S1 and S2.",
                    "Figure 8 of the Raft paper, replayed on five servers S1–S5, with one \
                     rule changed on purpose: a leader may commit any entry stored on a majority, \
                     whatever its term (an unsafe teaching switch), and no no-op is appended. S1 is \
                     leader of term 1 and put x 1 is committed everywhere. The network splits {S1, \
                     S2} from {S3, S4, S5}; put x 2 reaches S1 and S2 only, and S1 crashes.",
                    "Figure 8 of the Raft paper, replayed on five servers S1–S5; in this run \
                     every new leader appends a no-op entry of its term (thesis §6.4), so indexes are \
                     one higher than in the paper's drawing. S1 is leader of term 1 and put x 1 is \
                     committed everywhere. The network splits {S1, S2} from {S3, S4, S5}; put x 2 \
                     reaches S1 and S2 only, and S1 crashes.",
                ),
                pick(
                    v,
                    "在五个服务器 S1–S5 上重现 Raft 论文的图 8；本次运行中新领导者不追加空操作条目。S1 是\
                     任期 1 的领导者，put x 1 已在所有节点提交。随后网络分裂为 {S1, S2} 和 {S3, S4, S5}；客户端把 \
                     put x 2 发给 S1，S1 只把它复制到了 S2，然后 S1 崩溃。索引 2 处任期 1 的条目只存在于 S1 和 S2 上。",
                    "在五个服务器 S1–S5 上重现 Raft 论文的图 8，并故意改动一条规则：领导者可以提交任何已保存\
                     在多数派上的条目，不管它属于哪个任期（一个不安全的教学开关），而且不追加空操作条目。S1 是任期 1 \
                     的领导者，put x 1 已在所有节点提交。网络分裂为 {S1, S2} 和 {S3, S4, S5}；put x 2 只到达 S1 和 \
                     S2，然后 S1 崩溃。",
                    "在五个服务器 S1–S5 上重现 Raft 论文的图 8；本次运行中每个新领导者都会追加一条本任期的\
                     空操作条目（博士论文 §6.4），所以索引比论文图中大 1。S1 是任期 1 的领导者，put x 1 已在所有节点提交。\
                     网络分裂为 {S1, S2} 和 {S3, S4, S5}；put x 2 只到达 S1 和 S2，然后 S1 崩溃。",
                ),
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                Op::Run(15),
                act(Action::Partition(vec![vec![1, 2], vec![3, 4, 5]])),
                propose_to(1, "put x 2"),
                Op::Run(6),
                act(Action::Crash(1)),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Crashed), Cond::LogLen(2, len_c - 1)])),
            Step::new(
                ("(b) S5 leads term 2; its entry stays on S5", "(b) S5 领导任期 2；它的条目只在 S5 上"),
                "§5.2",
                pick(
                    v,
                    "S5 times out (we force it) and wins term 2 with the votes of S3, S4 and itself. \
                     Right after winning, S5 is cut off from everyone; it accepts put x 3 (term 2), \
                     which nobody else receives, and crashes.",
                    "S5 times out (we force it) and wins term 2 with the votes of S3, S4 and itself. \
                     Right after winning, S5 is cut off from everyone; it accepts put x 3 (term 2), \
                     which nobody else receives, and crashes.",
                    "S5 times out (we force it) and wins term 2 with the votes of S3, S4 and itself. \
                     Right after winning, S5 is cut off from everyone, so its no-op of term 2 stays on \
                     S5; it accepts put x 3 (term 2), which nobody else receives, and crashes.",
                ),
                pick(
                    v,
                    "S5 选举超时（由我们触发），凭借 S3、S4 和自己的选票赢得任期 2。刚当选，S5 就与所有节点断开；\
                     它接受了 put x 3（任期 2），但没有其他节点收到，然后 S5 崩溃。",
                    "S5 选举超时（由我们触发），凭借 S3、S4 和自己的选票赢得任期 2。刚当选，S5 就与所有节点断开；\
                     它接受了 put x 3（任期 2），但没有其他节点收到，然后 S5 崩溃。",
                    "S5 选举超时（由我们触发），凭借 S3、S4 和自己的选票赢得任期 2。刚当选，S5 就与所有节点断开，\
                     所以它任期 2 的空操作条目只留在 S5 上；它接受了 put x 3（任期 2），但没有其他节点收到，\
                     然后 S5 崩溃。",
                ),
            )
            .ops([
                act(Action::Campaign(5)),
                Op::RunUntil(Cond::Role(5, RoleKey::Leader), 60),
                act(Action::Partition(vec![vec![5], vec![1, 2, 3, 4]])),
                propose_to(5, "put x 3"),
                Op::Run(2),
                act(Action::Crash(5)),
            ])
            .expect(Cond::All(vec![Cond::Role(5, RoleKey::Crashed), Cond::Term(5, 2)])),
            Step::new(
                ("(c) S1 leads term 3; x = 2 on a majority", "(c) S1 领导任期 3；x = 2 到达多数派"),
                "§5.4.2",
                pick(
                    v,
                    "S1 restarts and campaigns. In term 2 S3 and S4 already voted for S5, so S1 needs \
                     a second try: in term 3 it wins with S2, S3 and S4, and replicates put x 2 \
                     (term 1) to them. The entry is now on a majority, four of five servers. Can S1 \
                     commit it? No: it is from term 1, and a leader commits by counting replicas \
                     only entries of its current term (§5.4.2). S1's commit index even stays at 0: \
                     it is volatile, so after its restart S1 does not know yet that put x 1 is \
                     committed. The event log shows the commit held back.",
                    "S1 restarts and campaigns. In term 2 S3 and S4 already voted for S5, so S1 needs \
                     a second try: in term 3 it wins with S2, S3 and S4, and replicates put x 2 \
                     (term 1) to them. The entry is now on a majority, four of five servers, and with \
                     the unsafe rule S1 commits it by counting and applies it: x = 2 on S1.",
                    "S1 restarts and campaigns. In term 2 S3 and S4 already voted for S5, so S1 needs \
                     a second try: in term 3 it wins with S2, S3 and S4. It appends its no-op of \
                     term 3 and replicates put x 2 and the no-op. Once the no-op is on a majority, S1 \
                     commits it by counting (it is of S1's own term), and put x 2 before it is \
                     committed with it (Log Matching, §5.4.2). x = 2 is applied.",
                ),
                pick(
                    v,
                    "S1 重启并发起选举。在任期 2，S3 和 S4 已经投票给了 S5，所以 S1 需要再试一次：在任期 3，它凭借 \
                     S2、S3、S4 的选票获胜，并把 put x 2（任期 1）复制给它们。这个条目现在保存在多数派上，五个节点\
                     中的四个。S1 能提交它吗？不能：它属于任期 1，而领导者只能通过计数副本来提交自己当前任期的条目\
                     （§5.4.2）。S1 的提交索引甚至还是 0：提交索引是易失的，重启后的 S1 还不知道 put x 1 已经提交。\
                     事件日志显示提交被暂缓了。",
                    "S1 重启并发起选举。在任期 2，S3 和 S4 已经投票给了 S5，所以 S1 需要再试一次：在任期 3，它凭借 \
                     S2、S3、S4 的选票获胜，并把 put x 2（任期 1）复制给它们。这个条目现在保存在多数派上，五个节点\
                     中的四个；按照不安全的规则，S1 通过计数提交并应用了它：S1 上 x = 2。",
                    "S1 重启并发起选举。在任期 2，S3 和 S4 已经投票给了 S5，所以 S1 需要再试一次：在任期 3，它凭借 \
                     S2、S3、S4 的选票获胜。它追加任期 3 的空操作条目，并复制 put x 2 和这个空操作条目。一旦空操作\
                     条目保存到多数派上，S1 就通过计数提交它（它属于 S1 自己的任期），它之前的 put x 2 也随之提交\
                     （日志匹配，§5.4.2）。x = 2 被应用。",
                ),
            )
            .ops([
                act(Action::Restart(1)),
                act(Action::Campaign(1)),
                Op::Run(6),
                act(Action::Campaign(1)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                Op::RunUntil(Cond::All((2..=4).map(|n| Cond::LogLen(n, len_c)).collect()), 60),
                Op::Run(6),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Term(1, 3)])),
            Step::new(
                ("(d) S1 crashes; S5 returns", "(d) S1 崩溃；S5 回来了"),
                "§5.4.1",
                pick(
                    v,
                    "S1 crashes, S5 restarts and the network heals. S5's last entry is of term 2, \
                     newer than the last entry (term 1) of S2, S3 and S4, so S5's log counts as more \
                     up to date (§5.4.1). After a first try in term 3, where they had already voted \
                     for S1, S5 wins term 4 and overwrites put x 2 on the others with its put x 3. \
                     That is allowed: put x 2 was never committed, so nothing is lost.",
                    "S1 crashes, S5 restarts and the network heals. S5's last entry is of term 2, \
                     newer than the last entry (term 1) of S2, S3 and S4, so they vote for it \
                     (§5.4.1). S5 wins term 4 and overwrites put x 2 — which S1 had committed and \
                     applied! The safety checker flags it: Leader Completeness is violated, a \
                     committed entry is missing from the log of a later leader (§5.4).",
                    "S1 crashes, S5 restarts and the network heals. S5's last entry is of term 2, but \
                     S2, S3 and S4 now end with S1's no-op of term 3: their logs are more up to date, \
                     so they refuse S5 however often it tries (§5.4.1). S3 times out and wins term 5 \
                     instead; put x 2 stays committed.",
                ),
                pick(
                    v,
                    "S1 崩溃，S5 重启，网络恢复。S5 最后一个条目的任期是 2，比 S2、S3、S4 最后一个条目的任期（1）新，\
                     所以 S5 的日志更新（§5.4.1）。第一次在任期 3 的尝试失败后（它们已经投给了 S1），S5 赢得任期 4，\
                     并用自己的 put x 3 覆盖了其他节点上的 put x 2。这是允许的：put x 2 从未提交，所以没有丢失任何数据。",
                    "S1 崩溃，S5 重启，网络恢复。S5 最后一个条目的任期是 2，比 S2、S3、S4 最后一个条目的任期（1）新，\
                     所以它们投票给 S5（§5.4.1）。S5 赢得任期 4，并覆盖了 put x 2——而 S1 已经提交并应用了它！安全\
                     检查器发现了问题：领导者完全特性被破坏，一个已提交的条目不在后来领导者的日志中（§5.4）。",
                    "S1 崩溃，S5 重启，网络恢复。S5 最后一个条目的任期是 2，但 S2、S3、S4 的日志现在以 S1 任期 3 的\
                     空操作条目结尾：它们的日志更新，所以无论 S5 尝试多少次，它们都拒绝投票（§5.4.1）。最终 S3 超时\
                     并赢得了任期 5；put x 2 保持已提交。",
                ),
            )
            .ops([
                act(Action::Crash(1)),
                act(Action::Recover),
                act(Action::Restart(5)),
                act(Action::Campaign(5)),
                Op::Run(6),
                act(Action::Campaign(5)),
                Op::RunUntil(Cond::AnyLeader, 200),
                Op::RunUntil(repaired, 60),
            ]),
            Step::new(
                ("(e) A command of the new term", "(e) 新任期的一条命令"),
                "§5.4.2",
                pick(
                    v,
                    "The client sends put x 4. S5 appends it in term 4 and, once it is on a majority, \
                     commits it — and put x 3 before it with it: entries of earlier terms commit \
                     indirectly, through an entry of the current term (§5.4.2). The client's answer \
                     says the previous value was 3. Compare with 7b (unsafe rule) and 7c (no-op).",
                    "S5 commits put x 4 in term 4, and put x 3 before it. S1 applied x = 2 at that \
                     index, the others apply x = 3: two state machines disagree about the same log \
                     position, and the checker reports State Machine Safety violated too. This is why \
                     §5.4.2 forbids committing entries of earlier terms by counting replicas.",
                    "put x 4 commits in term 5. With a no-op at the start of each term, a new leader \
                     commits the entries of earlier terms as soon as its no-op is on a majority, \
                     without waiting for a client command (thesis §6.4, paper §8).",
                ),
                pick(
                    v,
                    "客户端发送 put x 4。S5 在任期 4 追加它，一旦它保存到多数派上就提交它——它之前的 put x 3 也随之\
                     提交：之前任期的条目是通过当前任期的条目间接提交的（§5.4.2）。客户端收到的应答显示旧值是 3。\
                     可以与 7b（不安全规则）和 7c（空操作条目）对比。",
                    "S5 在任期 4 提交了 put x 4，以及它之前的 put x 3。S1 在这个索引处应用的是 x = 2，其他节点应用的\
                     却是 x = 3：两个状态机在同一个日志位置上不一致，检查器还报告了状态机安全性被破坏。这就是 §5.4.2 \
                     禁止通过计数副本来提交之前任期条目的原因。",
                    "put x 4 在任期 5 提交。每个任期开始时有一个空操作条目，新领导者只要把空操作条目复制到多数派，\
                     就能提交之前任期的条目，而不必等待客户端命令（博士论文 §6.4，博士论文 §8）。",
                ),
            )
            .ops([Op::Propose(Target::Cluster, "put x 4"), Op::Run(20)]),
        ],
    }
}
