//! How many times each counted component has rendered (issue 15: panels and
//! the static cluster layer must skip frames in which what they show did
//! not change). Read by `tests/browser/frame_split.mjs` through
//! `window.wasmBindings.raftlab_render_counts()`; counting is one increment
//! per render, nothing is drawn from it.

use std::cell::RefCell;

thread_local! {
    static COUNTS: RefCell<Vec<(&'static str, u64)>> = const { RefCell::new(Vec::new()) };
}

/// Counts one render of `component`.
pub(crate) fn count(component: &'static str) {
    COUNTS.with(|c| {
        let mut c = c.borrow_mut();
        match c.iter_mut().find(|(name, _)| *name == component) {
            Some((_, n)) => *n += 1,
            None => c.push((component, 1)),
        }
    });
}

/// Every count so far, as `name=count` separated by spaces.
pub(crate) fn counts() -> String {
    COUNTS.with(|c| {
        c.borrow()
            .iter()
            .map(|(name, n)| format!("{name}={n}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}
