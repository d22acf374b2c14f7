//! Recording a teacher's scenario from a free run. The teacher plays with
//! the cluster and, at each moment worth a step, ends a step there; the
//! draft keeps the run's configuration and action log and where each step
//! ends. [`Draft::scenario`] turns it into scenario steps of the public
//! operations — `run` the ticks between actions, then the action — so the
//! recorded scenario replays the same run (`tests/scenario_authoring.rs`).

use crate::scenario::format::intern;
use crate::scenario::{Op, Scenario, Step};
use crate::sim::{Action, SimConfig, Simulation, TimedAction};

/// The words of one recorded step, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepText {
    /// Title, English.
    pub title_en: String,
    /// Title, Chinese.
    pub title_zh: String,
    /// Narration, English.
    pub say_en: String,
    /// Narration, Chinese.
    pub say_zh: String,
}

/// Which text of a draft is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// The scenario's title, English.
    ScenarioTitleEn,
    /// The scenario's title, Chinese.
    ScenarioTitleZh,
    /// A step's title, English.
    TitleEn(usize),
    /// A step's title, Chinese.
    TitleZh(usize),
    /// A step's narration, English.
    SayEn(usize),
    /// A step's narration, Chinese.
    SayZh(usize),
}

/// A scenario being recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The scenario's title, English and Chinese.
    pub title: (String, String),
    /// The run's starting configuration.
    pub config: SimConfig,
    /// The run's action log, as of the last step's end.
    pub actions: Vec<TimedAction>,
    /// Where each step ends: the tick, and how many actions came before.
    pub cuts: Vec<(u64, usize)>,
    /// The words of each step.
    pub texts: Vec<StepText>,
}

impl Draft {
    /// Ends a step at the moment `sim` shows. Returns false (and changes
    /// nothing) when that moment is not after the last step's end, or the run
    /// was replaced by one with another configuration.
    pub fn end_step(&mut self, sim: &Simulation) -> bool {
        let tick = sim.tick();
        let count = sim.actions().iter().take_while(|a| a.tick <= tick).count();
        let fresh = self.cuts.is_empty();
        let later = self.cuts.last().is_none_or(|&(t, n)| tick > t || count > n);
        if !later || (!fresh && *sim.initial_config() != self.config) {
            return false;
        }
        self.config = sim.initial_config().clone();
        self.actions = sim.actions()[..count].to_vec();
        self.cuts.push((tick, count));
        self.texts.push(StepText::default());
        true
    }

    /// Sets one text.
    pub fn edit(&mut self, field: Field, text: String) {
        match field {
            Field::ScenarioTitleEn => self.title.0 = text,
            Field::ScenarioTitleZh => self.title.1 = text,
            Field::TitleEn(i) | Field::TitleZh(i) | Field::SayEn(i) | Field::SayZh(i) => {
                if let Some(t) = self.texts.get_mut(i) {
                    *match field {
                        Field::TitleEn(_) => &mut t.title_en,
                        Field::TitleZh(_) => &mut t.title_zh,
                        Field::SayEn(_) => &mut t.say_en,
                        _ => &mut t.say_zh,
                    } = text;
                }
            }
        }
    }

    /// The recorded scenario (titles default to "Step k"), id `teacher`.
    pub fn scenario(&self) -> Scenario {
        let or = |s: &str, d: String| intern(if s.trim().is_empty() { &d } else { s.trim() });
        let mut steps = Vec::new();
        let (mut tick, mut from) = (0, 0);
        for (k, (&(end, to), text)) in self.cuts.iter().zip(&self.texts).enumerate() {
            let mut ops = Vec::new();
            for a in &self.actions[from..to] {
                if a.tick > tick {
                    ops.push(Op::Run(a.tick - tick));
                    tick = a.tick;
                }
                ops.push(match &a.action {
                    Action::Propose(t, c) => Op::Propose(*t, intern(&c.to_string())),
                    other => Op::Act(other.clone()),
                });
            }
            if end > tick {
                ops.push(Op::Run(end - tick));
                tick = end;
            }
            from = to;
            let title = (
                or(&text.title_en, format!("Step {}", k + 1)),
                or(&text.title_zh, format!("第 {} 步", k + 1)),
            );
            steps.push(Step::new(title, "", intern(&text.say_en), intern(&text.say_zh)).ops(ops));
        }
        Scenario {
            id: "teacher",
            title_en: or(&self.title.0, "A teacher's scenario".into()),
            title_zh: or(&self.title.1, "教师自编场景".into()),
            config: self.config.clone(),
            steps,
        }
    }
}
