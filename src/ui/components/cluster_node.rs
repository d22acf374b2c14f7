//! One node of the ring: its role by colour *and* shape (ring style, badge
//! letter, crown for the leader, ✕ when crashed, ⏸ when paused), its id,
//! term and vote, and a (pre-)candidate's tally (its pulse and timer are drawn by the parent).

use super::cluster::{activate_on_key, num};
use crate::raft::{Index, NodeId, Role, Term};
use crate::sim::RoleKey;
use crate::ui::state::{Selection, UiAction};
use crate::view::cluster_view::labels::{LabelSpot, NodeLabel};
use crate::view::cluster_view::{node_aria, role_badge, VoteMark};
use crate::view::fixed::Fixed;
use crate::view::i18n::Lang;
use crate::view::layout::Point;
use crate::view::membership_view::MemberKind;
use crate::view::node_names::NodeNames;
use yew::prelude::*;

/// A (pre-)candidate's votes so far.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    /// One mark per member, in id order.
    pub marks: Vec<VoteMark>,
    /// How many said yes (itself included).
    pub granted: usize,
    /// How many make a majority.
    pub quorum: usize,
    /// Pre-votes rather than votes.
    pub pre_vote: bool,
}

/// Props of [`ClusterNode`].
#[derive(Properties, PartialEq)]
pub struct ClusterNodeProps {
    /// The node.
    pub id: NodeId,
    /// Its centre.
    pub at: Point,
    /// Its drawn radius.
    pub r: f64,
    /// The role key (`data-role`): the role, or crashed / paused.
    pub role_key: RoleKey,
    /// The Raft role underneath.
    pub role: Role,
    /// Current term.
    pub term: Term,
    /// Commit index (`None` while crashed: lost with the volatile state).
    pub commit: Option<Index>,
    /// Whom it voted for this term.
    pub voted_for: Option<NodeId>,
    /// The tally, while a (pre-)candidate.
    pub tally: Option<Tally>,
    /// Voter, learner or outside the configuration (thesis chapter 4).
    pub member: MemberKind,
    /// Its label lines.
    pub label: NodeLabel,
    /// Where they sit ([`crate::view::cluster_view::ring::RingLayout`]).
    pub spot: LabelSpot,
    /// Text scale of the lines.
    pub scale: f64,
    /// Selected?
    pub selected: bool,
    /// The guided step being shown talks about this node.
    #[prop_or_default]
    pub step: bool,
    /// Language.
    pub lang: Lang,
    /// How nodes are named.
    pub names: NodeNames,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
}

const CROWN: &str = "M-20 0 L-22 -20 L-10 -9 L0 -24 L10 -9 L22 -20 L20 0 Z";

