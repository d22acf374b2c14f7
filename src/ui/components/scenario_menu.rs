//! The scenario menu in the header. Choosing a scenario dispatches
//! `UiAction::Scenario(ScenarioNav::Go(..))`; the reducer rebuilds the run
//! from the scenario's configuration (`crate::scenario::goto`).

use crate::scenario;
use crate::ui::state::{ScenarioNav, UiAction};
use crate::view::i18n::Lang;
use yew::prelude::*;

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
