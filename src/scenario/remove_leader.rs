//! Scenario: removing the leader (thesis §4.2.2): it keeps managing the
//! cluster until the configuration without it commits, not counting itself,
//! then steps down; the remaining servers elect a leader.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::{Action, RoleKey, SimConfig};

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 12,
        ..SimConfig::default()
    };
    Scenario {
        id: "remove-leader",
        title_en: "Membership 2. Removing the leader",
        title_zh: "成员变更 2. 移除领导者",
        config,
        steps: vec![
            Step::new(
                ("n1 leads three voters", "n1 领导三个投票成员"),
                "§5.2",
                "n1 is leader of term 1 in a cluster of three voters and has committed put x 1.",
                "n1 是三个投票成员集群中任期 1 的领导者，已经提交了 put x 1。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                Op::RunUntil(Cond::All(vec![Cond::Commit(2, 2), Cond::Commit(3, 2)]), 80),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Commit(3, 2)])),
            Step::new(
                ("Remove n1: C_new = {n2, n3}", "移除 n1：C_new = {n2, n3}"),
                "§4.2.2",
                "The leader appends C_new = {n2, n3}, a configuration without itself, and uses it at \
                 once. It still replicates and answers clients, but it no longer counts itself: the \
                 entry commits only once n2 and n3 both hold it.",
                "领导者追加不包含自己的配置 C_new = {n2, n3}，并立即使用。它仍然复制日志、响应客户端，\
                 但不再把自己计入多数派：只有 n2 和 n3 都持有这条条目后它才提交。",
            )
            .ops([act(Action::RemoveServer(1)), Op::Run(1)])
            .expect(Cond::Not(Box::new(Cond::Voter(1)))),
            Step::new(
                ("C_new commits; n1 steps down", "C_new 提交；n1 退位"),
                "§4.2.2",
                "n2 and n3 acknowledged the entry: C_new is committed. A leader that is not part of \
                 C_new steps down now, after telling the others the new commit index. n1 stays a \
                 follower: its election timer fires, but it is not a voter, so it does not campaign.",
                "n2 和 n3 确认了这条条目：C_new 已提交。不属于 C_new 的领导者此时退位，退位前把新的提交索引告诉其他节点。\
                 n1 保持跟随者身份：它的选举计时器到期，但它不是投票成员，因此不发起选举。",
            )
            .ops([Op::RunUntil(
                Cond::All(vec![Cond::Role(1, RoleKey::Follower), Cond::Commit(2, 3)]),
                80,
            )])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Follower), Cond::Commit(2, 3)])),
            Step::new(
                ("n2 and n3 elect a leader", "n2 和 n3 选出领导者"),
                "§5.2",
                "Without heartbeats, n2 or n3 times out and wins with the other's vote: 2 of C_new's \
                 2 voters. The new leader serves put y 2; n1 is no longer asked.",
                "没有了心跳，n2 或 n3 超时并凭另一个节点的投票获胜：C_new 的 2 个投票成员中的 2 个。\
                 新领导者处理 put y 2；不再向 n1 复制。",
            )
            .ops([
                act(Action::SetTimeout(2, 5)),
                Op::RunUntil(Cond::Role(2, RoleKey::Leader), 120),
                propose_to(2, "put y 2"),
                Op::RunUntil(Cond::Commit(3, 5), 80),
            ])
            .expect(Cond::All(vec![Cond::Role(2, RoleKey::Leader), Cond::Commit(3, 5)])),
        ],
    }
}
