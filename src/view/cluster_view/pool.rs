//! Which element draws which message in flight (issue 15, "message elements
//! reused").
//!
//! At the fastest speeds a message lives a tick or two, less than an
//! animation frame, so keying each pill by its message id creates and
//! destroys every pill element on every frame. Instead a pill element
//! belongs to a *place*: the k-th message (in send order) on one directed
//! link. A frame that shows other messages at the same places reuses the
//! same elements and only patches what differs (the id, the label, the
//! position), and the overlay's DOM stays the same size.

/// The element key of each message, given each message's directed link
/// `(from, to)` (0-based ring positions, each below `max_nodes`) in send
/// order: the link's index times 1024 plus how many earlier messages are on
/// the same link. Keys are unique, and sorting the messages by key keeps
/// each link's messages in send order.
pub fn pill_keys(links: &[(usize, usize)], max_nodes: usize) -> Vec<u64> {
    let mut seen = vec![0u64; max_nodes * max_nodes];
    links
        .iter()
        .map(|&(a, b)| {
            let slot = (a.min(max_nodes - 1) * max_nodes + b.min(max_nodes - 1)) as u64;
            let k = &mut seen[slot as usize];
            *k += 1;
            slot * 1024 + (*k - 1)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kth_message_on_a_link_keeps_its_place() {
        // n1→n2 twice, n2→n1 once, n3→n1 once.
        let keys = pill_keys(&[(0, 1), (1, 0), (0, 1), (2, 0)], 9);
        assert_eq!(keys, vec![1024, 9 * 1024, 1025, 18 * 1024]);
        // A frame later the first n1→n2 was delivered and a new n1→n3 sent:
        // the remaining n1→n2 takes the first place on its link, the other
        // links' messages keep theirs.
        let later = pill_keys(&[(1, 0), (0, 1), (2, 0), (0, 2)], 9);
        assert_eq!(later, vec![9 * 1024, 1024, 18 * 1024, 2 * 1024]);
    }

    #[test]
    fn keys_are_unique_and_sort_by_link_then_send_order() {
        let links: Vec<(usize, usize)> = (0..200).map(|i| ((i * 7) % 9, (i * 4 + 1) % 9)).collect();
        let keys = pill_keys(&links, 9);
        let mut sorted = keys.clone();
        crate::sort::sort(&mut sorted);
        sorted.dedup();
        assert_eq!(sorted.len(), keys.len());
        // Within one link, later messages get larger keys.
        for (i, a) in links.iter().enumerate() {
            for (j, b) in links.iter().enumerate().skip(i + 1) {
                if a == b {
                    assert!(keys[i] < keys[j]);
                }
            }
        }
        // Out-of-range positions are clamped, not a panic.
        assert_eq!(pill_keys(&[(20, 20)], 9), vec![80 * 1024]);
    }
}
