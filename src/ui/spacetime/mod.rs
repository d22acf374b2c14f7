//! The space-time diagram panel: draws `view::spacetime::layout` as SVG,
//! with its own view options (zoom, scroll, heartbeats, filters, hidden and
//! highlighted nodes). Clicking an arrow or a mark seeks the run there. It
//! reads the world's message and lane logs; it decides nothing itself.
//! While the clock runs fast it redraws one frame after the panels
//! (`view::spacetime::cadence`), so no frame pays for both.

mod draw;

use crate::raft::MessageKind;
use crate::ui::components::live_num;
use crate::ui::export_buttons::{export_buttons, ExportButtonsProps};
use crate::ui::hooks::use_animation_frame;
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::export::Picture;
use crate::view::fixed::Fixed;
use crate::view::spacetime::cadence::Cadence;
use crate::view::spacetime::{layout, StInput, StOptions};
use draw::{draw_arrow, draw_client, draw_lane, draw_mark};
use yew::prelude::*;

/// Zoom steps: ticks visible across the diagram.
const SPANS: [u64; 6] = [30, 60, 120, 200, 300, 400];

/// Props of [`SpaceTime`].
#[derive(Properties, PartialEq)]
pub struct SpaceTimeProps {
    /// Shared props, following every frame.
    pub view: ViewProps,
    /// The panels' version (`view::clock::PanelClock`): the diagram
    /// redraws one frame after the panels while the clock runs fast.
    pub panels: u64,
    /// The teacher's bookmarks (drawn as flags).
    pub bookmarks: crate::view::bookmarks::Bookmarks,
    /// A violation's cause being shown: its tick, the node that broke the
    /// rule, and every node involved (highlighted).
    #[prop_or_default]
    pub cause: Option<(u64, u32, Vec<u32>)>,
    /// What the guided step on screen talks about (its arrows are
    /// highlighted).
    #[prop_or_default]
    pub step: crate::view::step_focus::StepFocus,
}

/// Props of [`Diagram`].
#[derive(Properties, PartialEq)]
struct DiagramProps {
    /// Shared props, `version` being the run version to show.
    view: ViewProps,
    /// The teacher's bookmarks (drawn as flags).
    bookmarks: crate::view::bookmarks::Bookmarks,
    /// A violation's cause being shown: its tick, the node that broke the
    /// rule, and every node involved (highlighted).
    #[prop_or_default]
    cause: Option<(u64, u32, Vec<u32>)>,
    /// What the guided step on screen talks about (its arrows are
    /// highlighted).
    #[prop_or_default]
    step: crate::view::step_focus::StepFocus,
}

/// The space-time diagram: decides when to redraw ([`Cadence`]) and draws
/// the run as of then.
#[component]
pub fn SpaceTime(p: &SpaceTimeProps) -> Html {
    let cadence = use_mut_ref(Cadence::default);
    let shown = cadence.borrow_mut().on_render(p.view.version, p.panels);
    let due = cadence.borrow().due();
    let force = use_force_update();
    let next_frame = use_memo((), move |_| {
        Callback::from(move |_: f64| force.force_update())
    });
    use_animation_frame(due, (*next_frame).clone());
    let view = ViewProps {
        version: shown,
        ..p.view.clone()
    };
    html! {
        <Diagram {view} bookmarks={p.bookmarks.clone()} cause={p.cause.clone()} step={p.step.clone()} />
    }
}

