//! The run version to give a panel so that it re-renders only when what it
//! shows changed (issue 15, "panels memoized on what they display"). A
//! panel's props carry the run's version; a tick that changes nothing the
//! panel shows keeps the version the panel last rendered with, so Yew's
//! props comparison skips its view and its DOM patch. The key is what the
//! panel reads from the run, compared by value; it is computed only when
//! the version moved. Pure, so it is tested without a browser.

/// The version one panel was last given, and the key it showed.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownVersion<K> {
    seen: u64,
    key: K,
    given: u64,
}

impl<K: PartialEq> ShownVersion<K> {
    /// Starts at `version`, showing `key`.
    pub fn new(version: u64, key: K) -> Self {
        ShownVersion {
            seen: version,
            key,
            given: version,
        }
    }

    /// The version to give the panel now that the run is at `version`:
    /// `version` itself when the key changed, else the one given before.
    pub fn follow(&mut self, version: u64, key: impl FnOnce() -> K) -> u64 {
        if version != self.seen {
            self.seen = version;
            let key = key();
            if key != self.key {
                self.key = key;
                self.given = version;
            }
        }
        self.given
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_moves_only_when_the_key_changes() {
        let mut s = ShownVersion::new(1, "a");
        assert_eq!(s.follow(2, || "a"), 1);
        assert_eq!(s.follow(3, || "a"), 1);
        assert_eq!(s.follow(4, || "b"), 4);
        assert_eq!(s.follow(5, || "b"), 4);
        // Back to an earlier key is a change too.
        assert_eq!(s.follow(6, || "a"), 6);
    }

    #[test]
    fn the_key_is_not_computed_while_the_version_stands() {
        let mut s = ShownVersion::new(7, 0);
        let mut calls = 0;
        for _ in 0..3 {
            s.follow(7, || {
                calls += 1;
                1
            });
        }
        assert_eq!(calls, 0);
        assert_eq!(s.follow(8, || 1), 8);
    }
}
