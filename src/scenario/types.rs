//! The data a guided scenario is made of: a cluster configuration and steps,
//! each step a few operations on the simulation plus its narration. Nothing
//! here decides an outcome: operations only act (crash, cut, propose, deliver,
//! pin a timer) and let ticks run; the real simulation does the rest.

pub use super::position::{Position, StepStart};
use crate::raft::{Command, Index, MessageKind, NodeId, Term};
use crate::sim::{Action, OpStatus, RoleKey, SimConfig, SimError, Simulation, Target};
use crate::view::i18n::Lang;

/// A condition on the run, used to run "until" something happens and to
/// state what a step is expected to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cond {
    /// The node has this role key (its status wins over its Raft role).
    Role(NodeId, RoleKey),
    /// Some running node is leader.
    AnyLeader,
    /// The node's commit index is at least this.
    Commit(NodeId, Index),
    /// The node's term is at least this.
    Term(NodeId, Term),
    /// The node's log has at least this many entries.
    LogLen(NodeId, usize),
    /// The node's log holds an entry of this term at this index.
    LogTerm(NodeId, Index, Term),
    /// Client operation `op` (1-based) was answered or gave up.
    OpSettled(u64),
    /// Client operation `op` (1-based) stands so (`waiting`, `pending`,
    /// `acknowledged`, `committed`, `failed`; the client panel's words).
    OpIs(u64, &'static str),
    /// The checker found a violation of this property.
    Violated(crate::sim::Property),
    /// No message is in flight.
    Quiet,
    /// In the node's own configuration, the node is a voter (thesis §4.1).
    Voter(NodeId),
    /// In the node's own configuration, the node is a learner (thesis §4.2.1).
    Learner(NodeId),
    /// The node's latest configuration entry is committed there (§4.1).
    ConfigSettled(NodeId),
    /// The safety checker found a violation (the badge turns red).
    Violation,
    /// The node's snapshot covers at least this index (thesis §5.1).
    Snapshot(NodeId, Index),
    /// All of these.
    All(Vec<Cond>),
    /// At least one of these.
    Any(Vec<Cond>),
    /// Not this.
    Not(Box<Cond>),
    /// A message of this kind from the first node to the second is in
    /// flight (travelling, waiting for manual delivery, or held).
    InFlight(NodeId, NodeId, MessageKind),
}

/// What a step talks about, to highlight while it is shown: a node, one
/// cell of a node's log, or the messages of one kind on one link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    /// A node (its circle in the ring).
    Node(NodeId),
    /// The entry at this index of the node's log (its log cell).
    Cell(NodeId, Index),
    /// Messages of this kind from the first node to the second: the pills
    /// in flight, and the step's arrows in the space-time diagram.
    Message(NodeId, NodeId, MessageKind),
}

impl Cond {
    /// What the condition is about: the nodes it checks, and the log cells
    /// it names (an entry's term at an index, the commit index reached).
    /// A negated condition names nothing (it is about an absence).
    pub fn subjects(&self) -> Vec<Subject> {
        let mut out = Vec::new();
        self.collect_subjects(&mut out);
        crate::sort::sort(&mut out);
        out.dedup();
        out
    }

    fn collect_subjects(&self, out: &mut Vec<Subject>) {
        match self {
            Cond::Role(n, _)
            | Cond::Term(n, _)
            | Cond::LogLen(n, _)
            | Cond::Voter(n)
            | Cond::Learner(n)
            | Cond::ConfigSettled(n)
            | Cond::Snapshot(n, _) => out.push(Subject::Node(*n)),
            Cond::Commit(n, i) | Cond::LogTerm(n, i, _) => {
                out.push(Subject::Node(*n));
                out.push(Subject::Cell(*n, *i));
            }
            Cond::InFlight(a, b, k) => out.push(Subject::Message(*a, *b, *k)),
            Cond::All(cs) | Cond::Any(cs) => cs.iter().for_each(|c| c.collect_subjects(out)),
            Cond::AnyLeader
            | Cond::OpSettled(_)
            | Cond::OpIs(..)
            | Cond::Violated(_)
            | Cond::Quiet
            | Cond::Violation
            | Cond::Not(_) => {}
        }
    }

