//! The JSON trace (issue 13): export writes config, actions, bookmarks and
//! every event with its tick; import opens exactly the same moment (replayed
//! from config and actions, checked against the recorded hash); bad traces
//! get their error and never a panic.

use raftlab::sim::{SimConfig, Simulation};
use raftlab::view::bookmarks::Bookmarks;
use raftlab::view::share::{ShareError, Shared};
use raftlab::view::trace_file::{export_trace, import_trace, is_trace, MAX_TRACE_BYTES};

fn run() -> Simulation {
    let mut sim = Simulation::new(SimConfig {
        nodes: 3,
        seed: 4,
        ..SimConfig::default()
    })
    .unwrap();
    sim.run(80).unwrap();
    sim.crash(1).unwrap();
    sim.propose_cluster("put x 1").unwrap();
    sim.run(60).unwrap();
    sim.seek(100).unwrap();
    sim
}

fn shared(sim: &Simulation) -> Shared {
    let mut b = Bookmarks::default();
    b.add(90, "crash").unwrap();
    Shared::capture(sim, None).with_bookmarks(b)
}

#[test]
fn export_lists_every_event_with_its_tick_and_import_reopens_the_moment() {
    let sim = run();
    let text = export_trace(&shared(&sim)).unwrap();
    assert!(is_trace(&text));
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "raftlab-trace");
    assert_eq!(v["tick"], 100);
    assert_eq!(v["head"], 140);
    let events = v["events"].as_array().unwrap();
    // Every event of the run up to the head: the trace's own count.
    let mut whole =
        Simulation::replay(sim.initial_config().clone(), sim.actions().to_vec(), 140).unwrap();
    whole.seek(140).unwrap();
    assert_eq!(events.len() as u64, whole.world().trace().total());
    assert_eq!(v["events_total"], whole.world().trace().total());
    assert!(events
        .windows(2)
        .all(|w| w[0]["tick"].as_u64() <= w[1]["tick"].as_u64()));
    // The crash at tick 80 is there, by name and in words.
    assert!(events.iter().any(|e| e["tick"] == 80
        && e["node"] == 1
        && e["text"].as_str().unwrap().contains("crash")));
    // The last events equal the live run's most recent ones.
    let last = events.last().unwrap();
    assert_eq!(
        last["tick"].as_u64().unwrap(),
        whole.world().trace().recent().last().unwrap().tick
    );

    let opened = import_trace(&text).unwrap();
    assert!(opened.matches);
    assert_eq!(opened.sim.tick(), 100);
    assert_eq!(opened.sim.head(), 140);
    assert_eq!(
        opened.sim.world().trace().hash(),
        sim.world().trace().hash()
    );
    assert_eq!(
        format!("{:?}", opened.sim.nodes()),
        format!("{:?}", sim.nodes())
    );
    assert_eq!(opened.shared.bookmarks.len(), 1);
}

#[test]
fn a_trace_from_another_core_is_flagged() {
    let text = export_trace(&shared(&run())).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["hash_at_tick"] = "12345".into();
    let opened = import_trace(&v.to_string()).unwrap();
    assert!(!opened.matches);
}

#[test]
fn bad_traces_get_their_error() {
    let text = export_trace(&shared(&run())).unwrap();
    assert_eq!(import_trace("").unwrap_err(), ShareError::Truncated);
    assert_eq!(import_trace("not json").unwrap_err(), ShareError::Malformed);
    assert_eq!(
        import_trace(&text[..text.len() / 2]).unwrap_err(),
        ShareError::Truncated
    );
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["version"] = 7.into();
    assert_eq!(
        import_trace(&v.to_string()).unwrap_err(),
        ShareError::NewerVersion { version: 7 }
    );
    v["version"] = 1.into();
    v["format"] = "raftlab".into();
    assert_eq!(
        import_trace(&v.to_string()).unwrap_err(),
        ShareError::Malformed
    );
    v["format"] = "raftlab-trace".into();
    v["actions"] = serde_json::json!([{"tick": 5, "action": {"Crash": 99}}]);
    assert_eq!(
        import_trace(&v.to_string()).unwrap_err(),
        ShareError::BadAction { index: 0 }
    );
    v["actions"] = serde_json::json!([]);
    v["tick"] = 100_000_000u64.into();
    assert!(matches!(
        import_trace(&v.to_string()).unwrap_err(),
        ShareError::BadTick { .. }
    ));
    let huge = " ".repeat(MAX_TRACE_BYTES + 1);
    assert!(matches!(
        import_trace(&huge).unwrap_err(),
        ShareError::TooLarge { .. }
    ));
    // Truncating anywhere never panics.
    for cut in (0..text.len()).step_by(text.len() / 97 + 1) {
        let _ = import_trace(&text[..cut]);
    }
}
