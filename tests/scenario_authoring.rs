//! Recording a teacher's scenario from a free run: the recorded steps are
//! the run's actions with the ticks between them, so the scenario — also
//! once exported and read back — replays exactly the run recorded.

use raftlab::scenario::format;
use raftlab::scenario::Op;
use raftlab::sim::{Action, RoleKey, SimConfig, Simulation, Target};
use raftlab::view::authoring::{Draft, Field};

#[test]
fn a_recorded_run_replays_step_by_step() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        seed: 5,
        ..SimConfig::default()
    })
    .unwrap();
    let mut draft = Draft::default();
    sim.run(3).unwrap();
    sim.act(Action::Campaign(2)).unwrap();
    sim.run(10).unwrap();
    assert!(draft.end_step(&sim));
    let step1 = (sim.world().trace().hash(), sim.tick());
    assert!(!draft.end_step(&sim), "nothing happened since");
    sim.act(Action::Propose(
        Target::Cluster,
        raftlab::raft::Command::parse("put x 1").unwrap(),
    ))
    .unwrap();
    sim.act(Action::Crash(1)).unwrap();
    sim.run(40).unwrap();
    assert!(draft.end_step(&sim));
    draft.edit(Field::SayEn(1), "n1 crashes.".into());
    draft.edit(Field::TitleZh(1), "n1 崩溃".into());
    draft.edit(Field::ScenarioTitleEn, "My lesson".into());

    let sc = draft.scenario();
    assert_eq!(sc.title_en, "My lesson");
    assert_eq!(
        (
            sc.steps[0].title_en,
            sc.steps[1].title_zh,
            sc.steps[1].narration_en
        ),
        ("Step 1", "n1 崩溃", "n1 crashes.")
    );
    assert_eq!(
        sc.steps[0].ops,
        vec![Op::Run(3), Op::Act(Action::Campaign(2)), Op::Run(10)]
    );
    assert_eq!(sc.steps[1].ops[0], Op::Propose(Target::Cluster, "put x 1"));
    assert_eq!(sc.steps[1].ops[2], Op::Run(40));

    // Exported and read back: the same scenario, the same run.
    let back = format::parse(&format::print(&sc)).unwrap();
    assert_eq!(back, sc);
    let first = back.build(0).unwrap();
    assert_eq!((first.world().trace().hash(), first.tick()), step1);
    let last = back.build(1).unwrap();
    assert_eq!(last.world().trace().hash(), sim.world().trace().hash());
    assert_eq!(last.node(1).unwrap().role, RoleKey::Crashed);
}

#[test]
fn another_run_does_not_extend_the_draft() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        ..SimConfig::default()
    })
    .unwrap();
    let mut draft = Draft::default();
    sim.run(5).unwrap();
    assert!(draft.end_step(&sim));
    let mut other = Simulation::new(SimConfig {
        nodes: 5,
        ..SimConfig::default()
    })
    .unwrap();
    other.run(9).unwrap();
    assert!(!draft.end_step(&other));
    assert_eq!(draft.scenario().steps.len(), 1);
}
