//! The app state and its reducer. Every control becomes a [`UiAction`]; the
//! reducer (`reducer.rs`) turns it into calls on the [`Simulation`] (which
//! records them), so nothing in the UI mutates a node directly: outside this
//! module the run is read-only ([`SimHandle::borrow`]).

use crate::raft::{Index, NodeId};
use crate::scenario::Position;
use crate::sim::{Action, MsgId, SimConfig, Simulation, Target};
use crate::view::i18n::Lang;
use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

pub use crate::view::clock::{DEFAULT_SPEED, SPEEDS};
pub use crate::view::panel_clock::{PanelClock, PanelGroup};
pub use lessons::link_fragment;

mod annotations;
mod fork;

pub use fork::Discarded;
mod compare;
mod lessons;
mod reducer;

/// The shared simulation. Components read it with [`SimHandle::borrow`];
/// only the reducer changes it. Equality is identity, so props holding it
/// compare cheaply; [`AppState::version`] says when its contents changed.
#[derive(Clone)]
pub struct SimHandle(Rc<RefCell<Simulation>>);

impl PartialEq for SimHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl SimHandle {
    fn new(sim: Simulation) -> SimHandle {
        SimHandle(Rc::new(RefCell::new(sim)))
    }

    /// Reads the run.
    pub fn borrow(&self) -> Ref<'_, Simulation> {
        self.0.borrow()
    }

    /// Which run this is: changes exactly when the run is replaced (a cache
    /// key for what depends on the run's identity, not its contents).
    pub fn run_id(&self) -> usize {
        Rc::as_ptr(&self.0) as usize
    }

    /// Changes the run: for the reducer only.
    fn borrow_mut(&self) -> RefMut<'_, Simulation> {
        self.0.borrow_mut()
    }
}

/// An open A/B comparison: side B and what the pair shares. Side A is
/// [`AppState::sim`] itself, so every panel keeps showing the run.
#[derive(Clone, PartialEq)]
pub struct Compare {
    /// Side B: the same run with the one setting changed.
    pub b: SimHandle,
    /// The setting, the lockstep and the divergence once found.
    pub lock: crate::sim::compare::Lockstep,
}

/// Moving through a guided scenario.
#[derive(Clone, Debug)]
pub enum ScenarioNav {
    /// Go to step `1` (0-based) of scenario `0`: Next, Back, Restart and
    /// jumping from the step list all do this.
    Go(&'static str, usize),
    /// The teacher takes over: the run is theirs, the narration steps aside.
    TakeOver,
    /// Leave the scenario (the run stays as it is).
    Close,
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

/// A message for the user (`role="alert"` when it is an error), worded in
/// both languages when it is raised, so a language switch re-translates it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The English text.
    pub en: String,
    /// The Chinese text.
    pub zh: String,
    /// An error (alert) rather than information.
    pub error: bool,
}

impl Notice {
    /// An error, worded by `text` in each language.
    pub fn error(text: impl Fn(Lang) -> String) -> Notice {
        Notice {
            en: text(Lang::En),
            zh: text(Lang::Zh),
            error: true,
        }
    }

    /// Information, worded by `text` in each language.
    pub fn info(text: impl Fn(Lang) -> String) -> Notice {
        Notice {
            error: false,
            ..Notice::error(text)
        }
    }

    /// The text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        lang.t(&self.en, &self.zh)
    }
}

