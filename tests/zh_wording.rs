//! The Chinese wording rules of `src/view/i18n.rs`, checked over every string
//! literal in `src/`: the thesis is 博士论文 (and "thesis" on the English
//! side), an amount of ticks is 时钟周期 and a point on the clock 时刻, field
//! names as Figure 2 spells them, and no stray English inside a Chinese
//! string. The literals are read from the sources, so a new string is checked
//! the day it is written.

use raftlab::view::cite::in_paper;
use std::path::{Path, PathBuf};

/// One string literal: where it is, its text (escapes kept, `\`-newline
/// continuations folded), and the source just before it.
struct Lit {
    at: String,
    text: String,
    before: String,
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src is readable")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The string literals of a Rust source (comments and chars skipped).
fn literals(path: &Path, src: &str) -> Vec<Lit> {
    let b: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let prev_ident = |i: usize| i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_');
    while i < b.len() {
        let c = b[i];
        if c == '\n' {
            line += 1;
        }
        if c == '/' && b.get(i + 1) == Some(&'/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '\'' {
            // A char literal ('x', '\n', '\'') or a lifetime.
            if b.get(i + 1) == Some(&'\\') {
                i += 4;
                while i < b.len() && b[i - 1] != '\'' {
                    i += 1;
                }
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
            continue;
        }
        let raw = c == 'r' && !prev_ident(i) && matches!(b.get(i + 1), Some('"') | Some('#'));
        if raw || c == '"' {
            let start_line = line;
            let before: String = b[i.saturating_sub(120)..i].iter().collect();
            let mut text = String::new();
            if raw {
                let mut j = i + 1;
                let mut hashes = 0;
                while b[j] == '#' {
                    hashes += 1;
                    j += 1;
                }
                if b[j] != '"' {
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                        break;
                    }
                    if b[j] == '\n' {
                        line += 1;
                    }
                    text.push(b[j]);
                    j += 1;
                }
                i = j + 1 + hashes;
            } else {
                let mut j = i + 1;
                while b[j] != '"' {
                    if b[j] == '\\' {
                        if b[j + 1] == '\n' {
                            j += 1;
                            while b[j].is_whitespace() {
                                if b[j] == '\n' {
                                    line += 1;
                                }
                                j += 1;
                            }
                            continue;
                        }
                        text.push(b[j]);
                        text.push(b[j + 1]);
                        j += 2;
                        continue;
                    }
                    if b[j] == '\n' {
                        line += 1;
                    }
                    text.push(b[j]);
                    j += 1;
                }
                i = j + 1;
            }
            out.push(Lit {
                at: format!("{}:{start_line}", path.display()),
                text,
                before,
            });
            continue;
        }
        i += 1;
    }
    out
}

fn all_literals() -> Vec<Lit> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rs_files(&root, &mut files);
    let mut out = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).expect("source is UTF-8");
        let rel = f
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&f)
            .to_path_buf();
        out.extend(literals(&rel, &src));
    }
    out.extend(scenario_texts(&root.join("scenario/builtin")));
    out
}

/// The texts of the built-in scenario files (`title`, `say`, `ask` lines),
/// as literals: an English line and the Chinese one after it are a pair,
/// as `("en", "zh")` is in the sources.
fn scenario_texts(dir: &Path) -> Vec<Lit> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the built-in scenarios are readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).expect("scenario file is UTF-8");
        let rel = f
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(&f)
            .display()
            .to_string();
        for (n, line) in src.lines().enumerate() {
            let Some((key, text)) = line.split_once(": ") else {
                continue;
            };
            let pair = match key.split_once(' ') {
                Some(("title" | "say" | "ask", "en")) => "",
                Some(("title" | "say" | "ask", "zh")) => "\",",
                _ => continue,
            };
            out.push(Lit {
                at: format!("{rel}:{}", n + 1),
                text: text.to_string(),
                before: pair.to_string(),
            });
        }
    }
    out
}

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

fn chinese(lits: &[Lit]) -> impl Iterator<Item = &Lit> {
    lits.iter().filter(|l| l.text.chars().any(is_cjk))
}

