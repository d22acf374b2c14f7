//! The entry card: one log entry's state — who holds it, whether it is
//! committed, and why not yet, by the leader's own rule.

use crate::ui::state::{Selection, UiAction};
use crate::view::entry_view::{EntryReport, Lack, Presence, Verdict};
use crate::view::i18n::Lang;
use crate::view::log_view::term_color;
use crate::view::node_names::NodeNames;
use yew::prelude::*;

/// Arguments of [`entry_card`].
pub struct EntryCardProps {
    /// The analysis.
    pub report: EntryReport,
    /// Language.
    pub lang: Lang,
    /// How nodes are named.
    pub names: NodeNames,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
}

fn chip(l: Lang, names: NodeNames, node: u32, p: Presence, doomed: Option<u32>) -> Html {
    let overwritten = doomed.map(|leader| match l {
        Lang::En => {
            format!(
                "holds it; will be overwritten: leader {leader} does not hold it (§5.3)",
                leader = names.of(leader)
            )
        }
        Lang::Zh => format!(
            "持有；将被覆盖：领导者 {leader} 没有这一条（§5.3）",
            leader = names.of(leader)
        ),
    });
    let (class, mark, title) = match p {
        Presence::Holds {
            committed: true,
            applied: true,
        } => (
            "holds committed",
            "✓✓",
            l.t(
                "holds it; committed and applied here",
                "持有；本节点已提交并应用",
            ),
        ),
        Presence::Holds {
            committed: true, ..
        } => (
            "holds committed",
            "✓",
            l.t("holds it; committed here", "持有；本节点已提交"),
        ),
        Presence::Holds { .. } => (
            "holds",
            "✓",
            l.t(
                "holds it; not known committed here",
                "持有；本节点尚未得知已提交",
            ),
        ),
        Presence::Lacks(Lack::Crashed) => ("lacks down", "✗", l.t("crashed", "已崩溃")),
        Presence::Lacks(Lack::Paused) => ("lacks down", "✗", l.t("paused", "已暂停")),
        Presence::Lacks(Lack::CutOff) => {
            ("lacks", "✗", l.t("cut off from the leader", "与领导者断开"))
        }
        Presence::Lacks(Lack::Conflict(_)) => (
            "lacks conflict",
            "≠",
            l.t("different entry at this index", "此索引处是不同的条目"),
        ),
        Presence::Lacks(Lack::Behind(_)) => ("lacks", "✗", l.t("does not have it yet", "尚未收到")),
    };
    let (class, title) = match overwritten {
        Some(t) if matches!(p, Presence::Holds { .. }) => ("holds doomed", t),
        _ => (class, title.to_string()),
    };
    let extra = match p {
        Presence::Lacks(Lack::Conflict(t)) => format!(" T{t}"),
        _ => String::new(),
    };
    html! {
        <li class={classes!("presence", class)} title={title.clone()} data-presence-node={node.to_string()}>
            <strong>{names.name(node)}</strong>{" "}{mark}{extra}
            <span class="presence-text">{title}</span>
        </li>
    }
}

/// The card under the logs.
pub fn entry_card(p: &EntryCardProps) -> Html {
    let r = &p.report;
    let l = p.lang;
    let close = p.dispatch.reform(|_| UiAction::Select(None));
    let node = r.node;
    let show_node = p
        .dispatch
        .reform(move |_| UiAction::Select(Some(Selection::Node(node))));
    let tone = match r.verdict {
        Verdict::Committed => "ok",
        Verdict::Missing => "muted",
        Verdict::AboutToCommit { .. } => "soon",
        _ => "wait",
    };
    let title = match r.term {
        Some(t) => html! {
            <>
                <span class="swatch" style={format!("--term-color: {}", term_color(t))}></span>
                {format!("{} · {} {} · {} {} · ", p.names.of(r.node), l.t("index", "索引"), r.index, l.t("term", "任期"), t)}
                <code>{r.command_text(l)}</code>
            </>
        },
        None => {
            html! { {format!("{} · {} {}", p.names.of(r.node), l.t("index", "索引"), r.index)} }
        }
    };
    let rule = !matches!(r.verdict, Verdict::Committed | Verdict::Missing);
    html! {
        <section class={classes!("entry-card", tone)} data-testid="entry-card" data-verdict={r.verdict.name()}
            aria-live="polite" aria-label={l.t("Selected log entry", "选中的日志条目")}>
            <header>
                <h3>{title}</h3>
                <button class="small text-button" onclick={show_node}>{l.t("Inspect node", "查看节点")}</button>
                <button class="close" aria-label={l.t("Close entry card", "关闭条目卡片")} onclick={close}>{"×"}</button>
            </header>
            <p class="verdict">{r.headline(l, p.names)}</p>
            if r.term.is_some() {
                <ul class="presence-list" aria-label={l.t("Which nodes hold it (same index and term)", "哪些节点持有它（索引和任期都相同）")}>
                    { for r.presence.iter().map(|(n, pr)| chip(l, p.names, *n, *pr, r.overwritten_by())) }
                </ul>
            }
            <ul class="details">
                { for r.details(l, p.names).into_iter().map(|d| html! { <li>{d}</li> }) }
            </ul>
            if rule {
                <p class="rule">
                    <strong>{l.t("The leader's rule: ", "领导者的规则：")}</strong>
                    {l.t(
                        "commit index N once a majority's matchIndex ≥ N and log[N].term = currentTerm; everything before N commits with it (§5.3, §5.4.2).",
                        "当多数派的 matchIndex ≥ N 且 log[N].term = currentTerm 时提交索引 N；N 之前的条目随之一并提交（§5.3，§5.4.2）。",
                    )}
                </p>
            }
        </section>
    }
}
