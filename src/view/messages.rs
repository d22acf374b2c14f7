//! User-facing error texts in both languages, for refused actions and
//! malformed commands.

use super::i18n::Lang;
use crate::raft::{
    CommandError, CompactError, ConfChangeError, ConfigError, MessageFault, MAX_COMMAND_LEN,
    MAX_ENTRIES, MAX_INDEX, MAX_TERM,
};
use crate::sim::{Implausible, InjectError, NodeStatus, SimError};
use crate::view::node_names::NodeNames;

/// A refused simulation action or setting, explained.
pub fn sim_error(lang: Lang, names: NodeNames, e: &SimError) -> String {
    match (lang, e) {
        // The node-naming refusals are worded here, so a node reads by its
        // shown name in both languages; the rest is the core's own text.
        (Lang::En, SimError::NoSuchNode { node }) => {
            format!("there is no node {node}", node = names.of(node))
        }
        (Lang::En, SimError::NodeState { node, status }) => {
            format!("{node} is {}", status.name(), node = names.of(node))
        }
        (Lang::En, SimError::BadInitialState { node }) if *node > 0 => format!(
            "{node}'s starting log must have terms from 1 up that never decrease and do not exceed its current term",
            node = names.of(node)
        ),
        (Lang::En, SimError::Compact { node, error }) => {
            format!("{node}: {error}", node = names.of(node))
        }
        (Lang::En, SimError::Inject(InjectError::NotMember { node })) => format!(
            "injected message names {node}, not a member of the cluster",
            node = names.of(node)
        ),
        (Lang::En, SimError::Transfer(e)) => transfer_error_en(names, e),
        (Lang::En, SimError::Membership(c)) => conf_change_error(lang, names, c),
        (Lang::En, _) => e.to_string(),
        (Lang::Zh, SimError::NodeCountOutOfRange { nodes }) => {
            format!("集群节点数必须在 1 到 9 之间，而不是 {nodes}")
        }
        (Lang::Zh, SimError::Raft(c)) => config_error_zh(c),
        (Lang::Zh, SimError::LatencyOutOfRange { min, max }) => {
            format!("延迟必须满足 1 ≤ 最小值 ≤ 最大值 ≤ 1000（当前 {min}..{max}）")
        }
        (Lang::Zh, SimError::ProbabilityOutOfRange { permille }) => {
            format!("概率必须在 0 到 1000‰ 之间，而不是 {permille}")
        }
        (Lang::Zh, SimError::NoSuchNode { node }) => format!("不存在节点 {node}", node = names.of(node)),
        (Lang::Zh, SimError::NoSuchMessage { id }) => format!("消息 #{id} 已不在网络中"),
        (Lang::Zh, SimError::NodeState { node, status }) => {
            let s = match status {
                NodeStatus::Crashed => "已崩溃",
                NodeStatus::Paused => "已暂停",
                NodeStatus::Up => "正在运行",
            };
            format!("{node} {s}，不能执行此操作", node = names.of(node))
        }
        (Lang::Zh, SimError::BadPartition) => "分区必须恰好包含每个节点一次".to_string(),
        (Lang::Zh, SimError::BadInitialState { node: 0 }) => {
            "起始状态必须恰好为每个节点给出一次".to_string()
        }
        (Lang::Zh, SimError::BadInitialState { node }) => {
            format!("{node} 的起始日志任期必须从 1 开始、不递减，且不超过它的当前任期", node = names.of(node))
        }
        (Lang::Zh, SimError::Compact { node, error }) => match error {
            CompactError::PastApplied { requested, applied } => format!(
                "{node}：不能压缩到索引 {requested}：只有已应用（截至索引 {applied}）的条目才能放入快照"
            , node = names.of(node)),
            CompactError::NothingToCompact {
                requested,
                snapshot_index,
            } => format!(
                "{node}：压缩到索引 {requested} 无事可做：快照已覆盖到索引 {snapshot_index}"
            , node = names.of(node)),
        },
        (
            Lang::Zh,
            SimError::UnorderedActions {
                index,
                tick,
                previous,
            },
        ) => format!(
            "第 {} 个操作（时刻 {tick}）排在时刻 {previous} 的操作之后：操作必须按时刻排序",
            index + 1
        ),
        (Lang::Zh, SimError::TickOutOfRange { tick, head }) => {
            format!("时刻 {tick} 超出了本次运行的最后时刻 {head}")
        }
        (Lang::Zh, SimError::Inject(e)) => inject_error_zh(names, e),
        (Lang::Zh, SimError::LeaseNeedsCheckQuorum) => {
            "租约读需要 CheckQuorum：请先在设置中开启（博士论文 §6.4.1）".to_string()
        }
        (Lang::Zh, SimError::BadReadKey) => {
            "读请求必须指定一个键：1 到 64 个字符，不含空格".to_string()
        }
        (Lang::Zh, SimError::Transfer(e)) => transfer_error_zh(names, e),
        (Lang::Zh, SimError::NoLeader) => "当前没有领导者：请等待选举完成".to_string(),
        (Lang::Zh, SimError::Membership(c)) => conf_change_error_zh(names, c),
    }
}

