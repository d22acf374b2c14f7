//! [`FromJson`]/[`ToJson`] for [`Action`] and the message it may inject,
//! shaped as their `serde` derives (see `codec_types`).

use super::codec::{
    content, field, newtype, one, pair, struct_variant, two, unit, variant, Bad, Fields, FromJson,
    ToJson,
};
use super::json::{Json, Writer};
use crate::raft::MessageBody;
use crate::sim::Action;

impl FromJson for MessageBody {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let (name, c) = variant(v)?;
        if name == "TimeoutNow" {
            return unit(c).map(|()| MessageBody::TimeoutNow);
        }
        if name == "AppendEntriesResponse" {
            return one(c).map(MessageBody::AppendEntriesResponse);
        }
        let o = Fields::of(content(c)?)?;
        Ok(match name {
            "RequestVote" => MessageBody::RequestVote {
                pre_vote: o.req("pre_vote")?,
                last_log: o.req("last_log")?,
                leader_transfer: o.def("leader_transfer")?,
            },
            "RequestVoteResponse" => MessageBody::RequestVoteResponse {
                pre_vote: o.req("pre_vote")?,
                vote_granted: o.req("vote_granted")?,
            },
            "AppendEntries" => MessageBody::AppendEntries {
                prev_log: o.req("prev_log")?,
                entries: o.req("entries")?,
                leader_commit: o.req("leader_commit")?,
                read_ctx: o.def("read_ctx")?,
            },
            "InstallSnapshot" => MessageBody::InstallSnapshot {
                snapshot: o.req("snapshot")?,
            },
            "InstallSnapshotResponse" => MessageBody::InstallSnapshotResponse {
                request_term: o.req("request_term")?,
                installed: o.req("installed")?,
                match_index: o.req("match_index")?,
            },
            "ReadIndex" => MessageBody::ReadIndex {
                read_id: o.req("read_id")?,
            },
            "ReadIndexResponse" => MessageBody::ReadIndexResponse {
                read_id: o.req("read_id")?,
                read_index: o.req("read_index")?,
            },
            _ => return Err(Bad),
        })
    }
}

impl ToJson for MessageBody {
    fn to_json(&self, w: &mut Writer) {
        match self {
            MessageBody::RequestVote {
                pre_vote,
                last_log,
                leader_transfer,
            } => struct_variant(w, "RequestVote", |w| {
                field(w, "pre_vote", pre_vote);
                field(w, "last_log", last_log);
                field(w, "leader_transfer", leader_transfer);
            }),
            MessageBody::RequestVoteResponse {
                pre_vote,
                vote_granted,
            } => struct_variant(w, "RequestVoteResponse", |w| {
                field(w, "pre_vote", pre_vote);
                field(w, "vote_granted", vote_granted);
            }),
            MessageBody::AppendEntries {
                prev_log,
                entries,
                leader_commit,
                read_ctx,
            } => struct_variant(w, "AppendEntries", |w| {
                field(w, "prev_log", prev_log);
                field(w, "entries", entries);
                field(w, "leader_commit", leader_commit);
                field(w, "read_ctx", read_ctx);
            }),
            MessageBody::AppendEntriesResponse(r) => newtype(w, "AppendEntriesResponse", r),
            MessageBody::InstallSnapshot { snapshot } => {
                struct_variant(w, "InstallSnapshot", |w| field(w, "snapshot", snapshot))
            }
            MessageBody::InstallSnapshotResponse {
                request_term,
                installed,
                match_index,
            } => struct_variant(w, "InstallSnapshotResponse", |w| {
                field(w, "request_term", request_term);
                field(w, "installed", installed);
                field(w, "match_index", match_index);
            }),
            MessageBody::ReadIndex { read_id } => {
                struct_variant(w, "ReadIndex", |w| field(w, "read_id", read_id))
            }
            MessageBody::ReadIndexResponse {
                read_id,
                read_index,
            } => struct_variant(w, "ReadIndexResponse", |w| {
                field(w, "read_id", read_id);
                field(w, "read_index", read_index);
            }),
            MessageBody::TimeoutNow => w.str("TimeoutNow"),
        }
    }
}

