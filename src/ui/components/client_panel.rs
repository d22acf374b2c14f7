//! The client: a command box (`put x 1 · get x · del x`), where to send it
//! (the cluster, following redirects, or one node), and the operations so
//! far with their status in plain language.

use crate::raft::{Command, ReadMode};
use crate::sim::Target;
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::client_leader::{known_leader_text, Standing};
use crate::view::client_view::{
    lease_caveat, read_mode_label, status_name, status_text, target_text, OpContext,
};
use yew::prelude::*;

/// Operations listed (most recent first).
const OPS_SHOWN: usize = 20;

/// How many operations make the list take its fixed height (15rem holds
/// about five).
const OPS_FIXED_FROM: usize = 5;

/// Props of [`ClientPanel`].
#[derive(Properties, PartialEq)]
pub struct ClientPanelProps {
    /// Shared props.
    pub view: ViewProps,
}

/// The client panel.
#[component]
pub fn ClientPanel(p: &ClientPanelProps) -> Html {
    crate::ui::render_count::count("ClientPanel");
    let v = &p.view;
    let (l, names) = (v.lang, v.names);
    let input = use_node_ref();
    let target = use_state(|| Target::Cluster);
    let mode = use_state(|| ReadMode::Log);
    let on_mode = {
        let mode = mode.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            mode.set(ReadMode::from_name(&value).unwrap_or(ReadMode::Log));
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            target.set(value.parse::<u32>().map_or(Target::Cluster, Target::Node));
        })
    };
    let on_submit = {
        let input = input.clone();
        let to = *target;
        let read_mode = *mode;
        let d = v.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(field) = input.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let text = field.value();
            if Command::parse(&text).is_ok() {
                field.set_value("");
            }
            d.emit(UiAction::Submit(to, text, read_mode));
        })
    };
    let sim = v.sim.borrow();
    let world = sim.world();
    let ids: Vec<u32> = world.nodes().iter().map(|s| s.node.id()).collect();
    let ops = world.client().ops();
    let shown = ops.iter().rev().take(OPS_SHOWN).map(|op| {
        let status = status_name(&op.status);
        let ctx = OpContext::of(world, op);
        let doomed = ctx.overwritten_by.map(|_| "doomed");
        html! {
            <li key={op.id} class={classes!("op", status, doomed)} data-op-id={op.id.to_string()} data-op-status={status}
                data-op-overwritten={ctx.overwritten_by.is_some().to_string()}>
                <span class="op-head">
                    <span class="op-id">{format!("#{}", op.id)}</span>
                    <code>{op.command.to_string()}</code>
                    <span class="op-target">{format!("→ {}", target_text(l, names, op.target))}</span>
                    <span class="op-tick">{format!("{} {}", l.t("tick", "时刻"), op.invoked_at)}</span>
                </span>
                if op.read_mode != ReadMode::Log {
                    <span class="op-read-mode" data-read-mode={op.read_mode.name()}>{read_mode_label(l, op.read_mode)}</span>
                }
                <span class="op-status">{status_text(l, names, op, ctx)}</span>
            </li>
        }
    });
    let known = world
        .client()
        .known_leader()
        .and_then(|n| world.slot(n).ok().map(|s| (n, Standing::of(s))));
    html! {
        <section class="client panel" aria-label={l.t("Client", "客户端")}>
            <header class="panel-head">
                <h2>{l.t("Client", "客户端")}</h2>
                <span class="hint" data-output="known-leader"
                    data-known-leader-standing={known.map(|(_, s)| s.name()).unwrap_or("none")}>
                    {known_leader_text(l, names, known)}
                </span>
            </header>
            <form class="command-form" onsubmit={on_submit}>
                <input ref={input} type="text" data-input="command" autocomplete="off" spellcheck="false"
                    placeholder="put x 1 · get x · del x" aria-label={l.t("Command", "命令")} />
                <select data-input="target" aria-label={l.t("Send to", "发送到")} onchange={on_target}>
                    <option value="cluster" selected={*target == Target::Cluster}>{l.t("cluster (follow redirects)", "集群（自动重定向）")}</option>
                    { for ids.iter().map(|&n| html! {
                        <option value={n.to_string()} selected={*target == Target::Node(n)}>{format!("{} {}", l.t("only", "仅"), names.of(n))}</option>
                    }) }
                </select>
                <select data-input="read-mode" aria-label={l.t("How a get is read", "get 的读取方式")} onchange={on_mode}
                    title={l.t("How a get is served; put and del always go through the log", "get 的读取方式；put 和 del 总是经过日志")}>
                    { for ReadMode::ALL.iter().map(|&m| html! {
                        <option value={m.name()} selected={*mode == m}>{read_mode_label(l, m)}</option>
                    }) }
                </select>
                <button type="submit" class="primary" data-action="submit">{l.t("Submit", "提交")}</button>
            </form>
            if *mode == ReadMode::Lease {
                <p class="hint lease-caveat" data-output="lease-caveat">{lease_caveat(l)}</p>
            }
            if ops.is_empty() {
                <p class="empty">{l.t("No operations yet. A get through the log is linearizable (§8); ReadIndex and lease reads skip the log (thesis §6.4).",
                    "还没有操作。经过日志的 get 是线性一致的（§8）；ReadIndex 和租约读不写日志（博士论文 §6.4）。")}</p>
            } else {
                // From five operations on, the list is as tall as its
                // scroll limit anyway: then it takes that height fixed and
                // becomes a layout root of its own, so each new operation
                // re-lays-out only the list (see `live_num`).
                <ol class={classes!("ops", (ops.len() >= OPS_FIXED_FROM).then_some("fixed"))} aria-label={l.t("Client operations, most recent first", "客户端操作（最新在前）")}>{ for shown }</ol>
            }
        </section>
    }
}