fn transfer_error_en(names: NodeNames, e: &crate::raft::TransferError) -> String {
    use crate::raft::TransferError;
    match e {
        TransferError::NotLeader { leader: Some(l) } => format!(
            "only the leader transfers leadership; the leader is {l}",
            l = names.of(l)
        ),
        TransferError::UnknownNode { node } => {
            format!("{node} is not a voting member", node = names.of(node))
        }
        TransferError::AlreadyTransferring { target } => format!(
            "a transfer to {target} is already under way",
            target = names.of(target)
        ),
        TransferError::NotLeader { leader: None } | TransferError::ToSelf => e.to_string(),
    }
}

fn transfer_error_zh(names: NodeNames, e: &crate::raft::TransferError) -> String {
    use crate::raft::TransferError;
    match e {
        TransferError::NotLeader { leader: Some(l) } => {
            format!("只有领导者能移交领导权；领导者是 {l}", l = names.of(l))
        }
        TransferError::NotLeader { leader: None } => {
            "只有领导者能移交领导权；目前不知道领导者".to_string()
        }
        TransferError::UnknownNode { node } => {
            format!("{node} 不是有投票权的成员", node = names.of(node))
        }
        TransferError::ToSelf => "目标已经是领导者".to_string(),
        TransferError::AlreadyTransferring { target } => {
            format!("正在向 {target} 移交领导权", target = names.of(target))
        }
    }
}

/// A refused membership change, explained (thesis chapter 4).
pub fn conf_change_error(lang: Lang, names: NodeNames, e: &ConfChangeError) -> String {
    match lang {
        Lang::En => conf_change_error_en(names, e),
        Lang::Zh => conf_change_error_zh(names, e),
    }
}

fn conf_change_error_en(names: NodeNames, e: &ConfChangeError) -> String {
    match e {
        ConfChangeError::NotLeader { leader: Some(l) } => format!(
            "only the leader changes the configuration; try {l}",
            l = names.of(l)
        ),
        ConfChangeError::UnknownNode { node } => {
            format!("{node} is not a member", node = names.of(node))
        }
        ConfChangeError::AlreadyMember { node } => {
            format!("{node} is already a member", node = names.of(node))
        }
        ConfChangeError::NotALearner { node } => {
            format!("{node} is not a learner", node = names.of(node))
        }
        ConfChangeError::NotAMember { node } => format!(
            "{node} must join as a learner before it can vote",
            node = names.of(node)
        ),
        _ => e.to_string(),
    }
}

