//! The reducer: the only code that changes the run. Every [`UiAction`]
//! lands in [`AppState::apply`]; "replace the run" ([`AppState::replace_run`])
//! exists once, for a new run, a scenario step and an opened link or file.
//! The clock and the key map it follows are pure (`view::clock`,
//! `view::keymap`).

use super::{AppState, Notice, ScenarioNav, Selection, SimHandle, UiAction};
use crate::raft::{Command, NodeId};
use crate::scenario::{self, Answer, Position, Scenario, ScenarioError};
use crate::sim::compare::Knob;
use crate::sim::{Action, NodeStatus, Simulation};
use crate::view::clock::{frame_step, SPEEDS};
use crate::view::display::{zoom_in, zoom_out, ZOOMS};
use crate::view::keymap::{key_command, node_action, KeyCommand};
use crate::view::links::LinkState;
use crate::view::messages;
use crate::view::quiz;
use crate::view::share::{refusal_text, Kept, ShareError, Shared, SharedScenario, Source};
use std::rc::Rc;
use yew::prelude::*;

/// The scenario step to remember for a shared run: the step's own end, so
/// the narration knows whether the run has moved on from it.
fn position_for(tag: Option<&SharedScenario>) -> Option<Position> {
    let tag = tag?;
    let id = scenario::find(&tag.id)?.id;
    scenario::goto(id, tag.step).ok().map(|(_, pos)| pos)
}

/// A restored run: the run, its scenario step, the comparison open on it,
/// its bookmarks.
type Restored = (
    Simulation,
    Option<Position>,
    Option<Knob>,
    crate::view::bookmarks::Bookmarks,
);

/// Validates and replays a link or file into a run and its scenario step.
fn restore(decoded: Result<Shared, ShareError>) -> Result<Restored, ShareError> {
    let shared = decoded?;
    let sim = shared.restore()?;
    let pos = position_for(shared.scenario.as_ref());
    Ok((sim, pos, shared.compare, shared.bookmarks))
}

impl AppState {
    /// Shows an error, worded by `text` in each language.
    pub(super) fn notify_error(&mut self, text: impl Fn(crate::view::i18n::Lang) -> String) {
        self.notice = Some(Notice::error(text));
    }

    /// Replaces the run (the one place that does): a new handle, nothing
    /// selected, the clock at a whole tick, and the scenario step it shows.
    pub(super) fn replace_run(&mut self, sim: Simulation, scenario: Option<Position>) {
        self.sim = SimHandle::new(sim);
        self.version += 1;
        self.selected = None;
        self.phase = 0.0;
        self.discarded = None;
        if scenario.is_none() {
            self.quiz.leave();
        }
        self.scenario = scenario;
        self.bookmarks = Default::default();
        self.cause = None;
        self.follow_compare();
    }

    /// A run from a link or file replaces this one, with the comparison
    /// it was shared with (or none).
    fn replace_restored(&mut self, (sim, pos, knob, bookmarks): Restored) {
        self.compare = None;
        self.replace_run(sim, pos);
        self.bookmarks = bookmarks;
        if knob.is_some() {
            self.open_compare(knob);
        }
    }

    fn act(&mut self, action: Action) {
        let fork = self.before_fork();
        let result = self.act_both(action);
        match result {
            Ok(()) => {
                self.version += 1;
                if fork.is_some() {
                    self.discarded = fork;
                }
            }
            Err(notice) => {
                // While comparing, one side may have taken it.
                self.version += u64::from(self.compare.is_some());
                self.notice = Some(notice);
            }
        }
    }

    fn step_back(&mut self) {
        let tick = self.sim.borrow().tick();
        self.seek(tick.saturating_sub(1));
    }

    pub(super) fn seek(&mut self, tick: u64) {
        let names = self.node_names();
        let result = self.seek_both(tick);
        match result {
            Ok(()) => {
                self.version += 1;
                self.phase = 0.0;
            }
            Err(e) => self.notify_error(|l| messages::sim_error(l, names, &e)),
        }
    }

    fn advance(&mut self, ticks: u64) {
        let names = self.node_names();
        if ticks == 0 {
            return;
        }
        let result = self.run_both(ticks);
        self.version += 1;
        if let Err(e) = result {
            self.playing = false;
            self.notify_error(|l| messages::sim_error(l, names, &e));
        }
    }

