//! The narration panel above the cluster: the current scenario step's text
//! (naming the rule at work), Next / Back / Restart / Take over, and the list
//! of steps to jump to. Once the teacher has acted on the run it shows a
//! slim "free play" bar with a way back to the step.

use super::quiz_panel::{quiz_panel, QuizPanelProps};
use crate::scenario::{Position, Scenario};
use crate::ui::props::ViewProps;
use crate::ui::state::ScenarioNav;
use crate::ui::state::UiAction;
use yew::prelude::*;

/// Props of [`Narration`].
#[derive(Properties, PartialEq)]
pub struct NarrationProps {
    /// Shared props.
    pub view: ViewProps,
    /// Where the scenario stands, if one is open.
    #[prop_or_default]
    pub pos: Option<Position>,
    /// The scenario at `pos` (a built-in or the teacher's).
    #[prop_or_default]
    pub scenario: Option<std::rc::Rc<Scenario>>,
    /// Predictions: pending answer, last reveal, score.
    #[prop_or_default]
    pub quiz: crate::view::quiz::Quiz,
}

/// "Compare with PreVote off": the scenario's run beside the same run with
/// the setting it is about changed (`sim::compare`).
fn compare_offer(
    l: crate::view::i18n::Lang,
    config: &crate::sim::SimConfig,
    d: &Callback<UiAction>,
) -> Html {
    let knob = crate::sim::compare::Knob::suggest(config);
    let Ok((_, b)) = knob.configs(config) else {
        return html! {};
    };
    let text = crate::view::compare_text::setting_text(l, knob, &b);
    html! {
        <button type="button" data-action="scenario-compare" data-compare-setting={knob.name()}
            onclick={d.reform(move |_: MouseEvent| UiAction::Compare(Some(knob)))}>
            {format!("{}{text}", l.t("Compare with ", "对比："))}
        </button>
    }
}

