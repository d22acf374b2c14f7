//! The wire forms: the compact JSON inside a link and the readable JSON of a
//! saved file, and what a text that does not read as them is refused with.

use super::codec::{field, Bad, Fields, FromJson, ToJson};
use super::json::{Json, JsonError, Writer};
use super::{ShareError, SharedScenario};
use crate::sim::{Action, SimConfig, TimedAction};
use crate::view::bookmarks::Bookmark;

/// The compact form inside a link: `{"c":config,"a":[[tick,action]…],"t":tick,
/// "h":head,"s":[scenario,step]?,"b":[[tick,note]…]?,"k":compared?}` (`h`,
/// `s`, `b`, `k` were added later and may be absent).
pub(super) struct LinkWire {
    pub(super) c: SimConfig,
    pub(super) a: Vec<(u64, Action)>,
    pub(super) t: u64,
    pub(super) h: u64,
    pub(super) s: Option<(String, usize)>,
    pub(super) b: Vec<(u64, String)>,
    /// The compared setting's name (added later; older links lack it and
    /// older builds ignore it).
    pub(super) k: Option<String>,
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
pub(super) struct FileWire {
    pub(super) format: String,
    pub(super) version: u32,
    pub(super) seed: u64,
    pub(super) tick: u64,
    pub(super) head: u64,
    pub(super) config: SimConfig,
    pub(super) actions: Vec<TimedAction>,
    pub(super) scenario: Option<SharedScenario>,
    pub(super) bookmarks: Vec<Bookmark>,
    pub(super) compare: Option<String>,
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

pub(super) fn utf8(bytes: Vec<u8>) -> Result<String, ShareError> {
    String::from_utf8(bytes).map_err(|e| {
        if e.utf8_error().error_len().is_none() {
            ShareError::Truncated // a character cut in half at the end
        } else {
            ShareError::Malformed
        }
    })
}
