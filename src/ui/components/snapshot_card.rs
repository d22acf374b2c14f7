//! The card of one node's snapshot (thesis §5.1), opened from its folded
//! block in the logs panel and shown in the inspector: the last included
//! index and term, what the snapshot replaces, its size, and what it holds —
//! the state machine and the configuration.

use crate::raft::{NodeId, Snapshot};
use crate::view::i18n::Lang;
use crate::view::snapshot_view::{config_text, PAIRS_SHOWN};
use yew::prelude::*;

/// Arguments of [`snapshot_card`].
pub struct SnapshotCardProps {
    /// Whose snapshot.
    pub node: NodeId,
    /// The snapshot.
    pub snapshot: Snapshot,
    /// Language.
    pub lang: Lang,
    /// How nodes are named.
    pub names: crate::view::node_names::NodeNames,
    /// Closes the card (none in the inspector).
    pub onclose: Option<Callback<MouseEvent>>,
}

/// The snapshot card.
pub fn snapshot_card(p: &SnapshotCardProps) -> Html {
    let (l, s, n, names) = (p.lang, &p.snapshot, p.node, p.names);
    let close = p.onclose.clone().map(|cb| {
        html! {
            <button class="close" data-action="close-snapshot" aria-label={l.t("Close", "关闭")} onclick={cb}>{"×"}</button>
        }
    });
    if s.is_empty() {
        return html! {
            <div class="snapshot-card empty" data-snapshot-card={n.to_string()}>
                <p class="muted">{l.t("No snapshot yet: the log was never compacted.", "还没有快照：日志尚未压缩过。")}</p>
                { close }
            </div>
        };
    }
    let i = s.last_included_index;
    let title = match l {
        Lang::En => format!(
            "Snapshot of {n}: entries 1–{i} compacted (thesis §5.1)",
            n = p.names.of(n)
        ),
        Lang::Zh => format!(
            "{n} 的快照：条目 1–{i} 已压缩（博士论文 §5.1）",
            n = p.names.of(n)
        ),
    };
    let data = &s.state.data;
    let more = data.len().saturating_sub(PAIRS_SHOWN);
    html! {
        <div class="snapshot-card" data-snapshot-card={n.to_string()} role="region" aria-label={title.clone()}>
            <div class="snapshot-card-head"><strong>{title}</strong>{ close }</div>
            <dl class="msg-fields">
                <dt>{"lastIncludedIndex"}</dt><dd>{i}</dd>
                <dt>{"lastIncludedTerm"}</dt><dd>{s.last_included_term}</dd>
                <dt>{l.t("size", "大小")}</dt><dd>{match l {
                    Lang::En => format!("{} bytes", s.size_bytes()),
                    Lang::Zh => format!("{} 字节", s.size_bytes()),
                }}</dd>
                <dt>{l.t("configuration", "配置")}</dt><dd data-snapshot-config="">{config_text(l, names, s)}</dd>
            </dl>
            <h3>{l.t("State machine in the snapshot", "快照中的状态机")}</h3>
            if data.is_empty() {
                <p class="muted">{l.t("empty", "空")}</p>
            } else {
                <table class="snapshot-kv" data-snapshot-kv="">
                    <thead><tr><th>{l.t("key", "键")}</th><th>{l.t("value", "值")}</th></tr></thead>
                    <tbody>
                        { for data.iter().take(PAIRS_SHOWN).map(|(k, v)| html! {
                            <tr><td><code>{k.clone()}</code></td><td><code>{v.clone()}</code></td></tr>
                        }) }
                    </tbody>
                </table>
                if more > 0 {
                    <p class="muted">{match l {
                        Lang::En => format!("… and {more} more"),
                        Lang::Zh => format!("……还有 {more} 个"),
                    }}</p>
                }
            }
        </div>
    }
}
