//! Time travel: seeking lands on identical state, acting in the past forks,
//! checkpoints stay bounded, and bad input is an error, never a panic.

use raftlab::raft::Config as RaftConfig;
use raftlab::sim::history::{CHECKPOINT_EVERY, DENSITY};
use raftlab::sim::RoleKey;
use raftlab::sim::{Action, SimConfig, SimError, Simulation, TimedAction};

fn busy_run(ticks: u64) -> Simulation {
    let mut sim = Simulation::new(SimConfig {
        nodes: 5,
        seed: 21,
        ..SimConfig::default()
    })
    .unwrap();
    loop {
        match sim.tick() % 400 {
            0 => sim.propose_cluster("put x 1").unwrap(),
            100 => sim.crash(1 + (sim.tick() / 400 % 5) as u32).unwrap(),
            150 => sim.propose_cluster("get x").unwrap(),
            250 => sim.restart(1 + (sim.tick() / 400 % 5) as u32).unwrap(),
            300 => sim.partition(&[&[1, 2], &[3, 4, 5]]).unwrap(),
            350 => sim.recover().unwrap(),
            _ => {}
        }
        if sim.tick() == ticks {
            return sim;
        }
        sim.step().unwrap();
    }
}

#[test]
fn seeking_backward_and_forward_lands_on_identical_state() {
    let mut sim = busy_run(1500);
    // The state at tick t, reached by running forward only (actions taken at
    // a tick belong to it).
    let reference = |t: u64| {
        let s = busy_run(t);
        (s.nodes(), s.world().trace().hash(), s.world().clone())
    };
    for t in [1400, 3, 700, 256, 1500, 0, 1024, 257, 1499] {
        sim.seek(t).unwrap();
        assert_eq!(sim.tick(), t);
        let (nodes, hash, world) = reference(t);
        assert_eq!(sim.nodes(), nodes, "readouts at tick {t}");
        assert_eq!(sim.world().trace().hash(), hash, "hash at tick {t}");
        assert_eq!(sim.world(), &world, "world at tick {t}");
    }
    assert_eq!(sim.head(), 1500);
    assert!(sim.seek(1501).is_err(), "beyond the head");
}

#[test]
fn acting_in_the_past_forks_history() {
    let mut sim = busy_run(1000);
    let before = sim.actions().len();
    assert!(before > 5);
    sim.seek(420).unwrap();
    sim.crash(3).unwrap();
    // Every recorded action after tick 420 is gone; the new one is last.
    assert!(sim.actions().iter().all(|a| a.tick <= 420));
    assert_eq!(
        sim.actions().last(),
        Some(&TimedAction {
            tick: 420,
            action: Action::Crash(3)
        })
    );
    assert!(sim.actions().len() < before);
    assert_eq!(sim.head(), 420, "the head moves back to the fork");
    assert!(sim.seek(421).is_err());
    sim.run(10).unwrap();
    assert_eq!(sim.head(), 430);
    assert_eq!(sim.node(3).unwrap().role, RoleKey::Crashed);
    // The forked timeline replays on its own.
    let again =
        Simulation::replay(sim.initial_config().clone(), sim.actions().to_vec(), 430).unwrap();
    assert_eq!(again.world().trace().hash(), sim.world().trace().hash());
    // A refused action changes nothing and is not recorded.
    let n = sim.actions().len();
    assert!(sim.restart(1).is_err(), "n1 is up");
    assert_eq!(sim.actions().len(), n);
}

#[test]
fn checkpoint_thinning_keeps_the_count_bounded() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        seed: 5,
        ..SimConfig::default()
    })
    .unwrap();
    let mut most = 0;
    for i in 0..20_000u64 {
        if i % 500 == 0 {
            sim.propose_cluster("put k v").unwrap();
        }
        sim.step().unwrap();
        most = most.max(sim.checkpoint_count());
    }
    // Dense near the head, about DENSITY / 2 per doubling of distance
    // beyond: log2(20_000 / (16 * 8)) < 8 doublings.
    let bound = (DENSITY + DENSITY / 2 * 9) as usize;
    assert!(most <= bound, "{most} checkpoints (bound {bound})");
    let ticks = sim.checkpoint_ticks();
    assert!(ticks.len() >= DENSITY as usize);
    assert!(ticks.windows(2).all(|w| w[0] < w[1]), "sorted: {ticks:?}");
    // The last DENSITY are every CHECKPOINT_EVERY ticks, up to the head.
    let last: Vec<u64> = ticks[ticks.len() - DENSITY as usize..].to_vec();
    let want: Vec<u64> = (0..DENSITY)
        .rev()
        .map(|k| 20_000 - 20_000 % CHECKPOINT_EVERY - k * CHECKPOINT_EVERY)
        .collect();
    assert_eq!(last, want);
    // Rewinding far back still works after thinning.
    let hash = sim.world().trace().hash();
    sim.seek(123).unwrap();
    sim.seek(20_000).unwrap();
    assert_eq!(sim.world().trace().hash(), hash);
}

#[test]
fn replay_with_out_of_order_actions_is_an_error() {
    let config = SimConfig::default();
    let actions = vec![
        TimedAction {
            tick: 10,
            action: Action::Campaign(1),
        },
        TimedAction {
            tick: 5,
            action: Action::Campaign(2),
        },
    ];
    let err = Simulation::replay(config.clone(), actions, 20).err();
    assert_eq!(
        err,
        Some(SimError::UnorderedActions {
            index: 1,
            tick: 5,
            previous: 10
        })
    );
    assert_eq!(
        err.unwrap().to_string(),
        "action 2 at tick 5 comes after one at tick 10: actions must be in tick order"
    );
    // An action that cannot apply (no such node) is an error too.
    let bad = vec![TimedAction {
        tick: 0,
        action: Action::Crash(42),
    }];
    assert_eq!(
        Simulation::replay(config.clone(), bad, 5).err(),
        Some(SimError::NoSuchNode { node: 42 })
    );
    // In order, it replays.
    let good = vec![TimedAction {
        tick: 3,
        action: Action::Campaign(2),
    }];
    let sim = Simulation::replay(config, good, 30).unwrap();
    assert_eq!(sim.node(2).unwrap().role, RoleKey::Leader);
}

#[test]
fn invalid_configs_are_errors() {
    let with = |nodes: u32, raft: RaftConfig| {
        Simulation::new(SimConfig {
            nodes,
            raft,
            ..SimConfig::default()
        })
        .err()
    };
    assert_eq!(
        with(0, RaftConfig::default()),
        Some(SimError::NodeCountOutOfRange { nodes: 0 })
    );
    assert_eq!(
        with(10, RaftConfig::default()),
        Some(SimError::NodeCountOutOfRange { nodes: 10 })
    );
    assert!(matches!(
        with(
            3,
            RaftConfig {
                heartbeat_interval: 20,
                election_timeout: 20,
                ..RaftConfig::default()
            }
        ),
        Some(SimError::Raft(_))
    ));
    assert!(matches!(
        with(
            3,
            RaftConfig {
                heartbeat_interval: 30,
                ..RaftConfig::default()
            }
        ),
        Some(SimError::Raft(_))
    ));
    let mut net = SimConfig::default();
    net.network.latency_min = 0;
    assert!(Simulation::new(net).is_err());
    assert!(with(1, RaftConfig::default()).is_none());
    assert!(with(9, RaftConfig::default()).is_none());
}
