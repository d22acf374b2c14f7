//! The browser UI (Yew function components). Compiled only for wasm32.
//!
//! The UI only reads the simulation and dispatches actions: see `state.rs`
//! for the reducer, `app.rs` for the layout, `components/` for one component
//! per file, and `crate::view` for the pure logic they share.

mod app;
mod bench_exports;
mod bookmark_bar;
mod cause_panel;
mod challenge_panel;
mod compare;
mod components;
mod dismiss;
mod export;
mod export_buttons;
mod focus;
mod hooks;
mod panic_panel;
mod props;
mod render_count;
mod session;
mod spacetime;
mod state;
mod url;

pub use app::App;

/// Entry point called from `main` on wasm32: installs the panic hook, then
/// mounts [`App`] into `<body>`.
pub fn start() {
    panic_panel::install();
    yew::Renderer::<App>::new().render();
}

/// True when the page URL carries `?selftest=<which>`.
///
/// `?selftest=panic` makes the app panic right after its first render. It
/// exists so the browser suite can prove that a panic never leaves a dead
/// page: the panic hook must put a visible error panel on screen.
pub(crate) fn selftest_requested(which: &str) -> bool {
    crate::view::params::query_value(&url::search(), "selftest").is_some_and(|v| v == which)
}

/// `?selftest=trap`: a WebAssembly trap (an abort), which skips the panic
/// hook; `index.html`'s fallback must still show the error panel.
pub(crate) fn selftest_trap() {
    std::process::abort();
}

/// `?selftest=oom`: allocate until wasm memory cannot grow (4 GB), which
/// aborts (a trap) like a real out-of-memory; the error panel must show.
pub(crate) fn selftest_oom() {
    let mut hog: Vec<Vec<u8>> = Vec::new();
    loop {
        hog.push(vec![0u8; 256 << 20]);
        std::hint::black_box(&hog);
    }
}
