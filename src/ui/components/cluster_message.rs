//! One message in flight, drawn as a small typed glyph: PreVote, RequestVote,
//! AppendEntries with its entry count, a small dot for a heartbeat, and
//! responses with ✓ or ✗. Held messages get a dashed outline and a ⏸
//! badge, duplicates a ghost copy behind. It is drawn at `at` by its shapes'
//! own coordinates (no `transform`: each transformed group would be a paint
//! chunk of its own, re-layerized on every frame); only when the drawing is
//! small does it grow about its centre by a scale (`pill_scale`).
//! An idle element (no message this frame) keeps its shape but says
//! nothing, and is hidden with `visibility` (it keeps its layout object:
//! `display: none` would take it out of the layout tree and back in as
//! messages come and go).

use super::cluster::{activate_on_key, num};
use crate::sim::Action;
use crate::ui::state::{Selection, UiAction};
use crate::view::cluster_view::labels::pill_transform;
use crate::view::cluster_view::MsgFacts;
use crate::view::fixed::Fixed;
use crate::view::i18n::Lang;
use crate::view::layout::Point;
use crate::view::node_names::NodeNames;
use yew::prelude::*;

/// Props of [`ClusterMessage`].
#[derive(Properties, PartialEq)]
pub struct ClusterMessageProps {
    /// What it is.
    pub facts: MsgFacts,
    /// Where it is drawn (its centre, view coordinates).
    pub at: Point,
    /// How much it grows about its centre when the drawing is small
    /// (`view::cluster_view::labels::pill_scale`; 1 draws it as is).
    #[prop_or(1.0)]
    pub scale: f64,
    /// No room on its link for the full pill: drawn as a dot, label hidden
    /// (its accessible name keeps everything).
    #[prop_or_default]
    pub compact: bool,
    /// Selected?
    pub selected: bool,
    /// Due but waiting (manual delivery or held) at the receiver's end.
    pub waiting: bool,
    /// Manual delivery mode: clicking a selected waiting message delivers it.
    pub manual: bool,
    /// One of the messages the guided step being shown talks about.
    #[prop_or_default]
    pub step: bool,
    /// A kept element with no message this frame
    /// (`view::cluster_view::pool::MessagePool`): drawn hidden, with no
    /// `data-*`, name or handlers, so it is no message to a test, a screen
    /// reader or a click.
    #[prop_or_default]
    pub idle: bool,
    /// Language.
    pub lang: Lang,
    /// How nodes are named.
    pub names: NodeNames,
    /// Where actions go.
    pub dispatch: Callback<UiAction>,
}

/// One message.
#[component]
pub fn ClusterMessage(p: &ClusterMessageProps) -> Html {
    crate::ui::render_count::count("ClusterMessage");
    let f = p.facts;
    let id = f.id;
    let mut aria = f.accessible_name(p.lang, p.names);
    let deliver_on_click = p.manual && p.waiting && p.selected && !f.held;
    if p.manual && p.waiting && !f.held {
        aria.push_str(p.lang.t(
            ". Waiting: select it, then activate again to deliver",
            "。等待投递：选中后再次点击即可投递",
        ));
    }
    let activate = {
        let (d, selected) = (p.dispatch.clone(), p.selected);
        Callback::from(move |()| {
            if deliver_on_click {
                d.emit(UiAction::Sim(Action::Deliver(id)));
                d.emit(UiAction::Select(None));
            } else {
                let sel = (!selected).then_some(Selection::Message(id));
                d.emit(UiAction::Select(sel));
            }
        })
    };
    let onclick = activate.reform(|_: MouseEvent| ());
    let onkeydown = activate_on_key(activate);
    let dot = f.is_dot(p.compact);
    let w = if dot { 16.0 } else { f.width() };
    let (hw, h) = (w / 2.0, 24.0);
    let Point { x, y } = p.at;
    let shape = if dot {
        html! { <circle class="shape" cx={num(x)} cy={num(y)} r="8" /> }
    } else {
        html! {
            <>
                <rect class="shape" x={num(x - hw)} y={num(y - h / 2.0)} width={num(w)} height={num(h)} rx="12" />
                <text class="msg-label" x={num(x)} y={num(y)}>{f.label().into_owned()}</text>
            </>
        }
    };
    let ghost = f.duplicate.then(|| {
        if dot {
            html! { <circle class="ghost" cx={num(x + 5.0)} cy={num(y - 5.0)} r="8" /> }
        } else {
            html! { <rect class="ghost" x={num(x - hw + 5.0)} y={num(y - h / 2.0 - 5.0)} width={num(w)} height={num(h)} rx="12" /> }
        }
    });
    let held = f.held.then(|| {
        let bx = if dot { 9.0 } else { hw };
        html! {
            <g class="held-badge" transform={format!("translate({} {})", Fixed(x + bx, 1), Fixed(y - 12.0, 1))}>
                <circle r="9" />
                <rect x="-4" y="-5" width="3" height="10" />
                <rect x="1" y="-5" width="3" height="10" />
            </g>
        }
    });
    let hit_w = w.max(30.0) + 8.0;
    // Heartbeat dots are small: give them a bigger invisible target.
    let hit = dot.then(|| html! { <circle class="msg-hit" cx={num(x)} cy={num(y)} r="15" /> });
    // An idle element keeps the same children (so it turns back into a
    // message by patching, not by building) but says nothing.
    let on = !p.idle;
    let class = if on {
        classes!(
            f.class(),
            f.held.then_some("held"),
            f.duplicate.then_some("dup"),
            p.selected.then_some("selected"),
            p.waiting.then_some("waiting"),
            p.compact.then_some("compact"),
            p.step.then_some("step-highlight")
        )
    } else {
        classes!("msg", "idle")
    };
    let grow = pill_transform(p.at, p.scale);
    html! {
        <g {class} transform={grow} visibility={p.idle.then_some("hidden")}
           data-highlight={(on && p.step).then_some("step")}
           data-msg={on.then(|| f.kind.name())} data-msg-id={on.then(|| id.to_string())}
           data-from={on.then(|| f.from.to_string())} data-to={on.then(|| f.to.to_string())}
           data-entries={on.then(|| f.entries.to_string())} data-held={on.then(|| f.held.to_string())}
           data-duplicate={on.then(|| f.duplicate.to_string())}
           role={on.then_some("button")} aria-label={on.then_some(aria)}
           aria-pressed={on.then(|| p.selected.to_string())} aria-hidden={p.idle.then_some("true")}
           onclick={on.then_some(onclick)} onkeydown={on.then_some(onkeydown)}>
            {ghost}
            if p.selected {
                <rect class="msg-select" x={num(x - hit_w / 2.0 - 2.0)} y={num(y - 18.0)} width={num(hit_w + 4.0)} height="36" rx="18" />
            }
            {shape}
            {held}
            {hit}
        </g>
    }
}
