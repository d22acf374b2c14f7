//! Teacher-written scenarios: one text file per scenario (documented in
//! `docs/scenario-format.md`). A file says how the cluster starts and, step
//! by step, which operations to run — the same [`Op`](super::Op)s the
//! built-in scenarios use, so it can only act on the simulation, never set
//! its state — with narration in both languages, an optional expectation
//! and an optional question. [`print`] and [`parse`] are inverse: every
//! built-in scenario prints and parses back equal (`tests/scenario_format.rs`).
//!
//! Parsing is total and bounded: every input gives a scenario or a
//! [`FormatError`] with the line at fault; sizes, steps and ticks have limits
//! so a hostile file cannot hang the page.

use crate::view::i18n::Lang;
use std::cell::RefCell;
use std::collections::BTreeSet;

mod parse;
mod print;
mod words;

pub use parse::parse;
pub use print::print;

/// The first line of every file (then the format version).
pub const MAGIC: &str = "raftlab-scenario";
/// The format version this build writes and reads.
pub const VERSION: u32 = 1;
/// The largest file accepted, in bytes.
pub const MAX_BYTES: usize = 256 * 1024;
/// The most steps a scenario may have.
pub const MAX_STEPS: usize = 200;
/// The most operations one step may have.
pub const MAX_OPS: usize = 1000;
/// The most ticks the whole scenario may run (`run` and `until` limits
/// added up; replaying to the last step is O(ticks)).
pub const MAX_TICKS: u64 = 200_000;

/// Whether `text` looks like a scenario file (its first line, after blank
/// lines and comments, names the format).
pub fn looks_like(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .is_some_and(|l| l.starts_with(MAGIC))
}

/// Text of a file kept for the page's lifetime: scenarios hold `&'static
/// str`, as the built-in ones do. Interned, so opening the same file twice
/// keeps one copy; a file is at most [`MAX_BYTES`].
pub(crate) fn intern(s: &str) -> &'static str {
    thread_local! {
        static TEXTS: RefCell<BTreeSet<&'static str>> = const { RefCell::new(BTreeSet::new()) };
    }
    TEXTS.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(&found) = t.get(s) {
            return found;
        }
        let kept: &'static str = Box::leak(s.to_string().into_boxed_str());
        t.insert(kept);
        kept
    })
}

/// What is wrong with a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The file is larger than [`MAX_BYTES`].
    TooLarge(usize),
    /// The first line is not `raftlab-scenario 1`.
    NotAScenario,
    /// Written for a newer format version.
    NewerVersion(u32),
    /// A line starts with a word the format does not have.
    UnknownKeyword(String),
    /// A name (role, message kind, property, …) the format does not have.
    UnknownName(String),
    /// Not a number (or out of range).
    BadNumber(String),
    /// The line ends too early.
    MissingWord,
    /// One word was expected, another found.
    Expected(&'static str, String),
    /// Words left over at the end of the line.
    Unexpected(String),
    /// `act` is not followed by a valid action (JSON, as in saved files).
    BadAction,
    /// `config` is not followed by a valid configuration (JSON).
    BadConfig,
    /// `propose` is not followed by a command (`put x 1`, `get x`, `del x`).
    BadCommand,
    /// Conditions nested too deep.
    TooDeep,
    /// A step line before the first `step`.
    OutsideStep,
    /// More than [`MAX_STEPS`] steps.
    TooManySteps,
    /// More than [`MAX_OPS`] operations in a step.
    TooManyOps,
    /// More than [`MAX_TICKS`] ticks in all.
    TooManyTicks,
    /// No step at all.
    NoSteps,
    /// A question without its `probe`, or choices before it.
    BadQuestion,
    /// A question on the first step (it is asked before its step plays).
    QuestionOnFirstStep,
}

/// A file that could not be read: the line (1-based) and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// The line at fault (1-based; 0 for the whole file).
    pub line: usize,
    /// What is wrong with it.
    pub kind: Kind,
}

