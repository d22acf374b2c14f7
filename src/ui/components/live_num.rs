//! Text that changes while the clock runs, drawn in a box of its own.
//!
//! Blink starts a re-layout at the nearest *relayout boundary* above a
//! change, and a flex item or a grid item never is one, so a changed digit
//! in a panel head (a flex row) or a summary (a grid) re-lays-out the whole
//! page (~5,400 boxes) on every refresh. An inline-block with
//! `contain: strict` and a definite size is a boundary: its width is one
//! `ch` per digit (digits are tabular, each exactly `1ch`), so a new value
//! re-lays-out only that box, and the page only when the number of digits
//! changes. Measured by `tests/browser/layout_roots.test.js`.

use yew::prelude::*;

/// `n` in a `span.live-num` one `ch` wide per digit (see the module note).
/// Its text is the plain decimal, so readers and tests see the same text.
pub fn live_num(n: impl Into<u64>) -> Html {
    let text = n.into().to_string();
    html! { <span class="live-num" style={format!("width:{}ch", text.len())}>{text}</span> }
}

/// `text` on one line in a `span.live-line` that fills its container's
/// width and is one line high, with `contain: strict`: a layout root of its
/// own whatever the text (see the module note). Text too long for the line
/// ends in an ellipsis; the whole text is the box's tooltip.
pub fn live_line(text: String) -> Html {
    html! { <span class="live-line" title={text.clone()}>{text}</span> }
}
