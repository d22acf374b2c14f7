//! The run's settings: cluster size, seed, protocol switches (PreVote,
//! CheckQuorum, leader no-op, unsafe teaching switches), network latency and
//! loss, manual delivery. Size, seed and protocol switches start a new run;
//! network settings are actions on the current one.

use crate::raft::{PreVoteMode, UnsafeSwitch};
use crate::sim::{Action, SimConfig};
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::i18n::Lang;
use crate::view::settings_view::percent;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// An edit of the configuration from a form event.
type ConfigEdit = Box<dyn Fn(&mut SimConfig, &Event)>;

/// Props of [`Settings`].
#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    /// Shared props.
    pub view: ViewProps,
}

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value())
        .or_else(|| {
            e.target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
        })
        .unwrap_or_default()
}

fn input_checked(e: &Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// A switch's label (also on the strip shown while it is on).
pub(super) fn unsafe_label(l: Lang, s: UnsafeSwitch) -> &'static str {
    match s {
        UnsafeSwitch::VoteWithoutLogCheck => l.t(
            "Vote without the log check (§5.4.1)",
            "投票时不检查日志新旧（§5.4.1）",
        ),
        UnsafeSwitch::CommitOldTermByCounting => l.t(
            "Commit old-term entries by counting (Figure 8)",
            "按副本数提交旧任期条目（图 8）",
        ),
        UnsafeSwitch::ForgetVoteOnRestart => {
            l.t("Forget votedFor on restart", "重启后忘记 votedFor")
        }
        UnsafeSwitch::AcceptStaleLeader => l.t(
            "Accept AppendEntries from a stale leader (§5.1)",
            "接受旧任期领导者的日志追加（§5.1）",
        ),
        UnsafeSwitch::OneStepMembershipChange => l.t(
            "Change several voters in one step, without joint consensus (thesis §4.3, paper Figure 10)",
            "一步变更多个投票成员，不经联合共识（博士论文 §4.3，论文图 10）",
        ),
        UnsafeSwitch::StaleLeaderRead => l.t(
            "Leader answers reads without confirming it still leads (thesis §6.4)",
            "领导者不确认自己仍是领导者就回答读请求（博士论文 §6.4）",
        ),
    }
}

fn pre_vote_mode_label(l: Lang, m: PreVoteMode) -> &'static str {
    match m {
        PreVoteMode::Etcd => l.t(
            "etcd: term and log only (the lease is CheckQuorum's)",
            "etcd：只看任期和日志（租约属于 CheckQuorum）",
        ),
        PreVoteMode::Thesis => l.t(
            "thesis §9.6: also refused while a leader is heard from",
            "博士论文 §9.6：能收到领导者消息时也拒绝",
        ),
    }
}

