//! Scenario 12: Why consensus at all: with asynchronous primary–backup replication an
//! acknowledged write can be lost; with Raft a write is acknowledged only once
//! a majority stores it, so it survives the leader's crash.

use super::types::{act, Cond, Op, Scenario, Step};
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig, Target};

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 13,
        ..SimConfig::default()
    };
    Scenario {
        id: "why-consensus",
        title_en: "12. Why consensus? An acknowledged write survives",
        title_zh: "12. 为什么需要共识？已确认的写入不会丢失",
        config,
        steps: vec![
            Step::new(
                ("Three replicas", "三个副本"),
                "§2",
                "Replication avoids a single point of failure. The notes compare schemes: with \
                 asynchronous primary–backup replication the primary answers the client at once and \
                 forwards the write later; if it crashes first, an acknowledged write is lost. Raft \
                 is a replicated state machine (§2): here n1 leads three servers.",
                "复制可以避免单点故障。笔记比较了几种方案：在异步主从复制中，主节点立即应答客户端，稍后再转发写入；\
                 如果它在转发之前崩溃，一个已确认的写入就丢失了。Raft 是一种复制状态机（§2）：这里 n1 领导三个服务器。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                Op::RunUntil(Cond::All((2..=3).map(|n| Cond::Commit(n, 1)).collect()), 60),
            ])
            .expect(Cond::Role(1, RoleKey::Leader)),
            Step::new(
                ("Acknowledged after a majority", "多数派保存后才确认"),
                "§5.3",
                "A client writes put balance 100. Unlike an asynchronous primary, n1 answers only \
                 after the entry is stored on a majority (n1 and at least one follower) and \
                 committed. The client has its answer now; the followers' state machines have not \
                 applied the write yet — they will learn the commit index from the next heartbeat.",
                "客户端写入 put balance 100。与异步复制的主节点不同，n1 只有在这个条目保存到多数派（n1 和至少一个\
                 跟随者）并提交之后才应答。客户端现在已经收到应答；跟随者的状态机还没有应用这次写入——它们要从下一次\
                 心跳中才会得知提交索引。",
            )
            .ops([
                Op::Propose(Target::Cluster, "put balance 100"),
                Op::RunUntil(Cond::OpSettled(1), 60),
            ])
            .expect(Cond::All(vec![Cond::OpSettled(1), Cond::LogLen(2, 2)])),
            Step::new(
                ("The leader crashes at once", "领导者立即崩溃"),
                "§5.4",
                "n1 crashes right after answering. With asynchronous primary–backup this is the \
                 moment the acknowledged write could vanish. Here a majority already stores it, and \
                 any majority that elects the next leader overlaps that one in at least one server.",
                "n1 在应答之后立即崩溃。在异步主从复制中，这正是已确认的写入可能消失的时刻。而在这里，多数派已经保存了\
                 它，而选出下一任领导者的任何多数派都至少与这个多数派有一个共同的服务器。",
            )
            .ops([act(Action::Crash(1))])
            .expect(Cond::Role(1, RoleKey::Crashed)),
            Step::new(
                ("The write survives", "写入保留了下来"),
                "§5.4",
                "n2 and n3 time out and elect a new leader; the election restriction guarantees it \
                 holds put balance 100 (§5.4.1). Its no-op commits the entry, and both survivors \
                 apply it: balance = 100. Nothing acknowledged was lost.",
                "n2 和 n3 超时并选出新的领导者；选举限制保证它持有 put balance 100（§5.4.1）。它的空操作条目让这个条目\
                 得以提交，两个幸存节点都应用了它：balance = 100。没有丢失任何已确认的写入。",
            )
            .ops([Op::RunUntil(Cond::AnyLeader, 100), Op::Run(15)])
            .expect(Cond::All(vec![Cond::Commit(2, 3), Cond::Commit(3, 3)])),
            Step::new(
                ("No majority: wait, never diverge", "没有多数派：等待，但绝不分叉"),
                "§5.3",
                "Now n3 crashes too, and the client writes put balance 50. One server of three is \
                 not a majority: the leader appends the entry but cannot commit it, and the client \
                 waits. Raft chooses consistency over availability (CP); it tolerates f = 1 failure \
                 with 2f+1 = 3 servers, not two.",
                "现在 n3 也崩溃了，客户端写入 put balance 50。三个服务器中的一个不是多数派：领导者追加了这个条目，却无法\
                 提交，客户端只能等待。Raft 在一致性和可用性之间选择了一致性（CP）；2f+1 = 3 个服务器可以容忍 f = 1 个\
                 故障，而不是两个。",
            )
            .ops([
                act(Action::Crash(3)),
                Op::Propose(Target::Cluster, "put balance 50"),
                Op::Run(40),
            ])
            .expect(Cond::All(vec![Cond::Role(2, RoleKey::Leader), Cond::Not(Box::new(Cond::Commit(2, 4)))])),
        ],
    }
}
