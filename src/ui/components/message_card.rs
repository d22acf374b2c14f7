//! The selected message's card: every field of the RPC (Figure 2's names),
//! its timing, and what can be done to it: deliver now, hold or release,
//! drop.

use crate::raft::{AppendOutcome, ConflictHint, EntryData, MessageBody};
use crate::sim::{Action, MsgId};
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::cluster_view::MsgFacts;
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;
use yew::prelude::*;

/// Arguments of [`message_card`].
pub struct MessageCardProps {
    /// Shared props.
    pub view: ViewProps,
    /// The selected message.
    pub id: MsgId,
}

fn row(name: &str, value: impl Into<Html>) -> Html {
    let value: Html = value.into();
    html! { <><dt>{name.to_string()}</dt><dd>{value}</dd></> }
}

fn yes_no(l: Lang, b: bool) -> Html {
    let (t, class) = if b {
        (l.t("✓ yes", "✓ 是"), "yes")
    } else {
        (l.t("✗ no", "✗ 否"), "no")
    };
    html! { <span class={class}>{t}</span> }
}

fn body_rows(l: Lang, names: NodeNames, body: &MessageBody) -> Html {
    match body {
        MessageBody::RequestVote {
            last_log,
            leader_transfer,
            ..
        } => html! {
            <>
                {row("lastLogIndex", last_log.index.to_string())}
                {row("lastLogTerm", last_log.term.to_string())}
                if *leader_transfer {
                    {row(l.t("leader transfer", "领导权移交"), l.t("yes: answer even under the lease (thesis §3.10)", "是：即使在租约内也要回应（博士论文 §3.10）"))}
                }
            </>
        },
        MessageBody::RequestVoteResponse { vote_granted, .. } => {
            row("voteGranted", yes_no(l, *vote_granted))
        }
        MessageBody::AppendEntries {
            prev_log,
            leader_commit,
            read_ctx,
            ..
        } => html! {
            <>
                {row("prevLogIndex", prev_log.index.to_string())}
                {row("prevLogTerm", prev_log.term.to_string())}
                {row("leaderCommit", leader_commit.to_string())}
                if let Some(r) = read_ctx {
                    {row(l.t("read round", "读确认轮次"), match l {
                        Lang::En => format!("{r} (thesis §6.4)"),
                        Lang::Zh => format!("第 {r} 轮（博士论文 §6.4）"),
                    })}
                }
            </>
        },
        MessageBody::AppendEntriesResponse(r) => html! {
            <>
                {row(l.t("answers term", "回应的任期"), r.request_term.to_string())}
                if let Some(c) = r.read_ctx {
                    {row(l.t("echoes read round", "回应读确认轮次"), c.to_string())}
                }
                {row("success", yes_no(l, r.success()))}
                {response_rows(l, r.outcome)}
            </>
        },
        MessageBody::InstallSnapshot { snapshot } => html! {
            <>
                {row("lastIncludedIndex", snapshot.last_included_index.to_string())}
                {row("lastIncludedTerm", snapshot.last_included_term.to_string())}
                {row(l.t("size", "大小"), match l {
                    Lang::En => format!("{} bytes", snapshot.size_bytes()),
                    Lang::Zh => format!("{} 字节", snapshot.size_bytes()),
                })}
                {row(l.t("state machine", "状态机"), crate::view::snapshot_view::kv_text(l, &snapshot.state))}
                {row(l.t("configuration", "配置"), crate::view::snapshot_view::config_text(l, names, snapshot))}
            </>
        },
        MessageBody::InstallSnapshotResponse {
            request_term,
            installed,
            match_index,
        } => html! {
            <>
                {row(l.t("answers term", "回应的任期"), request_term.to_string())}
                {row(l.t("installed", "已安装"), yes_no(l, *installed))}
                {row("matchIndex", match_index.to_string())}
            </>
        },
        MessageBody::ReadIndex { read_id } => row(l.t("read", "读请求"), format!("#{read_id}")),
        MessageBody::ReadIndexResponse {
            read_id,
            read_index,
        } => html! {
            <>
                {row(l.t("read", "读请求"), format!("#{read_id}"))}
                {row(l.t("read index", "读索引"), match read_index {
                    Some(i) => i.to_string(),
                    None => l.t("refused: not the leader", "拒绝：不是领导者").to_string(),
                })}
            </>
        },
        MessageBody::TimeoutNow => row(
            l.t("meaning", "含义"),
            l.t(
                "campaign now: the leader hands over (thesis §3.10)",
                "立即发起选举：领导者移交领导权（博士论文 §3.10）",
            ),
        ),
    }
}

fn response_rows(l: Lang, outcome: AppendOutcome) -> Html {
    match outcome {
        AppendOutcome::Matched { match_index } => row("matchIndex", match_index.to_string()),
        AppendOutcome::Rejected {
            prev_log_index,
            hint,
        } => html! {
            <>
                {row(l.t("rejected at", "拒绝位置"), format!("prevLogIndex {prev_log_index}"))}
                if let Some(hint) = hint {
                    {row(l.t("conflict hint", "冲突提示"), hint_text(l, hint))}
                }
            </>
        },
    }
}

