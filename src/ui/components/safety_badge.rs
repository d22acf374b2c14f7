//! The safety badge over the cluster: green while every property of Figure 3
//! (and linearizability) holds, listing them on hover or when expanded; red
//! on a violation, naming the property, the tick, the nodes and entries,
//! with a button that travels there.

use crate::sim::Property;
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::safety_view::{statement, title, violation_text};
use yew::prelude::*;

/// Props of [`SafetyBadge`].
#[derive(Properties, PartialEq)]
pub struct SafetyBadgeProps {
    /// Shared props.
    pub view: ViewProps,
}

/// The badge.
#[component]
pub fn SafetyBadge(p: &SafetyBadgeProps) -> Html {
    crate::ui::render_count::count("SafetyBadge");
    let v = &p.view;
    let (l, names) = (v.lang, v.names);
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let sim = v.sim.borrow();
    let violations = sim.world().violations();
    let list = Property::ALL.iter().map(|&prop| {
        let broken = violations.iter().any(|x| x.property == prop);
        html! {
            <li class={classes!(broken.then_some("broken"))} data-property={prop.name()}>
                <span class="mark">{if broken { "✗" } else { "✓" }}</span>
                <strong>{title(l, prop)}</strong>{" — "}{statement(l, prop)}
                <small>{format!(" ({})", prop.citation())}</small>
            </li>
        }
    });
    let Some(first) = violations.first() else {
        return html! {
            <div class={classes!("safety", "ok", open.then_some("open"))} data-testid="safety" data-safety="ok">
                <button class="safety-summary" aria-expanded={open.to_string()} onclick={toggle}>
                    <span class="mark">{"✓"}</span>
                    {l.t("All safety properties hold", "所有安全性质成立")}
                </button>
                <ul class="safety-list">{ for list }</ul>
            </div>
        };
    };
    let tick = first.tick;
    let jump = v.dispatch.reform(move |_| UiAction::Seek(tick));
    let more = violations.len() - 1;
    html! {
        <div class={classes!("safety", "violated", open.then_some("open"))} data-testid="safety" data-safety="violated"
            data-property={first.property.name()} role="alert">
            <p class="safety-title"><span class="mark">{"✗"}</span>{l.t("Safety violated", "安全性被违反")}</p>
            <p class="safety-prop"><strong>{title(l, first.property)}</strong>{" "}<small>{format!("({})", first.property.citation())}</small></p>
            <div class="safety-actions">
                <button class="jump small" data-action="jump-violation" onclick={jump}>
                    {format!("{} {tick}", l.t("Jump to tick", "跳到时刻"))}
                </button>
                <button class="jump small" data-action="show-cause" onclick={v.dispatch.reform(|_| UiAction::ShowCause)}>
                    {l.t("Show the cause", "显示原因")}
                </button>
                <button class="safety-summary small" data-action="safety-details" aria-expanded={open.to_string()} onclick={toggle}>
                    { if *open { l.t("Less", "收起") } else { l.t("Details", "详情") } }
                    { if more > 0 { format!(" (+{more})") } else { String::new() } }
                </button>
            </div>
            if *open {
                <p class="safety-detail">{violation_text(l, names, first)}</p>
                <p class="safety-what">{statement(l, first.property)}</p>
                if more > 0 {
                    <ul class="safety-more">{ for violations.iter().skip(1).map(|x| html! { <li>{violation_text(l, names, x)}</li> }) }</ul>
                }
                <ul class="safety-list">{ for list }</ul>
            }
        </div>
    }
}
