//! Share links and saved files. A run is `(config, actions)` plus the tick
//! being looked at (and the guided scenario step, if any), so that is all a
//! link holds: `#v1.<base64url(compact JSON)>`. Opening it replays the run
//! ([`Simulation::replay`]) to exactly that moment.
//!
//! Decoding is total: every input, however broken, gives a [`Shared`] or a
//! [`ShareError`] that says what was wrong (malformed, truncated, too large,
//! made by a newer version, or not replayable). Nothing here panics.

use crate::raft::{Command, NodeId};
use crate::sim::compare::Knob;
use crate::sim::{Action, InjectError, SimConfig, SimError, Simulation, TimedAction};
use crate::view::bookmarks::{Bookmark, Bookmarks};

pub mod budget;
pub use budget::{Cost, MEMORY_BUDGET, WORK_BUDGET};

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

/// Why a link or file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not a raftlab link or file at all (bad prefix, characters or JSON).
    Malformed,
    /// Cut short: the text ends before the data does.
    Truncated,
    /// Longer than the limit.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Written by a newer raftlab, in a format this one does not know.
    NewerVersion {
        /// The version it says.
        version: u32,
    },
    /// The configuration is not valid.
    Invalid(SimError),
    /// More actions than [`MAX_ACTIONS`].
    TooManyActions {
        /// How many.
        count: usize,
    },
    /// A tick beyond [`MAX_TICK`], or actions out of tick order.
    BadTick {
        /// The tick.
        tick: u64,
    },
    /// An action names a node, command or amount that cannot be.
    BadAction {
        /// Its position in the action list (0-based).
        index: usize,
    },
    /// An injected message is malformed or names a non-member.
    BadMessage {
        /// Its position in the action list (0-based).
        index: usize,
        /// What is wrong with it.
        error: InjectError,
    },
    /// Replaying would cost more work than [`WORK_BUDGET`].
    OverBudget {
        /// The estimate, in work units.
        work: u64,
        /// Ticks × nodes, the main part of it.
        node_ticks: u64,
    },
    /// Replaying could take more memory than [`MEMORY_BUDGET`].
    TooMuchMemory {
        /// The estimate, in bytes.
        bytes: u64,
    },
    /// Replaying the actions failed.
    Replay(SimError),
    /// A bookmark is beyond the run, its note too long, or there are too
    /// many.
    BadBookmark {
        /// Its position in the bookmark list (0-based).
        index: usize,
    },
}

/// A link fragment Share may give out ([`Shared::share`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shareable {
    /// The whole run, future included.
    Full(String),
    /// The run up to the tick looked at: with its future it was too long.
    WithoutFuture(String),
}

/// In English, as for a link (the UI words it per language and source with
/// [`error_text`]).
impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&error_text(crate::view::i18n::Lang::En, Source::Link, self))
    }
}

impl std::error::Error for ShareError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ShareError::Invalid(e) | ShareError::Replay(e) => Some(e),
            _ => None,
        }
    }
}

/// Where the data came from, for the wording of messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A share link.
    Link,
    /// An imported file.
    File,
}

mod base64;
pub use base64::{base64url_decode, base64url_encode};

// ------------------------------------------------------------------ wire forms

pub mod codec;
mod codec_action;
mod codec_types;
pub mod json;
use codec::{field, Bad, Fields, FromJson, ToJson};
use json::{Json, JsonError, Writer};

/// The compact form inside a link: `{"c":config,"a":[[tick,action]…],"t":tick,
/// "h":head,"s":[scenario,step]?,"b":[[tick,note]…]?,"k":compared?}` (`h`,
/// `s`, `b`, `k` were added later and may be absent).
struct LinkWire {
    c: SimConfig,
    a: Vec<(u64, Action)>,
    t: u64,
    h: u64,
    s: Option<(String, usize)>,
    b: Vec<(u64, String)>,
    /// The compared setting's name (added later; older links lack it and
    /// older builds ignore it).
    k: Option<String>,
}

impl FromJson for LinkWire {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let o = Fields::of(v)?;
        Ok(LinkWire {
            c: o.req("c")?,
            a: o.req("a")?,
            t: o.req("t")?,
            h: o.def("h")?,
            s: o.def("s")?,
            b: o.def("b")?,
            k: o.def("k")?,
        })
    }
}

impl ToJson for LinkWire {
    fn to_json(&self, w: &mut Writer) {
        w.begin_obj();
        field(w, "c", &self.c);
        field(w, "a", &self.a);
        field(w, "t", &self.t);
        field(w, "h", &self.h);
        if let Some(s) = &self.s {
            field(w, "s", s);
        }
        if !self.b.is_empty() {
            field(w, "b", &self.b);
        }
        if let Some(k) = &self.k {
            field(w, "k", k);
        }
        w.end_obj();
    }
}

