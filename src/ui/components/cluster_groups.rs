//! Partition bubbles: when cut links split the network, each group of nodes
//! that still talk both ways gets a tinted rounded hull and a label,
//! "Majority 3/5" / "多数派 3/5" or "Minority 2/5" / "少数派 2/5".
//! Re-renders only when the groups change (not every animation frame).

use super::cluster::num;
use crate::view::cluster_view::{bubble_label_point, group_band_path, group_label, Group};
use crate::view::i18n::Lang;
use crate::view::layout::{node_position, Point};
use yew::prelude::*;

/// Arguments of [`cluster_groups`].
pub struct ClusterGroupsProps {
    /// The groups of the split network (empty while whole).
    pub groups: Vec<Group>,
    /// How many nodes the ring has.
    pub n: usize,
    /// Language.
    pub lang: Lang,
    /// The nodes' drawn radius.
    pub r: f64,
    /// Draw the labels (a layer above the links) rather than the bubbles.
    pub labels: bool,
}

/// The bubbles (or their labels) of a split network; nothing when whole.
pub fn cluster_groups(p: &ClusterGroupsProps) -> Html {
    crate::ui::render_count::count("ClusterGroups");
    let (groups, n) = (&p.groups, p.n);
    if groups.is_empty() {
        return html! {};
    }
    let points = |members: &[u32]| -> Vec<Point> {
        members
            .iter()
            .map(|&m| node_position((m as usize).saturating_sub(1), n))
            .collect()
    };
    let items = groups.iter().map(|g| {
        let class = classes!("group", if g.majority { "majority" } else { "minority" });
        if p.labels {
            let at = bubble_label_point(&points(&g.members), n, p.r);
            let text = group_label(p.lang, g, n);
            let w = text.chars().count() as f64 * 11.0 + 24.0;
            html! {
                <g {class} transform={format!("translate({:.1} {:.1})", at.x, at.y)}
                   data-group={if g.majority { "majority" } else { "minority" }}>
                    <rect class="group-pill" x={num(-w / 2.0)} y="-16" width={num(w)} height="32" rx="16" />
                    <text class="group-label">{text}</text>
                </g>
            }
        } else {
            let width = num(2.0 * (p.r + 28.0));
            html! {
                <g {class} aria-hidden="true">
                    <path class="group-hull" d={group_band_path(&g.members, n)} stroke-width={width} />
                </g>
            }
        }
    });
    html! {
        <g class={if p.labels { "group-labels" } else { "groups" }}>{ for items }</g>
    }
}
