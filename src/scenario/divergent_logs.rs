//! Scenario 6: Divergent logs repaired (Figure 7): the leader backs up nextIndex, the
//! follower truncates its conflicting suffix (§5.3).

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::raft::MessageKind;
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig};

const AE: MessageKind = MessageKind::AppendEntries;
const AER: MessageKind = MessageKind::AppendEntriesResponse;

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 5,
        seed: 6,
        ..SimConfig::default()
    };
    let all_commit = |i| Cond::All((1..=5).map(|n| Cond::Commit(n, i)).collect());
    Scenario {
        id: "divergent-logs",
        title_en: "6. Divergent logs repaired",
        title_zh: "6. 修复分叉的日志",
        config,
        steps: vec![
            Step::new(
                ("n1 leads, logs agree", "n1 领导，日志一致"),
                "§5.3",
                "Five servers. n1 is leader of term 1 and put a 1 is committed everywhere: all five \
                 logs are identical up to index 2.",
                "五个服务器。n1 是任期 1 的领导者，put a 1 已在所有节点上提交：五份日志直到索引 2 都完全相同。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                propose_to(1, "put a 1"),
                Op::RunUntil(all_commit(2), 60),
            ])
            .expect(all_commit(2)),
            Step::new(
                ("Partition: n1 writes to n2 only", "分区：n1 只能写到 n2"),
                "§5.3",
                "The network splits into {n1, n2} and {n3, n4, n5}. A client sends put b 2 and put c 3 \
                 to n1, which still believes it is leader. n1 appends them and n2 stores them, but 2 \
                 of 5 is not a majority: they stay uncommitted and the client gets no answer.",
                "网络分裂成 {n1, n2} 和 {n3, n4, n5} 两部分。客户端把 put b 2 和 put c 3 发给 n1，n1 仍认为自己\
                 是领导者。n1 追加了它们，n2 也保存了它们，但 5 个中的 2 个不是多数派：这两条日志无法提交，\
                 客户端也得不到应答。",
            )
            .ops([
                act(Action::Partition(vec![vec![1, 2], vec![3, 4, 5]])),
                propose_to(1, "put b 2"),
                propose_to(1, "put c 3"),
                Op::Run(10),
            ])
            .expect(Cond::All(vec![Cond::LogLen(2, 4), Cond::Not(Box::new(Cond::Commit(1, 3)))])),
            Step::new(
                ("The majority elects n3", "多数派选出 n3"),
                "§5.2",
                "On the majority side n3 times out (we forced it), wins term 2 with the votes of n4 and \
                 n5, appends its no-op and commits put d 4. Now the logs diverge after index 2: n1 and \
                 n2 hold b and c from term 1 at indexes 3–4, while n3, n4 and n5 hold entries of term 2 \
                 there. This is the kind of divergence Figure 7 of the paper draws.",
                "在多数派一侧，n3 选举超时（由我们触发），凭借 n4 和 n5 的选票赢得任期 2，追加空操作条目并提交 \
                 put d 4。现在各日志在索引 2 之后分叉了：n1 和 n2 在索引 3–4 处是任期 1 的 b 和 c，而 n3、n4、n5 \
                 在同样位置是任期 2 的条目。这正是论文图 7 所画的那种分叉。",
            )
            .ops([
                act(Action::Campaign(3)),
                Op::RunUntil(Cond::Role(3, RoleKey::Leader), 60),
                propose_to(3, "put d 4"),
                Op::RunUntil(Cond::All(vec![Cond::Commit(4, 4), Cond::Commit(5, 4)]), 60),
            ])
            .expect(Cond::All(vec![Cond::Role(3, RoleKey::Leader), Cond::Commit(3, 4)])),
            Step::new(
                ("Heal, one message at a time", "恢复网络，逐条投递"),
                "§5.3",
                "We heal the network and switch to manual delivery to watch the repair. Both n1 \
                 (term 1) and n3 (term 2) have just sent heartbeats. n3's AppendEntries to n1 carries \
                 prevLogIndex 4 and prevLogTerm 2: n3 optimistically assumed n1 had everything it \
                 sent, although the partition dropped it.",
                "我们恢复网络，并切换为手动投递来观察修复过程。n1（任期 1）和 n3（任期 2）都刚刚发出了心跳。\
                 n3 发给 n1 的日志追加消息带着 prevLogIndex 4 和 prevLogTerm 2：n3 乐观地以为 n1 已经收到了\
                 它发送的全部条目，尽管这些消息都被分区丢弃了。",
            )
            .ops([
                act(Action::SetManualDelivery(true)),
                act(Action::DeliverAll),
                act(Action::DeliverAll),
                act(Action::DeliverAll),
                act(Action::Recover),
                Op::Run(5),
            ])
            .expect(Cond::Role(1, RoleKey::Leader)),
            Step::new(
                ("n1 steps down and rejects", "n1 下台并拒绝"),
                "§5.3",
                "n3's AppendEntries reaches n1. Its term 2 is higher than n1's, so n1 steps down and \
                 follows n3 (§5.1). Then the consistency check: n1's entry at index 4 has term 1, not \
                 2, so n1 rejects the request, and tells n3 the first index of its conflicting term \
                 as a hint (§5.3, end).",
                "n3 的日志追加消息到达 n1。其中的任期 2 比 n1 的大，于是 n1 下台并追随 n3（§5.1）。接着是一致性\
                 检查：n1 在索引 4 处的条目任期是 1 而不是 2，所以 n1 拒绝这个请求，并把冲突任期的第一个索引作为\
                 提示告诉 n3（§5.3 末尾）。",
            )
            .ops([Op::Deliver(3, 1, AE)])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Follower), Cond::Term(1, 2)])),
            Step::new(
                ("n3 backs up nextIndex", "n3 回退 nextIndex"),
                "§5.3",
                "The rejection reaches n3. n3 backs up n1's nextIndex, skipping all of n1's term-1 \
                 entries it does not share, from 5 to 3, and sends a new AppendEntries from index 3 \
                 with prevLogIndex 2 and prevLogTerm 1. The event log records the backup; nextIndex moves \
                 forward again as soon as the new entries are sent.",
                "拒绝消息到达 n3。n3 回退 n1 的 nextIndex，一次跳过 n1 中所有与自己不同的任期 1 条目，从 5 回退到 \
                 3，并从索引 3 开始重新发送日志追加消息，prevLogIndex 为 2、prevLogTerm 为 1。事件日志记录了这次回退；新条目一发出，\
                 nextIndex 就又向前移动。",
            )
            .ops([Op::Deliver(1, 3, AER)]),
            Step::new(
                ("n1 truncates and appends", "n1 删除冲突条目并追加"),
                "§5.3",
                "This time the check passes: n1 has term 1 at index 2. n1 deletes its conflicting \
                 entries b and c (AppendEntries rule 3: an existing entry that conflicts with a new one \
                 is deleted with all that follow it) and appends n3's entries. They were never \
                 committed, so nothing committed is lost; the leader never deletes or overwrites its \
                 own log (Leader Append-Only). n1 now matches n3 and commits up to index 4.",
                "这一次检查通过了：n1 在索引 2 处的任期是 1。n1 删除了与之冲突的条目 b 和 c（日志追加规则 3：\
                 已有条目与新条目冲突时，删除它及其之后的所有条目），然后追加 n3 的条目。b 和 c 从未提交过，\
                 所以没有丢失任何已提交的数据；领导者从不删除或覆盖自己的日志（只附加原则）。n1 现在与 n3 一致，\
                 并提交到索引 4。",
            )
            .ops([Op::Deliver(3, 1, AE)])
            .expect(Cond::Commit(1, 4)),
            Step::new(
                ("n2 repaired the same way", "n2 以同样方式修复"),
                "§5.3",
                "Back to automatic delivery: n2 is repaired the same way. All five logs are identical \
                 and commit index 4 everywhere. The client's put b 2 and put c 3 were never \
                 acknowledged; the client sees them fail as overwritten and may retry them with the \
                 new leader.",
                "切换回自动投递：n2 以同样的方式被修复。五份日志完全一致，提交索引都是 4。客户端的 put b 2 和 \
                 put c 3 从未得到确认；客户端看到它们因被覆盖而失败，可以向新的领导者重试。",
            )
            .ops([
                act(Action::SetManualDelivery(false)),
                Op::RunUntil(all_commit(4), 100),
                Op::Run(5),
            ])
            .expect(all_commit(4)),
        ],
    }
}
