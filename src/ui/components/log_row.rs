//! One node's row of cells in the logs panel (its label is drawn by the
//! panel, outside the horizontal scroller): its cells (term by colour and number,
//! committed solid, uncommitted hatched) and, under them, the markers:
//! C = commitIndex, A = lastApplied and, under a follower's row, the
//! leader's N = nextIndex and M = matchIndex for it. A compacted prefix is
//! one folded block (thesis §5.1) that opens the snapshot's card.
//! Props compare by value, so a row whose log did not change is not re-rendered.

use crate::raft::{Index, NodeId, Term};
use crate::view::i18n::Lang;
use crate::view::log_view::{cell_label, term_color};
use crate::view::snapshot_view::{face, label, SnapshotBlock};
use yew::prelude::*;

/// One cell.
#[derive(Clone, PartialEq)]
pub struct CellData {
    /// Index.
    pub index: Index,
    /// Term.
    pub term: Term,
    /// Short command text.
    pub text: String,
    /// Index ≤ this node's commit index.
    pub committed: bool,
    /// Marked by "show the cause".
    pub cause: bool,
    /// The guided step being shown talks about this cell.
    pub step: bool,
}

/// Everything a row shows.
#[derive(Clone, PartialEq)]
pub struct RowData {
    /// The node.
    pub node: NodeId,
    /// `up`, `crashed` or `paused`.
    pub status: &'static str,
    /// Role name for `data-log-role` (`crashed`/`paused` when not up).
    pub role: &'static str,
    /// First index shown.
    pub start: Index,
    /// The cells shown.
    pub cells: Vec<CellData>,
    /// Last index of its log.
    pub last_index: Index,
    /// commitIndex (`None` when lost in a crash).
    pub commit: Option<Index>,
    /// lastApplied (`None` when lost in a crash).
    pub applied: Option<Index>,
    /// The leader's (nextIndex, matchIndex) for this node.
    pub progress: Option<(Index, Index)>,
    /// Selected index in this row.
    pub selected: Option<Index>,
    /// The selected entry (index, term), to outline its copies.
    pub highlight: Option<(Index, Term)>,
    /// The folded block of its compacted prefix, if any.
    pub snapshot: Option<SnapshotBlock>,
    /// Whether that block's card is open.
    pub snapshot_open: bool,
    /// Language.
    pub lang: Lang,
    /// How nodes are named.
    pub names: crate::view::node_names::NodeNames,
}

/// Props of [`LogRow`].
#[derive(Properties, PartialEq)]
pub struct LogRowProps {
    /// The row.
    pub row: RowData,
}

fn marker(class: &'static str, letter: &'static str, slot: u64, title: String) -> Html {
    html! {
        <span class={classes!("log-marker", class)} style={format!("--slot: {slot}")} title={title.clone()} aria-label={title}>{letter}</span>
    }
}

/// A node's log row.
#[component]
pub fn LogRow(p: &LogRowProps) -> Html {
    crate::ui::render_count::count("LogRow");
    let r = &p.row;
    let l = r.lang;
    let n = r.node;
    let slot_of = |i: Index| i.checked_sub(r.start);
    let mut markers = Vec::new();
    if let Some(c) = r.commit.filter(|&c| c > 0) {
        if let Some(s) = slot_of(c) {
            let t = format!("{} {c}", l.t("commitIndex", "commitIndex（提交索引）"));
            markers.push(marker("commit", "C", s, t));
        }
    }
    if let Some(a) = r.applied.filter(|&a| a > 0) {
        if let Some(s) = slot_of(a) {
            let t = format!("{} {a}", l.t("lastApplied", "lastApplied（已应用索引）"));
            markers.push(marker("applied", "A", s, t));
        }
    }
    if let Some((next, matched)) = r.progress {
        if let Some(s) = slot_of(next) {
            let t = format!(
                "{} {next}",
                l.t(
                    "leader's nextIndex for this node",
                    "领导者为该节点记录的 nextIndex"
                )
            );
            markers.push(marker("next", "N", s, t));
        }
        if let Some(s) = slot_of(matched).filter(|_| matched > 0) {
            let t = format!(
                "{} {matched}",
                l.t(
                    "leader's matchIndex for this node",
                    "领导者为该节点记录的 matchIndex"
                )
            );
            markers.push(marker("match", "M", s, t));
        }
    }
    let cells = r.cells.iter().map(|c| {
        let sel = r.selected == Some(c.index);
        let copy = !sel && r.highlight == Some((c.index, c.term));
        let mut label = cell_label(l, r.names, n, c.index, c.term, &c.text, c.committed);
        if c.cause {
            label.push_str(l.t(" · involved in the violation's cause", " · 与违反的原因有关"));
        }
        let class = classes!(
            "log-cell",
            if c.committed { "committed" } else { "uncommitted" },
            sel.then_some("selected"),
            copy.then_some("copy"),
            c.cause.then_some("cause"),
            c.step.then_some("step-highlight"),
        );
        html! {
            <button key={c.index} class={class} style={format!("--term-color: {}", term_color(c.term))}
                data-log-node={n.to_string()} data-log-index={c.index.to_string()} data-log-term={c.term.to_string()}
                data-committed={c.committed.to_string()} data-cause-cell={c.cause.then_some("true")} data-highlight={c.step.then_some("step")} aria-label={label} aria-pressed={sel.to_string()}
                tabindex={if sel || (r.selected.is_none() && c.index == r.last_index) { "0" } else { "-1" }}>
                <span class="cell-top"><span class="cell-index">{c.index}</span>{" "}<span class="cell-term">{format!("T{}", c.term)}</span></span>
                {" "}<span class="cell-cmd">{c.text.clone()}</span>
            </button>
        }
    });
    let snapshot = r.snapshot.as_ref().map(|b| {
        let class = classes!(
            "log-snapshot",
            (b.slots == 0).then_some("offscreen"),
            r.snapshot_open.then_some("open"),
        );
        html! {
            <button class={class} style={format!("--snap-slots: {}; --term-color: {}", b.slots, term_color(b.term))}
                data-snapshot-node={n.to_string()} data-snapshot-index={b.index.to_string()}
                data-snapshot-term={b.term.to_string()} aria-expanded={r.snapshot_open.to_string()}
                aria-label={label(l, r.names, b)} title={label(l, r.names, b)}>
                if b.slots > 0 {
                    <span class="snap-title">{l.t("snapshot", "快照")}</span>
                    <span class="snap-face">{face(b)}</span>
                }
            </button>
        }
    });
    html! {
        <div class={classes!("log-track", format!("status-{}", r.status))} data-log-row={n.to_string()} data-node-name={r.names.name(n)} data-log-role={r.role}>
            <div class="log-cells">{ snapshot }{ for cells }</div>
            <div class="log-markers">{ markers }</div>
        </div>
    }
}
