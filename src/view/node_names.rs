//! The one way the view names a node: a node id becomes its display name,
//! `n{id}` by default, or the alias a guided scenario declares (`S1`–`S5`
//! for Figure 8, `A`/`B`/`C` for the course notes' examples). Every label,
//! sentence and accessible name that mentions a node asks a [`NodeNames`];
//! automation contracts (`data-node`, `data-from`, `data-lifeline`, …) keep
//! the numeric id.
//!
//! A declaration is validated ([`NodeNames::new`]): one name per node, each
//! short, non-empty, without spaces, unique, and never of the form `n<k>`
//! (which would collide with the default name of another node). A node the
//! declaration does not cover (a server added later in the run) keeps its
//! default name.

use super::i18n::Lang;
use crate::raft::NodeId;
use std::fmt;

/// The longest alias, in characters (`(a)` fits; the ring label stays short).
pub const MAX_ALIAS_CHARS: usize = 4;

/// How the view names each node. `Copy`: the declared names are static.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NodeNames {
    /// Name of node `i + 1` at index `i`; empty for the default names.
    aliases: &'static [&'static str],
}

/// A node's display name, written by `Display` without allocating.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeName {
    id: NodeId,
    alias: Option<&'static str>,
}

impl fmt::Display for NodeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.alias {
            Some(a) => f.write_str(a),
            None => write!(f, "n{}", self.id),
        }
    }
}

/// Why a declaration of node names is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NamesError {
    /// Not one name per node.
    Count {
        /// Names declared.
        declared: usize,
        /// Nodes in the cluster.
        nodes: usize,
    },
    /// A name is empty or holds whitespace.
    Blank {
        /// The node (1-based).
        node: NodeId,
    },
    /// A name is longer than [`MAX_ALIAS_CHARS`].
    TooLong {
        /// The name.
        name: String,
    },
    /// Two nodes share a name.
    Duplicate {
        /// The name.
        name: String,
    },
    /// A name looks like a default name (`n3`), which another node may carry.
    LooksLikeDefault {
        /// The name.
        name: String,
    },
}

impl NamesError {
    /// Explains it in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (NamesError::Count { declared, nodes }, Lang::En) => {
                format!("{declared} node names declared for {nodes} nodes; one per node is needed")
            }
            (NamesError::Count { declared, nodes }, Lang::Zh) => {
                format!("为 {nodes} 个节点声明了 {declared} 个名称；每个节点需要一个")
            }
            (NamesError::Blank { node }, Lang::En) => {
                format!("the name of node {node} is empty or contains a space")
            }
            (NamesError::Blank { node }, Lang::Zh) => {
                format!("第 {node} 个节点的名称为空或包含空格")
            }
            (NamesError::TooLong { name }, Lang::En) => {
                format!("the node name {name:?} is longer than {MAX_ALIAS_CHARS} characters")
            }
            (NamesError::TooLong { name }, Lang::Zh) => {
                format!("节点名称 {name:?} 超过 {MAX_ALIAS_CHARS} 个字符")
            }
            (NamesError::Duplicate { name }, Lang::En) => {
                format!("the node name {name:?} is declared twice")
            }
            (NamesError::Duplicate { name }, Lang::Zh) => {
                format!("节点名称 {name:?} 被声明了两次")
            }
            (NamesError::LooksLikeDefault { name }, Lang::En) => {
                format!("the node name {name:?} looks like a default name (n1, n2, …)")
            }
            (NamesError::LooksLikeDefault { name }, Lang::Zh) => {
                format!("节点名称 {name:?} 与默认名称（n1、n2……）相似")
            }
        }
    }
}

impl fmt::Display for NamesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

impl std::error::Error for NamesError {}

