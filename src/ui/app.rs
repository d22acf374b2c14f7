//! The app: owns the state, runs the animation loop and the keyboard, lays
//! out the panels. Panels read the run through props and dispatch actions.

use super::bookmark_bar::BookmarkBar;
use super::cause_panel::{cause_panel, CausePanelProps};
use super::challenge_panel::ChallengePanel;
use super::compare::{compare_panes, CompareControls, ComparePanesProps};
use super::components::{
    cluster_detail, fork_undo, notice_bar, Announcer, AuthoringPanel, ClientPanel,
    ClusterDetailProps, ClusterView, EventLog, ForkUndoProps, HelpOverlay, Inspector, LogsView,
    MembershipPanel, Narration, NoticeProps, SafetyBadge, ScenarioMenu, Settings, ShareBox,
    Timeline, Toolbar, UnsafeStrip,
};
use super::export_buttons::{export_buttons, ExportButtonsProps};
use super::hooks::{use_animation_frame, use_event_listener, use_shown_version};
use super::props::ViewProps;
use super::spacetime::SpaceTime;
use super::state::{AppState, Notice, PanelGroup, UiAction};
use super::url;
use crate::sim::Simulation;
use crate::view::display::{zoom_factor, zoom_percent, ZOOMS};
use crate::view::export::Picture;
use crate::view::keymap::{global_key, Focus, KeyRoute};
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn initial_state() -> AppState {
    let lang = url::initial_lang();
    let (config, errors) = url::initial_config();
    let sim = Simulation::new(config.clone())
        .or_else(|_| Simulation::new(Default::default()))
        .expect("the default configuration is valid");
    let mut state = AppState::new(sim, lang, url::prefers_reduced_motion());
    let compare = crate::view::params::compare_from_query(&url::search());
    let mut errors = errors;
    errors.extend(compare.clone().err());
    if !errors.is_empty() {
        state.notice = Some(Notice::error(|l| {
            let texts: Vec<String> = errors.iter().map(|e| e.text(l)).collect();
            texts.join("; ")
        }));
    }
    let fragment = url::hash();
    if !super::session::restore(&mut state, &fragment) {
        state.apply(UiAction::OpenLink(fragment));
    }
    if let Ok(Some(knob)) = compare {
        state.apply(UiAction::Compare(Some(knob)));
    }
    state
}

/// What kind of element has the focus (`view::keymap::Focus`): fields keep
/// their keys, buttons keep Space and Enter, menus, grids and sliders keep
/// the arrows.
fn focus_of(target: Option<web_sys::EventTarget>) -> Focus {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return Focus::Page;
    };
    let tag = el.tag_name().to_ascii_uppercase();
    let input_type = el.get_attribute("type").unwrap_or_default();
    let role = el.get_attribute("role").unwrap_or_default();
    let within = |sel: &str| el.closest(sel).ok().flatten().is_some();
    match tag.as_str() {
        "TEXTAREA" | "SELECT" => Focus::Field,
        "INPUT" => match input_type.as_str() {
            "checkbox" | "button" | "submit" | "reset" | "file" => Focus::Control,
            "radio" | "range" => Focus::Arrows,
            _ => Focus::Field,
        },
        _ if el
            .get_attribute("contenteditable")
            .is_some_and(|v| v != "false") =>
        {
            Focus::Field
        }
        _ if within(
            "[data-arrow-keys],[role=slider],[role=menu],[role=menubar],[role=listbox],\
             [role=grid],[role=radiogroup],[role=tablist],[role=tree]",
        ) =>
        {
            Focus::Arrows
        }
        "BUTTON" | "A" | "SUMMARY" => Focus::Control,
        _ if matches!(
            role.as_str(),
            "button" | "link" | "checkbox" | "switch" | "menuitem" | "option" | "tab"
        ) =>
        {
            Focus::Control
        }
        _ => Focus::Page,
    }
}

/// Keys handled globally, unless the focused element takes them
/// (`view::keymap::global_key`).
fn key_action(e: &web_sys::Event) -> Option<UiAction> {
    let e = e.dyn_ref::<web_sys::KeyboardEvent>()?;
    if e.ctrl_key() || e.meta_key() || e.alt_key() || e.default_prevented() {
        return None;
    }
    let key = e.key();
    match global_key(&key, focus_of(e.target())) {
        KeyRoute::Element => return None,
        KeyRoute::LeaveField => {
            // Esc leaves the field; it also closes the help and the selection.
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.blur();
            }
            return Some(UiAction::Key(key));
        }
        KeyRoute::Shortcut => {}
    }
    if key == "s" {
        e.prevent_default();
        focus_command_box();
        return None;
    }
    if [" ", "ArrowLeft", "ArrowRight"].contains(&key.as_str()) {
        e.prevent_default();
    }
    Some(UiAction::Key(key))
}