    fn selected_node(&self) -> Option<NodeId> {
        match self.selected {
            Some(Selection::Node(n)) | Some(Selection::Entry(n, _)) => Some(n),
            _ => None,
        }
    }

    fn key(&mut self, key: &str) {
        let Some(command) = key_command(key, self.playing) else {
            return;
        };
        // The help is modal: behind it, only `?` and Escape (which close it) work.
        if self.show_help && !matches!(command, KeyCommand::ToggleHelp | KeyCommand::Dismiss) {
            return;
        }
        match command {
            KeyCommand::TogglePlay => self.playing = !self.playing,
            KeyCommand::Forward => self.advance(1),
            KeyCommand::Back => self.step_back(),
            KeyCommand::ToggleHelp => self.show_help = !self.show_help,
            KeyCommand::Dismiss => {
                self.show_help = false;
                self.selected = None;
            }
            KeyCommand::TogglePresenter => self.presenter = !self.presenter,
            KeyCommand::ZoomIn => self.zoom = zoom_in(self.zoom),
            KeyCommand::ZoomOut => self.zoom = zoom_out(self.zoom),
            KeyCommand::Message(forward) => {
                let ids: Vec<_> = {
                    let sim = self.sim.borrow();
                    let mut ids: Vec<_> = sim
                        .world()
                        .network()
                        .in_flight()
                        .iter()
                        .map(|e| e.id)
                        .collect();
                    crate::sort::sort(&mut ids);
                    ids
                };
                let current = match self.selected {
                    Some(Selection::Message(id)) => Some(id),
                    _ => None,
                };
                if let Some(id) = crate::view::message_cycle::cycle(&ids, current, forward) {
                    // A message moves while the clock runs: hold it still to read it.
                    self.playing = false;
                    self.selected = Some(Selection::Message(id));
                }
            }
            KeyCommand::Node(k) => {
                if let Some(n) = self.selected_node() {
                    let paused = self
                        .sim
                        .borrow()
                        .world()
                        .slot(n)
                        .is_ok_and(|s| s.status == NodeStatus::Paused);
                    self.act(node_action(k, n, paused));
                }
            }
        }
    }

    /// The scenario with this id: the teacher's opened one, or a built-in.
    pub fn find_scenario(&self, id: &str) -> Option<Rc<Scenario>> {
        match &self.custom {
            Some(c) if c.id == id => Some(c.clone()),
            _ => scenario::find(id).map(Rc::new),
        }
    }

    /// How the nodes are named: the open scenario's aliases (also after
    /// the teacher took over, in its forks and when restored from a link),
    /// `n1`… in free play.
    pub fn node_names(&self) -> crate::view::node_names::NodeNames {
        self.scenario
            .as_ref()
            .and_then(|p| self.find_scenario(p.id))
            .map(|sc| sc.node_names())
            .unwrap_or_default()
    }

    /// The question asked now (before the next step), if any.
    fn upcoming_answer(&mut self, answer: Answer) {
        let Some(pos) = self.scenario.clone() else {
            return;
        };
        if let Some(sc) = self.find_scenario(pos.id) {
            if let Some(q) = quiz::upcoming(&sc, &pos, &self.sim.borrow()) {
                self.quiz.choose(q, answer);
            }
        }
    }

    pub(super) fn scenario_nav(&mut self, nav: ScenarioNav) {
        match nav {
            ScenarioNav::Go(id, step) => {
                let Some(sc) = self.find_scenario(id) else {
                    return self.notify_error(|l| ScenarioError::Unknown.text(l));
                };
                let from = self
                    .scenario
                    .as_ref()
                    .filter(|p| p.id == id && !p.free && !p.diverged(&self.sim.borrow()))
                    .map(|p| p.step);
                match sc.position(step) {
                    Ok((sim, pos)) => {
                        self.quiz.arrive(&sc, from, step, &sim);
                        self.replace_run(sim, Some(pos));
                        self.playing = false;
                        self.notice = None;
                    }
                    Err(e) => self.notify_error(|l| e.text(l)),
                }
            }
            ScenarioNav::TakeOver => {
                if let Some(p) = self.scenario.as_mut() {
                    p.free = true;
                }
                self.quiz.pending = None;
            }
            ScenarioNav::Close => {
                self.scenario = None;
                self.quiz.leave();
            }
        }
    }

