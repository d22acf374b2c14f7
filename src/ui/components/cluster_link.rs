//! One link between nodes `a < b`: a thin line when up, red dashed with a ✕
//! in the middle when cut, and for a one-way link a solid lane with an arrow
//! in the working direction beside a dashed lane for the blocked one. A wide
//! invisible stroke makes it easy to click; a click cycles its state.

use super::cluster::{activate_on_key, num};
use crate::raft::NodeId;
use crate::ui::state::UiAction;
use crate::view::cluster_view::{link_aria, MESSAGE_SIDE};
use crate::view::fixed::Fixed;
use crate::view::i18n::Lang;
use crate::view::layout::Point;
use crate::view::links::LinkState;
use crate::view::node_names::NodeNames;
use yew::prelude::*;

/// Props of [`ClusterLink`].
#[derive(Properties, PartialEq)]
pub struct ClusterLinkProps {
    /// The lower id.
    pub a: NodeId,
    /// The higher id.
    pub b: NodeId,
    /// Its state.
    pub state: LinkState,
    /// Centre of `a`.
    pub pa: Point,
    /// Centre of `b`.
    pub pb: Point,
    /// A cut between two groups of a split network: drawn quieter.
    #[prop_or_default]
    pub quiet: bool,
    /// Language.
    pub lang: Lang,
    /// How nodes are named.
    pub names: NodeNames,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
}

fn line(class: &'static str, p: Point, q: Point) -> Html {
    html! { <line {class} x1={num(p.x)} y1={num(p.y)} x2={num(q.x)} y2={num(q.y)} /> }
}

/// One link.
#[component]
pub fn ClusterLink(p: &ClusterLinkProps) -> Html {
    crate::ui::render_count::count("ClusterLink");
    let (a, b, state) = (p.a, p.b, p.state);
    let (pa, pb) = (p.pa, p.pb);
    let aria = link_aria(p.lang, p.names, a, b, state);
    let cycle = p.dispatch.reform(move |()| UiAction::CycleLink(a, b));
    let onclick = cycle.reform(|_: MouseEvent| ());
    let onkeydown = activate_on_key(cycle);
    let (dx, dy) = (pb.x - pa.x, pb.y - pa.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-6);
    let (ux, uy) = (dx / len, dy / len);
    let mid = Point {
        x: (pa.x + pb.x) / 2.0,
        y: (pa.y + pb.y) / 2.0,
    };
    // A lane is where one direction's messages travel (see `flight_point`):
    // a → b on the `+off` side, b → a on the `-off` side.
    let off = Point {
        x: -uy * MESSAGE_SIDE,
        y: ux * MESSAGE_SIDE,
    };
    let shifted = |q: Point, sign: f64| Point {
        x: q.x + off.x * sign,
        y: q.y + off.y * sign,
    };
    let body = match state {
        LinkState::Up => line("link-line", pa, pb),
        LinkState::Cut => html! {
            <>
                {line("link-line cut", pa, pb)}
                <g class="cut-mark" transform={format!("translate({} {})", Fixed(mid.x, 1), Fixed(mid.y, 1))}>
                    if p.quiet {
                        <circle r="9" />
                        <path d="M-3.5 -3.5 L3.5 3.5 M3.5 -3.5 L-3.5 3.5" />
                    } else {
                        <circle r="14" />
                        <path d="M-6 -6 L6 6 M6 -6 L-6 6" />
                    }
                </g>
            </>
        },
        LinkState::OneWayAB | LinkState::OneWayBA => {
            let forward = state == LinkState::OneWayAB;
            let sign = if forward { 1.0 } else { -1.0 };
            let (l1, l2) = (shifted(pa, sign), shifted(pb, sign));
            let (d1, d2) = (shifted(pa, -sign), shifted(pb, -sign));
            let angle = crate::view::trig::atan2(dy * sign, dx * sign).to_degrees();
            let amid = shifted(mid, sign);
            html! {
                <>
                    {line("link-line live", l1, l2)}
                    {line("link-line dead", d1, d2)}
                    <path class="arrow" d="M-10 -9 L10 0 L-10 9 Z"
                        transform={format!("translate({} {}) rotate({})", Fixed(amid.x, 1), Fixed(amid.y, 1), Fixed(angle, 1))} />
                </>
            }
        }
    };
    html! {
        <g class={classes!("link", state.name(), p.quiet.then_some("quiet"))} data-link={format!("{a}-{b}")}
           data-link-state={state.name()} role="button" tabindex="0" aria-label={aria.clone()}
           {onclick} {onkeydown}>
            <title>{aria}</title>
            {line("link-hit", pa, pb)}
            {body}
        </g>
    }
}
