//! Inspector (to be completed by its owner).

use crate::ui::props::ViewProps;
use yew::prelude::*;

/// Props of [`Inspector`].
#[derive(Properties, PartialEq)]
pub struct InspectorProps {
    /// Shared props.
    pub view: ViewProps,
}

/// Inspector.
#[component]
pub fn Inspector(p: &InspectorProps) -> Html {
    let _ = p;
    html! { <section class="inspector"></section> }
}
