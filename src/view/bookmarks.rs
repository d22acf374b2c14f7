//! Bookmarks: a teacher's notes pinned to ticks of the run, listed under the
//! timeline, drawn on the space-time diagram, carried in share links and run
//! files. Pure and validated here; the UI only shows and dispatches.

use serde::{Deserialize, Serialize};

/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 140;
/// Most bookmarks in one run.
pub const MAX_BOOKMARKS: usize = 50;

/// One bookmark.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// The tick it marks.
    pub tick: u64,
    /// The note (may be empty).
    pub note: String,
}

/// Why a bookmark was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BookmarkError {
    /// The note is longer than [`MAX_NOTE_CHARS`].
    NoteTooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// There are already [`MAX_BOOKMARKS`].
    TooMany,
}

impl std::fmt::Display for BookmarkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BookmarkError::NoteTooLong { chars } => {
                write!(
                    f,
                    "a bookmark note has at most {MAX_NOTE_CHARS} characters (got {chars})"
                )
            }
            BookmarkError::TooMany => write!(f, "a run has at most {MAX_BOOKMARKS} bookmarks"),
        }
    }
}

impl std::error::Error for BookmarkError {}

/// The bookmarks of a run, by tick, at most one per tick.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmarks(Vec<Bookmark>);

impl Bookmarks {
    /// Pins `note` (trimmed, control characters removed) to `tick`; a second
    /// bookmark at the same tick replaces the first's note.
    pub fn add(&mut self, tick: u64, note: &str) -> Result<(), BookmarkError> {
        let note: String = note.trim().chars().filter(|c| !c.is_control()).collect();
        let chars = note.chars().count();
        if chars > MAX_NOTE_CHARS {
            return Err(BookmarkError::NoteTooLong { chars });
        }
        match self.0.binary_search_by_key(&tick, |b| b.tick) {
            Ok(i) => self.0[i].note = note,
            Err(_) if self.0.len() >= MAX_BOOKMARKS => return Err(BookmarkError::TooMany),
            Err(i) => self.0.insert(i, Bookmark { tick, note }),
        }
        Ok(())
    }

    /// Removes the bookmark at `tick`, if any.
    pub fn remove(&mut self, tick: u64) {
        self.0.retain(|b| b.tick != tick);
    }

    /// Every bookmark, by tick.
    pub fn iter(&self) -> impl Iterator<Item = &Bookmark> {
        self.0.iter()
    }

    /// How many.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// None?
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The bookmarks at or before `tick` (a run shared without its future).
    pub fn before(&self, tick: u64) -> Bookmarks {
        Bookmarks(self.0.iter().filter(|b| b.tick <= tick).cloned().collect())
    }

    /// Rebuilds a validated set from untrusted bookmarks (a link or file):
    /// each goes through [`Bookmarks::add`]; the first refusal is returned.
    pub fn from_untrusted(list: &[Bookmark], max_tick: u64) -> Result<Bookmarks, BookmarkError> {
        let mut out = Bookmarks::default();
        for b in list.iter().filter(|b| b.tick <= max_tick) {
            out.add(b.tick, &b.note)?;
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_one_per_tick_validated() {
        let mut b = Bookmarks::default();
        b.add(30, "  split vote\n").unwrap();
        b.add(10, "n1 times out").unwrap();
        b.add(30, "split vote!").unwrap();
        let all: Vec<_> = b.iter().map(|b| (b.tick, b.note.as_str())).collect();
        assert_eq!(all, vec![(10, "n1 times out"), (30, "split vote!")]);
        assert_eq!(
            b.add(5, &"x".repeat(141)),
            Err(BookmarkError::NoteTooLong { chars: 141 })
        );
        b.add(5, &"领".repeat(140)).unwrap(); // characters, not bytes
        b.remove(10);
        assert_eq!(b.len(), 2);
        for t in 100..(100 + MAX_BOOKMARKS as u64 - 2) {
            b.add(t, "").unwrap();
        }
        assert_eq!(b.add(9999, ""), Err(BookmarkError::TooMany));
        assert!(b.add(100, "replace is fine when full").is_ok());
    }

    #[test]
    fn untrusted_lists_are_revalidated() {
        let list = vec![
            Bookmark {
                tick: 50,
                note: "b".into(),
            },
            Bookmark {
                tick: 5,
                note: "a\u{7}".into(),
            },
            Bookmark {
                tick: 500,
                note: "beyond the run".into(),
            },
        ];
        let b = Bookmarks::from_untrusted(&list, 100).unwrap();
        assert_eq!(
            b.iter()
                .map(|b| (b.tick, b.note.as_str()))
                .collect::<Vec<_>>(),
            vec![(5, "a"), (50, "b")]
        );
        let long = vec![Bookmark {
            tick: 1,
            note: "x".repeat(500),
        }];
        assert!(Bookmarks::from_untrusted(&long, 100).is_err());
    }
}
