//! Hooks that talk to the browser: the animation-frame loop and window
//! event listeners. Each keeps its handles and drops them on cleanup (no
//! leaked closures), so nothing leaks when a component goes away.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

struct FrameLoop {
    handle: Option<i32>,
    closure: Option<Closure<dyn FnMut(f64)>>,
    last: Option<f64>,
}

/// While `active`, calls `on_frame` with the milliseconds since the previous
/// frame on every animation frame. Cancels the pending frame and frees the
/// closure on cleanup.
#[hook]
pub fn use_animation_frame(active: bool, on_frame: Callback<f64>) {
    use_effect_with((active, on_frame), |(active, on_frame)| {
        let state = Rc::new(RefCell::new(FrameLoop {
            handle: None,
            closure: None,
            last: None,
        }));
        if *active {
            let weak = Rc::downgrade(&state);
            let on_frame = on_frame.clone();
            let closure = Closure::<dyn FnMut(f64)>::new(move |now: f64| {
                let Some(state) = weak.upgrade() else { return };
                let dt = {
                    let mut s = state.borrow_mut();
                    let dt = s.last.map_or(0.0, |l| now - l);
                    s.last = Some(now);
                    dt
                };
                on_frame.emit(dt);
                request(&state);
            });
            state.borrow_mut().closure = Some(closure);
            request(&state);
        }
        move || {
            let mut s = state.borrow_mut();
            if let (Some(h), Some(w)) = (s.handle.take(), web_sys::window()) {
                let _ = w.cancel_animation_frame(h);
            }
            s.closure = None;
        }
    });
}

fn request(state: &Rc<RefCell<FrameLoop>>) {
    let mut s = state.borrow_mut();
    let Some(window) = web_sys::window() else {
        return;
    };
    let handle = s.closure.as_ref().and_then(|c| {
        window
            .request_animation_frame(c.as_ref().unchecked_ref())
            .ok()
    });
    s.handle = handle;
}

/// Listens to `event` on `target` (the window or the document) for the
/// component's lifetime; the listener is removed on cleanup.
#[hook]
pub fn use_event_listener(
    target: Option<web_sys::EventTarget>,
    event: &'static str,
    callback: Callback<web_sys::Event>,
) {
    use_effect_with((event, callback), move |(event, callback)| {
        let callback = callback.clone();
        let closure =
            Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| callback.emit(e));
        if let Some(t) = &target {
            let _ = t.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
        let event = *event;
        move || {
            if let Some(t) = &target {
                let _ =
                    t.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            }
            drop(closure);
        }
    });
}

struct Throttled<K, T> {
    key: Option<K>,
    at: f64,
    value: Rc<T>,
    timer: Option<gloo_timers::callback::Timeout>,
}

/// A value built from `key`, rebuilt when the key changes: at once, unless
/// `playing_on(old, new)` says the change is only the clock moving forward,
/// in which case at most every `interval_ms` — a timer re-renders the
/// component to catch up with the last change. For panels whose rebuild is
/// costly while the clock runs fast (the event log).
#[hook]
pub fn use_throttled<K, T, B>(
    key: K,
    interval_ms: f64,
    playing_on: fn(&K, &K) -> bool,
    build: B,
) -> Rc<T>
where
    K: PartialEq + Clone + 'static,
    T: Default + 'static,
    B: FnOnce(&K) -> T,
{
    let force = use_force_update();
    let cache = use_mut_ref(|| Throttled::<K, T> {
        key: None,
        at: f64::NEG_INFINITY,
        value: Rc::new(T::default()),
        timer: None,
    });
    let mut c = cache.borrow_mut();
    if c.key.as_ref() != Some(&key) {
        let now = js_sys::Date::now();
        let forward = c.key.as_ref().is_some_and(|old| playing_on(old, &key));
        if !forward || now - c.at >= interval_ms {
            c.value = Rc::new(build(&key));
            c.key = Some(key);
            c.at = now;
            c.timer = None;
        } else if c.timer.is_none() {
            let force = force.clone();
            c.timer = Some(gloo_timers::callback::Timeout::new(
                interval_ms as u32,
                move || force.force_update(),
            ));
        }
    }
    c.value.clone()
}

/// The run version to give a panel that shows only `key` of the run
/// (`view::shown::ShownVersion`): it stays put while the key compares
/// equal, so the panel skips the frame. `key` runs only when `version`
/// moved.
#[hook]
pub fn use_shown_version<K, F>(version: u64, key: F) -> u64
where
    K: PartialEq + 'static,
    F: FnOnce() -> K,
{
    let slot = use_mut_ref(|| None::<crate::view::shown::ShownVersion<K>>);
    let mut slot = slot.borrow_mut();
    match slot.as_mut() {
        Some(s) => s.follow(version, key),
        None => {
            *slot = Some(crate::view::shown::ShownVersion::new(version, key()));
            version
        }
    }
}
