//! What "show the cause" marks in the logs: the entries the violation names
//! (the checker's record) and the entry the broken rule acted on (the core's
//! `UnsafeRuleBroken` event). The view only maps both to cells; it never
//! decides which entries were wrong.

use crate::raft::{Index, Term, UnsafeRule};
use crate::sim::cause::Cause;
use crate::sim::Violation;

/// The log entries, as (index, term), that the cause and its violation
/// involve, ascending and without repeats. A cell of any node's log with
/// one of these positions is marked.
pub fn cause_entries(cause: &Cause, violation: &Violation) -> Vec<(Index, Term)> {
    let mut all = violation.entries.clone();
    if let UnsafeRule::CommittedOldTermByCounting {
        index, entry_term, ..
    } = cause.rule
    {
        all.push((index, entry_term));
    }
    crate::sort::sort(&mut all);
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Property;

    fn violation(entries: Vec<(Index, Term)>) -> Violation {
        Violation {
            property: Property::StateMachineSafety,
            tick: 90,
            nodes: vec![1, 5],
            entries,
            term: None,
        }
    }

    #[test]
    fn the_old_term_entry_counted_is_marked_with_the_violated_ones() {
        let c = Cause {
            tick: 60,
            node: 1,
            rule: UnsafeRule::CommittedOldTermByCounting {
                index: 2,
                entry_term: 2,
                current_term: 4,
            },
        };
        assert_eq!(
            cause_entries(&c, &violation(vec![(2, 3), (2, 2)])),
            vec![(2, 2), (2, 3)]
        );
    }

    #[test]
    fn a_rule_that_touched_no_entry_marks_only_the_violation_s() {
        let c = Cause {
            tick: 10,
            node: 2,
            rule: UnsafeRule::ForgotVote {
                term: 3,
                voted_for: 1,
            },
        };
        assert_eq!(cause_entries(&c, &violation(vec![(4, 3)])), vec![(4, 3)]);
        assert!(cause_entries(&c, &violation(vec![])).is_empty());
    }
}
