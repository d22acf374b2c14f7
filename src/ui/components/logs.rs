//! The logs panel: one row per node with every entry (a window of the last
//! ones for long logs), markers for commitIndex / lastApplied and the
//! leader's nextIndex / matchIndex, the card of the selected entry, and
//! each node's state machine.

use super::entry_card::{entry_card, EntryCardProps};
use super::kv_view::{kv_view, KvData, KvViewProps, KV_SHOWN, PENDING_SHOWN};
use super::log_row::{CellData, LogRow, RowData};
use crate::raft::{Index, NodeId, UnsafeSwitch};
use crate::sim::{NodeStatus, RoleKey};
use crate::ui::props::ViewProps;
use crate::ui::state::{Selection, UiAction};
use crate::view::entry_view;
use crate::view::log_view::{cell_text, pending_writes, window_start, LOG_WINDOW};
use crate::view::snapshot_view;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`LogsView`].
#[derive(Properties, PartialEq)]
pub struct LogsViewProps {
    /// Shared props.
    pub view: ViewProps,
    /// Entries "show the cause" marks, as (index, term) (`view::cause_marks`).
    #[prop_or_default]
    pub cause: Vec<(Index, crate::raft::Term)>,
    /// Cells the guided step being shown talks about, as (node, index).
    #[prop_or_default]
    pub step_cells: Vec<(NodeId, Index)>,
}

fn cell_of(e: &web_sys::Event) -> Option<(web_sys::Element, NodeId, Index)> {
    let el = e
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-log-index]")
        .ok()??;
    let node = el.get_attribute("data-log-node")?.parse().ok()?;
    let index = el.get_attribute("data-log-index")?.parse().ok()?;
    Some((el, node, index))
}

/// The node whose snapshot block was clicked, if one was.
fn snapshot_of(e: &web_sys::Event) -> Option<NodeId> {
    e.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-snapshot-node]")
        .ok()??
        .get_attribute("data-snapshot-node")?
        .parse()
        .ok()
}

