//! The deterministic cluster simulation: the world the Raft nodes live in,
//! in the browser and in tests.
//!
//! A [`Simulation`] owns a [`World`] — nodes, a logical clock in ticks, one
//! seeded generator, the [`Network`] of directed links and in-flight messages,
//! the [`Client`], the safety [`Checker`] and the [`Trace`] — plus the action
//! log and checkpoints for time travel. Every change is an [`Action`];
//! `(config, actions)` replays the exact same run natively and in wasm.
//! The scripting API for scenarios and tests is in [`script`].

pub mod action;
pub mod bench;
pub mod cause;
pub mod chaos;
pub mod check;
pub mod client;
mod client_driver;
mod client_reads;
pub mod compare;
pub mod config;
mod faults;
pub mod hash;
pub mod history;
pub mod initial;
pub mod inject;
pub mod lanes;
pub mod leadership;
pub mod membership;
pub mod msglog;
pub mod network;
pub mod node_slot;
pub mod replication_mode;
pub mod role_key;
pub mod script;
pub mod trace;
pub mod world;

pub use action::{Action, Target};
pub use check::{Checker, Property, Violation};
pub use client::{Client, ClientOp, HistoryOp, OpFailure, OpStatus};
pub use config::{NetworkConfig, SimConfig, SimError};
pub use history::{Simulation, TimedAction};
pub use initial::InitialNode;
pub use inject::{Implausible, InjectError};
pub use network::{DropReason, Envelope, MsgId, Network};
pub use node_slot::{NodeSlot, NodeStatus};
pub use replication_mode::{AckReason, ReplicationMode};
pub use role_key::RoleKey;
pub use trace::{Mark, MarkKind, SimEvent, Trace, TraceEvent, TraceKind};
pub use world::World;
