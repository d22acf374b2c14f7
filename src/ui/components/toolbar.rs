//! Play, pause, step, back, speed, the clock, and the whole-cluster fault presets.

use crate::raft::MajorityConfig;
use crate::sim::{Action, NodeStatus};
use crate::ui::props::ViewProps;
use crate::ui::state::{UiAction, SPEEDS};
use crate::view::fixed::Fixed;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`Toolbar`].
#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// Shared props.
    pub view: ViewProps,
    /// Playing?
    pub playing: bool,
    /// Speed index.
    pub speed: usize,
    /// More controls at the end (the classroom activities).
    #[prop_or_default]
    pub children: Html,
}

/// The main controls.
#[component]
pub fn Toolbar(p: &ToolbarProps) -> Html {
    crate::ui::render_count::count("Toolbar");
    let v = &p.view;
    let l = v.lang;
    let d = &v.dispatch;
    let sim = v.sim.borrow();
    let world = sim.world();
    let tick = world.tick();
    let head = sim.head();
    let leader = world.leader();
    let n = world.config().nodes;
    let play = if p.playing {
        html! { <button class="primary" data-action="pause" aria-label={l.t("Pause", "暂停")}
        onclick={d.reform(|_| UiAction::Pause)}>{"‖ "}{l.t("Pause", "暂停")}</button> }
    } else {
        html! { <button class="primary" data-action="play" aria-label={l.t("Play", "播放")}
        onclick={d.reform(|_| UiAction::Play)}>{"▶ "}{l.t("Play", "播放")}</button> }
    };
    let on_speed = d.reform(|e: InputEvent| {
        let v = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|i| i.value().parse::<usize>().ok())
            .unwrap_or(crate::ui::state::DEFAULT_SPEED);
        UiAction::SetSpeed(v)
    });
    let isolate_leader = leader.map(|l| UiAction::Sim(Action::Isolate(l)));
    // The largest set that is not a quorum: one short of a majority.
    let largest_minority = MajorityConfig::new(1..=n).quorum_size().saturating_sub(1) as u32;
    let minority: Vec<u32> = (1..=largest_minority).collect();
    let majority: Vec<u32> = (largest_minority + 1..=n).collect();
    // Keep the leader in the minority when there is one: the classic lesson.
    let (minority, majority) = match leader {
        Some(l) if majority.contains(&l) && !minority.is_empty() => {
            let mut min: Vec<u32> = minority.clone();
            let mut maj: Vec<u32> = majority.clone();
            let swap = min.pop().unwrap_or(1);
            maj.retain(|&x| x != l);
            maj.push(swap);
            min.push(l);
            crate::sort::sort(&mut min);
            crate::sort::sort(&mut maj);
            (min, maj)
        }
        _ => (minority, majority),
    };
    let split = UiAction::Sim(Action::Partition(vec![minority, majority]));
    let crashed: Vec<u32> = world
        .nodes()
        .iter()
        .filter(|s| s.status == NodeStatus::Crashed)
        .map(|s| s.node.id())
        .collect();
    let behind = tick < head;
    html! {
        <nav class="toolbar" aria-label={l.t("Playback and faults", "播放与故障")}>
            <div class="group">
                {play}
                <button data-action="back" disabled={p.playing || tick == 0}
                    aria-label={l.t("Back one tick", "后退一个时钟周期")} onclick={d.reform(|_| UiAction::Back)}>{"◀"}</button>
                <button data-action="step" aria-label={l.t("Step one tick", "单步：前进一个时钟周期")}
                    onclick={d.reform(|_| UiAction::Step)}>{l.t("Step", "单步")}{" ▶|"}</button>
                <label class="speed">
                    <span>{l.t("Speed", "速度")}</span>
                    <input type="range" min="0" max={(SPEEDS.len() - 1).to_string()} value={p.speed.to_string()}
                        data-input="speed" oninput={on_speed}
                        aria-valuetext={format!("{} ticks/s", Fixed(SPEEDS[p.speed], 0))} />
                    <output>{format!("{}/s", Fixed(SPEEDS[p.speed], 0))}</output>
                </label>
                <span class="clock" data-testid="clock" title={l.t("Logical clock: 1 tick = 100 ms of simulated time", "逻辑时钟：1 个时钟周期 = 模拟时间 100 毫秒")}>
                    {l.t("tick ", "时刻 ")}<strong>{tick}</strong>
                    if behind { <span class="past">{format!(" / {head} ")}{l.t("(past: acting forks history)", "（过去：操作将分叉历史）")}</span> }
                </span>
            </div>
            <div class="group faults">
                <button data-action="isolate-leader" disabled={isolate_leader.is_none()}
                    onclick={Callback::from({ let d = d.clone(); move |_| if let Some(a) = isolate_leader.clone() { d.emit(a) } })}>
                    {l.t("Isolate leader", "隔离领导者")}
                </button>
                <button data-action="split" disabled={n < 3} onclick={d.reform(move |_| split.clone())}>
                    {l.t("Split majority / minority", "分成多数派 / 少数派")}
                </button>
                <button data-action="heal" onclick={d.reform(|_| UiAction::Sim(Action::Recover))}>
                    {l.t("Heal network", "恢复网络")}
                </button>
                <button data-action="restart-all" disabled={crashed.is_empty()}
                    onclick={d.reform(move |_| UiAction::Sims(crashed.iter().map(|&c| Action::Restart(c)).collect()))}>
                    {l.t("Restart crashed", "重启崩溃节点")}
                </button>
            </div>
            <div class="group activities">{p.children.clone()}</div>
        </nav>
    }
}
