//! The cluster view: nodes on a ring, the links between every pair, the
//! messages in flight moving along them, partition bubbles, and below the
//! drawing a hint and the legend (the selected node's actions or message's
//! card are [`super::cluster_detail::cluster_detail`], placed by the app).
//!
//! This component re-renders on every animation frame while playing (the
//! phase moves messages and timers), so it only draws the moving overlay,
//! from small `Copy` facts; each timer and message is a child component with
//! `PartialEq` props; messages are drawn in a stable order (by their place,
//! the k-th message on its link) and a message's element is the i-th dot or
//! the i-th pill (`view::cluster_view::pool`), so it is reused as messages
//! come and go, whichever link they are on. The
//! links and nodes are [`ClusterStatic`], which a frame does not touch.

use super::cluster_legend::ClusterLegend;
use super::cluster_message::ClusterMessage;
use super::cluster_static::ClusterStatic;
use super::cluster_timer::{timer_arc, TimerArcProps};
use crate::raft::Role;
use crate::sim::NodeStatus;
use crate::ui::props::ViewProps;
use crate::ui::state::Selection;
use crate::view::cluster_view::labels::{pill_scale, text_scale};
use crate::view::cluster_view::pool::{pill_keys, Drawn, MessagePool};
use crate::view::cluster_view::ring::{labels_of, RingLayout};
use crate::view::cluster_view::routes::Queue;
use crate::view::cluster_view::statics::StaticFacts;
use crate::view::cluster_view::{node_radius, pulse_key, timer_remaining, MsgFacts};
use crate::view::fixed::Fixed;
use crate::view::layout::{flight_fraction, node_position, VIEW_SIZE};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`ClusterView`].
#[derive(Properties, PartialEq)]
pub struct ClusterViewProps {
    /// Shared props.
    pub view: ViewProps,
    /// Fraction of the way to the next tick.
    pub phase: f64,
    /// No motion.
    pub reduced_motion: bool,
    /// The node's actions or message card and the legend below the drawing
    /// (off for side B of a comparison: the actions go to both sides from A's).
    #[prop_or(true)]
    pub footer: bool,
    /// What the guided step being shown talks about: its nodes and its
    /// messages in flight are highlighted.
    #[prop_or_default]
    pub step: crate::view::step_focus::StepFocus,
}

/// Most nodes a cluster has (the parking table below is sized for it).
const MAX_NODES: usize = crate::view::cluster_view::routes::MAX_NODES;

/// The drawing's scale, `k` = view units per CSS pixel, in hundredths,
/// kept up to date by a `ResizeObserver` on the canvas (it fires only when
/// the canvas changes size: on resize, presenter mode, a comparison).
#[hook]
fn use_view_scale(canvas: NodeRef) -> u32 {
    let k = use_state_eq(|| 100u32);
    {
        let k = k.clone();
        use_effect_with((), move |_| {
            let setter = k.setter();
            let on_resize =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let width = entries
                        .get(0)
                        .dyn_into::<web_sys::ResizeObserverEntry>()
                        .map(|e| e.content_rect().width())
                        .unwrap_or(0.0);
                    if width > 1.0 {
                        setter.set((VIEW_SIZE / width * 100.0).round() as u32);
                    }
                });
            let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(o), Some(el)) = (&observer, canvas.cast::<web_sys::Element>()) {
                o.observe(&el);
            }
            move || {
                if let Some(o) = observer {
                    o.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    *k
}

/// Calls `on` when Enter or Space is pressed, and keeps the key from the
/// app's global shortcuts (Space would toggle play).
pub(super) fn activate_on_key(on: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let key = e.key();
        if key == "Enter" || key == " " {
            e.prevent_default();
            e.stop_propagation();
            on.emit(());
        }
    })
}

/// A number for an SVG attribute, one decimal.
pub(super) fn num(x: f64) -> AttrValue {
    AttrValue::from(format!("{}", Fixed(x, 1)))
}

