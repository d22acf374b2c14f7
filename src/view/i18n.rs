//! Chinese and English. Every string the UI shows comes in both; the
//! vocabulary follows the course notes (领导者、跟随者、候选人、任期、日志、提交、心跳、预投票).
//!
//! House rules for the Chinese side (checked over every Chinese string in
//! `src/` by `tests/zh_wording/`):
//!
//! - **Ticks.** An amount of ticks is 时钟周期: "12 个时钟周期", "一个时钟周期",
//!   "还有 3 个时钟周期" (see [`Lang::ticks`]). A point on the clock is 时刻:
//!   "时刻 40", "在时刻 40", "时刻 40–95". Never "N 个时刻", never "时钟周期 40".
//! - **Citations.** Ongaro & Ousterhout's Raft paper (2014) is 论文: "论文图 2",
//!   "论文 §8", or a bare "§5.3"/"图 8" for its sections and figures. Ongaro's
//!   dissertation (2014) is 博士论文: "博士论文 §4.2.1", "博士论文图 5.3". The
//!   English side says "thesis" exactly where the Chinese says 博士论文. A
//!   section the paper does not have (§3.x, §4.x, §6.x, §9.6 …) is always
//!   the thesis's and always carries 博士论文 / "thesis".
//! - **Field names** stay as Figure 2 spells them, in both languages and
//!   everywhere (narration, inspector, cards): nextIndex, matchIndex,
//!   commitIndex, lastApplied, prevLogIndex, leaderCommit …; RPC names as the
//!   paper spells them (AppendEntries, RequestVote, InstallSnapshot).
//! - **No other English** inside a Chinese string, beyond the allowed terms
//!   listed in `tests/zh_wording/english.rs` (commands such as `put x 1`,
//!   `etcd`, …).

