//! A keyboard path to the messages in flight. Messages are not Tab stops
//! (they move and vanish under the focus), so `m` selects the next message
//! in flight and `M` (Shift+m) the previous one, in the order they were
//! sent; the message card then says which one of how many it is, in a
//! polite live region. Pure, so the order is tested natively.

use crate::sim::MsgId;
use crate::view::i18n::Lang;

/// The message to select after `current` among `in_flight` (ids in the
/// order they were sent), going `forward` or back, wrapping around. With
/// nothing selected (or a message no longer in flight) it starts at the
/// first (forward) or the last (back). `None` when nothing is in flight.
pub fn cycle(in_flight: &[MsgId], current: Option<MsgId>, forward: bool) -> Option<MsgId> {
    let n = in_flight.len();
    if n == 0 {
        return None;
    }
    let at = current.and_then(|c| in_flight.iter().position(|&m| m == c));
    let k = match (at, forward) {
        (Some(k), true) => (k + 1) % n,
        (Some(k), false) => (k + n - 1) % n,
        (None, true) => in_flight
            .iter()
            .position(|&m| current.is_some_and(|c| m > c))
            .unwrap_or(0),
        (None, false) => n - 1,
    };
    Some(in_flight[k])
}

/// "message 3 of 7 in flight", said when the card opens.
pub fn position_text(lang: Lang, k: usize, n: usize) -> String {
    match lang {
        Lang::En => format!("message {k} of {n} in flight · m / Shift+m: next / previous"),
        Lang::Zh => format!("飞行中的第 {k} 条消息，共 {n} 条 · m / Shift+m：下一条 / 上一条"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn m_walks_the_messages_in_flight_and_wraps() {
        let ids = [4, 7, 9];
        assert_eq!(cycle(&ids, None, true), Some(4));
        assert_eq!(cycle(&ids, Some(4), true), Some(7));
        assert_eq!(cycle(&ids, Some(9), true), Some(4), "wraps");
        assert_eq!(cycle(&ids, Some(4), false), Some(9), "back wraps");
        assert_eq!(cycle(&ids, None, false), Some(9));
        assert_eq!(
            cycle(&ids, Some(8), true),
            Some(9),
            "a delivered one: the next after it"
        );
        assert_eq!(cycle(&ids, Some(10), true), Some(4));
        assert_eq!(cycle(&[], Some(3), true), None);
        assert_eq!(
            position_text(Lang::En, 2, 3),
            "message 2 of 3 in flight · m / Shift+m: next / previous"
        );
        assert!(position_text(Lang::Zh, 2, 3).starts_with("飞行中的第 2 条消息，共 3 条"));
    }
}
