//! What is selected on the ring, acted on: the selected node's actions or
//! the selected message's card. The app places it beside the narration, so
//! selecting something never pushes the drawing (or its buttons) off a
//! laptop screen.

use super::message_card::{message_card, MessageCardProps};
use super::node_actions::{node_actions, NodeActionsProps};
use crate::ui::props::ViewProps;
use crate::ui::state::Selection;
use yew::prelude::*;

/// Arguments of [`cluster_detail`].
pub struct ClusterDetailProps {
    /// Shared props.
    pub view: ViewProps,
}

/// The selected node's actions or message's card (nothing otherwise).
pub fn cluster_detail(p: &ClusterDetailProps) -> Html {
    crate::ui::render_count::count("ClusterDetail");
    let v = &p.view;
    let body = match v.selected {
        Some(Selection::Node(id)) | Some(Selection::Entry(id, _)) => {
            node_actions(&NodeActionsProps {
                view: v.clone(),
                node: id,
            })
        }
        Some(Selection::Message(id)) => message_card(&MessageCardProps {
            view: v.clone(),
            id,
        }),
        None => return html! {},
    };
    html! { <div class="cluster-detail">{body}</div> }
}
