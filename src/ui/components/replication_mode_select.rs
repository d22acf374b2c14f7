//! The replication-mode switch (course notes seed 000: async, semi-sync, full
//! sync, against Raft). Choosing one is a recorded action on the current run
//! (`Action::SetReplicationMode`), so replays and share links carry it; the
//! rule itself is `sim::replication_mode`'s.

use crate::sim::{Action, ReplicationMode};
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::replication_text::{mode_hint, mode_label};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Arguments of [`replication_mode_select`].
pub struct ReplicationModeProps {
    /// Shared props.
    pub view: ViewProps,
}

/// A `<select data-input="replication-mode">` with the four modes.
pub fn replication_mode_select(p: &ReplicationModeProps) -> Html {
    let v = &p.view;
    let l = v.lang;
    let mode = v.sim.borrow().config().replication_mode;
    let on_change = v.dispatch.reform(|e: Event| {
        let value = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .map(|s| s.value())
            .unwrap_or_default();
        match ReplicationMode::from_name(&value) {
            Some(m) => UiAction::Sim(Action::SetReplicationMode(m)),
            None => UiAction::Notify(None),
        }
    });
    html! {
        <fieldset class="replication-mode">
            <legend>{l.t("When the leader answers a write (applies now)", "领导者何时应答写入（立即生效）")}</legend>
            <label>{l.t("Replication mode", "复制方式")}
                <select data-input="replication-mode" onchange={on_change}>
                    { for ReplicationMode::ALL.iter().map(|&m| html! {
                        <option value={m.name()} selected={m == mode}>{mode_label(l, m)}</option>
                    }) }
                </select>
            </label>
            <p class="hint" data-mode-hint={mode.name()}>{mode_hint(l, mode)}</p>
        </fieldset>
    }
}
