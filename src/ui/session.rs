//! Reload keeps the run (issue 16): the current run, as its share encoding
//! (`crate::view::share`), is kept in the tab's `sessionStorage` as it
//! changes — at most once a second (every 5 seconds while the clock runs:
//! encoding a long run takes milliseconds, a frame's whole budget on a slow
//! laptop), and at once when the page is hidden or left — so a reload, a
//! restored tab after a crash, or an accidental back/forward returns to the
//! same moment, paused.
//!
//! What is stored is `<the page's fragment when it opened>\n<the run>`: a
//! reload of the same address resumes the run; opening a different share
//! link in the tab opens that link instead.

use super::components::tag_of;
use super::state::{AppState, SimHandle};
use crate::scenario::Position;
use crate::view::bookmarks::Bookmarks;
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
    bookmarks: Bookmarks,
    saved_bookmarks: Bookmarks,
    compare: Option<crate::sim::compare::Knob>,
    version: u64,
    saved: u64,
    origin: String,
    playing: bool,
    /// Seconds since the last save while the clock runs.
    waited: u32,
}

/// Seconds between saves while the clock runs.
const PLAYING_EVERY: u32 = 5;

/// The once-a-second timer: saves now if paused, or if the clock has run
/// [`PLAYING_EVERY`] seconds since the last save.
fn on_second(latest: &mut Latest) {
    latest.waited += 1;
    if !latest.playing || latest.waited >= PLAYING_EVERY {
        latest.waited = 0;
        save(latest);
    }
}

fn save(latest: &mut Latest) {
    if latest.version == latest.saved && latest.bookmarks == latest.saved_bookmarks {
        return;
    }
    latest.saved = latest.version;
    latest.saved_bookmarks = latest.bookmarks.clone();
    let mut shared = Shared::capture(&latest.sim.borrow(), tag_of(latest.scenario.as_ref()))
        .with_bookmarks(latest.bookmarks.clone());
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
/// The page's fragment (where the run came from) is read once, when the
/// keeper starts: reading the address on every frame cost about 2 % of the
/// page's script time at the fastest speed.
#[hook]
pub fn use_session_keeper(state: &AppState) {
    let latest = use_mut_ref(|| Latest {
        sim: state.sim.clone(),
        scenario: state.scenario.clone(),
        bookmarks: state.bookmarks.clone(),
        saved_bookmarks: Bookmarks::default(),
        compare: None,
        version: state.version,
        saved: u64::MAX,
        origin: origin(&super::url::hash()),
        playing: state.playing,
        waited: 0,
    });
    {
        let mut l = latest.borrow_mut();
        l.sim = state.sim.clone();
        l.scenario = state.scenario.clone();
        l.bookmarks = state.bookmarks.clone();
        l.compare = state.compare.as_ref().map(|c| c.lock.knob());
        l.version = state.version;
        l.playing = state.playing;
    }
    let keeper = latest.clone();
    use_effect_with((), move |_| {
        let timer = {
            let keeper = keeper.clone();
            Interval::new(1000, move || on_second(&mut keeper.borrow_mut()))
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
