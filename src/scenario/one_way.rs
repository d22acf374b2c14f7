//! Scenario 10: A one-way link: the leader can send but hears nothing back;
//! CheckQuorum makes it step down (thesis §6.2).

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig};

/// The scenario.
pub fn scenario() -> Scenario {
    let mut config = SimConfig {
        nodes: 3,
        seed: 12,
        ..SimConfig::default()
    };
    config.raft.check_quorum = true;
    Scenario {
        id: "one-way-link",
        title_en: "10. One-way link and CheckQuorum",
        title_zh: "10. 单向链路与 CheckQuorum",
        config,
        steps: vec![
            Step::new(
                ("n1 leads, CheckQuorum on", "n1 领导，开启 CheckQuorum"),
                "§6.2",
                "Three servers with CheckQuorum switched on (thesis §6.2): a leader that has not \
                 heard from a majority within an election timeout steps down. n1 is leader of term \
                 1 and put x 1 is committed everywhere.",
                "三个服务器，开启 CheckQuorum（博士论文 §6.2）：如果领导者在一个选举超时内没有收到多数派的消息，\
                 它就主动下台。n1 是任期 1 的领导者，put x 1 已在所有节点提交。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                Op::RunUntil(Cond::All((2..=3).map(|n| Cond::Commit(n, 2)).collect()), 60),
            ])
            .expect(Cond::Role(1, RoleKey::Leader)),
            Step::new(
                ("Replies to n1 are lost", "发往 n1 的应答丢失"),
                "§5.3",
                "A strange failure from the notes' Q&A: the links n2→n1 and n3→n1 break, but n1→n2 \
                 and n1→n3 still work. n1 keeps sending heartbeats, so n2 and n3 never time out. A \
                 client sends put x 2: n2 and n3 store it and answer, but the answers never arrive, \
                 so n1 cannot commit. Without CheckQuorum this could last forever: a leader that \
                 suppresses elections and commits nothing.",
                "笔记问答中提到的一种奇怪故障：n2→n1 和 n3→n1 的链路断了，但 n1→n2 和 n1→n3 仍然正常。n1 继续发送\
                 心跳，所以 n2 和 n3 永远不会超时。客户端发送 put x 2：n2 和 n3 保存了它并应答，但应答永远到不了，\
                 所以 n1 无法提交。如果没有 CheckQuorum，这种状态可能永远持续：一个压制了选举、却什么也提交不了的\
                 领导者。",
            )
            .ops([
                act(Action::CutOneWay(2, 1)),
                act(Action::CutOneWay(3, 1)),
                propose_to(1, "put x 2"),
                Op::Run(10),
            ])
            .expect(Cond::All(vec![
                Cond::Role(1, RoleKey::Leader),
                Cond::LogLen(2, 3),
                Cond::Not(Box::new(Cond::Commit(1, 3))),
            ])),
            Step::new(
                ("CheckQuorum: n1 steps down", "CheckQuorum：n1 下台"),
                "§6.2",
                "An election timeout after its last answer, n1 checks whom it heard from: only \
                 itself, 1 of 3. It is not in touch with a majority, so it steps down to follower \
                 (the event log names the reason) and stops sending heartbeats.",
                "距离最后一次收到应答过了一个选举超时，n1 检查自己收到过谁的消息：只有它自己，3 个中的 1 个。\
                 它与多数派失去了联系，于是退回跟随者（事件日志中写明了原因），并停止发送心跳。",
            )
            .ops([Op::RunUntil(Cond::Role(1, RoleKey::Follower), 100)])
            .expect(Cond::Role(1, RoleKey::Follower)),
            Step::new(
                ("n2 and n3 elect a leader", "n2 和 n3 选出领导者"),
                "§5.2",
                "With no more heartbeats, n3's timer runs out; it campaigns in term 2 and n2, whose \
                 lease on n1 has run out too, votes for it. n3 appends its no-op and commits it together with put x 2, which was \
                 already stored on n2 and n3 (§5.4.2). n1 hears nothing of this: both links towards \
                 it are still broken.",
                "没有了心跳，n3 的定时器超时；它在任期 2 发起选举，n2 对 n1 的租约也已到期，于是投票给它。n3 追加空操作条目，并与之一起提交\
                 了 put x 2——这个条目早已保存在 n2 和 n3 上（§5.4.2）。n1 对此一无所知：通往它的两条链路\
                 仍然是断开的。",
            )
            .ops([
                Op::RunUntil(Cond::Quiet, 10), // n1's last heartbeats land
                act(Action::SetTimeout(1, 60)),
                act(Action::SetTimeout(2, 39)),
                act(Action::SetTimeout(3, 20)),
                Op::RunUntil(Cond::Role(3, RoleKey::Leader), 100),
                Op::Run(10),
            ])
            .expect(Cond::All(vec![Cond::Role(3, RoleKey::Leader), Cond::Commit(3, 4)])),
            Step::new(
                ("Links repaired", "链路修复"),
                "§5.3",
                "The links are repaired. n1 receives n3's heartbeat of term 2, follows n3 and \
                 catches up. Even the client's put x 2 that n1 had accepted is committed and \
                 answered: the entry was never lost.",
                "链路修复了。n1 收到 n3 任期 2 的心跳，开始追随 n3 并追上日志。就连 n1 当初接受的客户端请求 \
                 put x 2 也被提交并得到应答：这个条目从未丢失。",
            )
            .ops([act(Action::Recover), Op::Run(40)])
            .expect(Cond::All(vec![Cond::Role(3, RoleKey::Leader), Cond::Commit(1, 4)])),
        ],
    }
}
