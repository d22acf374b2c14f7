//! Every guided scenario: its end state stated literally (roles, terms, log
//! terms, commit indexes, state machines), its narration present in both
//! languages, its steps' expectations met, and going back exact.
//!
//! This file: each scenario's end state, node by node.

mod common;

use common::guided::last;
use raftlab::scenario::{self};
use raftlab::sim::RoleKey;

type NodeEnd<'a> = (RoleKey, u64, &'a [u64], u64, &'a [(&'a str, &'a str)]);

/// Asserts the end state of scenario `id`, node by node (n1 first).
fn end(id: &str, expected: &[NodeEnd]) {
    let sc = scenario::find(id).unwrap_or_else(|| panic!("no scenario {id}"));
    let sim = last(&sc);
    let nodes = sim.nodes();
    assert_eq!(nodes.len(), expected.len(), "{id}: node count");
    for (n, (role, term, log, commit, kv)) in nodes.iter().zip(expected) {
        let want_kv: Vec<(String, String)> = kv
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let got_kv: Vec<(String, String)> =
            n.kv.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        assert_eq!(
            (n.role, n.term, n.log_terms(), n.commit, got_kv),
            (*role, *term, log.to_vec(), *commit, want_kv),
            "{id}: n{}",
            n.id
        );
    }
    if id != "figure-8-unsafe" {
        assert!(
            sim.world().violations().is_empty(),
            "{id}: {:?}",
            sim.world().violations()
        );
    }
}

