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
mod question;
mod questions;
mod types;

mod add_server;
mod divergent_logs;
mod election_basics;
mod election_restriction;
mod figure7;
mod figure8;
mod joint;
mod leader_crash;
mod leader_failures;
mod leader_transfer;
mod one_way;
mod partition;
mod position;
mod prevote;
mod prevote_check_quorum;
mod reads;
mod remove_leader;
mod replication;
mod replication_modes;
mod snapshot_catch_up;
mod split_vote;
mod why_consensus;

pub use names::{declared as declared_names, node_names};
pub use question::{Answer, Probe, Question, Reveal, Score};
pub use types::{
    act, propose_to, Cond, Op, Position, Scenario, ScenarioError, Step, StepStart, Subject,
};

/// Every scenario, in teaching order.
pub fn all() -> Vec<Scenario> {
    let mut all = vec![
        election_basics::scenario(),
        leader_crash::scenario(),
        split_vote::scenario(),
        replication::scenario(),
        election_restriction::scenario(),
        divergent_logs::scenario(),
        figure8::scenario(figure8::Variant::Safe),
        figure8::scenario(figure8::Variant::Unsafe),
        figure8::scenario(figure8::Variant::Noop),
        partition::scenario(),
        prevote::scenario(false),
        prevote::scenario(true),
        prevote_check_quorum::scenario(false),
        prevote_check_quorum::scenario(true),
        one_way::scenario(),
        leader_failures::scenario(),
        why_consensus::scenario(),
        add_server::scenario(),
        remove_leader::scenario(),
        joint::scenario(),
        joint::unsafe_scenario(),
        replication_modes::scenario(),
        figure7::scenario(),
        snapshot_catch_up::scenario(),
        reads::scenario(false),
        reads::scenario(true),
        leader_transfer::scenario(),
    ];
    all.iter_mut().for_each(questions::attach);
    all
}

/// The ids of every scenario, in teaching order.
pub fn ids() -> Vec<&'static str> {
    all().into_iter().map(|s| s.id).collect()
}

/// The scenario with this id.
pub fn find(id: &str) -> Option<Scenario> {
    all().into_iter().find(|s| s.id == id)
}

/// The run at the end of step `step` of scenario `id`, and the position to
/// remember for it: what Next, Back, Restart and jumping to a step all do.
pub fn goto(id: &str, step: usize) -> Result<(crate::sim::Simulation, Position), ScenarioError> {
    let sc = find(id).ok_or(ScenarioError::Unknown)?;
    sc.position(step)
}
