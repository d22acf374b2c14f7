//! The set of operations a search has placed, as a bit set (the search's
//! memo key with the state).

/// The set of placed ops.
#[derive(Clone)]
pub(super) struct Bits {
    pub(super) words: Vec<u64>,
}

impl Bits {
    pub(super) fn new(n: usize) -> Bits {
        Bits {
            words: vec![0; n.div_ceil(64).max(1)],
        }
    }
    pub(super) fn get(&self, i: usize) -> bool {
        self.words[i / 64] & (1 << (i % 64)) != 0
    }
    pub(super) fn set(&mut self, i: usize, on: bool) {
        if on {
            self.words[i / 64] |= 1 << (i % 64);
        } else {
            self.words[i / 64] &= !(1 << (i % 64));
        }
    }
    /// The lowest index at or after `from` not set (may be past the end).
    pub(super) fn next_clear(&self, from: usize) -> usize {
        let mut k = from / 64;
        if k >= self.words.len() {
            return from;
        }
        let mut w = self.words[k] | ((1u64 << (from % 64)) - 1);
        while w == u64::MAX {
            k += 1;
            if k == self.words.len() {
                return k * 64;
            }
            w = self.words[k];
        }
        k * 64 + w.trailing_ones() as usize
    }
}