/// One node.
#[component]
pub fn ClusterNode(p: &ClusterNodeProps) -> Html {
    crate::ui::render_count::count("ClusterNode");
    let (id, r, key, lang) = (p.id, p.r, p.role_key, p.lang);
    let aria = node_aria(lang, p.names, id, key, p.role, p.term);
    let toggle = {
        let (d, selected) = (p.dispatch.clone(), p.selected);
        Callback::from(move |()| {
            let sel = (!selected).then_some(Selection::Node(id));
            d.emit(UiAction::Select(sel))
        })
    };
    let onclick = toggle.reform(|_: MouseEvent| ());
    let onkeydown = activate_on_key(toggle);
    let badge_at = r * 0.72;
    let badge = match key {
        RoleKey::Crashed => html! {
            <g class="badge" transform={format!("translate({} {})", Fixed(badge_at, 1), Fixed(-badge_at, 1))}>
                <circle r="15" />
                <path class="glyph-stroke" d="M-6 -6 L6 6 M6 -6 L-6 6" />
            </g>
        },
        RoleKey::Paused => html! {
            <g class="badge" transform={format!("translate({} {})", Fixed(badge_at, 1), Fixed(-badge_at, 1))}>
                <circle r="15" />
                <rect class="glyph-fill" x="-6" y="-7" width="4" height="14" />
                <rect class="glyph-fill" x="2" y="-7" width="4" height="14" />
            </g>
        },
        RoleKey::Follower | RoleKey::PreCandidate | RoleKey::Candidate | RoleKey::Leader => html! {
            <g class="badge" transform={format!("translate({} {})", Fixed(badge_at, 1), Fixed(-badge_at, 1))}>
                <circle r="15" />
                <text class="badge-text">{role_badge(lang, key)}</text>
            </g>
        },
    };
    let leader = key == RoleKey::Leader;
    // A learner (thesis §4.2.1) is drawn as a rounded square in its own colour.
    let learner = p.member == MemberKind::Learner;
    let data_role = if learner && key == RoleKey::Follower {
        "learner"
    } else {
        key.name()
    };
    let body = if learner {
        let side = r * 1.7;
        html! { <rect class="body" x={num(-side / 2.0)} y={num(-side / 2.0)} width={num(side)} height={num(side)} rx="14" /> }
    } else {
        html! { <circle class="body" r={num(r)} /> }
    };
    // The tally: one dot per member on an arc over the node's top.
    let tally = p.tally.as_ref().map(|t| {
        let radius = r + 26.0;
        let step = 18.0 / radius;
        let first =
            -std::f64::consts::FRAC_PI_2 - step * (t.marks.len().saturating_sub(1) as f64) / 2.0;
        html! {
            <g class="tally" aria-hidden="true">
                { for t.marks.iter().enumerate().map(|(i, m)| {
                    let a = first + step * i as f64;
                    let (x, y) = (radius * crate::view::trig::cos(a), radius * crate::view::trig::sin(a));
                    html! {
                        <g class={m.class()} transform={format!("translate({} {})", Fixed(x, 1), Fixed(y, 1))}>
                            <circle r="7" />
                            if *m == VoteMark::Denied {
                                <path d="M-4 -4 L4 4 M4 -4 L-4 4" />
                            }
                        </g>
                    }
                }) }
            </g>
        }
    });
    // The label block: role line, then term, vote or tally, membership.
    let align = p.spot.align.svg();
    let mut ys = p.spot.line_ys(p.label.line_count(), p.scale);
    let x = num(p.spot.x);
    let role_y = ys.next().unwrap_or(0.0);
    let lines = p
        .label
        .lines()
        .zip(ys)
        .map(|((text, class), y)| {
            html! { <text class={classes!(class, "label-line")} x={x.clone()} y={num(y)} text-anchor={align}>{text.to_owned()}</text> }
        })
        .collect::<Html>();
    let voted = p.voted_for.map(|v| v.to_string()).unwrap_or_default();
    let id_size = if r >= 50.0 { 28 } else { 24 };
    let classes = classes!(
        "node",
        key.name(),
        p.member.name(),
        p.selected.then_some("selected"),
        p.step.then_some("step-highlight")
    );
    let transform = format!("translate({} {})", Fixed(p.at.x, 1), Fixed(p.at.y, 1));
    // Two layers: the control (shapes only, named by `aria`) and its drawn
    // labels beside it, hidden from assistive technology — so the name a
    // screen reader hears is the one the labels say, starting with "n1"
    // (WCAG 2.5.3), without the badge letter glued into it.
    html! {
        <>
        <g class={classes.clone()} transform={transform.clone()}
           data-node-id={id.to_string()} data-node-name={p.names.name(id)} data-role={data_role} data-term={p.term.to_string()}
           data-voter={(p.member == MemberKind::Voter).to_string()} data-member={p.member.name()}
           data-commit={p.commit.map(|c| c.to_string()).unwrap_or_default()} data-voted-for={voted}
           data-highlight={p.step.then_some("step")}
           role="button" tabindex="0" aria-label={aria.clone()} aria-pressed={p.selected.to_string()}
           onclick={onclick.clone()} {onkeydown}>
            <title>{aria}</title>
            <circle class="select-ring" r={num(r + 17.0)} />
            {body}
            if leader {
                <circle class="inner-ring" r={num(r - 7.0)} />
                <path class="crown" d={CROWN} transform={format!("translate(0 {})", Fixed(-(r + 6.0), 1))} />
            }
            {tally}
        </g>
        <g class={classes!(classes, "node-labels")} {transform} aria-hidden="true" {onclick}>
            <text class="node-id" font-size={id_size.to_string()}>{p.names.name(id)}</text>
            {badge}
            <text class="node-role label-line" x={x.clone()} y={num(role_y)} text-anchor={align}>{p.label.role.clone()}</text>
            {lines}
        </g>
        </>
    }
}
