//! Scenario 13: Why consensus, mode by mode (course notes seed 000/001: 全同步、
//! 异步、半同步复制). The same three-node cluster under Raft, then fully
//! synchronous, then asynchronous acknowledgement: Raft keeps answering with a
//! follower dead and loses no acknowledged write when the leader crashes; full
//! sync stops answering when one follower dies; async answers at once and
//! loses an acknowledged write when the leader crashes before forwarding it,
//! which the linearizability checker flags. Replication underneath is always
//! the Raft core; only the moment of the answer changes
//! (`sim::replication_mode`).

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::{Action, Property, ReplicationMode, RoleKey, SimConfig, Target};

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 21,
        ..SimConfig::default()
    };
    let not = |c| Cond::Not(Box::new(c));
    Scenario {
        id: "replication-modes",
        title_en: "13. Async, sync or Raft: when may the leader answer?",
        title_zh: "13. 异步、同步还是 Raft：领导者何时可以应答？",
        config,
        steps: vec![
            Step::new(
                ("Three replicas, Raft answers", "三个副本，按 Raft 应答"),
                "§5.3",
                "One cluster, three ways to answer a client (Settings → replication mode). \
                 Replication underneath is always Raft's: the leader appends, sends AppendEntries, \
                 learns each follower's matchIndex and commits on a majority. Only the moment the \
                 leader says \"ok\" to the client changes. We start in Raft mode: the answer comes \
                 after a majority committed the entry and the leader applied it (§5.3, §8).",
                "同一个集群，三种应答客户端的方式（设置 → 复制方式）。底层的复制始终是 Raft：领导者追加条目、发送日志\
                 追加消息、得知每个跟随者的 matchIndex，并在多数派保存后提交。变化的只是领导者对客户端说“成功”的时机。\
                 我们先用 Raft 方式：条目被多数派提交、领导者应用之后才应答（§5.3、§8）。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                Op::RunUntil(Cond::All((2..=3).map(|n| Cond::Commit(n, 1)).collect()), 60),
            ])
            .expect(Cond::Role(1, RoleKey::Leader)),
            Step::new(
                ("Raft: a follower dies, writes go on", "Raft：一个跟随者宕机，写入照常"),
                "§5.3",
                "n3 crashes. The client writes put x 1. n1 and n2 are two of three, a majority: \
                 the entry commits and the client is answered. Raft tolerates f = 1 failure with \
                 2f+1 = 3 servers.",
                "n3 崩溃。客户端写入 put x 1。n1 和 n2 是三个中的两个，构成多数派：条目提交，客户端得到应答。\
                 2f+1 = 3 个服务器的 Raft 可以容忍 f = 1 个故障。",
            )
            .ops([
                act(Action::Crash(3)),
                Op::Propose(Target::Cluster, "put x 1"),
                Op::RunUntil(Cond::OpSettled(1), 60),
            ])
            .expect(Cond::All(vec![Cond::OpIs(1, "committed"), Cond::Commit(1, 2)])),
            Step::new(
                ("Raft: the leader crashes before forwarding", "Raft：领导者在转发前崩溃"),
                "§5.4",
                "n3 is back and caught up. Now n1 loses its network and at once crashes, right \
                 after appending put x 2: no follower ever receives it. Under Raft the client had \
                 no answer yet (outcome unknown), so nothing acknowledged is lost. n2 wins the new \
                 election, and the client's get x reads 1: still linearizable, the badge stays green.",
                "n3 已恢复并追上了日志。现在 n1 在追加 put x 2 之后立刻断网并崩溃：没有任何跟随者收到它。在 Raft 下\
                 客户端还没有得到应答（结果未知），所以没有丢失任何已确认的写入。n2 赢得新的选举，客户端的 get x 读到 1：\
                 仍然满足线性一致性，安全徽章保持绿色。",
            )
            .ops([
                act(Action::Restart(3)),
                Op::RunUntil(Cond::Commit(3, 2), 60),
                act(Action::Isolate(1)),
                propose_to(1, "put x 2"),
                act(Action::Crash(1)),
                act(Action::Recover),
                act(Action::SetTimeout(2, 10)),
                Op::RunUntil(Cond::Role(2, RoleKey::Leader), 80),
                Op::Propose(Target::Cluster, "get x"),
                Op::RunUntil(Cond::OpSettled(3), 60),
            ])
            .expect(Cond::All(vec![
                Cond::OpIs(2, "failed"),
                Cond::OpIs(3, "committed"),
                not(Cond::Violated(Property::Linearizability)),
            ])),
            Step::new(
                ("Fully synchronous: one follower dies, no answers", "全同步：一个跟随者宕机，不再应答"),
                "§5.3",
                "n1 restarts and catches up, and we switch to fully synchronous replication: the \
                 leader answers only once every follower stores the entry. put x 3 is answered with \
                 all three up. Then n3 crashes and the client writes put x 4. Raft still commits it \
                 underneath (n2 and n1 are a majority), but full sync waits for n3: the client \
                 gets no answer. One dead follower stops every write, as the course notes warn: \
                 with full sync, one failed replica makes the whole system unavailable.",
                "n1 重启并追上日志，我们切换到全同步复制：只有所有跟随者都保存了条目，领导者才应答。三个节点都在时，\
                 put x 3 得到了应答。然后 n3 崩溃，客户端写入 put x 4。底层的 Raft 仍然提交了它（n2 和 n1 构成多数派），\
                 但全同步要等 n3：客户端得不到应答。一个从节点故障，整个系统就不可用了。",
            )
            .ops([
                act(Action::Restart(1)),
                Op::RunUntil(Cond::Commit(1, 4), 60),
                act(Action::SetReplicationMode(ReplicationMode::Sync)),
                Op::Propose(Target::Cluster, "put x 3"),
                Op::RunUntil(Cond::OpSettled(4), 60),
                act(Action::Crash(3)),
                Op::Propose(Target::Cluster, "put x 4"),
                Op::Run(60),
            ])
            .expect(Cond::All(vec![
                Cond::OpIs(4, "acknowledged"),
                Cond::OpIs(5, "pending"),
                Cond::Commit(2, 6),
            ])),
            Step::new(
                ("n3 returns, the write is answered", "n3 恢复，写入得到应答"),
                "§5.3",
                "n3 restarts. The leader brings it up to date (its matchIndex reaches put x 4) and \
                 only then answers the waiting client. Full sync is consistent, but only as \
                 available as its slowest replica.",
                "n3 重启。领导者让它追上日志（它的 matchIndex 达到 put x 4），然后才应答一直等待的客户端。全同步是一致的，\
                 但它的可用性取决于最慢的那个副本。",
            )
            .ops([act(Action::Restart(3)), Op::RunUntil(Cond::OpSettled(5), 80)])
            .expect(Cond::OpIs(5, "acknowledged")),
            Step::new(
                ("Asynchronous: answered at once", "异步：立即应答"),
                "§5.3",
                "We switch to asynchronous replication: the leader answers as soon as it appended \
                 the entry to its own log. Leader n2 loses its network and the client writes put x 5 \
                 to it: n2 answers \"ok\" at once, although no follower has the entry.",
                "我们切换到异步复制：领导者一把条目追加到自己的日志就应答。领导者 n2 断网了，客户端向它写入 put x 5：\
                 n2 立即回答“成功”，尽管没有任何跟随者有这个条目。",
            )
            .ops([
                act(Action::SetReplicationMode(ReplicationMode::Async)),
                act(Action::Isolate(2)),
                propose_to(2, "put x 5"),
            ])
            .expect(Cond::OpIs(6, "acknowledged")),
            Step::new(
                ("The leader crashes: an acknowledged write is lost", "领导者崩溃：已确认的写入丢失了"),
                "§8",
                "n2 crashes before it could forward put x 5. n1 and n3 elect a new leader without \
                 it, and the client's get x reads 4. The client was told put x 5 succeeded, then \
                 reads an older value: no order of the operations explains that, so the \
                 linearizability checker flags it and the safety badge turns red. Under Raft the \
                 same crash lost nothing acknowledged (step 3).",
                "n2 在转发 put x 5 之前崩溃。n1 和 n3 在没有它的情况下选出新的领导者，客户端的 get x 读到 4。客户端被告知 \
                 put x 5 成功了，随后却读到更旧的值：没有任何操作顺序能解释这一点，所以线性一致性检查器报告了违反，安全\
                 徽章变红。在 Raft 下，同样的崩溃没有丢失任何已确认的写入（第 3 步）。",
            )
            .ops([
                act(Action::Crash(2)),
                act(Action::Recover),
                Op::RunUntil(Cond::AnyLeader, 80),
                Op::Propose(Target::Cluster, "get x"),
                Op::RunUntil(Cond::OpSettled(7), 60),
                Op::Run(5),
            ])
            .expect(Cond::All(vec![Cond::OpIs(7, "acknowledged"), Cond::Violated(Property::Linearizability)])),
        ],
    }
}
