//! Guided classroom scenarios: each sets up a cluster, drives it with a short
//! script through the simulation API, and narrates every step in English and
//! Chinese, naming the rule at work. Outcomes are never hard-coded: the
//! scripts only act (crash, cut, propose, deliver, pin a timer) and let the
//! real simulation produce what happens; `tests/scenarios.rs` states each
//! scenario's end literally.
//!
//! Going to step `k` rebuilds the run from the configuration and runs steps
//! `0..=k` ([`Scenario::build`]); the simulation is deterministic, so going
//! back is exact.

pub mod format;
pub mod names;
mod position;
mod question;
mod types;

pub use names::{declared as declared_names, node_names};
pub use question::{Answer, Probe, Question, Reveal, Score};
pub use types::{
    act, propose_to, Cond, Op, Position, Scenario, ScenarioError, Step, StepStart, Subject,
};

/// The built-in scenarios, in teaching order: their ids and their files, in
/// the teacher's format (`docs/scenario-format.md`). They are data, not code
/// that builds them (issue 15: a smaller download); `tests/builtin_scenarios.rs`
/// holds them to the code-built scenarios they replaced.
const BUILT_IN: &[(&str, &str)] = &[
    (
        "election-basics",
        include_str!("builtin/election-basics.txt"),
    ),
    ("leader-crash", include_str!("builtin/leader-crash.txt")),
    ("split-vote", include_str!("builtin/split-vote.txt")),
    (
        "log-replication",
        include_str!("builtin/log-replication.txt"),
    ),
    (
        "election-restriction",
        include_str!("builtin/election-restriction.txt"),
    ),
    ("divergent-logs", include_str!("builtin/divergent-logs.txt")),
    ("figure-8", include_str!("builtin/figure-8.txt")),
    (
        "figure-8-unsafe",
        include_str!("builtin/figure-8-unsafe.txt"),
    ),
    ("figure-8-noop", include_str!("builtin/figure-8-noop.txt")),
    ("partition", include_str!("builtin/partition.txt")),
    ("prevote-off", include_str!("builtin/prevote-off.txt")),
    ("prevote-on", include_str!("builtin/prevote-on.txt")),
    ("prevote-alone", include_str!("builtin/prevote-alone.txt")),
    (
        "prevote-check-quorum",
        include_str!("builtin/prevote-check-quorum.txt"),
    ),
    ("one-way-link", include_str!("builtin/one-way-link.txt")),
    (
        "leader-failures",
        include_str!("builtin/leader-failures.txt"),
    ),
    ("why-consensus", include_str!("builtin/why-consensus.txt")),
    ("add-server", include_str!("builtin/add-server.txt")),
    ("remove-leader", include_str!("builtin/remove-leader.txt")),
    (
        "joint-consensus",
        include_str!("builtin/joint-consensus.txt"),
    ),
    (
        "one-step-change",
        include_str!("builtin/one-step-change.txt"),
    ),
    (
        "replication-modes",
        include_str!("builtin/replication-modes.txt"),
    ),
    ("figure-7", include_str!("builtin/figure-7.txt")),
    (
        "snapshot-catch-up",
        include_str!("builtin/snapshot-catch-up.txt"),
    ),
    ("read-index", include_str!("builtin/read-index.txt")),
    (
        "stale-leader-read",
        include_str!("builtin/stale-leader-read.txt"),
    ),
    (
        "leader-transfer",
        include_str!("builtin/leader-transfer.txt"),
    ),
];

/// The file of built-in scenario `id`, as [`format::print`] writes it.
pub fn builtin_text(id: &str) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, text)| *text)
}

/// Runs `f` on every scenario, in teaching order (the files are parsed once
/// per page; a file that did not parse would be left out, but every one is
/// tested to).
fn with_all<R>(f: impl FnOnce(&[Scenario]) -> R) -> R {
    thread_local! {
        static ALL: std::cell::OnceCell<Vec<Scenario>> = const { std::cell::OnceCell::new() };
    }
    ALL.with(|all| {
        f(all.get_or_init(|| {
            BUILT_IN
                .iter()
                .filter_map(|(_, text)| format::parse(text).ok())
                .collect()
        }))
    })
}

/// Every scenario, in teaching order.
pub fn all() -> Vec<Scenario> {
    with_all(<[Scenario]>::to_vec)
}

/// The ids of every scenario, in teaching order.
pub fn ids() -> Vec<&'static str> {
    with_all(|all| all.iter().map(|s| s.id).collect())
}

/// The scenario with this id (only it is copied: the UI asks on every
/// frame while a scenario is open).
pub fn find(id: &str) -> Option<Scenario> {
    with_all(|all| all.iter().find(|s| s.id == id).cloned())
}

/// The run at the end of step `step` of scenario `id`, and the position to
/// remember for it: what Next, Back, Restart and jumping to a step all do.
pub fn goto(id: &str, step: usize) -> Result<(crate::sim::Simulation, Position), ScenarioError> {
    let sc = find(id).ok_or(ScenarioError::Unknown)?;
    sc.position(step)
}
