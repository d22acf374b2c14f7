//! What a refused link or file says, in both languages: what was wrong with
//! it and what the page shows instead ([`Kept`]), never more or less.

use super::budget::{MEMORY_BUDGET, WORK_BUDGET};
use super::{ShareError, Source, MAX_ACTIONS, MAX_TICK, VERSION};
use crate::view::i18n::Lang;
use crate::view::messages::sim_error;

/// What the page shows after refusing a link or file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kept {
    /// The run that was open stays open (an import, a link opened later).
    CurrentRun,
    /// The default cluster was opened (a bad link at start-up).
    DefaultCluster,
    /// The cluster set by the URL's query parameters was opened.
    QueryCluster,
}

fn why(e: &ShareError) -> (String, String) {
    match e {
        ShareError::Malformed => (
            "is malformed: it is not a raftlab link or file".to_string(),
            "格式错误：它不是 raftlab 的链接或文件".to_string(),
        ),
        ShareError::Truncated => (
            "is truncated: it was cut off, perhaps when it was copied".to_string(),
            "不完整：它被截断了，可能是复制时没有复制全".to_string(),
        ),
        ShareError::TooLarge { bytes, limit } => (
            format!(
                "is too large ({} KB; the limit is {} KB)",
                bytes.div_ceil(1024),
                limit / 1024
            ),
            format!(
                "太大了（{} KB，上限为 {} KB）",
                bytes.div_ceil(1024),
                limit / 1024
            ),
        ),
        ShareError::NewerVersion { version } => (
            format!("was made by a newer version of raftlab (format v{version}; this one reads up to v{VERSION}): open it with a newer raftlab"),
            format!("是由更新版本的 raftlab 生成的（格式 v{version}，当前版本最多只能读取 v{VERSION}）：请用更新的 raftlab 打开"),
        ),
        ShareError::Invalid(err) | ShareError::Replay(err) => (
            format!("describes a run that cannot be replayed: {}", sim_error(Lang::En, crate::view::node_names::NodeNames::DEFAULT, err)),
            format!("描述的运行无法重放：{}", sim_error(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT, err)),
        ),
        ShareError::TooManyActions { count } => (
            format!("holds too many actions ({count}; the limit is {MAX_ACTIONS})"),
            format!("包含的操作太多（{count} 个，上限为 {MAX_ACTIONS}）"),
        ),
        ShareError::BadTick { tick } => (
            format!("asks for tick {tick}, out of order or beyond the limit of {MAX_TICK}"),
            format!("要求的时刻 {tick} 顺序错误或超出上限 {MAX_TICK}"),
        ),
        ShareError::BadAction { index } => (
            format!("holds an impossible action (number {})", index + 1),
            format!("包含一个不可能的操作（第 {} 个）", index + 1),
        ),
        ShareError::BadMessage { index, error } => {
            let e = crate::sim::SimError::Inject(*error);
            (
                format!("holds a bad hand-written message (action {}): {}", index + 1, sim_error(Lang::En, crate::view::node_names::NodeNames::DEFAULT, &e)),
                format!("包含一条错误的手写消息（第 {} 个操作）：{}", index + 1, sim_error(Lang::Zh, crate::view::node_names::NodeNames::DEFAULT, &e)),
            )
        }
        ShareError::OverBudget { work, node_ticks } => (
            format!(
                "would take too long to replay ({work} work units, {node_ticks} node-ticks; the budget is {WORK_BUDGET}, a few seconds)"
            ),
            format!(
                "重放耗时过长（{work} 个工作单位、{node_ticks} 个“节点 × 时钟周期”；上限为 {WORK_BUDGET}，约几秒钟）"
            ),
        ),
        ShareError::BadBookmark { index } => (
            format!(
                "holds a bad bookmark (number {}): beyond the run, a note over {} characters, or more than {} bookmarks",
                index + 1,
                crate::view::bookmarks::MAX_NOTE_CHARS,
                crate::view::bookmarks::MAX_BOOKMARKS
            ),
            format!(
                "包含一个错误的书签（第 {} 个）：超出了运行范围、备注超过 {} 个字符，或书签多于 {} 个",
                index + 1,
                crate::view::bookmarks::MAX_NOTE_CHARS,
                crate::view::bookmarks::MAX_BOOKMARKS
            ),
        ),
        ShareError::TooMuchMemory { bytes } => (
            format!(
                "could need too much memory to replay (up to {} MB; the budget is {} MB)",
                bytes.div_ceil(1 << 20),
                MEMORY_BUDGET >> 20
            ),
            format!(
                "重放可能需要过多内存（最多 {} MB，上限为 {} MB）",
                bytes.div_ceil(1 << 20),
                MEMORY_BUDGET >> 20
            ),
        ),
    }
}

/// The user-facing message for a refused link or file, in `lang`: what was
/// wrong with it, then what the page shows instead.
pub fn refusal_text(lang: Lang, source: Source, e: &ShareError, kept: Kept) -> String {
    let (what_en, what_zh) = match source {
        Source::Link => ("This share link", "这个分享链接"),
        Source::File => ("This file", "这个文件"),
    };
    let (why_en, why_zh) = why(e);
    let (kept_en, kept_zh) = match kept {
        Kept::CurrentRun => ("The current run was kept.", "当前的运行保持不变。"),
        Kept::DefaultCluster => (
            "The default cluster was opened instead.",
            "已改为打开默认集群。",
        ),
        Kept::QueryCluster => (
            "The cluster set by the URL parameters was opened instead.",
            "已改为打开网址参数设定的集群。",
        ),
    };
    match lang {
        Lang::En => format!("{what_en} {why_en}. {kept_en}"),
        Lang::Zh => format!("{what_zh}{why_zh}。{kept_zh}"),
    }
}

/// [`refusal_text`] for a link refused at start-up with no query
/// parameters: the default cluster was opened.
pub fn error_text(lang: Lang, source: Source, e: &ShareError) -> String {
    refusal_text(lang, source, e, Kept::DefaultCluster)
}

/// What Share says when it cannot give out a link for this run.
pub fn share_refused_text(lang: Lang, e: &ShareError) -> String {
    let (why_en, why_zh) = why(e);
    match lang {
        Lang::En => format!(
            "No link for this run: as a link it {why_en}. Export it as a file to keep it (Export file below)."
        ),
        Lang::Zh => format!(
            "无法为这次运行生成链接：作为链接，它{why_zh}。请用下方的“导出文件”保存它。"
        ),
    }
}

/// What Share says when it left the run's future out of the link.
pub fn without_future_text(lang: Lang, tick: u64) -> String {
    match lang {
        Lang::En => format!(
            "The run with its future is too long for a link, so this link ends at tick {tick}, the moment on screen. Export file keeps the whole run."
        ),
        Lang::Zh => format!(
            "连同之后的部分，这次运行太长，无法放进链接；因此链接在时刻 {tick}（屏幕上的这一刻）结束。“导出文件”会保存完整的运行。"
        ),
    }
}
