//! Drawing one lane, arrow or mark of the space-time diagram.

use super::n;
use crate::sim::role_key::RoleKey;
use crate::sim::{DropReason, MarkKind};
use crate::view::fixed::Fixed;
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;
use crate::view::spacetime::{
    ArrowEnd, OpOutcome, StArrow, StLane, StMark, StMarkKind, StOp, LABEL_W,
};
use yew::prelude::*;

/// One node's lifeline: spans shaded by role, gaps while crashed or paused.
pub(super) fn draw_lane(
    lane: &StLane,
    width: f64,
    l: Lang,
    names: NodeNames,
    on_lane: &Callback<u32>,
) -> Html {
    let node = lane.node;
    let name = names.of(node);
    let click = {
        let on_lane = on_lane.clone();
        Callback::from(move |_: MouseEvent| on_lane.emit(node))
    };
    let class = classes!("st-lane", lane.highlight.then_some("highlight"));
    html! {
        <g class={class} data-lifeline={node.to_string()} data-node-name={name.to_string()}>
            { for lane.cut.iter().map(|&(x1, x2)| html! {
                <rect class="st-cut" data-st-fault="link-cut" x={n(x1)} y={n(lane.y - 13.0)}
                    width={n((x2 - x1).max(1.0))} height="26">
                    <title>{l.t("a link to or from this node was cut", "此节点的某条链路被断开")}</title>
                </rect>
            }) }
            <line class="st-baseline" x1={n(LABEL_W)} x2={n(width - 8.0)} y1={n(lane.y)} y2={n(lane.y)} />
            { for lane.spans.iter().map(|s| {
                let key = RoleKey::of(s.status, s.role);
                let state = key.name();
                html! {
                    <line class={classes!("st-span", state)} data-state={state}
                        data-from-tick={s.from.to_string()} data-to-tick={s.to.to_string()}
                        x1={n(s.x1)} x2={n(s.x2.max(s.x1 + 0.5))} y1={n(lane.y)} y2={n(lane.y)}>
                        <title>{format!("{name}: {} · {} {}", l.role(key), l.t("term", "任期"), s.term)}</title>
                    </line>
                }
            }) }
            <text class="st-label" x="6" y={n(lane.y + 5.0)} role="button" tabindex="0"
                aria-label={format!("{name}: {}", l.t("highlight, hide or show this node", "高亮、隐藏或显示此节点"))}
                onclick={click}>{name.to_string()}</text>
        </g>
    }
}

fn drop_label(why: DropReason, l: Lang) -> &'static str {
    match why {
        DropReason::Lost => l.t("lost by the network", "被网络丢失"),
        DropReason::LinkCut => l.t("link cut", "链路已断开"),
        DropReason::ReceiverDown => l.t("receiver crashed", "接收者已崩溃"),
        DropReason::ByUser => l.t("dropped by you", "被你丢弃"),
        DropReason::Overflow => l.t("network full", "网络已满"),
    }
}

/// One message arrow; a click seeks to where it ended (or was sent).
pub(super) fn draw_arrow(a: &StArrow, l: Lang, names: NodeNames, seek: &Callback<u64>) -> Html {
    let target = a.delivered.unwrap_or(a.sent);
    let click = seek.reform(move |_: MouseEvent| target);
    let (end, fate) = match a.end {
        ArrowEnd::Delivered => (
            "delivered",
            format!("{} {}", l.t("delivered at", "送达于"), target),
        ),
        ArrowEnd::InFlight => ("in-flight", l.t("in flight", "在途").to_string()),
        ArrowEnd::Held => ("held", l.t("held", "被扣留").to_string()),
        ArrowEnd::Dropped(why) => ("dropped", drop_label(why, l).to_string()),
    };
    let answer = match a.granted {
        Some(true) => " ✓",
        Some(false) => " ✗",
        None => "",
    };
    let class = classes!(
        "st-msg",
        format!("k-{}", a.kind.name()),
        end,
        a.dim.then_some("dim"),
        a.cause.then_some("cause"),
        a.step.then_some("step-highlight")
    );
    let cross = matches!(a.end, ArrowEnd::Dropped(_)).then(|| {
        let (x, y) = (a.x2, a.y2);
        html! {
            <path class="st-cross" d={format!("M{},{} l8,8 m0,-8 l-8,8", Fixed(x - 4.0, 1), Fixed(y - 4.0, 1))} />
        }
    });
    let head = (a.end == ArrowEnd::Delivered).then_some("url(#st-head)");
    html! {
        <g class={class} data-st-msg={a.id.to_string()} data-from={a.from.to_string()}
            data-to={a.to.to_string()} data-sent={a.sent.to_string()}
            data-delivered={a.delivered.map(|d| d.to_string()).unwrap_or_default()}
            data-kind={a.kind.name()} data-st-cause={a.cause.then_some("true")}
            data-highlight={a.step.then_some("step")} onclick={click}>
            <title>{format!("{}{answer} {}→{} · {} {} · {fate}", l.message(a.kind.into()), names.of(a.from), names.of(a.to),
                l.t("sent at", "发送于"), a.sent)}</title>
            <line class="st-hit" x1={n(a.x1)} y1={n(a.y1)} x2={n(a.x2)} y2={n(a.y2)} />
            <line class="st-line" x1={n(a.x1)} y1={n(a.y1)} x2={n(a.x2)} y2={n(a.y2)} marker-end={head} />
            { for cross }
        </g>
    }
}

