//! Node aliases (issue 12): the names scenarios declare for their nodes
//! (`scenario::names`) and the one mapping the view names nodes by
//! (`view::node_names`). Every declaration must fit its scenario's cluster,
//! and a scenario that declares names narrates with those names only.

use raftlab::scenario;
use raftlab::view::i18n::Lang;
use raftlab::view::node_names::NodeNames;

/// Every text of a scenario a class reads: title, step titles, narration
/// and question prompts, both languages.
fn texts(sc: &scenario::Scenario) -> Vec<&'static str> {
    let mut out = vec![sc.title_en, sc.title_zh];
    for s in &sc.steps {
        out.extend([s.title_en, s.title_zh, s.narration_en, s.narration_zh]);
        if let Some(q) = &s.question {
            out.extend([q.prompt_en, q.prompt_zh]);
        }
    }
    out
}

/// The default names (`n1`…`n9`) standing as words in `text`.
fn default_names_in(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for i in 0..chars.len() {
        let before_ok = i == 0 || !chars[i - 1].is_ascii_alphanumeric();
        let digit = chars.get(i + 1).is_some_and(|c| ('1'..='9').contains(c));
        let after_ok = chars.get(i + 2).is_none_or(|c| !c.is_ascii_alphanumeric());
        if chars[i] == 'n' && before_ok && digit && after_ok {
            found.push(format!("n{}", chars[i + 1]));
        }
    }
    found
}

#[test]
fn every_declaration_names_each_node_of_its_scenario_once() {
    let ids = scenario::ids();
    for (id, names) in scenario::names::DECLARED {
        assert!(ids.contains(id), "names declared for unknown scenario {id}");
        let sc = scenario::find(id).unwrap();
        let nodes = sc.config.nodes as usize;
        if let Err(e) = NodeNames::new(names, nodes) {
            panic!("{id}: {}", e.text(Lang::En));
        }
        assert_eq!(sc.node_names().aliases(), *names, "{id}");
    }
    let declared: Vec<&str> = scenario::names::DECLARED
        .iter()
        .map(|(id, _)| *id)
        .collect();
    let mut unique = declared.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), declared.len(), "a scenario is declared twice");
}

#[test]
fn figure_8_shows_s1_to_s5_and_the_others_keep_n1() {
    for id in ["figure-8", "figure-8-unsafe", "figure-8-noop"] {
        let names = scenario::find(id).unwrap().node_names();
        let shown: Vec<String> = (1..=5).map(|n| names.name(n)).collect();
        assert_eq!(shown, ["S1", "S2", "S3", "S4", "S5"], "{id}");
        // A server added in a fork of the run keeps its default name.
        assert_eq!(names.name(6), "n6");
    }
    let abc = scenario::find("leader-crash").unwrap().node_names();
    assert_eq!(abc.list(&[1, 2, 3]), "A, B, C");
    let f7 = scenario::find("figure-7").unwrap().node_names();
    assert_eq!(f7.list(&[1, 2, 7]), "L, (a), (f)");
    for id in [
        "election-basics",
        "partition",
        "joint-consensus",
        "why-consensus",
    ] {
        let names = scenario::find(id).unwrap().node_names();
        assert!(names.is_default(), "{id}");
        assert_eq!(names.name(1), "n1");
    }
    assert!(scenario::node_names("no-such-scenario", 5).is_default());
}

#[test]
fn a_scenario_with_aliases_never_narrates_n1() {
    let mut checked = 0;
    for sc in scenario::all() {
        if sc.node_names().is_default() {
            continue;
        }
        checked += 1;
        for t in texts(&sc) {
            let found = default_names_in(t);
            assert!(found.is_empty(), "{}: {found:?} in {t:?}", sc.id);
        }
    }
    assert_eq!(checked, scenario::names::DECLARED.len());
}

#[test]
fn the_word_scan_finds_default_names_only() {
    assert_eq!(default_names_in("n1 and n12, put n1x, (n3)"), ["n1", "n3"]);
    assert!(default_names_in("S1–S5, nextIndex n0").is_empty());
}

#[test]
fn a_declaration_that_does_not_fit_the_cluster_is_refused() {
    // Not a runtime panic: the lookup falls back to the default names.
    assert!(scenario::node_names("figure-8", 3).is_default());
    assert!(!scenario::node_names("figure-8", 5).is_default());
}