    /// Whether the condition holds in `sim` now.
    pub fn holds(&self, sim: &Simulation) -> bool {
        match self {
            Cond::Role(n, role) => sim.node(*n).is_ok_and(|r| r.role == *role),
            Cond::AnyLeader => sim.world().leader().is_some(),
            Cond::Commit(n, i) => sim.node(*n).is_ok_and(|r| r.commit >= *i),
            Cond::Term(n, t) => sim.node(*n).is_ok_and(|r| r.term >= *t),
            Cond::LogLen(n, l) => sim.node(*n).is_ok_and(|r| r.log.len() >= *l),
            Cond::LogTerm(n, i, t) => sim
                .node(*n)
                .is_ok_and(|r| r.log.iter().any(|e| e.0 == *i && e.1 == *t)),
            Cond::OpSettled(op) => sim.world().client().ops().iter().any(|o| {
                o.id == *op
                    && matches!(
                        o.status,
                        OpStatus::Committed { .. }
                            | OpStatus::Acknowledged { .. }
                            | OpStatus::Failed { .. }
                            | OpStatus::ReadAnswered { .. }
                    )
            }),
            Cond::OpIs(op, status) => sim.world().client().ops().iter().any(|o| {
                o.id == *op && crate::view::client_view::status_name(&o.status) == *status
            }),
            Cond::Violated(property) => sim
                .world()
                .violations()
                .iter()
                .any(|v| v.property == *property),
            Cond::Quiet => sim.world().network().in_flight().is_empty(),
            Cond::Voter(n) => sim.node(*n).is_ok_and(|r| r.membership.is_voter(*n)),
            Cond::Learner(n) => sim.node(*n).is_ok_and(|r| r.membership.is_learner(*n)),
            Cond::ConfigSettled(n) => sim
                .world()
                .slot(*n)
                .is_ok_and(|s| !s.node.config_change_pending()),
            Cond::Violation => !sim.world().violations().is_empty(),
            Cond::Snapshot(n, i) => sim.node(*n).is_ok_and(|r| r.snapshot.0 >= *i),
            Cond::All(cs) => cs.iter().all(|c| c.holds(sim)),
            Cond::Any(cs) => cs.iter().any(|c| c.holds(sim)),
            Cond::Not(c) => !c.holds(sim),
            Cond::InFlight(a, b, k) => sim.find_message(*a, *b, *k).is_some(),
        }
    }
}

/// One operation of a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// Take a simulation action now.
    Act(Action),
    /// A client submits a command (text as a student would type it).
    Propose(Target, &'static str),
    /// Let the global clock run this many ticks.
    Run(u64),
    /// Let the clock run until the condition holds, at most this many ticks.
    RunUntil(Cond, u64),
    /// Deliver the oldest message in flight from one node to another of this
    /// kind. Manual delivery mode
    /// makes these the only way messages move.
    Deliver(NodeId, NodeId, MessageKind),
    /// Drop the oldest such message.
    Drop(NodeId, NodeId, MessageKind),
}

/// Why a scenario could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScenarioError {
    /// No scenario has this id.
    Unknown,
    /// The scenario has fewer steps.
    NoSuchStep {
        /// The step asked for (0-based).
        step: usize,
    },
    /// The simulation refused an operation.
    Sim {
        /// The step (0-based).
        step: usize,
        /// The refusal.
        error: SimError,
    },
    /// A scripted command did not parse, or a scripted message was not in flight.
    Script {
        /// The step (0-based).
        step: usize,
    },
}

impl std::fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for ScenarioError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ScenarioError::Sim { error, .. } => Some(error),
            _ => None,
        }
    }
}