fn conf_change_error_zh(names: NodeNames, e: &ConfChangeError) -> String {
    match e {
        ConfChangeError::NotLeader { leader: Some(l) } => {
            format!("只有领导者才能变更配置；请找 {l}", l = names.of(l))
        }
        ConfChangeError::NotLeader { leader: None } => {
            "只有领导者才能变更配置；当前不知道领导者".to_string()
        }
        ConfChangeError::NoVoterLeft => "这次变更会导致没有任何投票成员".to_string(),
        ConfChangeError::ChangePending { index } => {
            format!("索引 {index} 处的配置变更尚未提交：一次只能进行一个变更")
        }
        ConfChangeError::InJointConsensus => "正处于联合共识中：请等待 C_new 生效".to_string(),
        ConfChangeError::UnknownNode { node } => {
            format!("{node} 不是集群成员", node = names.of(node))
        }
        ConfChangeError::AlreadyMember { node } => {
            format!("{node} 已经是集群成员", node = names.of(node))
        }
        ConfChangeError::NotALearner { node } => {
            format!("{node} 不是学习者", node = names.of(node))
        }
        ConfChangeError::NotAMember { node } => {
            format!(
                "{node} 必须先作为学习者加入，才能成为投票成员",
                node = names.of(node)
            )
        }
        ConfChangeError::TooManyServers { max } => format!("集群最多 {max} 台服务器"),
        ConfChangeError::NoChange => "投票成员已经是这些".to_string(),
        ConfChangeError::NotJoint => "当前不处于联合共识".to_string(),
    }
}

/// Why a node dropped a malformed message, in `lang`.
pub fn message_fault(lang: Lang, f: &MessageFault) -> String {
    match (lang, f) {
        (Lang::En, _) => f.to_string(),
        (Lang::Zh, MessageFault::SelfAddressed) => "发送者和接收者是同一个节点".to_string(),
        (Lang::Zh, MessageFault::TermTooLarge) => format!("任期超过上限 {MAX_TERM}"),
        (Lang::Zh, MessageFault::IndexTooLarge) => format!("索引超过上限 {MAX_INDEX}"),
        (Lang::Zh, MessageFault::TooManyEntries) => format!("携带的条目超过 {MAX_ENTRIES} 个"),
        (Lang::Zh, MessageFault::NotContiguous { at }) => format!(
            "第 {} 个条目不在 prevLogIndex + {} 处：条目必须连续",
            at + 1,
            at + 1
        ),
        (Lang::Zh, MessageFault::EntryTermOutOfOrder { at }) => {
            format!("第 {} 个条目的任期高于消息的任期或低于前一个条目", at + 1)
        }
        (Lang::Zh, MessageFault::LogTermAboveTerm) => "日志任期高于消息自身的任期".to_string(),
        (Lang::Zh, MessageFault::CommandTooLong) => {
            format!("命令超过 {MAX_COMMAND_LEN} 字节")
        }
    }
}

fn inject_error_zh(names: NodeNames, e: &InjectError) -> String {
    match e {
        InjectError::NotMember { node } => format!(
            "注入的消息提到了 {node}，它不是集群成员",
            node = names.of(node)
        ),
        InjectError::Malformed(f) => {
            format!("注入的消息格式错误：{}", message_fault(Lang::Zh, f))
        }
        InjectError::TooManyEntries { count, limit } => {
            format!("注入的消息携带 {count} 个条目，领导者每次最多发送 {limit} 个")
        }
        InjectError::Implausible(why) => {
            let why = match why {
                Implausible::TermAhead => "它的任期高于发送者的任期",
                Implausible::NotLeaderOfTerm => "发送者从未当过该任期的领导者",
                Implausible::NotSendersLog => "它携带的条目不在发送者的日志中",
                Implausible::CommitAhead => "它的提交索引高于发送者的",
                Implausible::VoteNotCast => "发送者并没有投出这张票",
                Implausible::MatchNotHeld => "两份日志在它声称的位置并不一致",
            };
            format!("注入的消息是伪造的：{why}")
        }
    }
}

fn config_error_zh(e: &ConfigError) -> String {
    match e {
        ConfigError::ElectionTimeoutOutOfRange { ticks } => {
            format!("选举超时 {ticks} 必须在 2 到 10000 个时钟周期之间")
        }
        ConfigError::HeartbeatNotShorterThanElection {
            heartbeat,
            election,
        } => format!("心跳间隔 {heartbeat} 必须小于选举超时 {election}"),
        ConfigError::HeartbeatZero => "心跳间隔至少为 1 个时钟周期".to_string(),
        ConfigError::MaxEntriesOutOfRange { entries } => {
            format!("每条消息携带的日志条目数 {entries} 必须在 1 到 1000 之间")
        }
        ConfigError::CompactThresholdOutOfRange { entries } => format!(
            "自动压缩阈值 {entries} 必须为 0（关闭）或不超过 {} 个条目",
            crate::raft::MAX_COMPACT_THRESHOLD
        ),
    }
}

