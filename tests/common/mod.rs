//! Shared test support: the in-test network and the setup the suites share.

pub mod check;
pub mod events;
pub mod guided;
pub mod paper;
pub mod raft_harness;
pub mod sim;
