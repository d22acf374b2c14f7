//! The hand-written JSON codec of links, files, traces and scenario files
//! (issue 15) against `serde_json` and the `serde` derives it replaces in
//! the wasm: the same text out, the same values in, the same verdict
//! (ok / cut short / not JSON) on broken text.

use raftlab::raft::{
    AppendOutcome, AppendResponse, Command, ConfChange, ConfigEntry, ConflictHint, Entry,
    EntryData, JointConfig, KvStore, LogPosition, Membership, Message, MessageBody, ReadMode,
    Snapshot,
};
use raftlab::scenario;
use raftlab::sim::{Action, ReplicationMode, SimConfig, Target, TimedAction};
use raftlab::vec_map::VecSet;
use raftlab::view::share::codec::{self, FromJson, ToJson};
use raftlab::view::share::json::{self, Json, JsonError};
use serde::{de::DeserializeOwned, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Both writers agree (compact and pretty), and both readers read it back.
fn same<T>(v: &T)
where
    T: ToJson + FromJson + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let ours = codec::to_string(v);
    assert_eq!(ours, serde_json::to_string(v).unwrap());
    assert_eq!(
        codec::to_string_pretty(v),
        serde_json::to_string_pretty(v).unwrap()
    );
    assert_eq!(&codec::from_str::<T>(&ours).unwrap(), v, "{ours}");
    let pretty = serde_json::to_string_pretty(v).unwrap();
    assert_eq!(&codec::from_str::<T>(&pretty).unwrap(), v, "{pretty}");
}

fn membership() -> Membership {
    Membership {
        voters: JointConfig {
            incoming: raftlab::raft::MajorityConfig::new([1, 2, 4]),
            outgoing: raftlab::raft::MajorityConfig::new([1, 2, 3]),
        },
        learners: VecSet::from([5]),
    }
}

fn entries() -> Vec<Entry> {
    let put = Command::Put {
        key: "名字".into(),
        value: "a \"b\"\n\\ \u{1}\u{7f} 😀".into(),
    };
    let change = |change| {
        EntryData::from(ConfigEntry {
            change,
            membership: membership(),
        })
    };
    [
        EntryData::Noop,
        EntryData::from(put),
        EntryData::from(Command::Del { key: "k".into() }),
        EntryData::from(Command::Get { key: "k".into() }),
        change(ConfChange::AddLearner(5)),
        change(ConfChange::Promote(5)),
        change(ConfChange::Remove(2)),
        change(ConfChange::ChangeVoters(VecSet::from([1, 2, 4]))),
        change(ConfChange::LeaveJoint),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, data)| Entry {
        index: i as u64 + 1,
        term: 3,
        data,
    })
    .collect()
}

fn bodies() -> Vec<MessageBody> {
    let pos = LogPosition::new(2, 7);
    let resp = |outcome, read_ctx| {
        MessageBody::AppendEntriesResponse(AppendResponse {
            request_term: 4,
            outcome,
            read_ctx,
        })
    };
    vec![
        MessageBody::RequestVote {
            pre_vote: true,
            last_log: pos,
            leader_transfer: false,
        },
        MessageBody::RequestVoteResponse {
            pre_vote: false,
            vote_granted: true,
        },
        MessageBody::AppendEntries {
            prev_log: pos,
            entries: entries(),
            leader_commit: 6,
            read_ctx: Some(9),
        },
        MessageBody::AppendEntries {
            prev_log: pos,
            entries: vec![],
            leader_commit: 0,
            read_ctx: None,
        },
        resp(AppendOutcome::Matched { match_index: 8 }, None),
        resp(
            AppendOutcome::Rejected {
                prev_log_index: 7,
                hint: Some(ConflictHint::TermConflict { first: pos }),
            },
            Some(u64::MAX),
        ),
        resp(
            AppendOutcome::Rejected {
                prev_log_index: 7,
                hint: Some(ConflictHint::LogTooShort { last_index: 3 }),
            },
            None,
        ),
        resp(
            AppendOutcome::Rejected {
                prev_log_index: 7,
                hint: None,
            },
            None,
        ),
        MessageBody::InstallSnapshot {
            snapshot: Snapshot {
                last_included_index: 5,
                last_included_term: 2,
                state: KvStore {
                    data: BTreeMap::from([("x".into(), "1".into()), ("名".into(), "".into())]),
                    last_applied: 5,
                },
                config: membership(),
                config_index: 4,
            },
        },
        MessageBody::InstallSnapshot {
            snapshot: Snapshot::default(),
        },
        MessageBody::InstallSnapshotResponse {
            request_term: 3,
            installed: false,
            match_index: 2,
        },
        MessageBody::ReadIndex { read_id: 7 },
        MessageBody::ReadIndexResponse {
            read_id: 7,
            read_index: Some(4),
        },
        MessageBody::ReadIndexResponse {
            read_id: 7,
            read_index: None,
        },
        MessageBody::TimeoutNow,
    ]
}