/// One mark: election won, commit, crash, restart, link change, or a
/// collapsed heartbeat broadcast.
pub(super) fn draw_mark(m: &StMark, l: Lang, names: NodeNames, seek: &Callback<u64>) -> Html {
    let tick = m.tick;
    let click = seek.reform(move |_: MouseEvent| tick);
    let (kind, glyph, text) = match m.kind {
        StMarkKind::Trace(MarkKind::Elected { term }) => (
            "elected",
            "♛",
            format!(
                "{} {} {term}",
                names.of(m.node),
                l.t("won the election of term", "赢得任期选举：任期")
            ),
        ),
        StMarkKind::Trace(MarkKind::Commit { index }) => (
            "commit",
            "◆",
            format!("{} {index}", l.t("commit index reached", "提交索引到达")),
        ),
        StMarkKind::Trace(MarkKind::Crash) => (
            "crash",
            "✕",
            format!("{} {}", names.of(m.node), l.t("crashed", "崩溃")),
        ),
        StMarkKind::Trace(MarkKind::Restart) => (
            "restart",
            "↻",
            format!("{} {}", names.of(m.node), l.t("restarted", "重启")),
        ),
        StMarkKind::Trace(MarkKind::Link) => {
            ("link", "✂", l.t("a link changed", "链路变化").to_string())
        }
        StMarkKind::Heartbeats(k) => (
            "heartbeats",
            "♥",
            format!(
                "{} {} {k} {}",
                names.of(m.node),
                l.t("sent", "发送了"),
                l.t("heartbeats", "个心跳")
            ),
        ),
    };
    html! {
        <g class={classes!("st-mark", kind)} data-st-mark={kind} data-tick={tick.to_string()}
            data-node={m.node.to_string()} onclick={click}>
            <title>{format!("{text} · {} {tick}", l.t("tick", "时刻"))}</title>
            <text x={n(m.x)} y={n(m.y - 7.0)} text-anchor="middle">{glyph}</text>
        </g>
    }
}

/// The client lane: each operation a bar from invocation to answer.
pub(super) fn draw_client(ops: &[StOp], top: f64, l: Lang, seek: &Callback<u64>) -> Html {
    if ops.is_empty() {
        return html! {};
    }
    html! {
        <g class="st-client" data-lifeline="client">
            <text class="st-label" x="6" y={n(top + 18.0)}>{l.t("client", "客户端")}</text>
            { for ops.iter().map(|o| {
                let (state, what) = match o.outcome {
                    OpOutcome::Open => ("open", l.t("waiting for an answer", "等待回复")),
                    OpOutcome::Ok => ("ok", l.t("answered", "已回复")),
                    OpOutcome::Failed => ("failed", l.t("gave up", "已放弃")),
                };
                let at = o.ret.unwrap_or(o.call);
                let conflict = if o.conflict {
                    l.t(" · its answer conflicts: no order of the operations explains all of them", " · 其回复相互矛盾：没有任何操作顺序能解释全部回复")
                } else {
                    ""
                };
                html! {
                    <g class={classes!("st-op", state, o.conflict.then_some("conflict"))} data-st-op={o.id.to_string()} data-call={o.call.to_string()}
                        data-ret={o.ret.map(|r| r.to_string()).unwrap_or_default()}
                        data-st-conflict={o.conflict.then_some("true")}
                        onclick={seek.reform(move |_: MouseEvent| at)}>
                        <title>{format!("{} · {} {} · {what}{conflict}", o.label, l.t("invoked at", "调用于"), o.call)}</title>
                        <rect x={n(o.x1)} y={n(o.y - 5.0)} width={n(o.x2 - o.x1)} height="10" rx="3" />
                        <text x={n(o.x1 + 3.0)} y={n(o.y + 4.0)}>{o.label.clone()}</text>
                    </g>
                }
            }) }
        </g>
    }
}
