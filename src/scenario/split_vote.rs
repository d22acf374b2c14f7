//! Scenario 3: Split vote, and why election timeouts are randomized (§5.2).

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig};

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 7,
        ..SimConfig::default()
    };
    let both = |role: RoleKey| Cond::All(vec![Cond::Role(2, role), Cond::Role(3, role)]);
    Scenario {
        id: "split-vote",
        title_en: "3. Split vote and random timeouts",
        title_zh: "3. 选票瓜分与随机超时",
        config,
        steps: vec![
            Step::new(
                ("A is leader", "A 是领导者"),
                "§5.2",
                "Three servers again: A is leader of term 1 and has replicated put x 1 to B \
                 and C. Next we crash A and look at the second case of the course notes: what if \
                 B and C time out at the same moment?",
                "还是三个服务器：A 是任期 1 的领导者，已经把 put x 1 复制到了 B 和 C。\
                 接下来让 A 崩溃，看看课程笔记中的第二种情况：如果 B 和 C 恰好同时选举超时，会发生什么？",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                Op::RunUntil(Cond::All(vec![Cond::Commit(2, 2), Cond::Commit(3, 2)]), 60),
            ])
            .expect(Cond::Role(1, RoleKey::Leader)),
            Step::new(
                ("Two candidates at once: split", "两个候选人同时出现：选票瓜分"),
                "§5.2",
                "A crashes, and B's and C's election timers run out at the same tick (we made both \
                 fire together). Both become candidates of term 2 and vote for themselves. Each then \
                 receives the other's RequestVote and refuses it: it has already voted in term 2, \
                 for itself (one vote per term, §5.2). A is down. Each candidate holds 1 vote of the \
                 2 it needs: the votes are split and nobody wins term 2.",
                "A 崩溃后，B 和 C 的选举定时器在同一个时钟周期超时（我们让它们同时触发）。两者都成为任期 2 的候选人，\
                 并都给自己投票。随后它们各自收到对方的投票请求并拒绝：自己在任期 2 已经投过票了，投给了自己\
                 （每个任期只能投一票，§5.2）。A 已经宕机。每个候选人都只有 1 票，而需要 2 票：选票被瓜分，\
                 任期 2 没有人获胜。",
            )
            .ops([
                act(Action::Crash(1)),
                Op::Run(3),
                act(Action::Campaign(2)),
                act(Action::Campaign(3)),
                Op::Run(6),
            ])
            .expect(Cond::All(vec![both(RoleKey::Candidate), Cond::Term(2, 2), Cond::Term(3, 2)])),
            Step::new(
                ("Equal timeouts: split again", "超时相同：再次瓜分"),
                "§5.2",
                "A candidate that does not win waits for another election timeout and tries again in \
                 a new term. Suppose the timeouts were fixed, not random: we pin both B and C to the \
                 same 25 ticks. They time out together again, both campaign in term 3, and the votes \
                 are split again. With equal timeouts this could repeat forever: a livelock.",
                "没有获胜的候选人会再等待一个选举超时，然后在新的任期重新发起选举。假设超时时间是固定的而不是随机的：\
                 我们把 B 和 C 都固定为 25 个时钟周期。它们又一次同时超时，都在任期 3 发起选举，选票再次被瓜分。\
                 如果超时时间总是相同，这种情况可能无限重复下去：这就是活锁。",
            )
            .ops([
                act(Action::SetTimeout(2, 25)),
                act(Action::SetTimeout(3, 25)),
                Op::RunUntil(Cond::All(vec![Cond::Term(2, 3), Cond::Term(3, 3)]), 60),
                Op::Run(6),
            ])
            .expect(Cond::All(vec![both(RoleKey::Candidate), Cond::Term(2, 3), Cond::Term(3, 3)])),
            Step::new(
                ("Random timeouts: a winner", "随机超时：选出领导者"),
                "§5.2",
                "Now we let Raft do what it really does: each candidate draws a fresh random timeout \
                 between 20 and 39 ticks. C drew the shorter one, timed out first, started term 4 and \
                 its RequestVote reached B before B's own timer ran out. B granted its vote, and C \
                 became leader with 2 of 3. Randomized timeouts make split votes rare and short: that \
                 is how Raft escapes the livelock, simply and understandably.",
                "现在让 Raft 按它真实的方式运行：每个候选人重新随机选取 20 到 39 个时钟周期之间的超时时间。C 抽到了\
                 较短的一个，率先超时，开始任期 4，它的投票请求在 B 自己的定时器超时之前就到达了 B。B 投出赞成票，\
                 C 以 3 票中的 2 票成为领导者。随机化的超时让选票瓜分既少见又短暂：Raft 正是用这种简单、\
                 易于理解的方法摆脱了活锁。",
            )
            .ops([Op::RunUntil(Cond::AnyLeader, 200), Op::Run(6)])
            .expect(Cond::Role(3, RoleKey::Leader)),
        ],
    }
}
