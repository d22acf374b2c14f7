//! What the polite live region says: elections won, commits, crashes,
//! restarts and link changes, in the current language, throttled so a fast
//! clock gives one short summary instead of a flood.
//!
//! Built only from what the simulation already recorded: its timeline
//! marks (`sim::Mark`: a leader elected, the cluster's highest commit index
//! advancing, a crash, a restart, a link change) and, for a link, the
//! `LinkChanged` events of that tick. Nothing here decides anything about
//! the protocol.

use super::i18n::Lang;
use crate::raft::{Index, NodeId, Term};
use crate::sim::{Mark, MarkKind, SimEvent, TraceEvent, TraceKind};
use crate::view::node_names::NodeNames;

/// One thing worth saying.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Announcement {
    /// `node` won the election for `term`.
    Elected {
        /// The new leader.
        node: NodeId,
        /// Its term.
        term: Term,
    },
    /// The cluster's commit index reached `index`.
    Committed {
        /// The new highest commit index.
        index: Index,
    },
    /// A node crashed.
    Crashed(NodeId),
    /// A node restarted.
    Restarted(NodeId),
    /// A link changed. `both`: both directions changed the same way in the
    /// same tick (then `from < to`).
    Link {
        /// Sender side.
        from: NodeId,
        /// Receiver side.
        to: NodeId,
        /// Up now?
        up: bool,
        /// Both directions.
        both: bool,
    },
}

/// The announcements in `marks` (new timeline marks, oldest first); a link
/// mark is told from the `LinkChanged` events among `events` at its tick.
pub fn collect(marks: &[Mark], events: &[&TraceEvent]) -> Vec<Announcement> {
    let mut out = Vec::new();
    for m in marks {
        match m.kind {
            MarkKind::Elected { term } => out.push(Announcement::Elected { node: m.node, term }),
            MarkKind::Commit { index } => out.push(Announcement::Committed { index }),
            MarkKind::Crash => out.push(Announcement::Crashed(m.node)),
            MarkKind::Restart => out.push(Announcement::Restarted(m.node)),
            MarkKind::Link => out.extend(link_changes(m.tick, events)),
        }
    }
    out
}

/// The link changes of one tick, a change of both directions folded.
fn link_changes(tick: u64, events: &[&TraceEvent]) -> Vec<Announcement> {
    let changes: Vec<(NodeId, NodeId, bool)> = events
        .iter()
        .filter(|e| e.tick == tick)
        .filter_map(|e| match e.kind {
            TraceKind::Sim(SimEvent::LinkChanged { from, to, up }) => Some((from, to, up)),
            _ => None,
        })
        .collect();
    let mut out: Vec<Announcement> = Vec::new();
    for (i, &(from, to, up)) in changes.iter().enumerate() {
        let reverse = changes.iter().position(|&c| c == (to, from, up));
        match reverse {
            Some(j) if j < i => continue, // told with its pair
            Some(_) => out.push(Announcement::Link {
                from: from.min(to),
                to: from.max(to),
                up,
                both: true,
            }),
            None => out.push(Announcement::Link {
                from,
                to,
                up,
                both: false,
            }),
        }
    }
    out
}

/// One announcement as a phrase.
pub fn phrase(lang: Lang, names: NodeNames, a: &Announcement) -> String {
    match (*a, lang) {
        (Announcement::Elected { node, term }, Lang::En) => {
            format!(
                "{node} won the election for term {term} and leads",
                node = names.of(node)
            )
        }
        (Announcement::Elected { node, term }, Lang::Zh) => {
            format!(
                "{node} 赢得任期 {term} 的选举，成为领导者",
                node = names.of(node)
            )
        }
        (Announcement::Committed { index }, Lang::En) => format!("committed up to index {index}"),
        (Announcement::Committed { index }, Lang::Zh) => format!("已提交到索引 {index}"),
        (Announcement::Crashed(n), Lang::En) => format!("{n} crashed", n = names.of(n)),
        (Announcement::Crashed(n), Lang::Zh) => format!("{n} 崩溃了", n = names.of(n)),
        (Announcement::Restarted(n), Lang::En) => format!("{n} restarted", n = names.of(n)),
        (Announcement::Restarted(n), Lang::Zh) => format!("{n} 已重启", n = names.of(n)),
        (Announcement::Link { from, to, up, both }, _) => {
            let arrow = if both { "–" } else { "→" };
            match (lang, up) {
                (Lang::En, false) => format!(
                    "link {from}{arrow}{to} cut",
                    from = names.of(from),
                    to = names.of(to)
                ),
                (Lang::En, true) => format!(
                    "link {from}{arrow}{to} restored",
                    from = names.of(from),
                    to = names.of(to)
                ),
                (Lang::Zh, false) => format!(
                    "链路 {from}{arrow}{to} 已断开",
                    from = names.of(from),
                    to = names.of(to)
                ),
                (Lang::Zh, true) => format!(
                    "链路 {from}{arrow}{to} 已恢复",
                    from = names.of(from),
                    to = names.of(to)
                ),
            }
        }
    }
}

