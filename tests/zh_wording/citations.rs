//! Citations: a thesis section is 博士论文 § in Chinese and "thesis §" in
//! English, both languages of a pair cite the same document, and a
//! component's English citation sits in an English slot.

use crate::report;
use crate::scan::{all_literals, chinese, is_cjk};
use raftlab::view::cite::in_paper;

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
