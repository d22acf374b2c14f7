//! The cluster legend: what each role, message glyph and link style means,
//! drawn with the same shapes and classes as the cluster itself. It only
//! re-renders when the language changes.

use crate::raft::MessageKind;
use crate::sim::RoleKey;
use crate::view::cluster_view::role_badge;
use crate::view::fixed::Fixed;
use crate::view::i18n::{Lang, MessageName};
use yew::prelude::*;

/// Props of [`ClusterLegend`].
#[derive(Properties, PartialEq)]
pub struct ClusterLegendProps {
    /// Language.
    pub lang: Lang,
}

fn role_icon(l: Lang, key: RoleKey) -> Html {
    let glyph = match key {
        RoleKey::Crashed => html! { <path class="glyph-stroke" d="M-5 -5 L5 5 M5 -5 L-5 5" /> },
        RoleKey::Paused => html! {
            <>
                <rect class="glyph-fill" x="-5" y="-6" width="3.5" height="12" />
                <rect class="glyph-fill" x="1.5" y="-6" width="3.5" height="12" />
            </>
        },
        RoleKey::Follower | RoleKey::PreCandidate | RoleKey::Candidate | RoleKey::Leader => {
            html! { <text class="badge-text">{role_badge(l, key)}</text> }
        }
    };
    html! {
        <svg class="legend-icon" viewBox="-20 -20 40 40" aria-hidden="true">
            <g class={classes!("node", key.name(), "mini")}>
                <circle class="body" r="14" />
                if key == RoleKey::Leader { <circle class="inner-ring" r="9" /> }
                {glyph}
            </g>
        </svg>
    }
}

fn msg_icon(class: &'static str, label: &'static str, extra: Option<&'static str>) -> Html {
    let w = (label.chars().count() as f64 * 9.5 + 14.0).max(32.0);
    html! {
        <svg class="legend-icon wide" viewBox="-34 -16 68 32" aria-hidden="true">
            <g class={classes!(class, extra)}>
                if label.is_empty() {
                    <circle class="shape" r="8" />
                } else {
                    <rect class="shape" x={format!("{}", Fixed(-w / 2.0, 1))} y="-12" width={format!("{}", Fixed(w, 1))} height="24" rx="12" />
                    <text class="msg-label">{label}</text>
                }
            </g>
        </svg>
    }
}

fn link_icon(state: &'static str) -> Html {
    html! {
        <svg class="legend-icon wide" viewBox="-34 -16 68 32" aria-hidden="true">
            <g class={classes!("link", state)}>
                if state == "cut" {
                    <line class="link-line cut" x1="-32" y1="0" x2="32" y2="0" />
                    <g class="cut-mark"><circle r="10" /><path d="M-4 -4 L4 4 M4 -4 L-4 4" /></g>
                } else {
                    <line class="link-line live" x1="-32" y1="-5" x2="32" y2="-5" />
                    <line class="link-line dead" x1="-32" y1="5" x2="32" y2="5" />
                    <path class="arrow" d="M-7 -11 L7 -5 L-7 1 Z" />
                }
            </g>
        </svg>
    }
}

fn item(icon: Html, text: &str) -> Html {
    html! { <li>{icon}<span>{text.to_string()}</span></li> }
}

/// The legend.
#[component]
pub fn ClusterLegend(p: &ClusterLegendProps) -> Html {
    let l = p.lang;
    html! {
        <section class="cluster-legend" aria-label={l.t("Legend", "图例")}>
            <ul class="legend-roles">
                { for RoleKey::ALL.into_iter().map(|k| item(role_icon(l, k), l.role(k))) }
            </ul>
            <ul class="legend-msgs">
                {item(msg_icon("msg pv", "PV", None), l.message(MessageName::Kind(MessageKind::PreVote)))}
                {item(msg_icon("msg rv", "RV", None), l.message(MessageName::Kind(MessageKind::RequestVote)))}
                {item(msg_icon("msg ae", "AE 2", None), l.t("AppendEntries (2 entries)", "日志追加（2 个条目）"))}
                {item(msg_icon("msg hb", "", None), l.message(MessageName::Heartbeat))}
                {item(msg_icon("msg resp rv ok", "RV ✓", None), l.t("Reply: granted / success", "响应：同意 / 成功"))}
                {item(msg_icon("msg resp rv no", "RV ✗", None), l.t("Reply: rejected", "响应：拒绝"))}
                {item(msg_icon("msg rv", "RV", Some("held")), l.t("Held (dashed)", "已扣留（虚线）"))}
                {item(link_icon("cut"), l.t("Link cut (click a link)", "链路断开（点击链路）"))}
                {item(link_icon("one-way"), l.t("One-way link", "单向链路"))}
            </ul>
            <p class="legend-note">
                {l.t("Ring around a node: election timer draining. Dots above a candidate: votes (●  yes, ⊗ no, ○ not yet).",
                     "节点外圈：选举超时倒计时。候选人上方圆点：得票（● 同意，⊗ 拒绝，○ 未回复）。")}
            </p>
        </section>
    }
}
