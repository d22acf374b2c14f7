//! The run as a JSON trace (issue 13): everything a run file holds (config,
//! actions, the tick looked at, bookmarks) plus every event of the run with
//! its tick, node, kind, English text and full data — for reading a run
//! outside raftlab (a notebook, a grader, a diff of two runs). Importing it
//! opens the same moment again: the run is replayed from its config and
//! actions, never from the recorded events, and the replay is checked
//! against the trace's recorded hash so a trace from another core version
//! is flagged instead of silently differing.
//!
//! ```json
//! { "format": "raftlab-trace", "version": 1, "tick": 120, "head": 120,
//!   "hash_at_tick": "1865178586047433235", "config": {…}, "actions": [{"tick": 40, "action": …}],
//!   "bookmarks": [{"tick": 80, "note": "leader elected"}], "events_total": 812, "events_truncated": false,
//!   "events": [{"tick": 1, "node": 2, "kind": "role", "text": "n2 …", "data": {"Raft": …}}] }
//! ```

use super::explain::{explain, kind_name};
use super::i18n::Lang;
use super::share::codec::{field, Bad, Fields, FromJson, ToJson};
use super::share::json::{self, Json, Writer};
use super::share::{ShareError, Shared, VERSION};
use crate::sim::{SimConfig, Simulation, TimedAction};
use crate::view::bookmarks::Bookmark;

/// What a trace file says it is.
pub const TRACE_FORMAT: &str = "raftlab-trace";
/// The largest trace accepted, in bytes (its events are skipped unread).
pub const MAX_TRACE_BYTES: usize = 16 * 1024 * 1024;
/// The most events written into one trace; later ones are counted only.
pub const MAX_TRACE_EVENTS: usize = 50_000;

/// The members of a trace kept when it is read (its events are only
/// checked for syntax: they are replayed, not read).
const SKIPPED: &[&str] = &["events"];

/// What an import reads of a trace.
struct TraceIn {
    tick: u64,
    head: u64,
    hash_at_tick: Option<String>,
    config: SimConfig,
    actions: Vec<TimedAction>,
    bookmarks: Vec<Bookmark>,
}

impl FromJson for TraceIn {
    fn from_json(v: &Json) -> Result<Self, Bad> {
        let o = Fields::of(v)?;
        Ok(TraceIn {
            tick: o.req("tick")?,
            head: o.def("head")?,
            hash_at_tick: o.def("hash_at_tick")?,
            config: o.req("config")?,
            actions: o.req("actions")?,
            bookmarks: o.def("bookmarks")?,
        })
    }
}

/// The `format` and `version` of a trace, read first, to say "newer
/// version" before anything else.
fn header(v: &Json) -> Option<(&str, u64)> {
    Some((v.get("format")?.as_str()?, v.get("version")?.as_u64()?))
}

/// A trace opened again.
#[derive(Debug)]
pub struct OpenedTrace {
    /// The run, at the trace's tick.
    pub sim: Simulation,
    /// What it carried (config, actions, bookmarks).
    pub shared: Shared,
    /// False when the replay's events differ from those recorded (a trace
    /// written by another version of the core).
    pub matches: bool,
}

/// Whether `text` looks like a trace (its `format` field), read cheaply.
pub fn is_trace(text: &str) -> bool {
    text.len() <= MAX_TRACE_BYTES
        && json::parse(text, SKIPPED).is_ok_and(|v| header(&v).is_some_and(|h| h.0 == TRACE_FORMAT))
}

