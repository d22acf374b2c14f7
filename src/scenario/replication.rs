//! Scenario 4: Log replication step by step: `put hello world` from proposal to apply
//! (§5.3), one message at a time in manual delivery mode.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::raft::MessageKind;
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig};

const AE: MessageKind = MessageKind::AppendEntries;
const AER: MessageKind = MessageKind::AppendEntriesResponse;

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 4,
        ..SimConfig::default()
    };
    Scenario {
        id: "log-replication",
        title_en: "4. Log replication, step by step",
        title_zh: "4. 日志复制，一步一步来",
        config,
        steps: vec![
            Step::new(
                ("B leads; manual delivery", "B 是领导者；手动投递"),
                "§5.3",
                "As in the log diagrams of the course notes, B is leader of term 1 and A and \
                 C are followers. Every log holds B's no-op entry, committed. We now switch the \
                 network to manual delivery: a message moves only when we deliver it, so each arrow \
                 of the notes' flow chart becomes one step.",
                "与课程笔记中的日志图一样，B 是任期 1 的领导者，A 和 C 是跟随者。每个节点的日志里\
                 都有 B 的空操作条目，且已提交。现在把网络切换为手动投递：只有我们投递时消息才会移动，\
                 这样笔记流程图中的每一个箭头都成为单独的一步。",
            )
            .ops([
                act(Action::SetTimeout(2, 10)),
                Op::RunUntil(Cond::Role(2, RoleKey::Leader), 60),
                Op::RunUntil(Cond::All(vec![Cond::Commit(1, 1), Cond::Commit(3, 1)]), 60),
                act(Action::SetManualDelivery(true)),
                act(Action::DeliverAll),
                act(Action::DeliverAll),
                act(Action::DeliverAll),
            ])
            .expect(Cond::All(vec![Cond::Role(2, RoleKey::Leader), Cond::Quiet])),
            Step::new(
                ("Proposal: B appends, sends AppendEntries", "提案：B 追加日志并发送日志追加"),
                "§5.3",
                "The client sends put hello world to the leader B (a MsgProp proposal in etcd). B \
                 appends a new entry, index 2 in term 1, to its own log; it is not committed yet. \
                 B then sends AppendEntries (MsgApp) to A and C, carrying the entry together with \
                 prevLogIndex 1 and prevLogTerm 1, the entry just before it. For each follower B \
                 tracks nextIndex (the next entry to send, now 3) and matchIndex (the highest entry \
                 known to be replicated there, still 1): select B to see them.",
                "客户端把 put hello world 发给领导者 B（在 etcd 中是一条 MsgProp 提案消息）。B 在自己的日志中\
                 追加一个新条目：索引 2，任期 1，此时还未提交。随后 B 向 A 和 C 发送日志追加消息（MsgApp），\
                 其中带着这个条目，以及它前一个条目的索引和任期：prevLogIndex 1、prevLogTerm 1。B 为每个\
                 跟随者维护 nextIndex（下一个要发送的条目，现在是 3）和 matchIndex（已知复制到该节点的最大\
                 索引，仍然是 1）：选中 B 就能看到它们。",
            )
            .ops([propose_to(2, "put hello world")])
            .expect(Cond::All(vec![
                Cond::LogLen(2, 2),
                Cond::InFlight(2, 1, AE),
                Cond::InFlight(2, 3, AE),
            ])),
            Step::new(
                ("C appends and answers", "C 追加并应答"),
                "§5.3",
                "The AppendEntries reaches C. The consistency check passes: C has an entry at index 1 \
                 with term 1, matching prevLogIndex and prevLogTerm (the Log Matching property, §5.3). \
                 C appends the entry (in etcd: to its WAL, then its Raft log) and answers success with \
                 match index 2 (MsgAppResp). On C the entry is not committed: C cannot know yet \
                 whether a majority has it.",
                "日志追加消息到达 C。一致性检查通过：C 在索引 1 处有一个任期为 1 的条目，与 prevLogIndex 和 \
                 prevLogTerm 一致（日志匹配特性，§5.3）。C 追加这个条目（在 etcd 中先写 WAL，再写 Raft 日志），\
                 并回复成功，匹配索引为 2（MsgAppResp）。在 C 上这个条目还没有提交：C 还不知道它是否已被\
                 多数派保存。",
            )
            .ops([Op::Deliver(2, 3, AE)])
            .expect(Cond::All(vec![Cond::LogLen(3, 2), Cond::InFlight(3, 2, AER)])),
            Step::new(
                ("Majority: B commits and applies", "多数派：B 提交并应用"),
                "§5.3",
                "B receives C's answer and sets C's matchIndex to 2. Index 2 is now stored on B and C: \
                 2 of 3, a majority, and the entry is from B's own term, so B commits it (commitIndex \
                 2; §5.3, §5.4.2), applies put hello world to its state machine and answers the \
                 client. A has not even received the entry: a majority is enough.",
                "B 收到 C 的应答，把 C 的 matchIndex 设为 2。现在索引 2 保存在 B 和 C 上：3 个中的 2 个，\
                 构成多数派，而且这个条目属于 B 自己的任期，所以 B 提交它（commitIndex 变为 2；§5.3、§5.4.2），\
                 把 put hello world 应用到状态机，并应答客户端。A 甚至还没有收到这个条目：有多数派就够了。",
            )
            .ops([Op::Deliver(3, 2, AER)])
            .expect(Cond::Commit(2, 2)),
            Step::new(
                ("The heartbeat carries the commit", "心跳携带提交索引"),
                "§5.3",
                "How do followers learn that index 2 is committed? From the leader's next \
                 AppendEntries: 5 ticks later B sends heartbeats carrying leaderCommit = 2. C receives \
                 its heartbeat, sets commitIndex = min(leaderCommit, index of its last new entry) = 2 \
                 (Figure 2, AppendEntries rule 5) and applies the entry: C's state machine now holds \
                 hello = world.",
                "跟随者如何得知索引 2 已提交？通过领导者的下一条日志追加消息：5 个时钟周期后 B 发送心跳，其中带着 \
                 leaderCommit = 2。C 收到心跳，令 commitIndex = min(leaderCommit, 最新条目的索引) = 2\
                 （论文图 2，日志追加规则 5），并应用该条目：C 的状态机中现在有 hello = world。",
            )
            .ops([Op::Run(5), Op::Deliver(2, 3, AE)])
            .expect(Cond::Commit(3, 2)),
            Step::new(
                ("The slow message reaches A", "慢消息到达 A"),
                "§5.3",
                "The first AppendEntries finally reaches A. A appends index 2 and answers. But that \
                 message was sent when B's commit index was still 1, so A does not commit the entry \
                 yet: a follower commits only what the leader has told it is committed.",
                "第一条日志追加消息终于到达 A。A 追加索引 2 并应答。但这条消息是在 B 的提交索引还是 1 的时候发出的，\
                 所以 A 暂时不提交这个条目：跟随者只提交领导者告诉它已经提交的内容。",
            )
            .ops([Op::Deliver(2, 1, AE)])
            .expect(Cond::All(vec![
                Cond::LogLen(1, 2),
                Cond::Not(Box::new(Cond::Commit(1, 2))),
            ])),
            Step::new(
                ("A commits; all logs agree", "A 提交；所有日志一致"),
                "§5.3",
                "A's heartbeat arrives with leaderCommit 2: A commits and applies too. We switch back \
                 to automatic delivery; the answers reach B, which records A's matchIndex 2. All three \
                 logs and all three state machines are now identical.",
                "A 的心跳带着 leaderCommit 2 到达：A 也提交并应用了这个条目。我们把网络切换回自动投递；应答到达 B，\
                 B 记下 A 的 matchIndex 为 2。现在三个节点的日志和状态机完全一致。",
            )
            .ops([
                Op::Deliver(2, 1, AE),
                act(Action::SetManualDelivery(false)),
                Op::Run(10),
            ])
            .expect(Cond::All(vec![Cond::Commit(1, 2), Cond::Commit(3, 2)])),
        ],
    }
}
