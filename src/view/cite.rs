//! Which document a section cites, and a scenario step's rule chip in the
//! reader's language.
//!
//! Two documents are cited: the Raft paper (Ongaro & Ousterhout, "In Search
//! of an Understandable Consensus Algorithm", 2014) and Ongaro's dissertation
//! ("Consensus: Bridging Theory and Practice", 2014). A scenario step names
//! its rule tersely ("§5.3", "§4.3, Figure 10", "§7; thesis §5.1"); a bare
//! section the paper has is the paper's, a section it lacks (§3.10, §4.2.1,
//! §6.4, §9.6 …) can only be the thesis's. The chip spells that out, so the
//! Chinese reads "博士论文 §9.6" and "图 10", never an English word.

use crate::view::i18n::Lang;

/// The cited document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The Raft paper (2014).
    Paper,
    /// Ongaro's dissertation (2014).
    Thesis,
}

/// The paper's numbered subsections; its top-level sections are §1–§11.
const PAPER_SUBSECTIONS: [&str; 12] = [
    "5.1", "5.2", "5.3", "5.4", "5.4.1", "5.4.2", "5.4.3", "5.5", "5.6", "9.1", "9.2", "9.3",
];

/// Whether the paper has section `number` (without `§`), e.g. "5.4.1" yes,
/// "9.6" no.
pub fn in_paper(number: &str) -> bool {
    match number.parse::<u32>() {
        Ok(top) => (1..=11).contains(&top),
        Err(_) => PAPER_SUBSECTIONS.contains(&number),
    }
}

/// The document a bare section number (without `§`) cites.
pub fn source_of(number: &str) -> Source {
    if in_paper(number) {
        Source::Paper
    } else {
        Source::Thesis
    }
}

/// One part of a rule ("§5.3", "thesis §5.1", "Figure 10") in `lang`.
fn part(lang: Lang, p: &str) -> String {
    let p = p.trim();
    if let Some(n) = p.strip_prefix("Figure ") {
        return match lang {
            Lang::En => format!("Figure {n}"),
            Lang::Zh => format!("图 {n}"),
        };
    }
    let (thesis, number) = match p.strip_prefix("thesis §") {
        Some(n) => (true, n),
        None => match p.strip_prefix('§') {
            Some(n) => (source_of(n) == Source::Thesis, n),
            None => return p.to_string(),
        },
    };
    match (thesis, lang) {
        (false, _) => format!("§{number}"),
        (true, Lang::En) => format!("thesis §{number}"),
        (true, Lang::Zh) => format!("博士论文 §{number}"),
    }
}

/// A step's rule chip: "§4.3, Figure 10" → "thesis §4.3, Figure 10" /
/// "博士论文 §4.3，图 10"; "§7; thesis §5.1" → "§7；博士论文 §5.1".
pub fn rule_chip(lang: Lang, rule: &str) -> String {
    let (comma, semi) = match lang {
        Lang::En => (", ", "; "),
        Lang::Zh => ("，", "；"),
    };
    rule.split(';')
        .map(|group| {
            group
                .split(',')
                .map(|p| part(lang, p))
                .collect::<Vec<_>>()
                .join(comma)
        })
        .collect::<Vec<_>>()
        .join(semi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_the_paper_lacks_are_the_thesis() {
        for n in ["5.2", "5.4.1", "5.4.2", "7", "8", "6", "9.1"] {
            assert_eq!(source_of(n), Source::Paper, "{n}");
        }
        for n in [
            "3.10", "4.2.1", "4.3", "6.2", "6.4", "6.4.1", "9.6", "4.2.3", "12",
        ] {
            assert_eq!(source_of(n), Source::Thesis, "{n}");
        }
    }

    #[test]
    fn a_rule_chip_names_the_thesis_and_has_no_english_in_chinese() {
        assert_eq!(rule_chip(Lang::Zh, "§5.3"), "§5.3");
        assert_eq!(rule_chip(Lang::Zh, "§9.6"), "博士论文 §9.6");
        assert_eq!(rule_chip(Lang::En, "§9.6"), "thesis §9.6");
        assert_eq!(
            rule_chip(Lang::Zh, "§4.3, Figure 10"),
            "博士论文 §4.3，图 10"
        );
        assert_eq!(
            rule_chip(Lang::En, "§4.3, Figure 10"),
            "thesis §4.3, Figure 10"
        );
        assert_eq!(rule_chip(Lang::Zh, "§7; thesis §5.1"), "§7；博士论文 §5.1");
        assert_eq!(rule_chip(Lang::En, "§7; thesis §5.1"), "§7; thesis §5.1");
        assert_eq!(rule_chip(Lang::En, "§5.1"), "§5.1");
    }

    #[test]
    fn every_built_in_step_rule_reads_without_english_in_chinese() {
        for sc in crate::scenario::all() {
            for step in &sc.steps {
                let zh = rule_chip(Lang::Zh, step.rule);
                assert!(
                    !zh.contains("thesis") && !zh.contains("Figure"),
                    "{}: {zh}",
                    sc.id
                );
            }
        }
    }
}
