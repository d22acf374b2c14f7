//! The logs panel's maths: which indices are shown (a window of the last
//! entries, so nine long logs stay cheap), short command texts for cells,
//! and the writes a node holds but has not applied yet (the greyed part of
//! its key-value view).

use super::i18n::Lang;
use super::node_names::NodeNames;
use crate::raft::{Command, Index, RaftLog, Term};

/// Entries shown per row unless "show all" is on.
pub const LOG_WINDOW: u64 = 60;
/// Longest command text in a cell, in characters.
const CELL_TEXT_CHARS: usize = 9;

/// The first index shown: the last [`LOG_WINDOW`] indices up to `max_last`
/// (the longest log), or everything from 1 when `show_all`.
pub fn window_start(max_last: Index, show_all: bool) -> Index {
    if show_all {
        1
    } else {
        max_last.saturating_sub(LOG_WINDOW - 1).max(1)
    }
}

/// A command shortened for a cell (`put longkey…`), with `no-op` / `空操作`.
pub fn cell_text(lang: Lang, command: Option<&Command>) -> String {
    let full = match command {
        Some(c) => c.to_string(),
        None => return lang.t("no-op", "空操作").to_string(),
    };
    if full.chars().count() <= CELL_TEXT_CHARS {
        full
    } else {
        let mut s: String = full.chars().take(CELL_TEXT_CHARS - 1).collect();
        s.push('…');
        s
    }
}

/// The term colour variable of a term (`var(--term-3)`): eight colours cycle.
pub fn term_color(term: Term) -> String {
    format!("var(--term-{})", term % 8)
}

/// One write in a log that is not applied yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingWrite {
    /// Its index.
    pub index: Index,
    /// The key.
    pub key: String,
    /// The new value, `None` for a delete.
    pub value: Option<String>,
}

/// Puts and deletes after `applied` (at most `max`, scanning at most 500
/// entries): what the state machine will do once they commit.
pub fn pending_writes(log: &RaftLog, applied: Index, max: usize) -> Vec<PendingWrite> {
    let from = (applied + 1).max(log.first_index());
    let skip = (from - log.first_index()) as usize;
    log.entries()
        .iter()
        .skip(skip)
        .take(500)
        .filter_map(|e| match e.command() {
            Some(Command::Put { key, value }) => Some(PendingWrite {
                index: e.index,
                key: key.clone(),
                value: Some(value.clone()),
            }),
            Some(Command::Del { key }) => Some(PendingWrite {
                index: e.index,
                key: key.clone(),
                value: None,
            }),
            _ => None,
        })
        .take(max)
        .collect()
}

/// The accessible name of a log cell.
pub fn cell_label(
    lang: Lang,
    names: NodeNames,
    node: u32,
    index: Index,
    term: Term,
    text: &str,
    committed: bool,
) -> String {
    // The cell's visible text first (WCAG 2.5.3: the name starts with the
    // label), then the same facts in words.
    let shown = format!("{index} T{term} {text}");
    match lang {
        Lang::En => format!(
            "{shown} · {node} entry {index}, term {term}, {}",
            if committed {
                "committed"
            } else {
                "not committed yet"
            },
            node = names.of(node)
        ),
        Lang::Zh => format!(
            "{shown} · {node} 条目 {index}，任期 {term}，{}",
            if committed {
                "已提交"
            } else {
                "尚未提交"
            },
            node = names.of(node)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::raft::EntryData;

    #[test]
    fn window_shows_the_last_entries() {
        assert_eq!(window_start(0, false), 1);
        assert_eq!(window_start(60, false), 1);
        assert_eq!(window_start(61, false), 2);
        assert_eq!(window_start(500, false), 441);
        assert_eq!(window_start(500, true), 1);
    }

    #[test]
    fn cell_texts_are_short_and_noops_named() {
        assert_eq!(cell_text(Lang::En, None), "no-op");
        assert_eq!(cell_text(Lang::Zh, None), "空操作");
        let put = Command::parse("put x 1").unwrap();
        assert_eq!(cell_text(Lang::En, Some(&put)), "put x 1");
        let long = Command::parse("put averylongkey 12345").unwrap();
        let t = cell_text(Lang::En, Some(&long));
        assert_eq!(t.chars().count(), 9);
        assert!(t.ends_with('…'));
        assert_eq!(term_color(11), "var(--term-3)");
        assert!(
            cell_label(Lang::En, NodeNames::DEFAULT, 1, 7, 3, "put x 1", true)
                .contains("committed")
        );
        assert!(
            cell_label(Lang::Zh, NodeNames::DEFAULT, 1, 7, 3, "put x 1", false)
                .contains("尚未提交")
        );
        assert_eq!(
            cell_label(Lang::En, NodeNames::DEFAULT, 2, 7, 3, "put x 1", true),
            "7 T3 put x 1 · n2 entry 7, term 3, committed",
            "the visible text first"
        );
    }

    #[test]
    fn pending_writes_are_the_unapplied_puts_and_dels() {
        let mut log = RaftLog::default();
        log.append(1, EntryData::Noop);
        for text in ["put x 1", "get x", "del x", "put y 2"] {
            log.append(1, EntryData::from(Command::parse(text).unwrap()));
        }
        let p = pending_writes(&log, 2, 10);
        assert_eq!(
            p,
            vec![
                PendingWrite {
                    index: 4,
                    key: "x".into(),
                    value: None
                },
                PendingWrite {
                    index: 5,
                    key: "y".into(),
                    value: Some("2".into())
                },
            ]
        );
        assert_eq!(pending_writes(&log, 0, 1).len(), 1);
        assert!(pending_writes(&log, 5, 10).is_empty());
        assert!(pending_writes(&log, 99, 10).is_empty());
    }
}