use crate::raft::MessageKind;
use crate::sim::RoleKey;
use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Picks the string for this language.
    pub fn t<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// `en` or `zh` (URL parameter and `<html lang>`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Parses `en`/`zh` (and browser tags such as `zh-CN`, `en-US`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.starts_with("zh") {
            Some(Lang::Zh)
        } else if tag.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The BCP 47 tag for `lang` attributes: `en` or `zh-CN`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// An amount of ticks: "1 tick", "12 ticks", "12 个时钟周期" (a point on
    /// the clock is "tick 40" / "时刻 40" instead; see the module's rules).
    pub fn ticks(self, n: u64) -> String {
        match (self, n) {
            (Lang::En, 1) => "1 tick".to_string(),
            (Lang::En, n) => format!("{n} ticks"),
            (Lang::Zh, n) => format!("{n} 个时钟周期"),
        }
    }

    /// The page title (`document.title`) in this language.
    pub fn page_title(self) -> &'static str {
        self.t("raftlab — Raft, visible", "raftlab — 看得见的 Raft")
    }

    /// The other language (the switch button).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// A role key's name (the status wins over the Raft role).
    pub fn role(self, key: RoleKey) -> &'static str {
        match (key, self) {
            (RoleKey::Follower, Lang::En) => "Follower",
            (RoleKey::Follower, Lang::Zh) => "跟随者",
            (RoleKey::PreCandidate, Lang::En) => "Pre-candidate",
            (RoleKey::PreCandidate, Lang::Zh) => "预候选人",
            (RoleKey::Candidate, Lang::En) => "Candidate",
            (RoleKey::Candidate, Lang::Zh) => "候选人",
            (RoleKey::Leader, Lang::En) => "Leader",
            (RoleKey::Leader, Lang::Zh) => "领导者",
            (RoleKey::Crashed, Lang::En) => "Crashed",
            (RoleKey::Crashed, Lang::Zh) => "已崩溃",
            (RoleKey::Paused, Lang::En) => "Paused",
            (RoleKey::Paused, Lang::Zh) => "已暂停",
        }
    }

    /// A message's name: its kind's, or "heartbeat" for an empty
    /// AppendEntries. Exhaustive: a new [`MessageKind`] needs a translation.
    pub fn message(self, name: MessageName) -> &'static str {
        use MessageKind as K;
        match (name, self) {
            (MessageName::Kind(K::PreVote), Lang::En) => "PreVote",
            (MessageName::Kind(K::PreVote), Lang::Zh) => "预投票请求",
            (MessageName::Kind(K::PreVoteResponse), Lang::En) => "PreVote reply",
            (MessageName::Kind(K::PreVoteResponse), Lang::Zh) => "预投票响应",
            (MessageName::Kind(K::RequestVote), Lang::En) => "RequestVote",
            (MessageName::Kind(K::RequestVote), Lang::Zh) => "投票请求",
            (MessageName::Kind(K::RequestVoteResponse), Lang::En) => "Vote reply",
            (MessageName::Kind(K::RequestVoteResponse), Lang::Zh) => "投票响应",
            (MessageName::Kind(K::AppendEntries), Lang::En) => "AppendEntries",
            (MessageName::Kind(K::AppendEntries), Lang::Zh) => "日志追加",
            (MessageName::Heartbeat, Lang::En) => "Heartbeat",
            (MessageName::Heartbeat, Lang::Zh) => "心跳",
            (MessageName::Kind(K::AppendEntriesResponse), Lang::En) => "Append reply",
            (MessageName::Kind(K::AppendEntriesResponse), Lang::Zh) => "追加响应",
            (MessageName::Kind(K::InstallSnapshot), Lang::En) => "InstallSnapshot",
            (MessageName::Kind(K::InstallSnapshot), Lang::Zh) => "安装快照",
            (MessageName::Kind(K::InstallSnapshotResponse), Lang::En) => "Snapshot reply",
            (MessageName::Kind(K::InstallSnapshotResponse), Lang::Zh) => "快照响应",
            (MessageName::Kind(K::ReadIndex), Lang::En) => "ReadIndex (forwarded read)",
            (MessageName::Kind(K::ReadIndex), Lang::Zh) => "转发的读请求 ReadIndex",
            (MessageName::Kind(K::ReadIndexResponse), Lang::En) => "ReadIndex reply",
            (MessageName::Kind(K::ReadIndexResponse), Lang::Zh) => "读索引响应",
            (MessageName::Kind(K::TimeoutNow), Lang::En) => "TimeoutNow",
            (MessageName::Kind(K::TimeoutNow), Lang::Zh) => "立即超时 TimeoutNow",
        }
    }
}

/// What a message is called on screen: its kind, or a heartbeat (an
/// AppendEntries with no entries, §5.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageName {
    /// A message of this kind.
    Kind(MessageKind),
    /// An empty AppendEntries.
    Heartbeat,
}

impl From<MessageKind> for MessageName {
    fn from(kind: MessageKind) -> MessageName {
        MessageName::Kind(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_and_every_role_and_kind_has_both_languages() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("EN-us"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        for key in RoleKey::ALL {
            assert_ne!(Lang::En.role(key), Lang::Zh.role(key));
        }
        let names = MessageKind::ALL
            .map(MessageName::Kind)
            .into_iter()
            .chain([MessageName::Heartbeat]);
        for name in names {
            assert_ne!(Lang::En.message(name), Lang::Zh.message(name));
        }
        assert_eq!(Lang::Zh.role(RoleKey::Leader), "领导者");
    }

    #[test]
    fn an_amount_of_ticks_is_ticks_or_shi_zhong_zhou_qi() {
        assert_eq!(Lang::En.ticks(1), "1 tick");
        assert_eq!(Lang::En.ticks(12), "12 ticks");
        assert_eq!(Lang::Zh.ticks(12), "12 个时钟周期");
        assert_eq!(Lang::Zh.ticks(1), "1 个时钟周期");
    }

    #[test]
    fn the_page_title_follows_the_language() {
        assert_eq!(Lang::En.page_title(), "raftlab — Raft, visible");
        assert!(Lang::Zh.page_title().contains("看得见的 Raft"));
        assert!(!Lang::Zh.page_title().contains("visible"));
    }
}
