//! The timeline: a scrubber over ticks 0..head painted with term bands, with
//! marks for elections, crashes, restarts, link changes and commits, and a
//! playhead. Click or drag to seek; it is a keyboard slider too.

use super::live_num::live_num;
use super::timeline_marks::{TimelineMarks, TIMELINE_HEIGHT};
use crate::sim::Mark;
use crate::ui::props::ViewProps;
use crate::ui::state::UiAction;
use crate::view::fixed::Fixed;
use crate::view::log_view::term_color;
use crate::view::timeline_view::{
    axis_ticks, band_at, key_seek, sync_marks, term_bands, thin_marks, tick_at,
};
use yew::prelude::*;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Shared props.
    pub view: ViewProps,
}

/// The timeline.
#[component]
pub fn Timeline(p: &TimelineProps) -> Html {
    crate::ui::render_count::count("Timeline");
    let v = &p.view;
    let l = v.lang;
    let slider = use_node_ref();
    let cache = use_mut_ref(|| (0usize, Vec::<Mark>::new()));
    let drag = use_mut_ref(|| None::<u64>);
    let sim = v.sim.borrow();
    let (tick, head) = (sim.tick(), sim.head());
    let world = sim.world();
    let ptr = v.sim.run_id();
    let (bands, marks) = {
        let mut c = cache.borrow_mut();
        if c.0 != ptr {
            *c = (ptr, Vec::new());
        }
        sync_marks(&mut c.1, world.trace().marks(), tick == head);
        (term_bands(&c.1, head), thin_marks(&c.1, head, 500))
    };

    let seek_at = {
        let slider = slider.clone();
        let d = v.dispatch.clone();
        let drag = drag.clone();
        move |client_x: i32| {
            let Some(el) = slider.cast::<web_sys::Element>() else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            let t = tick_at(f64::from(client_x) - rect.left(), rect.width(), head);
            let mut last = drag.borrow_mut();
            if *last != Some(t) {
                *last = Some(t);
                d.emit(UiAction::Seek(t));
            }
        }
    };
    let on_down = {
        let seek_at = seek_at.clone();
        let slider = slider.clone();
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 {
                return;
            }
            if let Some(el) = slider.cast::<web_sys::HtmlElement>() {
                let _ = el.set_pointer_capture(e.pointer_id());
                let _ = el.focus();
            }
            *drag.borrow_mut() = None;
            seek_at(e.client_x());
        })
    };
    let on_move = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            if drag.borrow().is_some() && e.buttons() & 1 == 1 {
                seek_at(e.client_x());
            }
        })
    };
    let on_up = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| *drag.borrow_mut() = None)
    };
    let on_key = {
        let d = v.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(t) = key_seek(&e.key(), e.shift_key(), tick, head) {
                e.prevent_default();
                e.stop_propagation();
                d.emit(UiAction::Seek(t));
            }
        })
    };
    let to_head = v.dispatch.reform(move |_| UiAction::Seek(head));

    let now = band_at(&bands, tick);
    let valuetext = match now {
        Some(b) => format!(
            "{} {tick} / {head}, {} {}, {} {}",
            l.t("tick", "时刻"),
            l.t("term", "任期"),
            b.term,
            l.t("leader", "领导者"),
            v.names.of(b.leader)
        ),
        None => format!(
            "{} {tick} / {head}, {}",
            l.t("tick", "时刻"),
            l.t("no leader", "无领导者")
        ),
    };
    let band_rects = bands.iter().map(|b| {
        html! {
            <rect class="tl-band" x={b.start.to_string()} y="0" width={(b.end - b.start).max(1).to_string()} height={TIMELINE_HEIGHT.to_string()}
                style={format!("fill: {}", term_color(b.term))}><title>{format!("{} {} · {}", l.t("term", "任期"), b.term, v.names.of(b.leader))}</title></rect>
        }
    });
    let pct = |t: u64| {
        if head == 0 {
            0.0
        } else {
            t as f64 / head as f64 * 100.0
        }
    };
    let band_labels = bands.iter().filter(|b| head > 0 && (b.end - b.start) * 25 >= head).map(|b| {
        html! { <span class="tl-band-label" style={format!("left: {}%", Fixed(pct(b.start), 2))}>{format!("T{}", b.term)}</span> }
    });
    // The viewBox is in ticks: as the run grows only it changes, not the marks.
    let width = head.max(1);
    let axis = axis_ticks(head, 8).into_iter().map(|t| {
        html! { <span style={format!("left: {}%", Fixed(pct(t), 2))}>{t}</span> }
    });
    let past = tick < head;
    html! {
        <section class="timeline panel" aria-label={l.t("Timeline", "时间线")} data-testid="timeline">
            <header class="panel-head">
                <h2>{l.t("Timeline", "时间线")}</h2>
                <span class="tl-now">
                    {l.t("tick ", "时刻 ")}{live_num(tick)}{" / "}{live_num(head)}
                    { match now {
                        Some(b) => format!(" · {} {} · {} {}", l.t("term", "任期"), b.term, l.t("leader", "领导者"), v.names.of(b.leader)),
                        None => format!(" · {}", l.t("no leader", "无领导者")),
                    } }
                </span>
                if past {
                    <span class="tl-fork" role="note">{l.t("Viewing the past: acting now forks history; the later ticks are set aside, and you can restore them.", "正在查看过去：此时操作会分叉历史；之后的时刻会被搁置，之后仍可恢复。")}</span>
                    <button class="small" data-action="to-head" onclick={to_head}>{format!("{} {head}", l.t("Back to tick", "回到时刻"))}</button>
                }
                <ul class="legend tl-legend">
                    <li><span class="lg elected"></span>{l.t("election", "选举")}</li>
                    <li><span class="lg crash"></span>{l.t("crash", "崩溃")}</li>
                    <li><span class="lg restart"></span>{l.t("restart", "重启")}</li>
                    <li><span class="lg link"></span>{l.t("link change", "链路变化")}</li>
                    <li><span class="lg commit"></span>{l.t("commit", "提交")}</li>
                </ul>
            </header>
            <div class="tl-slider" ref={slider} role="slider" tabindex="0" data-testid="timeline-slider"
                aria-label={l.t("Time: drag or use the arrow keys to travel", "时间：拖动或用方向键穿梭")}
                aria-valuemin="0" aria-valuemax={head.to_string()} aria-valuenow={tick.to_string()} aria-valuetext={valuetext}
                onpointerdown={on_down} onpointermove={on_move} onpointerup={on_up.clone()} onpointercancel={on_up} onkeydown={on_key}>
                <div class="tl-band-labels" aria-hidden="true">{ for band_labels }</div>
                <svg viewBox={format!("0 0 {width} {TIMELINE_HEIGHT}")} preserveAspectRatio="none" width="100%" aria-hidden="true">
                    <rect class="tl-bg" x="0" y="0" width={width.to_string()} height={TIMELINE_HEIGHT.to_string()} />
                    { for band_rects }
                    <TimelineMarks marks={marks} />
                    if past {
                        <rect class="tl-future" x={tick.to_string()} y="0" width={(head - tick).to_string()} height={TIMELINE_HEIGHT.to_string()} />
                    }
                    <line class="tl-playhead" x1={tick.to_string()} x2={tick.to_string()} y1="0" y2={TIMELINE_HEIGHT.to_string()} vector-effect="non-scaling-stroke" />
                </svg>
                // Moving boxes sit in an absolutely placed layer, not
                // directly in the slider: Blink re-lays-out the whole page
                // when an absolute box moves inside an in-flow one, even a
                // contained one (measured: tests/browser/layout_roots.test.js).
                <div class="tl-layer" aria-hidden="true">
                    <div class="tl-handle" style={format!("left: {}%", Fixed(pct(tick), 3))}></div>
                </div>
            </div>
            <div class="tl-axis" aria-hidden="true"><div class="tl-layer">{ for axis }</div></div>
        </section>
    }
}
