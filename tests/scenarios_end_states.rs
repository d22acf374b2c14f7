//! Every guided scenario: its end state stated literally (roles, terms, log
//! terms, commit indexes, state machines), its narration present in both
//! languages, its steps' expectations met, and going back exact.
//!
//! This file: each scenario's end state, node by node.

mod common;

use common::guided::last;
use raftlab::scenario::{self};

type NodeEnd<'a> = (&'a str, u64, &'a [u64], u64, &'a [(&'a str, &'a str)]);

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
            ("follower", 1, &[1, 1, 1], 3, &[("x", "1"), ("y", "2")]),
            ("crashed", 1, &[1], 1, &[]),
            ("leader", 1, &[1, 1, 1], 3, &[("x", "1"), ("y", "2")]),
            ("crashed", 1, &[1, 1], 2, &[("x", "1")]),
            ("follower", 1, &[1, 1, 1], 3, &[("x", "1"), ("y", "2")]),
        ],
    );
    end(
        "leader-crash",
        &[
            (
                "follower",
                2,
                &[1, 1, 2, 2],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                "leader",
                2,
                &[1, 1, 2, 2],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                "follower",
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
            ("crashed", 1, &[1, 1], 2, &[("x", "1")]),
            ("follower", 4, &[1, 1, 4], 2, &[("x", "1")]),
            ("leader", 4, &[1, 1, 4], 3, &[("x", "1")]),
        ],
    );
    end(
        "log-replication",
        &[
            ("follower", 1, &[1, 1], 2, &[("hello", "world")]),
            ("leader", 1, &[1, 1], 2, &[("hello", "world")]),
            ("follower", 1, &[1, 1], 2, &[("hello", "world")]),
        ],
    );
    end(
        "election-restriction",
        &[
            (
                "follower",
                3,
                &[1, 1, 1, 3],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                "follower",
                3,
                &[1, 1, 1, 3],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                "leader",
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
            ("follower", 2, &[1, 1, 2, 2], 4, &[("a", "1"), ("d", "4")]),
            ("follower", 2, &[1, 1, 2, 2], 4, &[("a", "1"), ("d", "4")]),
            ("leader", 2, &[1, 1, 2, 2], 4, &[("a", "1"), ("d", "4")]),
            ("follower", 2, &[1, 1, 2, 2], 4, &[("a", "1"), ("d", "4")]),
            ("follower", 2, &[1, 1, 2, 2], 4, &[("a", "1"), ("d", "4")]),
        ],
    );
    end(
        "figure-8",
        &[
            ("crashed", 3, &[1, 1], 0, &[]),
            ("follower", 4, &[1, 2, 4], 3, &[("x", "4")]),
            ("follower", 4, &[1, 2, 4], 3, &[("x", "4")]),
            ("follower", 4, &[1, 2, 4], 3, &[("x", "4")]),
            ("leader", 4, &[1, 2, 4], 3, &[("x", "4")]),
        ],
    );
    end(
        "figure-8-unsafe",
        &[
            ("crashed", 3, &[1, 1], 2, &[("x", "2")]),
            ("follower", 4, &[1, 2, 4], 3, &[("x", "4")]),
            ("follower", 4, &[1, 2, 4], 3, &[("x", "4")]),
            ("follower", 4, &[1, 2, 4], 3, &[("x", "4")]),
            ("leader", 4, &[1, 2, 4], 3, &[("x", "4")]),
        ],
    );
    end(
        "figure-8-noop",
        &[
            ("crashed", 3, &[1, 1, 1, 3], 4, &[("x", "2")]),
            ("follower", 5, &[1, 1, 1, 3, 5, 5], 6, &[("x", "4")]),
            ("leader", 5, &[1, 1, 1, 3, 5, 5], 6, &[("x", "4")]),
            ("follower", 5, &[1, 1, 1, 3, 5, 5], 6, &[("x", "4")]),
            ("follower", 5, &[1, 1, 1, 3, 5, 5], 6, &[("x", "4")]),
        ],
    );
    end(
        "partition",
        &[
            ("follower", 2, &[1, 1, 2, 2], 4, &[("x", "3")]),
            ("follower", 2, &[1, 1, 2, 2], 4, &[("x", "3")]),
            ("leader", 2, &[1, 1, 2, 2], 4, &[("x", "3")]),
            ("follower", 2, &[1, 1, 2, 2], 4, &[("x", "3")]),
            ("follower", 2, &[1, 1, 2, 2], 4, &[("x", "3")]),
        ],
    );
    end(
        "prevote-off",
        &[
            (
                "follower",
                7,
                &[1, 1, 2, 2, 7],
                5,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                "follower",
                7,
                &[1, 1, 2, 2, 7],
                5,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                "leader",
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
                "follower",
                2,
                &[1, 1, 2, 2],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                "leader",
                2,
                &[1, 1, 2, 2],
                4,
                &[("hello", "world"), ("x", "1")],
            ),
            (
                "follower",
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
            ("follower", 2, &[1, 1, 1, 2], 4, &[("x", "2")]),
            ("follower", 2, &[1, 1, 1, 2], 4, &[("x", "2")]),
            ("leader", 2, &[1, 1, 1, 2], 4, &[("x", "2")]),
        ],
    );
    end(
        "leader-failures",
        &[
            (
                "follower",
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
                "leader",
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
                "follower",
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
            ("crashed", 1, &[1, 1], 2, &[("balance", "100")]),
            ("leader", 2, &[1, 1, 2, 2], 3, &[("balance", "100")]),
            ("crashed", 2, &[1, 1, 2], 3, &[("balance", "100")]),
        ],
    );
}