/// Everything the UI shows and does.
#[derive(Clone, PartialEq)]
pub struct AppState {
    /// The run.
    pub sim: SimHandle,
    /// Bumped on every change to the run.
    pub version: u64,
    /// The version the panels show (throttled while the clock runs fast).
    pub panels: PanelClock,
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
    pub scenario: Option<Position>,
    /// The space-time diagram shown?
    pub show_spacetime: bool,
    /// The teacher's bookmarks on this run.
    pub bookmarks: crate::view::bookmarks::Bookmarks,
    /// The cause of a safety violation being shown, with the violation.
    pub cause: Option<(crate::sim::cause::Cause, crate::sim::Violation)>,
    /// Presenter mode: settings and legends hidden, the rest enlarged
    /// (`data-presenter="on"` on the app root).
    pub presenter: bool,
    /// Zoom step of the text panels (index into `view::display::ZOOMS`).
    pub zoom: usize,
    /// Predict, then reveal: the pending answer, the last reveal, the score.
    pub quiz: crate::view::quiz::Quiz,
    /// A teacher's scenario opened from a file or link (besides the built-ins).
    pub custom: Option<Rc<crate::scenario::Scenario>>,
    /// The future the last fork discarded, which can be restored.
    pub discarded: Option<Discarded>,
    /// The teacher's scenario being recorded, if any.
    pub draft: Option<crate::view::authoring::Draft>,
    /// The A/B comparison, when open.
    pub compare: Option<Compare>,
    /// Challenge mode ("Break it"), when on.
    pub challenge: Option<crate::view::challenge::Challenge>,
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
    /// Submit a command text.
    /// (A `get` is read the given way, thesis §6.4.)
    Submit(Target, String, crate::raft::ReadMode),
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
    /// Show or hide the space-time diagram.
    ToggleSpacetime,
    /// Bookmark the current tick with a note.
    AddBookmark(String),
    /// Remove the bookmark at a tick.
    RemoveBookmark(u64),
    /// Go to the broken rule that made the first violation possible.
    ShowCause,
    /// Stop showing the cause.
    HideCause,
    /// A key pressed outside text fields.
    Key(String),
    /// Guided scenario navigation.
    Scenario(ScenarioNav),
    /// Open a share link (the URL fragment, `#v1.…`), paused at its tick.
    OpenLink(String),
    /// Open an exported file's text, paused at its tick.
    OpenFile(String),
    /// Presenter mode on or off.
    TogglePresenter,
    /// Zoom the text panels to a step of `view::display::ZOOMS`.
    SetZoom(usize),
    /// Predict the answer to the question before the next scenario step.
    Answer(crate::scenario::Answer),
    /// Recording a teacher's scenario.
    Author(Authoring),
    /// Open a teacher's scenario file's text (or a scenario link's).
    OpenScenario(String),
    /// Open an exported JSON trace's text (`view::trace_file`), paused.
    OpenTrace(String),
    /// Open the A/B comparison on this setting (`None`: close it).
    Compare(Option<crate::sim::compare::Knob>),
    /// Start a new challenge attempt (`true`) or leave challenge mode.
    Challenge(bool),
    /// Bring back the branch the last fork discarded.
    RestoreBranch,
}

/// Recording a teacher's scenario from the run (`view::authoring`).
#[derive(Clone, Debug)]
pub enum Authoring {
    /// Start a new recording.
    Record,
    /// End a step at the moment shown.
    EndStep,
    /// Change a text of the draft.
    Edit(crate::view::authoring::Field, String),
    /// Open the draft as a scenario, at its first step.
    Preview,
    /// Throw the draft away.
    Discard,
}

impl AppState {
    /// A fresh state around `sim`.
    pub fn new(sim: Simulation, lang: Lang, reduced_motion: bool) -> AppState {
        AppState {
            sim: SimHandle::new(sim),
            version: 0,
            panels: PanelClock::default(),
            playing: true,
            speed: DEFAULT_SPEED,
            phase: 0.0,
            selected: None,
            lang,
            notice: None,
            show_help: false,
            reduced_motion,
            scenario: None,
            show_spacetime: false,
            bookmarks: Default::default(),
            cause: None,
            presenter: false,
            zoom: crate::view::display::DEFAULT_ZOOM,
            quiz: Default::default(),
            custom: None,
            discarded: None,
            draft: None,
            compare: None,
            challenge: None,
        }
    }
}
