//! Timeline (to be completed by its owner).

use crate::ui::props::ViewProps;
use yew::prelude::*;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Shared props.
    pub view: ViewProps,
}

/// Timeline.
#[component]
pub fn Timeline(p: &TimelineProps) -> Html {
    let _ = p;
    html! { <section class="timeline"></section> }
}
