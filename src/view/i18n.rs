//! Chinese and English. Every string the UI shows comes in both; the
//! vocabulary follows the course notes (领导者、跟随者、候选人、任期、日志、提交、心跳、预投票).

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

    /// The other language (the switch button).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// A role's name: `follower`, `precandidate`, `candidate`, `leader`,
    /// `crashed`, `paused`.
    pub fn role(self, role: &str) -> &'static str {
        match (role, self) {
            ("follower", Lang::En) => "Follower",
            ("follower", Lang::Zh) => "跟随者",
            ("precandidate", Lang::En) => "Pre-candidate",
            ("precandidate", Lang::Zh) => "预候选人",
            ("candidate", Lang::En) => "Candidate",
            ("candidate", Lang::Zh) => "候选人",
            ("leader", Lang::En) => "Leader",
            ("leader", Lang::Zh) => "领导者",
            ("crashed", Lang::En) => "Crashed",
            ("crashed", Lang::Zh) => "已崩溃",
            ("paused", Lang::En) => "Paused",
            ("paused", Lang::Zh) => "已暂停",
            (_, Lang::En) => "Unknown",
            (_, Lang::Zh) => "未知",
        }
    }

    /// A message kind's name (`pre-vote`, `request-vote`, `append-entries`, …),
    /// `heartbeat` for an empty AppendEntries.
    pub fn message(self, kind: &str) -> &'static str {
        match (kind, self) {
            ("pre-vote", Lang::En) => "PreVote",
            ("pre-vote", Lang::Zh) => "预投票请求",
            ("pre-vote-resp", Lang::En) => "PreVote reply",
            ("pre-vote-resp", Lang::Zh) => "预投票响应",
            ("request-vote", Lang::En) => "RequestVote",
            ("request-vote", Lang::Zh) => "投票请求",
            ("request-vote-resp", Lang::En) => "Vote reply",
            ("request-vote-resp", Lang::Zh) => "投票响应",
            ("append-entries", Lang::En) => "AppendEntries",
            ("append-entries", Lang::Zh) => "日志追加",
            ("heartbeat", Lang::En) => "Heartbeat",
            ("heartbeat", Lang::Zh) => "心跳",
            ("append-entries-resp", Lang::En) => "Append reply",
            ("append-entries-resp", Lang::Zh) => "追加响应",
            ("read-index", Lang::En) => "ReadIndex (forwarded read)",
            ("read-index", Lang::Zh) => "转发的读请求 ReadIndex",
            ("read-index-resp", Lang::En) => "ReadIndex reply",
            ("read-index-resp", Lang::Zh) => "读索引响应",
            ("timeout-now", Lang::En) => "TimeoutNow",
            ("timeout-now", Lang::Zh) => "立即超时 TimeoutNow",
            ("install-snapshot", Lang::En) => "InstallSnapshot",
            ("install-snapshot", Lang::Zh) => "安装快照",
            ("install-snapshot-resp", Lang::En) => "Snapshot reply",
            ("install-snapshot-resp", Lang::Zh) => "快照响应",
            (_, Lang::En) => "Message",
            (_, Lang::Zh) => "消息",
        }
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
        for role in [
            "follower",
            "precandidate",
            "candidate",
            "leader",
            "crashed",
            "paused",
        ] {
            assert_ne!(Lang::En.role(role), Lang::Zh.role(role));
            assert_ne!(Lang::En.role(role), "Unknown");
        }
        let kinds = [
            "pre-vote",
            "pre-vote-resp",
            "request-vote",
            "request-vote-resp",
            "append-entries",
            "append-entries-resp",
            "install-snapshot",
            "install-snapshot-resp",
            "heartbeat",
            "read-index",
            "read-index-resp",
            "timeout-now",
        ];
        for kind in kinds {
            assert_ne!(Lang::Zh.message(kind), "消息");
        }
        assert_eq!(Lang::Zh.role("leader"), "领导者");
    }
}
