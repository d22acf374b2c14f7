//! Scenario 9: PreVote (thesis §9.6; etcd 3.4's PreCandidate): a node that was cut off
//! rejoins. Without PreVote its inflated term deposes a healthy leader; with
//! PreVote it does not. One script, two configurations.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig};

/// The scenario, without or with PreVote.
pub fn scenario(pre_vote: bool) -> Scenario {
    let mut config = SimConfig {
        nodes: 3,
        seed: 10,
        ..SimConfig::default()
    };
    config.raft.pre_vote = pre_vote;
    let pick = |off: &'static str, on: &'static str| if pre_vote { on } else { off };
    Scenario {
        id: pick("prevote-off", "prevote-on"),
        title_en: pick("9a. Rejoining without PreVote", "9b. Rejoining with PreVote"),
        title_zh: pick("9a. 未开启预投票时重新加入", "9b. 开启预投票后重新加入"),
        config,
        steps: vec![
            Step::new(
                ("A is leader", "A 是领导者"),
                "§5.2",
                pick(
                    "The special case of the course notes, with PreVote off (etcd's default before \
                     3.4). Three servers A, B and C; A is leader of term 1 and put x 1 \
                     is committed everywhere.",
                    "The special case of the course notes, now with PreVote on (etcd 3.4's \
                     PreCandidate state). Three servers A, B and C; A is leader of term \
                     1 and put x 1 is committed everywhere.",
                ),
                pick(
                    "课程笔记中的特殊情况，这次关闭预投票（etcd 3.4 之前的默认行为）。三个服务器 A、B、\
                     C；A 是任期 1 的领导者，put x 1 已在所有节点提交。",
                    "课程笔记中的特殊情况，这次开启预投票（etcd 3.4 的 PreCandidate 状态）。三个服务器 A、\
                     B、C；A 是任期 1 的领导者，put x 1 已在所有节点提交。",
                ),
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                Op::RunUntil(Cond::All((2..=3).map(|n| Cond::Commit(n, 2)).collect()), 60),
            ])
            .expect(Cond::Role(1, RoleKey::Leader)),
            Step::new(
                ("A crashes; B leads term 2", "A 崩溃；B 领导任期 2"),
                "§5.2",
                "A crashes. B times out first (pinned), wins term 2 with C's vote and commits put \
                 hello world with C. A's log is now behind.",
                "A 崩溃。B 最先超时（由我们固定），凭借 C 的选票赢得任期 2，并与 C 一起提交了 put hello world。\
                 A 的日志现在落后了。",
            )
            .ops([
                act(Action::Crash(1)),
                act(Action::SetTimeout(2, 20)),
                act(Action::SetTimeout(3, 38)),
                Op::RunUntil(Cond::Role(2, RoleKey::Leader), 100),
                propose_to(2, "put hello world"),
                Op::RunUntil(Cond::Commit(3, 4), 60),
            ])
            .expect(Cond::All(vec![Cond::Role(2, RoleKey::Leader), Cond::Commit(3, 4)])),
            Step::new(
                ("A restarts, cut off", "A 重启，但网络不通"),
                pick("§5.2", "§9.6"),
                pick(
                    "A restarts as a follower, but its network is down: it reaches neither B nor C. \
                     It hears no heartbeat, so every election timeout it becomes a candidate again, \
                     incrementing its term each time. After 12 simulated seconds A is at term 5, \
                     while the healthy cluster is still in term 2.",
                    "A restarts as a follower, but its network is down. With PreVote, when its timer \
                     runs out it first becomes a pre-candidate: it asks for pre-votes for term 2 \
                     without incrementing its own term (thesis §9.6). Nobody answers, so it tries \
                     again and again — and its term stays at 1.",
                ),
                pick(
                    "A 以跟随者身份重启，但网络不通：它既连不上 B 也连不上 C。它收不到心跳，所以每次选举超时都会\
                     再次成为候选人，任期也随之加一。12 秒模拟时间之后，A 的任期已经是 5，而健康的集群仍处于任期 2。",
                    "A 以跟随者身份重启，但网络不通。开启预投票后，它的定时器超时时先成为预候选人：它为任期 2 请求\
                     预投票，但不增加自己的任期（博士论文 §9.6）。没有节点应答，它一次又一次地尝试——而它的任期始终是 1。",
                ),
            )
            .ops([
                act(Action::Isolate(1)),
                act(Action::Restart(1)),
                Op::Run(120),
            ])
            .expect(if pre_vote {
                Cond::All(vec![
                    Cond::Role(1, RoleKey::PreCandidate),
                    Cond::Not(Box::new(Cond::Term(1, 2))),
                ])
            } else {
                Cond::All(vec![Cond::Role(1, RoleKey::Candidate), Cond::Term(1, 5)])
            }),
            Step::new(
                ("The network heals", "网络恢复"),
                pick("§5.1", "§9.6"),
                pick(
                    "The network heals. A's messages carry term 5, higher than everyone's, and a \
                     server that sees a higher term adopts it and becomes a follower (§5.1): the \
                     healthy leader B steps down. A cannot win, its log is behind (§5.4.1), so the \
                     cluster is without leader until C wins a new election in term 7. A useless \
                     election, exactly the harm the notes describe.",
                    "The network heals. A's pre-vote requests reach B and C, which refuse them: \
                     A's log is behind theirs (§5.4.1) — in etcd's PreVote, the default here, term \
                     and log are the only grounds. Since a pre-vote never changes anyone's term, B \
                     stays leader in term 2. A receives B's heartbeat, becomes a follower of term 2 \
                     and catches up. No disruption. (Had A's log been up to date, etcd's PreVote \
                     alone would have let it through: scenario 9c.)",
                ),
                pick(
                    "网络恢复了。A 的消息带着任期 5，比所有节点都大，而看到更大任期的节点会采用它并成为跟随者（§5.1）：\
                     健康的领导者 B 下台了。A 的日志落后，无法获胜（§5.4.1），所以集群在一段时间内没有领导者，直到 \
                     C 在任期 7 赢得新的选举。这是一次无效的选举，正是笔记中描述的危害。",
                    "网络恢复了。A 的预投票请求到达 B 和 C，它们都拒绝了：A 的日志比它们的旧（§5.4.1）——在这里默认的 \
                     etcd 预投票中，任期和日志是仅有的两个判断依据。预投票从不改变任何节点的任期，所以 B 继续在任期 2 \
                     担任领导者。A 收到 B 的心跳，成为任期 2 的跟随者并追上日志。集群没有受到干扰。（如果 A 的日志是最新\
                     的，仅靠 etcd 的预投票拦不住它：见场景 9c。）",
                ),
            )
            .ops([act(Action::Recover), Op::Run(80)])
            .expect(if pre_vote {
                Cond::All(vec![Cond::Role(2, RoleKey::Leader), Cond::Role(1, RoleKey::Follower)])
            } else {
                Cond::All(vec![Cond::Role(3, RoleKey::Leader), Cond::Term(2, 7)])
            }),
        ],
    }
}
