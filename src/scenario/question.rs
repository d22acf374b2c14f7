//! Predict, then reveal: a step may stop before it plays and ask the class a
//! question. The question carries no answer key — only a [`Probe`], a
//! question put to the run. After the step plays, the probe is evaluated on
//! the real simulation ([`Question::reveal`]) and the class's prediction is
//! graded against what actually happened.

use super::types::Cond;
use crate::raft::{Index, NodeId, Term};
use crate::sim::{MarkKind, Simulation};
use crate::view::i18n::Lang;

/// What a question asks of the run, evaluated once the step has played.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Probe {
    /// Which node leads at the end of the step (`sim::leadership`), or nobody.
    Leader,
    /// Which node became leader of this term by the end of the step
    /// (the run's own election marks), or nobody.
    LeaderOfTerm(Term),
    /// Does this condition hold at the end of the step: yes or no.
    Holds(Cond),
    /// The node's commit index at the end of the step (answered by
    /// clicking a log cell).
    CommitIndex(NodeId),
}

/// A possible answer. [`Answer::name`] is the `data-choice` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Answer {
    /// This node.
    Node(NodeId),
    /// No node.
    Nobody,
    /// Yes.
    Yes,
    /// No.
    No,
    /// This log index.
    Index(Index),
}

impl Answer {
    /// The stable `data-choice` value: a node id or index as a number,
    /// `none`, `yes`, `no`.
    pub fn name(self) -> String {
        match self {
            Answer::Node(n) => n.to_string(),
            Answer::Index(i) => i.to_string(),
            Answer::Nobody => "none".into(),
            Answer::Yes => "yes".into(),
            Answer::No => "no".into(),
        }
    }

    /// How the answer reads in `lang`, a node by its shown name.
    pub fn label(self, lang: Lang, names: crate::view::node_names::NodeNames) -> String {
        match self {
            Answer::Node(n) => names.name(n),
            Answer::Index(i) => format!("{} {i}", lang.t("index", "索引")),
            Answer::Nobody => lang.t("nobody", "没有人").into(),
            Answer::Yes => lang.t("yes", "会").into(),
            Answer::No => lang.t("no", "不会").into(),
        }
    }
}

/// A question asked before its step plays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The question, English.
    pub prompt_en: &'static str,
    /// The question, Chinese.
    pub prompt_zh: &'static str,
    /// What is asked of the run.
    pub probe: Probe,
    /// The answers offered (the run's outcome need not be among them: then
    /// every prediction is wrong, and the reveal says what happened).
    pub choices: Vec<Answer>,
}

/// A question after its step played: the prediction and the run's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reveal {
    /// What the class predicted, if anything.
    pub predicted: Option<Answer>,
    /// What the run did.
    pub actual: Answer,
}

impl Reveal {
    /// Right, wrong, or `None` when nothing was predicted.
    pub fn correct(&self) -> Option<bool> {
        self.predicted.map(|p| p == self.actual)
    }
}

impl Probe {
    /// The run's answer, read from `sim` as it stands.
    pub fn evaluate(&self, sim: &Simulation) -> Answer {
        let node = |n: Option<NodeId>| n.map_or(Answer::Nobody, Answer::Node);
        match self {
            Probe::Leader => node(sim.world().leader()),
            Probe::LeaderOfTerm(t) => node(
                sim.world()
                    .trace()
                    .marks()
                    .iter()
                    .rfind(|m| m.tick <= sim.tick() && m.kind == MarkKind::Elected { term: *t })
                    .map(|m| m.node),
            ),
            Probe::Holds(c) => {
                if c.holds(sim) {
                    Answer::Yes
                } else {
                    Answer::No
                }
            }
            Probe::CommitIndex(n) => Answer::Index(sim.node(*n).map_or(0, |r| r.commit)),
        }
    }
}

impl Question {
    /// A question with these prompts, probe and choices.
    pub fn new(
        prompt: (&'static str, &'static str),
        probe: Probe,
        choices: impl IntoIterator<Item = Answer>,
    ) -> Question {
        Question {
            prompt_en: prompt.0,
            prompt_zh: prompt.1,
            probe,
            choices: choices.into_iter().collect(),
        }
    }

    /// A yes/no question on a condition.
    pub fn yes_no(prompt: (&'static str, &'static str), cond: Cond) -> Question {
        Question::new(prompt, Probe::Holds(cond), [Answer::Yes, Answer::No])
    }

    /// "Who will lead?", answered by clicking one of nodes `1..=nodes`.
    pub fn who_leads(
        prompt: (&'static str, &'static str),
        probe: Probe,
        nodes: NodeId,
    ) -> Question {
        Question::new(prompt, probe, (1..=nodes).map(Answer::Node))
    }

    /// The prompt in `lang`.
    pub fn prompt(&self, lang: Lang) -> &'static str {
        lang.t(self.prompt_en, self.prompt_zh)
    }

    /// Whether `answer` is one of the choices (the only answers accepted).
    pub fn offers(&self, answer: Answer) -> bool {
        self.choices.contains(&answer)
    }

    /// Grades `predicted` against the run `sim`, which stands at the end of
    /// the question's step.
    pub fn reveal(&self, predicted: Option<Answer>, sim: &Simulation) -> Reveal {
        Reveal {
            predicted: predicted.filter(|a| self.offers(*a)),
            actual: self.probe.evaluate(sim),
        }
    }
}

/// The session's score: predictions made and how many were right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Score {
    /// Questions answered before their reveal.
    pub answered: u32,
    /// Of those, right.
    pub correct: u32,
}

impl Score {
    /// Counts one reveal (an unanswered one does not count).
    pub fn record(&mut self, reveal: &Reveal) {
        if let Some(ok) = reveal.correct() {
            self.answered += 1;
            self.correct += u32::from(ok);
        }
    }
}
