//! Keeping the keyboard focus somewhere sensible. When the focused control
//! disables itself (Crash → disabled) or disappears (the last step's Next,
//! a closed card), the browser drops focus to `<body>` and the next Tab
//! starts again at the top of the page. [`use_focus_keeper`] remembers the
//! last focused element and its ancestors, and after each render moves the
//! focus to the first usable control in the nearest ancestor still on the
//! page.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What can take the focus when a control is lost.
const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), \
     select:not([disabled]), textarea:not([disabled]), summary, \
     [tabindex]:not([tabindex='-1'])";

/// The last focused element and its ancestors, nearest first.
#[derive(Default)]
struct Remembered {
    element: Option<web_sys::Element>,
    ancestors: Vec<web_sys::Element>,
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

fn is_disabled(el: &web_sys::Element) -> bool {
    el.has_attribute("disabled")
}

/// Shown on screen (not `display: none` or in a closed `<details>`).
fn is_shown(el: &web_sys::HtmlElement) -> bool {
    let r = el.get_bounding_client_rect();
    r.width() > 0.0 || r.height() > 0.0
}

/// The focus was lost: nothing usable has it, and what had it is gone or
/// disabled.
fn focus_lost(r: &Remembered) -> bool {
    let Some(doc) = document() else { return false };
    let Some(last) = &r.element else { return false };
    let active = doc.active_element();
    let on_body = active.is_none() || active.as_ref() == doc.body().as_ref().map(AsRef::as_ref);
    let active_disabled = active.as_ref().is_some_and(is_disabled);
    (on_body || active_disabled) && (!last.is_connected() || is_disabled(last))
}

fn first_focusable(within: &web_sys::Element) -> Option<web_sys::HtmlElement> {
    let list = within.query_selector_all(FOCUSABLE).ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(is_shown)
}

fn recover(ancestors: &[web_sys::Element]) {
    for a in ancestors.iter().filter(|a| a.is_connected()) {
        if let Some(target) = first_focusable(a) {
            let _ = target.focus();
            return;
        }
    }
}

/// Remembers where the focus is and brings it back when its control goes
/// away (call once, in the app).
#[hook]
pub fn use_focus_keeper() {
    let remembered = use_mut_ref(Remembered::default);
    let on_focus = {
        let remembered = remembered.clone();
        use_memo((), move |_| {
            Callback::from(move |e: web_sys::Event| {
                let Some(el) = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                else {
                    return;
                };
                let mut ancestors = Vec::new();
                let mut at = el.parent_element();
                while let Some(p) = at {
                    at = p.parent_element();
                    ancestors.push(p);
                }
                *remembered.borrow_mut() = Remembered {
                    element: Some(el),
                    ancestors,
                };
            })
        })
    };
    let doc: Option<web_sys::EventTarget> = document().map(Into::into);
    super::hooks::use_event_listener(doc, "focusin", (*on_focus).clone());
    use_check_after_render(remembered);
}

/// After every render: if the focus was lost, recover it.
#[hook]
fn use_check_after_render(remembered: Rc<RefCell<Remembered>>) {
    use_effect(move || {
        // Copied out: focusing fires `focusin`, which writes `remembered`.
        let lost = {
            let r = remembered.borrow();
            focus_lost(&r).then(|| r.ancestors.clone())
        };
        if let Some(ancestors) = lost {
            recover(&ancestors);
        }
    });
}
