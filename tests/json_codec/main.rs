//! The hand-written JSON codec of links, files, traces and scenario files
//! (issue 15) against `serde_json` and the `serde` derives it replaces in
//! the wasm: the same text out, the same values in, the same verdict
//! (ok / cut short / not JSON) on broken text.
//!
//! One module per wire form: [`actions`] (actions, messages, log entries),
//! [`config`] (scenario configs), [`links`] (links, files, traces),
//! [`events`] (the event data of traces) and [`hostile`] (broken and edge-case
//! text). The values they write are built in [`samples`] and [`raft_events`].

mod actions;
mod config;
mod events;
mod hostile;
mod links;
mod raft_events;
mod samples;

use raftlab::view::share::codec::{self, FromJson, ToJson};
use serde::{de::DeserializeOwned, Serialize};

/// Both writers agree (compact and pretty), and both readers read it back.
pub fn same<T>(v: &T)
where
    T: ToJson + FromJson + Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let ours = codec::to_string(v);
    assert_eq!(ours, serde_json::to_string(v).unwrap());
    assert_eq!(
        codec::to_string_pretty(v),
        serde_json::to_string_pretty(v).unwrap()
    );
    assert_eq!(&codec::from_str::<T>(&ours).unwrap(), v, "{ours}");
    let pretty = serde_json::to_string_pretty(v).unwrap();
    assert_eq!(&codec::from_str::<T>(&pretty).unwrap(), v, "{pretty}");
}
