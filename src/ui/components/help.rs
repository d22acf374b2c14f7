//! The keyboard-shortcut overlay (`?`).

use crate::ui::state::UiAction;
use crate::view::i18n::Lang;
use yew::prelude::*;

/// Props of [`HelpOverlay`].
#[derive(Properties, PartialEq)]
pub struct HelpProps {
    /// Language.
    pub lang: Lang,
    /// Where the close goes.
    pub dispatch: Callback<UiAction>,
}

/// Lists every shortcut.
#[component]
pub fn HelpOverlay(p: &HelpProps) -> Html {
    let l = p.lang;
    let rows = [
        ("Space", l.t("play / pause", "播放 / 暂停")),
        ("→", l.t("step one tick (paused)", "前进一个时刻（暂停时）")),
        ("←", l.t("back one tick (paused)", "后退一个时刻（暂停时）")),
        ("c", l.t("crash the selected node", "让选中的节点崩溃")),
        ("r", l.t("restart the selected node", "重启选中的节点")),
        (
            "t",
            l.t(
                "force the selected node's election timeout",
                "让选中节点的选举超时立即触发",
            ),
        ),
        (
            "p",
            l.t("pause / resume the selected node", "暂停 / 恢复选中的节点"),
        ),
        ("s", l.t("focus the command box", "聚焦命令输入框")),
        (
            "f",
            l.t(
                "presenter mode: hide settings and legends, enlarge the rest",
                "演示模式：隐藏设置和图例，放大其余部分",
            ),
        ),
        (
            "+ / −",
            l.t(
                "larger / smaller logs, event log and cards",
                "放大 / 缩小日志、事件日志和卡片",
            ),
        ),
        ("?", l.t("show / hide this help", "显示 / 隐藏本帮助")),
        ("Esc", l.t("close, clear the selection", "关闭并取消选择")),
    ];
    html! {
        <div class="help-overlay" role="dialog" aria-modal="true" aria-label={l.t("Keyboard shortcuts", "键盘快捷键")}
             data-testid="help">
            <div class="help-card">
                <h2>{l.t("Keyboard shortcuts", "键盘快捷键")}</h2>
                <dl>
                    { for rows.iter().map(|(k, v)| html! { <><dt><kbd>{*k}</kbd></dt><dd>{*v}</dd></> }) }
                </dl>
                <button data-action="close-help" onclick={p.dispatch.reform(|_| UiAction::ToggleHelp)}>
                    {l.t("Close", "关闭")}
                </button>
            </div>
        </div>
    }
}
