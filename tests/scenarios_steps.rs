//! Every guided scenario: its end state stated literally (roles, terms, log
//! terms, commit indexes, state machines), its narration present in both
//! languages, its steps' expectations met, and going back exact.
//!
//! This file: what the client sees, the unsafe rule caught, narration in both
//! languages, going back, and bad steps.

mod common;

use common::guided::last;
use raftlab::scenario::{self, Position};
use raftlab::sim::{OpFailure, OpStatus, Property, Simulation, Violation};
use raftlab::view::i18n::Lang;

fn ops(id: &str) -> Vec<OpStatus> {
    let sc = scenario::find(id).unwrap();
    let sim = last(&sc);
    sim.world()
        .client()
        .ops()
        .iter()
        .map(|o| o.status.clone())
        .collect()
}

fn outcome(s: &OpStatus) -> &'static str {
    match s {
        OpStatus::Committed { .. } => "committed",
        OpStatus::Acknowledged { .. } => "acknowledged",
        OpStatus::Failed {
            reason: OpFailure::LeaderCrashed { .. },
            ..
        } => "leader-crashed",
        OpStatus::Failed {
            reason: OpFailure::Overwritten { .. },
            ..
        } => "overwritten",
        OpStatus::Failed { .. } => "failed",
        OpStatus::Pending { .. } => "pending",
        OpStatus::Waiting { .. } => "waiting",
        OpStatus::Reading { .. } => "reading",
        OpStatus::ReadAnswered { .. } => "answered",
    }
}

#[test]
fn what_the_client_sees() {
    let seen = |id| ops(id).iter().map(outcome).collect::<Vec<_>>();
    // The seven cases: a, b (lost, then retried), c, d, e, f, g7 (old leader), g8.
    assert_eq!(
        seen("leader-failures"),
        [
            "committed",
            "leader-crashed",
            "committed",
            "leader-crashed",
            "leader-crashed",
            "committed",
            "committed",
            "overwritten",
            "committed"
        ]
    );
    assert_eq!(seen("partition"), ["committed", "overwritten", "committed"]);
    assert_eq!(
        seen("divergent-logs"),
        ["committed", "overwritten", "overwritten", "committed"]
    );
    assert_eq!(seen("one-way-link"), ["committed", "committed"]);
    assert_eq!(seen("why-consensus"), ["committed", "pending"]);
    assert_eq!(seen("election-basics"), ["committed", "committed"]);
}

#[test]
fn the_unsafe_rule_is_caught_and_only_there() {
    let sc = scenario::find("figure-8-unsafe").unwrap();
    let sim = last(&sc);
    // S5 leads term 4 without the entry (2, 1) that was committed by
    // counting: caught at once. Once it overwrites index 2, a server that
    // applied (2, 1) and one applying (2, 2) disagree.
    let lc = |tick, entries: &[(u64, u64)]| Violation {
        property: Property::LeaderCompleteness,
        tick,
        nodes: vec![5],
        entries: entries.to_vec(),
        term: Some(4),
    };
    let sms = |entries: &[(u64, u64)]| Violation {
        property: Property::StateMachineSafety,
        tick: 98,
        nodes: vec![1, 5],
        entries: entries.to_vec(),
        term: None,
    };
    // The last: the two state machines at applied index 2 differ.
    assert_eq!(
        sim.world().violations(),
        [
            lc(85, &[(2, 1)]),
            sms(&[(2, 1), (2, 2)]),
            lc(98, &[(2, 1), (2, 2)]),
            sms(&[(2, 1)])
        ]
    );
    // Before S5 returns (step d) nothing is wrong yet.
    assert!(sc.build(2).unwrap().world().violations().is_empty());
}

#[test]
fn at_least_twelve_scenarios_with_unique_ids_and_titles() {
    let all = scenario::all();
    assert!(all.len() >= 12);
    let mut ids: Vec<&str> = all.iter().map(|s| s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all.len());
    for sc in &all {
        assert!(!sc.title(Lang::En).is_empty() && !sc.title(Lang::Zh).is_empty());
        assert_ne!(sc.title(Lang::En), sc.title(Lang::Zh));
        assert!(sc.config.validate().is_ok(), "{}", sc.id);
        assert_eq!(scenario::find(sc.id).as_ref(), Some(sc));
    }
    assert!(scenario::find("nope").is_none());
}

