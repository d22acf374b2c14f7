//! The event log: what the nodes decided and why, in plain language, newest
//! first, filtered by kind; heartbeats (and lost heartbeats) hidden by
//! default; repeated losses on one link folded into one line
//! (`view::event_fold`). Clicking a line travels to its tick.

use crate::sim::{TraceEvent, World};
use crate::ui::hooks::use_throttled;
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::event_fold::{fold, folded_drop_text};
use crate::view::explain::{category, explain, is_heartbeat_noise, kind_name, Category};
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Lines shown at most.
const SHOWN: usize = 200;
/// Least time between two rebuilds while the run plays forward.
const REFRESH_MS: f64 = 120.0;

/// What the list depends on.
#[derive(Clone, Copy, PartialEq)]
struct Key {
    sim: usize,
    total: u64,
    tick: u64,
    lang: Lang,
    names: NodeNames,
    filter: Option<Category>,
    heartbeats: bool,
}

impl Key {
    /// Same run, language and filters, and only time moved forward.
    fn playing_on(old: &Key, new: &Key) -> bool {
        (old.sim, old.lang, old.names, old.filter, old.heartbeats)
            == (new.sim, new.lang, new.names, new.filter, new.heartbeats)
            && new.tick > old.tick
    }
}

fn build(world: &World, key: &Key) -> Vec<Line> {
    let trace = world.trace();
    let total = trace.total();
    let log = world.message_log();
    let heartbeat_of = |id| log.find(id).is_some_and(|r| r.heartbeat);
    // Newest first, with their sequence numbers, after the filters.
    let events: Vec<(u64, &TraceEvent)> = trace
        .recent()
        .rev()
        .enumerate()
        .filter(|(_, e)| key.heartbeats || !is_heartbeat_noise(&e.kind))
        .filter(|(_, e)| key.filter.is_none_or(|f| category(&e.kind) == f))
        .map(|(j, e)| (total.saturating_sub(1 + j as u64), e))
        .collect();
    fold(
        events.iter().map(|(_, e)| *e),
        &heartbeat_of,
        key.heartbeats,
    )
    .into_iter()
    .take(SHOWN)
    .map(|f| {
        let e = f.event;
        let text = match f.drop {
            Some(k) if f.count > 1 => {
                folded_drop_text(key.lang, key.names, &k, f.count, f.oldest_tick, e.tick)
            }
            _ => explain(key.lang, key.names, e),
        };
        Line {
            seq: events[f.position].0,
            tick: e.tick,
            node: e.node,
            kind: kind_name(&e.kind),
            category: category(&e.kind).name(),
            text,
            count: f.count,
        }
    })
    .collect()
}

/// One line, ready to show.
#[derive(Clone, PartialEq)]
struct Line {
    seq: u64,
    tick: u64,
    node: u32,
    kind: &'static str,
    category: &'static str,
    text: String,
    /// How many events the line stands for (folded repeats).
    count: usize,
}

/// Props of [`EventLog`].
#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    /// Shared props.
    pub view: ViewProps,
}

fn filter_name(l: Lang, f: Option<Category>) -> &'static str {
    match f {
        None => l.t("All", "全部"),
        Some(Category::Elections) => l.t("Elections", "选举"),
        Some(Category::Replication) => l.t("Replication", "复制"),
        Some(Category::Faults) => l.t("Faults", "故障"),
    }
}

fn event_tick(e: &MouseEvent) -> Option<u64> {
    let el = e
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-event-tick]")
        .ok()??;
    el.get_attribute("data-event-tick")?.parse().ok()
}

/// The event log.
#[component]
pub fn EventLog(p: &EventLogProps) -> Html {
    crate::ui::render_count::count("EventLog");
    let v = &p.view;
    let l = v.lang;
    let filter = use_state(|| None::<Category>);
    let heartbeats = use_state(|| false);
    let sim = v.sim.borrow();
    let world = sim.world();
    let tick = world.tick();
    let trace = world.trace();
    let key = Key {
        sim: v.sim.run_id(),
        total: trace.total(),
        tick,
        lang: l,
        names: v.names,
        filter: *filter,
        heartbeats: *heartbeats,
    };
    // While the run plays forward, rebuild at most every REFRESH_MS (a timer
    // catches up with the last change); anything else rebuilds at once.
    let lines: Rc<Vec<Line>> = use_throttled(key, REFRESH_MS, Key::playing_on, |k| build(world, k));
    let on_click = {
        let d = v.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(t) = event_tick(&e) {
                d.emit(UiAction::Seek(t));
            }
        })
    };
    let filters = [
        None,
        Some(Category::Elections),
        Some(Category::Replication),
        Some(Category::Faults),
    ]
    .into_iter()
    .map(|f| {
        let filter = filter.clone();
        let on = *filter == f;
        let name = f.map_or("all", Category::name);
        html! {
            <button class={classes!("chip", on.then_some("on"))} aria-pressed={on.to_string()} data-filter={name}
                onclick={Callback::from(move |_| filter.set(f))}>{filter_name(l, f)}</button>
        }
    });
    let toggle_hb = {
        let heartbeats = heartbeats.clone();
        Callback::from(move |_: Event| heartbeats.set(!*heartbeats))
    };
    let recent = trace.recent().len();
    let empty_text = match (recent, *filter, *heartbeats) {
        (0, _, _) => l.t("Nothing yet.", "暂无事件。").to_string(),
        (n, None, false) => match l {
            Lang::En => format!("Only heartbeats among the last {n} events: the cluster is quiet. Tick “heartbeats” to see them."),
            Lang::Zh => format!("最近 {n} 个事件都是心跳：集群很平静。勾选“心跳”即可查看。"),
        },
        (n, f, _) => match l {
            Lang::En => format!("No {} events among the last {n}.", filter_name(l, f).to_ascii_lowercase()),
            Lang::Zh => format!("最近 {n} 个事件中没有{}事件。", filter_name(l, f)),
        },
    };
    let items = lines.iter().map(|line| {
        html! {
            <li key={line.seq} class={classes!("event", line.category, (line.tick == tick).then_some("now"))}>
                <button data-event-tick={line.tick.to_string()} data-event={line.kind} data-category={line.category}
                    data-folded={(line.count > 1).then(|| line.count.to_string())}
                    title={l.t("Travel to this tick", "跳到这个时刻")}>
                    <span class="ev-tick">{line.tick}</span>
                    <span class="ev-node">{v.names.name(line.node)}</span>
                    <span class="ev-text">{line.text.clone()}</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="events panel" aria-label={l.t("Event log", "事件日志")}>
            <header class="panel-head">
                <h2>{l.t("Events", "事件")}</h2>
                <div class="filters" role="group" aria-label={l.t("Filter", "筛选")}>{ for filters }</div>
                <label class="check small">
                    <input type="checkbox" data-input="heartbeats" checked={*heartbeats} onchange={toggle_hb} />
                    {l.t("heartbeats", "心跳")}
                </label>
            </header>
            <p class="hint">{l.t("Newest first · click a line to travel to its tick", "最新在前 · 点击一行跳到该时刻")}</p>
            // A box of fixed height that is its own layout root: lines
            // scrolling in re-lay-out only it, not the page (see
            // `live_num` for why the panel itself cannot be one).
            <div class="event-scroll">
                if lines.is_empty() {
                    <p class="empty">{empty_text}</p>
                } else {
                    <ol class="event-list" onclick={on_click}>{ for items }</ol>
                }
            </div>
        </section>
    }
}
