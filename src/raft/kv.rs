//! The replicated state machine: a small key-value store (§2, replicated state
//! machines) fed by committed log entries, and the command language students type.

use crate::vec_map::VecMap;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// The longest command text accepted, in bytes.
pub const MAX_COMMAND_LEN: usize = 200;
/// The longest key or value, in characters.
const MAX_TOKEN_CHARS: usize = 64;

/// A client command, carried in a log entry and applied once committed.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Command {
    /// `put key value`: set a key.
    Put {
        /// The key.
        key: String,
        /// The value.
        value: String,
    },
    /// `del key`: remove a key.
    Del {
        /// The key.
        key: String,
    },
    /// `get key`: read a key through the log, so the read is linearizable.
    Get {
        /// The key.
        key: String,
    },
}

/// Why a command text could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CommandError {
    /// Nothing was typed.
    Empty,
    /// More than [`MAX_COMMAND_LEN`] bytes.
    TooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// The first word is not `put`, `del` or `get`.
    UnknownVerb {
        /// The word given.
        verb: String,
    },
    /// The verb needs a different number of arguments.
    WrongArity {
        /// The verb.
        verb: String,
        /// How many arguments it takes.
        expected: usize,
        /// How many were given.
        got: usize,
    },
    /// A key or value longer than 64 characters.
    TokenTooLong,
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CommandError::Empty => write!(f, "empty command: try `put x 1`, `get x` or `del x`"),
            CommandError::TooLong { len } => {
                write!(f, "command is {len} bytes; the limit is {MAX_COMMAND_LEN}")
            }
            CommandError::UnknownVerb { verb } => {
                write!(f, "unknown command `{verb}`: use put, get or del")
            }
            CommandError::WrongArity {
                verb,
                expected,
                got,
            } => write!(f, "`{verb}` takes {expected} argument(s), got {got}"),
            CommandError::TokenTooLong => write!(f, "keys and values are at most 64 characters"),
        }
    }
}

impl std::error::Error for CommandError {}

impl Command {
    /// Parses `put k v`, `del k` or `get k` (verbs case-insensitive).
    pub fn parse(text: &str) -> Result<Command, CommandError> {
        if text.len() > MAX_COMMAND_LEN {
            return Err(CommandError::TooLong { len: text.len() });
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let Some((verb, args)) = words.split_first() else {
            return Err(CommandError::Empty);
        };
        if args.iter().any(|a| a.chars().count() > MAX_TOKEN_CHARS) {
            return Err(CommandError::TokenTooLong);
        }
        let verb_lc = verb.to_ascii_lowercase();
        let arity = |expected: usize| {
            if args.len() == expected {
                Ok(())
            } else {
                Err(CommandError::WrongArity {
                    verb: verb_lc.clone(),
                    expected,
                    got: args.len(),
                })
            }
        };
        match verb_lc.as_str() {
            "put" | "set" => arity(2).map(|_| Command::Put {
                key: args[0].to_string(),
                value: args[1].to_string(),
            }),
            "del" | "delete" => arity(1).map(|_| Command::Del {
                key: args[0].to_string(),
            }),
            "get" => arity(1).map(|_| Command::Get {
                key: args[0].to_string(),
            }),
            _ => Err(CommandError::UnknownVerb {
                verb: verb.to_string(),
            }),
        }
    }

    /// The key the command touches.
    pub fn key(&self) -> &str {
        match self {
            Command::Put { key, .. } | Command::Del { key } | Command::Get { key } => key,
        }
    }
}

impl std::fmt::Display for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Command::Put { key, value } => write!(f, "put {key} {value}"),
            Command::Del { key } => write!(f, "del {key}"),
            Command::Get { key } => write!(f, "get {key}"),
        }
    }
}

/// What applying a command returned.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ApplyResult {
    /// A put or del: the previous value, if any.
    Written {
        /// The value the key had before.
        previous: Option<String>,
    },
    /// A get: the value read.
    Read {
        /// The value, if the key exists.
        value: Option<String>,
    },
    /// A no-op entry (§8 / thesis §6.4) changes nothing.
    Noop,
}

/// The key-value state machine, with the index of the last applied entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KvStore {
    /// Current contents, in key order. The strings are shared (`Rc<str>`),
    /// so the copies of a state machine that checkpoints take copy no
    /// strings; an `Rc<str>` compares, hashes and serializes as a `String`.
    pub data: VecMap<Rc<str>, Rc<str>>,
    /// Figure 2 `lastApplied`: index of the highest entry applied.
    pub last_applied: u64,
}

impl KvStore {
    /// Applies one command; the caller passes entries in index order.
    pub fn apply(&mut self, index: u64, command: Option<&Command>) -> ApplyResult {
        debug_assert!(index > self.last_applied);
        self.last_applied = index;
        match command {
            None => ApplyResult::Noop,
            Some(Command::Put { key, value }) => ApplyResult::Written {
                previous: match self.data.get_mut(key.as_str()) {
                    Some(v) => Some(std::mem::replace(v, value.as_str().into()).to_string()),
                    None => {
                        self.data.insert(key.as_str().into(), value.as_str().into());
                        None
                    }
                },
            },
            Some(Command::Del { key }) => ApplyResult::Written {
                previous: self.data.remove(key.as_str()).map(|v| v.to_string()),
            },
            Some(Command::Get { key }) => ApplyResult::Read {
                value: self.data.get(key.as_str()).map(|v| v.to_string()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_verbs() {
        assert_eq!(
            Command::parse("  PUT hello world "),
            Ok(Command::Put {
                key: "hello".into(),
                value: "world".into()
            })
        );
        assert_eq!(
            Command::parse("del x"),
            Ok(Command::Del { key: "x".into() })
        );
        assert_eq!(
            Command::parse("get x"),
            Ok(Command::Get { key: "x".into() })
        );
        assert_eq!(Command::parse("get x").unwrap().to_string(), "get x");
    }

    #[test]
    fn rejects_bad_input_with_reasons() {
        assert_eq!(Command::parse("   "), Err(CommandError::Empty));
        assert_eq!(
            Command::parse(&"x".repeat(500)),
            Err(CommandError::TooLong { len: 500 })
        );
        assert_eq!(
            Command::parse("put x"),
            Err(CommandError::WrongArity {
                verb: "put".into(),
                expected: 2,
                got: 1
            })
        );
        assert!(matches!(
            Command::parse("drop table"),
            Err(CommandError::UnknownVerb { .. })
        ));
        assert_eq!(
            Command::parse(&format!("get {}", "k".repeat(65))),
            Err(CommandError::TokenTooLong)
        );
    }

    #[test]
    fn applies_in_order() {
        let mut kv = KvStore::default();
        let put = Command::parse("put a 1").unwrap();
        assert_eq!(
            kv.apply(1, Some(&put)),
            ApplyResult::Written { previous: None }
        );
        assert_eq!(kv.apply(2, None), ApplyResult::Noop);
        assert_eq!(
            kv.apply(3, Some(&Command::parse("get a").unwrap())),
            ApplyResult::Read {
                value: Some("1".into())
            }
        );
        assert_eq!(
            kv.apply(4, Some(&Command::parse("del a").unwrap())),
            ApplyResult::Written {
                previous: Some("1".into())
            }
        );
        assert!(kv.data.is_empty());
        assert_eq!(kv.last_applied, 4);
    }
}
