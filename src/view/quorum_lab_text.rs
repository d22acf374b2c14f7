//! The quorum lab's words, in English and Chinese (course notes seed 000:
//! 法定票数读 quorum read). The numbers come from [`super::quorum_lab`].

use super::i18n::Lang;
use super::quorum_lab::{QuorumError, QuorumLab, ReadOutcome, MAX_N};

/// A refused input, said plainly; the lab did not change.
pub fn error_text(lang: Lang, e: &QuorumError) -> String {
    match (e, lang) {
        (QuorumError::NOutOfRange { n }, Lang::En) => {
            format!("n must be between 1 and {MAX_N} replicas, not {n}; nothing changed")
        }
        (QuorumError::NOutOfRange { n }, Lang::Zh) => {
            format!("副本数 n 必须在 1 到 {MAX_N} 之间，而不是 {n}；没有任何改变")
        }
        (QuorumError::WOutOfRange { w, n }, Lang::En) => format!(
            "w must be between 1 and n = {n} (a write cannot go to more replicas than exist), not {w}; nothing changed"
        ),
        (QuorumError::WOutOfRange { w, n }, Lang::Zh) => format!(
            "w 必须在 1 到 n = {n} 之间（写入的副本数不能超过副本总数），而不是 {w}；没有任何改变"
        ),
        (QuorumError::ROutOfRange { r, n }, Lang::En) => format!(
            "r must be between 1 and n = {n} (a read cannot ask more replicas than exist), not {r}; nothing changed"
        ),
        (QuorumError::ROutOfRange { r, n }, Lang::Zh) => format!(
            "r 必须在 1 到 n = {n} 之间（读取的副本数不能超过副本总数），而不是 {r}；没有任何改变"
        ),
        (QuorumError::NoSuchReplica { replica }, Lang::En) => {
            format!("there is no replica {}; nothing changed", replica + 1)
        }
        (QuorumError::NoSuchReplica { replica }, Lang::Zh) => {
            format!("没有第 {} 个副本；没有任何改变", replica + 1)
        }
        (QuorumError::WrongSetSize { chosen, need }, Lang::En) => format!(
            "choose exactly {need} replicas for this (now {chosen}); nothing changed"
        ),
        (QuorumError::WrongSetSize { chosen, need }, Lang::Zh) => {
            format!("请为此恰好选择 {need} 个副本（现在是 {chosen} 个）；没有任何改变")
        }
    }
}

/// The rule for the current n, w, r: overlap guaranteed or not.
pub fn rule_text(lang: Lang, lab: &QuorumLab) -> String {
    let (n, w, r) = (lab.n(), lab.w(), lab.r());
    let sum = r + w;
    match (lab.overlapping(), lang) {
        (true, Lang::En) => format!(
            "r + w = {sum} > n = {n}: any {r} replicas read and any {w} written share at least {} replica(s), so every read sees the newest write",
            sum - n
        ),
        (true, Lang::Zh) => format!(
            "r + w = {sum} > n = {n}：任意读取的 {r} 个副本与任意写入的 {w} 个副本至少有 {} 个相同，所以每次读取都能读到最新的写入",
            sum - n
        ),
        (false, Lang::En) => format!(
            "r + w = {sum} ≤ n = {n}: a read set can miss every replica the write reached, and return a stale value"
        ),
        (false, Lang::Zh) => format!(
            "r + w = {sum} ≤ n = {n}：读取的副本可能与写入的副本完全不相交，从而读到旧值"
        ),
    }
}

/// What the last read returned, and whether it is the newest.
pub fn read_text(lang: Lang, read: &ReadOutcome) -> String {
    let asked = read
        .answers
        .iter()
        .map(|(i, v)| format!("R{}=v{v}", i + 1))
        .collect::<Vec<_>>()
        .join(", ");
    let (got, newest) = (read.returned, read.newest);
    match (read.stale(), lang) {
        (false, Lang::En) => {
            format!("read {asked} → returns v{got}, the newest version: fresh")
        }
        (false, Lang::Zh) => format!("读取 {asked} → 返回 v{got}，是最新版本：读到新值"),
        (true, Lang::En) => format!(
            "read {asked} → returns v{got}, but v{newest} was written: stale (no replica asked has it)"
        ),
        (true, Lang::Zh) => format!(
            "读取 {asked} → 返回 v{got}，但最新写入的是 v{newest}：读到旧值（被读取的副本都没有它）"
        ),
    }
}

/// The lab's explanation paragraph.
pub fn intro(lang: Lang) -> &'static str {
    lang.t(
        "Decentralized replication (Dynamo, course notes seed 000): any replica accepts a write, a write succeeds once w replicas store it, and a read asks r replicas and keeps the newest version it sees. Choose the replicas each write and read uses, then write and read. If r + w > n, every read set overlaps every write set (pigeonhole), so the read returns the newest version — the notes' quorum read with n = 3, w = r = 2. If r + w ≤ n, pick disjoint sets and the read is stale. Raft's majorities are this rule with w = r = ⌊n/2⌋ + 1.",
        "去中心化复制（Dynamo，课程笔记 seed 000）：任意副本都可接受写请求，写入需要 w 个副本确认才算成功，读取要查询 r 个副本并取其中最新的版本。先选择每次写入和读取使用哪些副本，再写入和读取。若 r + w > n，任意读集合与任意写集合必有交集（抽屉原理），读取必然返回最新版本——这就是笔记中 n = 3、w = r = 2 的法定票数读（quorum read）。若 r + w ≤ n，选择两个不相交的集合，就会读到旧值。Raft 的多数派就是 w = r = ⌊n/2⌋ + 1 时的这条规则。",
    )
}
