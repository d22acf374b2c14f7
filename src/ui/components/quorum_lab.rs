//! The quorum read/write lab panel (`data-view="quorum-lab"`): sliders for n,
//! w and r, the replicas with their versions and the sets each write and read
//! uses, Write and Read buttons, and what the read returned. The model is
//! `view::quorum_lab`; this component only draws it and sends it actions
//! through its own reducer (the lab is apart from the cluster run).

use crate::view::i18n::Lang;
use crate::view::quorum_lab::{QuorumAction, QuorumError, QuorumLab, Set, MAX_N};
use crate::view::quorum_lab_text::{error_text, intro, read_text, rule_text};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The lab and the last refusal, if the last action was refused.
#[derive(Clone, Debug, Default, PartialEq)]
struct LabState {
    lab: QuorumLab,
    error: Option<QuorumError>,
}

impl Reducible for LabState {
    type Action = QuorumAction;
    fn reduce(self: Rc<Self>, action: QuorumAction) -> Rc<Self> {
        let mut lab = self.lab.clone();
        Rc::new(match lab.apply(action) {
            Ok(()) => LabState { lab, error: None },
            Err(e) => LabState {
                lab: self.lab.clone(),
                error: Some(e),
            },
        })
    }
}

/// Props of [`QuorumLabPanel`].
#[derive(Properties, PartialEq)]
pub struct QuorumLabProps {
    /// The language.
    pub lang: Lang,
}

fn slider_value(e: &Event) -> Option<usize> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|i| i.value().trim().parse().ok())
}

/// A button that opens the lab, and the lab when open.
#[component]
pub fn QuorumLabPanel(p: &QuorumLabProps) -> Html {
    let l = p.lang;
    let open = use_state(|| false);
    let state = use_reducer(LabState::default);
    let toggle_open = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let button = html! {
        <button class="quorum-lab-open" data-action="quorum-lab" aria-expanded={open.to_string()} onclick={toggle_open}>
            {l.t("Quorum lab (N/W/R)", "法定票数实验（N/W/R）")}
        </button>
    };
    if !*open {
        return button;
    }
    let lab = &state.lab;
    let slider =
        |name: &'static str, label: &str, value: usize, make: fn(usize) -> QuorumAction| {
            let d = state.dispatcher();
            let on_change = Callback::from(move |e: Event| {
                // A value that is not a number is out of range for any of the three.
                d.dispatch(make(slider_value(&e).unwrap_or(0)))
            });
            html! {
                <label class="quorum-slider">{format!("{label} = {value}")}
                    <input type="range" min="1" max={MAX_N.to_string()} value={value.to_string()}
                        data-input={name} onchange={on_change} />
                </label>
            }
        };
    let replicas = (0..lab.n()).map(|i| {
        let v = lab.versions()[i];
        let (w, r) = (lab.chosen(Set::Write, i), lab.chosen(Set::Read, i));
        let d = state.dispatcher();
        let on_w = Callback::from(move |_| d.dispatch(QuorumAction::Toggle(Set::Write, i)));
        let d = state.dispatcher();
        let on_r = Callback::from(move |_| d.dispatch(QuorumAction::Toggle(Set::Read, i)));
        let newest = v == lab.newest();
        html! {
            <li class={classes!("replica", newest.then_some("newest"))} data-replica={i.to_string()}
                data-version={v.to_string()} data-write={w.to_string()} data-read={r.to_string()}>
                <span class="replica-name">{format!("R{}", i + 1)}</span>
                <span class="replica-version">{format!("v{v}")}</span>
                <button data-action="quorum-toggle-write" data-replica={i.to_string()} aria-pressed={w.to_string()}
                    title={l.t("write to this replica", "写入这个副本")} onclick={on_w}>{l.t("W", "写")}</button>
                <button data-action="quorum-toggle-read" data-replica={i.to_string()} aria-pressed={r.to_string()}
                    title={l.t("read from this replica", "读取这个副本")} onclick={on_r}>{l.t("R", "读")}</button>
            </li>
        }
    });
    let d = state.dispatcher();
    let on_write = Callback::from(move |_| d.dispatch(QuorumAction::Write));
    let d = state.dispatcher();
    let on_read = Callback::from(move |_| d.dispatch(QuorumAction::Read));
    let result = lab.last_read().map(|read| {
        let verdict = if read.stale() { "stale" } else { "fresh" };
        html! { <p class={classes!("quorum-result", verdict)} data-quorum-result={verdict}>{read_text(l, read)}</p> }
    });
    let error = state.error.as_ref().map(|e| {
        html! { <p class="quorum-error" role="alert" data-quorum-error="true">{error_text(l, e)}</p> }
    });
    html! {
        <>
        {button}
        <section class="quorum-lab" data-view="quorum-lab" aria-label={l.t("Quorum lab", "法定票数实验")}
            data-n={lab.n().to_string()} data-w={lab.w().to_string()} data-r={lab.r().to_string()}>
            <h2>{l.t("Quorum reads and writes (Dynamo N/W/R)", "法定票数读写（Dynamo 的 N/W/R）")}</h2>
            <p class="quorum-intro">{intro(l)}</p>
            <div class="quorum-sliders">
                { slider("quorum-n", l.t("replicas n", "副本数 n"), lab.n(), QuorumAction::SetN) }
                { slider("quorum-w", l.t("write quorum w", "写法定数 w"), lab.w(), QuorumAction::SetW) }
                { slider("quorum-r", l.t("read quorum r", "读法定数 r"), lab.r(), QuorumAction::SetR) }
            </div>
            <p class={classes!("quorum-rule", lab.overlapping().then_some("overlap"))}
                data-quorum-overlap={lab.overlapping().to_string()}>{rule_text(l, lab)}</p>
            <ol class="replicas">{ for replicas }</ol>
            <div class="quorum-buttons">
                <button data-action="quorum-write" onclick={on_write}>
                    {format!("{} v{} → {} {}", l.t("Write", "写入"), lab.newest() + 1, lab.chosen_count(Set::Write), l.t("chosen replicas", "个所选副本"))}
                </button>
                <button data-action="quorum-read" onclick={on_read}>
                    {format!("{} ← {} {}", l.t("Read", "读取"), lab.chosen_count(Set::Read), l.t("chosen replicas", "个所选副本"))}
                </button>
            </div>
            {for error}
            {for result}
        </section>
        </>
    }
}
