//! Closing a pop-over the way people expect, and placing it clear of the
//! toolbar. While it is open, [`use_dismiss`] closes it on Esc (unless a
//! modal dialog, the help, is open on top) or on a click outside it, and
//! gives the keyboard focus back to the button that opened it whenever the
//! focus would otherwise be lost; [`use_below_toolbar`] keeps it under the
//! playback toolbar, so it never covers the toolbar's controls.

use crate::view::fixed::Fixed;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The gap between the toolbar and the pop-over, in CSS pixels.
const GAP_PX: f64 = 6.0;

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Whether `target` lies inside the element `root` refers to.
fn inside(root: &NodeRef, target: Option<web_sys::EventTarget>) -> bool {
    let node = target.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    root.get().is_some_and(|r| r.contains(node.as_ref()))
}

/// Moves the focus to `to` if it is nowhere useful: on the page itself, or
/// on something inside `root` (which is about to go).
fn return_focus(root: &NodeRef, to: &NodeRef) {
    let Some(doc) = document() else { return };
    let active = doc.active_element();
    let on_body = active.is_none() || active.as_ref() == doc.body().as_ref().map(AsRef::as_ref);
    if on_body || inside(root, active.map(Into::into)) {
        if let Some(button) = to.cast::<web_sys::HtmlElement>() {
            let _ = button.focus();
        }
    }
}

/// While `open`: Esc, or a click outside `root`, calls `close`; the focus
/// goes back to `opener` when it would be lost. Esc handled here goes no
/// further (it does not also clear the selection).
#[hook]
pub fn use_dismiss(open: bool, root: NodeRef, opener: NodeRef, close: Callback<()>) {
    use_effect_with(open, move |&open| {
        let doc = document().filter(|_| open);
        let listeners = doc.map(|doc| {
            let on_key = {
                let (opener, close) = (opener.clone(), close.clone());
                Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                    let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    let modal = document()
                        .and_then(|d| d.query_selector("dialog[open]").ok().flatten())
                        .is_some();
                    if k.key() != "Escape" || modal {
                        return;
                    }
                    e.stop_propagation();
                    e.prevent_default();
                    if let Some(button) = opener.cast::<web_sys::HtmlElement>() {
                        let _ = button.focus();
                    }
                    close.emit(());
                })
            };
            let on_click = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                if inside(&root, e.target()) {
                    return;
                }
                return_focus(&root, &opener);
                close.emit(());
            });
            // Capture: seen before the page's own handlers.
            let _ = doc.add_event_listener_with_callback_and_bool(
                "keydown",
                on_key.as_ref().unchecked_ref(),
                true,
            );
            let _ = doc.add_event_listener_with_callback_and_bool(
                "click",
                on_click.as_ref().unchecked_ref(),
                true,
            );
            (doc, on_key, on_click)
        });
        move || {
            if let Some((doc, on_key, on_click)) = listeners {
                let _ = doc.remove_event_listener_with_callback_and_bool(
                    "keydown",
                    on_key.as_ref().unchecked_ref(),
                    true,
                );
                let _ = doc.remove_event_listener_with_callback_and_bool(
                    "click",
                    on_click.as_ref().unchecked_ref(),
                    true,
                );
            }
        }
    });
}

/// Places the element `panel` refers to (fixed) just below the playback
/// toolbar, and keeps it there as the page scrolls or resizes.
fn place(panel: &NodeRef) {
    let Some(el) = panel.cast::<web_sys::HtmlElement>() else {
        return;
    };
    let bottom = document()
        .and_then(|d| d.query_selector("nav.toolbar").ok().flatten())
        .map_or(0.0, |t| t.get_bounding_client_rect().bottom());
    let top = bottom.max(0.0) + GAP_PX;
    let _ = el
        .style()
        .set_property("top", &format!("{}px", Fixed(top, 2)));
}

/// While `open`: keeps `panel` below the toolbar (see [`place`]).
#[hook]
pub fn use_below_toolbar(open: bool, panel: NodeRef) {
    use_effect_with(open, move |&open| {
        let window = web_sys::window().filter(|_| open);
        let listener = window.map(|w| {
            place(&panel);
            let on_change =
                Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| place(&panel));
            for event in ["resize", "scroll"] {
                let _ = w.add_event_listener_with_callback_and_bool(
                    event,
                    on_change.as_ref().unchecked_ref(),
                    true,
                );
            }
            (w, on_change)
        });
        move || {
            if let Some((w, on_change)) = listener {
                for event in ["resize", "scroll"] {
                    let _ = w.remove_event_listener_with_callback_and_bool(
                        event,
                        on_change.as_ref().unchecked_ref(),
                        true,
                    );
                }
            }
        }
    });
}
