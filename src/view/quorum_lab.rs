//! The quorum read/write lab (course notes seed 000: 去中心化复制, Dynamo's
//! N/W/R; Gifford's weighted voting, SOSP 1979): `n` replicas each hold a
//! version of one value; a write stores a new version on the `w` replicas the
//! student chose, a read asks the `r` replicas chosen and returns the newest
//! version among them. When `r + w > n` every read set meets every write set
//! (pigeonhole), so a read always sees the newest write; when `r + w ≤ n` two
//! disjoint sets exist and a read can return a stale version.
//!
//! A real small model, not a picture: every number on screen comes from
//! [`QuorumLab`]. Bad input ([`QuorumError`]) leaves the lab unchanged.

/// The most replicas the lab offers.
pub const MAX_N: usize = 9;

/// Why a lab action was refused (nothing changed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuorumError {
    /// `n` outside `1..=MAX_N`.
    NOutOfRange {
        /// The value given.
        n: usize,
    },
    /// `w` outside `1..=n`.
    WOutOfRange {
        /// The value given.
        w: usize,
        /// The replicas there are.
        n: usize,
    },
    /// `r` outside `1..=n`.
    ROutOfRange {
        /// The value given.
        r: usize,
        /// The replicas there are.
        n: usize,
    },
    /// No replica has this number (0-based).
    NoSuchReplica {
        /// The number given.
        replica: usize,
    },
    /// A write needs exactly `w` chosen replicas, a read exactly `r`.
    WrongSetSize {
        /// How many are chosen.
        chosen: usize,
        /// How many are needed.
        need: usize,
    },
}

/// Which set a replica choice is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Set {
    /// The replicas the next write goes to.
    Write,
    /// The replicas the next read asks.
    Read,
}

/// One change a student makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuorumAction {
    /// Set the number of replicas (the replicas start over at version 0).
    SetN(usize),
    /// Set the write quorum.
    SetW(usize),
    /// Set the read quorum.
    SetR(usize),
    /// Add a replica to, or take it out of, a set.
    Toggle(Set, usize),
    /// Write a new version to the write set.
    Write,
    /// Read from the read set.
    Read,
}

/// What a read returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadOutcome {
    /// The replicas asked (0-based, ascending) and the version each held.
    pub answers: Vec<(usize, u32)>,
    /// The newest version among them: what the read returns.
    pub returned: u32,
    /// The newest version ever written.
    pub newest: u32,
}

impl ReadOutcome {
    /// The read returned an older version than the newest write.
    pub fn stale(&self) -> bool {
        self.returned < self.newest
    }
}

/// The lab's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuorumLab {
    w: usize,
    r: usize,
    /// The version each replica holds (0: the initial value).
    versions: Vec<u32>,
    write_set: Vec<bool>,
    read_set: Vec<bool>,
    newest: u32,
    last_read: Option<ReadOutcome>,
}

impl Default for QuorumLab {
    /// Dynamo's classic n = 3, w = 2, r = 2 (the notes' example).
    fn default() -> Self {
        QuorumLab::new(3, 2, 2).expect("valid defaults")
    }
}

impl QuorumLab {
    /// A lab of `n` replicas at version 0, writing to the first `w` and
    /// reading from the last `r`.
    pub fn new(n: usize, w: usize, r: usize) -> Result<QuorumLab, QuorumError> {
        check(n, w, r)?;
        Ok(QuorumLab {
            w,
            r,
            versions: vec![0; n],
            write_set: first(n, w),
            read_set: last(n, r),
            newest: 0,
            last_read: None,
        })
    }

    /// Replicas.
    pub fn n(&self) -> usize {
        self.versions.len()
    }
    /// Write quorum.
    pub fn w(&self) -> usize {
        self.w
    }
    /// Read quorum.
    pub fn r(&self) -> usize {
        self.r
    }
    /// Each replica's version.
    pub fn versions(&self) -> &[u32] {
        &self.versions
    }
    /// The newest version written so far.
    pub fn newest(&self) -> u32 {
        self.newest
    }
    /// Whether replica `i` is in the set.
    pub fn chosen(&self, set: Set, i: usize) -> bool {
        let s = match set {
            Set::Write => &self.write_set,
            Set::Read => &self.read_set,
        };
        s.get(i).copied().unwrap_or(false)
    }
    /// How many replicas the set holds.
    pub fn chosen_count(&self, set: Set) -> usize {
        (0..self.n()).filter(|&i| self.chosen(set, i)).count()
    }
    /// The last read, if any since the last write.
    pub fn last_read(&self) -> Option<&ReadOutcome> {
        self.last_read.as_ref()
    }
    /// `r + w > n`: every read set overlaps every write set.
    pub fn overlapping(&self) -> bool {
        self.r + self.w > self.n()
    }

