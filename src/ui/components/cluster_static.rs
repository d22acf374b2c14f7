//! The static layer of the cluster: background, partition bubbles, links and
//! node circles. It draws only [`StaticFacts`] (roles, terms, votes, links,
//! groups) and holds no clock phase, so it re-renders only when those facts,
//! the selection or the language change — never for a frame in which only
//! messages and timers move (those live in the overlay drawn by
//! [`ClusterView`](super::ClusterView)).

use super::cluster_groups::{cluster_groups, ClusterGroupsProps};
use super::cluster_link::ClusterLink;
use super::cluster_node::{ClusterNode, Tally};
use crate::raft::NodeId;
use crate::ui::state::UiAction;
use crate::view::cluster_view::labels::NodeLabel;
use crate::view::cluster_view::ring::RingLayout;
use crate::view::cluster_view::statics::StaticFacts;
use crate::view::cluster_view::{across_groups, node_radius};
use crate::view::i18n::Lang;
use crate::view::layout::{node_position, VIEW_SIZE};
use crate::view::node_names::NodeNames;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ClusterStatic`].
#[derive(Properties, PartialEq)]
pub struct ClusterStaticProps {
    /// What it shows (compared by value: a frame that changed none of it
    /// does not re-render the layer).
    pub facts: Rc<StaticFacts>,
    /// Language.
    pub lang: Lang,
    /// How nodes are named.
    pub names: NodeNames,
    /// The selected node, if any.
    pub selected_node: Option<NodeId>,
    /// Nodes the guided step being shown talks about.
    #[prop_or_default]
    pub step_nodes: Vec<NodeId>,
    /// Whether anything is selected (a click on the background clears it).
    pub any_selected: bool,
    /// Every node's label lines, in node order.
    pub labels: Rc<Vec<NodeLabel>>,
    /// Where they sit.
    pub layout: Rc<RingLayout>,
    /// Text scale of the labels.
    pub scale: f64,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
}

/// Links and nodes.
#[component]
pub fn ClusterStatic(p: &ClusterStaticProps) -> Html {
    crate::ui::render_count::count("ClusterStatic");
    let (lang, names, d) = (p.lang, p.names, &p.dispatch);
    let facts = &p.facts;
    let n = facts.nodes.len();
    let r = node_radius(n);
    let manual = facts.manual;
    let at = |id: u32| node_position((id as usize).wrapping_sub(1).min(n), n);

    // Cut links between the groups of a split network are drawn quieter.
    let groups = &facts.groups;
    let mut links = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for a in 1..=n as u32 {
        for b in a + 1..=n as u32 {
            links.push(html! {
                <ClusterLink key={a * 16 + b} {a} {b} state={facts.link(a, b)}
                    pa={at(a)} pb={at(b)} quiet={across_groups(groups, a, b)} {lang} {names} dispatch={d.clone()} />
            });
        }
    }
    // The labels and their layout come from the same facts.
    let nodes = facts.nodes.iter().zip(p.labels.iter()).zip(p.layout.spots.iter()).map(|((f, label), spot)| {
        let id = f.id;
        let tally = f.tally.as_ref().map(|t| Tally {
            granted: t.granted,
            marks: t.marks.clone(),
            quorum: t.quorum,
            pre_vote: t.pre_vote,
        });
        html! {
            <ClusterNode key={id} {id} at={at(id)} {r} role_key={f.key} role={f.role}
                term={f.term} commit={f.commit} voted_for={f.voted_for} {tally}
                label={label.clone()} spot={*spot} scale={p.scale}
                member={f.member}
                selected={p.selected_node == Some(id)} step={p.step_nodes.contains(&id)} {lang} {names} dispatch={d.clone()} />
        }
    });
    let clear = {
        let (d, any) = (d.clone(), p.any_selected);
        Callback::from(move |_: MouseEvent| {
            if any {
                d.emit(UiAction::Select(None))
            }
        })
    };
    let size = VIEW_SIZE.to_string();
    // (No tick in the name: the clock beside the controls says it, and a
    // name that changed every tick would re-render this layer every frame.)
    let aria = match lang {
        Lang::En => format!("Cluster of {n} nodes"),
        Lang::Zh => format!("{n} 个节点的集群"),
    };
    html! {
        <svg class="cluster-svg" viewBox={format!("0 0 {size} {size}")} role="group" aria-label={aria}
             data-testid="cluster" data-manual={manual.to_string()}>
            <rect class="cluster-bg" x="0" y="0" width={size.clone()} height={size} onclick={clear} />
            { cluster_groups(&ClusterGroupsProps { groups: groups.clone(), n, lang, r, labels: false }) }
            <g class="links">{links}</g>
            { cluster_groups(&ClusterGroupsProps { groups: groups.clone(), n, lang, r, labels: true }) }
            <g class="nodes">{ for nodes }</g>
        </svg>
    }
}
