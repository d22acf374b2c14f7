//! Link fragments: writing `v1.<base64url(JSON)>`, checking a link before
//! Share gives it out, and reading one back.

use super::codec::{self, FromJson};
use super::wire::{json_error, utf8, LinkWire};
use super::{
    base64url_decode, base64url_encode, json, untrusted_bookmarks, ShareError, Shareable, Shared,
    SharedScenario, MAX_LINK_BYTES, VERSION,
};
use crate::sim::compare::Knob;
use crate::sim::TimedAction;
use crate::view::bookmarks::Bookmark;

impl Shared {
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
            decoded = crate::view::params::decode_component(text);
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
}