/// Section numbers cited right after `marker` ("论文 §" → "4.2.1").
fn sections_after<'a>(text: &'a str, marker: &str) -> Vec<(usize, &'a str)> {
    text.match_indices(marker)
        .map(|(k, m)| {
            let rest = &text[k + m.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            (k, rest[..end].trim_end_matches('.'))
        })
        .collect()
}

fn report(problems: Vec<String>, rule: &str) {
    assert!(problems.is_empty(), "{rule}:\n{}", problems.join("\n"));
}

#[test]
fn the_scanner_sees_the_strings_it_must_check() {
    let lits = all_literals();
    assert!(
        chinese(&lits).count() > 1000,
        "the scan found too few Chinese strings"
    );
    let tick = lits
        .iter()
        .find(|l| l.text.contains("个时钟周期") && l.at.starts_with("src/view/i18n.rs"));
    assert!(tick.is_some(), "Lang::ticks is scanned");
    let narration = chinese(&lits).filter(|l| l.at.starts_with("src/scenario/builtin/"));
    assert!(
        narration.count() > 300,
        "the built-in scenarios' texts are scanned"
    );
}

#[test]
fn a_thesis_section_in_chinese_says_bo_shi_lun_wen() {
    let mut problems = Vec::new();
    for l in chinese(&all_literals()) {
        for (k, n) in sections_after(&l.text, "论文 §") {
            let thesis = l.text[..k].ends_with("博士");
            if !thesis && !in_paper(n) {
                problems.push(format!("{}: 论文 §{n} is the thesis: 博士论文 §{n}", l.at));
            }
        }
        for (k, n) in sections_after(&l.text, "论文图 ") {
            if n.contains('.') && !l.text[..k].ends_with("博士") {
                problems.push(format!(
                    "{}: 论文图 {n} is the thesis's figure: 博士论文图 {n}",
                    l.at
                ));
            }
        }
        for (k, n) in sections_after(&l.text, "§") {
            let cited = ["论文 ", "、", "，", "§"]
                .iter()
                .any(|p| l.text[..k].ends_with(p));
            if !in_paper(n) && !n.is_empty() && !cited {
                problems.push(format!(
                    "{}: §{n} is the thesis's; write 博士论文 §{n}",
                    l.at
                ));
            }
        }
        if l.text.contains("thesis") || l.text.contains("Figure") {
            problems.push(format!(
                "{}: English citation inside Chinese: {}",
                l.at, l.text
            ));
        }
    }
    report(problems, "thesis citations in Chinese");
}

#[test]
fn english_and_chinese_cite_the_same_document() {
    let lits = all_literals();
    let mut problems = Vec::new();
    for w in lits.windows(2) {
        let (en, zh) = (&w[0], &w[1]);
        let en_is_english = !en.text.chars().any(is_cjk);
        // A pair is two adjacent literals: `l.t("en", "zh")`, `("en", "zh")`.
        let between: String = zh.before.chars().filter(|c| !c.is_whitespace()).collect();
        if !en_is_english || !zh.text.chars().any(is_cjk) || !between.ends_with("\",") {
            continue;
        }
        let en_thesis = en.text.contains("thesis");
        let zh_thesis = zh.text.contains("博士论文");
        let en_cites = en.text.contains('§');
        if en_cites && en_thesis != zh_thesis {
            problems.push(format!("{}: \"{}\" / \"{}\"", zh.at, en.text, zh.text));
        }
    }
    report(
        problems,
        "an English/Chinese pair cites different documents",
    );
}

#[test]
fn english_names_the_thesis_for_its_sections() {
    let mut problems = Vec::new();
    for l in all_literals()
        .iter()
        .filter(|l| !l.text.chars().any(is_cjk))
    {
        // A scenario step's bare rule ("§6.4") is worded by view::cite::rule_chip.
        if l.text.starts_with('§') {
            continue;
        }
        for (k, n) in sections_after(&l.text, "§") {
            let named = ["thesis ", "§", ", ", " and "]
                .iter()
                .any(|p| l.text[..k].ends_with(p));
            if !in_paper(n) && !n.is_empty() && !named {
                problems.push(format!("{}: §{n} is the thesis's: thesis §{n}", l.at));
            }
        }
    }
    report(problems, "thesis sections in English");
}

#[test]
fn an_amount_of_ticks_is_shi_zhong_zhou_qi_and_a_point_is_shi_ke() {
    let mut problems = Vec::new();
    for l in chinese(&all_literals()) {
        let t = &l.text;
        let chars: Vec<char> = t.chars().collect();
        for (k, w) in chars.windows(2).enumerate() {
            if w == ['时', '刻'] && k > 0 {
                // "12 时刻", "{n} 时刻", "12 个时刻", "几个时刻" count; "这个时刻" does not.
                let mut back = chars[..k].iter().rev().filter(|c| **c != ' ');
                let counted_by = |c: Option<&char>| matches!(c, Some(c) if c.is_ascii_digit() || "}几多一两十百".contains(*c));
                let (first, second) = (back.next(), back.next());
                let same_moment = first == Some(&'一') && second == Some(&'同');
                let counted = counted_by(first) && !same_moment;
                if counted || (first == Some(&'个') && counted_by(second)) {
                    problems.push(format!(
                        "{}: a count of 时刻 (write N 个时钟周期): {t}",
                        l.at
                    ));
                }
            }
        }
        for (k, _) in t.match_indices("时钟周期") {
            let after = t[k + "时钟周期".len()..].trim_start();
            if after.starts_with(|c: char| c.is_ascii_digit() || c == '{') || t[..k].ends_with('在')
            {
                problems.push(format!(
                    "{}: a point on the clock is 时刻 N, not 时钟周期 N: {t}",
                    l.at
                ));
            }
        }
        if t.contains("个节点时刻") {
            problems.push(format!("{}: node ticks are counted in 时钟周期: {t}", l.at));
        }
    }
    report(problems, "ticks in Chinese");
}

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

#[test]
fn no_ui_string_cites_the_thesis_in_english_in_both_languages() {
    // A component's literal that says "thesis" is English; it must sit in an
    // English position (`l.t("…", …)`'s first argument or a `Lang::En` arm),
    // not in a `format!` both languages show.
    let mut problems = Vec::new();
    for l in all_literals()
        .into_iter()
        .filter(|l| l.at.starts_with("src/ui/"))
    {
        if l.text.chars().any(is_cjk) || !l.text.contains("thesis §") || l.text.starts_with('§') {
            continue;
        }
        let b: String = l.before.chars().filter(|c| !c.is_whitespace()).collect();
        let english_slot = [
            ".t(",
            "Lang::En=>format!(",
            "Lang::En=>",
            "Lang::En)=>format!(",
            "Lang::En)=>",
            "say!(lang,format!(",
            "say!(lang,",
            "pick(",
        ]
        .iter()
        .any(|slot| b.ends_with(slot));
        if !english_slot {
            let tail: String = b
                .chars()
                .rev()
                .take(40)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            problems.push(format!("{}: {:?} (before: …{tail})", l.at, l.text));
        }
    }
    report(problems, "English citation outside an English slot");
}
