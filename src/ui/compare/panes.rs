//! The two sides of a comparison, side by side: each pane (`data-pane="a"`,
//! `data-pane="b"`) draws its own run with the usual cluster components and
//! a table of every node's key state; above them, where the runs parted
//! (`data-divergence-tick`) in words built from both runs.

use crate::sim::compare::{facts, Lockstep};
use crate::sim::Simulation;
use crate::ui::components::ClusterView;
use crate::ui::props::ViewProps;
use crate::ui::state::SimHandle;
use crate::view::compare_text::{
    divergence_lines, divergence_title, leader_text, role_word, same_so_far, setting_text,
};
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;
use yew::prelude::*;

/// Arguments of [`compare_panes`].
pub struct ComparePanesProps {
    /// Side A's props (the run itself).
    pub view: ViewProps,
    /// Side B.
    pub b: SimHandle,
    /// The pair.
    pub lock: Lockstep,
    /// Fraction of the way to the next tick.
    pub phase: f64,
    /// No motion.
    pub reduced_motion: bool,
}

fn state_table(l: Lang, names: NodeNames, sim: &Simulation) -> Html {
    let rows = facts(sim.world()).into_iter().map(|f| {
        html! {
            <tr data-row-node={f.id.to_string()} data-role={f.role.name()}>
                <th scope="row">{names.name(f.id)}</th>
                <td>{role_word(l, f.role)}</td>
                <td>{f.term}</td>
                <td>{format!("{}·T{}", f.last_index, f.last_term)}</td>
                <td>{f.commit}</td>
            </tr>
        }
    });
    html! {
        <table class="compare-state">
            <thead><tr>
                <th scope="col">{l.t("node", "节点")}</th>
                <th scope="col">{l.t("role", "角色")}</th>
                <th scope="col">{l.t("term", "任期")}</th>
                <th scope="col">{l.t("log end", "日志末尾")}</th>
                <th scope="col">{l.t("commit", "提交")}</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// Both panes and the divergence above them.
pub fn compare_panes(p: &ComparePanesProps) -> Html {
    let (l, names) = (p.view.lang, p.view.names);
    let knob = p.lock.knob();
    let d = p.lock.divergence();
    let summary = match d {
        Some(d) => html! {
            <div class="compare-divergence" data-divergence-tick={d.tick.to_string()} role="status">
                <strong>{divergence_title(l, d)}</strong>
                <ul>{ for divergence_lines(l, names, d).into_iter().map(|s| html! { <li>{s}</li> }) }</ul>
            </div>
        },
        None => html! {
            <div class="compare-divergence same" role="status">
                {same_so_far(l, p.view.sim.borrow().tick())}
            </div>
        },
    };
    let refused = p.lock.refused();
    let pane = |side: &'static str, view: ViewProps, footer: bool| {
        let sim = view.sim.borrow();
        let head = format!(
            "{side} — {} · {}",
            setting_text(l, knob, sim.initial_config()),
            leader_text(l, names, sim.world())
        );
        let table = state_table(l, names, &sim);
        drop(sim);
        html! {
            <section class="compare-pane" data-pane={side.to_ascii_lowercase()} aria-label={head.clone()}>
                <h3 class="compare-head">{head}</h3>
                <div class="compare-body">
                    {table}
                    <ClusterView {view} phase={p.phase} reduced_motion={p.reduced_motion} {footer} />
                </div>
            </section>
        }
    };
    let b_view = ViewProps {
        sim: p.b.clone(),
        ..p.view.clone()
    };
    html! {
        <div class="compare" data-testid="compare" data-compare-setting={knob.name()}>
            {summary}
            if refused > 0 {
                <p class="compare-refused">{match l {
                    Lang::En => format!("{refused} actions were taken by one side only (the other refused them)."),
                    Lang::Zh => format!("有 {refused} 个操作只被一侧执行（另一侧拒绝了）。"),
                }}</p>
            }
            <div class="compare-panes">
                {pane("A", p.view.clone(), true)}
                {pane("B", b_view, false)}
            </div>
        </div>
    }
}
