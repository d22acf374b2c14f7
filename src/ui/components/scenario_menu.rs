//! The scenario menu in the header, and the reducer step for scenario
//! navigation (`UiAction::Scenario`): going to a step rebuilds the run from
//! the scenario's configuration (`crate::scenario::goto`) and pauses there.

use crate::scenario::{self, Position};
use crate::sim::Simulation;
use crate::ui::state::{AppState, Notice, SimHandle, UiAction};
use crate::view::i18n::Lang;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Moving through a guided scenario.
#[derive(Clone, Debug)]
pub enum ScenarioNav {
    /// Go to step `1` (0-based) of scenario `0`: Next, Back, Restart and
    /// jumping from the step list all do this.
    Go(&'static str, usize),
    /// The teacher takes over: the run is theirs, the narration steps aside.
    TakeOver,
    /// Leave the scenario (the run stays as it is).
    Close,
    /// Open a shared or imported run, paused, with its scenario step if any.
    Open(Box<Simulation>, Option<Position>),
}

/// Applies a [`ScenarioNav`] to the state (called by the reducer).
pub fn scenario_nav(s: &mut AppState, nav: ScenarioNav) {
    match nav {
        ScenarioNav::Go(id, step) => match scenario::goto(id, step) {
            Ok((sim, pos)) => {
                replace_run(s, sim);
                s.scenario = Some(pos);
                s.notice = None;
            }
            Err(e) => {
                s.notice = Some(Notice {
                    text: e.text(s.lang),
                    error: true,
                })
            }
        },
        ScenarioNav::TakeOver => {
            if let Some(p) = s.scenario.as_mut() {
                p.free = true;
            }
        }
        ScenarioNav::Close => s.scenario = None,
        ScenarioNav::Open(sim, pos) => {
            replace_run(s, *sim);
            s.scenario = pos;
        }
    }
}

fn replace_run(s: &mut AppState, sim: Simulation) {
    s.sim = SimHandle(Rc::new(RefCell::new(sim)));
    s.version += 1;
    s.selected = None;
    s.phase = 0.0;
    s.playing = false;
}

/// Props of [`ScenarioMenu`].
#[derive(Properties, PartialEq)]
pub struct ScenarioMenuProps {
    /// Language.
    pub lang: Lang,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
    /// The scenario being shown, if any.
    #[prop_or_default]
    pub current: Option<&'static str>,
}

/// A drop-down list of every scenario; choosing one opens its first step.
#[component]
pub fn ScenarioMenu(p: &ScenarioMenuProps) -> Html {
    let l = p.lang;
    let details = use_node_ref();
    let items = scenario::all()
        .into_iter()
        .map(|sc| {
            let id = sc.id;
            let onclick = {
                let d = p.dispatch.clone();
                let details = details.clone();
                Callback::from(move |_: MouseEvent| {
                    if let Some(el) = details.cast::<web_sys::Element>() {
                        let _ = el.remove_attribute("open");
                    }
                    d.emit(UiAction::Scenario(ScenarioNav::Go(id, 0)));
                })
            };
            let current = p.current == Some(id);
            html! {
                <li>
                    <button type="button" class={classes!("scenario-item", current.then_some("current"))}
                        data-scenario={id} aria-current={current.then_some("true")} {onclick}>
                        {sc.title(l)}
                        <span class="scenario-steps">{format!(" · {} {}", sc.steps.len(), l.t("steps", "步"))}</span>
                    </button>
                </li>
            }
        })
        .collect::<Html>();
    html! {
        <details class="scenario-menu" ref={details}>
            <summary data-action="scenarios" aria-label={l.t("Guided scenarios", "教学场景")}>
                {l.t("Scenarios", "教学场景")}{" ▾"}
            </summary>
            <div class="scenario-list" role="group" aria-label={l.t("Guided scenarios", "教学场景")}>
                <p class="scenario-hint">{l.t(
                    "Each scenario sets up a cluster and walks through one idea of Raft, step by step. You can take over at any time.",
                    "每个场景都会搭建一个集群，一步一步地讲解 Raft 的一个知识点。你可以随时接管，自由操作。",
                )}</p>
                <ol>{items}</ol>
            </div>
        </details>
    }
}
