//! What the guided step on screen talks about, asked the way each view
//! needs it: is this node, this log cell, this message in flight, this
//! arrow of the space-time diagram one of the step's subjects? The
//! subjects come from the step itself (`Step::subjects`: its expected
//! state and the messages it delivers or drops by hand); nothing here
//! chooses them.

use crate::raft::{Index, MessageKind, NodeId};
use crate::scenario::{StepStart, Subject};
use crate::sim::msglog::MsgRecord;

/// The step's subjects, and where the step began.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StepFocus {
    subjects: Vec<Subject>,
    start: StepStart,
}

impl StepFocus {
    /// The focus of a step with these subjects that began at `start`.
    pub fn new(subjects: Vec<Subject>, start: StepStart) -> StepFocus {
        StepFocus { subjects, start }
    }

    /// Nothing is highlighted (free play, or the teacher took over).
    pub fn is_empty(&self) -> bool {
        self.subjects.is_empty()
    }

    /// The nodes the step names.
    pub fn nodes(&self) -> Vec<NodeId> {
        self.subjects
            .iter()
            .filter_map(|s| match *s {
                Subject::Node(n) => Some(n),
                _ => None,
            })
            .collect()
    }

    /// The log cells the step names, as (node, index).
    pub fn cells(&self) -> Vec<(NodeId, Index)> {
        self.subjects
            .iter()
            .filter_map(|s| match *s {
                Subject::Cell(n, i) => Some((n, i)),
                _ => None,
            })
            .collect()
    }

    /// Whether a message of `kind` from `from` to `to` is one the step
    /// talks about (a pill in flight now).
    pub fn message(&self, from: NodeId, to: NodeId, kind: MessageKind) -> bool {
        self.subjects.contains(&Subject::Message(from, to, kind))
    }

    /// Whether an arrow of the space-time diagram is one of the step's:
    /// its kind and link are a subject, and it was sent during the step or
    /// was in flight when the step began, so the same link's older traffic
    /// stays plain (even when it ended at the same tick).
    pub fn arrow(&self, r: &MsgRecord) -> bool {
        self.message(r.from, r.to, r.kind) && self.start.covers(r.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::msglog::MsgFate;

    fn record(id: u64, from: NodeId, to: NodeId, kind: MessageKind) -> MsgRecord {
        MsgRecord {
            id,
            from,
            to,
            kind,
            term: 1,
            heartbeat: false,
            entries: 1,
            granted: None,
            duplicate: false,
            sent: 10,
            due: 11,
            fate: MsgFate::Delivered(12),
        }
    }

    #[test]
    fn a_focus_answers_for_nodes_cells_and_messages_it_names() {
        let ae = MessageKind::AppendEntries;
        let f = StepFocus::new(
            vec![
                Subject::Node(2),
                Subject::Cell(3, 2),
                Subject::Message(2, 3, ae),
            ],
            StepStart::default(),
        );
        assert_eq!(f.nodes(), vec![2]);
        assert_eq!(f.cells(), vec![(3, 2)]);
        assert!(f.message(2, 3, ae));
        assert!(!f.message(3, 2, ae), "the other direction is another link");
        assert!(!f.message(2, 3, MessageKind::AppendEntriesResponse));
        assert!(StepFocus::default().is_empty());
    }

    #[test]
    fn an_arrow_is_the_steps_only_if_sent_in_the_step_or_in_flight_at_its_start() {
        let ae = MessageKind::AppendEntries;
        let start = StepStart {
            tick: 40,
            next_msg: 9,
            in_flight: vec![4],
        };
        let f = StepFocus::new(vec![Subject::Message(2, 3, ae)], start);
        assert!(f.arrow(&record(9, 2, 3, ae)), "sent during the step");
        assert!(f.arrow(&record(4, 2, 3, ae)), "in flight when it began");
        assert!(!f.arrow(&record(5, 2, 3, ae)), "ended before the step");
        assert!(!f.arrow(&record(12, 3, 2, ae)), "another link");
    }
}