/// The trace of `shared`'s run: replays it from tick 0 to its head,
/// collecting every event (at most [`MAX_TRACE_EVENTS`]).
pub fn export_trace(shared: &Shared) -> Result<String, ShareError> {
    shared.validate()?;
    let head = shared.head.max(shared.tick);
    let mut sim = Simulation::replay(shared.config.clone(), shared.actions.clone(), 0)
        .map_err(ShareError::Replay)?;
    let mut events = Vec::new();
    let mut seen = sim.world().trace().total();
    let mut hash_at_tick = sim.world().trace().hash();
    collect(&sim, seen, &mut events);
    while sim.tick() < head {
        sim.step().map_err(ShareError::Replay)?;
        let total = sim.world().trace().total();
        let new = usize::try_from(total - seen).unwrap_or(usize::MAX);
        if events.len() < MAX_TRACE_EVENTS {
            let start = sim.world().trace().recent().len().saturating_sub(new);
            events.extend(sim.world().trace().recent().skip(start).cloned());
            events.truncate(MAX_TRACE_EVENTS);
        }
        seen = total;
        if sim.tick() == shared.tick {
            hash_at_tick = sim.world().trace().hash();
        }
    }
    let mut w = Writer::compact();
    w.begin_obj();
    field(&mut w, "format", TRACE_FORMAT);
    field(&mut w, "version", &VERSION);
    field(&mut w, "tick", &shared.tick);
    field(&mut w, "head", &head);
    field(&mut w, "hash_at_tick", &hash_at_tick.to_string());
    field(&mut w, "config", &shared.config);
    field(&mut w, "actions", &shared.actions);
    field(
        &mut w,
        "bookmarks",
        &shared.bookmarks.iter().collect::<Vec<_>>(),
    );
    field(&mut w, "events_total", &seen);
    w.key("events_truncated");
    w.bool((seen as usize) > events.len());
    w.key("events");
    w.begin_arr();
    for e in &events {
        w.elem();
        w.begin_obj();
        field(&mut w, "tick", &e.tick);
        field(&mut w, "node", &e.node);
        field(&mut w, "kind", kind_name(&e.kind));
        field(
            &mut w,
            "text",
            &explain(Lang::En, crate::view::node_names::NodeNames::DEFAULT, e),
        );
        w.key("data");
        // The events' data keeps serde's form (written only, never read).
        e.kind.to_json(&mut w);
        w.end_obj();
    }
    w.end_arr();
    w.end_obj();
    Ok(w.finish())
}

/// The events of tick 0 (recorded when the world was made).
fn collect(sim: &Simulation, total: u64, out: &mut Vec<crate::sim::TraceEvent>) {
    let n = usize::try_from(total).unwrap_or(usize::MAX);
    out.extend(sim.world().trace().recent().take(n).cloned());
}

/// `raftlab-<seed>-t<tick>-trace.json`.
pub fn trace_file_name(shared: &Shared) -> String {
    format!("raftlab-{}-t{}-trace.json", shared.config.seed, shared.tick)
}

/// Opens a trace: validated and priced like a run file, then replayed from
/// its config and actions. Total: never panics.
pub fn import_trace(text: &str) -> Result<OpenedTrace, ShareError> {
    if text.len() > MAX_TRACE_BYTES {
        return Err(ShareError::TooLarge {
            bytes: text.len(),
            limit: MAX_TRACE_BYTES,
        });
    }
    if text.trim().is_empty() {
        return Err(ShareError::Truncated);
    }
    let tree = json::parse(text, SKIPPED).map_err(super::share::json_error)?;
    let (format, version) = header(&tree).ok_or(ShareError::Malformed)?;
    if format != TRACE_FORMAT {
        return Err(ShareError::Malformed);
    }
    match version {
        v if v > u64::from(VERSION) => {
            return Err(ShareError::NewerVersion {
                version: u32::try_from(v).unwrap_or(u32::MAX),
            })
        }
        0 => return Err(ShareError::Malformed),
        _ => {}
    }
    let wire = TraceIn::from_json(&tree).map_err(|_| ShareError::Malformed)?;
    let head = wire.head.max(wire.tick);
    let bookmarks = super::share::untrusted_bookmarks(wire.bookmarks, head)?;
    let shared = Shared {
        config: wire.config,
        actions: wire.actions,
        tick: wire.tick,
        head,
        scenario: None,
        bookmarks,
        compare: None,
    };
    let sim = shared.restore()?;
    let matches = wire
        .hash_at_tick
        .is_none_or(|h| h == sim.world().trace().hash().to_string());
    Ok(OpenedTrace {
        sim,
        shared,
        matches,
    })
}