/// A malformed command, explained.
pub fn command_error(lang: Lang, e: &CommandError) -> String {
    match (lang, e) {
        (Lang::En, _) => e.to_string(),
        (Lang::Zh, CommandError::Empty) => {
            "命令为空：试试 `put x 1`、`get x` 或 `del x`".to_string()
        }
        (Lang::Zh, CommandError::TooLong { len }) => {
            format!("命令长 {len} 字节，上限为 {MAX_COMMAND_LEN}")
        }
        (Lang::Zh, CommandError::UnknownVerb { verb }) => {
            format!("未知命令 `{verb}`：请使用 put、get 或 del")
        }
        (
            Lang::Zh,
            CommandError::WrongArity {
                verb,
                expected,
                got,
            },
        ) => format!("`{verb}` 需要 {expected} 个参数，实际 {got} 个"),
        (Lang::Zh, CommandError::TokenTooLong) => "键和值最多 64 个字符".to_string(),
    }
}

/// A refused bookmark, explained.
pub fn bookmark_error(lang: Lang, e: &crate::view::bookmarks::BookmarkError) -> String {
    use crate::view::bookmarks::{BookmarkError, MAX_BOOKMARKS, MAX_NOTE_CHARS};
    match (lang, e) {
        (Lang::En, _) => format!("Bookmark not added: {e}"),
        (Lang::Zh, BookmarkError::NoteTooLong { chars }) => {
            format!("未添加书签：备注最多 {MAX_NOTE_CHARS} 个字符（当前 {chars} 个）")
        }
        (Lang::Zh, BookmarkError::TooMany) => {
            format!("未添加书签：一次运行最多 {MAX_BOOKMARKS} 个书签")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::Command;

    #[test]
    fn every_error_has_both_languages() {
        let errors = [
            SimError::NodeCountOutOfRange { nodes: 12 },
            SimError::Raft(ConfigError::HeartbeatZero),
            SimError::LatencyOutOfRange { min: 3, max: 1 },
            SimError::ProbabilityOutOfRange { permille: 2000 },
            SimError::NoSuchNode { node: 7 },
            SimError::NoSuchMessage { id: 3 },
            SimError::NodeState {
                node: 2,
                status: NodeStatus::Crashed,
            },
            SimError::BadPartition,
            SimError::TickOutOfRange { tick: 9, head: 3 },
            SimError::LeaseNeedsCheckQuorum,
            SimError::BadReadKey,
            SimError::NoLeader,
            SimError::Transfer(crate::raft::TransferError::UnknownNode { node: 8 }),
            SimError::Transfer(crate::raft::TransferError::NotLeader { leader: Some(2) }),
            SimError::Transfer(crate::raft::TransferError::NotLeader { leader: None }),
            SimError::Transfer(crate::raft::TransferError::ToSelf),
            SimError::Transfer(crate::raft::TransferError::AlreadyTransferring { target: 3 }),
            SimError::UnorderedActions {
                index: 2,
                tick: 4,
                previous: 9,
            },
            SimError::Compact {
                node: 2,
                error: CompactError::PastApplied {
                    requested: 9,
                    applied: 3,
                },
            },
            SimError::Compact {
                node: 2,
                error: CompactError::NothingToCompact {
                    requested: 2,
                    snapshot_index: 4,
                },
            },
        ];
        for e in &errors {
            let (en, zh) = (
                sim_error(Lang::En, crate::view::node_names::NodeNames::DEFAULT, e),
                sim_error(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT, e),
            );
            assert!(!en.is_empty() && !zh.is_empty() && en != zh, "{e:?}");
        }
        let bad = Command::parse("").unwrap_err();
        assert!(command_error(Lang::Zh, &bad).contains("命令为空"));
        assert!(command_error(Lang::En, &bad).contains("empty command"));
    }
}
