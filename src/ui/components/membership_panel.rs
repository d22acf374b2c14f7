//! The configuration panel (thesis chapter 4): the configuration in force —
//! voters, learners, C_old and C_new during joint consensus, committed or
//! not — which majorities the last election and the last commit had, and
//! the controls to add a server and change the voters (promote and remove
//! are on each node's action bar).

use crate::raft::NodeId;
use crate::sim::Action;
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::i18n::Lang;
use crate::view::membership_view::{
    cluster_config, headline, last_majorities, majority_lines, parse_ids,
};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`MembershipPanel`].
#[derive(Properties, PartialEq)]
pub struct MembershipPanelProps {
    /// Shared props.
    pub view: ViewProps,
}

/// The configuration panel.
#[component]
pub fn MembershipPanel(p: &MembershipPanelProps) -> Html {
    crate::ui::render_count::count("MembershipPanel");
    let v = &p.view;
    let (l, d, names) = (v.lang, v.dispatch.clone(), v.names);
    let voters_text = use_state(String::new);
    let sim = v.sim.borrow();
    let w = sim.world();
    let Some(c) = cluster_config(w) else {
        return html! {};
    };
    let m = &c.membership;
    let joint = m.is_joint();
    let (votes, commit) = if c.from_leader {
        last_majorities(w, c.source)
    } else {
        (None, None)
    };
    let lines = |yes: &[NodeId]| -> Html {
        let items: Vec<Html> = majority_lines(l, names, m, yes)
            .into_iter()
            .map(|t| html! { <li>{t}</li> })
            .collect();
        html! { <>{ for items }</> }
    };
    let chip = |id: NodeId, kind: &'static str, half: &'static str| {
        html! { <li class={classes!("member-chip", kind)} data-config-member={id.to_string()}
        data-kind={kind} data-half={half}>{names.name(id)}</li> }
    };
    let old: Vec<NodeId> = m.voters.outgoing.voters().collect();
    let new: Vec<NodeId> = m.voters.incoming.voters().collect();
    let oninput = {
        let t = voters_text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                t.set(i.value());
            }
        })
    };
    let change = {
        let (t, d) = (voters_text.clone(), d.clone());
        Callback::from(move |_: MouseEvent| match parse_ids(&t) {
            Some(ids) => d.emit(UiAction::Sim(Action::ChangeVoters(ids))),
            None => d.emit(UiAction::Notify(Some(crate::ui::state::Notice::error(
                |l| {
                    l.t(
                        "write the voters as ids, e.g. 1 2 3",
                        "请用编号写出投票成员，例如 1 2 3",
                    )
                    .to_string()
                },
            )))),
        })
    };
    html! {
        <section class="membership-panel" data-config={if joint { "joint" } else { "simple" }}
                 data-config-committed={c.committed.to_string()}
                 aria-label={l.t("Configuration", "集群配置")}>
            <h3>{l.t("Configuration (thesis ch. 4)", "集群配置（博士论文第 4 章）")}</h3>
            <p class="config-headline" data-config-headline="">{headline(l, names, &c)}</p>
            <ul class="member-chips">
                if joint {
                    <li class="half-label">{"C_old"}</li>
                    { for old.iter().map(|&id| chip(id, "voter", "old")) }
                    <li class="half-label">{"C_new"}</li>
                    { for new.iter().map(|&id| chip(id, "voter", "new")) }
                } else {
                    <li class="half-label">{l.t("voters", "投票成员")}</li>
                    { for new.iter().map(|&id| chip(id, "voter", "new")) }
                }
                if !m.learners.is_empty() {
                    <li class="half-label">{l.t("learners", "学习者")}</li>
                    { for m.learners.iter().map(|&id| chip(id, "learner", "none")) }
                }
            </ul>
            if let Some(votes) = votes {
                <div class="majority" data-majority="election">
                    <span>{match l {
                        Lang::En => format!("{} was elected by {}:", names.of(c.source), names.set(votes.iter().copied())),
                        Lang::Zh => format!("{} 当选，投票者 {}：", names.of(c.source), names.set(votes.iter().copied())),
                    }}</span>
                    <ul>{lines(&votes)}</ul>
                </div>
            }
            if let Some((index, by)) = commit {
                <div class="majority" data-majority="commit">
                    <span>{match l {
                        Lang::En => format!("last commit, index {index}, held by {}:", names.set(by.iter().copied())),
                        Lang::Zh => format!("最近一次提交，索引 {index}，持有者 {}：", names.set(by.iter().copied())),
                    }}</span>
                    <ul>{lines(&by)}</ul>
                </div>
            }
            <div class="membership-controls">
                <button data-action="add-server" onclick={d.reform(|_| UiAction::Sim(Action::AddServer))}
                    title={l.t("A new server joins as a learner and catches up (thesis §4.2.1)", "新服务器以学习者身份加入并追赶日志（博士论文 §4.2.1）")}>
                    {l.t("+ Add server", "+ 添加服务器")}
                </button>
                <label>
                    {l.t("New voters", "新的投票成员")}
                    <input type="text" data-input="change-voters" value={(*voters_text).clone()} {oninput}
                        placeholder="1 2 3" size="10" />
                </label>
                <button data-action="change-voters" onclick={change}
                    title={l.t("Joint consensus C_old,new, then C_new (thesis §4.3)", "先联合共识 C_old,new，再 C_new（博士论文 §4.3）")}>
                    {l.t("Change voters", "变更投票成员")}
                </button>
            </div>
        </section>
    }
}
