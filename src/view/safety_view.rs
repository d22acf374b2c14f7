//! Names and statements of the safety properties (Figure 3, plus
//! linearizability), and a violation in a sentence, in both languages.

use super::i18n::Lang;
use crate::sim::{Property, Violation};
use crate::view::node_names::NodeNames;

/// The property's name, e.g. "Log Matching" / "日志匹配".
pub fn title(lang: Lang, p: Property) -> &'static str {
    match p {
        Property::ElectionSafety => lang.t("Election Safety", "选举安全性"),
        Property::LeaderAppendOnly => lang.t("Leader Append-Only", "领导者只追加"),
        Property::LogMatching => lang.t("Log Matching", "日志匹配"),
        Property::LeaderCompleteness => lang.t("Leader Completeness", "领导者完整性"),
        Property::StateMachineSafety => lang.t("State Machine Safety", "状态机安全性"),
        Property::Linearizability => lang.t("Linearizability", "线性一致性"),
    }
}

/// What the property says.
pub fn statement(lang: Lang, p: Property) -> &'static str {
    match p {
        Property::ElectionSafety => lang.t(
            "At most one leader can be elected in a given term.",
            "一个任期内最多只能选出一个领导者。",
        ),
        Property::LeaderAppendOnly => lang.t(
            "A leader never overwrites or deletes entries in its log; it only appends.",
            "领导者从不覆盖或删除自己日志中的条目，只追加新条目。",
        ),
        Property::LogMatching => lang.t(
            "If two logs contain an entry with the same index and term, the logs are identical up through that index.",
            "如果两个日志在同一索引处的条目任期相同，那么两者在该索引之前（含）的所有条目都相同。",
        ),
        Property::LeaderCompleteness => lang.t(
            "If an entry is committed in a term, it is present in the logs of the leaders of all higher terms.",
            "如果某条目在某个任期内已提交，那么它一定出现在所有更高任期的领导者的日志中。",
        ),
        Property::StateMachineSafety => lang.t(
            "If a server has applied an entry at an index, no other server ever applies a different entry at that index.",
            "如果某服务器已在某索引处应用了一个条目，其他服务器绝不会在该索引处应用不同的条目。",
        ),
        Property::Linearizability => lang.t(
            "Every client operation appears to take effect at one instant between its invocation and its response.",
            "每个客户端操作看起来都在其调用与响应之间的某一瞬间生效。",
        ),
    }
}

/// A violation in a sentence: which property, when, who, what.
pub fn violation_text(lang: Lang, names: NodeNames, v: &Violation) -> String {
    let name = title(lang, v.property);
    let cite = v.property.citation();
    let who = names.list(&v.nodes);
    let entries = v
        .entries
        .iter()
        .take(6)
        .map(|(i, t)| format!("{i}@t{t}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut s = match lang {
        Lang::En => format!("{name} violated at tick {} ({cite}): nodes {who}", v.tick),
        Lang::Zh => format!("{name}在时刻 {} 被违反（{cite}）：节点 {who}", v.tick),
    };
    if let Some(t) = v.term {
        s.push_str(&match lang {
            Lang::En => format!("; term {t}"),
            Lang::Zh => format!("；任期 {t}"),
        });
    }
    if !entries.is_empty() {
        s.push_str(&match lang {
            Lang::En => format!("; entries {entries} (index@term)"),
            Lang::Zh => format!("；条目 {entries}（索引@任期）"),
        });
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_property_is_named_and_stated_in_both_languages() {
        for p in Property::ALL {
            assert_ne!(title(Lang::En, p), title(Lang::Zh, p));
            assert_ne!(statement(Lang::En, p), statement(Lang::Zh, p));
            assert!(statement(Lang::En, p).ends_with('.'));
        }
        let v = Violation {
            property: Property::ElectionSafety,
            tick: 120,
            nodes: vec![1, 2],
            entries: vec![(3, 2)],
            term: Some(3),
        };
        assert_eq!(
            violation_text(Lang::En, crate::view::node_names::NodeNames::DEFAULT, &v),
            "Election Safety violated at tick 120 (Figure 3, §5.2): nodes n1, n2; term 3; entries 3@t2 (index@term)"
        );
        assert!(
            violation_text(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT, &v)
                .starts_with("选举安全性在时刻 120 被违反")
        );
    }
}
