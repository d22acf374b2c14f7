//! The browser UI (Yew function components). Compiled only for wasm32.

mod app;
mod panic_panel;

pub use app::App;

/// Entry point called from `main` on wasm32: installs the panic hook, then
/// mounts [`App`] into `<body>`.
pub fn start() {
    panic_panel::install();
    yew::Renderer::<App>::new().render();

    // Deliberate test path: `?selftest=panic` panics right after mounting.
    // It exists so the browser suite can prove that a panic never leaves a
    // dead page: the panic hook must put a visible error panel on screen.
    // The panic is deferred to a timer so it happens after the first render,
    // like a real bug in an event handler would.
    if selftest_requested("panic") {
        gloo_timers::callback::Timeout::new(0, || {
            panic!("selftest: deliberate panic requested by ?selftest=panic");
        })
        .forget();
    }
}

/// True when the page URL carries `?selftest=<which>`.
fn selftest_requested(which: &str) -> bool {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|params| params.get("selftest"))
        .is_some_and(|value| value == which)
}
