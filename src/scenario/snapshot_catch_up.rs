//! A lagging follower catches up by InstallSnapshot (thesis §5.1; paper §7):
//! while n3 is down, the others commit more entries and compact their logs;
//! when n3 returns, the leader no longer holds the entries it needs, so it
//! sends its snapshot instead of AppendEntries.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::sim::{Action, RoleKey, SimConfig};

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 3,
        ..SimConfig::default()
    };
    Scenario {
        id: "snapshot-catch-up",
        title_en: "Log compaction: catching up by snapshot",
        title_zh: "日志压缩：用快照追上进度",
        config,
        steps: vec![
            Step::new(
                ("n1 leads; put x 1 everywhere", "n1 当选；put x 1 复制到所有节点"),
                "§5.3",
                "Three servers. n1's election timer runs out first (pinned to 10 ticks), it wins term 1, \
                 appends its no-op (index 1) and replicates put x 1 (index 2) to n2 and n3. Every log \
                 holds entries 1 and 2, committed and applied.",
                "三个服务器。n1 的选举定时器最先超时（固定为 10 个时钟周期），它赢得任期 1，追加空操作条目（索引 1），\
                 并把 put x 1（索引 2）复制到 n2 和 n3。每个日志都有条目 1 和 2，都已提交并应用。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put x 1"),
                Op::RunUntil(Cond::All(vec![Cond::Commit(2, 2), Cond::Commit(3, 2)]), 60),
            ])
            .expect(Cond::All(vec![Cond::Commit(3, 2), Cond::LogLen(3, 2)])),
            Step::new(
                ("n3 crashes; the others go on", "n3 崩溃；其余节点继续工作"),
                "§5.3",
                "n3 crashes and falls behind. n1 and n2 are still 2 of 3, a majority, so the client's \
                 next four commands commit without n3: put y 2, put z 3, del x and put x 4 (indices 3–6).",
                "n3 崩溃，进度落后。n1 和 n2 仍是 3 个中的 2 个，构成多数派，所以客户端接下来的四条命令不需要 \
                 n3 就能提交：put y 2、put z 3、del x 和 put x 4（索引 3–6）。",
            )
            .ops([
                act(Action::Crash(3)),
                propose_to(1, "put y 2"),
                propose_to(1, "put z 3"),
                propose_to(1, "del x"),
                propose_to(1, "put x 4"),
                Op::RunUntil(Cond::All(vec![Cond::Commit(1, 6), Cond::Commit(2, 6)]), 80),
            ])
            .expect(Cond::All(vec![Cond::Commit(2, 6), Cond::Role(3, RoleKey::Crashed)])),
            Step::new(
                ("n1 and n2 compact their logs", "n1 和 n2 压缩日志"),
                "§7; thesis §5.1",
                "A log cannot grow forever. n1 and n2 each take a snapshot of everything they applied: \
                 the state machine as of index 6 (x = 4, y = 2, z = 3), the last included index 6 and \
                 its term 1, and the configuration. Entries 1–6 are dropped: in the logs panel they fold \
                 into one snapshot block, and the logs keep numbering from index 7. Click a block to see \
                 what it holds.",
                "日志不能无限增长。n1 和 n2 各自把已应用的内容做成快照：截至索引 6 的状态机（x = 4、y = 2、\
                 z = 3）、最后包含的索引 6 及其任期 1，以及集群配置。条目 1–6 被删除：在日志面板中它们折叠成\
                 一个快照块，日志从索引 7 开始继续编号。点击快照块可以查看其中的内容。",
            )
            .ops([
                act(Action::Compact { node: 1, up_to: None }),
                act(Action::Compact { node: 2, up_to: None }),
            ])
            .expect(Cond::All(vec![Cond::Snapshot(1, 6), Cond::Snapshot(2, 6)])),
            Step::new(
                ("n3 returns: InstallSnapshot", "n3 回归：InstallSnapshot"),
                "§7; thesis §5.1",
                "n3 restarts with its old log (entries 1–2). The leader's heartbeat fails the consistency \
                 check and n1 backs up n3's nextIndex to 3 — but n1 no longer holds entry 3: it was \
                 compacted. So n1 sends InstallSnapshot instead of AppendEntries. n3's log does not hold \
                 the snapshot's last entry (index 6), so n3 discards its log, resets its state machine \
                 from the snapshot and answers; n1 records n3's matchIndex as 6.",
                "n3 带着旧日志（条目 1–2）重启。领导者的心跳没有通过一致性检查，n1 把 n3 的 nextIndex 回退到 3——\
                 但 n1 已经没有条目 3 了：它被压缩掉了。于是 n1 发送 InstallSnapshot，而不是 AppendEntries。\
                 n3 的日志里没有快照的最后一个条目（索引 6），所以 n3 丢弃整个日志，用快照重置状态机并回复；\
                 n1 把 n3 的 matchIndex 记为 6。",
            )
            .ops([
                act(Action::Restart(3)),
                Op::RunUntil(Cond::Snapshot(3, 6), 80),
                Op::Run(10),
            ])
            .expect(Cond::All(vec![Cond::Snapshot(3, 6), Cond::Commit(3, 6)])),
            Step::new(
                ("Replication continues", "复制继续进行"),
                "§5.3",
                "From the snapshot on, n3 is an ordinary follower again: the next command, put w 5 \
                 (index 7), reaches it by AppendEntries with prevLogIndex 6 — the snapshot's last \
                 included index — and commits on all three servers. All three state machines agree.",
                "从快照之后，n3 又是一个普通的跟随者：下一条命令 put w 5（索引 7）通过 AppendEntries 到达它，\
                 prevLogIndex 为 6——正是快照最后包含的索引——并在三个服务器上都提交。三个状态机完全一致。",
            )
            .ops([propose_to(1, "put w 5"), Op::RunUntil(Cond::Commit(3, 7), 80)])
            .expect(Cond::All(vec![Cond::Commit(3, 7), Cond::LogTerm(3, 7, 1)])),
        ],
    }
}