    /// Applies one action; on error nothing changes.
    pub fn apply(&mut self, action: QuorumAction) -> Result<(), QuorumError> {
        match action {
            QuorumAction::SetN(n) => {
                *self = QuorumLab::new(n, self.w, self.r)?;
            }
            QuorumAction::SetW(w) => {
                check(self.n(), w, self.r)?;
                self.w = w;
                self.write_set = first(self.n(), w);
            }
            QuorumAction::SetR(r) => {
                check(self.n(), self.w, r)?;
                self.r = r;
                self.read_set = last(self.n(), r);
            }
            QuorumAction::Toggle(set, i) => {
                if i >= self.n() {
                    return Err(QuorumError::NoSuchReplica { replica: i });
                }
                let s = match set {
                    Set::Write => &mut self.write_set,
                    Set::Read => &mut self.read_set,
                };
                s[i] = !s[i];
            }
            QuorumAction::Write => {
                let chosen = self.chosen_count(Set::Write);
                if chosen != self.w {
                    return Err(QuorumError::WrongSetSize {
                        chosen,
                        need: self.w,
                    });
                }
                self.newest += 1;
                for (v, &on) in self.versions.iter_mut().zip(&self.write_set) {
                    if on {
                        *v = self.newest;
                    }
                }
                self.last_read = None;
            }
            QuorumAction::Read => {
                let chosen = self.chosen_count(Set::Read);
                if chosen != self.r {
                    return Err(QuorumError::WrongSetSize {
                        chosen,
                        need: self.r,
                    });
                }
                let answers: Vec<(usize, u32)> = (0..self.n())
                    .filter(|&i| self.read_set[i])
                    .map(|i| (i, self.versions[i]))
                    .collect();
                let returned = answers.iter().map(|a| a.1).max().unwrap_or(0);
                self.last_read = Some(ReadOutcome {
                    answers,
                    returned,
                    newest: self.newest,
                });
            }
        }
        Ok(())
    }
}

fn check(n: usize, w: usize, r: usize) -> Result<(), QuorumError> {
    if !(1..=MAX_N).contains(&n) {
        return Err(QuorumError::NOutOfRange { n });
    }
    if !(1..=n).contains(&w) {
        return Err(QuorumError::WOutOfRange { w, n });
    }
    if !(1..=n).contains(&r) {
        return Err(QuorumError::ROutOfRange { r, n });
    }
    Ok(())
}

fn first(n: usize, k: usize) -> Vec<bool> {
    (0..n).map(|i| i < k).collect()
}

fn last(n: usize, k: usize) -> Vec<bool> {
    (0..n).map(|i| i >= n - k).collect()
}

/// A write set and a read set, as replica numbers (0-based, ascending).
pub type SetPair = (Vec<usize>, Vec<usize>);

/// Searches every write set of size `w` and read set of size `r` over `n`
/// replicas, after one write to a fresh lab: `Some((write, read))` for the
/// first pair whose read is stale, `None` if every read sees the write. Small
/// `n` only (the search is `C(n,w)·C(n,r)`).
pub fn find_stale_read(n: usize, w: usize, r: usize) -> Result<Option<SetPair>, QuorumError> {
    check(n, w, r)?;
    let sets = |k: usize| (0u32..1 << n).filter(move |m| m.count_ones() as usize == k);
    for wm in sets(w) {
        for rm in sets(r) {
            let mut lab = QuorumLab::new(n, w, r)?;
            for i in 0..n {
                if lab.chosen(Set::Write, i) != (wm >> i & 1 == 1) {
                    lab.apply(QuorumAction::Toggle(Set::Write, i))?;
                }
                if lab.chosen(Set::Read, i) != (rm >> i & 1 == 1) {
                    lab.apply(QuorumAction::Toggle(Set::Read, i))?;
                }
            }
            lab.apply(QuorumAction::Write)?;
            lab.apply(QuorumAction::Read)?;
            if lab.last_read().is_some_and(ReadOutcome::stale) {
                let members = |m: u32| (0..n).filter(|i| m >> i & 1 == 1).collect();
                return Ok(Some((members(wm), members(rm))));
            }
        }
    }
    Ok(None)
}
