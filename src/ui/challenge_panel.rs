//! Challenge mode ("Break it"): what is loosened, the actions taken, and
//! once the checker reports a violation the score (`data-challenge-score`),
//! the best of the session and the cause. The score is
//! `view::challenge`'s; the violation the checker's; the cause the core's
//! `UnsafeRuleBroken` event.

use crate::sim::ReplicationMode;
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::challenge::{actions_until, rules_text, score_text, Challenge};
use crate::view::explain_unsafe::unsafe_text;
use crate::view::i18n::Lang;
use crate::view::replication_text::mode_short;
use crate::view::safety_view::title;
use yew::prelude::*;

/// Props of [`ChallengePanel`].
#[derive(Properties, PartialEq)]
pub struct ChallengePanelProps {
    /// Shared props.
    pub view: ViewProps,
    /// The challenge.
    pub challenge: Challenge,
}

/// The challenge panel (`data-testid="challenge"`).
#[component]
pub fn ChallengePanel(p: &ChallengePanelProps) -> Html {
    let v = &p.view;
    let (l, names) = (v.lang, v.names);
    let ch = &p.challenge;
    let sim = v.sim.borrow();
    let world = sim.world();
    let taken = actions_until(&sim, sim.tick());
    let result = match &ch.broken {
        Some(b) => {
            let cause = world
                .violations()
                .first()
                .and_then(|x| world.cause_of(x))
                .map(|c| unsafe_text(l, names, c.node, &c.rule))
                .unwrap_or_else(|| {
                    let mode = world.config().replication_mode;
                    let name = mode_short(l, mode);
                    match (l, mode) {
                        (_, ReplicationMode::Raft) => l.t(
                            "No broken rule was recorded before this violation: with every unsafe switch off, that would be a bug in the core.",
                            "此违反之前没有记录到被破坏的规则：若所有不安全开关都关闭，这将是核心的缺陷。").into(),
                        (Lang::En, _) => format!("The leader answers writes before a majority has committed them ({name} replication): an answered write can be lost."),
                        (Lang::Zh, _) => format!("领导者在多数派提交之前就应答写入（{name}复制）：已应答的写入可能丢失。"),
                    }
                });
            html! {
                <div class="challenge-result" data-challenge-score={b.score.to_string()} role="status">
                    <p class="challenge-score"><strong>{score_text(l, b, title(l, b.property))}</strong></p>
                    <p class="challenge-cause">{format!("{}{cause}", l.t("Cause: ", "原因："))}</p>
                </div>
            }
        }
        None => html! {
            <p class="challenge-count" data-challenge-actions={taken.to_string()}>
                {format!("{}{taken}", l.t("Actions so far: ", "已用操作数："))}
            </p>
        },
    };
    let best = ch.best.map(|b| {
        html! { <p class="challenge-best" data-challenge-best={b.to_string()}>{format!("{}{b}", l.t("Best this session: ", "本节课最佳："))}</p> }
    });
    html! {
        <div class="challenge-panel" data-testid="challenge" data-challenge-state={if ch.broken.is_some() { "broken" } else { "armed" }}>
            <p class="challenge-title"><strong>{l.t("Break it!", "来破坏它！")}</strong>
                {l.t(" Make Raft violate safety with the usual controls, in as few actions as you can.",
                     " 用常规操作让 Raft 违反安全性，操作越少越好。")}</p>
            <p class="challenge-rules">{rules_text(l, &ch.loosened)}</p>
            {result}
            {best}
            <div class="challenge-actions">
                <button type="button" class="small" data-action="challenge-restart" onclick={v.dispatch.reform(|_| UiAction::Challenge(true))}>
                    {l.t("New attempt", "重新挑战")}
                </button>
                <button type="button" class="small" data-action="challenge-close" onclick={v.dispatch.reform(|_| UiAction::Challenge(false))}>
                    {l.t("Leave the challenge", "退出挑战")}
                </button>
            </div>
        </div>
    }
}
