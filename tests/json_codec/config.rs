//! Scenario configurations: written and read as `serde` did, with the fields
//! `serde` defaulted optional and every other one required.

use crate::same;
use raftlab::scenario;
use raftlab::sim::{Action, ReplicationMode, SimConfig};
use raftlab::view::share::codec;

#[test]
fn every_scenario_config_is_written_and_read_as_serde_did() {
    let mut configs: Vec<SimConfig> = scenario::all().into_iter().map(|s| s.config).collect();
    let mut all_on = SimConfig::default();
    all_on.raft.pre_vote = true;
    all_on.raft.check_quorum = true;
    all_on.raft.pre_vote_mode = raftlab::raft::PreVoteMode::Thesis;
    all_on.raft.unsafe_switches = raftlab::raft::UnsafeSwitch::ALL.to_vec();
    all_on.raft.compact_threshold = 50;
    all_on.network.manual_delivery = true;
    all_on.replication_mode = ReplicationMode::SemiSync;
    all_on.seed = u64::MAX;
    configs.push(all_on);
    assert!(
        configs.iter().any(|c| !c.initial.is_empty()),
        "Figure 7 has initial logs"
    );
    for c in &configs {
        same(c);
    }
}

#[test]
fn fields_serde_defaulted_may_be_absent_and_others_may_not() {
    let mut v: serde_json::Value = serde_json::to_value(SimConfig::default()).unwrap();
    let raft = v["raft"].as_object_mut().unwrap();
    raft.remove("pre_vote_mode");
    raft.remove("compact_threshold");
    v.as_object_mut().unwrap().remove("replication_mode");
    let text = v.to_string();
    assert_eq!(
        codec::from_str::<SimConfig>(&text).unwrap(),
        serde_json::from_str::<SimConfig>(&text).unwrap()
    );
    // A required field missing, a wrong type, an unknown variant, a field
    // twice: both refuse.
    for bad in [
        text.replace(",\"seed\":1", ""),
        text.replace("\"seed\":1", "\"seed\":\"1\""),
        text.replace("\"seed\":1", "\"seed\":-1"),
        text.replace("\"seed\":1", "\"seed\":1.5"),
        text.replace("\"seed\":1", "\"seed\":1,\"seed\":2"),
        text.replace("\"nodes\":5", "\"nodes\":4294967296"),
    ] {
        assert!(serde_json::from_str::<SimConfig>(&bad).is_err(), "{bad}");
        assert!(codec::from_str::<SimConfig>(&bad).is_err(), "{bad}");
    }
    for bad in [
        r#""Campaign""#,
        r#"{"Nope":1}"#,
        r#"{"Cut":[1]}"#,
        r#"{"Cut":[1,2,3]}"#,
        r#"{"Recover":1}"#,
        r#"{}"#,
    ] {
        assert!(serde_json::from_str::<Action>(bad).is_err(), "{bad}");
        assert!(codec::from_str::<Action>(bad).is_err(), "{bad}");
    }
    // Unknown fields are ignored, as serde does.
    let extra = text.replacen('{', "{\"later\":[1,{\"x\":null}],", 1);
    assert_eq!(
        codec::from_str::<SimConfig>(&extra).unwrap(),
        SimConfig::default()
    );
}
