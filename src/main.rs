//! The binary that trunk builds into the browser app.
//!
//! On wasm32 it mounts the Yew UI. Natively there is nothing to show, so it
//! says so and exits successfully (this keeps `cargo build` and `cargo test`
//! working on the host).

#[cfg(target_arch = "wasm32")]
fn main() {
    raftlab::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "raftlab runs in the browser: `bash scripts/serve.sh` builds it and serves it on http://127.0.0.1:8080/"
    );
}