fn actions() -> Vec<Action> {
    let mut v = vec![
        Action::Campaign(1),
        Action::TickNode(2, 30),
        Action::SetTimeout(3, 11),
        Action::DeliverAll,
        Action::Deliver(u64::MAX),
        Action::Drop(4),
        Action::Hold(5),
        Action::Release(6),
        Action::Cut(1, 2),
        Action::CutOneWay(2, 3),
        Action::Connect(1, 2),
        Action::ConnectOneWay(2, 3),
        Action::Isolate(4),
        Action::Partition(vec![vec![1, 2], vec![3, 4, 5], vec![]]),
        Action::Recover,
        Action::Crash(1),
        Action::Restart(1),
        Action::Pause(2),
        Action::Resume(2),
        Action::Propose(Target::Cluster, Command::Get { key: "k".into() }),
        Action::Propose(
            Target::Node(3),
            Command::Put {
                key: "k".into(),
                value: "v w".into(),
            },
        ),
        Action::SetLoss {
            loss: 100,
            duplicate: 5,
        },
        Action::SetLatency { min: 1, max: 9 },
        Action::SetManualDelivery(true),
        Action::AddServer,
        Action::RemoveServer(2),
        Action::Promote(6),
        Action::ChangeVoters(vec![1, 3, 5]),
        Action::Compact {
            node: 2,
            up_to: Some(4),
        },
        Action::Compact {
            node: 2,
            up_to: None,
        },
        Action::SetCompactThreshold(100),
        Action::TransferLeader(4),
    ];
    for m in ReplicationMode::ALL {
        v.push(Action::SetReplicationMode(m));
    }
    for mode in [ReadMode::Log, ReadMode::ReadIndex, ReadMode::Lease] {
        v.push(Action::Read {
            target: Target::Node(2),
            key: "k".into(),
            mode,
        });
    }
    for body in bodies() {
        v.push(Action::inject(Message {
            from: 1,
            to: 2,
            term: 3,
            body,
        }));
    }
    v
}

#[test]
fn every_action_and_message_is_written_and_read_as_serde_did() {
    for a in actions() {
        same(&a);
    }
    let timed: Vec<TimedAction> = actions()
        .into_iter()
        .enumerate()
        .map(|(i, action)| TimedAction {
            tick: i as u64,
            action,
        })
        .collect();
    same(&timed);
    for e in entries() {
        same(&e);
    }
}

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

/// Ok, cut short, or not JSON — as `serde_json` classifies it.
fn verdict_serde(text: &str) -> Result<(), bool> {
    serde_json::from_str::<serde_json::Value>(text)
        .map(|_| ())
        .map_err(|e| e.is_eof())
}

fn verdict_ours(text: &str) -> Result<(), bool> {
    json::parse(text, &[])
        .map(|_| ())
        .map_err(|e| e == JsonError::Eof)
}