fn focus_command_box() {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-input=command]").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// The whole app.
#[component]
pub fn App() -> Html {
    crate::ui::render_count::count("App");
    let state = use_reducer(initial_state);
    let dispatch = {
        let d = state.dispatcher();
        use_memo((), move |_| {
            Callback::from(move |a: UiAction| d.dispatch(a))
        })
    };
    let dispatch: Callback<UiAction> = (*dispatch).clone();

    let on_frame = {
        let d = dispatch.clone();
        use_memo((), move |_| d.reform(UiAction::Frame))
    };
    use_animation_frame(state.playing, (*on_frame).clone());
    super::session::use_session_keeper(&state);

    let window: Option<web_sys::EventTarget> = web_sys::window().map(Into::into);
    let document: Option<web_sys::EventTarget> =
        web_sys::window().and_then(|w| w.document()).map(Into::into);
    let on_key = {
        let d = dispatch.clone();
        use_memo((), move |_| {
            Callback::from(move |e: web_sys::Event| {
                if let Some(a) = key_action(&e) {
                    d.emit(a)
                }
            })
        })
    };
    use_event_listener(window, "keydown", (*on_key).clone());
    super::focus::use_focus_keeper();
    // Auto-pause when the tab is hidden: nobody is watching, and a class
    // coming back should find the cluster where they left it.
    let on_visibility = {
        let d = dispatch.clone();
        use_memo((), move |_| {
            Callback::from(move |_| {
                let hidden = web_sys::window()
                    .and_then(|w| w.document())
                    .is_some_and(|doc| doc.visibility_state() == web_sys::VisibilityState::Hidden);
                if hidden {
                    d.emit(UiAction::Pause)
                }
            })
        })
    };
    use_event_listener(document, "visibilitychange", (*on_visibility).clone());

    {
        let lang = state.lang;
        use_effect_with(lang, |lang| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("lang", lang.html_tag());
            }
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                doc.set_title(lang.page_title());
            }
        });
    }

    {
        // Presenter mode enlarges the root font. Said on the root element
        // itself: a `:root:has(.app[…])` selector made every DOM change in
        // the page (every frame) re-check the root's style.
        let presenter = state.presenter;
        use_effect_with(presenter, |on| {
            if let Some(root) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element())
            {
                let _ = root.set_attribute("data-presenter", if *on { "on" } else { "off" });
            }
        });
    }

    {
        // The address follows the settings and the language.
        // (Keyed by what the query holds, not the whole configuration, which
        // may carry scripted logs: this runs every frame.)
        let sim = state.sim.clone();
        let key = {
            let s = sim.borrow();
            let c = s.config();
            let r = &c.raft;
            (
                c.seed,
                c.nodes,
                r.pre_vote,
                r.pre_vote_mode,
                r.check_quorum,
                r.leader_noop,
            )
        };
        use_effect_with((key, state.lang), move |(_, lang)| {
            url::follow_settings(sim.borrow().config(), *lang)
        });
    }

    use_effect_with((), |_| {
        if super::selftest_requested("panic") {
            panic!("selftest: deliberate panic requested by ?selftest=panic");
        }
        if super::selftest_requested("trap") {
            super::selftest_trap();
        }
        if super::selftest_requested("oom") {
            super::selftest_oom();
        }
    });

    let view = ViewProps {
        sim: state.sim.clone(),
        version: state.version,
        lang: state.lang,
        dispatch: dispatch.clone(),
        selected: state.selected,
        names: state.node_names(),
    };
    // Panels follow the clock at most ~10 times a second when it runs fast,
    // one group per frame (`view::panel_clock::PanelClock`); the cluster
    // drawing and toolbar follow every frame.
    let group = |g: PanelGroup| ViewProps {
        version: state.panels.shown(g),
        ..view.clone()
    };
    let panels = group(PanelGroup::Small);
    let logs = group(PanelGroup::Logs);
    let side = group(PanelGroup::Side);
    let panels_for_announcer = panels.clone();
    // Panels that show little of the run get a version that moves only
    // when that little changes (`view::shown`), so most refreshes skip them.
    let memo = |version: u64| ViewProps {
        version,
        ..view.clone()
    };
    let sim = state.sim.clone();
    // The share box and the bookmark bar read the run only when clicked.
    let share_v = use_shown_version(panels.version, || ());
    let strip_v = use_shown_version(panels.version, || {
        sim.borrow().config().raft.unsafe_switches.clone()
    });
    let settings_v = use_shown_version(panels.version, || sim.borrow().config().clone());
    let safety_v = use_shown_version(panels.version, || {
        sim.borrow().world().violations().to_vec()
    });
    let entry_selected = matches!(state.selected, Some(super::state::Selection::Entry(..)));
    let logs_v = use_shown_version(logs.version, || {
        // No key (an entry's card is open, or very long logs): every refresh.
        crate::view::logs_key::logs_key(sim.borrow().world(), entry_selected).ok_or(logs.version)
    });
    let membership_v = use_shown_version(side.version, || {
        let s = sim.borrow();
        let w = s.world();
        crate::view::membership_view::cluster_config(w).map(|c| {
            let last = c
                .from_leader
                .then(|| crate::view::membership_view::last_majorities(w, c.source));
            (c, last)
        })
    });
    let lang = state.lang;
    let presenter = state.presenter;
    let zoom = state.zoom;
    let on_zoom = dispatch.reform(|e: Event| {
        let i = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .and_then(|s| s.value().parse().ok())
            .unwrap_or(crate::view::display::DEFAULT_ZOOM);
        UiAction::SetZoom(i)
    });
    // What the guided step on screen talks about, while the run is still
    // the step's (not after the teacher took over or moved on).
    let focus: crate::view::step_focus::StepFocus = state
        .scenario
        .as_ref()
        .filter(|p| !p.free && !p.diverged(&state.sim.borrow()))
        .and_then(|p| {
            let subjects = state.find_scenario(p.id)?.steps.get(p.step)?.subjects();
            Some(crate::view::step_focus::StepFocus::new(
                subjects,
                p.start.clone(),
            ))
        })
        .unwrap_or_default();
    let step_cells = focus.cells();
    let knob = state.compare.as_ref().map(|c| c.lock.knob());
    let suggested = crate::sim::compare::Knob::suggest(state.sim.borrow().initial_config());
    let cluster = match &state.compare {
        Some(c) => compare_panes(&ComparePanesProps {
            view: view.clone(),
            b: c.b.clone(),
            lock: c.lock.clone(),
            phase: state.phase,
            reduced_motion: state.reduced_motion,
        }),
        None => html! {
            <>
                <div class="cluster-export">
                    { export_buttons(&ExportButtonsProps { view: view.clone(), selector: ".cluster-canvas svg".into(), picture: Picture::Cluster }) }
                </div>
                <ClusterView view={view.clone()} phase={state.phase} reduced_motion={state.reduced_motion} step={focus.clone()} />
            </>
        },
    };
    let challenge_on = state.challenge.is_some();
    html! {
        <div class="app" data-testid="app" data-ready="true" data-tick={state.sim.borrow().tick().to_string()}
             data-playing={state.playing.to_string()} data-compare={knob.map(|k| k.name())}
             data-presenter={if presenter { "on" } else { "off" }}
             data-zoom={zoom_percent(zoom).to_string()}
             style={format!("--zoom: {}", zoom_factor(zoom))}>
            <header class="app-header">
                <h1 class="brand">{"raftlab"}<span class="tagline">{lang.t(" — Raft, visible", " — 看得见的 Raft")}</span></h1>
                <ScenarioMenu lang={lang} dispatch={dispatch.clone()} current={state.scenario.as_ref().map(|p| p.id)} />
                <AuthoringPanel lang={lang} dispatch={dispatch.clone()} draft={state.draft.clone()}
                    shown={state.scenario.as_ref().and_then(|p| state.find_scenario(p.id))} />
                <ShareBox view={memo(share_v)} pos={state.scenario.clone()} compare={knob} bookmarks={state.bookmarks.clone()} />
                <label class="zoom-control">
                    <span class="zoom-label">{lang.t("Text size", "文字大小")}</span>
                    <select data-input="zoom" onchange={on_zoom}>
                        { for ZOOMS.iter().enumerate().map(|(i, z)| html! {
                            <option value={i.to_string()} selected={i == zoom}>{format!("{z}%")}</option>
                        }) }
                    </select>
                </label>
                <button class="presenter-toggle" data-action="presenter" aria-pressed={presenter.to_string()}
                    title={lang.t("Presenter mode (f): hide the settings and legends, enlarge the rest",
                                  "演示模式（f）：隐藏设置和图例，放大其余部分")}
                    onclick={dispatch.reform(|_| UiAction::TogglePresenter)}>
                    {lang.t("Presenter", "演示模式")}
                </button>
                // Named by its visible label, in the language it names.
                <button class="lang-switch" data-action="lang" lang={lang.other().html_tag()}
                    aria-describedby="lang-switch-hint"
                    onclick={dispatch.reform(move |_| UiAction::SetLang(lang.other()))}>
                    {lang.t("中文", "English")}
                </button>
                <span id="lang-switch-hint" class="sr-only">{lang.t("Switch the language to Chinese", "切换到英文")}</span>
                <button class="st-toggle" data-action="view-spacetime" aria-pressed={state.show_spacetime.to_string()}
                    onclick={dispatch.reform(|_| UiAction::ToggleSpacetime)}>
                    {lang.t("Space-time", "时空图")}
                </button>
                <button class="help-button" data-action="help" aria-label={lang.t("Keyboard shortcuts", "键盘快捷键")}
                    onclick={dispatch.reform(|_| UiAction::ToggleHelp)}>{"?"}</button>
            </header>
            <UnsafeStrip view={memo(strip_v)} />
            <Toolbar view={view.clone()} playing={state.playing} speed={state.speed}>
                <CompareControls {lang} open={knob} {suggested} dispatch={dispatch.clone()} />
                <button type="button" data-action="challenge" aria-pressed={challenge_on.to_string()}
                    onclick={dispatch.reform(move |_| UiAction::Challenge(!challenge_on))}>
                    {lang.t("Break it!", "来破坏它！")}
                </button>
            </Toolbar>
            { notice_bar(&NoticeProps { lang, notice: state.notice.clone(), dispatch: dispatch.clone() }) }
            <main class={classes!("stage", knob.is_some().then_some("comparing"))}>
                <section class="cluster-pane" aria-label={lang.t("Cluster", "集群")}>
                    <SafetyBadge view={memo(safety_v)} />
                    {cluster}
                </section>
                <div class="story-pane">
                    <Narration view={panels.clone()} pos={state.scenario.clone()}
                        scenario={state.scenario.as_ref().and_then(|p| state.find_scenario(p.id))} quiz={state.quiz.clone()} />
                    { cluster_detail(&ClusterDetailProps { view: view.clone() }) }
                    <LogsView view={memo(logs_v)} {step_cells} cause={state.cause.as_ref().map(|(c, v)| crate::view::cause_marks::cause_entries(c, v)).unwrap_or_default()} />
                    <aside class="side-pane">
                        if let Some(challenge) = state.challenge.clone() {
                            <ChallengePanel view={side.clone()} {challenge} />
                        }
                        <MembershipPanel view={memo(membership_v)} />
                        if let Some(cause) = state.cause.clone() {
                            { cause_panel(&CausePanelProps { view: side.clone(), cause }) }
                        }
                        <Inspector view={side.clone()} />
                        <ClientPanel view={side} />
                    </aside>
                </div>
            </main>
            <Timeline view={group(PanelGroup::Timeline)} />
            { fork_undo(&ForkUndoProps { lang, discarded: state.discarded.clone(), dispatch: dispatch.clone() }) }
            <BookmarkBar view={memo(share_v)} bookmarks={state.bookmarks.clone()} />
            if state.show_spacetime {
                <SpaceTime view={view.clone()} panels={state.panels.shown(PanelGroup::SpaceTime)} bookmarks={state.bookmarks.clone()}
                    cause={state.cause.as_ref().map(|(c, _)| (c.tick, c.node, c.nodes()))} step={focus.clone()} />
            }
            <section class="lower">
                <EventLog view={group(PanelGroup::Events)} />
            </section>
            <Settings view={memo(settings_v)} />
            <super::components::QuorumLabPanel lang={lang} />
            <Announcer view={panels_for_announcer} />
            if state.show_help {
                <HelpOverlay lang={lang} dispatch={dispatch.clone()} />
            }
        </div>
    }
}