impl ScenarioError {
    /// Explains it in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (ScenarioError::Unknown, Lang::En) => "there is no such scenario".to_string(),
            (ScenarioError::Unknown, Lang::Zh) => "没有这个场景".to_string(),
            (ScenarioError::NoSuchStep { step }, Lang::En) => {
                format!("the scenario has no step {}", step + 1)
            }
            (ScenarioError::NoSuchStep { step }, Lang::Zh) => {
                format!("场景中没有第 {} 步", step + 1)
            }
            (ScenarioError::Sim { step, error }, _) => format!(
                "{} {}: {}",
                lang.t("scenario step", "场景步骤"),
                step + 1,
                crate::view::messages::sim_error(
                    lang,
                    crate::view::node_names::NodeNames::DEFAULT,
                    error
                )
            ),
            (ScenarioError::Script { step }, Lang::En) => {
                format!("scenario step {} could not run its script", step + 1)
            }
            (ScenarioError::Script { step }, Lang::Zh) => {
                format!("场景第 {} 步的脚本无法执行", step + 1)
            }
        }
    }
}

/// One step: what to do, and what to tell the class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// A short title for the step list, English.
    pub title_en: &'static str,
    /// A short title for the step list, Chinese.
    pub title_zh: &'static str,
    /// What the class sees and why, English (names the rule, cites §).
    pub narration_en: &'static str,
    /// The same in Chinese.
    pub narration_zh: &'static str,
    /// The rule at work, e.g. `§5.2`.
    pub rule: &'static str,
    /// The operations, in order.
    pub ops: Vec<Op>,
    /// What the step is meant to show; checked by the tests and shown in the UI.
    pub expect: Option<Cond>,
    /// Predict, then reveal: asked before the step plays, graded by the run
    /// at its end (`question.rs`).
    pub question: Option<super::question::Question>,
}

impl Step {
    /// A step with its titles and narration, and no operations yet.
    pub fn new(
        title: (&'static str, &'static str),
        rule: &'static str,
        narration_en: &'static str,
        narration_zh: &'static str,
    ) -> Step {
        Step {
            title_en: title.0,
            title_zh: title.1,
            narration_en,
            narration_zh,
            rule,
            ops: Vec::new(),
            expect: None,
            question: None,
        }
    }
    /// Adds operations.
    pub fn ops(mut self, ops: impl IntoIterator<Item = Op>) -> Step {
        self.ops.extend(ops);
        self
    }
    /// States what the step should show.
    pub fn expect(mut self, cond: Cond) -> Step {
        self.expect = Some(cond);
        self
    }
    /// Asks the class to predict what this step will show, before it plays.
    pub fn ask(mut self, question: super::question::Question) -> Step {
        self.question = Some(question);
        self
    }
    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.t(self.title_en, self.title_zh)
    }
    /// What the step talks about (highlighted while it is shown): the
    /// nodes, log cells and messages its expected state names, and the
    /// messages its operations deliver or drop by hand.
    pub fn subjects(&self) -> Vec<Subject> {
        let mut out = self.expect.as_ref().map(Cond::subjects).unwrap_or_default();
        out.extend(self.ops.iter().filter_map(|op| match *op {
            Op::Deliver(a, b, k) | Op::Drop(a, b, k) => Some(Subject::Message(a, b, k)),
            _ => None,
        }));
        crate::sort::sort(&mut out);
        out.dedup();
        out
    }
    /// The narration in `lang`.
    pub fn narration(&self, lang: Lang) -> &'static str {
        lang.t(self.narration_en, self.narration_zh)
    }
}

/// A guided scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// Stable id (menus, share links, tests).
    pub id: &'static str,
    /// Title, English.
    pub title_en: &'static str,
    /// Title, Chinese.
    pub title_zh: &'static str,
    /// The cluster it starts from.
    pub config: SimConfig,
    /// The steps.
    pub steps: Vec<Step>,
}