/// At most this many announcements are read one by one; more become a
/// summary.
pub const LISTED: usize = 3;

/// The live region's text for `items` (oldest first): each phrase, or
/// past [`LISTED`] a count per kind with the latest leader and the highest
/// commit. `None` when there is nothing to say.
pub fn text(lang: Lang, names: NodeNames, items: &[Announcement]) -> Option<String> {
    if items.is_empty() {
        return None;
    }
    let sep = lang.t(". ", "。");
    let end = lang.t(".", "。");
    if items.len() <= LISTED {
        let phrases: Vec<String> = items.iter().map(|a| phrase(lang, names, a)).collect();
        return Some(format!("{}{end}", phrases.join(sep)));
    }
    let mut parts = Vec::new();
    let elected = items
        .iter()
        .filter(|a| matches!(a, Announcement::Elected { .. }))
        .count();
    if let Some(Announcement::Elected { node, term }) = items
        .iter()
        .rev()
        .find(|a| matches!(a, Announcement::Elected { .. }))
    {
        parts.push(match lang {
            Lang::En => format!(
                "{elected} election(s) won, {node} leads term {term}",
                node = names.of(node)
            ),
            Lang::Zh => format!(
                "{elected} 次选举产生领导者，{node} 领导任期 {term}",
                node = names.of(node)
            ),
        });
    }
    let commits = items.iter().filter_map(|a| match a {
        Announcement::Committed { index } => Some(*index),
        _ => None,
    });
    if let Some(top) = commits.clone().max() {
        let k = commits.count();
        parts.push(match lang {
            Lang::En => format!("{k} commit(s), up to index {top}"),
            Lang::Zh => format!("{k} 次提交，已提交到索引 {top}"),
        });
    }
    let count = |f: fn(&Announcement) -> bool| items.iter().filter(|a| f(a)).count();
    let crashes = count(|a| matches!(a, Announcement::Crashed(_)));
    let restarts = count(|a| matches!(a, Announcement::Restarted(_)));
    let links = count(|a| matches!(a, Announcement::Link { .. }));
    for (k, en, zh) in [
        (crashes, "crash(es)", "次崩溃"),
        (restarts, "restart(s)", "次重启"),
        (links, "link change(s)", "次链路变化"),
    ] {
        if k > 0 {
            parts.push(match lang {
                Lang::En => format!("{k} {en}"),
                Lang::Zh => format!("{k} {zh}"),
            });
        }
    }
    Some(format!("{}{end}", parts.join(lang.t("; ", "；"))))
}

/// The least time between two announcements, in milliseconds.
pub const MIN_GAP_MS: f64 = 1500.0;

/// Holds announcements back so the region speaks at most every
/// [`MIN_GAP_MS`]. Times are handed in (milliseconds), so it is pure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Throttle {
    pending: Vec<Announcement>,
    last_ms: Option<f64>,
}

impl Throttle {
    /// Queues new announcements.
    pub fn push(&mut self, items: impl IntoIterator<Item = Announcement>) {
        self.pending.extend(items);
    }

    /// Forgets what is queued (the run was replaced or went back in time).
    pub fn clear(&mut self) {
        self.pending.clear();
    }

    /// The queued announcements if it is time to say them at `now_ms`.
    pub fn take_due(&mut self, now_ms: f64) -> Option<Vec<Announcement>> {
        if self.pending.is_empty() || self.wait_ms(now_ms) > 0.0 {
            return None;
        }
        self.last_ms = Some(now_ms);
        Some(std::mem::take(&mut self.pending))
    }

    /// Milliseconds until the queue may be said (0 when it may now).
    pub fn wait_ms(&self, now_ms: f64) -> f64 {
        self.last_ms
            .map_or(0.0, |last| (last + MIN_GAP_MS - now_ms).max(0.0))
    }

    /// Anything queued?
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }
}

#[cfg(test)]
mod tests;
