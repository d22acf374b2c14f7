//! Challenge mode (`view::challenge`): the score is the number of actions
//! until the checker's first violation; with Raft's rules whole the same
//! actions break nothing.

use raftlab::raft::{Command, UnsafeSwitch};
use raftlab::sim::{Action, Property, ReplicationMode, SimConfig, Simulation, Target};
use raftlab::view::challenge::{loosened, rules_text, Broken, Challenge};
use raftlab::view::i18n::Lang;

fn put(text: &str) -> Action {
    Action::Propose(Target::Cluster, Command::parse(text).unwrap())
}

/// Seed 1: n2 leads by tick 60. Cut it off, write to it, let the others
/// elect n1, heal, read the key back: four actions.
fn play(mode: ReplicationMode) -> (Simulation, Challenge) {
    let config = SimConfig {
        replication_mode: mode,
        ..SimConfig::default()
    };
    let mut ch = Challenge::default();
    ch.start(&config);
    let mut sim = Simulation::new(config).unwrap();
    let step = |sim: &mut Simulation, a: Option<Action>, ticks: u64, ch: &mut Challenge| {
        if let Some(a) = a {
            sim.act(a).unwrap();
            ch.observe(sim);
        }
        sim.run(ticks).unwrap();
        ch.observe(sim);
    };
    step(&mut sim, None, 60, &mut ch);
    assert_eq!(sim.world().leader(), Some(2));
    step(&mut sim, Some(Action::Isolate(2)), 0, &mut ch);
    step(&mut sim, Some(put("put x 1")), 80, &mut ch);
    assert_eq!(sim.world().leader(), Some(1));
    step(&mut sim, Some(Action::Recover), 20, &mut ch);
    step(&mut sim, Some(put("get x")), 40, &mut ch);
    (sim, ch)
}

#[test]
fn an_early_answer_is_broken_in_four_actions() {
    let (sim, ch) = play(ReplicationMode::Async);
    assert_eq!(ch.loosened, ["async"]);
    assert_eq!(
        ch.broken,
        Some(Broken {
            score: 4,
            tick: 160,
            property: Property::Linearizability
        })
    );
    assert_eq!(ch.best, Some(4));
    assert_eq!(sim.world().violations()[0].tick, 160);
}

#[test]
fn the_same_actions_break_nothing_under_raft() {
    let (sim, ch) = play(ReplicationMode::Raft);
    assert!(sim.world().violations().is_empty());
    assert_eq!(ch.broken, None);
    assert_eq!(ch.best, None);
    assert!(ch.loosened.is_empty());
    assert!(rules_text(Lang::En, &ch.loosened).contains("no sequence of actions can break safety"));
    assert!(rules_text(Lang::Zh, &ch.loosened).contains("任何操作序列都无法破坏安全性"));
}

#[test]
fn the_best_score_is_the_fewest_and_resets_when_the_rules_change() {
    let mut ch = Challenge {
        best: Some(7),
        loosened: vec!["async"],
        ..Challenge::default()
    };
    let (sim, _) = play(ReplicationMode::Async);
    ch.start(sim.initial_config());
    ch.observe(&sim);
    assert_eq!(ch.best, Some(4));
    // A later, longer attempt keeps the best.
    ch.broken = None;
    ch.best = Some(2);
    ch.observe(&sim);
    assert_eq!(
        (ch.broken.as_ref().map(|b| b.score), ch.best),
        (Some(4), Some(2))
    );
    let mut c = SimConfig::default();
    c.raft.unsafe_switches = vec![UnsafeSwitch::ForgetVoteOnRestart];
    ch.start(&c);
    assert_eq!((ch.best, ch.broken.clone()), (None, None));
    assert_eq!(loosened(&c), ["forget-vote-on-restart"]);
}
