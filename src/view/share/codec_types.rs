//! [`FromJson`]/[`ToJson`] for the configuration and action types a link,
//! run file, trace or scenario file carries, shaped exactly as their
//! `serde` derives (field names, variant names, `#[serde(default)]`
//! fields, `skip_serializing_if`). The core stays free of the codec: it is
//! all here, in the view.

use super::codec::{
    content, field, newtype, one, struct_variant, unit, variant, Bad, Fields, FromJson, ToJson,
};
use super::json::{Json, Writer};
use crate::raft::{
    AppendOutcome, AppendResponse, Command, ConfChange, ConfigEntry, ConflictHint, Entry,
    EntryData, JointConfig, KvStore, LogPosition, MajorityConfig, Membership, Message, PreVoteMode,
    ReadMode, Snapshot, UnsafeSwitch,
};
use crate::sim::{InitialNode, NetworkConfig, ReplicationMode, SimConfig, Target, TimedAction};

/// Unit-only enums: a bare variant name.
macro_rules! unit_enum {
    ($t:ty { $($v:ident),* $(,)? }) => {
        impl FromJson for $t {
            fn from_json(v: &Json) -> Result<Self, Bad> {
                let (name, c) = variant(v)?;
                unit(c)?;
                match name {
                    $(stringify!($v) => Ok(Self::$v),)*
                    _ => Err(Bad),
                }
            }
        }
        impl ToJson for $t {
            fn to_json(&self, w: &mut Writer) {
                w.str(match self { $(Self::$v => stringify!($v),)* });
            }
        }
    };
}

/// Structs with public fields: `req` fields must be present (or be an
/// `Option`), `def` fields are `#[serde(default)]`.
macro_rules! plain_struct {
    ($t:ident { $($f:ident : $kind:ident),* $(,)? }) => {
        impl FromJson for $t {
            fn from_json(v: &Json) -> Result<Self, Bad> {
                let o = Fields::of(v)?;
                Ok($t { $($f: o.$kind(stringify!($f))?,)* })
            }
        }
        impl ToJson for $t {
            fn to_json(&self, w: &mut Writer) {
                w.begin_obj();
                $(field(w, stringify!($f), &self.$f);)*
                w.end_obj();
            }
        }
    };
}

unit_enum!(UnsafeSwitch {
    VoteWithoutLogCheck,
    CommitOldTermByCounting,
    ForgetVoteOnRestart,
    AcceptStaleLeader,
    OneStepMembershipChange,
    StaleLeaderRead,
});
unit_enum!(PreVoteMode { Etcd, Thesis });
unit_enum!(ReplicationMode {
    Async,
    SemiSync,
    Sync,
    Raft
});
unit_enum!(ReadMode {
    Log,
    ReadIndex,
    Lease
});

plain_struct!(LogPosition {
    term: req,
    index: req
});
plain_struct!(TimedAction {
    tick: req,
    action: req
});
plain_struct!(InitialNode {
    term: req,
    log: req
});
plain_struct!(KvStore {
    data: req,
    last_applied: req
});
plain_struct!(JointConfig {
    incoming: req,
    outgoing: req
});
plain_struct!(Membership {
    voters: req,
    learners: req
});
plain_struct!(ConfigEntry {
    change: req,
    membership: req
});
plain_struct!(Entry {
    index: req,
    term: req,
    data: req
});
plain_struct!(Snapshot {
    last_included_index: req,
    last_included_term: req,
    state: req,
    config: req,
    config_index: req,
});
plain_struct!(Message {
    from: req,
    to: req,
    term: req,
    body: req
});
plain_struct!(AppendResponse {
    request_term: req,
    outcome: req,
    read_ctx: def
});
plain_struct!(NetworkConfig {
    latency_min: req,
    latency_max: req,
    loss_permille: req,
    duplicate_permille: req,
    manual_delivery: req,
});
plain_struct!(RaftConfig {
    election_timeout: req,
    heartbeat_interval: req,
    pre_vote: req,
    pre_vote_mode: def,
    check_quorum: req,
    leader_noop: req,
    max_entries_per_message: req,
    unsafe_switches: req,
    compact_threshold: def,
});
use crate::raft::Config as RaftConfig;

impl FromJson for MajorityConfig {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let voters: Vec<u32> = Fields::of(v)?.req("voters")?;
        Ok(MajorityConfig::new(voters))
    }
}

impl ToJson for MajorityConfig {
    fn to_json(&self, w: &mut Writer) {
        w.begin_obj();
        w.key("voters");
        w.begin_arr();
        for n in self.voters() {
            w.elem();
            w.uint(u64::from(n));
        }
        w.end_arr();
        w.end_obj();
    }
}

impl FromJson for SimConfig {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let o = Fields::of(v)?;
        Ok(SimConfig {
            nodes: o.req("nodes")?,
            seed: o.req("seed")?,
            raft: o.req("raft")?,
            network: o.req("network")?,
            replication_mode: o.def("replication_mode")?,
            initial: o.def("initial")?,
        })
    }
}

