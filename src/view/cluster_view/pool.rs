//! Which element draws which message in flight (issue 15, "message elements
//! reused").
//!
//! At the fastest speeds a message lives a tick or two, less than an
//! animation frame, so keying each pill by its message id creates and
//! destroys every pill element on every frame. Messages are first put in a
//! stable drawing order, the *place*: the k-th message (in send order) on
//! one directed link ([`pill_keys`]). The element that draws a message is
//! then its rank among the messages of the same shape ([`MessagePool`]):
//! the i-th heartbeat dot on screen is always drawn by the same element,
//! whichever link it is on, and so is the i-th labelled pill. The number in
//! flight swings every frame (a leader's heartbeats go out to every follower
//! at once, and come back), so an element whose rank is not used this frame
//! is kept, hidden and without its `data-*` attributes, instead of being
//! removed and created again. A frame then only patches what differs (the
//! id, the label, the position, shown or hidden). Measured with a mutation
//! observer at 9 nodes, fastest speed: about 4 pill elements were created
//! and 4 removed per frame while elements belonged to a link, most links'
//! messages coming and going within a frame.

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

/// Most hidden elements kept for each shape.
pub const POOL_MAX: usize = 96;

/// One element of the message layer in a frame, in drawing order.
#[derive(Clone, Debug, PartialEq)]
pub enum Drawn<T> {
    /// Draws this frame's message at `index` (into the frame's list).
    Shown {
        /// The element key.
        key: u64,
        /// The message's index in the frame's list.
        index: usize,
    },
    /// Kept hidden; `last` is what it drew last (drawn again, hidden, so
    /// its element keeps its shape and skips re-rendering).
    Idle {
        /// The element key.
        key: u64,
        /// What it last drew.
        last: T,
    },
}

/// The elements of the message layer across frames: per shape (dot, pill),
/// what each rank's element last drew.
#[derive(Debug, Default)]
pub struct MessagePool<T> {
    dots: Vec<T>,
    pills: Vec<T>,
}

impl<T: Clone> MessagePool<T> {
    /// An empty pool.
    pub fn new() -> Self {
        MessagePool {
            dots: Vec::new(),
            pills: Vec::new(),
        }
    }

    /// This frame's messages in drawing order, each `(is a dot, what its
    /// element draws)`, to the elements to draw: the dots first (shown, then
    /// the hidden ones kept), then the pills. The i-th dot is keyed `2i`,
    /// the i-th pill `2i + 1`, so the keys come in the same order every frame
    /// and an element is created only when more of a shape are in flight
    /// than ever before (up to [`POOL_MAX`] kept).
    pub fn frame(&mut self, items: &[(bool, T)]) -> Vec<Drawn<T>> {
        let mut out = Vec::with_capacity(items.len() + self.dots.len() + self.pills.len());
        for (shape, store) in [(true, &mut self.dots), (false, &mut self.pills)] {
            let mut rank = 0usize;
            let key = |r: usize| 2 * r as u64 + u64::from(!shape);
            for (index, (dot, data)) in items.iter().enumerate() {
                if *dot != shape {
                    continue;
                }
                match store.get_mut(rank) {
                    Some(slot) => *slot = data.clone(),
                    None => store.push(data.clone()),
                }
                out.push(Drawn::Shown {
                    key: key(rank),
                    index,
                });
                rank += 1;
            }
            // Ranks above the cap are not kept (their elements go).
            let kept = store.len().min(POOL_MAX.max(rank));
            for (r, last) in store.iter().enumerate().take(kept).skip(rank) {
                out.push(Drawn::Idle {
                    key: key(r),
                    last: last.clone(),
                });
            }
            store.truncate(kept);
        }
        out
    }
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

    fn keys(d: &[Drawn<char>]) -> Vec<(u64, bool)> {
        d.iter()
            .map(|x| match x {
                Drawn::Shown { key, .. } => (*key, true),
                Drawn::Idle { key, .. } => (*key, false),
            })
            .collect()
    }

    #[test]
    fn an_element_is_the_rank_among_its_shape_and_is_kept_when_unused() {
        let mut pool = MessagePool::new();
        // dot a, pill B, dot c: dots first, each the rank of its shape.
        let f = pool.frame(&[(true, 'a'), (false, 'B'), (true, 'c')]);
        assert_eq!(
            f,
            vec![
                Drawn::Shown { key: 0, index: 0 },
                Drawn::Shown { key: 2, index: 2 },
                Drawn::Shown { key: 1, index: 1 },
            ]
        );
        // A frame later only one dot (another message) is in flight: the
        // second dot's element and the pill's are kept hidden with what they
        // drew; the same keys in the same order, nothing created or removed.
        let f = pool.frame(&[(true, 'd')]);
        assert_eq!(
            f,
            vec![
                Drawn::Shown { key: 0, index: 0 },
                Drawn::Idle { key: 2, last: 'c' },
                Drawn::Idle { key: 1, last: 'B' },
            ]
        );
        // Three dots: one new element (key 4), the pill still kept.
        let f = pool.frame(&[(true, 'e'), (true, 'f'), (true, 'g')]);
        assert_eq!(keys(&f), vec![(0, true), (2, true), (4, true), (1, false)]);
        // Nothing in flight: everything kept, hidden.
        let f = pool.frame(&[]);
        assert_eq!(
            keys(&f),
            vec![(0, false), (2, false), (4, false), (1, false)]
        );
    }

    #[test]
    fn at_most_pool_max_hidden_elements_are_kept_per_shape() {
        let mut pool = MessagePool::new();
        let many: Vec<(bool, u32)> = (0..POOL_MAX as u32 + 10).map(|i| (true, i)).collect();
        // All shown, even beyond the cap.
        assert_eq!(pool.frame(&many).len(), POOL_MAX + 10);
        // Then none in flight: only POOL_MAX kept.
        let f = pool.frame(&[]);
        assert_eq!(f.len(), POOL_MAX);
        assert!(f.iter().all(|d| matches!(d, Drawn::Idle { .. })));
    }
}
