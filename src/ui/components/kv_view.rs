//! Each node's state machine: the applied key/values, and — greyed, in
//! italics — the puts and deletes it holds in its log but has not applied.

use crate::raft::{Index, NodeId};
use crate::view::i18n::Lang;
use crate::view::log_view::PendingWrite;
use yew::prelude::*;

/// Most keys shown per node.
pub const KV_SHOWN: usize = 12;
/// Most pending writes shown per node.
pub const PENDING_SHOWN: usize = 6;

/// One node's state machine, as shown.
#[derive(Clone, PartialEq)]
pub struct KvData {
    /// The node.
    pub node: NodeId,
    /// Crashed: the state machine is volatile, rebuilt after restart.
    pub crashed: bool,
    /// lastApplied.
    pub applied: Index,
    /// The first keys, in order.
    pub pairs: Vec<(String, String)>,
    /// How many keys in all.
    pub total: usize,
    /// Unapplied writes.
    pub pending: Vec<PendingWrite>,
}

/// Arguments of [`kv_view`].
pub struct KvViewProps {
    /// One per node.
    pub nodes: Vec<KvData>,
    /// Language.
    pub lang: Lang,
    /// How nodes are named.
    pub names: crate::view::node_names::NodeNames,
}

/// The key-value view of every node.
pub fn kv_view(p: &KvViewProps) -> Html {
    let l = p.lang;
    let cards = p.nodes.iter().map(|k| {
        let n = k.node.to_string();
        let body = if k.crashed {
            html! { <p class="kv-empty">{l.t("lost in the crash: rebuilt from the log after restart", "随崩溃丢失：重启后根据日志重建")}</p> }
        } else {
            let pairs = k.pairs.iter().map(|(key, value)| html! {
                <span class="kv-pair" data-kv-node={n.clone()} data-kv-key={key.clone()} data-kv-value={value.clone()}>
                    <span class="kv-key">{key.clone()}</span>{"="}<span class="kv-value">{value.clone()}</span>
                </span>
            });
            let pending = k.pending.iter().map(|w| {
                let text = match &w.value {
                    Some(v) => format!("{}={v}", w.key),
                    None => format!("del {}", w.key),
                };
                let title = format!("{} {}", l.t("not applied yet: log index", "尚未应用：日志索引"), w.index);
                html! {
                    <span class="kv-pair pending" data-kv-node={n.clone()} data-kv-key={w.key.clone()} data-kv-pending="true" title={title}>
                        {text}<sup>{w.index}</sup>
                    </span>
                }
            });
            let more = k.total.saturating_sub(k.pairs.len());
            html! {
                <>
                    if k.pairs.is_empty() && k.pending.is_empty() {
                        <span class="kv-empty">{l.t("(empty)", "（空）")}</span>
                    }
                    { for pairs }
                    if more > 0 { <span class="kv-more">{format!("+{more}")}</span> }
                    { for pending }
                </>
            }
        };
        html! {
            <div class={classes!("kv-node", k.crashed.then_some("crashed"))} data-kv={n.clone()}>
                <span class="kv-name">{p.names.name(k.node)}<small>{format!(" A{}", k.applied)}</small></span>
                <div class="kv-pairs">{body}</div>
            </div>
        }
    });
    html! {
        <div class="kv-view" aria-label={l.t("State machines (key-value)", "状态机（键值）")}>
            <h3>
                {l.t("State machines", "状态机")}
                <span class="hint">{l.t(" — applied values; greyed italics = in the log, not applied yet", " — 已应用的值；灰色斜体 = 在日志中但尚未应用")}</span>
            </h3>
            <div class="kv-grid">{ for cards }</div>
        </div>
    }
}
