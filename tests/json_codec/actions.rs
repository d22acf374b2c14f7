//! Actions, messages and log entries are written and read as `serde` did.

use crate::same;
use crate::samples::{actions, entries};
use raftlab::sim::TimedAction;

#[test]
fn every_action_and_message_is_written_and_read_as_serde_did() {
    for a in actions() {
        same(&a);
    }
    let timed: Vec<TimedAction> = actions()
        .into_iter()
        .enumerate()
        .map(|(i, action)| TimedAction {
            tick: i as u64,
            action,
        })
        .collect();
    same(&timed);
    for e in entries() {
        same(&e);
    }
}
