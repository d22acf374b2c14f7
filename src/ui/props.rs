//! Props shared by most components. The simulation handle compares by
//! identity and `version` by value, so a component re-renders only when the
//! run changed (or its own extra props did).

use super::state::{Selection, SimHandle, UiAction};
use crate::view::i18n::Lang;
use crate::view::node_names::NodeNames;
use yew::prelude::*;

/// What nearly every panel needs.
#[derive(Properties, PartialEq, Clone)]
pub struct ViewProps {
    /// The run.
    pub sim: SimHandle,
    /// Bumped whenever the run changed.
    pub version: u64,
    /// The language.
    pub lang: Lang,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
    /// The selection.
    #[prop_or_default]
    pub selected: Option<Selection>,
    /// How nodes are named (the open scenario's aliases, or `n1`…).
    #[prop_or_default]
    pub names: NodeNames,
}