    /// A share link: on success the run is replaced, paused; a bad link
    /// leaves the run as it is and says why, after any notice already shown.
    fn open_link(&mut self, fragment: &str) {
        let text = fragment.trim_start_matches('#');
        if text.trim().is_empty() || self.open_scenario_link(text) {
            return;
        }
        let mut said = Vec::new();
        match restore(Shared::decode(text)) {
            Ok(restored) => {
                self.replace_restored(restored);
                self.playing = false;
                // The link sets the cluster: query parameters that tried to
                // are reported as overridden.
                let query = crate::ui::url::search();
                let overridden = crate::view::params::overridden_by_link(&query);
                said.extend(overridden.iter().map(|e| Notice::error(|l| e.text(l))));
                if said.is_empty() {
                    return;
                }
            }
            Err(e) => {
                // Say what stayed on screen: at start-up the default cluster
                // or the one the query set; later, the run that was open.
                let fresh = self.sim.borrow().tick() == 0 && self.sim.borrow().actions().is_empty();
                let default =
                    *self.sim.borrow().initial_config() == crate::sim::SimConfig::default();
                let kept = match (fresh, default) {
                    (false, _) => Kept::CurrentRun,
                    (true, true) => Kept::DefaultCluster,
                    (true, false) => Kept::QueryCluster,
                };
                said.push(Notice::error(|l| refusal_text(l, Source::Link, &e, kept)));
            }
        }
        said.extend(self.notice.take());
        self.notify_error(|l| {
            let texts: Vec<&str> = said.iter().map(|n| n.text(l)).collect();
            texts.join(" ")
        });
    }

    /// Reopens a run kept by `ui::session` (a reload): paused, with a note.
    pub(crate) fn resume_session(&mut self, fragment: &str) -> bool {
        let Ok(restored) = restore(Shared::decode(fragment)) else {
            return false;
        };
        self.replace_restored(restored);
        self.playing = false;
        self.notice = Some(Notice::info(|l| {
            l.t(
                "Reloaded: the run is back where you left it, paused.",
                "已重新加载：运行回到了你离开时的位置，已暂停。",
            )
            .to_string()
        }));
        true
    }

    /// A JSON trace: replayed from its config and actions; the current run
    /// is kept if it is refused.
    fn open_trace(&mut self, text: &str) {
        match crate::view::trace_file::import_trace(text) {
            Ok(opened) => {
                self.compare = None;
                self.replace_run(opened.sim, None);
                self.bookmarks = opened.shared.bookmarks;
                self.playing = false;
                let matches = opened.matches;
                let text = move |l: crate::view::i18n::Lang| {
                    if matches {
                        l.t(
                            "Trace loaded: the run is replayed and paused at its saved tick.",
                            "轨迹已载入：运行已重放，并暂停在保存时的时刻。",
                        )
                    } else {
                        l.t(
                            "Trace loaded, but this version's replay differs from the events it recorded (it was written by another version of raftlab). The run shown is this version's.",
                            "轨迹已载入，但本版本重放出的事件与轨迹记录的不同（它由另一版本的 raftlab 写出）。显示的是本版本的运行。",
                        )
                    }
                    .to_string()
                };
                self.notice = Some(if matches {
                    Notice::info(text)
                } else {
                    Notice::error(text)
                });
            }
            Err(e) => self.notify_error(|l| refusal_text(l, Source::File, &e, Kept::CurrentRun)),
        }
    }

    fn open_file(&mut self, text: &str) {
        if crate::view::trace_file::is_trace(text) {
            return self.open_trace(text);
        }
        if crate::scenario::format::looks_like(text) {
            return self.open_scenario(text);
        }
        match restore(Shared::from_file(text)) {
            Ok(restored) => {
                self.replace_restored(restored);
                self.playing = false;
                self.notice = Some(Notice::info(|l| {
                    l.t(
                        "File loaded: the run is paused at its saved tick.",
                        "文件已载入：运行已暂停在保存时的时刻。",
                    )
                    .to_string()
                }));
            }
            Err(e) => self.notify_error(|l| refusal_text(l, Source::File, &e, Kept::CurrentRun)),
        }
    }

