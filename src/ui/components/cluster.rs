//! The cluster view (to be completed by its owner).

use crate::ui::props::ViewProps;
use yew::prelude::*;

/// Props of [`ClusterView`].
#[derive(Properties, PartialEq)]
pub struct ClusterViewProps {
    /// Shared props.
    pub view: ViewProps,
    /// Fraction of the way to the next tick.
    pub phase: f64,
    /// No motion.
    pub reduced_motion: bool,
}

/// The ring of nodes.
#[component]
pub fn ClusterView(p: &ClusterViewProps) -> Html {
    let sim = p.view.sim.0.borrow();
    html! {
        <svg viewBox="0 0 800 800" class="cluster">
            { for sim.world().nodes().iter().map(|s| html! {
                <g data-node-id={s.node.id().to_string()} data-role={s.node.role().name()} data-term={s.node.term().to_string()}></g>
            }) }
        </svg>
    }
}
