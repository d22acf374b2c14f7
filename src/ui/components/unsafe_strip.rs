//! The strip across the top while any unsafe teaching switch is on
//! (`data-testid="unsafe-strip"`), naming each one: a run that breaks Raft
//! on purpose must never look like a normal one.

use super::settings::unsafe_label;
use crate::ui::props::ViewProps;
use crate::view::settings_view::unsafe_strip_heading;
use yew::prelude::*;

/// Props of [`UnsafeStrip`].
#[derive(Properties, PartialEq)]
pub struct UnsafeStripProps {
    /// Shared props.
    pub view: ViewProps,
}

/// The strip (nothing when every switch is off).
#[component]
pub fn UnsafeStrip(p: &UnsafeStripProps) -> Html {
    crate::ui::render_count::count("UnsafeStrip");
    let l = p.view.lang;
    let switches = p.view.sim.borrow().config().raft.unsafe_switches.clone();
    if switches.is_empty() {
        return html! {};
    }
    html! {
        <div class="unsafe-strip" data-testid="unsafe-strip" role="note"
             data-switches={switches.iter().map(|s| s.name()).collect::<Vec<_>>().join(" ")}>
            <strong>{unsafe_strip_heading(l, switches.len())}</strong>
            <ul>{ for switches.iter().map(|&s| html! { <li data-switch={s.name()}>{unsafe_label(l, s)}</li> }) }</ul>
        </div>
    }
}
