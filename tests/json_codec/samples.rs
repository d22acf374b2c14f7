//! One value of every action, message body and log entry the codec writes,
//! down to the edge values (`u64::MAX`, escapes, empty lists).

use raftlab::raft::{
    AppendOutcome, AppendResponse, Command, ConfChange, ConfigEntry, ConflictHint, Entry,
    EntryData, JointConfig, KvStore, LogPosition, Membership, Message, MessageBody, ReadMode,
    Snapshot,
};
use raftlab::sim::{Action, ReplicationMode, Target};
use std::collections::{BTreeMap, BTreeSet};

/// A joint configuration with a learner.
pub fn membership() -> Membership {
    Membership {
        voters: JointConfig {
            incoming: raftlab::raft::MajorityConfig::new([1, 2, 4]),
            outgoing: raftlab::raft::MajorityConfig::new([1, 2, 3]),
        },
        learners: BTreeSet::from([5]),
    }
}

/// One entry of every kind of entry data, at indexes 1, 2, ….
pub fn entries() -> Vec<Entry> {
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
        change(ConfChange::ChangeVoters(BTreeSet::from([1, 2, 4]))),
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

/// One message body of every variant, with each optional part present and absent.
pub fn bodies() -> Vec<MessageBody> {
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

/// One action of every variant (every message body injected).
pub fn actions() -> Vec<Action> {
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
