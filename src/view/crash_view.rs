//! What a crashed node shows for its volatile state. commitIndex and
//! lastApplied are volatile (Figure 2): a crash loses them and the restart
//! rebuilds them from the leader (or from the snapshot). The simulation says
//! whether a node has them ([`crate::sim::NodeSlot::commit_index`]); this
//! words the answer once, for the ring, the inspector and the log rows.

use crate::raft::Index;
use crate::view::i18n::Lang;

/// A volatile index as shown: the number, or "—" with why it is missing.
pub fn volatile_text(lang: Lang, value: Option<Index>) -> String {
    match value {
        Some(i) => i.to_string(),
        None => lang
            .t("— (lost in the crash)", "—（随崩溃丢失）")
            .to_string(),
    }
}

/// The short facts beside a node's log row: "term 3 · C 5 · A 5", or for a
/// crashed node "term 3 · C — · log on disk" (its log and term are
/// persistent; its commit index is gone).
pub fn row_facts(lang: Lang, term: u64, commit: Option<Index>, applied: Option<Index>) -> String {
    let t = lang.t("term", "任期");
    match (commit, applied) {
        (Some(c), Some(a)) => format!("{t} {term} · C {c} · A {a}"),
        _ => format!("{t} {term} · C — · {}", lang.t("log on disk", "日志在磁盘")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_crashed_node_has_no_commit_index_anywhere() {
        assert_eq!(volatile_text(Lang::En, Some(4)), "4");
        assert_eq!(volatile_text(Lang::En, None), "— (lost in the crash)");
        assert_eq!(volatile_text(Lang::Zh, None), "—（随崩溃丢失）");
        assert_eq!(
            row_facts(Lang::En, 3, Some(5), Some(4)),
            "term 3 · C 5 · A 4"
        );
        assert_eq!(
            row_facts(Lang::En, 3, None, None),
            "term 3 · C — · log on disk"
        );
        assert_eq!(
            row_facts(Lang::Zh, 3, None, None),
            "任期 3 · C — · 日志在磁盘"
        );
    }
}
