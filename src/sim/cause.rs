//! Causes of safety violations: the rules the nodes broke on purpose
//! (unsafe teaching switches), kept with their ticks, and the one a
//! violation points back to ("show the cause").
//!
//! A violation is made possible by an earlier decision that broke a rule;
//! the core announces every such decision as `Event::UnsafeRuleBroken`, and
//! this log keeps the recent ones. [`CauseLog::cause_of`] picks the latest
//! broken rule at or before the violation that involves one of the
//! violation's nodes (or, failing that, the latest one).

use super::check::Violation;
use crate::raft::{NodeId, UnsafeRule};
use std::collections::VecDeque;

/// How many broken rules are kept.
pub const MAX_CAUSES: usize = 256;

/// One rule broken by one node at one tick.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cause {
    /// When.
    pub tick: u64,
    /// The node that broke it.
    pub node: NodeId,
    /// What it broke.
    pub rule: UnsafeRule,
}

impl Cause {
    /// Every node involved: the one that broke the rule and the others.
    pub fn nodes(&self) -> Vec<NodeId> {
        let mut all = self.rule.others();
        all.push(self.node);
        crate::sort::sort(&mut all);
        all.dedup();
        all
    }

    /// Whether this broken rule touches the violation: a node in common, or
    /// (for an old-term entry committed by counting) a violated entry at or
    /// below the index it committed.
    pub fn involves(&self, v: &Violation) -> bool {
        let by_entry = match self.rule {
            UnsafeRule::CommittedOldTermByCounting { index, .. } => {
                v.entries.iter().any(|&(i, _)| i <= index)
            }
            _ => false,
        };
        by_entry || self.nodes().iter().any(|n| v.nodes.contains(n))
    }
}

/// The recent broken rules of a run, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CauseLog {
    causes: VecDeque<Cause>,
}

impl CauseLog {
    /// Notes a broken rule.
    pub fn push(&mut self, tick: u64, node: NodeId, rule: UnsafeRule) {
        if self.causes.len() == MAX_CAUSES {
            self.causes.pop_front();
        }
        self.causes.push_back(Cause { tick, node, rule });
    }

    /// Every kept cause, oldest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Cause> {
        self.causes.iter()
    }

    /// The broken rule that made `v` possible: the latest one at or before
    /// the violation that [involves](Cause::involves) it, else the latest one at or
    /// before it. `None` when no rule was broken (a violation of the safe
    /// core would be a bug, and is shown as such).
    pub fn cause_of(&self, v: &Violation) -> Option<&Cause> {
        let before = || self.causes.iter().rev().filter(|c| c.tick <= v.tick);
        before().find(|c| c.involves(v)).or_else(|| before().next())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Property;

    fn violation(tick: u64, nodes: Vec<NodeId>) -> Violation {
        Violation {
            property: Property::ElectionSafety,
            tick,
            nodes,
            entries: vec![],
            term: Some(3),
        }
    }

    #[test]
    fn points_at_the_latest_rule_broken_by_or_for_an_involved_node() {
        let mut log = CauseLog::default();
        let forgot = |v| UnsafeRule::ForgotVote {
            term: 3,
            voted_for: v,
        };
        log.push(10, 4, forgot(5));
        log.push(20, 2, forgot(1));
        log.push(30, 4, forgot(5));
        log.push(50, 2, forgot(1)); // after the violation: not its cause
        let c = log.cause_of(&violation(40, vec![1, 3])).unwrap();
        assert_eq!((c.tick, c.node), (20, 2)); // n2 gave its vote to n1
        let c = log.cause_of(&violation(40, vec![7])).unwrap();
        assert_eq!(c.tick, 30); // nobody involved: the latest before
        assert!(log.cause_of(&violation(5, vec![1])).is_none());
    }
}
