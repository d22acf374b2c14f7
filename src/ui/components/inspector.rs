//! The inspector: a selected node's whole state, split as a crash splits it
//! (persistent vs volatile, Figure 2); with no node selected, a summary of
//! the cluster.

use super::live_num::{live_line, live_num};
use crate::raft::{Node, Role};
use crate::sim::{NodeSlot, NodeStatus, OpStatus, RoleKey, World};
use crate::ui::props::ViewProps;
use crate::ui::state::{Selection, UiAction};
use crate::view::fixed::Fixed;
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;
use yew::prelude::*;

/// Props of [`Inspector`].
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    /// Shared props.
    pub view: ViewProps,
}

fn row(name: &str, value: impl Into<String>) -> Html {
    html! { <><dt>{name.to_string()}</dt><dd>{value.into()}</dd></> }
}

/// A row whose value changes while the clock runs: one line in a box that
/// is its own layout root ([`live_line`]), so a refresh does not re-lay-out
/// the page.
fn live_row(name: &str, value: String) -> Html {
    html! { <><dt>{name.to_string()}</dt><dd>{live_line(value)}</dd></> }
}

fn opt_node(l: Lang, names: NodeNames, n: Option<u32>) -> String {
    n.map_or_else(|| l.t("— (none)", "—（无）").to_string(), |n| names.name(n))
}

fn volatile(l: Lang, names: NodeNames, node: &Node, status: NodeStatus) -> Html {
    if status == NodeStatus::Crashed {
        return html! {
            <>
            <p class="lost">{l.t(
                "Lost in the crash: role, leader, commitIndex, lastApplied, timers, votes and the state machine are rebuilt after restart.",
                "随崩溃丢失：角色、领导者、commitIndex、lastApplied、计时器、选票和状态机都会在重启后重建。",
            )}</p>
            <dl>
                { row("commitIndex", crate::view::crash_view::volatile_text(l, None)) }
                { row("lastApplied", crate::view::crash_view::volatile_text(l, None)) }
            </dl>
            </>
        };
    }
    let role = node.role();
    let elapsed = node.election_elapsed();
    let timeout = node.randomized_election_timeout().max(1);
    let timer = if role == Role::Leader {
        html! { row(l.t("Election timer", "选举计时器"), l.t("not running: the leader sends heartbeats", "不运行：领导者负责发送心跳")) }
    } else {
        let pct = (f64::from(elapsed) / f64::from(timeout) * 100.0).clamp(0.0, 100.0);
        html! {
            <>
                <dt>{l.t("Election timer", "选举计时器")}</dt>
                <dd>
                    {live_num(elapsed)}{" / "}{live_num(timeout)}{" "}{l.t("ticks", "个时钟周期")}
                    <span class="timer-bar" role="progressbar" aria-valuemin="0" aria-valuemax={timeout.to_string()}
                        aria-valuenow={elapsed.min(timeout).to_string()} aria-label={l.t("Election timer", "选举计时器")}>
                        <span style={format!("width: {}%", Fixed(pct, 0))}></span>
                    </span>
                    if status == NodeStatus::Paused { <small>{l.t(" (frozen: paused)", "（已冻结：暂停中）")}</small> }
                </dd>
            </>
        }
    };
    let votes = (!node.votes().is_empty()).then(|| {
        let granted = node.votes().values().filter(|g| **g).count();
        let list = node
            .votes()
            .iter()
            .map(|(n, g)| format!("{} {}", names.of(n), if *g { "✓" } else { "✗" }))
            .collect::<Vec<_>>()
            .join("  ");
        let text = format!(
            "{list}  ({granted} / {} {})",
            node.quorum(),
            l.t("needed", "票所需")
        );
        html! { row(l.t("Votes received", "收到的选票"), text) }
    });
    let progress = (role == Role::Leader).then(|| {
        let rows = node.progress().iter().map(|(f, pr)| html! {
            <tr data-progress-node={f.to_string()}>
                <th scope="row">{names.name(*f)}</th>
                <td>{live_num(pr.next_index)}</td>
                <td>{live_num(pr.match_index)}</td>
                <td>{if pr.recent_active { "✓" } else { "·" }}</td>
            </tr>
        });
        html! {
            <table class="progress-table">
                <caption>{l.t("Leader's view of each follower (Figure 2)", "领导者对每个跟随者的记录（图 2）")}</caption>
                <thead><tr>
                    <th scope="col">{l.t("follower", "跟随者")}</th>
                    <th scope="col">{"nextIndex"}</th>
                    <th scope="col">{"matchIndex"}</th>
                    <th scope="col" title={l.t("heard from it since the last CheckQuorum round", "自上次 CheckQuorum 以来收到过它的消息")}>{l.t("active", "活跃")}</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        }
    });
    html! {
        <>
            <dl>
                { row(l.t("Role", "角色"), l.role(RoleKey::from(role))) }
                { row(l.t("Follows leader", "跟随的领导者"), opt_node(l, names, node.leader_id())) }
                { live_row("commitIndex", node.commit_index().to_string()) }
                { live_row("lastApplied", node.last_applied().to_string()) }
                { timer }
                { for votes }
            </dl>
            { for progress }
        </>
    }
}

