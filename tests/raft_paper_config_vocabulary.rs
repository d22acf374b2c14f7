//! Raft paper (Ongaro & Ousterhout 2014) and Ongaro's thesis against the core
//! alone, with exact expectations: roles, terms, votes, log terms, commit
//! indexes, message fields and the reasons carried by events.
//!
//! This file: configuration validation, the message and role vocabulary,
//! commands, and the log and RNG building blocks.

mod common;

use common::paper::*;
use common::raft_harness::*;
use raftlab::raft::MessageKind;
use raftlab::raft::{
    Command, CommandError, Config, ConfigError, Node, PersistentState, RaftLog, Rng, Role,
    MAX_COMMAND_LEN,
};

// ========================================================== configuration

#[test]
fn config_validation_errors() {
    let ok = |c: &Config| c.validate();
    let with = |e: u32, h: u32, m: u32| Config {
        election_timeout: e,
        heartbeat_interval: h,
        max_entries_per_message: m,
        ..Config::default()
    };
    assert_eq!(ok(&Config::default()), Ok(()));
    assert_eq!(ok(&with(2, 1, 1)), Ok(()));
    assert_eq!(ok(&with(10_000, 9_999, 1000)), Ok(()));
    assert_eq!(
        ok(&with(1, 1, 8)),
        Err(ConfigError::ElectionTimeoutOutOfRange { ticks: 1 })
    );
    assert_eq!(
        ok(&with(10_001, 5, 8)),
        Err(ConfigError::ElectionTimeoutOutOfRange { ticks: 10_001 })
    );
    assert_eq!(ok(&with(20, 0, 8)), Err(ConfigError::HeartbeatZero));
    assert_eq!(
        ok(&with(20, 20, 8)),
        Err(ConfigError::HeartbeatNotShorterThanElection {
            heartbeat: 20,
            election: 20
        })
    );
    assert_eq!(
        ok(&with(20, 5, 0)),
        Err(ConfigError::MaxEntriesOutOfRange { entries: 0 })
    );
    assert_eq!(
        ok(&with(20, 5, 1001)),
        Err(ConfigError::MaxEntriesOutOfRange { entries: 1001 })
    );
    // The election timeout is checked first.
    assert_eq!(
        ok(&with(0, 0, 0)),
        Err(ConfigError::ElectionTimeoutOutOfRange { ticks: 0 })
    );
    // Constructors refuse an invalid config.
    assert_eq!(
        Node::new(1, &[1], with(20, 0, 8), Rng::new(0)).unwrap_err(),
        ConfigError::HeartbeatZero
    );
    assert_eq!(
        Node::restart(
            1,
            &[1],
            with(20, 5, 0),
            Rng::new(0),
            PersistentState::default()
        )
        .unwrap_err(),
        ConfigError::MaxEntriesOutOfRange { entries: 0 }
    );
    let texts: Vec<String> = [
        ConfigError::ElectionTimeoutOutOfRange { ticks: 1 },
        ConfigError::HeartbeatNotShorterThanElection {
            heartbeat: 20,
            election: 20,
        },
        ConfigError::HeartbeatZero,
        ConfigError::MaxEntriesOutOfRange { entries: 0 },
    ]
    .iter()
    .map(ToString::to_string)
    .collect();
    assert_eq!(
        texts,
        vec![
            "election timeout 1 must be between 2 and 10000 ticks",
            "heartbeat interval 20 must be shorter than the election timeout 20",
            "heartbeat interval must be at least 1 tick",
            "max entries per message 0 must be between 1 and 1000"
        ]
    );
}

#[test]
fn config_max_entries_per_message_caps_each_append() {
    let cfg = Config {
        max_entries_per_message: 2,
        ..config(false)
    };
    let mut net = Network::with_logs(
        cfg,
        &[
            (1, 1, &[1, 1, 1, 1, 1]),
            (2, 1, &[1, 1, 1, 1, 1]),
            (3, 1, &[]),
        ],
    );
    net.campaign(1);
    assert_eq!(log_terms(net.node(3)), vec![1; 5]);
    let to3: Vec<usize> = net
        .delivered
        .iter()
        .filter(|m| m.from == 1 && m.to == 3 && m.body.kind() == MessageKind::AppendEntries)
        .map(|m| m.body.entry_count())
        .collect();
    assert!(to3.iter().all(|&c| c <= 2), "{to3:?}");
    assert_eq!(to3.iter().sum::<usize>(), 5);
}

// ==================================================== vocabulary and read-outs

