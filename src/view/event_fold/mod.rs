//! Folding the event log's repeats: a run of lost messages of one kind on
//! one link becomes one line ("12 heartbeats lost on the cut link n1→n3,
//! ticks 40–95"), and lost heartbeats follow the log's heartbeat filter
//! like the heartbeats themselves.
//!
//! Which message was a heartbeat is what the simulation's message log
//! recorded when it was sent (`sim::msglog::MsgRecord::heartbeat`); why it
//! was lost is the `DropReason` of the `MessageDropped` event. Nothing is
//! re-derived here.

use super::i18n::{Lang, MessageName};
use crate::raft::{MessageKind, NodeId};
use crate::sim::{DropReason, MsgId, SimEvent, TraceEvent, TraceKind};
use crate::view::node_names::NodeNames;

/// What makes two lost messages "the same" for folding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DropKey {
    /// Sender.
    pub from: NodeId,
    /// Receiver.
    pub to: NodeId,
    /// Kind of message.
    pub kind: MessageKind,
    /// Why it was lost.
    pub reason: DropReason,
    /// A heartbeat (or the reply to one).
    pub heartbeat: bool,
}

/// The fold key of a `MessageDropped` event (`None` for any other event).
pub fn drop_key(e: &TraceEvent, heartbeat_of: &dyn Fn(MsgId) -> bool) -> Option<DropKey> {
    match e.kind {
        TraceKind::Sim(SimEvent::MessageDropped {
            id,
            kind,
            to,
            reason,
        }) => Some(DropKey {
            from: e.node,
            to,
            kind,
            reason,
            heartbeat: heartbeat_of(id),
        }),
        _ => None,
    }
}

/// One line of the folded log: an event, or the newest of a folded run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Folded<'a> {
    /// The event shown (the newest of its run).
    pub event: &'a TraceEvent,
    /// Its position in the input (newest first), for a stable key.
    pub position: usize,
    /// How many events the line stands for (1: not folded).
    pub count: usize,
    /// The oldest tick of the run.
    pub oldest_tick: u64,
    /// The drop it folds, if it is a folded drop line.
    pub drop: Option<DropKey>,
}

/// Folds `events` (newest first, already filtered by category): within a
/// stretch of consecutive drop events (accepted heartbeats in between do
/// not end it), drops with the same [`DropKey`] become one line at the
/// place of the newest. Dropped heartbeats are left
/// out unless `heartbeats` (the log's filter) shows them.
pub fn fold<'a>(
    events: impl IntoIterator<Item = &'a TraceEvent>,
    heartbeat_of: &dyn Fn(MsgId) -> bool,
    heartbeats: bool,
) -> Vec<Folded<'a>> {
    let mut out: Vec<Folded<'a>> = Vec::new();
    // Lines of the current stretch of drops (indices into `out`).
    let mut stretch: Vec<usize> = Vec::new();
    for (position, e) in events.into_iter().enumerate() {
        let key = drop_key(e, heartbeat_of);
        match key {
            Some(k) if k.heartbeat && !heartbeats => continue,
            Some(k) => {
                if let Some(&i) = stretch.iter().find(|&&i| out[i].drop == Some(k)) {
                    out[i].count += 1;
                    out[i].oldest_tick = e.tick;
                } else {
                    stretch.push(out.len());
                    out.push(Folded {
                        event: e,
                        position,
                        count: 1,
                        oldest_tick: e.tick,
                        drop: Some(k),
                    });
                }
            }
            None => {
                // An accepted heartbeat (shown with the filter on) does not
                // interrupt a run of losses on another link.
                if !super::explain::is_heartbeat_noise(&e.kind) {
                    stretch.clear();
                }
                out.push(Folded {
                    event: e,
                    position,
                    count: 1,
                    oldest_tick: e.tick,
                    drop: None,
                });
            }
        }
    }
    out
}

/// The text of a folded drop line of `count` messages, ticks
/// `oldest`–`newest`.
pub fn folded_drop_text(
    lang: Lang,
    names: NodeNames,
    k: &DropKey,
    count: usize,
    oldest: u64,
    newest: u64,
) -> String {
    let (from, to) = (k.from, k.to);
    let ticks = match lang {
        Lang::En => format!("ticks {oldest}–{newest}"),
        Lang::Zh => format!("时刻 {oldest}–{newest}"),
    };
    if k.heartbeat && k.kind == MessageKind::AppendEntries {
        return match (lang, k.reason) {
            (Lang::En, DropReason::LinkCut) => {
                format!(
                    "{count} heartbeats lost on the cut link {from}→{to} ({ticks})",
                    from = names.of(from),
                    to = names.of(to)
                )
            }
            (Lang::Zh, DropReason::LinkCut) => {
                format!(
                    "{count} 个心跳在断开的链路 {from}→{to} 上丢失（{ticks}）",
                    from = names.of(from),
                    to = names.of(to)
                )
            }
            (Lang::En, r) => format!(
                "{count} heartbeats from {from} to {to} never arrived: {} ({ticks})",
                reason(lang, names, to, r),
                from = names.of(from),
                to = names.of(to)
            ),
            (Lang::Zh, r) => format!(
                "{from} 发给 {to} 的 {count} 个心跳未送达：{}（{ticks}）",
                reason(lang, names, to, r),
                from = names.of(from),
                to = names.of(to)
            ),
        };
    }
    let m = lang.message(MessageName::Kind(k.kind));
    let r = reason(lang, names, to, k.reason);
    match lang {
        Lang::En => format!(
            "{count} × {m} from {from} to {to} never arrived: {r} ({ticks})",
            from = names.of(from),
            to = names.of(to)
        ),
        Lang::Zh => format!(
            "{from} 发给 {to} 的 {count} 条{m}未送达：{r}（{ticks}）",
            from = names.of(from),
            to = names.of(to)
        ),
    }
}

fn reason(lang: Lang, names: NodeNames, to: NodeId, r: DropReason) -> String {
    match (r, lang) {
        (DropReason::Lost, Lang::En) => "the network lost them".into(),
        (DropReason::Lost, Lang::Zh) => "网络丢失了它们".into(),
        (DropReason::LinkCut, Lang::En) => "the link is cut".into(),
        (DropReason::LinkCut, Lang::Zh) => "链路已断开".into(),
        (DropReason::ReceiverDown, Lang::En) => format!("{to} is crashed", to = names.of(to)),
        (DropReason::ReceiverDown, Lang::Zh) => format!("{to} 已崩溃", to = names.of(to)),
        (DropReason::ByUser, Lang::En) => "you dropped them".into(),
        (DropReason::ByUser, Lang::Zh) => "被你丢弃".into(),
        (DropReason::Overflow, Lang::En) => "the network was full (too many in flight)".into(),
        (DropReason::Overflow, Lang::Zh) => "网络已满（在途消息过多）".into(),
    }
}

#[cfg(test)]
mod tests;
