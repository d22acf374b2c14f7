//! Sentences for the simulation's own events (crashes, links, messages
//! lost or held, client outcomes), in English and Chinese; see `explain.rs`.

use super::fill;
use crate::raft::NodeId;
use crate::sim::{DropReason, SimEvent};
use crate::view::i18n::{Lang, MessageName};
use crate::view::node_names::NodeNames;

fn drop_reason(lang: Lang, names: NodeNames, to: NodeId, r: DropReason) -> String {
    match r {
        DropReason::Lost => lang.t("the network lost it", "网络丢失了它").to_string(),
        DropReason::LinkCut => lang.t("the link is cut", "链路已断开").to_string(),
        DropReason::ReceiverDown => fill(lang.t("{0} is crashed", "{0} 已崩溃"), &[&names.of(to)]),
        DropReason::ByUser => lang.t("you dropped it", "被你丢弃").to_string(),
        DropReason::Overflow => lang
            .t(
                "the network was full (too many messages in flight)",
                "网络已满（在途消息过多）",
            )
            .to_string(),
    }
}

pub(super) fn sim_event(lang: Lang, names: NodeNames, n: NodeId, e: &SimEvent) -> String {
    match e {
        SimEvent::ServerAdded { leader } => fill(lang.t("new server {0} started with an empty log and no configuration; leader {1} adds it as a learner so it can catch up before it votes (thesis §4.2.1)", "新服务器 {0} 以空日志、无配置启动；领导者 {1} 先把它加为学习者，让它追上日志后再投票（博士论文 §4.2.1）"), &[&names.of(n), &names.of(leader)]),
        SimEvent::Crashed => fill(lang.t("{0} crashed: its volatile state (role, commitIndex, state machine) is lost; currentTerm, votedFor and the log survive on disk (Figure 2)", "{0} 崩溃：易失状态（角色、commitIndex、状态机）丢失；currentTerm、votedFor 和日志保存在磁盘上（图 2）"), &[&names.of(n)]),
        SimEvent::Restarted => fill(lang.t("{0} restarted from its persistent state; it relearns the commit index from the leader", "{0} 从持久化状态重启；它会从领导者那里重新得知提交索引"), &[&names.of(n)]),
        SimEvent::Paused => fill(lang.t("{0} was paused: its timers are frozen and incoming messages wait", "{0} 被暂停：计时器冻结，收到的消息排队等待"), &[&names.of(n)]),
        SimEvent::Resumed => fill(lang.t("{0} resumed: its timers run again and queued messages arrive", "{0} 恢复运行：计时器继续，排队的消息送达"), &[&names.of(n)]),
        SimEvent::LinkChanged { from, to, up: true } => fill(lang.t("link {0} → {1} restored: messages from {0} reach {1} again", "链路 {0} → {1} 恢复：{0} 的消息又能到达 {1}"), &[&names.of(from), &names.of(to)]),
        SimEvent::LinkChanged { from, to, up: false } => fill(lang.t("link {0} → {1} cut: messages from {0} no longer reach {1} (partition)", "链路 {0} → {1} 断开：{0} 的消息无法到达 {1}（分区）"), &[&names.of(from), &names.of(to)]),
        SimEvent::MessageDropped { id, kind, to, reason } => {
            let m = lang.message(MessageName::Kind(*kind));
            let r = drop_reason(lang, names, *to, *reason);
            fill(lang.t("{0}'s {1} #{2} to {3} never arrived: {4}", "{0} 发给 {3} 的{1} #{2} 未送达：{4}"), &[&names.of(n), &m, &id, &names.of(to), &r])
        }
        SimEvent::MessageDuplicated { id } => fill(lang.t("the network duplicated {0}'s message #{1}: the copy arrives separately", "网络复制了 {0} 的消息 #{1}：副本将单独送达"), &[&names.of(n), &id]),
        SimEvent::MessageHeld { id } => fill(lang.t("you held {0}'s message #{1}: it waits until released", "你扣住了 {0} 的消息 #{1}：释放前不会送达"), &[&names.of(n), &id]),
        SimEvent::MessageReleased { id } => fill(lang.t("you released {0}'s message #{1}: it arrives on the next tick", "你释放了 {0} 的消息 #{1}：它将在下一个时钟周期送达"), &[&names.of(n), &id]),
        SimEvent::ClientOutcome { op, ok: true } => fill(lang.t("client operation #{0} was answered by {1}", "客户端操作 #{0} 已由 {1} 答复"), &[&op, &names.of(n)]),
        SimEvent::WriteAcknowledged { op, index, term, mode, reason } => {
            crate::view::replication_text::acknowledged_text(lang, names.of(n), *op, *index, *term, *mode, reason)
        }
        SimEvent::ClientOutcome { op, ok: false } => fill(lang.t("client operation #{0}'s attempt at {1} failed (see the client panel)", "客户端操作 #{0} 在 {1} 的尝试失败（见客户端面板）"), &[&op, &names.of(n)]),
    }
}