/// The settings panel.
#[component]
pub fn Settings(p: &SettingsProps) -> Html {
    crate::ui::render_count::count("Settings");
    let v = &p.view;
    let l = v.lang;
    let d = v.dispatch.clone();
    let sim = v.sim.borrow();
    let config: SimConfig = sim.config().clone();
    let net = config.network;
    let reset = {
        let d = d.clone();
        let config = config.clone();
        move |f: ConfigEdit| {
            let d = d.clone();
            let config = config.clone();
            Callback::from(move |e: Event| {
                let mut c = config.clone();
                f(&mut c, &e);
                d.emit(UiAction::Reset(c));
            })
        }
    };
    let on_nodes = reset(Box::new(|c, e| {
        c.nodes = input_value(e).parse().unwrap_or(c.nodes)
    }));
    let on_seed = {
        let d = d.clone();
        let config = config.clone();
        Callback::from(move |e: Event| {
            let text = input_value(&e);
            match text.trim().parse::<u64>() {
                Ok(seed) => d.emit(UiAction::Reset(SimConfig { seed, ..config.clone() })),
                Err(_) => d.emit(UiAction::Notify(Some(crate::ui::state::Notice::error(|l| match l {
                    Lang::En => format!("seed must be a whole number from 0 to 18446744073709551615, not {text:?}"),
                    Lang::Zh => format!("种子必须是 0 到 18446744073709551615 之间的整数，而不是 {text:?}"),
                })))),
            }
        })
    };
    let on_prevote = reset(Box::new(|c, e| c.raft.pre_vote = input_checked(e)));
    let on_cq = reset(Box::new(|c, e| c.raft.check_quorum = input_checked(e)));
    let on_pv_mode = reset(Box::new(|c, e| {
        if let Some(m) = PreVoteMode::from_name(&input_value(e)) {
            c.raft.pre_vote_mode = m;
        }
    }));
    let on_noop = reset(Box::new(|c, e| c.raft.leader_noop = input_checked(e)));
    let on_latency = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let max = input_value(&e).parse::<u32>().unwrap_or(net.latency_max);
            d.emit(UiAction::Sim(Action::SetLatency {
                min: net.latency_min.min(max),
                max,
            }))
        })
    };
    let on_loss = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let loss = input_value(&e).parse::<u32>().unwrap_or(0);
            d.emit(UiAction::Sim(Action::SetLoss {
                loss,
                duplicate: net.duplicate_permille,
            }))
        })
    };
    let on_dup = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let duplicate = input_value(&e).parse::<u32>().unwrap_or(0);
            d.emit(UiAction::Sim(Action::SetLoss {
                loss: net.loss_permille,
                duplicate,
            }))
        })
    };
    let on_manual =
        d.reform(|e: Event| UiAction::Sim(Action::SetManualDelivery(input_checked(&e))));
    let unsafe_boxes = UnsafeSwitch::ALL.iter().map(|&s| {
        let on = config.raft.is_unsafe(s);
        let cb = reset(Box::new(move |c, e| {
            c.raft.unsafe_switches.retain(|x| *x != s);
            if input_checked(e) {
                c.raft.unsafe_switches.push(s);
                crate::sort::sort(&mut c.raft.unsafe_switches);
            }
        }));
        html! {
            <label class="check unsafe">
                <input type="checkbox" checked={on} name={s.name()} data-input={format!("unsafe-{}", s.name())} onchange={cb} />
                <span>{unsafe_label(l, s)}</span>
            </label>
        }
    });
    let on_threshold = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let text = input_value(&e);
            match text.trim().parse::<u32>() {
                Ok(n) => d.emit(UiAction::Sim(Action::SetCompactThreshold(n))),
                Err(_) => d.emit(UiAction::Notify(Some(crate::ui::state::Notice::error(|l| match l {
                    Lang::En => format!("the compaction threshold must be a whole number of entries (0 = off), not {text:?}"),
                    Lang::Zh => format!("压缩阈值必须是条目数（整数，0 表示关闭），而不是 {text:?}"),
                })))),
            }
        })
    };
    let reset_same = {
        let config = config.clone();
        d.reform(move |_| UiAction::Reset(config.clone()))
    };
    html! {
        <section class="settings" aria-label={l.t("Settings", "设置")}>
            <h2>{l.t("Settings", "设置")}</h2>
            <div class="settings-grid">
                <fieldset>
                    <legend>{l.t("Cluster (starts a new run)", "集群（将开始新的运行）")}</legend>
                    <label>{l.t("Nodes", "节点数")}
                        <select data-input="nodes" onchange={on_nodes}>
                            { for (1..=9u32).map(|n| html! { <option value={n.to_string()} selected={n == config.nodes}>{n}</option> }) }
                        </select>
                    </label>
                    <label>{l.t("Seed", "随机种子")}
                        <input type="text" inputmode="numeric" data-input="seed" value={config.seed.to_string()} onchange={on_seed} />
                    </label>
                    <button data-action="reset" onclick={reset_same}>{l.t("Reset run", "重新开始")}</button>
                </fieldset>
                <fieldset>
                    <legend>{l.t("Protocol (starts a new run)", "协议（将开始新的运行）")}</legend>
                    <label class="check"><input type="checkbox" data-input="prevote" checked={config.raft.pre_vote} onchange={on_prevote} />
                        <span>{l.t("PreVote (etcd 3.4, thesis §9.6)", "预投票 PreVote（etcd 3.4，博士论文 §9.6）")}</span></label>
                    <label>{l.t("PreVote rule", "预投票规则")}
                        <select data-input="prevote-mode" onchange={on_pv_mode}>
                            { for PreVoteMode::ALL.iter().map(|&m| html! {
                                <option value={m.name()} selected={m == config.raft.pre_vote_mode}>{pre_vote_mode_label(l, m)}</option>
                            }) }
                        </select>
                    </label>
                    <label class="check"><input type="checkbox" data-input="check-quorum" checked={config.raft.check_quorum} onchange={on_cq} />
                        <span>{l.t("CheckQuorum (leader steps down without a majority)", "CheckQuorum（失去多数派时领导者退位）")}</span></label>
                    <label class="check"><input type="checkbox" data-input="noop" checked={config.raft.leader_noop} onchange={on_noop} />
                        <span>{l.t("Leader appends a no-op on election", "新领导者追加空操作条目")}</span></label>
                    <details class="unsafe-switches">
                        <summary>{l.t("Unsafe teaching switches (break Raft on purpose)", "不安全的教学开关（故意破坏 Raft）")}</summary>
                        { for unsafe_boxes }
                    </details>
                </fieldset>
                { super::replication_mode_select::replication_mode_select(&super::replication_mode_select::ReplicationModeProps {
                    view: v.clone(),
                }) }
                <fieldset>
                    <legend>{l.t("Log compaction (thesis §5.1)", "日志压缩（博士论文 §5.1）")}</legend>
                    <label>{l.t("Auto-compact after N applied entries (0 = off)", "应用 N 个条目后自动压缩（0 = 关闭）")}
                        <input type="number" min="0" max={crate::raft::MAX_COMPACT_THRESHOLD.to_string()} inputmode="numeric"
                            data-input="compact-threshold" value={config.raft.compact_threshold.to_string()} onchange={on_threshold} />
                    </label>
                    <p class="muted">{l.t("Each node's “Compact log” button snapshots its log now.", "每个节点的“压缩日志”按钮会立即把它的日志做成快照。")}</p>
                </fieldset>
                <fieldset>
                    <legend>{l.t("Network", "网络")}</legend>
                    <label>{format!("{} {}–{} {}", l.t("Latency", "延迟"), net.latency_min, net.latency_max, l.t("ticks", "个时钟周期"))}
                        <input type="range" min="1" max="20" value={net.latency_max.to_string()} data-input="latency" onchange={on_latency} />
                    </label>
                    if let Some(w) = crate::view::settings_view::slow_network_warning(l, &net, &config.raft) {
                        <p class="settings-warning" role="status" data-testid="slow-network-warning">{w}</p>
                    }
                    <label>{format!("{} {}", l.t("Loss", "丢包率"), percent(net.loss_permille))}
                        <input type="range" min="0" max="500" step="10" value={net.loss_permille.to_string()} data-input="loss" onchange={on_loss} />
                    </label>
                    <label>{format!("{} {}", l.t("Duplication", "重复率"), percent(net.duplicate_permille))}
                        <input type="range" min="0" max="500" step="10" value={net.duplicate_permille.to_string()} data-input="duplicate" onchange={on_dup} />
                    </label>
                    <label class="check"><input type="checkbox" data-input="manual" checked={net.manual_delivery} onchange={on_manual} />
                        <span>{l.t("Manual delivery (click messages to deliver)", "手动投递（点击消息投递）")}</span></label>
                    <button data-action="deliver-all" disabled={!net.manual_delivery}
                        onclick={d.reform(|_| UiAction::Sim(Action::DeliverAll))}>{l.t("Deliver all", "全部投递")}</button>
                </fieldset>
            </div>
        </section>
    }
}
