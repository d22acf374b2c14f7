//! ClientPanel (to be completed by its owner).

use crate::ui::props::ViewProps;
use yew::prelude::*;

/// Props of [`ClientPanel`].
#[derive(Properties, PartialEq)]
pub struct ClientPanelProps {
    /// Shared props.
    pub view: ViewProps,
}

/// ClientPanel.
#[component]
pub fn ClientPanel(p: &ClientPanelProps) -> Html {
    let _ = p;
    html! { <section class="client_panel"></section> }
}
