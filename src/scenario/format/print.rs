//! Scenario → text: the file a teacher exports (and edits).

use super::words::{print_cond, print_op, print_probe};
use super::{escape, MAGIC, VERSION};
use crate::scenario::Scenario;
use crate::sim::SimConfig;
use std::fmt::Write;

/// `key en: text` and `key zh: text` lines.
fn both(out: &mut String, key: &str, en: &str, zh: &str) {
    for (lang, text) in [("en", en), ("zh", zh)] {
        let _ = writeln!(out, "{key} {lang}: {}", escape(text));
    }
}

/// The file for `sc`; [`super::parse`] reads it back equal.
pub fn print(sc: &Scenario) -> String {
    let mut out = format!("{MAGIC} {VERSION}\nid {}\n", sc.id);
    both(&mut out, "title", sc.title_en, sc.title_zh);
    let plain = SimConfig {
        nodes: sc.config.nodes,
        seed: sc.config.seed,
        ..SimConfig::default()
    };
    if sc.config == plain {
        let _ = writeln!(out, "nodes {}\nseed {}", plain.nodes, plain.seed);
    } else {
        let json = crate::view::share::codec::to_string(&sc.config);
        let _ = writeln!(out, "config {json}");
    }
    for step in &sc.steps {
        out.push_str("\nstep\n");
        both(&mut out, "title", step.title_en, step.title_zh);
        if !step.rule.is_empty() {
            let _ = writeln!(out, "rule {}", escape(step.rule));
        }
        both(&mut out, "say", step.narration_en, step.narration_zh);
        for op in &step.ops {
            let _ = writeln!(out, "{}", print_op(op));
        }
        if let Some(c) = &step.expect {
            let _ = writeln!(out, "expect {}", print_cond(c));
        }
        if let Some(q) = &step.question {
            both(&mut out, "ask", q.prompt_en, q.prompt_zh);
            let choices: Vec<String> = q.choices.iter().map(|a| a.name()).collect();
            let _ = writeln!(
                out,
                "probe {}\nchoices {}",
                print_probe(&q.probe),
                choices.join(" ")
            );
        }
    }
    out
}
