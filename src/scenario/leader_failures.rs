//! Scenario 11: The leader fails at each stage of replicating a command: the seven
//! cases of the course notes, one after another on one three-server
//! cluster, with manual delivery deciding how far each command gets.

use super::types::{act, propose_to, Cond, Op, Scenario, Step};
use crate::raft::MessageKind;
use crate::sim::RoleKey;
use crate::sim::{Action, SimConfig, Target};

const AE: MessageKind = MessageKind::AppendEntries;
const AER: MessageKind = MessageKind::AppendEntriesResponse;

/// Manual delivery on, with nothing left in flight.
fn manual_on() -> [Op; 4] {
    [
        act(Action::SetManualDelivery(true)),
        act(Action::DeliverAll),
        act(Action::DeliverAll),
        act(Action::DeliverAll),
    ]
}

/// Automatic delivery, `node` campaigns and wins, `crashed` restarts and catches up.
fn new_leader(node: u32, crashed: u32) -> [Op; 5] {
    [
        act(Action::SetManualDelivery(false)),
        act(Action::Campaign(node)),
        Op::RunUntil(Cond::Role(node, RoleKey::Leader), 60),
        act(Action::Restart(crashed)),
        Op::Run(15),
    ]
}

/// The scenario.
pub fn scenario() -> Scenario {
    let config = SimConfig {
        nodes: 3,
        seed: 14,
        ..SimConfig::default()
    };
    Scenario {
        id: "leader-failures",
        title_en: "11. The leader fails mid-write: seven cases",
        title_zh: "11. 领导者在写入途中故障：七种情况",
        config,
        steps: vec![
            Step::new(
                ("Seven ways to fail", "七种故障时机"),
                "§5.4",
                "The course notes list seven moments at which the leader can fail while a client \
                 command is being replicated. We go through all of them on three servers; n1 leads \
                 term 1. Watch the client panel: what does the client see, and is anything that was \
                 committed ever lost? Manual delivery lets us stop each command exactly where we want.",
                "课程笔记列出了客户端命令复制过程中领导者可能发生故障的七个时机。我们在三个服务器上逐一演示；\
                 n1 是任期 1 的领导者。请关注客户端面板：客户端看到了什么？已提交的数据有没有丢失过？手动投递\
                 让我们能够把每条命令精确地停在想要的位置。",
            )
            .ops([
                act(Action::SetTimeout(1, 10)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                Op::RunUntil(Cond::All((2..=3).map(|n| Cond::Commit(n, 1)).collect()), 60),
            ])
            .expect(Cond::Role(1, RoleKey::Leader)),
            Step::new(
                ("1. Before the request arrives", "1. 请求到达之前"),
                "§8",
                "Case 1: the leader n1 crashes before the client's put a 1 reaches it. No log has the \
                 command, so consistency is not at stake. The client finds no leader, waits and \
                 retries (§8); meanwhile n2 wins term 2, the retry reaches n2 and the command \
                 commits. n1 restarts and catches up.",
                "情况 1：领导者 n1 在客户端的 put a 1 到达之前崩溃。没有任何日志包含这条命令，所以一致性不受影响。\
                 客户端找不到领导者，等待后重试（§8）；与此同时 n2 赢得任期 2，重试的请求到达 n2，命令被提交。\
                 n1 重启并追上日志。",
            )
            .ops([
                act(Action::Crash(1)),
                Op::Propose(Target::Cluster, "put a 1"),
                act(Action::Campaign(2)),
                Op::RunUntil(Cond::OpSettled(1), 150),
                act(Action::Restart(1)),
                Op::Run(15),
            ])
            .expect(Cond::All(vec![Cond::Role(2, RoleKey::Leader), Cond::OpSettled(1)])),
            Step::new(
                ("2. At the leader only", "2. 只到达领导者"),
                "§5.3",
                "Case 2: put b 2 reaches the leader n2, which appends it, but its AppendEntries are \
                 lost and n2 crashes. The entry exists only in the crashed leader's log, uncommitted. \
                 The client sees \"leader crashed\": it cannot know whether the command will take \
                 effect, so it must retry.",
                "情况 2：put b 2 到达领导者 n2，n2 追加了它，但它的日志追加消息丢失了，随后 n2 崩溃。这个条目只存在于\
                 已崩溃领导者的日志中，未提交。客户端看到\"领导者崩溃\"：它无法知道这条命令是否会生效，所以必须重试。",
            )
            .ops(manual_on())
            .ops([
                propose_to(2, "put b 2"),
                Op::Drop(2, 1, AE),
                Op::Drop(2, 3, AE),
                act(Action::Crash(2)),
                Op::Run(1),
            ])
            .expect(Cond::All(vec![Cond::Role(2, RoleKey::Crashed), Cond::OpSettled(2)])),
            Step::new(
                ("2. Overwritten; the client retries", "2. 被覆盖；客户端重试"),
                "§5.3",
                "n3 wins term 3. When n2 restarts, its lonely put b 2 conflicts with n3's log and is \
                 overwritten (§5.3): it was never committed. The client retries put b 2 with n3, and \
                 this time it commits. Nothing committed was lost.",
                "n3 赢得任期 3。n2 重启后，它那条孤零零的 put b 2 与 n3 的日志冲突而被覆盖（§5.3）：它从未提交。\
                 客户端向 n3 重试 put b 2，这一次它被提交了。没有丢失任何已提交的数据。",
            )
            .ops(new_leader(3, 2))
            .ops([
                propose_to(3, "put b 2"),
                Op::RunUntil(Cond::OpSettled(3), 60),
                Op::Run(10),
            ])
            .expect(Cond::All(vec![Cond::Role(3, RoleKey::Leader), Cond::Commit(2, 5)])),
            Step::new(
                ("3. On one follower, unacknowledged", "3. 到达部分跟随者，未确认"),
                "§5.4.1",
                "Case 3: put c 3 reaches the leader n3 and one follower, n1, but n1's answer is lost \
                 and n2 never receives the entry. n3 crashes. The entry is uncommitted, and the client \
                 again sees \"leader crashed\".",
                "情况 3：put c 3 到达领导者 n3 和一个跟随者 n1，但 n1 的应答丢失了，n2 也没有收到这个条目。n3 崩溃。\
                 这个条目未提交，客户端再次看到\"领导者崩溃\"。",
            )
            .ops(manual_on())
            .ops([
                propose_to(3, "put c 3"),
                Op::Deliver(3, 1, AE),
                Op::Drop(3, 2, AE),
                Op::Drop(1, 3, AER),
                act(Action::Crash(3)),
                Op::Run(1),
            ])
            .expect(Cond::All(vec![Cond::Role(3, RoleKey::Crashed), Cond::LogLen(1, 6)])),
            Step::new(
                ("3. Only the node with the data wins", "3. 只有拥有新数据的节点能当选"),
                "§5.4.1",
                "n2 campaigns first, but n1 refuses: n2's log lacks put c 3 and is less up to date \
                 (§5.4.1). Then n1 campaigns and wins term 5 — as the notes say, only a node that \
                 has the new data can be elected. n1's no-op commits put c 3 along with it, so the \
                 command took effect although the client was told the leader crashed: a retry would \
                 apply it twice. That is why client requests should be idempotent.",
                "n2 先发起选举，但 n1 拒绝了：n2 的日志缺少 put c 3，不如 n1 的新（§5.4.1）。然后 n1 发起选举，赢得\
                 任期 5——正如笔记所说，只有拥有新数据的节点才能当选。n1 的空操作条目把 put c 3 一起提交了，所以这条命令\
                 其实生效了，尽管客户端被告知领导者崩溃：如果重试，它会被执行两次。这就是客户端请求应当幂等的原因。",
            )
            .ops([
                act(Action::SetManualDelivery(false)),
                act(Action::Campaign(2)),
                Op::Run(6),
                act(Action::Campaign(1)),
                Op::RunUntil(Cond::Role(1, RoleKey::Leader), 60),
                act(Action::Restart(3)),
                Op::Run(15),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Commit(3, 7)])),
            Step::new(
                ("4. On all followers, unacknowledged", "4. 到达所有跟随者，未确认"),
                "§5.4",
                "Case 4: put d 4 reaches both followers, but both answers are lost and the leader n1 \
                 crashes. Every live server has the entry, so whoever wins — n2 here, in term 6 — \
                 commits it with its no-op. Again the client was told \"leader crashed\" although the \
                 command took effect; a retry must be harmless (idempotent), as the notes say.",
                "情况 4：put d 4 到达了两个跟随者，但两个应答都丢失了，领导者 n1 崩溃。每个存活的服务器都有这个条目，\
                 所以无论谁获胜——这里是任期 6 的 n2——都会用它的空操作条目把它一起提交。客户端又一次被告知\"领导者崩溃\"，\
                 但命令其实已经生效；正如笔记所说，重试必须是无害的（幂等）。",
            )
            .ops(manual_on())
            .ops([
                propose_to(1, "put d 4"),
                Op::Deliver(1, 2, AE),
                Op::Deliver(1, 3, AE),
                Op::Drop(2, 1, AER),
                Op::Drop(3, 1, AER),
                act(Action::Crash(1)),
            ])
            .ops(new_leader(2, 1))
            .expect(Cond::All(vec![Cond::Role(2, RoleKey::Leader), Cond::Commit(1, 9)])),
            Step::new(
                ("5. Committed at the leader only", "5. 只在领导者上提交"),
                "§5.3",
                "Case 5: put e 5 reaches both followers and n1's answer reaches the leader n2: 2 of \
                 3, so n2 commits, applies and answers the client — success. Then n2 crashes before \
                 any heartbeat tells the followers that the entry is committed: their commit index \
                 is still behind.",
                "情况 5：put e 5 到达两个跟随者，n1 的应答也到达了领导者 n2：3 个中的 2 个，于是 n2 提交、应用并应答\
                 客户端——成功。随后 n2 在任何心跳告诉跟随者该条目已提交之前崩溃：跟随者的提交索引还落后着。",
            )
            .ops(manual_on())
            .ops([
                propose_to(2, "put e 5"),
                Op::Deliver(2, 1, AE),
                Op::Deliver(2, 3, AE),
                Op::Deliver(1, 2, AER),
                act(Action::Crash(2)),
            ])
            .expect(Cond::All(vec![
                Cond::Role(2, RoleKey::Crashed),
                Cond::Not(Box::new(Cond::Commit(1, 10))),
            ])),
            Step::new(
                ("5. The new leader keeps it", "5. 新领导者保留了它"),
                "§5.4",
                "n3 wins term 7. By Leader Completeness (§5.4) it must have every committed entry — \
                 and it does: both followers stored put e 5. n3's no-op commits it on every server. \
                 The answer the client received stays true.",
                "n3 赢得任期 7。根据领导者完全特性（§5.4），它必须拥有所有已提交的条目——它确实有：两个跟随者都保存了 \
                 put e 5。n3 的空操作条目让它在每个服务器上都被提交。客户端收到的应答依然成立。",
            )
            .ops(new_leader(3, 2))
            .expect(Cond::All(vec![Cond::Role(3, RoleKey::Leader), Cond::Commit(1, 11)])),
            Step::new(
                ("6. Committed everywhere, not answered", "6. 全部提交，尚未应答"),
                "§8",
                "Case 6: put f 6 is committed by the leader n3 and a heartbeat tells both followers; \
                 then n3 crashes. Inside the cluster everything is already consistent. (In raftlab the \
                 leader answers the moment it applies; had the answer been lost, the client would \
                 retry, which again asks for idempotent requests.) n1 wins term 8 and keeps it.",
                "情况 6：put f 6 被领导者 n3 提交，一次心跳也通知了两个跟随者；然后 n3 崩溃。集群内部已经完全一致。\
                 （在 raftlab 中，领导者一应用就立即应答；如果应答丢失，客户端会重试，这同样要求请求是幂等的。）\
                 n1 赢得任期 8，并保留了它。",
            )
            .ops(manual_on())
            .ops([
                propose_to(3, "put f 6"),
                Op::Deliver(3, 1, AE),
                Op::Deliver(3, 2, AE),
                Op::Deliver(1, 3, AER),
                Op::Run(5),
                Op::Deliver(3, 1, AE),
                Op::Deliver(3, 2, AE),
                act(Action::Crash(3)),
            ])
            .ops(new_leader(1, 3))
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Commit(3, 13)])),
            Step::new(
                ("7. A partition: two leaders", "7. 网络分区：两个领导者"),
                "§5.2",
                "Case 7: a partition isolates the leader n1. n2 wins term 9 on the majority side. \
                 Now there are two leaders. The client's put g 7 sent to the old leader n1 is \
                 appended but can never commit; put g 8 sent to the new leader n2 commits.",
                "情况 7：网络分区把领导者 n1 隔离了。n2 在多数派一侧赢得任期 9。现在有两个领导者。客户端发给旧领导者 \
                 n1 的 put g 7 被追加了，但永远无法提交；发给新领导者 n2 的 put g 8 被提交了。",
            )
            .ops([
                act(Action::Partition(vec![vec![1], vec![2, 3]])),
                propose_to(1, "put g 7"),
                act(Action::Campaign(2)),
                Op::RunUntil(Cond::Role(2, RoleKey::Leader), 60),
                propose_to(2, "put g 8"),
                Op::Run(15),
            ])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Role(2, RoleKey::Leader)])),
            Step::new(
                ("7. Healed: the old leader steps down", "7. 恢复：旧领导者下台"),
                "§5.3",
                "The partition heals. n1 sees term 9, steps down, and its put g 7 is overwritten by \
                 n2's log; the client sees that request fail and knows it did not take effect. All \
                 three logs are identical: across seven kinds of failure, no committed entry was \
                 ever lost, and every client answer of success stayed true.",
                "分区恢复了。n1 看到任期 9，退回跟随者，它的 put g 7 被 n2 的日志覆盖；客户端看到这个请求失败，知道它\
                 没有生效。三份日志完全一致：经历了七种故障，没有任何已提交的条目丢失，客户端收到的每一个成功应答都\
                 依然成立。",
            )
            .ops([act(Action::Recover), Op::Run(30)])
            .expect(Cond::All(vec![Cond::Role(1, RoleKey::Follower), Cond::Commit(1, 15)])),
        ],
    }
}
