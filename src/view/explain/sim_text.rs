//! Sentences for the simulation's own events (crashes, links, messages
//! lost or held, client outcomes), in English and Chinese; see `explain.rs`.

use crate::raft::NodeId;
use crate::sim::{DropReason, SimEvent};
use crate::view::i18n::{Lang, MessageName};

/// Picks the sentence for the language; only that branch is evaluated.
macro_rules! say {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            Lang::En => $en,
            Lang::Zh => $zh,
        }
    };
}

fn drop_reason(lang: Lang, to: NodeId, r: DropReason) -> String {
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
            say!(lang, format!("n{to} is crashed"), format!("n{to} 已崩溃"))
        }
        DropReason::ByUser => say!(lang, "you dropped it".to_string(), "被你丢弃".to_string()),
        DropReason::Overflow => say!(
            lang,
            "the network was full (too many messages in flight)".to_string(),
            "网络已满（在途消息过多）".to_string()
        ),
    }
}

pub(super) fn sim_event(lang: Lang, n: NodeId, e: &SimEvent) -> String {
    match e {
        SimEvent::ServerAdded { leader } => say!(lang,
            format!("new server n{n} started with an empty log and no configuration; leader n{leader} adds it as a learner so it can catch up before it votes (thesis §4.2.1)"),
            format!("新服务器 n{n} 以空日志、无配置启动；领导者 n{leader} 先把它加为学习者，让它追上日志后再投票（博士论文 §4.2.1）")),
        SimEvent::Crashed => say!(lang,
            format!("n{n} crashed: its volatile state (role, commitIndex, state machine) is lost; currentTerm, votedFor and the log survive on disk (Figure 2)"),
            format!("n{n} 崩溃：易失状态（角色、commitIndex、状态机）丢失；currentTerm、votedFor 和日志保存在磁盘上（图 2）")),
        SimEvent::Restarted => say!(lang,
            format!("n{n} restarted from its persistent state; it relearns the commit index from the leader"),
            format!("n{n} 从持久化状态重启；它会从领导者那里重新得知提交索引")),
        SimEvent::Paused => say!(lang,
            format!("n{n} was paused: its timers are frozen and incoming messages wait"),
            format!("n{n} 被暂停：计时器冻结，收到的消息排队等待")),
        SimEvent::Resumed => say!(lang,
            format!("n{n} resumed: its timers run again and queued messages arrive"),
            format!("n{n} 恢复运行：计时器继续，排队的消息送达")),
        SimEvent::LinkChanged { from, to, up: true } => say!(lang,
            format!("link n{from} → n{to} restored: messages from n{from} reach n{to} again"),
            format!("链路 n{from} → n{to} 恢复：n{from} 的消息又能到达 n{to}")),
        SimEvent::LinkChanged { from, to, up: false } => say!(lang,
            format!("link n{from} → n{to} cut: messages from n{from} no longer reach n{to} (partition)"),
            format!("链路 n{from} → n{to} 断开：n{from} 的消息无法到达 n{to}（分区）")),
        SimEvent::MessageDropped { id, kind, to, reason } => {
            let m = lang.message(MessageName::Kind(*kind));
            let r = drop_reason(lang, *to, *reason);
            say!(lang,
                format!("n{n}'s {m} #{id} to n{to} never arrived: {r}"),
                format!("n{n} 发给 n{to} 的{m} #{id} 未送达：{r}"))
        }
        SimEvent::MessageDuplicated { id } => say!(lang,
            format!("the network duplicated n{n}'s message #{id}: the copy arrives separately"),
            format!("网络复制了 n{n} 的消息 #{id}：副本将单独送达")),
        SimEvent::MessageHeld { id } => say!(lang,
            format!("you held n{n}'s message #{id}: it waits until released"),
            format!("你扣住了 n{n} 的消息 #{id}：释放前不会送达")),
        SimEvent::MessageReleased { id } => say!(lang,
            format!("you released n{n}'s message #{id}: it arrives on the next tick"),
            format!("你释放了 n{n} 的消息 #{id}：它将在下一个时钟周期送达")),
        SimEvent::ClientOutcome { op, ok: true } => say!(lang,
            format!("client operation #{op} was answered by n{n}"),
            format!("客户端操作 #{op} 已由 n{n} 答复")),
        SimEvent::WriteAcknowledged { op, index, term, mode, reason } => {
            crate::view::replication_text::acknowledged_text(lang, n, *op, *index, *term, *mode, reason)
        }
        SimEvent::ClientOutcome { op, ok: false } => say!(lang,
            format!("client operation #{op}'s attempt at n{n} failed (see the client panel)"),
            format!("客户端操作 #{op} 在 n{n} 的尝试失败（见客户端面板）")),
    }
}
