//! Share links and saved files: round trips, exact replay of the moment, and
//! every kind of bad input turned into its error, never a panic.

use raftlab::raft::{Command, Message, MessageBody};
use raftlab::scenario;
use raftlab::sim::{Action, SimConfig, SimError, Simulation, Target, TimedAction};
use raftlab::view::share::{
    base64url_decode, base64url_encode, ShareError, Shared, SharedScenario, MAX_ACTIONS,
    MAX_FILE_BYTES, MAX_LINK_BYTES, MAX_TICK,
};

/// A run with a bit of everything: an election, a crash, a command, a cut
/// link, and time travel back into the past.
fn sample() -> Simulation {
    let mut sim = Simulation::new(SimConfig {
        nodes: 5,
        seed: 42,
        ..SimConfig::default()
    })
    .unwrap();
    sim.run(60).unwrap();
    sim.crash(2).unwrap();
    sim.propose_cluster("put hello world").unwrap();
    sim.run(30).unwrap();
    sim.cut_one_way(3, 1).unwrap();
    sim.propose_to(4, "put 名字 张三").unwrap();
    sim.run(25).unwrap();
    sim
}

fn readout(sim: &Simulation) -> (u64, u64, String) {
    (
        sim.tick(),
        sim.world().trace().hash(),
        format!("{:?}", sim.nodes()),
    )
}

#[test]
fn a_link_round_trips_and_replays_the_exact_moment() {
    let sim = sample();
    let shared = Shared::capture(&sim, None);
    let link = shared.encode();
    assert!(link.starts_with("v1."));
    assert!(link.len() < 8 * 1024, "{} bytes", link.len());
    let decoded = Shared::decode(&format!("#{link}")).unwrap();
    assert_eq!(decoded, shared);
    let restored = decoded.restore().unwrap();
    assert_eq!(readout(&restored), readout(&sim));
    assert_eq!(restored.world().client(), sim.world().client());
    assert_eq!(restored.world().network(), sim.world().network());
}

#[test]
fn a_link_made_in_the_past_keeps_the_future() {
    let mut sim = sample();
    let end = readout(&sim);
    sim.seek(70).unwrap();
    let restored = Shared::decode(&Shared::capture(&sim, None).encode())
        .unwrap()
        .restore()
        .unwrap();
    assert_eq!(readout(&restored), readout(&sim));
    assert_eq!(restored.head(), sim.head());
    let mut forward = restored;
    forward.seek(sim.head()).unwrap();
    assert_eq!(readout(&forward), end);
}

#[test]
fn a_scenario_step_travels_with_its_link() {
    let (sim, pos) = scenario::goto("log-replication", 3).unwrap();
    let tag = SharedScenario {
        id: pos.id.to_string(),
        step: pos.step,
    };
    let shared = Shared::decode(&Shared::capture(&sim, Some(tag.clone())).encode()).unwrap();
    assert_eq!(shared.scenario, Some(tag));
    let restored = shared.restore().unwrap();
    assert_eq!(readout(&restored), readout(&sim));
    assert!(!pos.diverged(&restored));
}

#[test]
fn a_file_round_trips_too() {
    let sim = sample();
    let shared = Shared::capture(&sim, None);
    let file = shared.to_file();
    assert!(file.contains("\"format\": \"raftlab\"") && file.contains("\"seed\": 42"));
    assert_eq!(
        shared.file_name(),
        format!("raftlab-42-t{}.json", sim.tick())
    );
    let back = Shared::from_file(&file).unwrap();
    assert_eq!(back, shared);
    assert_eq!(readout(&back.restore().unwrap()), readout(&sim));
}