impl FormatError {
    /// Explains it in `lang`, naming the line.
    pub fn text(&self, lang: Lang) -> String {
        let what = kind_text(&self.kind, lang);
        match (self.line, lang) {
            (0, Lang::En) => format!("This scenario file cannot be opened: {what}."),
            (0, Lang::Zh) => format!("无法打开这个场景文件：{what}。"),
            (n, Lang::En) => format!("This scenario file cannot be opened: line {n}: {what}."),
            (n, Lang::Zh) => format!("无法打开这个场景文件：第 {n} 行：{what}。"),
        }
    }
}

fn kind_text(k: &Kind, l: Lang) -> String {
    let en = l == Lang::En;
    match k {
        Kind::TooLarge(b) if en => format!("it is {b} bytes, the limit is {MAX_BYTES}"),
        Kind::TooLarge(b) => format!("文件有 {b} 字节，上限是 {MAX_BYTES}"),
        Kind::NotAScenario if en => format!("the first line must be `{MAGIC} {VERSION}`"),
        Kind::NotAScenario => format!("第一行必须是 `{MAGIC} {VERSION}`"),
        Kind::NewerVersion(v) if en => format!("format version {v} is newer than this raftlab's"),
        Kind::NewerVersion(v) => format!("格式版本 {v} 比本 raftlab 的更新"),
        Kind::UnknownKeyword(w) if en => format!("unknown keyword `{w}`"),
        Kind::UnknownKeyword(w) => format!("未知的关键字 `{w}`"),
        Kind::UnknownName(w) if en => format!("unknown name `{w}`"),
        Kind::UnknownName(w) => format!("未知的名称 `{w}`"),
        Kind::BadNumber(w) if en => format!("`{w}` is not a valid number"),
        Kind::BadNumber(w) => format!("`{w}` 不是有效的数字"),
        Kind::MissingWord if en => "the line ends too early".into(),
        Kind::MissingWord => "这一行不完整".into(),
        Kind::Expected(a, b) if en => format!("expected `{a}`, found `{b}`"),
        Kind::Expected(a, b) => format!("应为 `{a}`，实际是 `{b}`"),
        Kind::Unexpected(w) if en => format!("unexpected `{w}` at the end"),
        Kind::Unexpected(w) => format!("行尾多出了 `{w}`"),
        Kind::BadAction if en => "`act` needs an action in JSON".into(),
        Kind::BadAction => "`act` 后面需要 JSON 格式的操作".into(),
        Kind::BadConfig if en => "`config` needs a configuration in JSON".into(),
        Kind::BadConfig => "`config` 后面需要 JSON 格式的配置".into(),
        Kind::BadCommand if en => "not a command (put x 1, get x, del x)".into(),
        Kind::BadCommand => "不是有效的命令（put x 1、get x、del x）".into(),
        Kind::TooDeep if en => "conditions are nested too deep".into(),
        Kind::TooDeep => "条件嵌套太深".into(),
        Kind::OutsideStep if en => "this line belongs inside a `step`".into(),
        Kind::OutsideStep => "这一行必须写在某个 `step` 之内".into(),
        Kind::TooManySteps if en => format!("more than {MAX_STEPS} steps"),
        Kind::TooManySteps => format!("步骤超过 {MAX_STEPS} 个"),
        Kind::TooManyOps if en => format!("more than {MAX_OPS} operations in one step"),
        Kind::TooManyOps => format!("一个步骤中的操作超过 {MAX_OPS} 个"),
        Kind::TooManyTicks if en => format!("the scenario runs more than {MAX_TICKS} ticks"),
        Kind::TooManyTicks => format!("场景运行超过 {MAX_TICKS} 个时钟周期"),
        Kind::NoSteps if en => "the file has no `step`".into(),
        Kind::NoSteps => "文件中没有任何 `step`".into(),
        Kind::BadQuestion if en => "a question needs `probe` before `choices`".into(),
        Kind::BadQuestion => "问题需要先写 `probe` 再写 `choices`".into(),
        Kind::QuestionOnFirstStep if en => {
            "the first step cannot ask (questions come before their step)".into()
        }
        Kind::QuestionOnFirstStep => "第一步不能提问（问题在其步骤播放之前提出）".into(),
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for FormatError {}

/// Escapes text for one line (`\` and line breaks).
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\").replace('\n', "\\n")
}

/// The inverse of [`escape`].
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}
