//! Functions the browser measurement script calls through trunk's
//! `window.wasmBindings` (`tests/browser/measure.mjs`, the determinism test):
//! the native benchmark's workload and fixture, run by the page's own wasm.

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs the steady-load workload of `cargo run --release --example bench`
/// (`nodes` nodes, `ticks` ticks) and returns the number of trace events.
/// Out-of-range inputs are clamped, so a stray call cannot panic.
#[wasm_bindgen]
pub fn raftlab_bench(nodes: u32, ticks: u32) -> f64 {
    let (events, _) =
        crate::sim::bench::steady_load(nodes.clamp(1, 9), u64::from(ticks.min(1_000_000)));
    events as f64
}

/// The fixture scenario's trace hash, in decimal (must equal
/// `tests/fixtures/trace_hash.txt`, computed natively).
#[wasm_bindgen]
pub fn raftlab_fixture_hash() -> String {
    crate::sim::bench::fixture_trace_hash().to_string()
}

/// The wasm instance's linear memory, in bytes (it only grows): what the
/// soak test (`tests/browser/robust.test.js`) holds under its ceiling.
#[wasm_bindgen]
pub fn raftlab_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65_536) as f64
}

/// How many times each counted component has rendered so far
/// (`name=count` pairs; `tests/browser/frame_split.mjs` prints them per
/// second of play).
#[wasm_bindgen]
pub fn raftlab_render_counts() -> String {
    super::render_count::counts()
}
