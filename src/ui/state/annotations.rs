//! The reducer's part for what a teacher adds to a run: bookmarks, and the
//! cause of a safety violation being shown.

use super::{AppState, Selection};
use crate::view::messages;

impl AppState {
    /// Pins `note` to the current tick, or says why not.
    pub(super) fn add_bookmark(&mut self, note: &str) {
        let tick = self.sim.borrow().tick();
        if let Err(e) = self.bookmarks.add(tick, note) {
            self.notify_error(|l| messages::bookmark_error(l, &e));
        }
    }

    /// "Show the cause": pause, keep the first violation and the broken
    /// rule that made it possible, select the node that broke it, open the
    /// space-time diagram and travel to the tick it did.
    pub(super) fn show_cause(&mut self) {
        let found = {
            let sim = self.sim.borrow();
            let world = sim.world();
            world
                .violations()
                .first()
                .map(|v| (world.cause_of(v).cloned(), v.clone()))
        };
        match found {
            Some((Some(cause), v)) => {
                self.playing = false;
                self.selected = Some(Selection::Node(cause.node));
                self.show_spacetime = true;
                let tick = cause.tick;
                self.cause = Some((cause, v));
                self.seek(tick);
            }
            Some((None, _)) => {
                self.notify_error(|l| {
                    l.t(
                        "No broken rule was recorded before this violation: with every unsafe switch off, that would be a bug in the core.",
                        "此违反之前没有记录到被破坏的规则：若所有不安全开关都关闭，这将是核心的缺陷。",
                    )
                    .to_string()
                });
            }
            None => {}
        }
    }
}