/// The ring of nodes.
#[component]
pub fn ClusterView(p: &ClusterViewProps) -> Html {
    crate::ui::render_count::count("ClusterView");
    let v = &p.view;
    let (lang, names) = (v.lang, v.names);
    let canvas = use_node_ref();
    // The message layer's elements across frames (`pool::MessagePool`).
    let pool = use_mut_ref(MessagePool::new);
    let k_hundredths = use_view_scale(canvas.clone());
    let k = f64::from(k_hundredths) / 100.0;
    // How much a pill grows when the drawing is small (the routes leave
    // room for the same size).
    let pill_s = pill_scale(k);
    // What the static layer shows, rebuilt each frame and compared by value:
    // the layer, the labels and their layout follow only when it changes.
    let facts = Rc::new(StaticFacts::of(v.sim.borrow().world()));
    let labels = use_memo((facts.clone(), lang, names), move |(facts, lang, names)| {
        labels_of(facts, *lang, *names)
    });
    let layout = {
        let n = labels.len();
        use_memo((labels.clone(), k_hundredths), move |(labels, _)| {
            RingLayout::new(labels, node_radius(n), k)
        })
    };
    let d = &v.dispatch;
    let sim = v.sim.borrow();
    let world = sim.world();
    let tick = world.tick();
    let phase = if p.reduced_motion {
        0.0
    } else {
        p.phase.clamp(0.0, 1.0)
    };
    let now = tick as f64 + phase;
    let slots = world.nodes();
    let n = slots.len();
    let r = node_radius(n);
    let net = world.network();
    let manual = world.config().network.manual_delivery;
    let selected_node = match v.selected {
        Some(Selection::Node(id)) | Some(Selection::Entry(id, _)) => Some(id),
        _ => None,
    };
    let selected_msg = match v.selected {
        Some(Selection::Message(id)) => Some(id),
        _ => None,
    };
    // Position of node `id` (ids are 1..=n).
    let at = |id: u32| node_position((id as usize).wrapping_sub(1).min(n), n);
    let valid = |id: u32| id >= 1 && (id as usize) <= n;

    let mut timers = Vec::with_capacity(n);
    let mut pulses = Vec::new();
    for s in slots {
        let node = &s.node;
        let id = node.id();
        let role = node.role();
        let up = s.status != NodeStatus::Crashed;
        if up && role != Role::Leader {
            let ph = if s.status == NodeStatus::Up {
                phase
            } else {
                0.0
            };
            timers.push(html! {
                { timer_arc(&TimerArcProps { id, at: at(id), r: r + 8.0, paused: s.status == NodeStatus::Paused,
                    remaining: timer_remaining(node.election_elapsed(), node.randomized_election_timeout(), ph) }) }
            });
        }
        // A leader's pulse restarts (a new element) on each AppendEntries it sends.
        let pulse = (s.status == NodeStatus::Up && role == Role::Leader && !p.reduced_motion)
            .then(|| pulse_key(net.in_flight(), id))
            .flatten();
        if let Some(k) = pulse {
            let c = at(id);
            pulses.push(html! {
                <circle key={format!("{id}-{k}")} class="pulse" cx={num(c.x)} cy={num(c.y)} r={num(r)}
                    style={format!("--pulse-r: {}px", Fixed(r, 1))} />
            });
        }
    }

    // Each glyph travels its route (clear of circles, badges and labels);
    // those waiting at the receiver's end spread back along it.
    // Messages are ordered by place (the k-th message on a link,
    // `view::cluster_view::pool`); below, each element draws the i-th dot or
    // the i-th pill, so a frame that only swaps short-lived messages patches
    // the same elements instead of creating new ones.
    let obstacles = &layout.obstacles;
    let shown: Vec<_> = net
        .in_flight()
        .iter()
        .filter(|e| valid(e.msg.from) && valid(e.msg.to) && e.msg.from != e.msg.to)
        .collect();
    let places: Vec<(usize, usize)> = shown
        .iter()
        .map(|e| ((e.msg.from - 1) as usize, (e.msg.to - 1) as usize))
        .collect();
    let mut keyed: Vec<_> = pill_keys(&places, MAX_NODES)
        .into_iter()
        .zip(shown)
        .collect();
    crate::sort::sort_by_key(&mut keyed, |(k, _)| *k);
    let glyphs: Vec<_> = keyed
        .into_iter()
        .map(|(_, e)| {
            let facts = MsgFacts::of(e);
            let (a, b) = ((e.msg.from - 1) as usize, (e.msg.to - 1) as usize);
            let (route, half, compact) = obstacles.fit(a, b, facts.width(), facts.is_heartbeat());
            let f = flight_fraction(e.sent_at, e.deliver_at, now);
            (
                e,
                facts,
                a * MAX_NODES + b,
                route,
                route.room(half),
                compact,
                f,
            )
        })
        .collect();
    let mut queued = [0.0f64; MAX_NODES * MAX_NODES];
    for g in glyphs.iter().filter(|g| g.6 >= 1.0) {
        queued[g.2.min(queued.len() - 1)] += g.4;
    }
    let mut queues: [Option<Queue>; MAX_NODES * MAX_NODES] = [None; MAX_NODES * MAX_NODES];
    // Positions in place order (a link's waiting messages park in send
    // order), then drawn dots first and pills above them, each element the
    // rank of its message among its shape, unused ones kept hidden
    // (`pool::MessagePool`).
    let placed: Vec<_> = glyphs
        .into_iter()
        .map(|(e, facts, slot, route, room, compact, f)| {
            let waiting = f >= 1.0;
            let f = if waiting {
                let slot = slot.min(queues.len() - 1);
                let q = queues[slot].get_or_insert_with(|| Queue::new(&route, queued[slot]));
                q.park(&route, room)
            } else {
                f
            };
            let dot = facts.is_dot(compact);
            (dot, e, facts, compact, waiting, route.at(f))
        })
        .collect();
    let items: Vec<_> = placed.iter().map(|g| (g.0, (g.2, g.3, g.5))).collect();
    let drawn = pool.borrow_mut().frame(&items);
    let messages = drawn
        .into_iter()
        .map(|slot| match slot {
            Drawn::Shown { key, index } => {
                let (_, e, facts, compact, waiting, at) = &placed[index];
                let (facts, compact, waiting, at) = (*facts, *compact, *waiting, *at);
                // Placed by its shapes' own coordinates, not a `transform`:
                // a transformed group is a paint chunk of its own, which the
                // browser re-layerizes and commits on every frame (a pill
                // only gets one when the drawing is small, `pill_scale`).
                html! {
                    <ClusterMessage {key} {facts} {compact} {at} scale={pill_s} selected={selected_msg == Some(e.id)}
                        step={p.step.message(facts.from, facts.to, facts.kind)}
                        waiting={waiting && (manual || e.held)} {manual} {lang} {names} dispatch={d.clone()} />
                }
            }
            Drawn::Idle { key, last: (facts, compact, at) } => html! {
                <ClusterMessage {key} {facts} {compact} {at} scale={pill_s} idle=true selected=false waiting=false {manual} {lang} {names} dispatch={d.clone()} />
            },
        })
        .collect::<Html>();

    let size = Fixed(VIEW_SIZE, 0).to_string();
    let view_box = format!("0 0 {size} {size}");
    html! {
        <div class={classes!("cluster-view", p.reduced_motion.then_some("reduced-motion"))}>
            <div class="cluster-canvas" ref={canvas}>
                // Static layer: re-rendered only when what it shows, the selection
                // or the language changes (not for a frame that only moves messages).
                <ClusterStatic {facts} {lang} {names} {selected_node}
                    labels={labels.clone()} layout={layout.clone()} scale={text_scale(k)}
                    any_selected={v.selected.is_some()} step_nodes={p.step.nodes()} dispatch={d.clone()} />
                // Moving layer (own compositing layer): timers, pulses, messages.
                <svg class="cluster-overlay" viewBox={view_box}>
                    <g class="timers">{timers}</g>
                    <g class="pulses">{pulses}</g>
                    <g class="messages">{messages}</g>
                </svg>
            </div>
            if p.footer {
                <div class="cluster-footer">
                    if v.selected.is_none() {
                        <p class="cluster-hint">
                            {lang.t("Click a node, a message or a link to act on it.",
                                    "点击节点、消息或链路即可对其操作。")}
                        </p>
                    }
                    <ClusterLegend {lang} />
                </div>
            }
        </div>
    }
}
