//! The class's predictions in a session: the answer chosen for the question
//! about to be revealed, the last reveal, and the score. Pure: the reducer
//! calls it when a choice is clicked and when a step is reached; grading
//! itself is the question's ([`Question::reveal`]), on the real run.

use crate::scenario::{Answer, Position, Question, Reveal, Scenario, Score};
use crate::sim::Simulation;
use crate::vec_map::VecSet;

/// Predictions and their grades over a session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quiz {
    /// The answer chosen for the question before the next step, if any.
    pub pending: Option<Answer>,
    /// The question of the step being shown, revealed: what was predicted
    /// and what the run did.
    pub reveal: Option<Reveal>,
    /// Right answers out of predictions made this session.
    pub score: Score,
    /// The (scenario, step) questions already counted in the score, so going
    /// back and answering again does not count twice.
    counted: VecSet<(String, usize)>,
}

/// The question asked at `pos`: the next step's, while the scenario is
/// guided (not taken over).
pub fn upcoming<'a>(sc: &'a Scenario, pos: &Position, sim: &Simulation) -> Option<&'a Question> {
    if pos.free || pos.diverged(sim) {
        return None;
    }
    sc.steps.get(pos.step + 1)?.question.as_ref()
}

impl Quiz {
    /// The class picks `answer` for `question`; an answer it does not offer
    /// is ignored. Returns whether it was taken.
    pub fn choose(&mut self, question: &Question, answer: Answer) -> bool {
        let taken = question.offers(answer);
        if taken {
            self.pending = Some(answer);
        }
        taken
    }

    /// Step `to` of `sc` was reached, coming from guided step `from` (if the
    /// run was the scenario's); `sim` stands at the end of step `to`. Its
    /// question, if any, is revealed — graded when it was predicted just
    /// before, and counted in the score once per question.
    pub fn arrive(&mut self, sc: &Scenario, from: Option<usize>, to: usize, sim: &Simulation) {
        let pending = self.pending.take();
        self.reveal = sc.steps.get(to).and_then(|s| s.question.as_ref()).map(|q| {
            let predicted = pending.filter(|_| from.map(|f| f + 1) == Some(to));
            let reveal = q.reveal(predicted, sim);
            if reveal.predicted.is_some() && self.counted.insert((sc.id.to_string(), to)) {
                self.score.record(&reveal);
            }
            reveal
        });
    }

    /// Leaving the scenario: nothing pending or shown (the score stays).
    pub fn leave(&mut self) {
        self.pending = None;
        self.reveal = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario;

    #[test]
    fn a_prediction_before_next_is_graded_once() {
        let sc = scenario::find("split-vote").unwrap();
        let (sim2, pos2) = scenario::goto(sc.id, 2).unwrap();
        let q = upcoming(&sc, &pos2, &sim2).expect("step 4 asks");
        let mut quiz = Quiz::default();
        assert!(!quiz.choose(q, Answer::Yes), "not a choice");
        assert!(quiz.choose(q, Answer::Node(3)));
        let (sim3, _) = scenario::goto(sc.id, 3).unwrap();
        quiz.arrive(&sc, Some(2), 3, &sim3);
        assert_eq!(quiz.reveal.as_ref().and_then(Reveal::correct), Some(true));
        assert_eq!(
            quiz.score,
            Score {
                answered: 1,
                correct: 1
            }
        );
        // Back and answer again: revealed, not counted twice.
        quiz.choose(q, Answer::Node(2));
        quiz.arrive(&sc, Some(2), 3, &sim3);
        assert_eq!(quiz.reveal.as_ref().and_then(Reveal::correct), Some(false));
        assert_eq!(
            quiz.score,
            Score {
                answered: 1,
                correct: 1
            }
        );
        // Jumping in from elsewhere: the prediction does not apply.
        let mut quiz = Quiz::default();
        quiz.choose(q, Answer::Node(3));
        quiz.arrive(&sc, Some(0), 3, &sim3);
        assert_eq!(quiz.reveal.as_ref().map(|r| r.predicted), Some(None));
        assert_eq!(quiz.score, Score::default());
    }

    #[test]
    fn no_question_once_taken_over() {
        let sc = scenario::find("split-vote").unwrap();
        let (sim, mut pos) = scenario::goto(sc.id, 2).unwrap();
        pos.free = true;
        assert!(upcoming(&sc, &pos, &sim).is_none());
    }
}