#[test]
fn each_bad_link_class_yields_its_error() {
    let good = Shared::capture(&sample(), None).encode();
    let payload = good.strip_prefix("v1.").unwrap();
    assert_eq!(Shared::decode("#v1.!!!"), Err(ShareError::Malformed));
    assert_eq!(Shared::decode("#hello"), Err(ShareError::Malformed));
    assert_eq!(Shared::decode("#vx.abc"), Err(ShareError::Malformed));
    assert_eq!(Shared::decode("#v0.abc"), Err(ShareError::Malformed));
    let not_json = base64url_encode(b"[1, 2, 3]");
    assert_eq!(
        Shared::decode(&format!("v1.{not_json}")),
        Err(ShareError::Malformed)
    );
    assert_eq!(
        Shared::decode(&format!("#v1.{}", &payload[..payload.len() / 2])),
        Err(ShareError::Truncated)
    );
    assert_eq!(Shared::decode("#v1."), Err(ShareError::Truncated));
    assert_eq!(Shared::decode("#v1"), Err(ShareError::Truncated));
    assert_eq!(
        Shared::decode(&format!("#v9.{payload}")),
        Err(ShareError::NewerVersion { version: 9 })
    );
    assert_eq!(
        Shared::decode("#v99999999999.abc"),
        Err(ShareError::NewerVersion { version: u32::MAX })
    );
    let huge = format!("#v1.{}", "A".repeat(300 * 1024));
    assert!(matches!(
        Shared::decode(&huge),
        Err(ShareError::TooLarge {
            limit: MAX_LINK_BYTES,
            ..
        })
    ));
    // Percent-encoded by a mail client: still readable.
    let encoded = format!("#v1.{}", payload.replace('-', "%2D"));
    assert!(Shared::decode(&encoded).is_ok());
}

#[test]
fn truncating_a_link_anywhere_never_panics_and_says_truncated() {
    let mut sim = sample();
    sim.propose_cluster("put 长 键").unwrap();
    let link = format!("#{}", Shared::capture(&sim, None).encode());
    for len in 0..link.len() {
        let cut = &link[..len];
        assert_eq!(
            Shared::decode(cut),
            Err(ShareError::Truncated),
            "cut at {len}"
        );
    }
    assert!(Shared::decode(&link).is_ok());
    // And a corrupted character anywhere: an error or (rarely) another valid
    // run, never a panic.
    for i in 4..link.len() {
        let mut bytes = link.clone().into_bytes();
        bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
        if let Ok(s) = String::from_utf8(bytes) {
            if let Ok(shared) = Shared::decode(&s) {
                let _ = shared.restore();
            }
        }
    }
}

fn with(config: SimConfig, actions: Vec<(u64, Action)>, tick: u64) -> Shared {
    Shared {
        config,
        actions: actions
            .into_iter()
            .map(|(tick, action)| TimedAction { tick, action })
            .collect(),
        tick,
        head: tick,
        scenario: None,
        bookmarks: Default::default(),
        compare: None,
    }
}