/// Whether `name` is `n` followed by digits only.
fn looks_like_default(name: &str) -> bool {
    name.strip_prefix('n')
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

impl NodeNames {
    /// `n1`, `n2`, … for every node.
    pub const DEFAULT: NodeNames = NodeNames { aliases: &[] };

    /// A declaration for a cluster of `nodes` nodes, validated.
    pub fn new(aliases: &'static [&'static str], nodes: usize) -> Result<NodeNames, NamesError> {
        if aliases.len() != nodes {
            return Err(NamesError::Count {
                declared: aliases.len(),
                nodes,
            });
        }
        for (i, name) in aliases.iter().enumerate() {
            if name.is_empty() || name.chars().any(char::is_whitespace) {
                return Err(NamesError::Blank {
                    node: i as NodeId + 1,
                });
            }
            if name.chars().count() > MAX_ALIAS_CHARS {
                return Err(NamesError::TooLong {
                    name: name.to_string(),
                });
            }
            if looks_like_default(name) {
                return Err(NamesError::LooksLikeDefault {
                    name: name.to_string(),
                });
            }
            if aliases[..i].contains(name) {
                return Err(NamesError::Duplicate {
                    name: name.to_string(),
                });
            }
        }
        Ok(NodeNames { aliases })
    }

    /// Whether every node has its default name.
    pub fn is_default(self) -> bool {
        self.aliases.is_empty()
    }

    /// The declared aliases, node 1 first (empty for the default names).
    pub fn aliases(self) -> &'static [&'static str] {
        self.aliases
    }

    /// Node `id`'s display name (`Display`).
    pub fn of(self, id: impl std::borrow::Borrow<NodeId>) -> NodeName {
        let id = *id.borrow();
        let alias = (id as usize)
            .checked_sub(1)
            .and_then(|i| self.aliases.get(i))
            .copied();
        NodeName { id, alias }
    }

    /// Node `id`'s display name as a string.
    pub fn name(self, id: NodeId) -> String {
        self.of(id).to_string()
    }

    /// `S1, S2, S3` (or `—` for none).
    pub fn list(self, ids: &[NodeId]) -> String {
        self.join(ids.iter().copied(), ", ")
    }

    /// `{S1, S2}`: a set of nodes, in the given order.
    pub fn set(self, ids: impl IntoIterator<Item = NodeId>) -> String {
        let inner = ids
            .into_iter()
            .map(|n| self.name(n))
            .collect::<Vec<_>>()
            .join(", ");
        format!("{{{inner}}}")
    }

    /// The names joined by `sep` (or `—` for none).
    pub fn join(self, ids: impl IntoIterator<Item = NodeId>, sep: &str) -> String {
        let names: Vec<String> = ids.into_iter().map(|n| self.name(n)).collect();
        if names.is_empty() {
            "—".to_string()
        } else {
            names.join(sep)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_names_are_n_and_the_id() {
        let d = NodeNames::DEFAULT;
        assert!(d.is_default());
        assert_eq!(d.name(1), "n1");
        assert_eq!(d.name(9), "n9");
        assert_eq!(format!("{} → {}", d.of(2), d.of(3)), "n2 → n3");
        assert_eq!(d.list(&[1, 3]), "n1, n3");
        assert_eq!(d.list(&[]), "—");
        assert_eq!(d.set([2, 1]), "{n2, n1}");
        assert_eq!(NodeNames::default(), d);
    }

    #[test]
    fn a_declaration_names_its_nodes_and_nothing_else() {
        let s = NodeNames::new(&["S1", "S2", "S3"], 3).unwrap();
        assert!(!s.is_default());
        assert_eq!(s.name(1), "S1");
        assert_eq!(s.name(3), "S3");
        assert_eq!(s.list(&[3, 1]), "S3, S1");
        // A server added later, and id 0, keep the default form.
        assert_eq!(s.name(4), "n4");
        assert_eq!(s.name(0), "n0");
        assert_eq!(s.aliases(), &["S1", "S2", "S3"]);
    }

    #[test]
    fn bad_declarations_are_refused_with_a_reason() {
        let err = |names: &'static [&'static str], n| NodeNames::new(names, n).unwrap_err();
        assert_eq!(
            err(&["A", "B"], 3),
            NamesError::Count {
                declared: 2,
                nodes: 3
            }
        );
        assert_eq!(err(&["A", "", "C"], 3), NamesError::Blank { node: 2 });
        assert_eq!(err(&["A", "B C", "D"], 3), NamesError::Blank { node: 2 });
        assert_eq!(
            err(&["A", "Bravo", "C"], 3),
            NamesError::TooLong {
                name: "Bravo".into()
            }
        );
        assert_eq!(
            err(&["A", "B", "A"], 3),
            NamesError::Duplicate { name: "A".into() }
        );
        assert_eq!(
            err(&["A", "n1", "C"], 3),
            NamesError::LooksLikeDefault { name: "n1".into() }
        );
        // `n` alone or `na` is not a default name; four characters fit.
        assert!(NodeNames::new(&["n", "na", "(a)", "L8ab"], 4).is_ok());
        for e in [
            err(&["A"], 2),
            err(&["", "B"], 2),
            err(&["ABCDE", "B"], 2),
            err(&["B", "B"], 2),
            err(&["n2", "B"], 2),
        ] {
            for lang in [Lang::En, Lang::Zh] {
                assert!(!e.text(lang).is_empty());
            }
            assert_ne!(e.text(Lang::En), e.text(Lang::Zh));
        }
    }
}