impl Scenario {
    /// The title in `lang`.
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.t(self.title_en, self.title_zh)
    }

    /// Runs step `index` on `sim` (which must stand at the end of the step
    /// before it).
    pub fn apply_step(&self, sim: &mut Simulation, index: usize) -> Result<(), ScenarioError> {
        let step = self
            .steps
            .get(index)
            .ok_or(ScenarioError::NoSuchStep { step: index })?;
        let sim_err = |error| ScenarioError::Sim { step: index, error };
        for op in &step.ops {
            match op {
                Op::Act(a) => sim.act(a.clone()).map_err(sim_err)?,
                Op::Propose(target, text) => {
                    let command =
                        Command::parse(text).map_err(|_| ScenarioError::Script { step: index })?;
                    sim.act(Action::Propose(*target, command))
                        .map_err(sim_err)?;
                }
                Op::Run(n) => sim.run(*n).map_err(sim_err)?,
                Op::RunUntil(cond, max) => {
                    let mut left = *max;
                    while left > 0 && !cond.holds(sim) {
                        sim.step().map_err(sim_err)?;
                        left -= 1;
                    }
                }
                Op::Deliver(from, to, kind) | Op::Drop(from, to, kind) => {
                    let id = sim
                        .find_message(*from, *to, *kind)
                        .ok_or(ScenarioError::Script { step: index })?;
                    let action = if matches!(op, Op::Deliver(..)) {
                        Action::Deliver(id)
                    } else {
                        Action::Drop(id)
                    };
                    sim.act(action).map_err(sim_err)?;
                }
            }
        }
        Ok(())
    }

    /// The run at the end of step `index`: rebuilt from the configuration by
    /// running steps `0..=index` (deterministic, so going back is exact).
    pub fn build(&self, index: usize) -> Result<Simulation, ScenarioError> {
        self.build_checked(index).map(|(sim, _)| sim)
    }

    /// [`build`](Self::build), also checking each step's expected state at
    /// the end of that step, on the same run: entry `i` is whether step `i`'s
    /// condition held then (`None` for a step without one). This is what
    /// puts a check mark on every step passed, not only the current one.
    pub fn build_checked(
        &self,
        index: usize,
    ) -> Result<(Simulation, Vec<Option<bool>>), ScenarioError> {
        self.position(index).map(|(sim, pos)| (sim, pos.checks))
    }

    /// The run at the end of step `index` and the position to remember for
    /// it: the steps' checks ([`build_checked`](Self::build_checked)) and
    /// where the step began (its messages are the ones since then).
    pub fn position(&self, index: usize) -> Result<(Simulation, Position), ScenarioError> {
        if index >= self.steps.len() {
            return Err(ScenarioError::NoSuchStep { step: index });
        }
        let mut sim = Simulation::new(self.config.clone())
            .map_err(|error| ScenarioError::Sim { step: 0, error })?;
        let mut checks = Vec::with_capacity(index + 1);
        let mut start = StepStart::of(&sim);
        for i in 0..=index {
            start = StepStart::of(&sim);
            self.apply_step(&mut sim, i)?;
            checks.push(self.steps[i].expect.as_ref().map(|c| c.holds(&sim)));
        }
        let pos = Position {
            start,
            ..Position::at(self.id, index, &sim).with_checks(checks)
        };
        Ok((sim, pos))
    }
}

/// A shorthand for `Op::Act`.
pub fn act(a: Action) -> Op {
    Op::Act(a)
}

/// A shorthand for proposing to one node.
pub fn propose_to(node: NodeId, text: &'static str) -> Op {
    Op::Propose(Target::Node(node), text)
}

#[cfg(test)]
mod subject_tests {
    use super::*;

    #[test]
    fn a_condition_names_the_nodes_and_cells_it_checks() {
        let c = Cond::All(vec![
            Cond::Role(1, RoleKey::Leader),
            Cond::Commit(3, 2),
            Cond::Any(vec![Cond::LogTerm(2, 4, 3), Cond::Quiet]),
            Cond::Not(Box::new(Cond::Role(5, RoleKey::Leader))),
        ]);
        assert_eq!(
            c.subjects(),
            vec![
                Subject::Node(1),
                Subject::Node(2),
                Subject::Node(3),
                Subject::Cell(2, 4),
                Subject::Cell(3, 2),
            ]
        );
        assert!(Cond::AnyLeader.subjects().is_empty());
    }
}
