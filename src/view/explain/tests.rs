//! Tests of `explain.rs`: every event variant (and every reason inside one)
//! gets a non-empty sentence in both languages, and the two differ.

use super::*;
use crate::raft::{ApplyResult, Command, LogPosition};
use crate::sim::{DropReason, SimEvent};
use std::collections::BTreeSet;

fn raft(e: Event) -> TraceKind {
    TraceKind::Raft(e)
}

fn causes() -> Vec<RoleCause> {
    vec![
        RoleCause::ElectionTimeout,
        RoleCause::ForcedTimeout,
        RoleCause::WonPreVote {
            votes: vec![1, 2, 3],
        },
        RoleCause::WonElection {
            votes: vec![1, 2, 3],
        },
        RoleCause::SawHigherTerm { from: 3, term: 5 },
        RoleCause::DiscoveredLeader { leader: 1 },
        RoleCause::LostQuorum {
            heard_from: vec![1, 2],
        },
    ]
}

fn denials() -> Vec<VoteDenial> {
    vec![
        VoteDenial::StaleTerm {
            candidate_term: 3,
            our_term: 4,
        },
        VoteDenial::AlreadyVoted { voted_for: 1 },
        VoteDenial::LogBehind {
            candidate_last: LogPosition::new(1, 4),
            our_last: LogPosition::new(2, 3),
        },
        VoteDenial::LogBehind {
            candidate_last: LogPosition::new(2, 3),
            our_last: LogPosition::new(2, 5),
        },
        VoteDenial::LeaderRecentlyHeard { leader: 1 },
        VoteDenial::WeAreLeader,
    ]
}

fn rejections() -> Vec<AppendRejection> {
    vec![
        AppendRejection::StaleTerm {
            leader_term: 2,
            our_term: 3,
        },
        AppendRejection::MissingEntry {
            prev_log_index: 7,
            our_last_index: 4,
        },
        AppendRejection::TermMismatch {
            prev_log_index: 5,
            prev_log_term: 3,
            our_term: 2,
            conflict_index: 4,
        },
    ]
}

/// One sample of every event kind, with every reason variant.
fn samples() -> Vec<TraceKind> {
    let mut v = Vec::new();
    for cause in causes() {
        let to = match cause {
            RoleCause::WonPreVote { .. } => Role::Candidate,
            RoleCause::WonElection { .. } => Role::Leader,
            RoleCause::ElectionTimeout | RoleCause::ForcedTimeout => Role::Candidate,
            _ => Role::Follower,
        };
        v.push(raft(Event::RoleChanged {
            from: Role::Leader,
            to,
            term: 4,
            cause: cause.clone(),
        }));
    }
    v.push(raft(Event::RoleChanged {
        from: Role::Follower,
        to: Role::PreCandidate,
        term: 4,
        cause: RoleCause::ElectionTimeout,
    }));
    v.push(raft(Event::TermAdopted {
        from_term: 2,
        to_term: 3,
        from: 1,
    }));
    for pre_vote in [false, true] {
        v.push(raft(Event::VoteGranted {
            candidate: 2,
            term: 3,
            pre_vote,
        }));
        for granted in [false, true] {
            v.push(raft(Event::VoteCounted {
                from: 3,
                granted,
                pre_vote,
                granted_total: 2,
                needed: 3,
            }));
        }
        for reason in denials() {
            v.push(raft(Event::VoteDenied {
                candidate: 2,
                term: 3,
                pre_vote,
                reason,
            }));
        }
    }
    for entries in [0, 1, 3] {
        v.push(raft(Event::AppendAccepted {
            leader: 1,
            prev_log_index: 4,
            entries,
            match_index: 4 + entries as u64,
        }));
    }
    for reason in rejections() {
        v.push(raft(Event::AppendRejected { leader: 1, reason }));
    }
    v.push(raft(Event::EntriesTruncated {
        removed: (1..=9).map(|i| (i, 2)).collect(),
    }));
    v.push(raft(Event::NextIndexBackedUp {
        follower: 3,
        from: 7,
        to: 5,
    }));
    v.push(raft(Event::CommitAdvanced {
        from: 3,
        to: 5,
        by: vec![1, 2, 3],
    }));
    v.push(raft(Event::CommitAdvanced {
        from: 3,
        to: 5,
        by: vec![2],
    }));
    v.push(raft(Event::CommitHeld {
        hold: CommitHold::OldTerm {
            index: 5,
            entry_term: 2,
            current_term: 4,
            holders: vec![1, 2, 3],
        },
    }));
    v.push(raft(Event::CommitHeld {
        hold: CommitHold::NoMajority {
            index: 5,
            holders: vec![1, 2],
            needed: 3,
        },
    }));
    let put = Command::parse("put x 1").ok();
    let get = Command::parse("get x").ok();
    for (command, result) in [
        (None, ApplyResult::Noop),
        (put, ApplyResult::Written { previous: None }),
        (
            get,
            ApplyResult::Read {
                value: Some("1".into()),
            },
        ),
    ] {
        v.push(raft(Event::Applied {
            index: 7,
            term: 3,
            command,
            result,
        }));
    }
    v.push(raft(Event::StaleIgnored { from: 1, term: 2 }));
    v.push(raft(Event::MessageRejected {
        from: 2,
        fault: crate::raft::MessageFault::NotContiguous { at: 1 },
    }));
    let sims = [
        SimEvent::Crashed,
        SimEvent::Restarted,
        SimEvent::Paused,
        SimEvent::Resumed,
        SimEvent::LinkChanged {
            from: 1,
            to: 2,
            up: true,
        },
        SimEvent::LinkChanged {
            from: 1,
            to: 2,
            up: false,
        },
        SimEvent::MessageDuplicated { id: 4 },
        SimEvent::MessageHeld { id: 4 },
        SimEvent::MessageReleased { id: 4 },
        SimEvent::ClientOutcome { op: 2, ok: true },
        SimEvent::ClientOutcome { op: 2, ok: false },
    ];
    v.extend(sims.into_iter().map(TraceKind::Sim));
    for reason in [
        DropReason::Lost,
        DropReason::LinkCut,
        DropReason::ReceiverDown,
        DropReason::ByUser,
        DropReason::Overflow,
    ] {
        v.push(TraceKind::Sim(SimEvent::MessageDropped {
            id: 9,
            kind: crate::raft::MessageKind::AppendEntries,
            to: 3,
            reason,
        }));
    }
    v
}

