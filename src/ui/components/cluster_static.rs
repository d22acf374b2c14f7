//! The static layer of the cluster: background, partition bubbles, links and
//! node circles. Its props hold no clock phase, so it re-renders only when
//! the run, the selection or the language changes — never for a frame in
//! which only messages and timers move (those live in the overlay drawn by
//! [`ClusterView`](super::ClusterView)).

use super::cluster_groups::ClusterGroups;
use super::cluster_link::ClusterLink;
use super::cluster_node::{ClusterNode, Tally};
use crate::raft::{NodeId, Role};
use crate::sim::NodeStatus;
use crate::ui::state::{SimHandle, UiAction};
use crate::view::cluster_view::labels::NodeLabel;
use crate::view::cluster_view::ring::RingLayout;
use crate::view::cluster_view::{
    across_groups, node_radius, partition_groups, role_key, vote_marks, VoteMark,
};
use crate::view::i18n::Lang;
use crate::view::layout::{node_position, VIEW_SIZE};
use crate::view::links::LinkState;
use crate::view::node_names::NodeNames;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ClusterStatic`].
#[derive(Properties, PartialEq)]
pub struct ClusterStaticProps {
    /// The run.
    pub sim: SimHandle,
    /// Its version.
    pub version: u64,
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
    let (lang, names, d) = (p.lang, p.names, &p.dispatch);
    let sim = p.sim.borrow();
    let world = sim.world();
    let tick = world.tick();
    let slots = world.nodes();
    let n = slots.len();
    let r = node_radius(n);
    let net = world.network();
    let manual = world.config().network.manual_delivery;
    let at = |id: u32| node_position((id as usize).wrapping_sub(1).min(n), n);

    // Cut links between the groups of a split network are drawn quieter.
    let groups = if net.cut_links().next().is_some() {
        let ids: Vec<u32> = slots.iter().map(|s| s.node.id()).collect();
        partition_groups(net, &ids)
    } else {
        Vec::new()
    };
    let mut links = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for a in 1..=n as u32 {
        for b in a + 1..=n as u32 {
            links.push(html! {
                <ClusterLink key={a * 16 + b} {a} {b} state={LinkState::of(net, a, b)}
                    pa={at(a)} pb={at(b)} quiet={across_groups(&groups, a, b)} {lang} {names} dispatch={d.clone()} />
            });
        }
    }
    let config = crate::view::membership_view::cluster_config(world);
    // The labels and their layout come from the same version of the run.
    let nodes = slots.iter().zip(p.labels.iter()).zip(p.layout.spots.iter()).map(|((s, label), spot)| {
        let node = &s.node;
        let (id, role) = (node.id(), node.role());
        let up = s.status != NodeStatus::Crashed;
        let tally = (up && matches!(role, Role::PreCandidate | Role::Candidate)).then(|| {
            let marks = vote_marks(node.members(), node.votes());
            Tally {
                granted: marks.iter().filter(|m| **m == VoteMark::Granted).count(),
                marks,
                quorum: node.quorum(),
                pre_vote: role == Role::PreCandidate,
            }
        });
        html! {
            <ClusterNode key={id} {id} at={at(id)} {r} role_key={role_key(s.status, role)} {role}
                term={node.term()} commit={s.commit_index()} voted_for={node.voted_for()} {tally}
                label={label.clone()} spot={*spot} scale={p.scale}
                member={crate::view::membership_view::member_kind(config.as_ref(), id)}
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
    let aria = match lang {
        Lang::En => format!("Cluster of {n} nodes at tick {tick}"),
        Lang::Zh => format!("{n} 个节点的集群，时刻 {tick}"),
    };
    html! {
        <svg class="cluster-svg" viewBox={format!("0 0 {size} {size}")} role="group" aria-label={aria}
             data-testid="cluster" data-manual={manual.to_string()}>
            <rect class="cluster-bg" x="0" y="0" width={size.clone()} height={size} onclick={clear} />
            <ClusterGroups sim={p.sim.clone()} version={p.version} {lang} {r} />
            <g class="links">{links}</g>
            <ClusterGroups sim={p.sim.clone()} version={p.version} {lang} {r} labels=true />
            <g class="nodes">{ for nodes }</g>
        </svg>
    }
}
