//! Scenarios: joint consensus step by step (thesis §4.3), and the unsafe
//! one-step change that splits the cluster into two majorities (paper
//! Figure 10).

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::raft::UnsafeSwitch;
use crate::sim::{Action, RoleKey, SimConfig};

/// Three voters and two caught-up learners n4, n5 (shared first steps).
fn with_learners(unsafe_one_step: bool) -> Vec<Step> {
    let (en, zh) = if unsafe_one_step {
        (
            "The unsafe switch one-step-membership-change is on. n1 leads voters {n1, n2, n3}; \
             two new servers, n4 and n5, joined as learners and caught up.",
            "不安全开关 one-step-membership-change 已打开。n1 领导投票成员 {n1, n2, n3}；\
             两台新服务器 n4、n5 以学习者身份加入并追上了日志。",
        )
    } else {
        (
            "n1 leads voters {n1, n2, n3}. Two new servers, n4 and n5, joined as learners (one \
             change at a time) and caught up: they hold the whole log but count in no majority.",
            "n1 领导投票成员 {n1, n2, n3}。两台新服务器 n4、n5 以学习者身份加入（一次一个变更）并追上了日志：\
             它们持有完整日志，但不计入任何多数派。",
        )
    };
    let lead = Step::new(
        ("n1 leads three voters", "n1 领导三个投票成员"),
        "§5.2",
        "n1 wins the election of term 1 among voters {n1, n2, n3} and commits put x 1.",
        "n1 在投票成员 {n1, n2, n3} 中赢得任期 1 的选举，并提交了 put x 1。",
    )
    .ops([
        act(Action::SetTimeout(1, 10)),
        Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
        propose_to(1, "put x 1"),
        Op::RunUntil(Cond::Commit(3, 2), 60),
    ])
    .expect(Cond::All(vec![
        Cond::Role(1, RoleKey::Leader),
        Cond::Commit(3, 2),
    ]));
    vec![
        lead,
        Step::new(
            ("Two learners catch up", "两个学习者追上日志"),
            "§4.2.1",
            en,
            zh,
        )
        .ops([
            act(Action::AddServer),
            Op::RunUntil(
                Cond::All(vec![Cond::ConfigSettled(1), Cond::Commit(4, 3)]),
                120,
            ),
            act(Action::AddServer),
            Op::RunUntil(
                Cond::All(vec![
                    Cond::ConfigSettled(1),
                    Cond::Commit(5, 4),
                    Cond::Commit(4, 4),
                ]),
                120,
            ),
        ])
        .expect(Cond::All(vec![
            Cond::Learner(4),
            Cond::Learner(5),
            Cond::Commit(5, 4),
        ])),
    ]
}

/// Joint consensus, step by step.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 13,
        ..SimConfig::default()
    };
    let mut steps = with_learners(false);
    steps.extend([
        Step::new(
            ("Enter C_old,new", "进入 C_old,new"),
            "§4.3",
            "The leader changes the voters from C_old = {n1, n2, n3} to C_new = {n3, n4, n5}: two \
             servers in, two out. It does not jump: it appends the joint configuration C_old,new. \
             From now on every election and every commit needs a majority of C_old AND a majority \
             of C_new. The panel shows both halves. We cut n1 off from n2 and n3 first: n1, n4 and n5 \
             are a majority of C_new, but n1 alone is not a majority of C_old, so nothing commits.",
            "领导者把投票成员从 C_old = {n1, n2, n3} 改为 C_new = {n3, n4, n5}：进两个、出两个。它不直接跳过去，\
             而是先追加联合配置 C_old,new。从此每次选举、每次提交都需要 C_old 的多数派并且 C_new 的多数派。\
             配置面板显示两半。我们先切断 n1 与 n2、n3 的联系：n1、n4、n5 是 C_new 的多数派，但 n1 一个不是 C_old 的多数派，\
             所以什么都提交不了。",
        )
        .ops([
            act(Action::SetTimeout(2, 400)),
            act(Action::SetTimeout(3, 400)),
            act(Action::Cut(1, 2)),
            act(Action::Cut(1, 3)),
            act(Action::ChangeVoters(vec![3, 4, 5])),
            Op::Run(20),
        ])
        .expect(Cond::All(vec![
            Cond::Not(Box::new(Cond::ConfigSettled(1))),
            Cond::Commit(4, 4),
        ])),
        Step::new(
            ("C_old,new commits; C_new follows", "C_old,new 提交；随后是 C_new"),
            "§4.3",
            "The links heal: n2 and n3 receive the joint entry, and with n1 that is a majority of \
             C_old as well. C_old,new commits. The leader then appends C_new = {n3, n4, n5} by \
             itself (the leave-joint entry), which needs only C_new's majority.",
            "链路恢复：n2、n3 收到联合配置条目，加上 n1 也构成了 C_old 的多数派。C_old,new 提交。\
             随后领导者自动追加 C_new = {n3, n4, n5}（离开联合共识的条目），它只需要 C_new 的多数派。",
        )
        .ops([
            act(Action::Recover),
            Op::RunUntil(Cond::Commit(4, 6), 120),
        ])
        .expect(Cond::All(vec![Cond::Commit(4, 6), Cond::Voter(5)])),
        Step::new(
            ("n1 steps down; C_new elects", "n1 退位；C_new 选举"),
            "§4.2.2",
            "n1 is not in C_new, so once C_new commits it steps down. n2 is out too and never \
             campaigns. One of n3, n4, n5 times out and wins with a majority of C_new alone.",
            "n1 不在 C_new 中，C_new 提交后它就退位。n2 也被移出了，从不发起选举。n3、n4、n5 中的一个超时，\
             只凭 C_new 的多数派就赢得选举。",
        )
        .ops([
            Op::RunUntil(Cond::Role(1, RoleKey::Follower), 60),
            act(Action::SetTimeout(4, 5)),
            Op::RunUntil(Cond::Role(4, RoleKey::Leader), 150),
            Op::Run(10),
        ])
        .expect(Cond::All(vec![Cond::Role(4, RoleKey::Leader), Cond::Role(1, RoleKey::Follower)])),
    ]);
    Scenario {
        id: "joint-consensus",
        title_en: "Membership 3. Joint consensus step by step",
        title_zh: "成员变更 3. 一步步看联合共识",
        config,
        steps,
    }
}

