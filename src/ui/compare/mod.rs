//! The A/B comparison on screen: the button and setting menu that open it
//! ([`CompareControls`]), and the two panes that replace the cluster while
//! it is open ([`compare_panes`]). Both only read the runs and dispatch
//! [`UiAction`]s; the lockstep and the divergence are `sim::compare`'s, the
//! words `view::compare_text`'s.

mod panes;

pub use panes::{compare_panes, ComparePanesProps};

use crate::sim::compare::Knob;
use crate::ui::state::UiAction;
use crate::view::compare_text::knob_label;
use crate::view::i18n::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`CompareControls`].
#[derive(Properties, PartialEq)]
pub struct CompareControlsProps {
    /// Language.
    pub lang: Lang,
    /// The setting compared now, if the comparison is open.
    pub open: Option<Knob>,
    /// The setting to offer first when closed (the run's suggestion).
    pub suggested: Knob,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
}

/// `<select data-input="compare-setting">` and `<button data-action="compare">`.
#[component]
pub fn CompareControls(p: &CompareControlsProps) -> Html {
    let l = p.lang;
    let chosen = use_state(|| None::<Knob>);
    let knob = p.open.or(*chosen).unwrap_or(p.suggested);
    let on_change = {
        let (chosen, d, open) = (chosen.clone(), p.dispatch.clone(), p.open.is_some());
        Callback::from(move |e: Event| {
            let value = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(k) = Knob::from_name(&value) {
                chosen.set(Some(k));
                if open {
                    d.emit(UiAction::Compare(Some(k)));
                }
            }
        })
    };
    let toggle = {
        let open = p.open.is_some();
        p.dispatch
            .reform(move |_| UiAction::Compare((!open).then_some(knob)))
    };
    let label = if p.open.is_some() {
        l.t("Close A/B", "关闭 A/B 对比")
    } else {
        l.t("Compare A/B", "A/B 对比")
    };
    html! {
        <span class="compare-controls">
            <select data-input="compare-setting" onchange={on_change}
                aria-label={l.t("Setting that differs between A and B", "A 与 B 之间不同的设置")}>
                { for Knob::all().into_iter().map(|k| html! {
                    <option value={k.name()} selected={k == knob}>{knob_label(l, k)}</option>
                }) }
            </select>
            <button type="button" data-action="compare" aria-pressed={p.open.is_some().to_string()} onclick={toggle}>
                {label}
            </button>
        </span>
    }
}
