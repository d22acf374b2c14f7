//! Share links and saved files. A run is `(config, actions)` plus the tick
//! being looked at (and the guided scenario step, if any), so that is all a
//! link holds: `#v1.<base64url(compact JSON)>`. Opening it replays the run
//! ([`Simulation::replay`]) to exactly that moment.
//!
//! Decoding is total: every input, however broken, gives a [`Shared`] or a
//! [`ShareError`] that says what was wrong (malformed, truncated, too large,
//! made by a newer version, or not replayable). Nothing here panics.
//!
//! One idea per file: `link` (the fragment, encoded and decoded), `file`
//! (the saved file), `wire` (their JSON forms), `validate` (what untrusted
//! input may hold, and [`ShareError`]), `budget` (what a replay may cost),
//! `text` (the messages, zh + en), `json`/`codec*` (the JSON codec).

use crate::sim::compare::Knob;
use crate::sim::{SimConfig, Simulation, TimedAction};
use crate::view::bookmarks::Bookmarks;

pub mod budget;
pub use budget::{Cost, MEMORY_BUDGET, WORK_BUDGET};

mod validate;
pub(crate) use validate::untrusted_bookmarks;
pub use validate::ShareError;

mod base64;
pub use base64::{base64url_decode, base64url_encode};

pub mod codec;
mod codec_action;
mod codec_types;
pub mod json;
mod wire;
pub(crate) use wire::json_error;

mod file;
mod link;

pub mod fuzz;

mod text;
pub use text::{error_text, refusal_text, share_refused_text, without_future_text, Kept};

/// The format version this build writes and reads.
pub const VERSION: u32 = 1;
/// The longest link fragment accepted, in bytes.
pub const MAX_LINK_BYTES: usize = 256 * 1024;
/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;
/// The most actions a shared run may hold.
pub const MAX_ACTIONS: usize = 10_000;
/// The latest tick a shared run may ask for. The real bound is the work
/// budget ([`WORK_BUDGET`]), which a run this long only fits with 1 node.
pub const MAX_TICK: u64 = 2_000_000;
/// The longest scenario id a link may carry.
pub const MAX_SCENARIO_ID: usize = 64;
/// The most ticks one `TickNode` action may advance a node.
pub const MAX_TICK_NODE: u32 = 10_000;
/// What a saved file says it is.
pub const FILE_FORMAT: &str = "raftlab";

/// The guided scenario step a shared run was at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedScenario {
    /// The scenario's id.
    pub id: String,
    /// Its step (0-based).
    pub step: usize,
}

/// Everything a link or file carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    /// The configuration (the seed included).
    pub config: SimConfig,
    /// The action log.
    pub actions: Vec<TimedAction>,
    /// The tick being looked at.
    pub tick: u64,
    /// The furthest tick the run had reached (at least `tick`): a link made
    /// while looking at the past keeps the future up to there.
    pub head: u64,
    /// The scenario step, if the run is a guided scenario's.
    pub scenario: Option<SharedScenario>,
    /// The teacher's bookmarks (validated on the way in, issue 13).
    pub bookmarks: Bookmarks,
    /// The A/B comparison open on the run, if any (a setting a link names
    /// that this build does not know is left out).
    pub compare: Option<Knob>,
}

/// A link fragment Share may give out ([`Shared::share`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shareable {
    /// The whole run, future included.
    Full(String),
    /// The run up to the tick looked at: with its future it was too long.
    WithoutFuture(String),
}

/// Where the data came from, for the wording of messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A share link.
    Link,
    /// An imported file.
    File,
}

impl Shared {
    /// The run as it stands: its configuration, its actions, its tick.
    pub fn capture(sim: &Simulation, scenario: Option<SharedScenario>) -> Shared {
        Shared {
            config: sim.initial_config().clone(),
            actions: sim.actions().to_vec(),
            tick: sim.tick(),
            head: sim.head(),
            scenario,
            bookmarks: Bookmarks::default(),
            compare: None,
        }
    }

    /// The same run with these bookmarks.
    pub fn with_bookmarks(self, bookmarks: Bookmarks) -> Shared {
        Shared { bookmarks, ..self }
    }

    /// Validates and replays the run to its tick.
    pub fn restore(&self) -> Result<Simulation, ShareError> {
        self.validate()?;
        let head = self.head.max(self.tick);
        let mut sim = Simulation::replay(self.config.clone(), self.actions.clone(), head)
            .map_err(ShareError::Replay)?;
        sim.seek(self.tick).map_err(ShareError::Replay)?;
        Ok(sim)
    }
}

#[cfg(test)]
mod tests;