#[test]
fn end_states() {
    end(
        "election-basics",
        &[
            (
                RoleKey::Follower,
                1,
                &[1, 1, 1],
                3,
                &[("x", "1"), ("y", "2")],
            ),
            (RoleKey::Crashed, 1, &[1], 1, &[]),
            (RoleKey::Leader, 1, &[1, 1, 1], 3, &[("x", "1"), ("y", "2")]),
            (RoleKey::Crashed, 1, &[1, 1], 2, &[("x", "1")]),
            (
                RoleKey::Follower,
                1,
                &[1, 1, 1],
                3,
                &[("x", "1"), ("y", "2")],
            ),
        ],
    );
    end(
        "leader-crash",
        &[
            (
                RoleKey::Follower,
                2,
                &[1, 1, 2, 2],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                RoleKey::Leader,
                2,
                &[1, 1, 2, 2],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                RoleKey::Follower,
                2,
                &[1, 1, 2, 2],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
        ],
    );
    end(
        "split-vote",
        &[
            (RoleKey::Crashed, 1, &[1, 1], 2, &[("x", "1")]),
            (RoleKey::Follower, 4, &[1, 1, 4], 2, &[("x", "1")]),
            (RoleKey::Leader, 4, &[1, 1, 4], 3, &[("x", "1")]),
        ],
    );
    end(
        "log-replication",
        &[
            (RoleKey::Follower, 1, &[1, 1], 2, &[("hello", "world")]),
            (RoleKey::Leader, 1, &[1, 1], 2, &[("hello", "world")]),
            (RoleKey::Follower, 1, &[1, 1], 2, &[("hello", "world")]),
        ],
    );
    end(
        "election-restriction",
        &[
            (
                RoleKey::Follower,
                3,
                &[1, 1, 1, 3],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                RoleKey::Follower,
                3,
                &[1, 1, 1, 3],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                RoleKey::Leader,
                3,
                &[1, 1, 1, 3],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
        ],
    );
    end(
        "divergent-logs",
        &[
            (
                RoleKey::Follower,
                2,
                &[1, 1, 2, 2],
                4,
                &[("a", "1"), ("d", "4")],
            ),
            (
                RoleKey::Follower,
                2,
                &[1, 1, 2, 2],
                4,
                &[("a", "1"), ("d", "4")],
            ),
            (
                RoleKey::Leader,
                2,
                &[1, 1, 2, 2],
                4,
                &[("a", "1"), ("d", "4")],
            ),
            (
                RoleKey::Follower,
                2,
                &[1, 1, 2, 2],
                4,
                &[("a", "1"), ("d", "4")],
            ),
            (
                RoleKey::Follower,
                2,
                &[1, 1, 2, 2],
                4,
                &[("a", "1"), ("d", "4")],
            ),
        ],
    );
    end(
        "figure-8",
        &[
            (RoleKey::Crashed, 3, &[1, 1], 0, &[]),
            (RoleKey::Follower, 4, &[1, 2, 4], 3, &[("x", "4")]),
            (RoleKey::Follower, 4, &[1, 2, 4], 3, &[("x", "4")]),
            (RoleKey::Follower, 4, &[1, 2, 4], 3, &[("x", "4")]),
            (RoleKey::Leader, 4, &[1, 2, 4], 3, &[("x", "4")]),
        ],
    );
    end(
        "figure-8-unsafe",
        &[
            (RoleKey::Crashed, 3, &[1, 1], 2, &[("x", "2")]),
            (RoleKey::Follower, 4, &[1, 2, 4], 3, &[("x", "4")]),
            (RoleKey::Follower, 4, &[1, 2, 4], 3, &[("x", "4")]),
            (RoleKey::Follower, 4, &[1, 2, 4], 3, &[("x", "4")]),
            (RoleKey::Leader, 4, &[1, 2, 4], 3, &[("x", "4")]),
        ],
    );
    end(
        "figure-8-noop",
        &[
            (RoleKey::Crashed, 3, &[1, 1, 1, 3], 4, &[("x", "2")]),
            (RoleKey::Follower, 5, &[1, 1, 1, 3, 5, 5], 6, &[("x", "4")]),
            (RoleKey::Leader, 5, &[1, 1, 1, 3, 5, 5], 6, &[("x", "4")]),
            (RoleKey::Follower, 5, &[1, 1, 1, 3, 5, 5], 6, &[("x", "4")]),
            (RoleKey::Follower, 5, &[1, 1, 1, 3, 5, 5], 6, &[("x", "4")]),
        ],
    );
    end(
        "partition",
        &[
            (RoleKey::Follower, 2, &[1, 1, 2, 2], 4, &[("x", "3")]),
            (RoleKey::Follower, 2, &[1, 1, 2, 2], 4, &[("x", "3")]),
            (RoleKey::Leader, 2, &[1, 1, 2, 2], 4, &[("x", "3")]),
            (RoleKey::Follower, 2, &[1, 1, 2, 2], 4, &[("x", "3")]),
            (RoleKey::Follower, 2, &[1, 1, 2, 2], 4, &[("x", "3")]),
        ],
    );
    end(
        "prevote-off",
        &[
            (
                RoleKey::Follower,
                7,
                &[1, 1, 2, 2, 7],
                5,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                RoleKey::Follower,
                7,
                &[1, 1, 2, 2, 7],
                5,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                RoleKey::Leader,
                7,
                &[1, 1, 2, 2, 7],
                5,
                &[("hello", "world"), ("x", "1")],
            ),
        ],
    );
    end(
        "prevote-on",
        &[
            (
                RoleKey::Follower,
                2,
                &[1, 1, 2, 2],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                RoleKey::Leader,
                2,
                &[1, 1, 2, 2],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                RoleKey::Follower,
                2,
                &[1, 1, 2, 2],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
        ],
    );
    end(
        "one-way-link",
        &[
            (RoleKey::Follower, 2, &[1, 1, 1, 2], 4, &[("x", "2")]),
            (RoleKey::Follower, 2, &[1, 1, 1, 2], 4, &[("x", "2")]),
            (RoleKey::Leader, 2, &[1, 1, 1, 2], 4, &[("x", "2")]),
        ],
    );
    end(
        "leader-failures",
        &[
            (
                RoleKey::Follower,
                9,
                &[1, 2, 2, 3, 3, 3, 5, 5, 6, 6, 7, 7, 8, 9, 9],
                15,
                &[
                    ("a", "1"),
                    ("b", "2"),
                    ("c", "3"),
                    ("d", "4"),
                    ("e", "5"),
                    ("f", "6"),
                    ("g", "8"),
                ],
            ),
            (
                RoleKey::Leader,
                9,
                &[1, 2, 2, 3, 3, 3, 5, 5, 6, 6, 7, 7, 8, 9, 9],
                15,
                &[
                    ("a", "1"),
                    ("b", "2"),
                    ("c", "3"),
                    ("d", "4"),
                    ("e", "5"),
                    ("f", "6"),
                    ("g", "8"),
                ],
            ),
            (
                RoleKey::Follower,
                9,
                &[1, 2, 2, 3, 3, 3, 5, 5, 6, 6, 7, 7, 8, 9, 9],
                15,
                &[
                    ("a", "1"),
                    ("b", "2"),
                    ("c", "3"),
                    ("d", "4"),
                    ("e", "5"),
                    ("f", "6"),
                    ("g", "8"),
                ],
            ),
        ],
    );
    end(
        "why-consensus",
        &[
            (RoleKey::Crashed, 1, &[1, 1], 2, &[("balance", "100")]),
            (RoleKey::Leader, 2, &[1, 1, 2, 2], 3, &[("balance", "100")]),
            (RoleKey::Crashed, 2, &[1, 1, 2], 3, &[("balance", "100")]),
        ],
    );
}