fn text(lang: Lang, kind: &TraceKind) -> String {
    explain(
        lang,
        crate::view::node_names::NodeNames::DEFAULT,
        &TraceEvent {
            tick: 10,
            node: 2,
            kind: kind.clone(),
        },
    )
}

#[test]
fn every_variant_has_distinct_non_empty_text_in_both_languages() {
    let samples = samples();
    let names: BTreeSet<&str> = samples.iter().map(kind_name).collect();
    // 14 Raft events + 10 simulation events: kind_name is exhaustive, so a
    // new variant fails to compile there, and this count makes the samples
    // cover it too.
    assert_eq!(names.len(), 24, "{names:?}");
    let mut seen_en = BTreeSet::new();
    for kind in &samples {
        let (en, zh) = (text(Lang::En, kind), text(Lang::Zh, kind));
        assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{kind:?}");
        assert_ne!(en, zh, "{kind:?}");
        assert!(
            !en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{en}"
        );
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
        assert!(
            seen_en.insert(en.clone()),
            "two variants explained alike: {en}"
        );
    }
}

#[test]
fn the_briefs_examples_read_as_promised() {
    let denial = raft(Event::VoteDenied {
        candidate: 2,
        term: 3,
        pre_vote: false,
        reason: VoteDenial::LogBehind {
            candidate_last: LogPosition::new(1, 4),
            our_last: LogPosition::new(2, 3),
        },
    });
    let node3 = |lang| {
        explain(
            lang,
            crate::view::node_names::NodeNames::DEFAULT,
            &TraceEvent {
                tick: 1,
                node: 3,
                kind: denial.clone(),
            },
        )
    };
    assert_eq!(
        node3(Lang::En),
        "n3 denied its vote to n2: n2's last log term 1 is older than n3's 2 (§5.4.1)"
    );
    assert_eq!(
        node3(Lang::Zh),
        "n3 拒绝投票给 n2：n2 最后日志的任期 1 比 n3 的 2 旧（§5.4.1）"
    );
    let held = text(
        Lang::En,
        &raft(Event::CommitHeld {
            hold: CommitHold::OldTerm {
                index: 5,
                entry_term: 2,
                current_term: 4,
                holders: vec![1, 2, 3],
            },
        }),
    );
    assert!(held.contains("Figure 8") && held.contains("term 2 < current term 4"));
}

#[test]
fn categories_and_noise() {
    let hb = raft(Event::AppendAccepted {
        leader: 1,
        prev_log_index: 3,
        entries: 0,
        match_index: 3,
    });
    assert!(is_heartbeat_noise(&hb));
    assert_eq!(category(&hb), Category::Replication);
    let real = raft(Event::AppendAccepted {
        leader: 1,
        prev_log_index: 3,
        entries: 2,
        match_index: 5,
    });
    assert!(!is_heartbeat_noise(&real));
    assert_eq!(
        category(&raft(Event::TermAdopted {
            from_term: 1,
            to_term: 2,
            from: 1
        })),
        Category::Elections
    );
    assert_eq!(
        category(&TraceKind::Sim(SimEvent::Crashed)),
        Category::Faults
    );
    assert_eq!(
        category(&TraceKind::Sim(SimEvent::ClientOutcome { op: 1, ok: true })),
        Category::Replication
    );
    assert_eq!(Category::Faults.name(), "faults");
}

#[test]
fn helpers() {
    assert_eq!(command_text(Lang::Zh, None), "空操作");
    assert_eq!(command_text(Lang::En, None), "no-op");
    assert_eq!(
        result_text(Lang::En, &ApplyResult::Read { value: None }),
        "value (none)"
    );
    assert_eq!(role_word(Lang::Zh, Role::Leader), "领导者");
}

#[test]
fn fill_puts_each_argument_at_its_slots_and_keeps_other_braces() {
    let (a, b) = ("n1", 7u64);
    assert_eq!(
        fill("{0} 在任期 {1} 投票给 {0}", &[&a, &b]),
        "n1 在任期 7 投票给 n1"
    );
    assert_eq!(fill("{1}/{0}", &[&a, &b]), "7/n1");
    // Not a slot (no such argument, not a number, not closed): copied as is.
    assert_eq!(fill("{2} {x} {", &[&a, &b]), "{2} {x} {");
    assert_eq!(fill("", &[]), "");
}
