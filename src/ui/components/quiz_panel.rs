//! Predict, then reveal, in the narration panel: before a step with a
//! question, the question (`data-quiz`) and its choices (`data-choice`);
//! after Next played it, the run's answer beside the prediction
//! (`data-quiz-result="correct|wrong"`) and the session's score. Clicking a
//! node or a log cell in the cluster answers too (the reducer).

use crate::scenario::{Question, Reveal, Score};
use crate::ui::state::UiAction;
use crate::view::i18n::Lang;
use yew::prelude::*;

/// Arguments of [`quiz_panel`].
pub struct QuizPanelProps {
    /// Language.
    pub lang: Lang,
    /// How nodes are named.
    pub names: crate::view::node_names::NodeNames,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
    /// The question, asked (`reveal` none) or revealed.
    pub question: Question,
    /// The reveal, once the step played.
    pub reveal: Option<Reveal>,
    /// The chosen answer, while asked.
    pub pending: Option<crate::scenario::Answer>,
    /// The session's score.
    pub score: Score,
}

/// A question and its choices, or its reveal.
pub fn quiz_panel(p: &QuizPanelProps) -> Html {
    let l = p.lang;
    let q = &p.question;
    let score = format!(
        "{} {} / {}",
        l.t("Score", "得分"),
        p.score.correct,
        p.score.answered
    );
    let score = html! { <span class="quiz-score" data-quiz-score={format!("{}/{}", p.score.correct, p.score.answered)}>{score}</span> };
    if let Some(r) = &p.reveal {
        let result = r.correct().map(|ok| if ok { "correct" } else { "wrong" });
        let verdict = match r.correct() {
            Some(true) => l.t("✓ Right!", "✓ 答对了！"),
            Some(false) => l.t("✗ Not this time.", "✗ 这次没猜中。"),
            None => l.t("No prediction was made.", "没有作答。"),
        };
        let said = r.predicted.map(|a| {
            html! { <span>{l.t("You said ", "你的答案：")}<b>{a.label(l, p.names)}</b>{" · "}</span> }
        });
        return html! {
            <div class="quiz revealed" data-quiz="" data-quiz-result={result} role="status">
                <p class="quiz-prompt">{q.prompt(l)}</p>
                <p class="quiz-answer">{said}{l.t("The run: ", "实际运行：")}<b data-quiz-actual={r.actual.name()}>{r.actual.label(l, p.names)}</b>
                    {" "}<span class="quiz-verdict">{verdict}</span>{" "}{score}</p>
            </div>
        };
    }
    let choices = q
        .choices
        .iter()
        .map(|&a| {
            let on = p.pending == Some(a);
            html! {
                <button type="button" class={classes!("quiz-choice", on.then_some("chosen"))}
                    data-choice={a.name()} aria-pressed={on.to_string()}
                    onclick={p.dispatch.reform(move |_: MouseEvent| UiAction::Answer(a))}>
                    {a.label(l, p.names)}
                </button>
            }
        })
        .collect::<Html>();
    html! {
        <div class="quiz" data-quiz="" role="group" aria-label={l.t("Predict, then reveal", "先预测，再揭晓")}>
            <p class="quiz-prompt"><span class="quiz-tag">{l.t("Predict", "预测")}</span>{q.prompt(l)}</p>
            <div class="quiz-choices">{choices}</div>
            <p class="quiz-hint">{l.t(
                "Choose (or click a node or log cell), then Next: the run decides.",
                "先选择（也可以点选节点或日志格），再点“下一步”：由真实运行来判定。",
            )}{" "}{score}</p>
        </div>
    }
}
