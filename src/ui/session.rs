//! Reload keeps the run (issue 16): the current run, as its share encoding
//! (`crate::view::share`), is kept in the tab's `sessionStorage` as it
//! changes — at most once a second, and at once when the page is hidden or
//! left — so a reload, a restored tab after a crash, or an accidental
//! back/forward returns to the same moment, paused.
//!
//! What is stored is `<the page's fragment when it opened>\n<the run>`: a
//! reload of the same address resumes the run; opening a different share
//! link in the tab opens that link instead.

use super::components::tag_of;
use super::state::{AppState, SimHandle};
use crate::scenario::Position;
use crate::view::share::{Shareable, Shared};
use gloo_timers::callback::Interval;
use yew::prelude::*;

const KEY: &str = "raftlab.session.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The page's fragment (without `#`), as it was when the page opened.
fn origin(fragment: &str) -> String {
    fragment.trim_start_matches('#').trim().to_string()
}

/// At start-up: reopens the run this tab was showing, if the page's address
/// is the one it was showing it under. Returns whether it did.
pub fn restore(state: &mut AppState, fragment: &str) -> bool {
    let Some(stored) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else {
        return false;
    };
    let Some((from, run)) = stored.split_once('\n') else {
        return false;
    };
    if from != origin(fragment) {
        return false;
    }
    if state.resume_session(run) {
        return true;
    }
    // A stored run this build refuses (e.g. after an upgrade): forget it.
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
    false
}

struct Latest {
    sim: SimHandle,
    scenario: Option<Position>,
    compare: Option<crate::sim::compare::Knob>,
    version: u64,
    saved: u64,
    origin: String,
}

fn save(latest: &mut Latest) {
    if latest.version == latest.saved {
        return;
    }
    latest.saved = latest.version;
    let mut shared = Shared::capture(&latest.sim.borrow(), tag_of(latest.scenario.as_ref()));
    shared.compare = latest.compare;
    let fragment = match shared.share() {
        Ok(Shareable::Full(f) | Shareable::WithoutFuture(f)) => f,
        // Too long to keep as a link: keep nothing rather than a run that
        // would be refused on reload.
        Err(_) => {
            if let Some(s) = storage() {
                let _ = s.remove_item(KEY);
            }
            return;
        }
    };
    if let Some(s) = storage() {
        let _ = s.set_item(KEY, &format!("{}\n{fragment}", latest.origin));
    }
}

/// Keeps the run in `sessionStorage` as it changes (see the module's doc).
#[hook]
pub fn use_session_keeper(state: &AppState, page_fragment: &str) {
    let latest = use_mut_ref(|| Latest {
        sim: state.sim.clone(),
        scenario: state.scenario.clone(),
        compare: None,
        version: state.version,
        saved: u64::MAX,
        origin: origin(page_fragment),
    });
    {
        let mut l = latest.borrow_mut();
        l.sim = state.sim.clone();
        l.scenario = state.scenario.clone();
        l.compare = state.compare.as_ref().map(|c| c.lock.knob());
        l.version = state.version;
    }
    let keeper = latest.clone();
    use_effect_with((), move |_| {
        let timer = {
            let keeper = keeper.clone();
            Interval::new(1000, move || save(&mut keeper.borrow_mut()))
        };
        let on_hide = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |_: web_sys::Event| save(&mut keeper.borrow_mut()),
        );
        let window = web_sys::window();
        if let Some(w) = &window {
            use wasm_bindgen::JsCast;
            let _ =
                w.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        }
        move || {
            drop(timer);
            if let Some(w) = &window {
                use wasm_bindgen::JsCast;
                let _ = w.remove_event_listener_with_callback(
                    "pagehide",
                    on_hide.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
