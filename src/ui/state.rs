//! The app state and its reducer. Every control becomes a [`UiAction`]; the
//! reducer turns it into calls on the [`Simulation`] (which records them), so
//! nothing in the UI mutates a node directly.

use crate::raft::{Command, Index, NodeId, ReadMode};
use crate::sim::{Action, MsgId, SimConfig, Simulation, Target};
use crate::view::i18n::Lang;
use crate::view::links::LinkState;
use crate::view::messages;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Speeds in ticks per second; at 1 tick/s a message's flight lasts 2–4 s.
pub const SPEEDS: [f64; 8] = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 200.0, 1000.0];
/// Default speed index (5 ticks/s).
pub const DEFAULT_SPEED: usize = 2;
/// Most ticks simulated in one animation frame (fast-forward stays responsive).
const MAX_TICKS_PER_FRAME: u64 = 400;

/// Shared, mutable simulation; equality is identity, so props holding it
/// compare cheaply and `version` says when its contents changed.
#[derive(Clone)]
pub struct SimHandle(pub Rc<RefCell<Simulation>>);

impl PartialEq for SimHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What the user has selected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A node.
    Node(NodeId),
    /// A message in flight.
    Message(MsgId),
    /// A log entry of a node.
    Entry(NodeId, Index),
}

/// A message for the user (`role="alert"` when it is an error).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The text, already in the current language.
    pub text: String,
    /// An error (alert) rather than information.
    pub error: bool,
}

/// Everything the UI shows and does.
#[derive(Clone, PartialEq)]
pub struct AppState {
    /// The run.
    pub sim: SimHandle,
    /// Bumped on every change to the run.
    pub version: u64,
    /// Playing?
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Fraction of the way to the next tick, for smooth motion.
    pub phase: f64,
    /// The selection.
    pub selected: Option<Selection>,
    /// The language.
    pub lang: Lang,
    /// The latest notice.
    pub notice: Option<Notice>,
    /// Keyboard help shown?
    pub show_help: bool,
    /// Reduced motion requested (no interpolation, no pulses).
    pub reduced_motion: bool,
    /// The guided scenario step being shown, if any.
    pub scenario: Option<crate::scenario::Position>,
}

/// Everything the user can do.
#[derive(Clone, Debug)]
pub enum UiAction {
    /// An animation frame: milliseconds since the last one.
    Frame(f64),
    /// Start playing.
    Play,
    /// Stop playing.
    Pause,
    /// One tick forward.
    Step,
    /// One tick back (paused only).
    Back,
    /// Jump to a tick.
    Seek(u64),
    /// One simulation action.
    Sim(Action),
    /// Several simulation actions at once.
    Sims(Vec<Action>),
    /// Cycle link a–b through up → cut → one-way → other way.
    CycleLink(NodeId, NodeId),
    /// Submit a command text; a `get` is read the given way (thesis §6.4).
    Submit(Target, String, ReadMode),
    /// Select (or clear).
    Select(Option<Selection>),
    /// Change speed.
    SetSpeed(usize),
    /// Change language.
    SetLang(Lang),
    /// Start a new run.
    Reset(SimConfig),
    /// Show or clear a notice.
    Notify(Option<Notice>),
    /// Toggle the keyboard help.
    ToggleHelp,
    /// A key pressed outside text fields.
    Key(String),
    /// Guided scenario navigation (and opening shared runs).
    Scenario(super::components::ScenarioNav),
}

impl AppState {
    /// A fresh state around `sim`.
    pub fn new(sim: Simulation, lang: Lang, reduced_motion: bool) -> AppState {
        AppState {
            sim: SimHandle(Rc::new(RefCell::new(sim))),
            version: 0,
            playing: true,
            speed: DEFAULT_SPEED,
            phase: 0.0,
            selected: None,
            lang,
            notice: None,
            show_help: false,
            reduced_motion,
            scenario: None,
        }
    }

    fn notify_error(&mut self, text: String) {
        self.notice = Some(Notice { text, error: true });
    }

    fn act(&mut self, action: Action) {
        let result = self.sim.0.borrow_mut().act(action);
        match result {
            Ok(()) => self.version += 1,
            Err(e) => self.notify_error(messages::sim_error(self.lang, &e)),
        }
    }

    fn step_back(&mut self) {
        let tick = self.sim.0.borrow().tick();
        self.seek(tick.saturating_sub(1));
    }