#[test]
fn every_step_is_narrated_in_both_languages_and_meets_its_expectation() {
    for sc in scenario::all() {
        assert!(sc.steps.len() >= 4, "{}", sc.id);
        for (k, step) in sc.steps.iter().enumerate() {
            for text in [
                step.narration(Lang::En),
                step.narration(Lang::Zh),
                step.title(Lang::En),
                step.title(Lang::Zh),
            ] {
                assert!(!text.trim().is_empty(), "{} step {k}", sc.id);
            }
            assert!(
                step.narration_zh.chars().any(|c| c > '\u{3000}'),
                "{} step {k}",
                sc.id
            );
            assert!(step.rule.starts_with('§'), "{} step {k}", sc.id);
            let sim = sc.build(k).unwrap();
            if let Some(cond) = &step.expect {
                assert!(cond.holds(&sim), "{} step {k}: {cond:?}", sc.id);
            }
        }
    }
}

fn fingerprint(sim: &Simulation) -> (u64, u64, u64, usize, String) {
    (
        sim.world().trace().hash(),
        sim.tick(),
        sim.head(),
        sim.actions().len(),
        format!("{:?}", sim.nodes()),
    )
}

#[test]
fn going_back_is_exact() {
    for sc in scenario::all() {
        // Next, one step at a time on the same run...
        let mut sim = Simulation::new(sc.config.clone()).unwrap();
        let mut seen = Vec::new();
        for k in 0..sc.steps.len() {
            sc.apply_step(&mut sim, k).unwrap();
            seen.push(fingerprint(&sim));
            // ...is the same as jumping straight to step k,
            let (jumped, pos) = scenario::goto(sc.id, k).unwrap();
            assert_eq!(fingerprint(&jumped), seen[k], "{} step {k}", sc.id);
            assert_eq!((pos.id, pos.step, pos.free), (sc.id, k, false));
            assert!(!pos.diverged(&jumped));
            if k > 0 {
                // and Back from k lands exactly where step k-1 ended.
                let (back, _) = scenario::goto(sc.id, k - 1).unwrap();
                assert_eq!(fingerprint(&back), seen[k - 1], "{} back from {k}", sc.id);
                assert_ne!(
                    fingerprint(&back),
                    seen[k],
                    "{} step {k} changed nothing",
                    sc.id
                );
            }
        }
    }
    assert!(scenario::goto("nope", 0).is_err());
    assert!(scenario::goto("split-vote", 99).is_err());
}

#[test]
fn positions_notice_when_the_teacher_takes_over() {
    let sc = scenario::find("leader-crash").unwrap();
    let mut sim = sc.build(1).unwrap();
    let pos = Position::at(sc.id, 1, &sim);
    assert!(!pos.diverged(&sim));
    // Looking back along the timeline is not taking over...
    sim.seek(sim.tick() / 2).unwrap();
    assert!(!pos.diverged(&sim));
    // ...acting or running on is.
    sim.seek(pos.end_tick).unwrap();
    sim.run(1).unwrap();
    assert!(pos.diverged(&sim));
    let mut sim = sc.build(1).unwrap();
    sim.restart(1).unwrap();
    assert!(pos.diverged(&sim));
}

#[test]
fn bad_steps_are_errors_not_panics() {
    let sc = scenario::find("split-vote").unwrap();
    assert!(sc.build(sc.steps.len()).is_err());
    let mut sim = Simulation::new(sc.config.clone()).unwrap();
    assert!(sc.apply_step(&mut sim, 99).is_err());
    for e in [
        scenario::ScenarioError::Unknown,
        scenario::ScenarioError::NoSuchStep { step: 3 },
        scenario::ScenarioError::Script { step: 1 },
    ] {
        assert_ne!(e.text(Lang::En), e.text(Lang::Zh));
    }
}

