//! Scenario 16a/16b: linearizable reads without the log (thesis §6.4). A
//! ReadIndex read is confirmed by a heartbeat round and writes nothing; an old
//! leader cut off from the cluster cannot confirm one — unless the unsafe
//! `stale-leader-read` switch lets it answer from its own state, and the
//! linearizability checker turns the badge red. One script, two configurations.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::raft::{ReadMode, UnsafeSwitch};
use crate::sim::{Action, RoleKey, SimConfig, Target};

fn read_at(node: u32) -> Op {
    act(Action::Read {
        target: Target::Node(node),
        key: "x".to_string(),
        mode: ReadMode::ReadIndex,
    })
}

/// The scenario, safe or with `stale-leader-read`.
pub fn scenario(stale: bool) -> Scenario {
    let mut config = SimConfig {
        nodes: 3,
        seed: 31,
        ..SimConfig::default()
    };
    if stale {
        config.raft.unsafe_switches = vec![UnsafeSwitch::StaleLeaderRead];
    }
    let pick = |safe: &'static str, unsafe_: &'static str| if stale { unsafe_ } else { safe };
    Scenario {
        id: pick("read-index", "stale-leader-read"),
        title_en: pick(
            "16a. ReadIndex: reads without the log",
            "16b. Unsafe: a stale leader answers reads",
        ),
        title_zh: pick(
            "16a. ReadIndex：不经日志的读",
            "16b. 不安全：过时的领导者回答读请求",
        ),
        config,
        steps: vec![
            Step::new(
                ("n1 leads, x = 1", "n1 领导，x = 1"),
                "§5.3",
                "Three servers; n1 is leader of term 1 and put x 1 is committed everywhere. A get \
                 through the log would append an entry and wait for it to commit; ReadIndex does \
                 not write at all.",
                "三个服务器；n1 是任期 1 的领导者，put x 1 已在所有节点提交。经过日志的 get 会追加一个条目并等它提交；\
                 ReadIndex 完全不写日志。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                Op::RunUntil(Cond::All((2..=3).map(|n| Cond::Commit(n, 2)).collect()), 60),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Commit(3, 2)])),
            Step::new(
                ("A ReadIndex read", "一次 ReadIndex 读"),
                "§6.4",
                pick(
                    "The client reads x at n1 by ReadIndex. n1 has committed an entry of its term, \
                     so it records its commit index 2 as the read index and sends a heartbeat \
                     round tagged with the read. n2's echo makes a majority with n1: n1 was still \
                     leader when the read arrived. It has applied index 2, so it answers x = 1. \
                     Its log did not grow. The client panel shows the round trip.",
                    "The client reads x at n1 by ReadIndex. With the unsafe switch on, n1 does not \
                     wait for anyone: it answers x = 1 from its own state at once. Here that \
                     happens to be right — n1 really is the leader.",
                ),
                pick(
                    "客户端在 n1 上用 ReadIndex 读取 x。n1 已提交本任期的条目，于是把提交索引 2 记为读索引，并发出一轮带有该读请求标记的\
                     心跳。n2 的回应与 n1 一起构成多数派：读请求到达时 n1 仍是领导者。它已应用到索引 2，于是回答 x = 1。\
                     日志没有增长。客户端面板显示了这次往返。",
                    "客户端在 n1 上用 ReadIndex 读取 x。打开不安全开关后，n1 不等任何节点，直接按本地状态回答 x = 1。\
                     这次碰巧是对的——n1 确实是领导者。",
                ),
            )
            .ops([read_at(1), Op::RunUntil(Cond::OpSettled(2), 30)])
            .expect(Cond::All(vec![Cond::OpSettled(2), Cond::Not(Box::new(Cond::LogLen(1, 3)))])),
            Step::new(
                ("n1 is cut off; n2 writes x = 2", "n1 被隔离；n2 写入 x = 2"),
                "§5.2",
                "n1's links break. It does not know it: without CheckQuorum it stays leader of \
                 term 1. n2 times out, wins term 2 with n3's vote and commits put x 2.",
                "n1 的链路断了，但它并不知道：没有 CheckQuorum，它一直是任期 1 的领导者。n2 超时，凭 n3 的选票赢得任期 2，\
                 并提交了 put x 2。",
            )
            .ops([
                act(Action::Isolate(1)),
                act(Action::SetTimeout(2, 20)),
                act(Action::SetTimeout(3, 39)),
                Op::RunUntil(Cond::Role(2, RoleKey::Leader), 100),
                propose_to(2, "put x 2"),
                Op::RunUntil(Cond::OpSettled(3), 60),
            ])
            .expect(Cond::All(vec![
                Cond::Role(1, RoleKey::Leader),
                Cond::Role(2, RoleKey::Leader),
                Cond::OpSettled(3),
            ])),
            Step::new(
                ("Ask the old leader", "向旧领导者读"),
                "§6.4",
                pick(
                    "The client reads x at n1 again. n1 records its read index and sends its \
                     heartbeat round — which reaches nobody. Without a majority's echo it cannot \
                     know it is still leader, so it does not answer. Good: the true value is 2.",
                    "The client reads x at n1 again. Unsafe: n1 answers x = 1 from its own state, \
                     after x = 2 was committed and acknowledged. No order of these operations \
                     explains that answer: the linearizability checker turns the badge red.",
                ),
                pick(
                    "客户端再次在 n1 上读取 x。n1 记下读索引并发出一轮心跳——但谁也收不到。没有多数派的回应，它无法确定自己\
                     仍是领导者，所以不回答。这是对的：真实的值是 2。",
                    "客户端再次在 n1 上读取 x。不安全：n1 按本地状态回答 x = 1，而 x = 2 早已提交并确认。任何操作顺序都\
                     解释不了这个回答：线性一致性检查器把安全标记变成红色。",
                ),
            )
            .ops([read_at(1), Op::Run(30)])
            .expect(if stale {
                Cond::OpSettled(4)
            } else {
                Cond::Not(Box::new(Cond::OpSettled(4)))
            }),
            Step::new(
                ("The network heals", "网络恢复"),
                "§5.1",
                pick(
                    "The links heal. n1 hears term 2, steps down and gives up the read it could \
                     not confirm; the client may ask again and would get 2. Nothing stale was \
                     ever answered.",
                    "The links heal and n1 steps down, but the stale answer was already given: \
                     the badge stays red. ReadIndex's heartbeat round is exactly what prevents this.",
                ),
                pick(
                    "链路恢复了。n1 得知任期 2，下台并放弃了那个无法确认的读请求；客户端可以重试，会读到 2。从来没有回答过旧值。",
                    "链路恢复了，n1 下台，但旧值早已回答出去：安全标记仍是红色。ReadIndex 的那轮心跳正是为了防止这种情况。",
                ),
            )
            .ops([act(Action::Recover), Op::Run(40)])
            .expect(Cond::All(vec![
                Cond::Role(1, RoleKey::Follower),
                Cond::Role(2, RoleKey::Leader),
                Cond::OpSettled(4),
            ])),
        ],
    }
}
