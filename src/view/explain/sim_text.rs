//! Sentences for the simulation's own events (crashes, links, messages
//! lost or held, client outcomes), in English and Chinese; see `explain.rs`.

use crate::raft::NodeId;
use crate::sim::{DropReason, SimEvent};
use crate::view::i18n::{Lang, MessageName};
use crate::view::node_names::NodeNames;

/// Picks the sentence for the language; only that branch is evaluated.
macro_rules! say {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            Lang::En => $en,
            Lang::Zh => $zh,
        }
    };
}

fn drop_reason(lang: Lang, names: NodeNames, to: NodeId, r: DropReason) -> String {
    match r {
        DropReason::Lost => say!(
            lang,
            "the network lost it".to_string(),
            "网络丢失了它".to_string()
        ),
        DropReason::LinkCut => say!(
            lang,
            "the link is cut".to_string(),
            "链路已断开".to_string()
        ),
        DropReason::ReceiverDown => {
            say!(
                lang,
                format!("{to} is crashed", to = names.of(to)),
                format!("{to} 已崩溃", to = names.of(to))
            )
        }
        DropReason::ByUser => say!(lang, "you dropped it".to_string(), "被你丢弃".to_string()),
        DropReason::Overflow => say!(
            lang,
            "the network was full (too many messages in flight)".to_string(),
            "网络已满（在途消息过多）".to_string()
        ),
    }
}

pub(super) fn sim_event(lang: Lang, names: NodeNames, n: NodeId, e: &SimEvent) -> String {
    match e {
        SimEvent::ServerAdded { leader } => say!(lang,
            format!("new server {n} started with an empty log and no configuration; leader {leader} adds it as a learner so it can catch up before it votes (thesis §4.2.1)", n = names.of(n), leader = names.of(leader)),
            format!("新服务器 {n} 以空日志、无配置启动；领导者 {leader} 先把它加为学习者，让它追上日志后再投票（博士论文 §4.2.1）", n = names.of(n), leader = names.of(leader))),
        SimEvent::Crashed => say!(lang,
            format!("{n} crashed: its volatile state (role, commitIndex, state machine) is lost; currentTerm, votedFor and the log survive on disk (Figure 2)", n = names.of(n)),
            format!("{n} 崩溃：易失状态（角色、commitIndex、状态机）丢失；currentTerm、votedFor 和日志保存在磁盘上（图 2）", n = names.of(n))),
        SimEvent::Restarted => say!(lang,
            format!("{n} restarted from its persistent state; it relearns the commit index from the leader", n = names.of(n)),
            format!("{n} 从持久化状态重启；它会从领导者那里重新得知提交索引", n = names.of(n))),
        SimEvent::Paused => say!(lang,
            format!("{n} was paused: its timers are frozen and incoming messages wait", n = names.of(n)),
            format!("{n} 被暂停：计时器冻结，收到的消息排队等待", n = names.of(n))),
        SimEvent::Resumed => say!(lang,
            format!("{n} resumed: its timers run again and queued messages arrive", n = names.of(n)),
            format!("{n} 恢复运行：计时器继续，排队的消息送达", n = names.of(n))),
        SimEvent::LinkChanged { from, to, up: true } => say!(lang,
            format!("link {from} → {to} restored: messages from {from} reach {to} again", from = names.of(from), to = names.of(to)),
            format!("链路 {from} → {to} 恢复：{from} 的消息又能到达 {to}", from = names.of(from), to = names.of(to))),
        SimEvent::LinkChanged { from, to, up: false } => say!(lang,
            format!("link {from} → {to} cut: messages from {from} no longer reach {to} (partition)", from = names.of(from), to = names.of(to)),
            format!("链路 {from} → {to} 断开：{from} 的消息无法到达 {to}（分区）", from = names.of(from), to = names.of(to))),
        SimEvent::MessageDropped { id, kind, to, reason } => {
            let m = lang.message(MessageName::Kind(*kind));
            let r = drop_reason(lang, names, *to, *reason);
            say!(lang,
                format!("{n}'s {m} #{id} to {to} never arrived: {r}", n = names.of(n), to = names.of(to)),
                format!("{n} 发给 {to} 的{m} #{id} 未送达：{r}", n = names.of(n), to = names.of(to)))
        }
        SimEvent::MessageDuplicated { id } => say!(lang,
            format!("the network duplicated {n}'s message #{id}: the copy arrives separately", n = names.of(n)),
            format!("网络复制了 {n} 的消息 #{id}：副本将单独送达", n = names.of(n))),
        SimEvent::MessageHeld { id } => say!(lang,
            format!("you held {n}'s message #{id}: it waits until released", n = names.of(n)),
            format!("你扣住了 {n} 的消息 #{id}：释放前不会送达", n = names.of(n))),
        SimEvent::MessageReleased { id } => say!(lang,
            format!("you released {n}'s message #{id}: it arrives on the next tick", n = names.of(n)),
            format!("你释放了 {n} 的消息 #{id}：它将在下一个时钟周期送达", n = names.of(n))),
        SimEvent::ClientOutcome { op, ok: true } => say!(lang,
            format!("client operation #{op} was answered by {n}", n = names.of(n)),
            format!("客户端操作 #{op} 已由 {n} 答复", n = names.of(n))),
        SimEvent::WriteAcknowledged { op, index, term, mode, reason } => {
            crate::view::replication_text::acknowledged_text(lang, names.of(n), *op, *index, *term, *mode, reason)
        }
        SimEvent::ClientOutcome { op, ok: false } => say!(lang,
            format!("client operation #{op}'s attempt at {n} failed (see the client panel)", n = names.of(n)),
            format!("客户端操作 #{op} 在 {n} 的尝试失败（见客户端面板）", n = names.of(n))),
    }
}
