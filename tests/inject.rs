//! Injected messages (issue 16): a copy of a message the sender really sent
//! is taken (Raft must tolerate duplicates and delays, §5.1); a forgery — a
//! message its sender's state does not back — is refused before it enters
//! the network, so the safety badge never turns red over one.

use raftlab::raft::{MessageBody, MessageFault};
use raftlab::sim::{Action, Implausible, InjectError, SimConfig, SimError, Simulation};

fn elected() -> Simulation {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        seed: 3,
        ..SimConfig::default()
    })
    .unwrap();
    sim.run(200).unwrap();
    assert!(sim.world().leader().is_some());
    sim
}

#[test]
fn a_copy_of_a_real_message_is_taken() {
    let mut sim = elected();
    let leader = sim.world().leader().unwrap();
    // Wait for an AppendEntries in flight, then inject a duplicate of it.
    let mut copy = None;
    for _ in 0..20 {
        copy = sim
            .world()
            .network()
            .in_flight()
            .iter()
            .find(|e| {
                e.msg.from == leader && matches!(e.msg.body, MessageBody::AppendEntries { .. })
            })
            .map(|e| e.msg.clone());
        if copy.is_some() {
            break;
        }
        sim.run(1).unwrap();
    }
    let copy = copy.expect("a heartbeat in flight");
    sim.act(Action::inject(copy)).unwrap();
    sim.run(50).unwrap();
    assert!(sim.world().violations().is_empty());
}

#[test]
fn forgeries_are_refused_with_their_reason() {
    let mut sim = elected();
    let leader = sim.world().leader().unwrap();
    let term = sim.world().slot(leader).unwrap().node.term();
    let follower = if leader == 1 { 2 } else { 1 };
    let mut base = raftlab::raft::Message {
        from: leader,
        to: follower,
        term,
        body: MessageBody::AppendEntries {
            prev_log: raftlab::raft::LogPosition::new(0, 0),
            entries: vec![],
            leader_commit: 0,
            read_ctx: None,
        },
    };
    base.to = follower;
    let refuse = |sim: &mut Simulation, m, why| {
        assert_eq!(sim.act(Action::inject(m)), Err(SimError::Inject(why)));
    };
    // A follower posing as leader of the term.
    let mut m = base.clone();
    m.body = MessageBody::AppendEntries {
        prev_log: raftlab::raft::LogPosition::new(0, 0),
        entries: vec![],
        leader_commit: 0,
        read_ctx: None,
    };
    let (fake, other) = (follower, if leader == 3 { 2 } else { 3 });
    m.from = fake;
    m.to = if other == fake { leader } else { other };
    refuse(
        &mut sim,
        m,
        InjectError::Implausible(Implausible::NotLeaderOfTerm),
    );
    // A term ahead of the sender's.
    let mut m = base.clone();
    m.term = term + 5;
    m.body = MessageBody::AppendEntries {
        prev_log: raftlab::raft::LogPosition::new(0, 0),
        entries: vec![],
        leader_commit: 0,
        read_ctx: None,
    };
    refuse(
        &mut sim,
        m,
        InjectError::Implausible(Implausible::TermAhead),
    );
    // A commit index ahead of the leader's.
    let mut m = base.clone();
    m.body = MessageBody::AppendEntries {
        prev_log: raftlab::raft::LogPosition::new(0, 0),
        entries: vec![],
        leader_commit: 999,
        read_ctx: None,
    };
    refuse(
        &mut sim,
        m,
        InjectError::Implausible(Implausible::CommitAhead),
    );
    // A vote nobody cast.
    let mut m = base.clone();
    m.from = follower;
    m.to = if leader == 3 { 2 } else { 3 };
    m.term = term;
    m.body = MessageBody::RequestVoteResponse {
        pre_vote: false,
        vote_granted: true,
    };
    let voted = sim.world().slot(follower).unwrap().node.voted_for();
    if voted != Some(m.to) {
        refuse(
            &mut sim,
            m,
            InjectError::Implausible(Implausible::VoteNotCast),
        );
    }
    // Malformed: to itself.
    let mut m = base.clone();
    m.to = m.from;
    refuse(
        &mut sim,
        m,
        InjectError::Malformed(MessageFault::SelfAddressed),
    );
    // Nothing refused was recorded.
    assert!(sim
        .actions()
        .iter()
        .all(|a| !matches!(a.action, Action::Inject(_))));
}
