//! EventLog (to be completed by its owner).

use crate::ui::props::ViewProps;
use yew::prelude::*;

/// Props of [`EventLog`].
#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    /// Shared props.
    pub view: ViewProps,
}

/// EventLog.
#[component]
pub fn EventLog(p: &EventLogProps) -> Html {
    let _ = p;
    html! { <section class="event_log"></section> }
}
