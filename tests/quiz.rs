//! Predict, then reveal: questions are graded by the real run, never by a
//! key. Every built-in scenario asks at least one question, each question's
//! reveal is one of its choices (the class can be right), and a prediction
//! is graded correct or wrong by what the simulation did.

use raftlab::scenario::{self, Answer, Probe, Question, Score};
use raftlab::sim::{Action, RoleKey, SimConfig, Simulation};
use raftlab::view::i18n::Lang;

/// The run at the end of step `step` of scenario `id`, and its question.
fn revealed(id: &str, step: usize) -> (Simulation, Question) {
    let sc = scenario::find(id).unwrap();
    let q = sc.steps[step]
        .question
        .clone()
        .expect("a question on this step");
    (sc.build(step).unwrap(), q)
}

#[test]
fn every_scenario_asks_and_every_reveal_is_a_choice() {
    for sc in scenario::all() {
        let asked: Vec<usize> = (0..sc.steps.len())
            .filter(|&i| sc.steps[i].question.is_some())
            .collect();
        assert!(!asked.is_empty(), "{} asks nothing", sc.id);
        for i in asked {
            // Asked before the step plays, so never before the first step.
            assert!(i > 0, "{} asks before step 1", sc.id);
            let q = sc.steps[i].question.as_ref().unwrap();
            assert!(q.choices.len() >= 2, "{} step {i}", sc.id);
            for lang in [Lang::En, Lang::Zh] {
                assert!(!q.prompt(lang).is_empty());
            }
            let actual = q.probe.evaluate(&sc.build(i).unwrap());
            assert!(
                q.offers(actual),
                "{} step {i}: {actual:?} not offered",
                sc.id
            );
        }
    }
}

#[test]
fn who_wins_term_4_is_graded_by_the_run() {
    // Split vote, step 4: C (n3) times out first with a random timeout (§5.2).
    let (sim, q) = revealed("split-vote", 3);
    assert_eq!(q.probe, Probe::Leader);
    let right = q.reveal(Some(Answer::Node(3)), &sim);
    let wrong = q.reveal(Some(Answer::Node(2)), &sim);
    assert_eq!(
        (right.actual, right.correct()),
        (Answer::Node(3), Some(true))
    );
    assert_eq!(
        (wrong.actual, wrong.correct()),
        (Answer::Node(3), Some(false))
    );
    // Nothing predicted: revealed, not graded.
    assert_eq!(q.reveal(None, &sim).correct(), None);
    // An answer not offered is no prediction.
    assert_eq!(q.reveal(Some(Answer::Yes), &sim).predicted, None);
}

#[test]
fn a_split_vote_has_no_winner_of_term_2() {
    let (sim, q) = revealed("split-vote", 1);
    assert_eq!(q.probe, Probe::LeaderOfTerm(2));
    assert_eq!(q.reveal(Some(Answer::Nobody), &sim).correct(), Some(true));
}

#[test]
fn the_same_question_has_the_answer_each_run_gives() {
    // Figure 8: "will S1 commit x = 2 in term 3?" is no under §5.4.2 and yes
    // under the unsafe rule that counts replicas of an old term.
    for (id, answer) in [("figure-8", Answer::No), ("figure-8-unsafe", Answer::Yes)] {
        let (sim, q) = revealed(id, 2);
        assert_eq!(
            q.reveal(Some(Answer::Yes), &sim).correct(),
            Some(answer == Answer::Yes),
            "{id}"
        );
    }
    // PreVote + CheckQuorum keeps the leader; PreVote alone does not.
    for (id, answer) in [
        ("prevote-alone", Answer::No),
        ("prevote-check-quorum", Answer::Yes),
    ] {
        assert_eq!(
            revealed(id, 2).1.probe.evaluate(&revealed(id, 2).0),
            answer,
            "{id}"
        );
    }
}

#[test]
fn a_commit_index_is_answered_by_a_log_cell() {
    // Log replication, step 6: A stores entry 2 but learns of its commit
    // only with the next AppendEntries (§5.3).
    let (sim, q) = revealed("log-replication", 5);
    let graded = q.reveal(Some(Answer::Index(2)), &sim);
    assert_eq!(
        (graded.actual, graded.correct()),
        (Answer::Index(1), Some(false))
    );
}

#[test]
fn a_probe_reads_the_live_run() {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        ..SimConfig::default()
    })
    .unwrap();
    let q = Question::yes_no(
        ("n1 leads?", "n1 是领导者？"),
        scenario::Cond::Role(1, RoleKey::Leader),
    );
    assert_eq!(q.probe.evaluate(&sim), Answer::No);
    sim.act(Action::Campaign(1)).unwrap();
    sim.run(10).unwrap();
    assert_eq!(q.probe.evaluate(&sim), Answer::Yes);
    assert_eq!(Probe::LeaderOfTerm(1).evaluate(&sim), Answer::Node(1));
    assert_eq!(Probe::LeaderOfTerm(2).evaluate(&sim), Answer::Nobody);
}

#[test]
fn the_score_counts_predictions_only() {
    let (sim, q) = revealed("split-vote", 3);
    let mut score = Score::default();
    score.record(&q.reveal(Some(Answer::Node(3)), &sim));
    score.record(&q.reveal(Some(Answer::Node(2)), &sim));
    score.record(&q.reveal(None, &sim));
    assert_eq!(
        score,
        Score {
            answered: 2,
            correct: 1
        }
    );
    assert_eq!(Answer::Node(3).name(), "3");
    assert_eq!(Answer::Nobody.name(), "none");
    assert_eq!(Answer::Yes.label(Lang::Zh, Default::default()), "会");
}