/// Arrow keys move between cells (left/right in a row, up/down across rows).
fn move_focus(e: &KeyboardEvent, scroller: &NodeRef) {
    let (dn, di): (i64, i64) = match e.key().as_str() {
        "ArrowLeft" => (0, -1),
        "ArrowRight" => (0, 1),
        "ArrowUp" => (-1, 0),
        "ArrowDown" => (1, 0),
        _ => return,
    };
    let Some((_, node, index)) = cell_of(e) else {
        return;
    };
    e.prevent_default();
    e.stop_propagation();
    let (n, i) = (i64::from(node) + dn, index as i64 + di);
    let Some(root) = scroller.cast::<web_sys::Element>() else {
        return;
    };
    let sel = format!("[data-log-node=\"{n}\"][data-log-index=\"{i}\"]");
    if let Some(el) = root
        .query_selector(&sel)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// LogsView.
#[component]
pub fn LogsView(p: &LogsViewProps) -> Html {
    crate::ui::render_count::count("LogsView");
    let v = &p.view;
    let (l, names) = (v.lang, v.names);
    let show_all = use_state(|| false);
    let open_snapshot = use_state(|| None::<NodeId>);
    let scroller = use_node_ref();
    let stick = use_mut_ref(|| true);
    let on_select = use_callback(
        (v.dispatch.clone(), open_snapshot.clone()),
        |e: MouseEvent, (d, open)| {
            if let Some(n) = snapshot_of(&e) {
                open.set(if **open == Some(n) { None } else { Some(n) });
            } else if let Some((_, n, i)) = cell_of(&e) {
                d.emit(UiAction::Select(Some(Selection::Entry(n, i))));
            }
        },
    );
    let on_label = use_callback(v.dispatch.clone(), |e: MouseEvent, d| {
        let node = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-select-node]").ok().flatten())
            .and_then(|el| el.get_attribute("data-select-node"))
            .and_then(|n| n.parse().ok());
        if let Some(n) = node {
            d.emit(UiAction::Select(Some(Selection::Node(n))));
        }
    });
    let on_key = {
        let scroller = scroller.clone();
        Callback::from(move |e: KeyboardEvent| move_focus(&e, &scroller))
    };
    let on_scroll = {
        let scroller = scroller.clone();
        let stick = stick.clone();
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                *stick.borrow_mut() =
                    el.scroll_left() + el.client_width() >= el.scroll_width() - 16;
            }
        })
    };

    let sim = v.sim.borrow();
    let world = sim.world();
    let max_last = world
        .nodes()
        .iter()
        .map(|s| s.node.log().last_index())
        .max()
        .unwrap_or(0);
    {
        let scroller = scroller.clone();
        let stick = stick.clone();
        use_effect_with((max_last, *show_all, world.nodes().len()), move |_| {
            if *stick.borrow() {
                if let Some(el) = scroller.cast::<web_sys::Element>() {
                    el.set_scroll_left(el.scroll_width());
                }
            }
        });
    }
    let start = window_start(max_last, *show_all);
    let slots = max_last + 2 - start;
    let sel = match v.selected {
        Some(Selection::Entry(n, i)) => Some((n, i)),
        _ => None,
    };
    let highlight = sel.and_then(|(n, i)| {
        let t = world.slot(n).ok()?.node.log().get(i)?.term;
        Some((i, t))
    });
    let leader = world.leader().and_then(|id| world.slot(id).ok());
    let mut labels = Vec::with_capacity(world.nodes().len());
    let rows = world.nodes().iter().map(|s| {
        let node = &s.node;
        let id = node.id();
        let up = s.status != NodeStatus::Crashed;
        let commit = s.commit_index().unwrap_or(0);
        let log = node.log();
        let skip = start.saturating_sub(log.first_index()) as usize;
        let cells = log
            .entries()
            .iter()
            .skip(skip)
            .map(|e| CellData {
                index: e.index,
                term: e.term,
                text: cell_text(l, e.command()),
                committed: up && e.index <= commit,
                cause: p.cause.contains(&(e.index, e.term)),
                step: p.step_cells.contains(&(id, e.index)),
            })
            .collect();
        let progress = leader
            .filter(|ld| ld.node.id() != id)
            .and_then(|ld| ld.node.progress().get(&id))
            .map(|pr| (pr.next_index, pr.match_index));
        let role = RoleKey::of(s.status, node.role());
        let facts = crate::view::crash_view::row_facts(l, node.term(), s.commit_index(), s.last_applied());
        labels.push(html! {
            <div key={id} class={classes!("log-label", format!("status-{}", s.status.name()))}>
                <button class={classes!("node-chip", format!("role-{}", role.name()))} data-select-node={id.to_string()} data-node-name={names.name(id)}
                    aria-label={format!("{} · {}", names.of(id), l.t("inspect", "查看"))}>{names.name(id)}</button>
                <span class="log-label-text">
                    <span class="log-role">{l.role(role)}</span>
                    <span class="log-facts">{super::live_num::live_line(facts)}</span>
                </span>
            </div>
        });
        let row = RowData {
            node: id,
            status: s.status.name(),
            role: role.name(),
            start,
            cells,
            last_index: log.last_index(),
            commit: s.commit_index(),
            applied: s.last_applied(),
            progress,
            selected: sel.filter(|(n, _)| *n == id).map(|(_, i)| i),
            highlight,
            snapshot: snapshot_view::block(l, names, id, node.snapshot(), start),
            snapshot_open: *open_snapshot == Some(id),
            lang: l,
            names,
        };
        html! { <LogRow key={id} row={row} /> }
    }).collect::<Vec<Html>>();
    let kv: Vec<KvData> = world
        .nodes()
        .iter()
        .map(|s| {
            let data = &s.node.kv().data;
            KvData {
                node: s.node.id(),
                crashed: s.status == NodeStatus::Crashed,
                applied: s.node.last_applied(),
                pairs: data
                    .iter()
                    .take(KV_SHOWN)
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                total: data.len(),
                pending: pending_writes(s.node.log(), s.node.last_applied(), PENDING_SHOWN),
            }
        })
        .collect();
    let card = sel.map(|(n, i)| {
        let facts = entry_view::facts(world);
        let net = world.network();
        let count_old = world
            .config()
            .raft
            .is_unsafe(UnsafeSwitch::CommitOldTermByCounting);
        let report = entry_view::analyse(&facts, n, i, |a, b| net.is_up(a, b), count_old);
        entry_card(&EntryCardProps {
            report,
            lang: l,
            names,
            dispatch: v.dispatch.clone(),
        })
    });
    let snapshot_card = open_snapshot.and_then(|n| {
        let s = world.slot(n).ok()?.node.snapshot();
        let close = {
            let open = open_snapshot.clone();
            Callback::from(move |_: MouseEvent| open.set(None))
        };
        Some(super::snapshot_card::snapshot_card(
            &super::snapshot_card::SnapshotCardProps {
                node: n,
                snapshot: s.clone(),
                lang: l,
                names,
                onclose: Some(close),
            },
        ))
    });
    let hidden = start - 1;
    let toggle = {
        let show_all = show_all.clone();
        Callback::from(move |_| show_all.set(!*show_all))
    };
    let ruler = (start..=max_last + 1).map(|i| {
        html! { <span class="ruler-index">{i}</span> }
    });
    html! {
        <section class="logs panel" aria-label={l.t("Logs", "日志")}>
            <header class="panel-head">
                <h2>{l.t("Logs", "日志")}</h2>
                <ul class="legend" aria-label={l.t("Legend", "图例")}>
                    <li><span class="legend-cell committed"></span>{l.t("✓ committed (≤ the row's commitIndex)", "✓ 已提交（≤ 本行 commitIndex）")}</li>
                    <li><span class="legend-cell uncommitted"></span>{l.t("… not committed yet (> the row's commitIndex)", "… 尚未提交（> 本行 commitIndex）")}</li>
                    <li><span class="log-marker commit">{"C"}</span>{"commitIndex"}</li>
                    <li><span class="log-marker applied">{"A"}</span>{"lastApplied"}</li>
                    <li><span class="log-marker next">{"N"}</span><span class="log-marker match">{"M"}</span>{l.t("leader's nextIndex / matchIndex", "领导者记录的 nextIndex / matchIndex")}</li>
                </ul>
                if hidden > 0 || *show_all {
                    <button class="small" data-action="logs-show-all" aria-pressed={show_all.to_string()} onclick={toggle}>
                        { if *show_all {
                            format!("{} {LOG_WINDOW}", l.t("Show only the last", "只显示最后"))
                        } else {
                            format!("{} ({} {hidden})", l.t("Show all", "显示全部"), l.t("hidden", "已隐藏"))
                        } }
                    </button>
                }
            </header>
            if max_last == 0 {
                <p class="empty">{l.t("No entries yet: once a leader is elected, submit a command such as put x 1.", "还没有日志条目：选出领导者后，提交一条命令，例如 put x 1。")}</p>
            }
            <div class="log-grid">
                <div class="log-labels" onclick={on_label}>
                    <div class="log-label ruler" aria-hidden="true">{l.t("index", "索引")}</div>
                    { for labels }
                </div>
                <div class="log-scroller" ref={scroller} onscroll={on_scroll} onclick={on_select} onkeydown={on_key}
                    style={format!("--slots: {slots}")}>
                    <div class="log-track ruler" aria-hidden="true">{ for ruler }</div>
                    { for rows }
                </div>
            </div>
            { snapshot_card }
            { card }
            { kv_view(&KvViewProps { nodes: kv, lang: l, names }) }
        </section>
    }
}
