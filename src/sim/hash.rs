//! A portable 64-bit FNV-1a hasher for trace hashes: the same value natively
//! and on wasm32 (lengths are always hashed as 64-bit).

use std::hash::{Hash, Hasher};

/// FNV-1a, with `usize` widened to 64 bits so 32- and 64-bit targets agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv64 {
    /// Continues from a previous value.
    pub fn from_state(state: u64) -> Self {
        Fnv64(state)
    }

    /// Hashes one value into a running state.
    pub fn mix<T: Hash>(state: u64, value: &T) -> u64 {
        let mut h = Fnv64::from_state(state);
        value.hash(&mut h);
        h.finish()
    }
}

impl Hasher for Fnv64 {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn write_usize(&mut self, i: usize) {
        self.write(&(i as u64).to_le_bytes());
    }
    fn write_isize(&mut self, i: isize) {
        self.write(&(i as i64).to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vector_and_width_independence() {
        let mut h = Fnv64::default();
        h.write(b"a");
        assert_eq!(h.finish(), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(Fnv64::mix(1, &(3usize)), Fnv64::mix(1, &(3u64)));
    }
}
