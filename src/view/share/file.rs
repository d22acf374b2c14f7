//! Saved files: the readable JSON form of a run, written and read back.

use super::codec::{self, FromJson};
use super::wire::{json_error, FileWire};
use super::{json, untrusted_bookmarks, ShareError, Shared, FILE_FORMAT, MAX_FILE_BYTES, VERSION};
use crate::sim::compare::Knob;

impl Shared {
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
}