/// The readable form of a saved file.
struct FileWire {
    format: String,
    version: u32,
    seed: u64,
    tick: u64,
    head: u64,
    config: SimConfig,
    actions: Vec<TimedAction>,
    scenario: Option<SharedScenario>,
    bookmarks: Vec<Bookmark>,
    compare: Option<String>,
}

impl FromJson for FileWire {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let o = Fields::of(v)?;
        Ok(FileWire {
            format: o.req("format")?,
            version: o.req("version")?,
            seed: o.req("seed")?,
            tick: o.req("tick")?,
            head: o.def("head")?,
            config: o.req("config")?,
            actions: o.req("actions")?,
            scenario: o.def("scenario")?,
            bookmarks: o.def("bookmarks")?,
            compare: o.def("compare")?,
        })
    }
}

impl ToJson for FileWire {
    fn to_json(&self, w: &mut Writer) {
        w.begin_obj();
        field(w, "format", &self.format);
        field(w, "version", &self.version);
        field(w, "seed", &self.seed);
        field(w, "tick", &self.tick);
        field(w, "head", &self.head);
        field(w, "config", &self.config);
        field(w, "actions", &self.actions);
        if let Some(s) = &self.scenario {
            field(w, "scenario", s);
        }
        if !self.bookmarks.is_empty() {
            field(w, "bookmarks", &self.bookmarks);
        }
        if let Some(k) = &self.compare {
            field(w, "compare", k);
        }
        w.end_obj();
    }
}

impl FromJson for SharedScenario {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let o = Fields::of(v)?;
        Ok(SharedScenario {
            id: o.req("id")?,
            step: o.req("step")?,
        })
    }
}

impl ToJson for SharedScenario {
    fn to_json(&self, w: &mut Writer) {
        w.begin_obj();
        field(w, "id", &self.id);
        field(w, "step", &self.step);
        w.end_obj();
    }
}

impl FromJson for Bookmark {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let o = Fields::of(v)?;
        Ok(Bookmark {
            tick: o.req("tick")?,
            note: o.req("note")?,
        })
    }
}

impl ToJson for Bookmark {
    fn to_json(&self, w: &mut Writer) {
        w.begin_obj();
        field(w, "tick", &self.tick);
        field(w, "note", &self.note);
        w.end_obj();
    }
}

/// A JSON text that does not parse: cut short, or not JSON.
pub(crate) fn json_error(e: JsonError) -> ShareError {
    match e {
        JsonError::Eof => ShareError::Truncated,
        JsonError::Syntax => ShareError::Malformed,
    }
}

fn utf8(bytes: Vec<u8>) -> Result<String, ShareError> {
    String::from_utf8(bytes).map_err(|e| {
        if e.utf8_error().error_len().is_none() {
            ShareError::Truncated // a character cut in half at the end
        } else {
            ShareError::Malformed
        }
    })
}

