//! The timeline's marks (elections, crashes, restarts, link changes,
//! commits) as SVG lines in tick coordinates. Its props only change when the
//! thinned marks do, not every tick, so it is rarely re-rendered.

use crate::sim::{Mark, MarkKind};
use crate::view::timeline_view::mark_name;
use yew::prelude::*;

/// Height of the timeline's `viewBox`.
pub const TIMELINE_HEIGHT: u32 = 40;

/// Props of [`TimelineMarks`].
#[derive(Properties, PartialEq)]
pub struct TimelineMarksProps {
    /// The marks to draw.
    pub marks: Vec<Mark>,
}

/// The marks, one line each.
#[component]
pub fn TimelineMarks(p: &TimelineMarksProps) -> Html {
    let h = TIMELINE_HEIGHT;
    let lines = p.marks.iter().map(|m| {
        let (y1, y2) = match m.kind {
            MarkKind::Commit { .. } => (h - 7, h),
            MarkKind::Link => (0, h - 8),
            _ => (0, h),
        };
        let x = m.tick.to_string();
        html! {
            <line class={classes!("tl-mark", format!("tl-{}", mark_name(m.kind)))} x1={x.clone()} x2={x}
                y1={y1.to_string()} y2={y2.to_string()} vector-effect="non-scaling-stroke" />
        }
    });
    html! { <g class="tl-marks">{ for lines }</g> }
}