#[test]
fn every_step_passed_keeps_the_check_its_own_end_earned() {
    for sc in scenario::all() {
        let last_step = sc.steps.len() - 1;
        let (_, checks) = sc.build_checked(last_step).unwrap();
        // The marks recorded on one run equal each step checked on its own
        // run, and every built-in step with an expectation earns its ✓.
        let apart: Vec<Option<bool>> = (0..=last_step)
            .map(|k| {
                let sim = sc.build(k).unwrap();
                sc.steps[k].expect.as_ref().map(|c| c.holds(&sim))
            })
            .collect();
        assert_eq!(checks, apart, "{}", sc.id);
        let want: Vec<Option<bool>> = sc
            .steps
            .iter()
            .map(|s| s.expect.as_ref().map(|_| true))
            .collect();
        assert_eq!(checks, want, "{}", sc.id);
        let (_, pos) = scenario::goto(sc.id, 2).unwrap();
        assert_eq!(pos.checks, checks[..3].to_vec(), "{}", sc.id);
    }
}

#[test]
fn a_step_whose_state_is_not_reached_is_marked_as_such() {
    use raftlab::scenario::Cond;
    let mut sc = scenario::find("leader-crash").unwrap();
    // A wrong expectation on step 1 (nobody leads term 99).
    sc.steps[1].expect = Some(Cond::Term(1, 99));
    let (_, checks) = sc.build_checked(2).unwrap();
    assert_eq!(checks[1], Some(false));
}

#[test]
fn a_step_highlights_what_its_expected_state_names() {
    use raftlab::scenario::Subject::{Cell, Node};
    let sc = scenario::find("leader-crash").unwrap();
    let all: Vec<_> = sc.steps.iter().map(|s| s.subjects()).collect();
    assert_eq!(
        all,
        vec![
            vec![Node(1), Node(3), Cell(3, 2)],
            vec![Node(2)],
            vec![Node(2)],
            vec![Node(3), Cell(3, 4)],
            vec![Node(1), Cell(1, 4)],
        ]
    );
}

#[test]
fn a_step_highlights_the_messages_it_moves_and_expects_in_flight() {
    use raftlab::raft::MessageKind::{AppendEntries as Ae, AppendEntriesResponse as Aer};
    use raftlab::scenario::Subject::{Cell, Message, Node};
    use raftlab::view::step_focus::StepFocus;
    let sc = scenario::find("log-replication").unwrap();
    let all: Vec<_> = sc.steps.iter().map(|s| s.subjects()).collect();
    assert_eq!(
        all[1..],
        vec![
            // B appends and sends AppendEntries to A and C.
            vec![Node(2), Message(2, 1, Ae), Message(2, 3, Ae)],
            // C takes its AppendEntries (delivered by hand) and answers.
            vec![Node(3), Message(2, 3, Ae), Message(3, 2, Aer)],
            vec![Node(2), Cell(2, 2), Message(3, 2, Aer)],
            vec![Node(3), Cell(3, 2), Message(2, 3, Ae)],
            vec![Node(1), Message(2, 1, Ae)],
            vec![Node(1), Node(3), Cell(1, 2), Cell(3, 2), Message(2, 1, Ae)],
        ][..]
    );
    // At the end of "C appends and answers" the answer is the one pill the
    // step names in flight, and the diagram marks exactly the AppendEntries
    // C took during the step and that answer.
    let (sim, pos) = sc.position(2).unwrap();
    let focus = StepFocus::new(sc.steps[2].subjects(), pos.start.clone());
    let pills: Vec<_> = sim
        .world()
        .network()
        .in_flight()
        .iter()
        .filter(|e| focus.message(e.msg.from, e.msg.to, e.msg.body.kind()))
        .map(|e| (e.msg.from, e.msg.to, e.msg.body.kind()))
        .collect();
    assert_eq!(pills, vec![(3, 2, Aer)]);
    let arrows: Vec<_> = sim
        .world()
        .message_log()
        .records()
        .filter(|r| focus.arrow(r))
        .map(|r| (r.from, r.to, r.kind, r.fate))
        .collect();
    assert_eq!(
        arrows,
        vec![
            (
                2,
                3,
                Ae,
                raftlab::sim::msglog::MsgFate::Delivered(pos.start.tick)
            ),
            (3, 2, Aer, raftlab::sim::msglog::MsgFate::InFlight),
        ]
    );
}
