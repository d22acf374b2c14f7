//! Scenario: adding a server (thesis §4.2.1): it joins as a learner with an
//! empty log, catches up without counting in any majority, and is promoted
//! to voter once it holds the log.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::{Action, RoleKey, SimConfig};

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 11,
        ..SimConfig::default()
    };
    Scenario {
        id: "add-server",
        title_en: "Membership 1. Adding a server",
        title_zh: "成员变更 1. 添加服务器",
        config,
        steps: vec![
            Step::new(
                ("Three voters, some history", "三个投票成员，已有日志"),
                "§5.3",
                "n1 leads a cluster of three voters, n1 to n3, and has committed two client writes. \
                 The configuration panel shows voters {n1, n2, n3}: every decision needs 2 of them.",
                "n1 领导由 n1 到 n3 三个投票成员组成的集群，已经提交了两次客户端写入。\
                 配置面板显示投票成员 {n1, n2, n3}：每个决定都需要其中 2 个同意。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                propose_to(1, "put y 2"),
                Op::RunUntil(Cond::All(vec![Cond::Commit(2, 3), Cond::Commit(3, 3)]), 80),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Commit(3, 3)])),
            Step::new(
                ("n4 joins as a learner", "n4 以学习者身份加入"),
                "§4.2.1",
                "A new server n4 starts with an empty log and no configuration. The leader appends a \
                 configuration entry that adds n4 as a learner, and uses it at once, before it commits \
                 (thesis §4.1). A learner receives the log but counts in no majority and never \
                 campaigns, so the cluster stays as available as before while n4 is far behind. \
                 n4 is drawn as a purple square.",
                "新服务器 n4 以空日志、无配置启动。领导者追加一条把 n4 加为学习者的配置条目，并且不等提交就立即使用它\
                 （博士论文 §4.1）。学习者接收日志，但不计入任何多数派，也从不发起选举，所以 n4 远远落后时集群的可用性不受影响。\
                 n4 画成紫色方块。",
            )
            .ops([act(Action::AddServer), Op::Run(2)])
            .expect(Cond::Not(Box::new(Cond::ConfigSettled(1)))),
            Step::new(
                ("n4 catches up", "n4 追上日志"),
                "§5.3",
                "n4 rejects the first AppendEntries (it has nothing at that index), the leader backs \
                 up nextIndex and sends the whole log. n4 now holds and applies every entry, the \
                 configuration entry included; the entry committed with n1, n2 and n3 alone.",
                "n4 拒绝第一条日志追加请求（它在那个索引处什么都没有），领导者回退 nextIndex 并发送整个日志。\
                 现在 n4 持有并应用了所有条目，包括这条配置条目；这条配置只靠 n1、n2、n3 就提交了。",
            )
            .ops([Op::RunUntil(
                Cond::All(vec![Cond::Commit(4, 4), Cond::ConfigSettled(1)]),
                120,
            )])
            .expect(Cond::All(vec![Cond::Learner(4), Cond::Commit(4, 4)])),
            Step::new(
                ("Promote n4 to voter", "把 n4 提升为投票成员"),
                "§4.2.2",
                "Caught up, n4 is promoted: a single-server change from 3 to 4 voters. Any majority \
                 of the old three and any majority of the new four overlap, so no joint consensus is \
                 needed. Once the entry commits, decisions need 3 of 4.",
                "追上日志后，n4 被提升：从 3 个投票成员变为 4 个的单服务器变更。旧的三个成员的任何多数派和新的四个成员的\
                 任何多数派都相交，因此不需要联合共识。这条配置提交后，每个决定需要 4 个中的 3 个。",
            )
            .ops([
                act(Action::Promote(4)),
                Op::RunUntil(
                    Cond::All(vec![Cond::ConfigSettled(1), Cond::Commit(4, 5)]),
                    120,
                ),
            ])
            .expect(Cond::All(vec![Cond::Voter(4), Cond::Commit(4, 5)])),
        ],
    }
}
