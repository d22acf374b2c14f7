//! Scenario 2: The leader crashes and the others elect a new one: the A/B/C example
//! of the course notes (§5.2).

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig};

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 2,
        ..SimConfig::default()
    };
    Scenario {
        id: "leader-crash",
        title_en: "2. The leader crashes",
        title_zh: "2. 领导者崩溃",
        config,
        steps: vec![
            Step::new(
                ("A is leader", "A 是领导者"),
                "§5.2",
                "Three servers A, B and C, as in the course notes. A's election timer \
                 ran out first (we pinned it to 10 ticks), it won the election of term 1 and replicated put x 1 to everyone. \
                 A now sends heartbeats every 5 ticks; B and C are followers and reset their \
                 election timers on every heartbeat.",
                "三个服务器 A、B、C，与课程笔记中的例子相同。A 的选举定时器最先超时（我们把它固定为 10 个时钟周期），\
                 它赢得了任期 1 的选举，并把 put x 1 复制到了所有节点。A 每 5 个时钟周期发送一次心跳；\
                 B 和 C 是跟随者，每收到一次心跳就重置自己的选举定时器。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                Op::RunUntil(Cond::All(vec![Cond::Commit(2, 2), Cond::Commit(3, 2)]), 60),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Commit(3, 2)])),
            Step::new(
                ("A crashes; B times out", "A 崩溃；B 选举超时"),
                "§5.2",
                "A crashes. No more heartbeats reach B and C, so their election timers keep running. \
                 Their timeouts are random; here B's is shorter (we pinned B to 20 ticks and C to 38). \
                 B's timer runs out first: B becomes a candidate, increments its term to 2, votes for \
                 itself and sends RequestVote to A and C. The request to A is lost: A is down.",
                "A 崩溃了。B 和 C 再也收不到心跳，它们的选举定时器一直在走。超时时间是随机的，这里 B 的更短\
                 （我们把 B 固定为 20 个时钟周期，C 为 38 个时钟周期）。B 最先超时：它转为候选人，任期加一变为 2，\
                 给自己投票，并向 A 和 C 发送投票请求。发给 A 的请求丢失了，因为 A 已经宕机。",
            )
            .ops([
                act(Action::Crash(1)),
                act(Action::SetTimeout(2, 20)),
                act(Action::SetTimeout(3, 38)),
                Op::RunUntil(Cond::Role(2, RoleKey::Candidate), 60),
            ])
            .expect(Cond::All(vec![Cond::Role(2, RoleKey::Candidate), Cond::Term(2, 2)])),
            Step::new(
                ("C votes for B: new leader", "C 投票给 B：新领导者"),
                "§5.2",
                "C checks the request as the notes describe: B's term (2) is higher than C's, C has \
                 not voted in term 2, and B's log is at least as up to date as C's (§5.4.1). So C \
                 grants its vote. B has 2 of 3 votes, a majority, and becomes leader of term 2. Its \
                 first heartbeat makes C a follower of B.",
                "C 按照笔记中的规则检查这个请求：B 的任期（2）大于 C 的任期，C 在任期 2 还没有投过票，而且 \
                 B 的日志至少和 C 的一样新（§5.4.1）。所以 C 投出赞成票。B 获得 3 票中的 2 票，构成多数派，\
                 成为任期 2 的领导者。它的第一次心跳让 C 成为 B 的跟随者。",
            )
            .ops([Op::RunUntil(Cond::Role(2, RoleKey::Leader), 60), Op::Run(8)])
            .expect(Cond::Role(2, RoleKey::Leader)),
            Step::new(
                ("B serves the client", "B 为客户端服务"),
                "§5.3",
                "The client sends put hello world to B. With A still down, B and C are 2 of 3, still \
                 a majority: the entry is committed and applied on B and C. The cluster healed itself \
                 within about two seconds of simulated time.",
                "客户端把 put hello world 发给 B。A 仍然宕机，但 B 和 C 是 3 个中的 2 个，仍是多数派：这条\
                 日志在 B 和 C 上被提交并应用。集群在大约两秒的模拟时间内完成了自愈。",
            )
            .ops([
                propose_to(2, "put hello world"),
                Op::RunUntil(Cond::Commit(3, 4), 60),
            ])
            .expect(Cond::Commit(3, 4)),
            Step::new(
                ("A returns as a follower", "A 以跟随者身份回归"),
                "§5.1",
                "A restarts from its persistent state: term 1, its vote and its log. B's next \
                 heartbeat carries term 2, higher than A's, so A adopts term 2 and follows B (§5.1). \
                 A's log lacks B's entries: the consistency check fails, B backs up A's nextIndex and \
                 sends what is missing (§5.3). A ends with the same log and the same state machine.",
                "A 从持久化状态重启：任期 1、投票记录和日志。B 的下一次心跳带着任期 2，比 A 的任期大，于是 A \
                 采用任期 2 并追随 B（§5.1）。A 的日志缺少 B 的条目：一致性检查失败，B 回退 A 的 nextIndex，\
                 把缺失的条目发过去（§5.3）。最终 A 拥有相同的日志和相同的状态机。",
            )
            .ops([
                act(Action::Restart(1)),
                Op::RunUntil(Cond::Commit(1, 4), 80),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Follower), Cond::Commit(1, 4)])),
        ],
    }
}
