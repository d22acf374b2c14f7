//! Unit tests of the cluster view's pure decisions.

use super::*;
use crate::raft::{AppendResponse, Entry, EntryData, LogPosition, Message};
use crate::sim::Network;
use crate::view::i18n::MessageName;

fn body_ae(n: usize) -> MessageBody {
    MessageBody::AppendEntries {
        prev_log: LogPosition::default(),
        entries: (1..=n as u64)
            .map(|i| Entry {
                index: i,
                term: 1,
                data: EntryData::Noop,
            })
            .collect(),
        leader_commit: 0,
        read_ctx: None,
    }
}

fn env(from: NodeId, to: NodeId, body: MessageBody, sent_at: u64) -> Envelope {
    Envelope {
        id: sent_at,
        msg: Message {
            from,
            to,
            term: 2,
            body,
        },
        sent_at,
        deliver_at: sent_at + 3,
        held: false,
        duplicate_of: None,
    }
}

#[test]
fn status_wins_over_role_and_badges_are_bilingual() {
    assert_eq!(role_key(NodeStatus::Up, Role::Leader).name(), "leader");
    assert_eq!(
        role_key(NodeStatus::Crashed, Role::Leader),
        RoleKey::Crashed
    );
    assert_eq!(
        role_key(NodeStatus::Paused, Role::Follower),
        RoleKey::Paused
    );
    assert_eq!(role_badge(Lang::En, RoleKey::Leader), "L");
    assert_eq!(role_badge(Lang::Zh, RoleKey::Leader), "领");
    assert_eq!(role_badge(Lang::Zh, RoleKey::Candidate), "候");
    assert_eq!(role_badge(Lang::En, RoleKey::Crashed), "");
    assert_eq!(
        role_line(Lang::En, RoleKey::Paused, Role::Leader),
        "Paused · Leader"
    );
    assert_eq!(role_line(Lang::Zh, RoleKey::Leader, Role::Leader), "领导者");
    assert_eq!(
        node_aria(
            Lang::En,
            crate::view::node_names::NodeNames::DEFAULT,
            3,
            RoleKey::Leader,
            Role::Leader,
            4
        ),
        "n3, Leader, term 4"
    );
    assert_eq!(
        node_aria(
            Lang::Zh,
            crate::view::node_names::NodeNames::DEFAULT,
            3,
            RoleKey::Leader,
            Role::Leader,
            4
        ),
        "n3，领导者，任期 4"
    );
    assert_eq!(
        voted_line(Lang::En, Some(NodeNames::DEFAULT.of(2))).as_deref(),
        Some("voted n2")
    );
    assert_eq!(voted_line(Lang::Zh, None), None);
    assert_eq!(
        info_line(Lang::En, 4, Some(NodeNames::DEFAULT.of(2))),
        "term 4 · voted n2"
    );
    assert_eq!(info_line(Lang::Zh, 4, None), "任期 4");
}

fn facts(body: MessageBody) -> MsgFacts {
    MsgFacts::of(&env(1, 2, body, 5))
}

#[test]
fn message_kinds_map_to_classes_and_labels() {
    let pv = facts(MessageBody::RequestVote {
        pre_vote: true,
        last_log: LogPosition::default(),
        leader_transfer: false,
    });
    let rv_no = facts(MessageBody::RequestVoteResponse {
        pre_vote: false,
        vote_granted: false,
    });
    let pv_ok = facts(MessageBody::RequestVoteResponse {
        pre_vote: true,
        vote_granted: true,
    });
    let ae_ok = facts(MessageBody::AppendEntriesResponse(AppendResponse::matched(
        1, 3,
    )));
    let (hb, ae3, ae12) = (facts(body_ae(0)), facts(body_ae(3)), facts(body_ae(12)));
    assert_eq!((pv.class(), pv.label()), ("msg pv", "PV".into()));
    assert_eq!(pv.kind.name(), "pre-vote");
    assert_eq!((hb.class(), hb.label()), ("msg hb", "".into()));
    assert_eq!(hb.name_key(), MessageName::Heartbeat);
    assert_eq!((ae3.class(), ae3.label()), ("msg ae", "AE 3".into()));
    assert_eq!(
        ae3.name_key(),
        MessageName::Kind(MessageKind::AppendEntries)
    );
    assert_eq!(
        (rv_no.class(), rv_no.label()),
        ("msg resp rv no", "RV ✗".into())
    );
    assert_eq!(
        (pv_ok.class(), pv_ok.label()),
        ("msg resp pv ok", "PV ✓".into())
    );
    assert_eq!(
        (ae_ok.class(), ae_ok.label()),
        ("msg resp ae ok", "AE ✓".into())
    );
    assert!(hb.width() < pv.width());
    assert!(ae12.width() > ae3.width());
}

