//! raftlab: a Raft core, a deterministic cluster simulation, and a Yew UI.
pub mod raft;
pub mod sim;
#[cfg(target_arch = "wasm32")]
pub mod ui;