/// The narration of the current scenario step (nothing when none is open).
#[component]
pub fn Narration(p: &NarrationProps) -> Html {
    crate::ui::render_count::count("Narration");
    // Opening a scenario moves the focus to its title, so the keyboard (and
    // a screen reader) continues from the narration, not the closed menu.
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        let opened = p.pos.as_ref().map(|p| p.id);
        use_effect_with(opened, move |opened| {
            if opened.is_some() {
                if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = h.focus();
                }
            }
        });
    }
    // The current step stays in view in the (short, scrolled) step list:
    // the list scrolls, the page does not.
    let list = use_node_ref();
    {
        let list = list.clone();
        let at = p.pos.as_ref().map(|p| (p.id, p.step, p.free));
        use_effect_with(at, move |_| {
            if let Some(ol) = list.cast::<web_sys::Element>() {
                if let Ok(Some(li)) = ol.query_selector("li.current") {
                    let (o, i) = (ol.get_bounding_client_rect(), li.get_bounding_client_rect());
                    let top = f64::from(ol.scroll_top());
                    if let Some(to) =
                        crate::view::scroll::reveal(o.top(), o.height(), i.top(), i.height(), top)
                    {
                        ol.set_scroll_top(to.round() as i32);
                    }
                }
            }
        });
    }
    let (Some(pos), v) = (p.pos.as_ref(), &p.view) else {
        return html! {};
    };
    let Some(sc) = p.scenario.as_deref() else {
        return html! {};
    };
    let Some(step) = sc.steps.get(pos.step) else {
        return html! {};
    };
    let l = v.lang;
    let d = &v.dispatch;
    let (free, expected, asked) = {
        let sim = v.sim.borrow();
        let free = pos.free || pos.diverged(&sim);
        let asked = crate::view::quiz::upcoming(sc, pos, &sim).cloned();
        (free, step.expect.as_ref().map(|c| c.holds(&sim)), asked)
    };
    let asking = asked.is_some();
    let revealed = match (&p.quiz.reveal, &step.question) {
        (Some(reveal), Some(question)) => html! {
            { quiz_panel(&QuizPanelProps { lang: l, names: p.view.names, dispatch: d.clone(), question: question.clone(), reveal: Some(reveal.clone()), pending: None, score: p.quiz.score }) }
        },
        _ => html! {},
    };
    let quiz = html! {
        <>
            {revealed}
            if let Some(question) = asked {
                { quiz_panel(&QuizPanelProps { lang: l, names: p.view.names, dispatch: d.clone(), question, reveal: None, pending: p.quiz.pending, score: p.quiz.score }) }
            }
        </>
    };
    let id = sc.id;
    let n = sc.steps.len();
    let k = pos.step;
    let go = |to: usize| d.reform(move |_: MouseEvent| UiAction::Scenario(ScenarioNav::Go(id, to)));
    let close = d.reform(|_: MouseEvent| UiAction::Scenario(ScenarioNav::Close));
    let counter = format!("{} {} / {}", l.t("Step", "第"), k + 1, n) + l.t("", " 步");
    let steps = sc
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let current = i == k;
            let state = if i < k { "done" } else if current { "current" } else { "todo" };
            // Each step passed keeps the mark its own end earned (recorded
            // while building the run); the current one shows the live check.
            let held = if current && !free { expected } else { pos.checks.get(i).copied().flatten() };
            let mark = match held {
                Some(true) => html! {
                    <span class="expect ok" data-step-check="ok" title={l.t("The run showed what this step is about", "运行结果与本步讲解一致")}>{"✓"}</span>
                },
                Some(false) => html! {
                    <span class="expect bad" data-step-check="bad" title={l.t("The run did not reach this step's expected state", "运行未达到本步预期的状态")}>{"✗"}</span>
                },
                None => html! {},
            };
            html! {
                <li class={state}>
                    <button type="button" data-step={i.to_string()} aria-current={current.then_some("step")}
                        title={s.title(l)} onclick={go(i)}>
                        <span class="step-no">{i + 1}</span><span class="step-name">{s.title(l)}</span>{mark}
                    </button>
                </li>
            }
        })
        .collect::<Html>();
    let header = html! {
        <header class="narration-head">
            <h2 ref={heading} tabindex="-1">{sc.title(l)}</h2>
            <span class="step-counter">{counter}</span>
            <button type="button" class="narration-close" data-action="scenario-close"
                aria-label={l.t("Close the scenario", "关闭场景")} onclick={close}>{"×"}</button>
        </header>
    };
    if free {
        return html! {
            <section class="narration free" data-testid="narration" data-scenario-id={id}
                data-step={k.to_string()} data-steps={n.to_string()} data-mode="free"
                aria-label={l.t("Scenario narration", "场景讲解")}>
                {header}
                <p class="free-note" role="status">
                    {l.t("Free play: the run is yours now. The narration resumes when you return to a step.",
                         "自由操作：现在由你来操控集群。回到某一步即可继续讲解。")}
                </p>
                <div class="narration-controls">
                    <button type="button" class="primary" data-action="scenario-return" onclick={go(k)}>
                        {format!("↩ {} {}", l.t("Return to step", "回到第"), k + 1)}{l.t("", " 步")}
                    </button>
                </div>
                <ol class="step-list" ref={list.clone()}>{steps}</ol>
            </section>
        };
    }
    let status = match expected {
        Some(true) => {
            html! { <span class="expect ok" title={l.t("The run shows what this step is about", "运行结果与本步讲解一致")}>{"✓"}</span> }
        }
        Some(false) => {
            html! { <span class="expect bad" role="status">{l.t("The run did not reach this step's expected state", "运行未达到本步预期的状态")}</span> }
        }
        None => html! {},
    };
    html! {
        <section class="narration" data-testid="narration" data-scenario-id={id}
            data-step={k.to_string()} data-steps={n.to_string()} data-mode="guided"
            aria-label={l.t("Scenario narration", "场景讲解")}>
            {header}
            <div class="narration-main">
                <div class="narration-body">
                    <h3 class="step-title">
                        if !step.rule.is_empty() {
                            <span class="rule" title={l.t("The rule at work (Raft paper / thesis section)", "起作用的规则（Raft 论文/博士论文章节）")}>{crate::view::cite::rule_chip(l, step.rule)}</span>
                        }
                        {step.title(l)}{status}
                    </h3>
                    <p class="narration-text" data-narration="" aria-live="polite">{step.narration(l)}</p>
                    {quiz}
                </div>
                // The steps and the controls share the side column, so the
                // text column stays short and the logs stay above the fold.
                <div class="narration-side">
                    <nav class="step-nav" aria-label={l.t("Steps", "步骤")}>
                        <ol class="step-list" ref={list.clone()}>{steps}</ol>
                    </nav>
                    <div class="narration-controls">
                        <button type="button" data-action="scenario-back" disabled={k == 0}
                            onclick={go(k.saturating_sub(1))}>
                            {"◀ "}{l.t("Back", "上一步")}
                        </button>
                        if k + 1 < n {
                            <button type="button" class="primary" data-action="scenario-next"
                                aria-label={l.t("Next step", "下一步")} onclick={go(k + 1)}>
                                {if asking { l.t("Reveal", "揭晓") } else { l.t("Next", "下一步") }}{" ▶"}
                            </button>
                        } else {
                            <span class="scenario-done">{l.t("End of the scenario", "场景结束")}</span>
                        }
                        <button type="button" data-action="scenario-restart" onclick={go(0)}>
                            {"⟲ "}{l.t("Restart", "重新开始")}
                        </button>
                        {compare_offer(l, &sc.config, d)}
                        <button type="button" data-action="scenario-takeover"
                            onclick={d.reform(|_: MouseEvent| UiAction::Scenario(ScenarioNav::TakeOver))}>
                            {l.t("Take over", "自由操作")}
                        </button>
                    </div>
                </div>
            </div>
        </section>
    }
}
