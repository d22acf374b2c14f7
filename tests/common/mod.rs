//! Shared test support. Only declares the harness.

pub mod raft_harness;
