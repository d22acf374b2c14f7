//! LogsView (to be completed by its owner).

use crate::ui::props::ViewProps;
use yew::prelude::*;

/// Props of [`LogsView`].
#[derive(Properties, PartialEq)]
pub struct LogsViewProps {
    /// Shared props.
    pub view: ViewProps,
}

/// LogsView.
#[component]
pub fn LogsView(p: &LogsViewProps) -> Html {
    let _ = p;
    html! { <section class="logs"></section> }
}
