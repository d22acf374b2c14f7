//! The string literals of `src/` and the texts of the built-in scenario
//! files, as the wording rules read them.

use std::path::{Path, PathBuf};

/// One string literal: where it is, its text (escapes kept, `\`-newline
/// continuations folded), and the source just before it.
pub struct Lit {
    /// `path:line` of the literal's first line.
    pub at: String,
    /// The literal's text.
    pub text: String,
    /// Up to 120 characters of source before it.
    pub before: String,
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

/// Every string literal of `src/`, then the built-in scenarios' texts.
pub fn all_literals() -> Vec<Lit> {
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

/// A CJK unified ideograph (a Chinese character).
pub fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The literals with Chinese in them.
pub fn chinese(lits: &[Lit]) -> impl Iterator<Item = &Lit> {
    lits.iter().filter(|l| l.text.chars().any(is_cjk))
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