fn node_view(l: Lang, names: NodeNames, slot: &NodeSlot, d: &Callback<UiAction>) -> Html {
    let node = &slot.node;
    let id = node.id();
    let log = node.log();
    let role = RoleKey::of(slot.status, node.role());
    let back = d.reform(|_| UiAction::Select(None));
    html! {
        <section class="inspector panel" data-testid="inspector" data-inspect="node" data-node={id.to_string()} data-node-name={names.name(id)}
            aria-label={l.t("Inspector", "检查器")}>
            <header class="panel-head">
                <h2><span class={classes!("node-chip", format!("role-{}", role.name()))}>{names.name(id)}</span>{" "}{l.role(role)}</h2>
                <button class="small" onclick={back}>{l.t("Cluster summary", "集群概览")}</button>
            </header>
            <div class="state-block persistent">
                <h3>{l.t("Persistent (survives crash)", "持久化（崩溃后保留）")}</h3>
                <dl>
                    { row("currentTerm", node.term().to_string()) }
                    { row("votedFor", opt_node(l, names, node.voted_for())) }
                    { row(l.t("Log", "日志"), format!("{} {} · {} {} ({} {})",
                        log.entries().len(), l.t("entries", "个条目"),
                        l.t("last term", "最后任期"), log.last_term(),
                        l.t("index", "索引"), log.last_index())) }
                    { row(l.t("Snapshot", "快照"), if node.snapshot().is_empty() {
                        l.t("none (log never compacted)", "无（日志尚未压缩）").to_string()
                    } else {
                        format!("lastIncludedIndex {} · lastIncludedTerm {}", log.snapshot_index(), log.snapshot_term())
                    }) }
                </dl>
                if !node.snapshot().is_empty() {
                    { super::snapshot_card::snapshot_card(&super::snapshot_card::SnapshotCardProps {
                        node: id, snapshot: node.snapshot().clone(), lang: l, names, onclose: None,
                    }) }
                }
            </div>
            <div class="state-block volatile">
                <h3>{l.t("Volatile (lost on crash)", "易失（崩溃后丢失）")}</h3>
                { volatile(l, names, node, slot.status) }
            </div>
        </section>
    }
}

fn summary(l: Lang, names: NodeNames, world: &World) -> Html {
    let leader = world.leader().and_then(|id| world.slot(id).ok());
    let term = world
        .nodes()
        .iter()
        .map(|s| s.node.term())
        .max()
        .unwrap_or(0);
    let count = |st: NodeStatus| world.nodes().iter().filter(|s| s.status == st).count();
    let commit = leader.map_or_else(
        || {
            world
                .nodes()
                .iter()
                .filter_map(|s| s.commit_index())
                .max()
                .unwrap_or(0)
        },
        |s| s.node.commit_index(),
    );
    let ops = world.client().ops();
    let by = |f: fn(&OpStatus) -> bool| ops.iter().filter(|o| f(&o.status)).count();
    let leader_text = match leader {
        Some(s) => format!(
            "{} ({} {})",
            names.of(s.node.id()),
            l.t("term", "任期"),
            s.node.term()
        ),
        None => l
            .t("none — an election is needed", "无 — 需要选举")
            .to_string(),
    };
    let violations = world.violations().len();
    html! {
        <section class="inspector panel" data-testid="inspector" data-inspect="cluster" aria-label={l.t("Inspector", "检查器")}>
            <header class="panel-head"><h2>{l.t("Cluster", "集群")}</h2></header>
            <dl class="summary">
                { row(l.t("Leader", "领导者"), leader_text) }
                { live_row(l.t("Highest term", "最高任期"), term.to_string()) }
                { live_row(l.t("Commit index", "提交索引"), commit.to_string()) }
                { row(l.t("Nodes", "节点"), format!("{} {} · {} {} · {} {}",
                    count(NodeStatus::Up), l.t("up", "运行"),
                    count(NodeStatus::Crashed), l.t("crashed", "崩溃"),
                    count(NodeStatus::Paused), l.t("paused", "暂停"))) }
                { live_row(l.t("Messages in flight", "传输中的消息"), world.network().in_flight().len().to_string()) }
                { live_row(l.t("Client operations", "客户端操作"), format!("{} {} · {} {} · {} {}",
                    by(|s| matches!(s, OpStatus::Committed { .. } | OpStatus::ReadAnswered { .. })), l.t("committed", "已提交"),
                    by(|s| matches!(s, OpStatus::Pending { .. } | OpStatus::Waiting { .. } | OpStatus::Reading { .. })), l.t("in progress", "进行中"),
                    by(|s| matches!(s, OpStatus::Failed { .. })), l.t("failed", "失败"))) }
                { row(l.t("Safety", "安全性"), if violations == 0 {
                    l.t("all properties hold", "所有性质成立").to_string()
                } else {
                    format!("{violations} {}", l.t("violation(s)", "处违反"))
                }) }
            </dl>
            <p class="hint">{l.t("Click a node to inspect its state; click a log cell to see why it is (not) committed.",
                "点击节点查看其状态；点击日志格子查看它为什么（尚未）提交。")}</p>
        </section>
    }
}

/// The inspector.
#[component]
pub fn Inspector(p: &InspectorProps) -> Html {
    crate::ui::render_count::count("Inspector");
    let v = &p.view;
    let sim = v.sim.borrow();
    let world = sim.world();
    let node = match v.selected {
        Some(Selection::Node(n)) | Some(Selection::Entry(n, _)) => world.slot(n).ok(),
        _ => None,
    };
    match node {
        Some(slot) => node_view(v.lang, v.names, slot, &v.dispatch),
        None => summary(v.lang, v.names, world),
    }
}
