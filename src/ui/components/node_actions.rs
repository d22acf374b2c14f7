//! The selected node's action bar, right below the cluster drawing: crash,
//! restart, pause / resume, force an election timeout, compact its log. Each button is
//! enabled only when the node's status allows it.

use crate::raft::{NodeId, Role};
use crate::sim::{Action, NodeStatus};
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::cluster_view::{info_line, role_key, role_line};
use yew::prelude::*;

/// Arguments of [`node_actions`].
pub struct NodeActionsProps {
    /// Shared props.
    pub view: ViewProps,
    /// The selected node.
    pub node: NodeId,
}

/// The action bar of one node.
pub fn node_actions(p: &NodeActionsProps) -> Html {
    let v = &p.view;
    let (l, d, id, names) = (v.lang, &v.dispatch, p.node, v.names);
    let name = names.of(id);
    let sim = v.sim.borrow();
    let Ok(slot) = sim.world().slot(id) else {
        return html! {};
    };
    let (status, role) = (slot.status, slot.node.role());
    let key = role_key(status, role);
    let crashed = status == NodeStatus::Crashed;
    let config = crate::view::membership_view::cluster_config(sim.world());
    let kind = crate::view::membership_view::member_kind(config.as_ref(), id);
    use crate::view::membership_view::MemberKind;
    let (learner, member) = (kind == MemberKind::Learner, kind != MemberKind::Outside);
    let paused = status == NodeStatus::Paused;
    let act = |a: Action| d.reform(move |_: MouseEvent| UiAction::Sim(a.clone()));
    let is_leader = status != NodeStatus::Crashed && role == Role::Leader;
    let transfer = slot.node.transfer().filter(|_| is_leader).map(|t| {
        let left = slot
            .node
            .config()
            .election_timeout
            .saturating_sub(t.elapsed);
        match l {
            crate::view::i18n::Lang::En => format!(
                "handing over to {} ({left} ticks before it aborts)",
                names.of(t.target)
            ),
            crate::view::i18n::Lang::Zh => {
                format!(
                    "正在移交给 {}（{left} 个时钟周期后放弃）",
                    names.of(t.target)
                )
            }
        }
    });
    let pause_action = if paused {
        Action::Resume(id)
    } else {
        Action::Pause(id)
    };
    html! {
        <div class={classes!("node-actions", key.name())} role="toolbar" data-actions-for={id.to_string()}
             aria-label={match l { crate::view::i18n::Lang::En => format!("Actions for {name}"),
                                   crate::view::i18n::Lang::Zh => format!("{name} 的操作") }}>
            <div class="node-actions-title">
                <strong>{name.to_string()}</strong>
                <span class="role-chip">{role_line(l, key, role).into_owned()}</span>
                <span class="muted">{info_line(l, slot.node.term(), slot.node.voted_for().map(|v| names.of(v)))}</span>
                <span class="muted" data-output="node-commit">{format!("{} {}", l.t("commit", "提交"),
                    crate::view::crash_view::volatile_text(l, slot.commit_index()))}</span>
                if let Some(t) = transfer {
                    <span class="transfer-note" data-output="transfer">{t}</span>
                }
            </div>
            <div class="node-actions-buttons">
                <button data-action="crash" disabled={crashed} onclick={act(Action::Crash(id))}
                    title={l.t("Crash: it keeps only its persistent state (key c)", "崩溃：只保留持久化状态（快捷键 c）")}>
                    <span aria-hidden="true">{"✕ "}</span>{l.t("Crash", "崩溃")}
                </button>
                <button data-action="restart" disabled={!crashed} onclick={act(Action::Restart(id))}
                    title={l.t("Restart from persistent state (key r)", "从持久化状态重启（快捷键 r）")}>
                    <span aria-hidden="true">{"↻ "}</span>{l.t("Restart", "重启")}
                </button>
                <button data-action="pause-node" disabled={crashed} aria-pressed={paused.to_string()}
                    onclick={act(pause_action)}
                    title={l.t("Freeze its clock and inbox (key p)", "冻结时钟与收件箱（快捷键 p）")}>
                    <span aria-hidden="true">{if paused { "▶ " } else { "‖ " }}</span>
                    {if paused { l.t("Resume", "恢复") } else { l.t("Pause", "暂停") }}
                </button>
                <button data-action="timeout" disabled={status != NodeStatus::Up || role == Role::Leader}
                    onclick={act(Action::Campaign(id))}
                    title={l.t("Its election timer fires now (key t)", "立即触发选举超时（快捷键 t）")}>
                    <span aria-hidden="true">{"⚡ "}</span>{l.t("Force timeout", "触发选举超时")}
                </button>
                <button data-action="transfer-leader" disabled={is_leader}
                    onclick={act(Action::TransferLeader(id))}
                    title={l.t("The leader hands leadership to this node: it stops taking commands, catches it up, sends TimeoutNow (thesis §3.10)",
                               "领导者把领导权移交给这个节点：停止接受命令，补齐其日志，再发送 TimeoutNow（博士论文 §3.10）")}>
                    <span aria-hidden="true">{"⇄ "}</span>{l.t("Transfer leadership here", "移交领导权到此")}
                </button>
                <button data-action="promote" disabled={!learner} onclick={act(Action::Promote(id))}
                    title={l.t("The leader makes this caught-up learner a voter (thesis §4.2.1)", "领导者把这个已追上日志的学习者提升为投票成员（博士论文 §4.2.1）")}>
                    <span aria-hidden="true">{"▲ "}</span>{l.t("Promote", "提升为投票成员")}
                </button>
                <button data-action="remove-server" disabled={!member} onclick={act(Action::RemoveServer(id))}
                    title={l.t("The leader removes this server from the configuration (thesis §4.2.2)", "领导者把该服务器移出配置（博士论文 §4.2.2）")}>
                    <span aria-hidden="true">{"− "}</span>{l.t("Remove server", "移除服务器")}
                </button>
                <button data-action="compact" disabled={crashed || slot.node.last_applied() <= slot.node.log().snapshot_index()}
                    onclick={act(Action::Compact { node: id, up_to: None })}
                    title={l.t("Compact now: snapshot its log up to its last applied entry (thesis §5.1)", "立即压缩：把日志截至最后应用的条目做成快照（博士论文 §5.1）")}>
                    {l.t("Compact log", "压缩日志")}
                </button>
                <button class="close" data-action="deselect" aria-label={l.t("Close", "关闭")}
                    onclick={d.reform(|_| UiAction::Select(None))}>{"×"}</button>
            </div>
        </div>
    }
}