#[test]
fn message_and_role_vocabulary() {
    let bodies = [
        vote_req(1, 2, 1, true, 0, 0),
        vote_req(1, 2, 1, false, 0, 0),
        vote_resp(1, 2, 1, true, true),
        vote_resp(1, 2, 1, false, false),
        append(1, 2, 1, 0, 0, entries(&[(1, 1)]), 0),
        reject_resp(1, 2, 1, 0, short(0)),
    ];
    let got: Vec<(&str, usize, bool, Option<bool>)> = bodies
        .iter()
        .map(|m| {
            (
                m.body.kind().name(),
                m.body.entry_count(),
                m.body.is_heartbeat(),
                m.body.granted(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("pre-vote", 0, false, None),
            ("request-vote", 0, false, None),
            ("pre-vote-resp", 0, false, Some(true)),
            ("request-vote-resp", 0, false, Some(false)),
            ("append-entries", 1, false, None),
            ("append-entries-resp", 0, false, Some(false)),
        ]
    );
    assert!(append(1, 2, 1, 0, 0, vec![], 0).body.is_heartbeat());
    assert_eq!(
        [
            Role::Follower,
            Role::PreCandidate,
            Role::Candidate,
            Role::Leader
        ]
        .map(Role::name),
        ["follower", "precandidate", "candidate", "leader"]
    );
}

#[test]
fn commands_parse_and_print() {
    assert_eq!(
        Command::parse("SET k v"),
        Ok(Command::Put {
            key: "k".into(),
            value: "v".into()
        })
    );
    assert_eq!(
        Command::parse("delete k"),
        Ok(Command::Del { key: "k".into() })
    );
    assert_eq!(cmd("put k v").to_string(), "put k v");
    assert_eq!(cmd("del k").to_string(), "del k");
    assert_eq!(cmd("get k").key(), "k");
    assert_eq!(cmd("GET k").to_string(), "get k");
    let errs = [
        Command::parse(""),
        Command::parse(&"x".repeat(MAX_COMMAND_LEN + 1)),
        Command::parse("frob x"),
        Command::parse("get"),
        Command::parse(&format!("put k {}", "v".repeat(65))),
    ];
    let texts: Vec<String> = errs
        .iter()
        .map(|r| r.clone().unwrap_err().to_string())
        .collect();
    assert_eq!(
        texts,
        vec![
            "empty command: try `put x 1`, `get x` or `del x`",
            "command is 201 bytes; the limit is 200",
            "unknown command `frob`: use put, get or del",
            "`get` takes 1 argument(s), got 0",
            "keys and values are at most 64 characters"
        ]
    );
    assert_eq!(errs[0], Err(CommandError::Empty));
}

#[test]
fn raft_log_and_rng_building_blocks() {
    // §5.3 / Figure 2 index-0 sentinel.
    let log = log_with(&[1, 1, 2]);
    assert_eq!(
        (log.first_index(), log.last_index(), log.last_term()),
        (1, 3, 2)
    );
    assert_eq!(
        (log.term_at(0), log.term_at(3), log.term_at(4)),
        (Some(0), Some(2), None)
    );
    assert_eq!(log.get(0), None);
    assert_eq!(log.get(2).map(|e| (e.index, e.term)), Some((2, 1)));
    assert!(log.slice_from(0, 5).is_empty());
    assert_eq!(log.slice_from(2, 1).len(), 1);
    assert_eq!(
        (log.first_index_of_term(1), log.last_index_of_term(1)),
        (Some(1), Some(2))
    );
    assert_eq!(log.first_index_of_term(9), None);
    assert_eq!(RaftLog::default().last_term(), 0);
    assert_eq!(log.get(3).unwrap().command(), None);
    // Deterministic, splittable randomness.
    let xs: Vec<u64> = (0..3).map(|_| Rng::new(5).next_u64()).collect();
    assert!(xs.windows(2).all(|w| w[0] == w[1]));
    assert_ne!(
        Rng::new(5).split(1).next_u64(),
        Rng::new(5).split(2).next_u64()
    );
    let mut r = Rng::new(9);
    assert_eq!(r.range(7, 7), 7);
    assert_eq!(r.range(8, 3), 8);
    assert!((0..200).all(|_| (3..9).contains(&r.range(3, 9))));
    assert!(!r.chance_permille(0));
    assert!(r.chance_permille(1000));
    assert_eq!([cmd("put k v").key(), cmd("del q").key()], ["k", "q"]);
}