impl ToJson for SimConfig {
    fn to_json(&self, w: &mut Writer) {
        w.begin_obj();
        field(w, "nodes", &self.nodes);
        field(w, "seed", &self.seed);
        field(w, "raft", &self.raft);
        field(w, "network", &self.network);
        field(w, "replication_mode", &self.replication_mode);
        if !self.initial.is_empty() {
            field(w, "initial", &self.initial);
        }
        w.end_obj();
    }
}

impl FromJson for Target {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let (name, c) = variant(v)?;
        match name {
            "Cluster" => unit(c).map(|()| Target::Cluster),
            "Node" => one(c).map(Target::Node),
            _ => Err(Bad),
        }
    }
}

impl ToJson for Target {
    fn to_json(&self, w: &mut Writer) {
        match self {
            Target::Cluster => w.str("Cluster"),
            Target::Node(n) => newtype(w, "Node", n),
        }
    }
}

impl FromJson for Command {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let (name, c) = variant(v)?;
        let o = Fields::of(content(c)?)?;
        match name {
            "Put" => Ok(Command::Put {
                key: o.req("key")?,
                value: o.req("value")?,
            }),
            "Del" => Ok(Command::Del { key: o.req("key")? }),
            "Get" => Ok(Command::Get { key: o.req("key")? }),
            _ => Err(Bad),
        }
    }
}

impl ToJson for Command {
    fn to_json(&self, w: &mut Writer) {
        match self {
            Command::Put { key, value } => struct_variant(w, "Put", |w| {
                field(w, "key", key);
                field(w, "value", value);
            }),
            Command::Del { key } => struct_variant(w, "Del", |w| field(w, "key", key)),
            Command::Get { key } => struct_variant(w, "Get", |w| field(w, "key", key)),
        }
    }
}

impl FromJson for EntryData {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let (name, c) = variant(v)?;
        match name {
            "Noop" => unit(c).map(|()| EntryData::Noop),
            "Command" => one::<Command>(c).map(EntryData::from),
            "Config" => one::<ConfigEntry>(c).map(EntryData::from),
            _ => Err(Bad),
        }
    }
}

impl ToJson for EntryData {
    fn to_json(&self, w: &mut Writer) {
        match self {
            EntryData::Noop => w.str("Noop"),
            EntryData::Command(c) => newtype(w, "Command", &**c),
            EntryData::Config(c) => newtype(w, "Config", &**c),
        }
    }
}

impl FromJson for ConfChange {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let (name, c) = variant(v)?;
        match name {
            "AddLearner" => one(c).map(ConfChange::AddLearner),
            "Promote" => one(c).map(ConfChange::Promote),
            "Remove" => one(c).map(ConfChange::Remove),
            "ChangeVoters" => one(c).map(ConfChange::ChangeVoters),
            "LeaveJoint" => unit(c).map(|()| ConfChange::LeaveJoint),
            _ => Err(Bad),
        }
    }
}

impl ToJson for ConfChange {
    fn to_json(&self, w: &mut Writer) {
        match self {
            ConfChange::AddLearner(n) => newtype(w, "AddLearner", n),
            ConfChange::Promote(n) => newtype(w, "Promote", n),
            ConfChange::Remove(n) => newtype(w, "Remove", n),
            ConfChange::ChangeVoters(v) => newtype(w, "ChangeVoters", v),
            ConfChange::LeaveJoint => w.str("LeaveJoint"),
        }
    }
}

impl FromJson for ConflictHint {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let (name, c) = variant(v)?;
        let o = Fields::of(content(c)?)?;
        match name {
            "TermConflict" => Ok(ConflictHint::TermConflict {
                first: o.req("first")?,
            }),
            "LogTooShort" => Ok(ConflictHint::LogTooShort {
                last_index: o.req("last_index")?,
            }),
            _ => Err(Bad),
        }
    }
}

impl ToJson for ConflictHint {
    fn to_json(&self, w: &mut Writer) {
        match self {
            ConflictHint::TermConflict { first } => {
                struct_variant(w, "TermConflict", |w| field(w, "first", first))
            }
            ConflictHint::LogTooShort { last_index } => {
                struct_variant(w, "LogTooShort", |w| field(w, "last_index", last_index))
            }
        }
    }
}

impl FromJson for AppendOutcome {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let (name, c) = variant(v)?;
        let o = Fields::of(content(c)?)?;
        match name {
            "Matched" => Ok(AppendOutcome::Matched {
                match_index: o.req("match_index")?,
            }),
            "Rejected" => Ok(AppendOutcome::Rejected {
                prev_log_index: o.req("prev_log_index")?,
                hint: o.req("hint")?,
            }),
            _ => Err(Bad),
        }
    }
}

impl ToJson for AppendOutcome {
    fn to_json(&self, w: &mut Writer) {
        match self {
            AppendOutcome::Matched { match_index } => {
                struct_variant(w, "Matched", |w| field(w, "match_index", match_index))
            }
            AppendOutcome::Rejected {
                prev_log_index,
                hint,
            } => struct_variant(w, "Rejected", |w| {
                field(w, "prev_log_index", prev_log_index);
                field(w, "hint", hint);
            }),
        }
    }
}