fn hint_text(l: Lang, hint: ConflictHint) -> String {
    let i = hint.retry_index();
    match (l, hint.conflict_term()) {
        (Lang::En, Some(t)) => format!("term {t} starts at index {i}"),
        (Lang::Zh, Some(t)) => format!("任期 {t} 从索引 {i} 开始"),
        (Lang::En, None) => format!("log too short: try index {i}"),
        (Lang::Zh, None) => format!("日志太短：从索引 {i} 重试"),
    }
}

fn entries_table(l: Lang, names: NodeNames, body: &MessageBody) -> Html {
    let MessageBody::AppendEntries { entries, .. } = body else {
        return html! {};
    };
    if entries.is_empty() {
        return html! {
            <p class="muted">{l.t("No entries: a heartbeat.", "没有条目：这是心跳。")}</p>
        };
    }
    html! {
        <table class="msg-entries">
            <thead><tr>
                <th>{l.t("index", "索引")}</th><th>{l.t("term", "任期")}</th><th>{l.t("command", "命令")}</th>
            </tr></thead>
            <tbody>
                { for entries.iter().map(|e| html! {
                    <tr>
                        <td>{e.index}</td>
                        <td><span class={format!("term-chip t{}", e.term % 8)}>{e.term}</span></td>
                        <td><code>{match &e.data {
                            EntryData::Noop => l.t("no-op", "空操作").to_string(),
                            EntryData::Command(c) => c.to_string(),
                            EntryData::Config(c) => crate::view::explain::config_text::change_text(l, names, &c.change),
                        }}</code></td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The card of one message.
pub fn message_card(p: &MessageCardProps) -> Html {
    let v = &p.view;
    let (l, d, id, names) = (v.lang, &v.dispatch, p.id, v.names);
    let close = html! {
        <button class="close" data-action="deselect" aria-label={l.t("Close", "关闭")}
            onclick={d.reform(|_| UiAction::Select(None))}>{"×"}</button>
    };
    let sim = v.sim.borrow();
    let world = sim.world();
    let Some(env) = world.network().in_flight().iter().find(|e| e.id == id) else {
        return html! {
            <div class="message-card gone">
                <p>{match l {
                    Lang::En => format!("Message #{id} has arrived or was dropped."),
                    Lang::Zh => format!("消息 #{id} 已送达或已丢弃。"),
                }}</p>
                {close}
            </div>
        };
    };
    let f = MsgFacts::of(env);
    let position = {
        let mut ids: Vec<_> = world.network().in_flight().iter().map(|e| e.id).collect();
        crate::sort::sort(&mut ids);
        let k = ids.iter().position(|&m| m == id).unwrap_or(0) + 1;
        crate::view::message_cycle::position_text(l, k, ids.len())
    };
    let tick = world.tick();
    let manual = world.config().network.manual_delivery;
    let due = if env.held {
        l.t("held until released", "已扣留，释放后投递").to_string()
    } else if env.deliver_at <= tick {
        if manual {
            l.t("due: waiting for manual delivery", "已到期：等待手动投递")
                .to_string()
        } else {
            l.t("due now", "即将投递").to_string()
        }
    } else {
        match l {
            Lang::En => format!(
                "tick {} (in {})",
                env.deliver_at,
                l.ticks(env.deliver_at - tick)
            ),
            Lang::Zh => format!(
                "时刻 {}（还有 {}）",
                env.deliver_at,
                l.ticks(env.deliver_at - tick)
            ),
        }
    };
    let act = |a: Action, then_clear: bool| {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.emit(UiAction::Sim(a.clone()));
            if then_clear {
                d.emit(UiAction::Select(None));
            }
        })
    };
    html! {
        <div class={classes!("message-card", f.class())} data-card-msg={id.to_string()}
             role="region" aria-label={f.aria(l, names)}>
            <div class="message-card-head">
                <span class="kind-chip">{l.message(f.name_key())}</span>
                <span>{format!("{} → {}", names.of(f.from), names.of(f.to))}</span>
                <span class="muted">{format!("#{id}")}</span>
                if f.duplicate {
                    <span class="tag">{l.t("duplicate", "重复副本")}</span>
                }
                if f.held {
                    <span class="tag held">{l.t("held", "已扣留")}</span>
                }
                {close}
            </div>
            <p class="muted msg-position" data-testid="message-position" role="status" aria-live="polite">{position}</p>
            <dl class="msg-fields">
                {row(l.t("term", "任期"), env.msg.term.to_string())}
                {row(l.t("sent", "发送"), format!("{} {}", l.t("tick", "时刻"), env.sent_at))}
                {row(l.t("arrives", "到达"), due)}
                {body_rows(l, names, &env.msg.body)}
            </dl>
            {entries_table(l, names, &env.msg.body)}
            <div class="message-card-buttons">
                <button class={classes!(manual.then_some("primary"))} data-action="deliver"
                    onclick={act(Action::Deliver(id), true)}>{l.t("Deliver now", "立即投递")}</button>
                if env.held {
                    <button data-action="release" onclick={act(Action::Release(id), false)}>
                        {l.t("Release", "释放")}
                    </button>
                } else {
                    <button data-action="hold" onclick={act(Action::Hold(id), false)}>
                        {l.t("Hold", "扣留")}
                    </button>
                }
                <button class="danger" data-action="drop" onclick={act(Action::Drop(id), true)}>
                    {l.t("Drop", "丢弃")}
                </button>
            </div>
        </div>
    }
}
