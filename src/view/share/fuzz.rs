//! A corpus of hostile links and files for the decoders: work and memory
//! bombs, forged messages, and seeded mutations (truncation, bit flips,
//! insertions, spliced JSON) of good links. Used by `tests/share_fuzz.rs`
//! (a fixed seed, in `cargo test`) and `examples/link_fuzz.rs` (a larger run
//! that prints counts and timings).

use super::Shared;
use crate::raft::{Command, Message, MessageBody, Rng};
use crate::sim::{Action, SimConfig, Simulation, Target, TimedAction};

/// A named hostile input.
pub struct Case {
    /// What it tries.
    pub name: &'static str,
    /// The link fragment (or file text).
    pub text: String,
    /// Whether `text` is a file rather than a link.
    pub file: bool,
}

fn put(i: usize) -> Action {
    let value = format!("{:060}", i);
    Action::Propose(
        Target::Cluster,
        Command::Put {
            key: format!("k{}", i % 97),
            value,
        },
    )
}

fn shared(config: SimConfig, actions: Vec<TimedAction>, tick: u64) -> Shared {
    Shared {
        config,
        actions,
        tick,
        head: tick,
        scenario: None,
        bookmarks: Default::default(),
        compare: None,
    }
}

fn nine(heartbeat: u32, election: u32, latency: u32, entries: u32) -> SimConfig {
    let mut c = SimConfig {
        nodes: 9,
        ..SimConfig::default()
    };
    c.raft.heartbeat_interval = heartbeat;
    c.raft.election_timeout = election;
    c.raft.max_entries_per_message = entries;
    c.network.latency_min = 1;
    c.network.latency_max = latency;
    c
}

/// A good link: a small run with an election, a crash and commands.
pub fn sample_link() -> String {
    let mut sim = Simulation::new(SimConfig::default()).unwrap_or_else(|_| unreachable!());
    let _ = sim.run(60);
    let _ = sim.crash(2);
    let _ = sim.propose_cluster("put a 1");
    let _ = sim.run(30);
    let _ = sim.cut_one_way(3, 1);
    let _ = sim.propose_to(4, "put b 2");
    let _ = sim.run(20);
    Shared::capture(&sim, None).encode()
}

/// The work and memory bombs and forged messages that the previous
/// decoder accepted (the "18 KB" and "252 KB" links among them).
pub fn bombs() -> Vec<Case> {
    let link = |name, s: Shared| Case {
        name,
        text: s.encode(),
        file: false,
    };
    let mut out = Vec::new();
    // ~18 KB: a fast-heartbeat, slow-network 9-node run at the old tick
    // limit, with a client command every few hundred ticks.
    let actions = (0..107)
        .map(|i| TimedAction {
            tick: i as u64 * 1800,
            action: put(i),
        })
        .collect();
    out.push(link(
        "work-bomb-18k",
        shared(nine(1, 10_000, 1000, 1000), actions, 200_000),
    ));
    // ~252 KB: thousands of commands, 1000 entries a message, latency 1000.
    let actions = (0..1500)
        .map(|i| TimedAction {
            tick: i as u64 * 120,
            action: put(i),
        })
        .collect();
    out.push(link(
        "memory-bomb-252k",
        shared(nine(1, 20, 1000, 1000), actions, 200_000),
    ));
    // Node-local ticks: 6,000 actions each advancing a clock 10,000 ticks.
    let actions = (0..6_000)
        .map(|i| TimedAction {
            tick: 0,
            action: Action::TickNode(1 + i % 9, 10_000),
        })
        .collect();
    out.push(link(
        "local-tick-bomb",
        shared(nine(5, 20, 4, 8), actions, 0),
    ));
    // Manual delivery: messages pile up for a long run.
    let mut c = nine(1, 2, 1, 1000);
    c.network.manual_delivery = true;
    out.push(link("manual-pile-up", shared(c, vec![], 150_000)));
    // A long plain run: 9 nodes for the old maximum.
    out.push(link(
        "long-run",
        shared(nine(5, 20, 4, 8), vec![], 2_000_000),
    ));
    // Forged messages.
    let forged = |name, msg: Message| {
        let actions = vec![TimedAction {
            tick: 40,
            action: Action::Inject(Box::new(msg)),
        }];
        link(name, shared(SimConfig::default(), actions, 60))
    };
    let ae = Message::noop_append;
    out.push(forged("term-overflow", ae(u64::MAX, 0, vec![])));
    out.push(forged("index-overflow", ae(1, u64::MAX, vec![(0, 1)])));
    out.push(forged("gap", ae(1, 0, vec![(1, 1), (5, 1)])));
    out.push(forged("entry-term-above", ae(1, 0, vec![(1, 7)])));
    out.push(forged("forged-leader", ae(50, 0, vec![(1, 50)])));
    out.push(forged(
        "forged-vote",
        Message {
            from: 3,
            to: 4,
            term: 1,
            body: MessageBody::RequestVoteResponse {
                pre_vote: false,
                vote_granted: true,
            },
        },
    ));
    let mut stranger = ae(1, 0, vec![]);
    stranger.from = 12;
    out.push(forged("non-member", stranger));
    out
}

/// One seeded mutation of `text`: truncate, flip a byte, insert, delete,
/// duplicate a slice, or splice in a hostile token.
pub fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    if bytes.is_empty() {
        return String::new();
    }
    let at = rng.range(0, bytes.len() as u64) as usize;
    match rng.range(0, 6) {
        0 => bytes.truncate(at),
        1 => bytes[at] ^= 1 << rng.range(0, 8),
        2 => bytes.insert(at, rng.range(0, 256) as u8),
        3 => {
            bytes.remove(at);
        }
        4 => {
            let end = (at + rng.range(1, 64) as usize).min(bytes.len());
            let slice = bytes[at..end].to_vec();
            bytes.splice(at..at, slice);
        }
        _ => {
            const TOKENS: [&str; 8] = [
                "18446744073709551615",
                "-1",
                "1e999",
                "null",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
                "\"\\ud800\"",
                "{\"c\":1,\"c\":2}",
                "%ff%fe",
            ];
            let token = TOKENS[rng.range(0, TOKENS.len() as u64) as usize];
            bytes.splice(at..at, token.bytes());
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The JSON inside a link, for mutating below the base64 layer.
pub fn link_json(fragment: &str) -> Option<String> {
    let payload = fragment.split_once('.')?.1;
    String::from_utf8(super::base64url_decode(payload).ok()?).ok()
}

/// A link around arbitrary JSON text.
pub fn link_of_json(json: &str) -> String {
    format!(
        "v{}.{}",
        super::VERSION,
        super::base64url_encode(json.as_bytes())
    )
}