    /// Applies one action in place (the reducer's body; also used once at
    /// start-up to open the URL's share link).
    pub fn apply(&mut self, action: UiAction) {
        if let UiAction::Frame(dt_ms) = action {
            if self.playing {
                let step = frame_step(self.phase, dt_ms, self.speed);
                self.phase = step.phase;
                self.advance(step.ticks);
                self.panels.on_frame(dt_ms, self.version, self.speed);
                if !self.playing {
                    self.panels.sync(self.version); // stopped by an error
                }
            }
            return;
        }
        self.apply_user(action);
        self.panels.sync(self.version);
    }

    /// Everything but a frame: what the user did.
    fn apply_user(&mut self, action: UiAction) {
        let names = self.node_names();
        match action {
            UiAction::Frame(_) => {}
            UiAction::Play => self.playing = true,
            UiAction::Pause => self.playing = false,
            UiAction::Step => {
                self.playing = false;
                self.phase = 0.0;
                self.advance(1);
            }
            UiAction::Back => {
                self.playing = false;
                self.step_back();
            }
            UiAction::Seek(tick) => {
                self.playing = false;
                self.seek(tick);
            }
            UiAction::Sim(action) => self.act(action),
            UiAction::Sims(actions) => {
                for a in actions {
                    self.act(a);
                }
            }
            UiAction::CycleLink(a, b) => {
                let (a, b) = (a.min(b), a.max(b));
                let state = LinkState::of(self.sim.borrow().world().network(), a, b);
                for action in state.cycle_actions(a, b) {
                    self.act(action);
                }
            }
            UiAction::Submit(target, text, mode) => match Command::parse(&text) {
                Ok(Command::Get { key }) if mode != crate::raft::ReadMode::Log => {
                    self.act(Action::Read { target, key, mode })
                }
                Ok(command) => self.act(Action::Propose(target, command)),
                Err(e) => self.notify_error(|l| messages::command_error(l, &e)),
            },
            UiAction::Select(sel) => {
                // Clicking a node or a log cell also answers a question.
                match sel {
                    Some(Selection::Node(n)) => self.upcoming_answer(Answer::Node(n)),
                    Some(Selection::Entry(_, i)) => self.upcoming_answer(Answer::Index(i)),
                    _ => {}
                }
                self.selected = sel;
            }
            UiAction::SetSpeed(i) => self.speed = i.min(SPEEDS.len() - 1),
            UiAction::SetLang(lang) => self.lang = lang,
            UiAction::Reset(config) => match Simulation::new(config) {
                Ok(sim) => {
                    self.replace_run(sim, None);
                    self.notice = None;
                }
                Err(e) => self.notify_error(|l| messages::sim_error(l, names, &e)),
            },
            UiAction::Notify(n) => self.notice = n,
            UiAction::ToggleHelp => self.show_help = !self.show_help,
            UiAction::ToggleSpacetime => self.show_spacetime = !self.show_spacetime,
            UiAction::AddBookmark(note) => self.add_bookmark(&note),
            UiAction::RemoveBookmark(tick) => self.bookmarks.remove(tick),
            UiAction::ShowCause => self.show_cause(),
            UiAction::HideCause => self.cause = None,
            UiAction::Key(k) => self.key(&k),
            UiAction::Scenario(nav) => self.scenario_nav(nav),
            UiAction::OpenLink(fragment) => self.open_link(&fragment),
            UiAction::OpenFile(text) => self.open_file(&text),
            UiAction::TogglePresenter => self.presenter = !self.presenter,
            UiAction::SetZoom(i) => self.zoom = i.min(ZOOMS.len() - 1),
            UiAction::Answer(a) => self.upcoming_answer(a),
            UiAction::Author(a) => self.author(a),
            UiAction::OpenScenario(text) => self.open_scenario(&text),
            UiAction::OpenTrace(text) => self.open_trace(&text),
            UiAction::Compare(knob) => self.open_compare(knob),
            UiAction::Challenge(on) => self.challenge(on),
            UiAction::RestoreBranch => self.restore_branch(),
        }
    }
}

impl Reducible for AppState {
    type Action = UiAction;

    fn reduce(self: Rc<Self>, action: UiAction) -> Rc<Self> {
        if matches!(action, UiAction::Frame(_)) && !self.playing {
            return self; // nothing changes: no re-render
        }
        let mut s = (*self).clone();
        s.apply(action);
        Rc::new(s)
    }
}