/// The diagram of the run as it is when it renders.
#[component]
fn Diagram(p: &DiagramProps) -> Html {
    crate::ui::render_count::count("SpaceTime");
    let v = &p.view;
    let l = v.lang;
    let opts = use_state(|| StOptions {
        width: 1000.0,
        ..StOptions::default()
    });
    let sim = v.sim.borrow();
    let world = sim.world();
    let ids: Vec<_> = world.nodes().iter().map(|s| s.node.id()).collect();
    let input = StInput {
        nodes: &ids,
        messages: world.message_log(),
        lanes: world.lane_log(),
        marks: world.trace().marks(),
        ops: world.client().ops(),
        now: world.tick(),
    };
    let mut shown = (*opts).clone();
    shown.conflict_ops = world
        .checker()
        .linearizability()
        .conflicts()
        .iter()
        .flat_map(|c| c.ops.iter().copied())
        .collect();
    shown.step = p.step.clone();
    if let Some((tick, node, nodes)) = &p.cause {
        shown.highlight = shown.highlight.or(nodes.first().copied());
        shown.cause_nodes = nodes.clone();
        shown.cause_at = Some((*tick, *node));
    }
    let lay = layout(&input, &shown);
    drop(sim);

    let set = {
        let opts = opts.clone();
        move |f: fn(&mut StOptions)| {
            let opts = opts.clone();
            Callback::from(move |_: MouseEvent| {
                let mut o = (*opts).clone();
                f(&mut o);
                opts.set(o);
            })
        }
    };
    let zoom_in = set(|o| {
        o.span = SPANS
            .iter()
            .rev()
            .copied()
            .find(|&s| s < o.span)
            .unwrap_or(SPANS[0])
    });
    let zoom_out = set(|o| {
        o.span = SPANS
            .iter()
            .copied()
            .find(|&s| s > o.span)
            .unwrap_or(SPANS[5])
    });
    let older = set(|o| o.back = o.back.saturating_add(o.span / 2));
    let newer = set(|o| o.back = o.back.saturating_sub(o.span / 2));
    let live = set(|o| o.back = 0);
    let hb = set(|o| o.show_heartbeats = !o.show_heartbeats);
    let toggle_kind = |kind: MessageKind| {
        let opts = opts.clone();
        Callback::from(move |_: Event| {
            let mut o = (*opts).clone();
            match o.hidden_kinds.iter().position(|&k| k == kind) {
                Some(i) => {
                    o.hidden_kinds.remove(i);
                }
                None => o.hidden_kinds.push(kind),
            }
            opts.set(o);
        })
    };
    // A lane label cycles: normal → highlighted → hidden → normal.
    let on_lane = {
        let opts = opts.clone();
        Callback::from(move |n: u32| {
            let mut o = (*opts).clone();
            if o.highlight == Some(n) {
                o.highlight = None;
                o.hidden_nodes.push(n);
            } else if let Some(i) = o.hidden_nodes.iter().position(|&h| h == n) {
                o.hidden_nodes.remove(i);
            } else {
                o.highlight = Some(n);
            }
            opts.set(o);
        })
    };
    let seek = v.dispatch.reform(UiAction::Seek);
    let hidden_buttons = opts.hidden_nodes.iter().map(|&n| {
        let on_lane = on_lane.clone();
        html! {
            <button class="st-unhide" data-action="st-show-node" data-node={n.to_string()}
                onclick={Callback::from(move |_| on_lane.emit(n))}>
                {format!("{} {}", l.t("show", "显示"), v.names.of(n))}
            </button>
        }
    });
    let (w, h) = (lay.width, lay.height);
    html! {
        <section class="spacetime" data-view="spacetime" aria-label={l.t("Space-time diagram", "时空图")}>
            <div class="st-controls" role="toolbar" aria-label={l.t("Diagram controls", "时空图控制")}>
                <strong class="st-title">{l.t("Space-time diagram", "时空图")}</strong>
                <button data-action="st-zoom-in" onclick={zoom_in} aria-label={l.t("Zoom in", "放大")}>{"+"}</button>
                <button data-action="st-zoom-out" onclick={zoom_out} aria-label={l.t("Zoom out", "缩小")}>{"−"}</button>
                <button data-action="st-older" onclick={older}>{l.t("◀ earlier", "◀ 更早")}</button>
                <button data-action="st-newer" onclick={newer} disabled={opts.back == 0}>{l.t("later ▶", "更晚 ▶")}</button>
                <button data-action="st-live" onclick={live} disabled={opts.back == 0}>{l.t("follow now", "跟随当前")}</button>
                <label class="st-check">
                    <input type="checkbox" data-input="st-heartbeats" checked={opts.show_heartbeats}
                        onclick={hb} />
                    {l.t("every heartbeat", "显示每个心跳")}
                </label>
                { for MessageKind::ALL.into_iter().map(|kind| html! {
                    <label class="st-check">
                        <input type="checkbox" data-input="st-kind" data-kind={kind.name()}
                            checked={!opts.hidden_kinds.contains(&kind)} onchange={toggle_kind(kind)} />
                        {l.message(kind.into())}
                    </label>
                }) }
                { for hidden_buttons }
                <span class="st-range">{l.t("ticks ", "时刻 ")}{live_num(lay.t0)}{"–"}{live_num(lay.t1)}</span>
                { export_buttons(&ExportButtonsProps { view: v.clone(), selector: ".st-svg".into(),
                    picture: Picture::SpaceTime { from: lay.t0, to: lay.t1 } }) }
                if lay.capped > 0 {
                    <span class="st-capped">{format!("{} {}", lay.capped, l.t("older arrows not drawn", "条较早的箭头未绘制"))}</span>
                }
            </div>
            <svg class="st-svg" viewBox={format!("0 0 {} {}", Fixed(w, 0), Fixed(h, 0))} width="100%"
                 role="group" aria-label={l.t("One line per node; arrows are messages from send to delivery tick",
                                              "每个节点一条生命线；箭头是从发送时刻到送达时刻的消息")}>
                <defs>
                    <marker id="st-head" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0,0 L8,4 L0,8 z" class="st-head" />
                    </marker>
                </defs>
                <g class="st-bands">
                    { for lay.bands.iter().map(|b| html! {
                        <g class="st-band" data-term={b.term.to_string()}>
                            <rect x={n(b.x1)} y="0" width={n((b.x2 - b.x1).max(0.5))} height={n(h - 18.0)}
                                style={format!("fill: {}", crate::view::log_view::term_color(b.term))} />
                            <text x={n(b.x1 + 3.0)} y="12">{format!("{}{}", l.t("T", "任期"), b.term)}</text>
                        </g>
                    }) }
                </g>
                <g class="st-axis">
                    { for lay.axis.iter().map(|&(t, x)| html! {
                        <text x={n(x)} y={n(h - 4.0)} text-anchor="middle">{t.to_string()}</text>
                    }) }
                </g>
                <g class="st-lanes">
                    { for lay.lanes.iter().map(|lane| draw_lane(lane, w, l, v.names, &on_lane)) }
                </g>
                { draw_client(&lay.ops, lay.client_y, l, &seek) }
                <g class="st-arrows">
                    { for lay.arrows.iter().map(|a| draw_arrow(a, l, v.names, &seek)) }
                </g>
                <g class="st-marks">
                    { for lay.marks.iter().map(|m| draw_mark(m, l, v.names, &seek)) }
                </g>
                <g class="st-bookmarks">
                    { for p.bookmarks.iter().filter_map(|b| {
                        let x = lay.x_at(b.tick)?;
                        Some(html! {
                            <g class="st-bookmark" data-st-mark="bookmark" data-tick={b.tick.to_string()}
                                onclick={seek.reform({ let t = b.tick; move |_: MouseEvent| t })}>
                                <title>{b.note.clone()}</title>
                                <line x1={n(x)} x2={n(x)} y1="14" y2={n(h - 16.0)} />
                                <text x={n(x + 2.0)} y="12">{"⚑"}</text>
                            </g>
                        })
                    }) }
                </g>
                if let Some(x) = p.cause.as_ref().and_then(|(t, _, _)| lay.x_at(*t)) {
                    <g class="st-cause" data-st-mark="cause" data-tick={p.cause.as_ref().map(|(t, _, _)| t.to_string()).unwrap_or_default()}>
                        <line x1={n(x)} x2={n(x)} y1="0" y2={n(h - 16.0)} />
                        <text x={n(x + 3.0)} y={n(h - 20.0)}>{l.t("cause", "原因")}</text>
                    </g>
                }
                if let Some(x) = lay.cursor_x {
                    <line class="st-cursor" data-st-cursor={lay.t1.to_string()} x1={n(x)} x2={n(x)} y1="0" y2={n(h - 16.0)} />
                }
            </svg>
        </section>
    }
}

/// A number for an SVG attribute.
pub(crate) fn n(v: f64) -> String {
    format!("{}", Fixed(v, 1))
}
