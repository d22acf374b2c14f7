//! Scenario 17: leadership transfer (thesis §3.10). The leader catches a
//! lagging target up, sends TimeoutNow, and the target wins at once — past
//! PreVote and the leader lease; a transfer to a crashed node times out.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::{Action, RoleKey, SimConfig};

/// The scenario.
pub fn scenario() -> Scenario {
    let mut config = SimConfig {
        nodes: 3,
        seed: 33,
        ..SimConfig::default()
    };
    config.raft.pre_vote = true;
    config.raft.check_quorum = true;
    Scenario {
        id: "leader-transfer",
        title_en: "17. Leadership transfer",
        title_zh: "17. 领导权移交",
        config,
        steps: vec![
            Step::new(
                ("n1 leads; n3 falls behind", "n1 领导；n3 落后"),
                "§5.3",
                "Three servers with PreVote and CheckQuorum on. n1 is leader of term 1. The link \
                 n1→n3 breaks for a while, so put x 2 and put x 3 commit on n1 and n2 only: n3's \
                 log is behind.",
                "三个服务器，开启预投票和 CheckQuorum。n1 是任期 1 的领导者。n1→n3 的链路断了一阵，所以 put x 2 和 \
                 put x 3 只在 n1 和 n2 上提交：n3 的日志落后了。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                act(Action::CutOneWay(1, 3)),
                propose_to(1, "put x 2"),
                propose_to(1, "put x 3"),
                Op::RunUntil(Cond::Commit(2, 3), 60),
            ])
            .expect(Cond::All(vec![
                Cond::Role(1, RoleKey::Leader),
                Cond::Commit(1, 3),
                Cond::Not(Box::new(Cond::LogLen(3, 2))),
            ])),
            Step::new(
                ("Hand over to n3", "移交给 n3"),
                "§3.10",
                "The link is repaired and the teacher asks n1 to hand leadership to n3. n1 stops \
                 taking client commands, sends n3 the entries it lacks and, once n3's log matches, \
                 sends TimeoutNow (the TN pill). n3 campaigns at once for term 2, skipping PreVote; \
                 its RequestVote says it comes from a transfer, so n2 votes although it heard \
                 from n1 a moment ago (the lease would refuse an ordinary candidate).",
                "链路修复后，老师让 n1 把领导权移交给 n3。n1 停止接受客户端命令，把 n3 缺少的条目发给它，待 n3 的日志一致后，\
                 发送 TimeoutNow（TN 消息）。n3 立即为任期 2 发起选举，跳过预投票；它的 RequestVote 标明来自移交，所以 n2 \
                 虽然刚收到 n1 的消息也会投票（租约会拒绝普通的候选人）。",
            )
            .ops([
                act(Action::Connect(1, 3)),
                act(Action::TransferLeader(3)),
                Op::RunUntil(Cond::Role(3, RoleKey::Leader), 60),
                Op::Run(10),
            ])
            .expect(Cond::All(vec![
                Cond::Role(3, RoleKey::Leader),
                Cond::Term(3, 2),
                Cond::Commit(3, 4),
            ])),
            Step::new(
                ("Hand over to a crashed node", "移交给已崩溃的节点"),
                "§3.10",
                "n1 crashes, and now n3 is asked to hand over to it. TimeoutNow goes nowhere. n3 \
                 refuses commands for one election timeout, then gives up (the event log says \
                 so) and leads on.",
                "n1 崩溃了，现在让 n3 把领导权移交给它。TimeoutNow 无人接收。n3 在一个选举超时内拒绝命令，然后放弃移交\
                 （事件日志写明了原因），继续担任领导者。",
            )
            .ops([
                act(Action::Crash(1)),
                act(Action::TransferLeader(1)),
                Op::Run(25),
            ])
            .expect(Cond::All(vec![
                Cond::Role(3, RoleKey::Leader),
                Cond::Role(1, RoleKey::Crashed),
            ])),
            Step::new(
                ("n1 comes back", "n1 回来了"),
                "§5.3",
                "n1 restarts as a follower, learns term 2 from n3's heartbeat and catches up. A \
                 command works again: put x 4 commits under n3.",
                "n1 以跟随者身份重启，从 n3 的心跳得知任期 2 并追上日志。命令又可以执行了：put x 4 在 n3 领导下提交。",
            )
            .ops([
                act(Action::Restart(1)),
                propose_to(3, "put x 4"),
                Op::Run(40),
            ])
            .expect(Cond::All(vec![
                Cond::Role(3, RoleKey::Leader),
                Cond::Role(1, RoleKey::Follower),
                Cond::Commit(1, 5),
            ])),
        ],
    }
}