impl FromJson for Action {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        use Action as A;
        let (name, c) = variant(v)?;
        let unit_of = |a: Action| unit(c).map(|()| a);
        Ok(match name {
            "Campaign" => A::Campaign(one(c)?),
            "TickNode" => two(c).map(|(n, t)| A::TickNode(n, t))?,
            "SetTimeout" => two(c).map(|(n, t)| A::SetTimeout(n, t))?,
            "DeliverAll" => unit_of(A::DeliverAll)?,
            "Deliver" => A::Deliver(one(c)?),
            "Drop" => A::Drop(one(c)?),
            "Hold" => A::Hold(one(c)?),
            "Release" => A::Release(one(c)?),
            "Cut" => two(c).map(|(a, b)| A::Cut(a, b))?,
            "CutOneWay" => two(c).map(|(a, b)| A::CutOneWay(a, b))?,
            "Connect" => two(c).map(|(a, b)| A::Connect(a, b))?,
            "ConnectOneWay" => two(c).map(|(a, b)| A::ConnectOneWay(a, b))?,
            "Isolate" => A::Isolate(one(c)?),
            "Partition" => A::Partition(one(c)?),
            "Recover" => unit_of(A::Recover)?,
            "Crash" => A::Crash(one(c)?),
            "Restart" => A::Restart(one(c)?),
            "Pause" => A::Pause(one(c)?),
            "Resume" => A::Resume(one(c)?),
            "Propose" => two(c).map(|(t, cmd)| A::Propose(t, cmd))?,
            "Inject" => A::Inject(Box::new(one(c)?)),
            "SetLoss" => {
                let o = Fields::of(content(c)?)?;
                A::SetLoss {
                    loss: o.req("loss")?,
                    duplicate: o.req("duplicate")?,
                }
            }
            "SetLatency" => {
                let o = Fields::of(content(c)?)?;
                A::SetLatency {
                    min: o.req("min")?,
                    max: o.req("max")?,
                }
            }
            "SetManualDelivery" => A::SetManualDelivery(one(c)?),
            "AddServer" => unit_of(A::AddServer)?,
            "RemoveServer" => A::RemoveServer(one(c)?),
            "Promote" => A::Promote(one(c)?),
            "ChangeVoters" => A::ChangeVoters(one(c)?),
            "SetReplicationMode" => A::SetReplicationMode(one(c)?),
            "Compact" => {
                let o = Fields::of(content(c)?)?;
                A::Compact {
                    node: o.req("node")?,
                    up_to: o.req("up_to")?,
                }
            }
            "SetCompactThreshold" => A::SetCompactThreshold(one(c)?),
            "Read" => {
                let o = Fields::of(content(c)?)?;
                A::Read {
                    target: o.req("target")?,
                    key: o.req("key")?,
                    mode: o.req("mode")?,
                }
            }
            "TransferLeader" => A::TransferLeader(one(c)?),
            _ => return Err(Bad),
        })
    }
}

impl ToJson for Action {
    fn to_json(&self, w: &mut Writer) {
        use Action as A;
        match self {
            A::Campaign(n) => newtype(w, "Campaign", n),
            A::TickNode(n, t) => pair(w, "TickNode", n, t),
            A::SetTimeout(n, t) => pair(w, "SetTimeout", n, t),
            A::DeliverAll => w.str("DeliverAll"),
            A::Deliver(id) => newtype(w, "Deliver", id),
            A::Drop(id) => newtype(w, "Drop", id),
            A::Hold(id) => newtype(w, "Hold", id),
            A::Release(id) => newtype(w, "Release", id),
            A::Cut(a, b) => pair(w, "Cut", a, b),
            A::CutOneWay(a, b) => pair(w, "CutOneWay", a, b),
            A::Connect(a, b) => pair(w, "Connect", a, b),
            A::ConnectOneWay(a, b) => pair(w, "ConnectOneWay", a, b),
            A::Isolate(n) => newtype(w, "Isolate", n),
            A::Partition(groups) => newtype(w, "Partition", groups),
            A::Recover => w.str("Recover"),
            A::Crash(n) => newtype(w, "Crash", n),
            A::Restart(n) => newtype(w, "Restart", n),
            A::Pause(n) => newtype(w, "Pause", n),
            A::Resume(n) => newtype(w, "Resume", n),
            A::Propose(t, c) => pair(w, "Propose", t, c),
            A::Inject(m) => newtype(w, "Inject", &**m),
            A::SetLoss { loss, duplicate } => struct_variant(w, "SetLoss", |w| {
                field(w, "loss", loss);
                field(w, "duplicate", duplicate);
            }),
            A::SetLatency { min, max } => struct_variant(w, "SetLatency", |w| {
                field(w, "min", min);
                field(w, "max", max);
            }),
            A::SetManualDelivery(on) => newtype(w, "SetManualDelivery", on),
            A::AddServer => w.str("AddServer"),
            A::RemoveServer(n) => newtype(w, "RemoveServer", n),
            A::Promote(n) => newtype(w, "Promote", n),
            A::ChangeVoters(v) => newtype(w, "ChangeVoters", v),
            A::SetReplicationMode(m) => newtype(w, "SetReplicationMode", m),
            A::Compact { node, up_to } => struct_variant(w, "Compact", |w| {
                field(w, "node", node);
                field(w, "up_to", up_to);
            }),
            A::SetCompactThreshold(n) => newtype(w, "SetCompactThreshold", n),
            A::Read { target, key, mode } => struct_variant(w, "Read", |w| {
                field(w, "target", target);
                field(w, "key", key);
                field(w, "mode", mode);
            }),
            A::TransferLeader(n) => newtype(w, "TransferLeader", n),
        }
    }
}