/// The unsafe one-step change: two leaders in one term (paper Figure 10).
pub fn unsafe_scenario() -> Scenario {
    let mut config = SimConfig {
        nodes: 3,
        seed: 14,
        ..SimConfig::default()
    };
    config.raft.unsafe_switches = vec![UnsafeSwitch::OneStepMembershipChange];
    let mut steps = with_learners(true);
    steps.extend([
        Step::new(
            ("Split, then change in one step", "分区，然后一步变更"),
            "§4.3, Figure 10",
            "The network splits into {n1, n4, n5} and {n2, n3}. The leader n1 changes the voters to \
             all five in ONE step, without joint consensus. n4 and n5 receive the new configuration \
             and use it; n2 and n3 never see it and still use C_old = {n1, n2, n3}.",
            "网络分裂为 {n1, n4, n5} 和 {n2, n3}。领导者 n1 一步把投票成员改为全部五个，不经联合共识。\
             n4、n5 收到并使用新配置；n2、n3 从没见到它，仍然使用 C_old = {n1, n2, n3}。",
        )
        .ops([
            act(Action::Partition(vec![vec![1, 4, 5], vec![2, 3]])),
            act(Action::ChangeVoters(vec![1, 2, 3, 4, 5])),
            Op::Run(10),
        ])
        .expect(Cond::All(vec![Cond::Voter(4), Cond::Voter(5)])),
        Step::new(
            ("Two majorities, two leaders", "两个多数派，两个领导者"),
            "§4.3, Figure 10",
            "n2 times out: under C_old, n2 and n3 are 2 of 3, a majority, so n2 is elected for \
             term 2. n4 times out: under C_new, n1, n4 and n5 are 3 of 5, a majority, so n4 is \
             elected for term 2 too. Two leaders in one term: Election Safety is broken and the \
             safety badge turns red. n2 also lacks the configuration entry that C_new's majority \
             committed, and applies its own entry at that index: Leader Completeness and State Machine Safety break as well. Joint consensus forbids this: C_old,new would make n4 need a \
             majority of C_old as well.",
            "n2 超时：在 C_old 下，n2、n3 是 3 个中的 2 个，构成多数派，n2 当选任期 2 的领导者。n4 超时：在 C_new 下，\
             n1、n4、n5 是 5 个中的 3 个，也构成多数派，n4 也当选任期 2 的领导者。同一任期两个领导者：选举安全性被破坏，\
             安全徽章变红。n2 还缺少 C_new 的多数派已提交的配置条目：并在该索引处应用了自己的条目：领导者完整性和状态机安全性也被破坏了。联合共识禁止这种情况：在 C_old,new 下 n4 还需要 C_old 的多数派。",
        )
        .ops([
            act(Action::Campaign(2)),
            Op::RunUntil(Cond::Role(2, RoleKey::Leader), 40),
            act(Action::Campaign(4)),
            Op::RunUntil(Cond::Role(4, RoleKey::Leader), 40),
        ])
        .expect(Cond::All(vec![
            Cond::Role(2, RoleKey::Leader),
            Cond::Role(4, RoleKey::Leader),
            Cond::Violation,
        ])),
    ]);
    Scenario {
        id: "one-step-change",
        title_en: "Membership 4. Unsafe: a one-step change splits the cluster",
        title_zh: "成员变更 4. 不安全：一步变更导致集群分裂",
        config,
        steps,
    }
}