    fn seek(&mut self, tick: u64) {
        let result = self.sim.0.borrow_mut().seek(tick);
        match result {
            Ok(()) => {
                self.version += 1;
                self.phase = 0.0;
            }
            Err(e) => self.notify_error(messages::sim_error(self.lang, &e)),
        }
    }

    fn advance(&mut self, ticks: u64) {
        if ticks == 0 {
            return;
        }
        let result = self.sim.0.borrow_mut().run(ticks);
        self.version += 1;
        if let Err(e) = result {
            self.playing = false;
            self.notify_error(messages::sim_error(self.lang, &e));
        }
    }

    fn selected_node(&self) -> Option<NodeId> {
        match self.selected {
            Some(Selection::Node(n)) | Some(Selection::Entry(n, _)) => Some(n),
            _ => None,
        }
    }

    fn key(&mut self, key: &str) {
        match key {
            " " => self.playing = !self.playing,
            "ArrowRight" if !self.playing => self.advance(1),
            "ArrowLeft" if !self.playing => self.step_back(),
            "?" => self.show_help = !self.show_help,
            "Escape" => {
                self.show_help = false;
                self.selected = None;
            }
            "c" | "r" | "t" | "p" => {
                if let Some(n) = self.selected_node() {
                    let paused = self
                        .sim
                        .0
                        .borrow()
                        .world()
                        .slot(n)
                        .is_ok_and(|s| s.status == crate::sim::NodeStatus::Paused);
                    let action = match key {
                        "c" => Action::Crash(n),
                        "r" => Action::Restart(n),
                        "p" if paused => Action::Resume(n),
                        "p" => Action::Pause(n),
                        _ => Action::Campaign(n),
                    };
                    self.act(action);
                }
            }
            _ => {}
        }
    }
}

impl Reducible for AppState {
    type Action = UiAction;

    fn reduce(self: Rc<Self>, action: UiAction) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            UiAction::Frame(dt_ms) => {
                if !s.playing {
                    return self;
                }
                let dt = dt_ms.clamp(0.0, 250.0);
                let total = s.phase + dt * SPEEDS[s.speed] / 1000.0;
                let whole = (total.floor() as u64).min(MAX_TICKS_PER_FRAME);
                s.phase = if whole == MAX_TICKS_PER_FRAME {
                    0.0
                } else {
                    total.fract()
                };
                s.advance(whole);
            }
            UiAction::Play => s.playing = true,
            UiAction::Pause => s.playing = false,
            UiAction::Step => {
                s.playing = false;
                s.phase = 0.0;
                s.advance(1);
            }
            UiAction::Back => {
                s.playing = false;
                s.step_back();
            }
            UiAction::Seek(tick) => {
                s.playing = false;
                s.seek(tick);
            }
            UiAction::Sim(action) => s.act(action),
            UiAction::Sims(actions) => {
                for a in actions {
                    s.act(a);
                }
            }
            UiAction::CycleLink(a, b) => {
                let (a, b) = (a.min(b), a.max(b));
                let state = LinkState::of(s.sim.0.borrow().world().network(), a, b);
                for action in state.cycle_actions(a, b) {
                    s.act(action);
                }
            }
            UiAction::Submit(target, text, mode) => match Command::parse(&text) {
                Ok(Command::Get { key }) if mode != ReadMode::Log => {
                    s.act(Action::Read { target, key, mode })
                }
                Ok(command) => s.act(Action::Propose(target, command)),
                Err(e) => s.notify_error(messages::command_error(s.lang, &e)),
            },
            UiAction::Select(sel) => s.selected = sel,
            UiAction::SetSpeed(i) => s.speed = i.min(SPEEDS.len() - 1),
            UiAction::SetLang(lang) => s.lang = lang,
            UiAction::Reset(config) => match Simulation::new(config) {
                Ok(sim) => {
                    s.sim = SimHandle(Rc::new(RefCell::new(sim)));
                    s.version += 1;
                    s.selected = None;
                    s.phase = 0.0;
                    s.notice = None;
                    s.scenario = None;
                }
                Err(e) => s.notify_error(messages::sim_error(s.lang, &e)),
            },
            UiAction::Notify(n) => s.notice = n,
            UiAction::ToggleHelp => s.show_help = !s.show_help,
            UiAction::Key(k) => s.key(&k),
            UiAction::Scenario(nav) => super::components::scenario_nav(&mut s, nav),
        }
        Rc::new(s)
    }
}
