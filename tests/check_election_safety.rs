//! Election Safety (Figure 3, §5.2): at most one leader can be elected in a
//! given term. The checker watches `RoleChanged` events; here they are made by
//! hand and fed through `Checker::observe`, as `World::record` does.

mod common;

use common::check::*;
use raftlab::raft::{Event, Role, RoleCause};
use raftlab::sim::Property;

#[test]
fn two_leaders_in_one_term_are_a_violation_naming_both_and_the_term() {
    let mut rig = Rig::new();
    rig.at(3).event(3, became_leader(2, &[3, 4, 5]));
    assert!(rig.violations().is_empty());
    rig.at(7).event(1, became_leader(2, &[1, 2, 4]));
    rig.assert_only(Property::ElectionSafety, 7, &[1, 3], &[], Some(2));
}

#[test]
fn one_leader_per_term_passes_even_when_a_node_leads_several_terms() {
    let mut rig = Rig::new();
    rig.at(3).event(3, became_leader(2, &[3, 4, 5]));
    rig.at(5).event(1, became_leader(3, &[1, 2, 4]));
    rig.at(9).event(3, became_leader(4, &[3, 4, 5]));
    // The same node's leadership of term 2 seen again (a re-election event
    // replayed) is still one leader.
    rig.at(11).event(3, became_leader(2, &[3, 4, 5]));
    rig.assert_clean();
}

#[test]
fn candidates_and_followers_of_a_leaders_term_are_not_leaders() {
    let mut rig = Rig::new();
    rig.at(3).event(3, became_leader(2, &[3, 4, 5]));
    rig.at(4).event(
        1,
        Event::RoleChanged {
            from: Role::Follower,
            to: Role::Candidate,
            term: 2,
            cause: RoleCause::ElectionTimeout,
        },
    );
    rig.at(5).event(
        1,
        Event::RoleChanged {
            from: Role::Candidate,
            to: Role::Follower,
            term: 2,
            cause: RoleCause::DiscoveredLeader { leader: 3 },
        },
    );
    rig.assert_clean();
}

#[test]
fn a_third_leader_of_the_term_is_reported_against_the_first() {
    let mut rig = Rig::new();
    rig.at(2).event(2, became_leader(5, &[2, 3, 4]));
    rig.at(4).event(5, became_leader(5, &[5, 1, 3]));
    rig.at(6).event(1, became_leader(5, &[1, 4, 5]));
    assert_eq!(
        rig.violations(),
        [
            violation(Property::ElectionSafety, 4, &[2, 5], &[], Some(5)),
            violation(Property::ElectionSafety, 6, &[1, 2], &[], Some(5)),
        ]
    );
}