#[test]
fn every_prefix_and_mutation_of_a_document_gets_serde_json_s_verdict() {
    let doc = format!(
        "{{\"a\": [1, -2, 3.5e-3, 0, true, false, null, \"x\\u00e9\\ud83d\\ude00\\n\\\"\"],\n \"b\": {}, \"c\": {{}}, \"d\": []}}",
        codec::to_string(&actions())
    );
    assert_eq!(verdict_ours(&doc), Ok(()));
    for cut in (0..doc.len()).filter(|&i| doc.is_char_boundary(i)) {
        let prefix = &doc[..cut];
        assert_eq!(verdict_ours(prefix), verdict_serde(prefix), "{prefix:?}");
    }
    // Single-byte changes across the whole text (a fixed pseudo-random walk).
    let bytes = doc.as_bytes();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..4000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let at = (x as usize) % bytes.len();
        let by = b"{}[]:,\"\\0123456789-+.eE tfnul\n\x01x"[(x >> 32) as usize % 32];
        let mut m = bytes.to_vec();
        m[at] = by;
        let Ok(text) = String::from_utf8(m) else {
            continue;
        };
        assert_eq!(verdict_ours(&text), verdict_serde(&text), "{text:?}");
    }
}

#[test]
fn edge_cases_read_as_serde_json_reads_them() {
    let cases = [
        "",
        " ",
        "0",
        "-0",
        "01",
        "1.",
        ".5",
        "1e",
        "1e+",
        "-",
        "[1,]",
        "{\"a\":1,}",
        "[,1]",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "\"\\x\"",
        "\"\t\"",
        "tru",
        "nul",
        "nulll",
        "[1] 2",
        "{\"a\" 1}",
        "{1:2}",
        "18446744073709551616",
        "18446744073709551615",
        "\"\\/\"",
    ];
    for text in cases {
        assert_eq!(verdict_ours(text), verdict_serde(text), "{text:?}");
    }
    assert_eq!(
        json::parse("18446744073709551615", &[]),
        Ok(Json::Int(u64::MAX))
    );
    assert_eq!(json::parse("18446744073709551616", &[]), Ok(Json::OtherNum));
    assert_eq!(json::parse("-0", &[]), Ok(Json::OtherNum));
    let deep = "[".repeat(200) + &"]".repeat(200);
    assert_eq!(json::parse(&deep, &[]), Err(JsonError::Syntax));
    assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
    let ok_deep = "[".repeat(100) + &"]".repeat(100);
    assert!(json::parse(&ok_deep, &[]).is_ok());
}

#[test]
fn strings_are_escaped_as_serde_json_escapes_them() {
    let all: String = (0u32..0x800).filter_map(char::from_u32).collect::<String>() + "😀\u{2028}";
    let ours = codec::to_string(&all);
    assert_eq!(ours, serde_json::to_string(&all).unwrap());
    assert_eq!(codec::from_str::<String>(&ours).unwrap(), all);
}

