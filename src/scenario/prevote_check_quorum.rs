//! Scenario 9c/9d: why etcd recommends PreVote *together with* CheckQuorum.
//! etcd's PreVote grants on term and log alone (etcd 3.4 `raft.go`,
//! MsgPreVote); ignoring candidates while a leader is heard from is the
//! leader lease of CheckQuorum (thesis §4.2.3, §6.2). A node that rejoins
//! with an up-to-date log passes the pre-vote and deposes a healthy leader —
//! unless CheckQuorum's lease is on too. One script, two configurations.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::raft::PreVoteMode;
use crate::sim::{Action, RoleKey, SimConfig};

/// The scenario with etcd's PreVote alone, or with PreVote and CheckQuorum.
pub fn scenario(check_quorum: bool) -> Scenario {
    let mut config = SimConfig {
        nodes: 3,
        seed: 21,
        ..SimConfig::default()
    };
    config.raft.pre_vote = true;
    config.raft.pre_vote_mode = PreVoteMode::Etcd;
    config.raft.check_quorum = check_quorum;
    let pick = |alone: &'static str, both: &'static str| if check_quorum { both } else { alone };
    Scenario {
        id: pick("prevote-alone", "prevote-check-quorum"),
        title_en: pick(
            "9c. etcd PreVote alone: an up-to-date node disrupts",
            "9d. etcd PreVote + CheckQuorum: no disruption",
        ),
        title_zh: pick(
            "9c. 仅 etcd 预投票：日志最新的节点造成干扰",
            "9d. etcd 预投票 + CheckQuorum：不再干扰",
        ),
        config,
        steps: vec![
            Step::new(
                ("n1 leads, put x 1 committed", "n1 领导，put x 1 已提交"),
                "§9.6",
                pick(
                    "Three servers with etcd's PreVote on and CheckQuorum off. In etcd a pre-vote \
                     is granted on term and log alone: would the candidate win? n1 is leader of \
                     term 1 and put x 1 is committed everywhere.",
                    "The same three servers with etcd's PreVote and CheckQuorum both on, as etcd \
                     recommends. n1 is leader of term 1 and put x 1 is committed everywhere.",
                ),
                pick(
                    "三个服务器，开启 etcd 的预投票、关闭 CheckQuorum。在 etcd 中，预投票只看任期和日志：候选人能不能赢？\
                     n1 是任期 1 的领导者，put x 1 已在所有节点提交。",
                    "同样的三个服务器，按 etcd 的建议同时开启 etcd 预投票和 CheckQuorum。n1 是任期 1 的领导者，\
                     put x 1 已在所有节点提交。",
                ),
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                Op::RunUntil(Cond::All((2..=3).map(|n| Cond::Commit(n, 2)).collect()), 60),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Commit(3, 2)])),
            Step::new(
                ("n3 is cut off", "n3 被隔离"),
                "§9.6",
                "n3's links break. It hears no heartbeat, so each election timeout it becomes a \
                 pre-candidate and asks for pre-votes for term 2 without raising its own term. \
                 Nobody hears it. No client writes arrive meanwhile, so n3's log stays exactly as \
                 up to date as the others'.",
                "n3 的链路断了。它收不到心跳，所以每次选举超时都成为预候选人，为任期 2 请求预投票，但不增加自己的任期。\
                 没有节点听得到它。这期间没有客户端写入，所以 n3 的日志和其他节点一样新。",
            )
            .ops([act(Action::Isolate(3)), Op::Run(80)])
            .expect(Cond::All(vec![
                Cond::Role(3, RoleKey::PreCandidate),
                Cond::Not(Box::new(Cond::Term(3, 2))),
                Cond::Role(1, RoleKey::Leader),
            ])),
            Step::new(
                ("n3 rejoins; its timer fires", "n3 重新连通；它的定时器到期"),
                pick("§9.6", "§4.2.3"),
                pick(
                    "The links heal — all but n1→n3, which comes back a few ticks later — and \
                     n3's timer runs out before any heartbeat of n1 reaches it. Its pre-vote for \
                     term 2 arrives with a log as good as anyone's, \
                     so n2 grants it — and so does the leader n1 itself: etcd's pre-vote asks \
                     nothing else. n3 wins the pre-vote, becomes a real candidate of term 2, and \
                     its RequestVote makes the healthy leader n1 step down (§5.1). n3 wins term 2. \
                     Nothing was wrong with n1, yet the cluster had an election.",
                    "The links heal — all but n1→n3, which comes back a few ticks later — and \
                     n3's timer runs out before any heartbeat of n1 reaches it. Its pre-vote \
                     arrives with an up-to-date log, but CheckQuorum's \
                     lease (thesis §4.2.3) refuses it: n2 heard from leader n1 within the \
                     election timeout, and n1 is the leader. n3 does not win the pre-vote, never \
                     raises its term, and follows n1 once n1→n3 is back and a heartbeat arrives. n1 \
                     stays leader of term 1.",
                ),
                pick(
                    "链路恢复了——只有 n1→n3 要晚几个时钟周期才恢复——n3 的定时器在收到 n1 的任何心跳之前就到期了。它为任期 2 发出的预投票带着和别人一样新的日志，\
                     所以 n2 同意了——领导者 n1 自己也同意了：etcd 的预投票不问别的。n3 赢得预投票，成为任期 2 的真正候选人，\
                     它的 RequestVote 使健康的领导者 n1 下台（§5.1）。n3 赢得任期 2。n1 毫无问题，集群却经历了一次选举。",
                    "链路恢复了——只有 n1→n3 要晚几个时钟周期才恢复——n3 的定时器在收到 n1 的任何心跳之前就到期了。它的预投票带着最新的日志，但 CheckQuorum 的\
                     租约（博士论文 §4.2.3）拒绝了它：n2 在选举超时内收到过领导者 n1 的消息，而 n1 本身就是领导者。n3 没有赢得预投票，\
                     从未增加任期，等 n1→n3 恢复、心跳一到就追随 n1。n1 继续担任任期 1 的领导者。",
                ),
            )
            .ops([
                act(Action::Connect(2, 3)),
                act(Action::ConnectOneWay(3, 1)),
                act(Action::Campaign(3)),
                Op::Run(20),
            ])
            .expect(if check_quorum {
                Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Role(3, RoleKey::PreCandidate)])
            } else {
                Cond::All(vec![Cond::Role(3, RoleKey::Leader), Cond::Role(1, RoleKey::Follower)])
            }),
            Step::new(
                ("n1→n3 is back", "n1→n3 恢复"),
                pick("§5.1", "§6.2"),
                pick(
                    "The last link comes back. n1 is now a follower of term 2 under n3: the \
                     cluster replaced a healthy leader for nothing. That is why etcd recommends \
                     turning on CheckQuorum together with PreVote (compare scenario 9d).",
                    "The last link comes back. n3 receives n1's heartbeat of term 1 and follows \
                     it; its term never moved. PreVote stopped the term from inflating, and \
                     CheckQuorum's lease stopped an up-to-date node from winning a pointless \
                     election: the pair etcd recommends.",
                ),
                pick(
                    "最后一条链路也恢复了。n1 现在是 n3 领导下任期 2 的跟随者：集群无缘无故换掉了一个健康的领导者。\
                     这就是 etcd 建议把 CheckQuorum 与预投票一起开启的原因（对比场景 9d）。",
                    "最后一条链路也恢复了。n3 收到 n1 任期 1 的心跳并追随它；它的任期从未改变。预投票防止了任期膨胀，\
                     CheckQuorum 的租约则阻止了日志最新的节点赢得一次毫无意义的选举：这正是 etcd 推荐的组合。",
                ),
            )
            .ops([act(Action::Recover), Op::Run(30)])
            .expect(if check_quorum {
                Cond::All(vec![
                    Cond::Role(1, RoleKey::Leader),
                    Cond::Role(3, RoleKey::Follower),
                    Cond::Not(Box::new(Cond::Term(1, 2))),
                ])
            } else {
                Cond::All(vec![
                    Cond::Role(3, RoleKey::Leader),
                    Cond::Role(1, RoleKey::Follower),
                    Cond::Term(1, 2),
                ])
            }),
        ],
    }
}
