//! The reducer's part for the two classroom activities that run beside the
//! run: the A/B comparison (side A is the run itself, side B a second run
//! kept in lockstep by [`Lockstep`]) and challenge mode (a fresh attempt,
//! scored by [`Challenge`]).

use super::{AppState, Compare, SimHandle};
use crate::sim::compare::{CompareError, Knob, Lockstep, Side, SideError};
use crate::sim::{Action, SimError, Simulation};
use crate::view::i18n::Lang;
use crate::view::messages;
use crate::view::node_names::NodeNames;

/// The words for an action one side refused.
pub(super) fn side_error_text(lang: Lang, names: NodeNames, e: &SideError) -> String {
    let side = match e.side {
        Side::A => "A",
        Side::B => "B",
    };
    let text = messages::sim_error(lang, names, &e.error);
    match lang {
        Lang::En => format!("Side {side} refused the action: {text}"),
        Lang::Zh => format!("{side} 侧拒绝了该操作：{text}"),
    }
}

fn compare_error_text(lang: Lang, names: NodeNames, e: &CompareError) -> String {
    match e {
        CompareError::Knob(_) => lang
            .t(
                "Both sides would have the same setting: the run already uses this replication mode.",
                "两边的设置会完全相同：当前运行已经使用这种复制方式。",
            )
            .into(),
        CompareError::Sim(e) => messages::sim_error(lang, names, e),
    }
}

impl AppState {
    /// Opens (or re-opens on another setting) the comparison of the run as
    /// it stands; `None` closes it, leaving side A as the run.
    pub(super) fn open_compare(&mut self, knob: Option<Knob>) {
        let names = self.node_names();
        let Some(knob) = knob else {
            self.compare = None;
            self.version += 1;
            return;
        };
        let opened = {
            let sim = self.sim.borrow();
            Lockstep::open(sim.initial_config(), sim.actions(), sim.tick(), knob)
        };
        match opened {
            Ok((a, b, lock)) => {
                self.sim = SimHandle::new(a);
                self.compare = Some(Compare {
                    b: SimHandle::new(b),
                    lock,
                });
                self.version += 1;
                self.phase = 0.0;
            }
            Err(e) => {
                self.compare = None;
                self.notify_error(|l| compare_error_text(l, names, &e));
            }
        }
    }

    /// After the run was replaced: the comparison follows it on the same setting.
    pub(super) fn follow_compare(&mut self) {
        if let Some(knob) = self.compare.as_ref().map(|c| c.lock.knob()) {
            self.open_compare(Some(knob));
        }
        if let Some(ch) = self.challenge.as_mut() {
            ch.start(self.sim.borrow().config());
        }
    }

    /// One action, on both sides while comparing.
    pub(super) fn act_both(&mut self, action: Action) -> Result<(), super::Notice> {
        let names = self.node_names();
        let result = match &mut self.compare {
            Some(c) => {
                let (mut a, mut b) = (self.sim.borrow_mut(), c.b.borrow_mut());
                c.lock
                    .act(&mut a, &mut b, action)
                    .map_err(|e| super::Notice::error(|l| side_error_text(l, names, &e)))
            }
            None => self
                .sim
                .borrow_mut()
                .act(action)
                .map_err(|e| super::Notice::error(|l| messages::sim_error(l, names, &e))),
        };
        self.observe_challenge();
        result
    }

    /// Forward `ticks`, on both sides while comparing.
    pub(super) fn run_both(&mut self, ticks: u64) -> Result<(), SimError> {
        let result = match &mut self.compare {
            Some(c) => c
                .lock
                .run(&mut self.sim.borrow_mut(), &mut c.b.borrow_mut(), ticks),
            None => self.sim.borrow_mut().run(ticks),
        };
        self.observe_challenge();
        result
    }

    /// Travel to a tick, on both sides while comparing.
    pub(super) fn seek_both(&mut self, tick: u64) -> Result<(), SimError> {
        match &mut self.compare {
            Some(c) => c
                .lock
                .seek(&mut self.sim.borrow_mut(), &mut c.b.borrow_mut(), tick),
            None => self.sim.borrow_mut().seek(tick),
        }
    }

    /// Challenge mode: `true` starts a new attempt on a fresh run with the
    /// settings as they are now, playing; `false` leaves the mode.
    pub(super) fn challenge(&mut self, on: bool) {
        let names = self.node_names();
        if !on {
            self.challenge = None;
            return;
        }
        let config = self.sim.borrow().config().clone();
        match Simulation::new(config) {
            Ok(sim) => {
                let mut ch = self.challenge.take().unwrap_or_default();
                ch.start(sim.config());
                self.replace_run(sim, None);
                self.challenge = Some(ch);
                self.playing = true;
                self.notice = None;
            }
            Err(e) => self.notify_error(|l| messages::sim_error(l, names, &e)),
        }
    }

    fn observe_challenge(&mut self) {
        if let Some(ch) = self.challenge.as_mut() {
            ch.observe(&self.sim.borrow());
        }
    }
}
