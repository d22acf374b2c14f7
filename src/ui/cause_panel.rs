//! The cause of a safety violation, shown after "show the cause": which
//! node broke which rule at which tick (from the core's `UnsafeRuleBroken`
//! event), with a way back to the violation. It stays while the run is
//! looked at in the past, where the badge is green again.

use crate::sim::cause::Cause;
use crate::sim::Violation;
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::explain_unsafe::unsafe_text;
use crate::view::safety_view::{title, violation_text};
use yew::prelude::*;

/// Arguments of [`cause_panel`].
pub struct CausePanelProps {
    /// Shared props.
    pub view: ViewProps,
    /// The cause and the violation it explains.
    pub cause: (Cause, Violation),
}

/// The cause panel (`data-testid="cause"`).
pub fn cause_panel(p: &CausePanelProps) -> Html {
    let v = &p.view;
    let (l, names) = (v.lang, v.names);
    let (cause, violation) = &p.cause;
    let back = {
        let t = violation.tick;
        v.dispatch.reform(move |_| UiAction::Seek(t))
    };
    let nodes = names.join(cause.nodes(), " ");
    html! {
        <div class="cause-panel" data-testid="cause" data-cause-tick={cause.tick.to_string()}
            data-cause-node={cause.node.to_string()} data-cause-switch={cause.rule.switch().name()}
            data-cause-nodes={nodes} role="status">
            <p class="cause-title">
                <strong>{l.t("The cause", "原因")}</strong>
                {format!(" — {} {} {}", l.t("of", "导致"), title(l, violation.property), l.t("", "被违反"))}
            </p>
            <p class="cause-text">{format!("{} {}: {}", l.t("Tick", "时刻"), cause.tick, unsafe_text(l, names, cause.node, &cause.rule))}</p>
            <p class="cause-then">{format!("{} {}: {}", l.t("Then, at tick", "随后在时刻"), violation.tick, violation_text(l, names, violation))}</p>
            <div class="cause-actions">
                <button type="button" class="small" data-action="cause-back" onclick={back}>
                    {format!("{} {}", l.t("Go to the violation, tick", "前往违反处，时刻"), violation.tick)}
                </button>
                <button type="button" class="small" data-action="cause-close" onclick={v.dispatch.reform(|_| UiAction::HideCause)}>
                    {l.t("Close", "关闭")}
                </button>
            </div>
        </div>
    }
}