#[test]
fn message_aria_names_kind_direction_and_state() {
    let mut e = env(1, 2, body_ae(2), 5);
    assert_eq!(
        MsgFacts::of(&e).aria(Lang::En, crate::view::node_names::NodeNames::DEFAULT),
        "AppendEntries n1 → n2, term 2, 2 entries"
    );
    e.held = true;
    e.duplicate_of = Some(1);
    let zh = MsgFacts::of(&e).aria(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT);
    assert!(zh.starts_with("日志追加 n1 → n2，任期 2"));
    assert!(zh.contains("已扣留") && zh.contains("重复"));
    assert!(facts(body_ae(0))
        .aria(Lang::En, crate::view::node_names::NodeNames::DEFAULT)
        .starts_with("Heartbeat"));
    let no = facts(MessageBody::RequestVoteResponse {
        pre_vote: false,
        vote_granted: false,
    });
    assert!(no
        .aria(Lang::En, crate::view::node_names::NodeNames::DEFAULT)
        .ends_with("rejected"));
    assert_eq!(
        no.accessible_name(Lang::En, crate::view::node_names::NodeNames::DEFAULT),
        "RV ✗ · Vote reply n1 → n2, term 2, rejected"
    );
    let hb = facts(body_ae(0));
    assert_eq!(
        hb.accessible_name(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT),
        hb.aria(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT),
        "no label, no prefix"
    );
}

#[test]
fn tally_counts_each_member() {
    let mut votes = VecMap::new();
    votes.insert(1, true);
    votes.insert(3, false);
    votes.insert(4, true);
    let marks = vote_marks(&[1, 2, 3, 4, 5], &votes);
    assert_eq!(
        marks,
        vec![
            VoteMark::Granted,
            VoteMark::Pending,
            VoteMark::Denied,
            VoteMark::Granted,
            VoteMark::Pending
        ]
    );
    assert_eq!(tally_text(Lang::En, false, 2, 3), "votes 2/3");
    assert_eq!(tally_text(Lang::En, true, 1, 3), "pre-votes 1/3");
    assert_eq!(tally_text(Lang::Zh, false, 2, 3), "得票 2/3");
    assert_eq!(VoteMark::Denied.class(), "vote denied");
}

#[test]
fn timer_drains_with_phase_and_clamps() {
    assert_eq!(timer_remaining(0, 20, 0.0), 1.0);
    assert_eq!(timer_remaining(10, 20, 0.0), 0.5);
    assert!((timer_remaining(10, 20, 0.5) - 0.475).abs() < 1e-9);
    assert_eq!(timer_remaining(30, 20, 0.0), 0.0);
    assert_eq!(timer_remaining(0, 0, 0.0), 0.0);
}

#[test]
fn pulses_follow_the_latest_append_from_the_leader() {
    let flights = vec![
        env(1, 2, body_ae(0), 3),
        env(1, 3, body_ae(1), 8),
        env(2, 1, body_ae(0), 9),
    ];
    assert_eq!(pulse_key(&flights, 1), Some(8));
    assert_eq!(pulse_key(&flights, 3), None);
}

fn net_with(cuts: &[(NodeId, NodeId)]) -> Network {
    let mut net = Network::default();
    for &(a, b) in cuts {
        net.set_link(a, b, false);
    }
    net
}

#[test]
fn a_whole_network_has_no_groups() {
    assert!(partition_groups(&Network::default(), &[1, 2, 3]).is_empty());
    // One cut link in a triangle: still everyone connected via n3.
    assert!(partition_groups(&net_with(&[(1, 2), (2, 1)]), &[1, 2, 3]).is_empty());
}

