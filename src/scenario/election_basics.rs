//! Scenario 1: Leader election basics: terms, timers, votes, majority (§5.1, §5.2).

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::raft::MessageKind;
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig};

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 5,
        seed: 11,
        ..SimConfig::default()
    };
    Scenario {
        id: "election-basics",
        title_en: "1. Leader election basics",
        title_zh: "1. 领导者选举基础",
        config,
        steps: vec![
            Step::new(
                ("Five followers in term 0", "五个跟随者，任期 0"),
                "§5.1",
                "Five servers start as followers in term 0; nobody is leader yet. A term is Raft's \
                 logical clock: it only grows, and each term has at most one leader (§5.1). Every \
                 follower runs an election timer whose length is drawn at random between 20 and 39 \
                 ticks (1 tick = 100 ms of simulated time), so the timers run out at different moments.",
                "五个服务器都以跟随者身份启动，任期为 0，此时还没有领导者。任期是 Raft 的逻辑时钟：只增不减，\
                 每个任期最多只有一个领导者（§5.1）。每个跟随者都有一个选举定时器，时长在 20 到 39 个时钟周期之间\
                 随机选取（1 个时钟周期 = 模拟时间 100 毫秒），所以各节点的选举超时时间点各不相同。",
            )
            .ops([Op::Run(5)]),
            Step::new(
                ("n3's election timer fires", "n3 选举超时"),
                "§5.2",
                "We pinned n3's timer to 12 ticks so that it runs out first (the others wait at least \
                 20). Having heard no heartbeat, n3 becomes a candidate: it increments its term to 1, \
                 votes for itself and sends RequestVote to the four others (§5.2). The requests are \
                 in flight now.",
                "我们把 n3 的选举定时器固定为 12 个时钟周期，让它最先超时（其他节点至少要等 20 个时钟周期）。\
                 n3 没有收到任何心跳，于是转为候选人：任期加一变为 1，给自己投一票，并向其他四个节点发送\
                 投票请求（§5.2）。这些请求正在网络中传输。",
            )
            .ops([
                act(Action::SetTimeout(3, 12)),
                Op::RunUntil(Cond::Role(3, RoleKey::Candidate), 50),
            ])
            .expect(Cond::All(vec![
                Cond::Role(3, RoleKey::Candidate),
                Cond::Term(3, 1),
                Cond::InFlight(3, 1, MessageKind::RequestVote),
                Cond::InFlight(3, 2, MessageKind::RequestVote),
                Cond::InFlight(3, 4, MessageKind::RequestVote),
                Cond::InFlight(3, 5, MessageKind::RequestVote),
            ])),
            Step::new(
                ("A majority votes: leader", "获得多数票：成为领导者"),
                "§5.2",
                "Each follower grants its vote: it has not voted in term 1 yet, and n3's log is at \
                 least as up to date as its own (both are empty). Votes are first come, first served: \
                 one per server per term. With its own vote and two more, n3 holds 3 of 5 — a \
                 majority — and becomes leader of term 1. It appends an empty no-op entry of its \
                 own term (thesis §6.4) and starts sending AppendEntries.",
                "每个跟随者都投出赞成票：它在任期 1 还没有投过票，而且 n3 的日志至少和自己的一样新（都为空）。\
                 投票先到先得，每个节点每个任期只投一票。n3 加上自己的一票再获得两票，就拥有 5 票中的 3 票——\
                 多数派——于是成为任期 1 的领导者。它在日志中追加一条本任期的空操作（no-op）条目\
                 （博士论文 §6.4），并开始发送日志追加消息。",
            )
            .ops([Op::RunUntil(Cond::Role(3, RoleKey::Leader), 50)])
            .expect(Cond::Role(3, RoleKey::Leader)),
            Step::new(
                ("Heartbeats keep the peace", "心跳维持领导地位"),
                "§5.2",
                "The leader sends AppendEntries every 5 ticks; empty ones are heartbeats. A follower \
                 that receives one resets its election timer, so no new election starts while the \
                 leader is alive (§5.2). The no-op is now stored on a majority, so the leader \
                 committed it, and the next heartbeat told the followers: every commit index is 1.",
                "领导者每 5 个时钟周期发送一次日志追加消息，不带日志条目的就是心跳。跟随者每收到一次心跳就重置\
                 自己的选举定时器，所以只要领导者活着，就不会发起新的选举（§5.2）。空操作条目已经保存在多数派\
                 节点上，领导者将其提交，下一次心跳又把提交位置告诉了跟随者：所有节点的提交索引都是 1。",
            )
            .ops([Op::Run(20)])
            .expect(Cond::Commit(1, 1)),
            Step::new(
                ("Two crash: still a majority", "两个节点崩溃：仍有多数派"),
                "§5.3",
                "A cluster of 2f+1 servers tolerates f failures; with 5 servers, f = 2. We crash n1 \
                 and n2, and a client submits put x 1 to the leader. n3, n4 and n5 are still 3 of 5, \
                 a majority, so the entry is replicated, committed and applied everywhere that is up: \
                 x = 1 (§5.3).",
                "由 2f+1 个服务器组成的集群可以容忍 f 个节点故障；5 个节点时 f = 2。我们让 n1 和 n2 崩溃，\
                 然后客户端向领导者提交 put x 1。n3、n4、n5 仍是 5 个中的 3 个，构成多数派，所以这条日志被\
                 复制、提交并应用到所有存活节点：x = 1（§5.3）。",
            )
            .ops([
                act(Action::Crash(1)),
                act(Action::Crash(2)),
                propose_to(3, "put x 1"),
                Op::RunUntil(Cond::Commit(3, 2), 50),
                Op::Run(10),
            ])
            .expect(Cond::All(vec![Cond::Commit(3, 2), Cond::Commit(5, 2)])),
            Step::new(
                ("A third crash: no majority", "第三个节点崩溃：没有多数派"),
                "§5.3",
                "Now n4 crashes too and the client submits put y 2. Only n3 and n5 are up: 2 of 5 is \
                 not a majority. n3 is still leader, appends the entry and n5 stores it, but it cannot \
                 be committed: the majority is counted over all five servers, not over the live ones. \
                 The client waits. Raft gives up availability here, never consistency.",
                "现在 n4 也崩溃了，客户端再提交 put y 2。只剩 n3 和 n5 在运行：5 个中的 2 个不是多数派。\
                 n3 仍然是领导者，它追加了这条日志，n5 也保存了它，但它无法被提交：多数派是按全部 5 个节点\
                 计算的，而不是按存活节点计算。客户端只能等待。此时 Raft 牺牲的是可用性，而绝不是一致性。",
            )
            .ops([
                act(Action::Crash(4)),
                propose_to(3, "put y 2"),
                Op::Run(60),
            ])
            .expect(Cond::Not(Box::new(Cond::Commit(3, 3)))),
            Step::new(
                ("A majority again: commit", "重新构成多数派：提交"),
                "§5.3",
                "n1 restarts with its persistent state (term, vote and log, Figure 2) and the leader \
                 brings its log up to date. With n1, n3 and n5 the leader counts 3 of 5 again: put y 2 \
                 is committed and applied, and the client gets its answer.",
                "n1 带着持久化状态（任期、投票和日志，见论文图 2）重启，领导者把它的日志补齐。有了 n1、n3、n5，\
                 领导者又凑够了 5 个中的 3 个：put y 2 被提交并应用，客户端得到了应答。",
            )
            .ops([
                act(Action::Restart(1)),
                Op::RunUntil(Cond::Commit(3, 3), 100),
                Op::Run(10),
            ])
            .expect(Cond::All(vec![Cond::Commit(3, 3), Cond::Commit(1, 3)])),
        ],
    }
}
