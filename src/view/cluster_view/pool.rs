//! Which element draws which message in flight (issue 15, "message elements
//! reused").
//!
//! At the fastest speeds a message lives a tick or two, less than an
//! animation frame, so keying each pill by its message id creates and
//! destroys every pill element on every frame. Messages are first put in a
//! stable drawing order, the *place*: the k-th message (in send order) on
//! one directed link ([`pill_keys`]). The element that draws a message is
//! then its rank among the messages of the same shape ([`element_keys`]):
//! the i-th heartbeat dot on screen is always drawn by the same element,
//! whichever link it is on, and so is the i-th labelled pill. A frame only
//! patches what differs (the id, the label, the position) and creates or
//! removes elements only when the number of dots or pills on screen
//! changes (measured with a mutation observer at 9 nodes, fastest speed:
//! about 4 pills were created and 4 removed per frame while elements
//! belonged to a link, since most links' messages come and go within a
//! frame).

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

/// The element key of each message, given whether each is drawn as a dot
/// (`true`: a heartbeat, or a message with no room for its label) in
/// drawing order: dots are keyed 0, 2, 4, … and labelled pills 1, 3, 5, …
/// by their rank among their own shape, so an element keeps its shape (a
/// dot element never has to become a pill) and keys are unique.
pub fn element_keys(dots: &[bool]) -> Vec<u64> {
    let (mut d, mut p) = (0u64, 0u64);
    dots.iter()
        .map(|&dot| {
            let k = if dot { &mut d } else { &mut p };
            *k += 1;
            2 * (*k - 1) + u64::from(!dot)
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
        sorted.sort_unstable();
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

    #[test]
    fn an_element_is_the_rank_among_its_shape() {
        // dot, pill, dot, dot, pill
        assert_eq!(
            element_keys(&[true, false, true, true, false]),
            vec![0, 1, 2, 4, 3]
        );
        // A frame later every message is another one on other links, but
        // there are as many dots and pills: the same five keys, no new
        // element.
        let mut later = element_keys(&[false, true, true, false, true]);
        later.sort_unstable();
        assert_eq!(later, vec![0, 1, 2, 3, 4]);
        // One more dot: exactly one new key.
        let mut more = element_keys(&[true, true, true, true, false, false]);
        more.sort_unstable();
        assert_eq!(more, vec![0, 1, 2, 3, 4, 6]);
        assert!(element_keys(&[]).is_empty());
    }
}