#[test]
fn runs_that_cannot_be_replayed_are_refused() {
    let three = SimConfig {
        nodes: 3,
        ..SimConfig::default()
    };
    let round = |s: Shared| Shared::decode(&s.encode());
    // An invalid configuration.
    let bad_config = SimConfig {
        nodes: 12,
        ..SimConfig::default()
    };
    assert_eq!(
        round(with(bad_config, vec![], 0)),
        Err(ShareError::Invalid(SimError::NodeCountOutOfRange {
            nodes: 12
        }))
    );
    // Actions naming nodes that do not exist.
    for action in [
        Action::Crash(7),
        Action::Cut(1, 9),
        Action::Propose(Target::Node(4), Command::parse("put a 1").unwrap()),
        Action::Partition(vec![vec![1, 2], vec![3, 4]]),
        Action::TickNode(1, u32::MAX),
        Action::Propose(
            Target::Cluster,
            Command::Put {
                key: "two words".into(),
                value: "x".into(),
            },
        ),
    ] {
        assert_eq!(
            round(with(
                three.clone(),
                vec![(0, Action::Campaign(1)), (3, action.clone())],
                5
            )),
            Err(ShareError::BadAction { index: 1 }),
            "{action:?}"
        );
    }
    // A message to a node that does not exist.
    let to_five = Action::inject(Message {
        from: 1,
        to: 5,
        term: 1,
        body: MessageBody::RequestVoteResponse {
            pre_vote: false,
            vote_granted: true,
        },
    });
    assert_eq!(
        round(with(
            three.clone(),
            vec![(0, Action::Campaign(1)), (3, to_five)],
            5
        )),
        Err(ShareError::BadMessage {
            index: 1,
            error: raftlab::sim::InjectError::NotMember { node: 5 }
        })
    );
    // Ticks out of order or too far.
    assert_eq!(
        round(with(
            three.clone(),
            vec![(5, Action::Recover), (3, Action::Recover)],
            9
        )),
        Err(ShareError::BadTick { tick: 3 })
    );
    assert_eq!(
        round(with(three.clone(), vec![], MAX_TICK + 1)),
        Err(ShareError::BadTick { tick: MAX_TICK + 1 })
    );
    // Too many actions.
    let many = vec![(0, Action::Recover); MAX_ACTIONS + 1];
    assert!(matches!(
        with(three.clone(), many, 0).validate(),
        Err(ShareError::TooManyActions { .. })
    ));
    // Valid on its face, but the message was never in flight: replay refuses.
    let shared = round(with(three.clone(), vec![(4, Action::Deliver(999))], 10)).unwrap();
    assert_eq!(
        shared.restore().map(|_| ()),
        Err(ShareError::Replay(SimError::NoSuchMessage { id: 999 }))
    );
}

#[test]
fn bad_files_are_refused_with_their_reason() {
    let file = Shared::capture(&sample(), None).to_file();
    assert_eq!(Shared::from_file(""), Err(ShareError::Truncated));
    assert_eq!(
        Shared::from_file(&file[..file.len() / 2]),
        Err(ShareError::Truncated)
    );
    assert_eq!(Shared::from_file("{\"a\": 1}"), Err(ShareError::Malformed));
    assert_eq!(Shared::from_file("<html>"), Err(ShareError::Malformed));
    assert_eq!(
        Shared::from_file(&file.replacen("\"version\": 1", "\"version\": 2", 1)),
        Err(ShareError::NewerVersion { version: 2 })
    );
    assert_eq!(
        Shared::from_file(&file.replacen("\"tick\"", "\"tock\"", 1)),
        Err(ShareError::Malformed)
    );
    let big = " ".repeat(MAX_FILE_BYTES + 1);
    assert!(matches!(
        Shared::from_file(&big),
        Err(ShareError::TooLarge { .. })
    ));
    for len in 0..file.len() {
        if file.is_char_boundary(len) {
            assert!(Shared::from_file(&file[..len]).is_err());
        }
    }
}

#[test]
fn base64url_is_exact() {
    for text in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "名字"] {
        let enc = base64url_encode(text.as_bytes());
        assert_eq!(base64url_decode(&enc).unwrap(), text.as_bytes());
    }
    assert_eq!(base64url_encode(b"foobar"), "Zm9vYmFy");
    assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
}

#[test]
fn every_scenario_step_round_trips_through_a_link() {
    // Scenarios switch manual delivery on and off: the link must carry the
    // configuration the run started from, not the one it has now.
    for sc in scenario::all() {
        for step in [sc.steps.len() / 2, sc.steps.len() - 1] {
            let (sim, pos) = scenario::goto(sc.id, step).unwrap();
            let tag = SharedScenario {
                id: sc.id.to_string(),
                step,
            };
            let link = Shared::capture(&sim, Some(tag)).encode();
            let restored = Shared::decode(&link).unwrap().restore().unwrap();
            assert_eq!(readout(&restored), readout(&sim), "{} step {step}", sc.id);
            assert!(!pos.diverged(&restored), "{} step {step}", sc.id);
        }
    }
}
