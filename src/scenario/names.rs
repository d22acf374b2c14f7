//! The node names the built-in scenarios declare, one table so the
//! scenario files stay about their runs (as `questions.rs` does for the
//! questions). A scenario whose narration calls the servers A/B/C (the
//! course notes' examples), S1–S5 (Figure 8) or the leader and (a)–(f)
//! (Figure 7) declares those names here, and the view shows them
//! everywhere (`view::node_names`); every other scenario, and free play,
//! keeps `n1`…`n9`. `tests/node_names.rs` checks that every declaration is
//! valid for its scenario's cluster and that the narration uses only the
//! declared names.

use crate::view::node_names::NodeNames;

/// The course notes' three servers (seed 000).
const ABC: &[&str] = &["A", "B", "C"];
/// Figure 8's five servers.
const S1_S5: &[&str] = &["S1", "S2", "S3", "S4", "S5"];
/// Figure 7's leader and followers (a)–(f).
const FIGURE_7: &[&str] = &["L", "(a)", "(b)", "(c)", "(d)", "(e)", "(f)"];

/// Every declaration: (scenario id, the names of nodes 1, 2, …).
pub const DECLARED: &[(&str, &[&str])] = &[
    ("leader-crash", ABC),
    ("split-vote", ABC),
    ("log-replication", ABC),
    ("election-restriction", ABC),
    ("prevote-off", ABC),
    ("prevote-on", ABC),
    ("figure-8", S1_S5),
    ("figure-8-unsafe", S1_S5),
    ("figure-8-noop", S1_S5),
    ("figure-7", FIGURE_7),
];

/// The names declared for scenario `id` (not validated).
pub fn declared(id: &str) -> Option<&'static [&'static str]> {
    DECLARED.iter().find(|(s, _)| *s == id).map(|(_, n)| *n)
}

/// How the nodes of scenario `id`, a cluster of `nodes` nodes, are named:
/// its declaration when it has a valid one, else `n1`…. A bad declaration
/// never reaches the user (the tests refuse it); here it falls back.
pub fn node_names(id: &str, nodes: usize) -> NodeNames {
    declared(id)
        .and_then(|names| NodeNames::new(names, nodes).ok())
        .unwrap_or_default()
}

impl super::Scenario {
    /// How this scenario's nodes are named ([`node_names`]).
    pub fn node_names(&self) -> NodeNames {
        node_names(self.id, self.config.nodes as usize)
    }
}