#[test]
fn a_split_network_has_one_majority_and_minorities() {
    let ids = [1, 2, 3, 4, 5];
    let mut cuts = Vec::new();
    for a in [1, 2] {
        for b in [3, 4, 5] {
            cuts.push((a, b));
            cuts.push((b, a));
        }
    }
    let groups = partition_groups(&net_with(&cuts), &ids);
    assert_eq!(
        groups,
        vec![
            Group {
                members: vec![1, 2],
                majority: false
            },
            Group {
                members: vec![3, 4, 5],
                majority: true
            },
        ]
    );
    assert_eq!(group_label(Lang::En, &groups[1], 5), "Majority 3/5");
    assert_eq!(group_label(Lang::Zh, &groups[0], 5), "少数派 2/5");
}

#[test]
fn one_way_links_split_and_even_halves_have_no_majority() {
    // n1 → n2 only; n3–n4 fully cut from n1, n2.
    let ids = [1, 2, 3, 4];
    let mut cuts = vec![(2, 1)];
    for a in [1, 2] {
        for b in [3, 4] {
            cuts.push((a, b));
            cuts.push((b, a));
        }
    }
    let groups = partition_groups(&net_with(&cuts), &ids);
    assert_eq!(groups.len(), 3);
    assert!(groups.iter().all(|g| !g.majority));
    assert_eq!(groups[2].members, vec![3, 4]);
    // Isolating one node of three leaves a majority of two.
    let groups = partition_groups(&net_with(&[(1, 2), (2, 1), (1, 3), (3, 1)]), &[1, 2, 3]);
    assert_eq!(groups.len(), 2);
    assert!(!groups[0].majority && groups[1].majority);
}

#[test]
fn bubbles_and_labels_stay_in_view() {
    // n1, n2 adjacent: one arc; n4 alone: a dot; n5 wraps to n1 only if n1 is in.
    let band = group_band_path(&[1, 2, 4], 5);
    assert_eq!(band.matches('A').count(), 1);
    assert_eq!(band.matches("l0 0.01").count(), 2);
    assert_eq!(group_band_path(&[5, 1], 5).matches('A').count(), 1);
    assert_eq!(group_band_path(&[], 5), "");
    let groups = vec![
        Group {
            members: vec![1, 2],
            majority: false,
        },
        Group {
            members: vec![3, 4, 5],
            majority: true,
        },
    ];
    assert!(across_groups(&groups, 2, 3));
    assert!(!across_groups(&groups, 3, 5));
    assert!(!across_groups(&[], 1, 2));
    let single = [crate::view::layout::node_position(0, 5)];
    let p = bubble_label_point(&single, 5, node_radius(5));
    assert!((p.x - 400.0).abs() < 1e-9 && p.y > 250.0 && p.y < 400.0);
}

#[test]
fn messages_travel_between_edges_and_queue_back() {
    let a = Point { x: 100.0, y: 400.0 };
    let b = Point { x: 700.0, y: 400.0 };
    let r = 44.0;
    let start = flight_point(a, b, 0.0, r);
    let end = flight_point(a, b, 1.0, r);
    assert!((start.x - 152.0).abs() < 1e-9);
    assert!((end.x - 648.0).abs() < 1e-9);
    assert!((flight_point(b, a, 0.5, r).y - flight_point(a, b, 0.5, r).y).abs() > 20.0);
    let travel = travel_length(a, b, r);
    assert_eq!(queue_fraction(0, travel), 1.0);
    assert!(queue_fraction(1, travel) < 1.0);
    assert_eq!(queue_fraction(100, travel), 0.0);
    assert!(node_radius(9) < node_radius(5));
}

#[test]
fn link_names_say_what_a_click_does() {
    assert!(link_aria(
        Lang::En,
        crate::view::node_names::NodeNames::DEFAULT,
        1,
        2,
        LinkState::Up
    )
    .contains("Activate to cut"));
    assert!(link_aria(
        Lang::Zh,
        crate::view::node_names::NodeNames::DEFAULT,
        1,
        2,
        LinkState::OneWayAB
    )
    .contains("仅 n1 → n2"));
}
