//! English inside Chinese: only the words of [`ALLOWED`], and Figure 2's
//! field names spelled as Figure 2 spells them.

use crate::report;
use crate::scan::{all_literals, chinese, is_cjk};

/// English words a Chinese string may carry: Figure 2's field and RPC names,
/// protocol and product names, commands, file formats.
const ALLOWED: &[&str] = &[
    "Raft",
    "etcd",
    "raftlab",
    "CheckQuorum",
    "PreVote",
    "PreCandidate",
    "ReadIndex",
    "TimeoutNow",
    "AppendEntries",
    "RequestVote",
    "InstallSnapshot",
    "nextIndex",
    "matchIndex",
    "commitIndex",
    "lastApplied",
    "votedFor",
    "currentTerm",
    "prevLogIndex",
    "prevLogTerm",
    "leaderCommit",
    "lastLogIndex",
    "lastLogTerm",
    "C_old",
    "C_new",
    "new",
    "put",
    "get",
    "del",
    "hello",
    "world",
    "balance",
    "JSON",
    "SVG",
    "PNG",
    "KB",
    "MB",
    "README",
    "Ctrl",
    "MsgProp",
    "MsgApp",
    "MsgAppResp",
    "WAL",
    "Dynamo",
    "CP",
    "CAP",
    "GC",
    "TN",
    "min",
    "log",
    "term",
    "seed",
    "act",
    "config",
    "step",
    "probe",
    "choices",
    "stale",
    "leader",
    "read",
    "one",
    "way",
    "membership",
    "change",
    "no",
    "op",
    "quorum",
    "prevote",
    "checkquorum",
    "noop",
    "lang",
    "nodes",
    "Space",
    "Esc",
    "Tab",
    "Enter",
    "Shift",
    "Alt",
    "Delete",
    "Backspace",
    "Home",
    "End",
    "PageUp",
    "PageDown",
    "RPC",
    "ID",
    "URL",
    "wasm",
    "WebAssembly",
    "Chromium",
    "Firefox",
    "Safari",
    "Chrome",
    "UTF",
];

/// Files whose strings are deliberately in both languages at once (the
/// panic panel shows both because the language state may be gone).
const BILINGUAL: &[&str] = &["src/ui/panic_panel.rs"];

#[test]
fn chinese_strings_carry_no_other_english() {
    let mut problems = Vec::new();
    for l in chinese(&all_literals()) {
        if BILINGUAL.iter().any(|f| l.at.starts_with(f)) {
            continue;
        }
        // Placeholders ({name}) and quoted code (`put x 1`) are not prose.
        let mut prose = String::new();
        let (mut depth, mut code) = (0, false);
        for c in l.text.chars() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    prose.push(' ');
                }
                '`' => code = !code,
                _ if depth == 0 && !code => prose.push(c),
                _ => {}
            }
        }
        for w in prose.split(|c: char| !(c.is_ascii_alphabetic() || c == '_')) {
            if w.len() >= 2 && !ALLOWED.contains(&w) {
                problems.push(format!(
                    "{}: English word {w:?} inside Chinese: {}",
                    l.at, l.text
                ));
            }
        }
    }
    report(problems, "English inside Chinese strings");
}

#[test]
fn field_names_are_spelled_as_figure_2_spells_them() {
    let mut problems = Vec::new();
    for l in all_literals() {
        for wrong in [
            "NextIndex",
            "MatchIndex",
            "CommitIndex",
            "next_index（",
            "match_index（",
        ] {
            if l.text.contains(wrong) && l.text.chars().any(is_cjk) {
                problems.push(format!("{}: {wrong}: {}", l.at, l.text));
            }
        }
    }
    report(problems, "field names");
}
