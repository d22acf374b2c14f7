//! A node's election timer: a ring that drains clockwise from the top as
//! the timeout approaches (hidden for leaders and crashed nodes).

use super::cluster::num;
use crate::view::layout::{arc_path, Point};
use yew::prelude::*;

/// Arguments of [`timer_arc`].
pub struct TimerArcProps {
    /// The node (the element's key among the timers).
    pub id: u32,
    /// The node's centre.
    pub at: Point,
    /// The ring's radius.
    pub r: f64,
    /// What is left of the wait, 1 to 0.
    pub remaining: f64,
    /// The node is paused (the timer is frozen).
    pub paused: bool,
}

/// One election timer.
pub fn timer_arc(p: &TimerArcProps) -> Html {
    crate::ui::render_count::count("TimerArc");
    let low = p.remaining < 0.25;
    html! {
        <g key={p.id} class={classes!("timer", low.then_some("low"), p.paused.then_some("frozen"))} aria-hidden="true">
            <circle class="timer-track" cx={num(p.at.x)} cy={num(p.at.y)} r={num(p.r)} />
            <path class="timer-arc" d={arc_path(p.at, p.r, p.remaining)} />
        </g>
    }
}
