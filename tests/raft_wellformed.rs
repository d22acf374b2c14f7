//! Property (issue 16): random messages — real ones, mutated ones and pure
//! noise, with terms and indexes up to `u64::MAX` — stepped into nodes never
//! panic (this runs in the debug build, where overflow panics), never wrap a
//! term, and never leave a gap in a log. Fixed seeds.

use raftlab::raft::{
    AppendOutcome, AppendResponse, Command, Config, ConflictHint, Entry, EntryData, LogPosition,
    Message, MessageBody, Node, Rng, MAX_TERM,
};

fn noise(rng: &mut Rng) -> u64 {
    match rng.range(0, 5) {
        0 => u64::MAX - rng.range(0, 3),
        1 => MAX_TERM + rng.range(0, 3),
        2 => rng.next_u64(),
        _ => rng.range(0, 12),
    }
}

fn random_body(rng: &mut Rng) -> MessageBody {
    match rng.range(0, 7) {
        0 => MessageBody::RequestVote {
            pre_vote: rng.range(0, 2) == 0,
            last_log: LogPosition::new(noise(rng), noise(rng)),
            leader_transfer: rng.range(0, 2) == 0,
        },
        4 => MessageBody::ReadIndex {
            read_id: noise(rng),
        },
        5 => MessageBody::ReadIndexResponse {
            read_id: noise(rng),
            read_index: (rng.range(0, 2) == 0).then(|| noise(rng)),
        },
        6 => MessageBody::TimeoutNow,
        1 => MessageBody::RequestVoteResponse {
            pre_vote: rng.range(0, 2) == 0,
            vote_granted: rng.range(0, 2) == 0,
        },
        2 => {
            let prev = noise(rng);
            let n = rng.range(0, 6);
            let entries = (0..n)
                .map(|i| Entry {
                    index: if rng.range(0, 4) == 0 {
                        noise(rng)
                    } else {
                        prev.wrapping_add(1 + i)
                    },
                    term: noise(rng),
                    data: if rng.range(0, 2) == 0 {
                        EntryData::Noop
                    } else {
                        EntryData::from(Command::Put {
                            key: "k".into(),
                            value: "v".repeat(rng.range(0, 300) as usize),
                        })
                    },
                })
                .collect();
            MessageBody::AppendEntries {
                prev_log: LogPosition::new(noise(rng), prev),
                entries,
                leader_commit: noise(rng),
                read_ctx: (rng.range(0, 2) == 0).then(|| noise(rng)),
            }
        }
        _ => MessageBody::AppendEntriesResponse(AppendResponse {
            read_ctx: (rng.range(0, 2) == 0).then(|| noise(rng)),
            request_term: noise(rng),
            outcome: if rng.range(0, 2) == 0 {
                AppendOutcome::Matched {
                    match_index: noise(rng),
                }
            } else {
                AppendOutcome::Rejected {
                    prev_log_index: noise(rng),
                    hint: match rng.range(0, 3) {
                        0 => None,
                        1 => Some(ConflictHint::TermConflict {
                            first: LogPosition::new(noise(rng), noise(rng)),
                        }),
                        _ => Some(ConflictHint::LogTooShort {
                            last_index: noise(rng),
                        }),
                    },
                }
            },
        }),
    }
}

/// Nudges one field of a real message.
fn mutate(rng: &mut Rng, mut m: Message) -> Message {
    match rng.range(0, 4) {
        0 => m.term = noise(rng),
        1 => m.from = rng.range(0, 6) as u32,
        2 => m.body = random_body(rng),
        _ => {}
    }
    m
}

fn invariants(n: &Node) {
    let log = n.log();
    for (i, e) in log.entries().iter().enumerate() {
        assert_eq!(
            e.index,
            log.first_index() + i as u64,
            "gap in n{}'s log",
            n.id()
        );
    }
    assert!(
        n.term() <= MAX_TERM + 1_000_000,
        "term ran away: {}",
        n.term()
    );
    assert!(n.commit_index() <= log.last_index());
}

#[test]
fn random_messages_never_panic_a_node() {
    for seed in 0..24 {
        let mut rng = Rng::new(1600 + seed);
        let ids = [1, 2, 3];
        let config = Config {
            pre_vote: seed % 2 == 0,
            check_quorum: seed % 3 == 0,
            ..Config::default()
        };
        let mut nodes: Vec<Node> = ids
            .iter()
            .map(|&id| Node::new(id, &ids, config.clone(), rng.split(u64::from(id))).unwrap())
            .collect();
        let mut wire: Vec<Message> = Vec::new();
        for _ in 0..3000 {
            for n in nodes.iter_mut() {
                n.tick();
                wire.extend(n.take_outbox());
                n.take_events();
            }
            if rng.range(0, 10) == 0 {
                for n in nodes.iter_mut() {
                    let _ = n.propose(Command::Put {
                        key: "x".into(),
                        value: "1".into(),
                    });
                }
            }
            // Deliver some real messages, some mutated, some noise.
            for _ in 0..wire.len().min(8) {
                let i = rng.range(0, wire.len() as u64) as usize;
                let m = wire.swap_remove(i);
                let m = match rng.range(0, 10) {
                    0..=5 => m,
                    6..=8 => mutate(&mut rng, m),
                    _ => Message {
                        from: rng.range(1, 4) as u32,
                        to: m.to,
                        term: noise(&mut rng),
                        body: random_body(&mut rng),
                    },
                };
                if let Some(n) = nodes.iter_mut().find(|n| n.id() == m.to) {
                    n.step(m);
                    wire.extend(n.take_outbox());
                    n.take_events();
                    invariants(n);
                }
            }
            wire.truncate(200);
        }
    }
}

#[test]
fn a_malformed_message_is_dropped_with_its_reason() {
    let ids = [1, 2, 3];
    let mut n = Node::new(1, &ids, Config::default(), Rng::new(1)).unwrap();
    n.step(Message {
        from: 2,
        to: 1,
        term: u64::MAX,
        body: MessageBody::RequestVote {
            pre_vote: false,
            last_log: LogPosition::new(0, 0),
            leader_transfer: false,
        },
    });
    assert_eq!(
        n.take_events(),
        vec![raftlab::raft::Event::MessageRejected {
            from: 2,
            fault: raftlab::raft::MessageFault::TermTooLarge
        }]
    );
    assert_eq!(n.term(), 0, "a rejected message changes nothing");
    assert!(n.take_outbox().is_empty());
    // A gap in the entries: dropped, the log stays empty.
    n.step(Message {
        from: 2,
        to: 1,
        term: 1,
        body: MessageBody::AppendEntries {
            prev_log: LogPosition::new(0, 0),
            entries: vec![
                Entry {
                    index: 1,
                    term: 1,
                    data: EntryData::Noop,
                },
                Entry {
                    index: 3,
                    term: 1,
                    data: EntryData::Noop,
                },
            ],
            leader_commit: 3,
            read_ctx: None,
        },
    });
    assert_eq!(
        n.take_events(),
        vec![raftlab::raft::Event::MessageRejected {
            from: 2,
            fault: raftlab::raft::MessageFault::NotContiguous { at: 1 }
        }]
    );
    assert_eq!(
        (n.term(), n.log().last_index(), n.commit_index()),
        (0, 0, 0)
    );
}
