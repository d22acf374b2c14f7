//! Links, files and traces keep the shape the `serde` derives gave them.

use raftlab::sim::{Action, SimConfig};
use serde::Serialize;

/// The link and file forms as the `serde` derives wrote them before.
#[derive(Serialize)]
struct OldLink<'a> {
    c: &'a SimConfig,
    a: Vec<(u64, &'a Action)>,
    t: u64,
    h: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<(&'a str, usize)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    b: Vec<(u64, &'a str)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    k: Option<&'a str>,
}

#[test]
fn links_and_files_are_byte_for_byte_what_serde_wrote() {
    use raftlab::view::share::{base64url_decode, Shared, SharedScenario};
    let mut sim = raftlab::sim::Simulation::new(SimConfig::default()).unwrap();
    sim.run(80).unwrap();
    sim.propose_cluster("put 名字 \"张三\"").unwrap();
    sim.crash(2).unwrap();
    sim.run(20).unwrap();
    let mut shared = Shared::capture(
        &sim,
        Some(SharedScenario {
            id: "leader-crash".into(),
            step: 2,
        }),
    );
    shared.bookmarks.add(40, "选主 \"done\"").unwrap();
    for shared in [shared.clone(), Shared::capture(&sim, None)] {
        let old = OldLink {
            c: &shared.config,
            a: shared.actions.iter().map(|t| (t.tick, &t.action)).collect(),
            t: shared.tick,
            h: shared.head,
            s: shared.scenario.as_ref().map(|s| (s.id.as_str(), s.step)),
            b: shared
                .bookmarks
                .iter()
                .map(|b| (b.tick, b.note.as_str()))
                .collect(),
            k: None,
        };
        let link = shared.encode();
        let payload = base64url_decode(link.strip_prefix("v1.").unwrap()).unwrap();
        assert_eq!(
            String::from_utf8(payload).unwrap(),
            serde_json::to_string(&old).unwrap()
        );
        let file: serde_json::Value = serde_json::from_str(&shared.to_file()).unwrap();
        assert_eq!(
            file["config"],
            serde_json::to_value(&shared.config).unwrap()
        );
        assert_eq!(
            file["actions"],
            serde_json::to_value(&shared.actions).unwrap()
        );
        assert_eq!(Shared::from_file(&shared.to_file()).unwrap(), shared);
        assert_eq!(Shared::decode(&link).unwrap(), shared);
    }
}

#[test]
fn a_trace_keeps_serde_s_shape_for_config_actions_and_event_data() {
    use raftlab::view::share::Shared;
    let mut sim = raftlab::sim::Simulation::new(SimConfig {
        nodes: 3,
        ..SimConfig::default()
    })
    .unwrap();
    sim.run(60).unwrap();
    sim.propose_cluster("put a 1").unwrap();
    sim.run(20).unwrap();
    let shared = Shared::capture(&sim, None);
    let text = raftlab::view::trace_file::export_trace(&shared).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["config"], serde_json::to_value(&shared.config).unwrap());
    assert_eq!(v["actions"], serde_json::to_value(&shared.actions).unwrap());
    assert_eq!(v["format"], "raftlab-trace");
    assert_eq!(v["events_truncated"], false);
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len() as u64, v["events_total"].as_u64().unwrap());
    assert!(events.len() > 20);
}
