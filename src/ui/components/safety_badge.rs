//! SafetyBadge (to be completed by its owner).

use crate::ui::props::ViewProps;
use yew::prelude::*;

/// Props of [`SafetyBadge`].
#[derive(Properties, PartialEq)]
pub struct SafetyBadgeProps {
    /// Shared props.
    pub view: ViewProps,
}

/// SafetyBadge.
#[component]
pub fn SafetyBadge(p: &SafetyBadgeProps) -> Html {
    let _ = p;
    html! { <section class="safety_badge"></section> }
}
