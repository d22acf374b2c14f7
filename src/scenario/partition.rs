//! Scenario 8: Network partition: the old leader in the minority cannot commit, the
//! majority elects a new one, and on healing the old leader steps down and
//! its uncommitted entries are overwritten — no split brain.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig};

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 5,
        seed: 9,
        ..SimConfig::default()
    };
    let all_commit = |i| Cond::All((1..=5).map(|n| Cond::Commit(n, i)).collect());
    Scenario {
        id: "partition",
        title_en: "8. Network partition: no split brain",
        title_zh: "8. 网络分区：不会脑裂",
        config,
        steps: vec![
            Step::new(
                ("n1 leads five servers", "n1 领导五个服务器"),
                "§5.2",
                "Five servers; n1 is leader of term 1 and put x 1 is committed everywhere. Next we \
                 cut the network in two, as the course notes' split-brain discussion asks: what \
                 stops two leaders from both accepting writes?",
                "五个服务器；n1 是任期 1 的领导者，put x 1 已在所有节点提交。接下来我们把网络切成两半，\
                 正如课程笔记讨论脑裂时提出的问题：是什么阻止两个领导者同时接受写入？",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                Op::RunUntil(all_commit(2), 60),
            ])
            .expect(all_commit(2)),
            Step::new(
                ("Partition: the minority cannot commit", "分区：少数派无法提交"),
                "§5.3",
                "The network splits into {n1, n2} (a minority) and {n3, n4, n5} (a majority). A \
                 client sends put x 2 to n1, which still thinks it is leader. n1 appends it and n2 \
                 stores it, but only 2 of 5 servers have it: n1 cannot commit it and never answers \
                 the client. An old leader cut off in a minority can accept requests but never \
                 commit them.",
                "网络分裂成 {n1, n2}（少数派）和 {n3, n4, n5}（多数派）。客户端把 put x 2 发给仍以为自己是领导者\
                 的 n1。n1 追加了它，n2 也保存了它，但只有 5 个中的 2 个节点拥有它：n1 无法提交，也永远不会应答\
                 客户端。被隔离在少数派中的旧领导者可以接受请求，却永远无法提交它们。",
            )
            .ops([
                act(Action::Partition(vec![vec![1, 2], vec![3, 4, 5]])),
                propose_to(1, "put x 2"),
                Op::Run(15),
            ])
            .expect(Cond::All(vec![
                Cond::LogLen(2, 3),
                Cond::Not(Box::new(Cond::Commit(1, 3))),
            ])),
            Step::new(
                ("The majority elects n3", "多数派选出 n3"),
                "§5.2",
                "n3, n4 and n5 no longer hear heartbeats. n3's timer runs out first (we pinned it), \
                 it campaigns in term 2 and n4 and n5 vote for it: 3 of 5 is a majority. Now two \
                 servers call themselves leader, n1 in term 1 and n3 in term 2. That is allowed: \
                 what matters is that at most one leader per term exists, and that only one of them \
                 can reach a majority (§5.2).",
                "n3、n4、n5 收不到心跳了。n3 的定时器最先超时（由我们固定），它在任期 2 发起选举，n4 和 n5 投票\
                 给它：5 个中的 3 个构成多数派。现在有两个节点自称领导者：任期 1 的 n1 和任期 2 的 n3。这是允许的：\
                 关键在于每个任期最多只有一个领导者，而且只有其中一个能够获得多数派（§5.2）。",
            )
            .ops([
                act(Action::SetTimeout(3, 20)),
                act(Action::SetTimeout(4, 39)),
                act(Action::SetTimeout(5, 39)),
                Op::RunUntil(Cond::Role(3, RoleKey::Leader), 100),
                Op::Run(6),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Role(3, RoleKey::Leader)])),
            Step::new(
                ("The majority commits", "多数派提交"),
                "§5.3",
                "A client sends put x 3 to n3. n3 replicates it to n4 and n5, commits it and answers. \
                 Any two majorities of five servers share at least one server, so the minority side \
                 can never form a second majority: no split brain. The price is availability on the \
                 minority side (the CP choice of the CAP theorem).",
                "客户端把 put x 3 发给 n3。n3 把它复制到 n4 和 n5，提交并应答。五个服务器中任意两个多数派至少有\
                 一个共同成员，所以少数派一侧永远无法形成第二个多数派：不会脑裂。代价是少数派一侧不可用（即 CAP \
                 定理中的 CP 选择）。",
            )
            .ops([propose_to(3, "put x 3"), Op::RunUntil(Cond::Commit(3, 4), 60), Op::Run(6)])
            .expect(Cond::Commit(3, 4)),
            Step::new(
                ("Heal: the old leader steps down", "恢复：旧领导者下台"),
                "§5.3",
                "The network heals. n3's AppendEntries carry term 2; n1 sees the higher term and \
                 steps down to follower (§5.1). The consistency check finds that n1's and n2's put \
                 x 2 at index 3 conflicts with n3's entry of term 2: it is deleted and replaced \
                 (§5.3). It was never committed, so nothing acknowledged is lost; the client sees \
                 that request fail as overwritten. All five logs agree and x = 3 everywhere.",
                "网络恢复了。n3 的日志追加消息带着任期 2；n1 看到更大的任期，退回跟随者（§5.1）。一致性检查发现 \
                 n1 和 n2 在索引 3 处的 put x 2 与 n3 任期 2 的条目冲突：它被删除并替换（§5.3）。它从未被提交，\
                 所以没有丢失任何已确认的写入；客户端看到那个请求因被覆盖而失败。五份日志完全一致，所有节点上 \
                 x = 3。",
            )
            .ops([act(Action::Recover), Op::RunUntil(all_commit(4), 80), Op::Run(10)])
            .expect(Cond::All(vec![all_commit(4), Cond::Role(1, RoleKey::Follower)])),
        ],
    }
}
