//! raftlab: a Raft core, a deterministic cluster simulation, and a Yew UI.
//!
//! - [`raft`]: the pure Raft node (sans-IO, deterministic, explains itself).
//! - [`sim`]: the simulated cluster around it (network, faults, client,
//!   safety checks, time travel, scripting).
//! - [`view`]: pure presentation logic (languages, layout, share links),
//!   natively tested.
//! - `ui`: the Yew components (wasm32 only).
pub mod chunked;
pub mod raft;
pub mod scenario;
pub mod sim;
pub mod sort;
pub mod vec_map;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