#[test]
fn skipped_members_are_checked_but_not_kept() {
    let text = r#"{"events": [{"a": [1, 2]}, 3], "tick": 4}"#;
    let v = json::parse(text, &["events"]).unwrap();
    assert_eq!(v.get("events"), Some(&Json::Null));
    assert_eq!(v.get("tick").and_then(Json::as_u64), Some(4));
    assert_eq!(
        json::parse(r#"{"events": [1, }, "tick": 4}"#, &["events"]),
        Err(JsonError::Syntax)
    );
    assert_eq!(
        json::parse(r#"{"events": [1, "#, &["events"]),
        Err(JsonError::Eof)
    );
}

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

/// The recent events of every built-in scenario, run to its end.
fn many_events() -> Vec<raftlab::sim::TraceEvent> {
    let mut out = Vec::new();
    for sc in scenario::all() {
        let sim = sc.build(sc.steps.len() - 1).unwrap();
        out.extend(sim.world().trace().recent().cloned());
    }
    out
}

#[test]
fn every_event_s_data_is_written_as_serde_wrote_it() {
    let events = many_events();
    let mut kinds = BTreeSet::new();
    for e in &events {
        let ours = codec::to_string(&e.kind);
        assert_eq!(ours, serde_json::to_string(&e.kind).unwrap());
        kinds.insert(raftlab::view::explain::kind_name(&e.kind));
    }
    assert!(events.len() > 4_000, "{}", events.len());
    assert!(kinds.len() >= 30, "{kinds:?}");
}

/// One of every variant the scenarios above do not all reach, down to the
/// reasons they carry.
fn hand_built_events() -> Vec<raftlab::sim::TraceKind> {
    use raftlab::raft::*;
    use raftlab::sim::{AckReason, DropReason, SimEvent, TraceKind};
    let pos = |term, index| LogPosition { term, index };
    let role = |from, to, cause| Event::RoleChanged {
        from,
        to,
        term: 3,
        cause,
    };
    let mut raft = vec![
        role(
            Role::Follower,
            Role::PreCandidate,
            RoleCause::ElectionTimeout,
        ),
        role(Role::Follower, Role::Candidate, RoleCause::ForcedTimeout),
        role(
            Role::PreCandidate,
            Role::Candidate,
            RoleCause::WonPreVote { votes: vec![1, 2] },
        ),
        role(
            Role::Candidate,
            Role::Leader,
            RoleCause::WonElection { votes: vec![] },
        ),
        role(
            Role::Leader,
            Role::Follower,
            RoleCause::SawHigherTerm { from: 2, term: 4 },
        ),
        role(
            Role::Candidate,
            Role::Follower,
            RoleCause::DiscoveredLeader { leader: 1 },
        ),
        role(
            Role::Leader,
            Role::Follower,
            RoleCause::LostQuorum {
                heard_from: vec![1],
            },
        ),
        role(
            Role::Leader,
            Role::Follower,
            RoleCause::RemovedFromConfig { index: 9 },
        ),
        role(
            Role::Follower,
            Role::Candidate,
            RoleCause::TimeoutNow { from: 3 },
        ),
        Event::MessageRejected {
            from: 2,
            fault: MessageFault::SelfAddressed,
        },
        Event::SnapshotIgnored {
            leader: 1,
            last_included_index: 4,
            reason: SnapshotIgnore::StaleTerm {
                leader_term: 1,
                our_term: 2,
            },
        },
        Event::SnapshotIgnored {
            leader: 1,
            last_included_index: 4,
            reason: SnapshotIgnore::StaleSnapshot {
                last_included_index: 4,
                commit_index: 6,
            },
        },
        Event::RestoredFromSnapshot {
            last_included_index: 4,
            last_included_term: 2,
        },
        Event::CampaignSkipped {
            reason: NoCampaign::Learner,
        },
        Event::CampaignSkipped {
            reason: NoCampaign::NotAVoter,
        },
        Event::VoteNotCounted {
            from: 4,
            pre_vote: true,
        },
        Event::JointVoteLost {
            half: ConfigHalf::Incoming,
            granted: 1,
            needed: 2,
            pre_vote: false,
        },
        Event::CommitHeld {
            hold: CommitHold::NoJointMajority {
                index: 3,
                holders: vec![1],
                short: vec![ConfigHalf::Outgoing],
            },
        },
        Event::CommitHeld {
            hold: CommitHold::NoMajority {
                index: 3,
                holders: vec![1],
                needed: 2,
            },
        },
        Event::CommitHeld {
            hold: CommitHold::OldTerm {
                index: 3,
                entry_term: 1,
                current_term: 2,
                holders: vec![1, 2],
            },
        },
        Event::SnapshotTaken {
            last_included_index: 4,
            last_included_term: 2,
            compacted: 3,
            trigger: CompactTrigger::Threshold { entries: 3 },
        },
        Event::SnapshotTaken {
            last_included_index: 4,
            last_included_term: 2,
            compacted: 3,
            trigger: CompactTrigger::Manual,
        },
        Event::SnapshotInstalled {
            leader: 1,
            last_included_index: 4,
            last_included_term: 2,
            outcome: SnapshotInstall::KeptSuffix { kept: 2 },
        },
        Event::SnapshotInstalled {
            leader: 1,
            last_included_index: 4,
            last_included_term: 2,
            outcome: SnapshotInstall::DiscardedLog { discarded: 2 },
        },
        Event::TransferEnded {
            target: 2,
            end: TransferEnd::TimedOut,
        },
        Event::TransferEnded {
            target: 2,
            end: TransferEnd::SteppedDown,
        },
        Event::Applied {
            index: 1,
            term: 1,
            command: None,
            result: ApplyResult::Noop,
        },
        Event::Applied {
            index: 2,
            term: 1,
            command: Some(Command::Get {
                key: "k\u{1}".into(),
            }),
            result: ApplyResult::Read {
                value: Some("値 \"v\"".into()),
            },
        },
        Event::Applied {
            index: 3,
            term: 1,
            command: Some(Command::Put {
                key: "k".into(),
                value: "v".into(),
            }),
            result: ApplyResult::Written { previous: None },
        },
        Event::ConfigAdopted {
            index: 5,
            membership: membership(),
            cause: ConfigCause::Proposed(ConfChange::Remove(3)),
        },
        Event::ConfigAdopted {
            index: 5,
            membership: membership(),
            cause: ConfigCause::AutoLeaveJoint,
        },
        Event::ConfigAdopted {
            index: 5,
            membership: membership(),
            cause: ConfigCause::Replicated,
        },
        Event::ConfigAdopted {
            index: 5,
            membership: membership(),
            cause: ConfigCause::Reverted,
        },
        Event::ConfigAdopted {
            index: 5,
            membership: membership(),
            cause: ConfigCause::Snapshot,
        },
        Event::VoteDenied {
            candidate: 2,
            term: 3,
            pre_vote: false,
            reason: VoteDenial::StaleTerm {
                candidate_term: 1,
                our_term: 3,
            },
        },
        Event::VoteDenied {
            candidate: 2,
            term: 3,
            pre_vote: false,
            reason: VoteDenial::AlreadyVoted { voted_for: 1 },
        },
        Event::VoteDenied {
            candidate: 2,
            term: 3,
            pre_vote: true,
            reason: VoteDenial::LogBehind {
                candidate_last: pos(1, 2),
                our_last: pos(2, 3),
            },
        },
        Event::VoteDenied {
            candidate: 2,
            term: 3,
            pre_vote: true,
            reason: VoteDenial::LeaderRecentlyHeard { leader: 1 },
        },
        Event::VoteDenied {
            candidate: 2,
            term: 3,
            pre_vote: true,
            reason: VoteDenial::WeAreLeader,
        },
        Event::AppendRejected {
            leader: 1,
            reason: AppendRejection::StaleTerm {
                leader_term: 1,
                our_term: 2,
            },
        },
        Event::AppendRejected {
            leader: 1,
            reason: AppendRejection::MissingEntry {
                prev_log_index: 5,
                our_last_index: 3,
            },
        },
        Event::AppendRejected {
            leader: 1,
            reason: AppendRejection::TermMismatch {
                prev_log_index: 5,
                prev_log_term: 2,
                our_term: 1,
                conflict_index: 4,
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::VotedWithoutLogCheck {
                candidate: 2,
                term: 3,
                candidate_last: pos(1, 1),
                our_last: pos(2, 2),
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::CommittedOldTermByCounting {
                index: 2,
                entry_term: 1,
                current_term: 3,
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::ForgotVote {
                term: 2,
                voted_for: 1,
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::AcceptedStaleLeader {
                leader: 1,
                leader_term: 1,
                our_term: 2,
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::OneStepMembershipChange {
                from: vec![1, 2, 3],
                to: vec![1, 4],
            },
        },
        Event::UnsafeRuleBroken {
            rule: UnsafeRule::ReadWithoutConfirmingLeadership {
                read_id: 1,
                term: 2,
                read_index: 3,
            },
        },
    ];
    let faults = [
        MessageFault::TermTooLarge,
        MessageFault::IndexTooLarge,
        MessageFault::TooManyEntries,
        MessageFault::NotContiguous { at: 1 },
        MessageFault::EntryTermOutOfOrder { at: 2 },
        MessageFault::LogTermAboveTerm,
        MessageFault::CommandTooLong,
    ];
    raft.extend(faults.map(|fault| Event::MessageRejected { from: 2, fault }));
    let steps = [
        ReadStep::WaitingForCommitInTerm,
        ReadStep::IndexRecorded {
            read_index: 3,
            round: 2,
        },
        ReadStep::Confirmed {
            read_index: 3,
            acks: vec![1, 2],
        },
        ReadStep::ServedByLease {
            read_index: 3,
            lease_left: 7,
        },
        ReadStep::LeaseExpired,
        ReadStep::Forwarded { leader: 1 },
        ReadStep::IndexReceived {
            leader: 1,
            read_index: 3,
        },
        ReadStep::Unconfirmed { read_index: 3 },
        ReadStep::Answered {
            read_index: 3,
            key: "x".into(),
            value: None,
        },
        ReadStep::Failed {
            reason: ReadFailure::NoLongerLeader,
        },
        ReadStep::Failed {
            reason: ReadFailure::LeaderChanged,
        },
        ReadStep::Failed {
            reason: ReadFailure::LeaderRefused { leader: 2 },
        },
    ];
    raft.extend(steps.map(|step| Event::Read { read_id: 4, step }));
    let mut out: Vec<TraceKind> = raft.into_iter().map(TraceKind::Raft).collect();
    let kinds = MessageKind::ALL;
    let reasons = [
        DropReason::Lost,
        DropReason::LinkCut,
        DropReason::ReceiverDown,
        DropReason::ByUser,
        DropReason::Overflow,
    ];
    let mut sim = vec![
        SimEvent::Paused,
        SimEvent::Resumed,
        SimEvent::MessageDuplicated { id: 7 },
        SimEvent::MessageHeld { id: 7 },
        SimEvent::MessageReleased { id: 7 },
    ];
    sim.extend(
        kinds
            .into_iter()
            .zip(reasons.into_iter().cycle())
            .map(|(kind, reason)| SimEvent::MessageDropped {
                id: 9,
                kind,
                to: 2,
                reason,
            }),
    );
    let acks = [
        AckReason::Appended,
        AckReason::FollowerStored {
            stored: 1,
            followers: 4,
        },
        AckReason::AllStored { followers: 4 },
        AckReason::Committed { commit_index: 3 },
    ];
    let modes = [
        ReplicationMode::Async,
        ReplicationMode::SemiSync,
        ReplicationMode::Sync,
        ReplicationMode::Raft,
    ];
    sim.extend(
        acks.into_iter()
            .zip(modes)
            .map(|(reason, mode)| SimEvent::WriteAcknowledged {
                op: 1,
                index: 2,
                term: 1,
                mode,
                reason,
            }),
    );
    out.extend(sim.into_iter().map(TraceKind::Sim));
    out
}

#[test]
fn every_kind_of_event_s_data_is_written_as_serde_wrote_it() {
    let mut kinds = BTreeSet::new();
    for k in hand_built_events() {
        assert_eq!(codec::to_string(&k), serde_json::to_string(&k).unwrap());
        assert_eq!(
            codec::to_string_pretty(&k),
            serde_json::to_string_pretty(&k).unwrap()
        );
        kinds.insert(codec::to_string(&k).split('"').nth(3).map(str::to_string));
    }
    for e in many_events() {
        kinds.insert(
            codec::to_string(&e.kind)
                .split('"')
                .nth(3)
                .map(str::to_string),
        );
    }
    // Every variant of Event (29) and SimEvent (12) is among them.
    assert_eq!(kinds.len(), 29 + 12, "{kinds:?}");
}
