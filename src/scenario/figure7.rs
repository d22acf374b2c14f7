//! Scenario 14: Figure 7 as in the paper (§5.3): the leader of term 8 and the
//! six follower logs (a)–(f) the figure draws, each repaired by the real
//! AppendEntries consistency check — nextIndex walking back, the follower's
//! conflict hint, truncation of conflicting entries — one follower at a time
//! with manual delivery. The logs are the starting persistent state (every
//! server restarted from disk in term 7); everything after is the simulation.

use super::types::{act, Cond, Op, Scenario, Step};
use crate::raft::{MessageKind, NodeId, Term};
use crate::sim::{Action, InitialNode, RoleKey, SimConfig};

const AE: MessageKind = MessageKind::AppendEntries;
const AER: MessageKind = MessageKind::AppendEntriesResponse;

/// The leader's log in Figure 7, by term (indexes 1–10).
pub const LEADER: [Term; 10] = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];

/// The follower logs (a)–(f) of Figure 7, by term.
pub const FOLLOWERS: [&[Term]; 6] = [
    &[1, 1, 1, 4, 4, 5, 5, 6, 6],
    &[1, 1, 1, 4],
    &[1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6],
    &[1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7],
    &[1, 1, 1, 4, 4, 4, 4],
    &[1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
];

/// One AppendEntries round trip between the leader (node 1) and `follower`.
fn round_trip(follower: NodeId) -> [Op; 2] {
    [Op::Deliver(1, follower, AE), Op::Deliver(follower, 1, AER)]
}

/// `follower` holds exactly the leader's term-8 log (indexes 1–11).
fn repaired(follower: NodeId) -> Cond {
    Cond::All(vec![
        Cond::LogTerm(follower, 11, 8),
        Cond::LogTerm(follower, 10, 6),
        Cond::Not(Box::new(Cond::LogLen(follower, 12))),
    ])
}

/// The scenario.
pub fn scenario() -> Scenario {
    let mut initial = vec![InitialNode {
        term: 7,
        log: LEADER.to_vec(),
    }];
    initial.extend(FOLLOWERS.iter().map(|f| InitialNode {
        term: 7,
        log: f.to_vec(),
    }));
    let config = SimConfig {
        nodes: 7,
        seed: 7,
        initial,
        ..SimConfig::default()
    };
    let follower_step = |n: NodeId,
                         trips: usize,
                         title: (&'static str, &'static str),
                         en: &'static str,
                         zh: &'static str| {
        Step::new(title, "§5.3", en, zh)
            .ops((0..trips).flat_map(|_| round_trip(n)))
            .expect(repaired(n))
    };
    Scenario {
        id: "figure-7",
        title_en: "14. Figure 7: six follower logs repaired",
        title_zh: "14. 图 7：修复六个跟随者的日志",
        config,
        steps: vec![
            Step::new(("The logs of Figure 7", "图 7 的日志"), "§5.3", "Figure 7 of the paper: the leader's log (L: terms 1 1 1 4 4 5 5 6 6 6) and the six follower logs (a)–(f), every server restarted from disk in term 7. (a) and (b) are missing entries, (c) and (d) have extra uncommitted entries, (e) and (f) both. Logs like these come from leaders that crash: (f), for example, led term 2, appended entries and crashed before committing any, then led term 3 and crashed again (§5.3). Manual delivery is on, to follow each repair message by message.", "论文图 7：领导者的日志（L：任期 1 1 1 4 4 5 5 6 6 6）和六个跟随者的日志 (a)–(f)，所有服务器都在任期 7 从磁盘重启。(a) 和 (b) 缺少条目，(c) 和 (d) 多出未提交的条目，(e) 和 (f) 两者兼有。这样的日志来自崩溃的领导者：例如 (f) 曾是任期 2 的领导者，追加了条目，在提交之前崩溃；之后又成为任期 3 的领导者，再次崩溃（§5.3）。手动投递已打开，以便逐条消息地跟踪每次修复。")
                .ops([act(Action::SetManualDelivery(true))])
                .expect(Cond::All(vec![Cond::LogLen(1, 10), Cond::Term(7, 7)])),
            Step::new(("L is elected for term 8", "L 当选任期 8 的领导者"), "§5.4.1", "L times out and asks for votes in term 8. The election restriction (§5.4.1) decides: (c) and (d) deny, their logs are more up-to-date — (c) ends at (term 6, index 11), (d) at (7, 12), L at (6, 10). (a), (b), (e) and (f) grant. With its own vote, L has 4 of 7 after (e)'s answer and leads term 8. It appends its no-op at index 11 (thesis §6.4) and sends each follower AppendEntries with prevLogIndex 10 and prevLogTerm 6, optimistically moving every nextIndex to 12.", "L 选举超时，在任期 8 请求投票。选举限制（§5.4.1）起了作用：(c) 和 (d) 拒绝，因为它们的日志更新——(c) 的最后条目是（任期 6，索引 11），(d) 是（7，12），而 L 是（6，10）。(a)、(b)、(e) 和 (f) 同意。加上自己的一票，L 在收到 (e) 的回复后得到 7 票中的 4 票，成为任期 8 的领导者。它在索引 11 追加空操作条目（博士论文 §6.4），并向每个跟随者发送 prevLogIndex 为 10、prevLogTerm 为 6 的日志追加消息，同时乐观地把每个 nextIndex 移到 12。")
                .ops([
                    act(Action::Campaign(1)),
                    act(Action::DeliverAll),
                    act(Action::DeliverAll),
                ])
                .expect(Cond::All(vec![Cond::Role(1, RoleKey::Leader), Cond::Term(1, 8), Cond::LogTerm(1, 11, 8)])),
            follower_step(2, 2, ("(a) missing one entry", "(a) 缺少一个条目"), "(a) lacks index 10. It rejects the AppendEntries: there is no entry at prevLogIndex 10, and its last index is 9 — that is its hint. L backs (a)'s nextIndex from 12 to 10, straight past the end of (a)'s log, and resends from index 10 with prevLogIndex 9: the check passes and (a) appends entries 10 and 11. Two round trips.", "(a) 缺少索引 10。它拒绝这条日志追加消息：prevLogIndex 10 处没有条目，它的最后索引是 9——这就是它给出的提示。L 把 (a) 的 nextIndex 从 12 回退到 10，直接跳到 (a) 日志的末尾之后，并从索引 10 开始重发，prevLogIndex 为 9：检查通过，(a) 追加了条目 10 和 11。共两次往返。"),
            follower_step(3, 2, ("(b) missing many entries", "(b) 缺少许多条目"), "(b) holds only 4 entries. The same kind of rejection, with last index 4: nextIndex backs up from 12 to 5 in one step, not one entry at a time, and the retry carries entries 5–11 in a single message. Two round trips.", "(b) 只有 4 个条目。同样的拒绝，最后索引为 4：nextIndex 一步从 12 回退到 5，而不是一次退一个条目，重试的那条消息一次带上了条目 5–11。共两次往返。"),
            follower_step(4, 1, ("(c) one extra entry", "(c) 多出一个条目"), "(c) has an extra entry of term 6 at index 11. The check at (index 10, term 6) passes at once; the leader's entry 11 of term 8 conflicts with (c)'s entry 11 of term 6, so (c) deletes it and everything after it (Figure 2, AppendEntries rule 3) and appends the leader's. One round trip. Index 11 is now stored on L and (a)–(c), four of seven, a majority: L commits its own term-8 no-op, and with it every entry before it (§5.4.2).", "(c) 在索引 11 多出一个任期 6 的条目。在（索引 10，任期 6）处的检查立即通过；领导者任期 8 的条目 11 与 (c) 任期 6 的条目 11 冲突，所以 (c) 删除它及其后的所有条目（图 2，日志追加规则 3），再追加领导者的条目。一次往返。现在索引 11 保存在 L 和 (a)–(c) 上，七个中的四个，是多数派：L 提交了自己任期 8 的空操作条目，连同它之前的所有条目（§5.4.2）。"),
            follower_step(5, 1, ("(d) extra entries of term 7", "(d) 多出任期 7 的条目"), "(d) holds two entries of term 7 at indexes 11–12, from a leader of term 7 that never committed them. The check at (10, 6) passes; its entries 11–12 conflict with the leader's entry 11 and are deleted. One round trip: uncommitted entries are overwritten even when their term is higher than the leader's last one.", "(d) 在索引 11–12 有两个任期 7 的条目，来自一个从未提交它们的任期 7 领导者。在（10，6）处的检查通过；它的条目 11–12 与领导者的条目 11 冲突，被删除。一次往返：未提交的条目即使任期比领导者最后的条目更高，也会被覆盖。"),
            follower_step(6, 3, ("(e) missing and extra entries", "(e) 既缺少又多出条目"), "(e) is both short and wrong: 7 entries, the last three of term 4 where the leader has terms 5 and 5 at indexes 6–7. First rejection: no index 10, last index 7, so nextIndex goes 12 → 8. Second: at prevLogIndex 7 the terms differ (leader 5, (e) 4); (e) names index 4, the first index of its conflicting term 4, as its hint. The leader has term 4 up to index 5, so it backs nextIndex to 6, just past its own last term-4 entry. The third AppendEntries matches at (5, 4): (e) deletes its entries 6–7 and appends 6–11, and learns commitIndex 11 from that message.", "(e) 既短又有错误的条目：共 7 个条目，最后三个是任期 4，而领导者在索引 6–7 处是任期 5、5。第一次拒绝：没有索引 10，最后索引为 7，于是 nextIndex 从 12 变为 8。第二次：在 prevLogIndex 7 处任期不同（领导者是 5，(e) 是 4）；(e) 把冲突任期 4 的第一个索引 4 作为提示。领导者的任期 4 条目一直到索引 5，所以它把 nextIndex 回退到 6，正好越过自己最后一个任期 4 的条目。第三条日志追加消息在（5，4）处匹配：(e) 删除条目 6–7，追加 6–11，并从这条消息得知提交索引 11。"),
            follower_step(7, 3, ("(f) many entries of terms 2 and 3", "(f) 大量任期 2、3 的条目"), "(f) has entries of terms 2 and 3 at indexes 4–11 that the leader never had. First rejection at prevLogIndex 10: term 3 there, not 6; hint: its term 3 starts at index 7. The leader holds no entry of term 3, so it skips the whole term: nextIndex 12 → 7. Second rejection at prevLogIndex 6: term 2, not 5; term 2 starts at index 4, so nextIndex → 4. The third AppendEntries matches at (3, 1): (f) deletes its eight entries 4–11 and takes the leader's. A whole term per round trip, as §5.3 suggests at its end.", "(f) 在索引 4–11 有领导者从未有过的任期 2 和任期 3 的条目。第一次拒绝在 prevLogIndex 10：那里是任期 3，不是 6；提示：它的任期 3 从索引 7 开始。领导者没有任期 3 的条目，所以跳过整个任期：nextIndex 从 12 变为 7。第二次拒绝在 prevLogIndex 6：任期 2，不是 5；任期 2 从索引 4 开始，于是 nextIndex 变为 4。第三条日志追加消息在（3，1）处匹配：(f) 删除它的八个条目 4–11，换成领导者的条目。每次往返跳过一整个任期，正如 §5.3 末尾所建议的。"),
            Step::new(("Every log is the leader's", "所有日志都与领导者一致"), "§5.3", "Back to automatic delivery: the next heartbeats carry commitIndex 11 to (a)–(d). All seven logs are now the leader's, 1 1 1 4 4 5 5 6 6 6 8, committed everywhere. The leader never changed its own log (Leader Append-Only); only followers' uncommitted entries were removed.", "切换回自动投递：接下来的心跳把提交索引 11 带给 (a)–(d)。现在七份日志都和领导者一致：1 1 1 4 4 5 5 6 6 6 8，并在所有节点上提交。领导者从未改动自己的日志（只附加原则）；被删除的只有跟随者未提交的条目。")
                .ops([
                    act(Action::SetManualDelivery(false)),
                    Op::RunUntil(Cond::All((1..=7).map(|n| Cond::Commit(n, 11)).collect()), 60),
                ])
                .expect(Cond::All((1..=7).map(|n| Cond::Commit(n, 11)).collect())),
        ],
    }
}
