//! The keyboard-shortcut help (`?`): a real modal `<dialog>` (opened with
//! `showModal`, so the page behind it is inert). Focus moves to its Close
//! button, Tab stays inside, Escape closes it from anywhere, and focus
//! returns to where it was (the Help button when it was nowhere).

use crate::ui::state::UiAction;
use crate::view::i18n::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Focuses `el` if it is still on the page; true if it did.
fn focus_if_connected(el: &web_sys::HtmlElement) -> bool {
    el.is_connected() && el.focus().is_ok()
}

/// Where focus goes back to when the dialog closes.
fn restore_focus(previous: Option<web_sys::HtmlElement>) {
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    let previous = previous.filter(|p| Some(p) != body.as_ref());
    if previous.as_ref().is_some_and(focus_if_connected) {
        return;
    }
    let button = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-action=help]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(b) = button {
        let _ = b.focus();
    }
}

/// Keeps Tab inside `dialog`: from the last focusable element to the first
/// and back.
fn trap_tab(dialog: &web_sys::Element, e: &KeyboardEvent) {
    if e.key() != "Tab" {
        return;
    }
    let Ok(list) = dialog.query_selector_all(
        "button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex='-1'])",
    ) else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        e.prevent_default();
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = |el: &web_sys::HtmlElement| active.as_ref() == Some(el.as_ref());
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    if e.shift_key() && (at(first) || !inside) {
        e.prevent_default();
        let _ = last.focus();
    } else if !e.shift_key() && (at(last) || !inside) {
        e.prevent_default();
        let _ = first.focus();
    }
}

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
        (
            "→",
            l.t("step one tick (paused)", "前进一个时钟周期（暂停时）"),
        ),
        (
            "←",
            l.t("back one tick (paused)", "后退一个时钟周期（暂停时）"),
        ),
        (
            "m / Shift+m",
            l.t(
                "pause and select the next / previous message in flight",
                "暂停并选中下一条 / 上一条飞行中的消息",
            ),
        ),
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
    let dialog = use_node_ref();
    let close = use_node_ref();
    {
        let (dialog, close) = (dialog.clone(), close.clone());
        use_effect_with((), move |_| {
            let previous = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            let opened = dialog.cast::<web_sys::HtmlDialogElement>();
            if let Some(d) = &opened {
                if !d.open() {
                    let _ = d.show_modal();
                }
            }
            if let Some(b) = close.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
            move || {
                if let Some(d) = opened {
                    d.close();
                }
                restore_focus(previous);
            }
        });
    }
    let on_key = {
        let dialog = dialog.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(d) = dialog.cast::<web_sys::Element>() {
                trap_tab(&d, &e);
            }
        })
    };
    // The browser's own Escape (the dialog's `cancel`): close through the
    // reducer, so the state and the page agree.
    let on_cancel = p.dispatch.reform(|e: Event| {
        e.prevent_default();
        UiAction::Key("Escape".into())
    });
    let title = l.t("Keyboard shortcuts", "键盘快捷键");
    html! {
        <dialog class="help-overlay" ref={dialog} aria-labelledby="help-title" aria-modal="true"
             data-testid="help" onkeydown={on_key} oncancel={on_cancel}>
            <div class="help-card">
                <h2 id="help-title">{title}</h2>
                <dl>
                    { for rows.iter().map(|(k, v)| html! { <><dt><kbd>{*k}</kbd></dt><dd>{*v}</dd></> }) }
                </dl>
                <button data-action="close-help" ref={close} onclick={p.dispatch.reform(|_| UiAction::ToggleHelp)}>
                    {l.t("Close", "关闭")}
                </button>
            </div>
        </dialog>
    }
}
