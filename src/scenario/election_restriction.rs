//! Scenario 5: The election restriction: a candidate whose log is behind cannot win
//! (§5.4.1), so a committed entry survives the leader's crash.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig};

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 5,
        ..SimConfig::default()
    };
    Scenario {
        id: "election-restriction",
        title_en: "5. The election restriction",
        title_zh: "5. 选举限制",
        config,
        steps: vec![
            Step::new(
                ("B is leader", "B 是领导者"),
                "§5.3",
                "Three servers, named as in the notes: A, B and C. B is leader of term 1 \
                 and put x 1 is committed on all three.",
                "三个服务器，命名与笔记一致：A、B、C。B 是任期 1 的领导者，put x 1 已在三个节点\
                 上提交。",
            )
            .ops([
                act(Action::SetTimeout(2, 10)),
                Op::RunUntil(Cond::Role(2, RoleKey::Leader), 60),
                propose_to(2, "put x 1"),
                Op::RunUntil(Cond::All(vec![Cond::Commit(1, 2), Cond::Commit(3, 2)]), 60),
            ])
            .expect(Cond::Role(2, RoleKey::Leader)),
            Step::new(
                ("A is down; B commits hello", "A 宕机；B 提交 hello"),
                "§5.3",
                "A crashes. The client sends put hello world to B. B and C store it at index 3 — 2 of \
                 3, a majority — so B commits it, applies it and answers the client: success. Look at \
                 the logs: C has index 3 but has not heard yet that it is committed (its commit index \
                 is 2); A's log stops at index 2. This is the notes' log diagram 2.",
                "A 崩溃了。客户端把 put hello world 发给 B。B 和 C 在索引 3 处保存了它——3 个中的 2 个，构成多数派——\
                 于是 B 提交并应用它，应答客户端：成功。看看日志：C 有索引 3，但还不知道它已提交（C 的提交索引是 2）；\
                 A 的日志只到索引 2。这就是笔记中的日志图 2。",
            )
            .ops([
                act(Action::Crash(1)),
                propose_to(2, "put hello world"),
                Op::RunUntil(Cond::Commit(2, 3), 60),
            ])
            .expect(Cond::All(vec![Cond::Commit(2, 3), Cond::LogLen(3, 3)])),
            Step::new(
                ("B crashes; A comes back", "B 崩溃；A 回来了"),
                "§5.4",
                "Right after answering the client, B crashes, before telling anyone that index 3 is \
                 committed. A restarts with its old log. The notes ask: could A become leader? If it \
                 did, it would force its log on C and the write the client was told succeeded would be \
                 lost. Raft's Leader Completeness property says this must not happen (§5.4).",
                "B 刚应答完客户端就崩溃了，还没来得及告诉任何人索引 3 已提交。A 带着旧日志重启。笔记中的问题是：\
                 A 能成为领导者吗？如果可以，它会把自己的日志强加给 C，而客户端已被告知成功的写入就会丢失。\
                 Raft 的领导者完全特性保证这种情况绝不会发生（§5.4）。",
            )
            .ops([act(Action::Crash(2)), act(Action::Restart(1))])
            .expect(Cond::Role(2, RoleKey::Crashed)),
            Step::new(
                ("A campaigns: C refuses", "A 发起选举：C 拒绝"),
                "§5.4.1",
                "A's election timer fires first: A becomes candidate of term 2 and asks C for its vote, \
                 sending its last log entry: term 1, index 2. C compares with its own last entry: \
                 term 1, index 3. Same last term, but A's log is shorter, so A's log is not at least as \
                 up to date as C's and C refuses (the election restriction, §5.4.1). C still adopts \
                 term 2. A has only its own vote: it cannot win.",
                "A 的选举定时器先超时：A 成为任期 2 的候选人，向 C 请求投票，请求中带着自己最后一个日志条目：\
                 任期 1、索引 2。C 与自己的最后一个条目比较：任期 1、索引 3。最后的任期相同，但 A 的日志更短，\
                 所以 A 的日志没有 C 的新，C 拒绝投票（选举限制，§5.4.1）。C 仍然采用任期 2。A 只有自己的一票：\
                 它无法获胜。",
            )
            .ops([act(Action::Campaign(1)), Op::Run(8)])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Candidate), Cond::Term(3, 2)])),
            Step::new(
                ("C wins and keeps hello", "C 获胜并保留 hello"),
                "§5.4.1",
                "C's timer runs out before A's next try (we pinned C to 20 ticks and A to 30). C \
                 campaigns in term 3 with last entry (term 1, index 3); A's log is behind C's, so A \
                 grants. C becomes leader, appends its no-op and replicates: A receives index 3. Once \
                 the no-op of term 3 is on a majority, index 3 is committed with it, and both A and C \
                 apply hello = world. The write the client saw succeed survived.",
                "C 的定时器在 A 再次尝试之前超时（我们把 C 固定为 20 个时钟周期，A 为 30 个时钟周期）。C 带着最后条目\
                 （任期 1、索引 3）在任期 3 发起选举；A 的日志比 C 旧，所以 A 投出赞成票。C 成为领导者，追加\
                 空操作条目并开始复制：A 收到了索引 3。一旦任期 3 的空操作条目保存到多数派上，索引 3 也随之提交，\
                 A 和 C 都应用了 hello = world。客户端已看到成功的写入被保留了下来。",
            )
            .ops([
                act(Action::SetTimeout(1, 30)),
                act(Action::SetTimeout(3, 20)),
                Op::RunUntil(Cond::AnyLeader, 200),
                Op::RunUntil(Cond::Commit(1, 4), 60),
            ])
            .expect(Cond::All(vec![Cond::Role(3, RoleKey::Leader), Cond::Commit(1, 4)])),
            Step::new(
                ("B returns as a follower", "B 以跟随者身份回归"),
                "§5.3",
                "B restarts, learns term 3 from C's heartbeat and receives the no-op. All three logs \
                 are identical again, and every state machine has x = 1 and hello = world.",
                "B 重启后从 C 的心跳中得知任期 3，并收到空操作条目。三个节点的日志再次完全一致，每个状态机中都有 \
                 x = 1 和 hello = world。",
            )
            .ops([
                act(Action::Restart(2)),
                Op::RunUntil(Cond::Commit(2, 4), 60),
            ])
            .expect(Cond::Commit(2, 4)),
        ],
    }
}