/// Bookmarks from a link or file: at most [`crate::view::bookmarks::MAX_BOOKMARKS`],
/// each within the run (tick ≤ `head`) with a note of at most
/// [`crate::view::bookmarks::MAX_NOTE_CHARS`] characters.
pub(crate) fn untrusted_bookmarks(list: Vec<Bookmark>, head: u64) -> Result<Bookmarks, ShareError> {
    if list.len() > crate::view::bookmarks::MAX_BOOKMARKS {
        return Err(ShareError::BadBookmark {
            index: crate::view::bookmarks::MAX_BOOKMARKS,
        });
    }
    if let Some(index) = list.iter().position(|b| b.tick > head) {
        return Err(ShareError::BadBookmark { index });
    }
    let mut out = Bookmarks::default();
    for (index, b) in list.iter().enumerate() {
        out.add(b.tick, &b.note)
            .map_err(|_| ShareError::BadBookmark { index })?;
    }
    Ok(out)
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

    /// The link fragment, without `#`: `v1.<base64url(JSON)>`.
    pub fn encode(&self) -> String {
        let wire = LinkWire {
            c: self.config.clone(),
            a: self
                .actions
                .iter()
                .map(|t| (t.tick, t.action.clone()))
                .collect(),
            t: self.tick,
            h: self.head,
            s: self.scenario.as_ref().map(|s| (s.id.clone(), s.step)),
            b: self
                .bookmarks
                .iter()
                .map(|b| (b.tick, b.note.clone()))
                .collect(),
            k: self.compare.map(|k| k.name().to_string()),
        };
        let json = codec::to_string(&wire);
        format!("v{VERSION}.{}", base64url_encode(json.as_bytes()))
    }

    /// The link fragment to give out, checked the way [`Shared::decode`]
    /// will check it, so Share never hands out a link the app refuses. A
    /// run looked at in the past that is too long with its future is shared
    /// without the future (from the current tick on, nothing is lost of
    /// what is on screen).
    pub fn share(&self) -> Result<Shareable, ShareError> {
        let full = self.encode();
        match Shared::decode(&full) {
            Ok(_) => return Ok(Shareable::Full(full)),
            Err(e) if self.head <= self.tick => return Err(e),
            Err(_) => {}
        }
        let past = Shared {
            actions: self
                .actions
                .iter()
                .filter(|a| a.tick <= self.tick)
                .cloned()
                .collect(),
            head: self.tick,
            bookmarks: self.bookmarks.before(self.tick),
            ..self.clone()
        };
        let fragment = past.encode();
        Shared::decode(&fragment).map(|_| Shareable::WithoutFuture(fragment))
    }

    /// Reads a link fragment (with or without `#`). Total: never panics.
    pub fn decode(fragment: &str) -> Result<Shared, ShareError> {
        if fragment.len() > MAX_LINK_BYTES {
            return Err(ShareError::TooLarge {
                bytes: fragment.len(),
                limit: MAX_LINK_BYTES,
            });
        }
        let decoded;
        let mut text = fragment.strip_prefix('#').unwrap_or(fragment).trim();
        if text.contains('%') {
            decoded = super::params::decode_component(text);
            text = &decoded;
        }
        let rest = text.strip_prefix('v').ok_or(if text.is_empty() {
            ShareError::Truncated
        } else {
            ShareError::Malformed
        })?;
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (number, payload) = rest.split_at(digits);
        let Some(payload) = payload.strip_prefix('.') else {
            return Err(if payload.is_empty() {
                ShareError::Truncated
            } else {
                ShareError::Malformed
            });
        };
        if number.is_empty() {
            return Err(ShareError::Malformed);
        }
        // All digits: a number too big for u32 is still a (far) newer version.
        let version = number.parse::<u32>().unwrap_or(u32::MAX);
        if version == 0 {
            return Err(ShareError::Malformed);
        }
        if version > VERSION {
            return Err(ShareError::NewerVersion { version });
        }
        if payload.is_empty() {
            return Err(ShareError::Truncated);
        }
        let json = utf8(base64url_decode(payload)?)?;
        let tree = json::parse(&json, &[]).map_err(json_error)?;
        let wire = LinkWire::from_json(&tree).map_err(|_| ShareError::Malformed)?;
        let shared = Shared {
            config: wire.c,
            actions: wire
                .a
                .into_iter()
                .map(|(tick, action)| TimedAction { tick, action })
                .collect(),
            tick: wire.t,
            head: wire.h.max(wire.t),
            scenario: wire.s.map(|(id, step)| SharedScenario { id, step }),
            bookmarks: untrusted_bookmarks(
                wire.b
                    .into_iter()
                    .map(|(tick, note)| Bookmark { tick, note })
                    .collect(),
                wire.h.max(wire.t),
            )?,
            compare: wire.k.as_deref().and_then(Knob::from_name),
        };
        shared.validate()?;
        Ok(shared)
    }

    /// The saved-file form: readable JSON.
    pub fn to_file(&self) -> String {
        let wire = FileWire {
            format: FILE_FORMAT.to_string(),
            version: VERSION,
            seed: self.config.seed,
            tick: self.tick,
            head: self.head,
            config: self.config.clone(),
            actions: self.actions.clone(),
            scenario: self.scenario.clone(),
            bookmarks: self.bookmarks.iter().cloned().collect(),
            compare: self.compare.map(|k| k.name().to_string()),
        };
        codec::to_string_pretty(&wire)
    }

    /// Reads a saved file. Total: never panics.
    pub fn from_file(text: &str) -> Result<Shared, ShareError> {
        if text.len() > MAX_FILE_BYTES {
            return Err(ShareError::TooLarge {
                bytes: text.len(),
                limit: MAX_FILE_BYTES,
            });
        }
        if text.trim().is_empty() {
            return Err(ShareError::Truncated);
        }
        let value = json::parse(text, &[]).map_err(json_error)?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FILE_FORMAT) {
            return Err(ShareError::Malformed);
        }
        let version = value.get("version").and_then(|v| v.as_u64());
        match version {
            Some(v) if v > u64::from(VERSION) => {
                return Err(ShareError::NewerVersion {
                    version: u32::try_from(v).unwrap_or(u32::MAX),
                })
            }
            Some(v) if v >= 1 => {}
            _ => return Err(ShareError::Malformed),
        }
        let wire = FileWire::from_json(&value).map_err(|_| ShareError::Malformed)?;
        let shared = Shared {
            config: wire.config,
            actions: wire.actions,
            tick: wire.tick,
            head: wire.head.max(wire.tick),
            scenario: wire.scenario,
            bookmarks: untrusted_bookmarks(wire.bookmarks, wire.head.max(wire.tick))?,
            compare: wire.compare.as_deref().and_then(Knob::from_name),
        };
        shared.validate()?;
        Ok(shared)
    }

    /// `raftlab-<seed>-t<tick>.json`.
    pub fn file_name(&self) -> String {
        format!("raftlab-{}-t{}.json", self.config.seed, self.tick)
    }

    /// Checks everything replay could choke on before replaying: the
    /// configuration, the sizes, the ticks, and every action's nodes,
    /// commands and amounts.
    pub fn validate(&self) -> Result<(), ShareError> {
        self.config.validate().map_err(ShareError::Invalid)?;
        if self.actions.len() > MAX_ACTIONS {
            return Err(ShareError::TooManyActions {
                count: self.actions.len(),
            });
        }
        for tick in [self.tick, self.head] {
            if tick > MAX_TICK {
                return Err(ShareError::BadTick { tick });
            }
        }
        if self
            .scenario
            .as_ref()
            .is_some_and(|s| s.id.len() > MAX_SCENARIO_ID)
        {
            return Err(ShareError::Malformed);
        }
        let mut last = 0;
        let mut nodes = self.config.nodes;
        for (index, a) in self.actions.iter().enumerate() {
            if a.tick < last || a.tick > MAX_TICK {
                return Err(ShareError::BadTick { tick: a.tick });
            }
            last = a.tick;
            // A server added by an earlier action may be named by later ones.
            if a.action == Action::AddServer {
                nodes = (nodes + 1).min(crate::raft::MAX_MEMBERS as u32);
            }
            if let Action::Inject(m) = &a.action {
                let max = self.config.raft.max_entries_per_message;
                crate::sim::inject::check_form(m, nodes, max)
                    .map_err(|error| ShareError::BadMessage { index, error })?;
            }
            if !action_ok(&a.action, nodes) {
                return Err(ShareError::BadAction { index });
            }
        }
        let cost = Cost::of(self);
        if cost.work > WORK_BUDGET {
            return Err(ShareError::OverBudget {
                work: cost.work,
                node_ticks: cost.node_ticks,
            });
        }
        if cost.memory > MEMORY_BUDGET {
            return Err(ShareError::TooMuchMemory { bytes: cost.memory });
        }
        Ok(())
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

fn action_ok(action: &Action, nodes: u32) -> bool {
    let node = |n: &NodeId| (1..=nodes).contains(n);
    let command = |c: &Command| Command::parse(&c.to_string()).as_ref() == Ok(c);
    match action {
        Action::Campaign(n)
        | Action::SetTimeout(n, _)
        | Action::Isolate(n)
        | Action::Crash(n)
        | Action::Restart(n)
        | Action::Pause(n)
        | Action::Resume(n) => node(n),
        Action::TickNode(n, count) => node(n) && *count <= MAX_TICK_NODE,
        Action::Compact { node: n, .. } => node(n),
        Action::SetCompactThreshold(entries) => *entries <= crate::raft::MAX_COMPACT_THRESHOLD,
        Action::Cut(a, b)
        | Action::CutOneWay(a, b)
        | Action::Connect(a, b)
        | Action::ConnectOneWay(a, b) => node(a) && node(b),
        Action::Partition(groups) => {
            groups.len() <= 9
                && groups.iter().map(Vec::len).sum::<usize>() <= 9
                && groups.iter().flatten().all(node)
        }
        Action::Propose(target, c) => {
            let target_ok = match target {
                crate::sim::Target::Cluster => true,
                crate::sim::Target::Node(n) => node(n),
            };
            target_ok && command(c)
        }
        Action::Inject(m) => node(&m.from) && node(&m.to),
        Action::SetLoss { loss, duplicate } => *loss <= 1000 && *duplicate <= 1000,
        Action::SetLatency { min, max } => 1 <= *min && min <= max && *max <= 1000,
        Action::Read { target, key, .. } => {
            let target_ok = match target {
                crate::sim::Target::Cluster => true,
                crate::sim::Target::Node(n) => node(n),
            };
            target_ok && (1..=64).contains(&key.len()) && !key.chars().any(char::is_whitespace)
        }
        Action::TransferLeader(n) => node(n),
        Action::RemoveServer(n) | Action::Promote(n) => node(n),
        Action::ChangeVoters(v) => v.len() <= crate::raft::MAX_MEMBERS && v.iter().all(node),
        Action::AddServer => true,
        Action::DeliverAll
        | Action::Deliver(_)
        | Action::Drop(_)
        | Action::Hold(_)
        | Action::Release(_)
        | Action::Recover
        | Action::SetManualDelivery(_)
        | Action::SetReplicationMode(_) => true,
    }
}

pub mod fuzz;

mod text;
pub use text::{error_text, refusal_text, share_refused_text, without_future_text, Kept};

#[cfg(test)]
mod tests;
