//! Keeping an item of a scrolled list in view (the current step of a
//! scenario's step list) by scrolling the list itself, never the page.

/// The list's new `scrollTop` so that the item shows whole, centred when it
/// was out of view; `None` when it already shows whole (nothing moves).
/// `list_top` and `item_top` are viewport positions (`getBoundingClientRect`),
/// heights in the same pixels, `scroll_top` the list's current scroll.
pub fn reveal(
    list_top: f64,
    list_h: f64,
    item_top: f64,
    item_h: f64,
    scroll_top: f64,
) -> Option<f64> {
    let above = item_top < list_top;
    let below = item_top + item_h > list_top + list_h;
    if !above && !below {
        return None;
    }
    // Where the item sits inside the scrolled content.
    let offset = item_top - list_top + scroll_top;
    Some((offset - (list_h - item_h) / 2.0).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::reveal;

    #[test]
    fn an_item_in_view_moves_nothing() {
        assert_eq!(reveal(100.0, 128.0, 110.0, 24.0, 0.0), None);
        assert_eq!(
            reveal(100.0, 128.0, 204.0, 24.0, 40.0),
            None,
            "touching the bottom edge"
        );
    }

    #[test]
    fn an_item_below_or_above_is_centred() {
        // Item 8 of 24 px rows starts 192 px into the content; the list shows 128.
        assert_eq!(reveal(100.0, 128.0, 292.0, 24.0, 0.0), Some(140.0));
        // Scrolled to 200, the item at content offset 24 is above the list.
        assert_eq!(reveal(100.0, 128.0, -76.0, 24.0, 200.0), Some(0.0));
        assert_eq!(reveal(100.0, 128.0, 40.0, 24.0, 300.0), Some(188.0));
    }
}
