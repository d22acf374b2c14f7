//! The polite live region (`data-testid="announcer"`): elections won,
//! commits, crashes, restarts and link changes, said by a screen reader in
//! the current language. What to say and how often is `view::announce`
//! (pure, tested); this reads the run's new marks after each change and
//! hands them on. A replaced run or a step back in time is not announced.

use crate::ui::props::ViewProps;
use crate::view::announce::{collect, text, Announcement, Throttle};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// How far the region has read the run.
#[derive(Default)]
struct Reader {
    run: usize,
    marks: usize,
    events: u64,
    throttle: Throttle,
    timer: Option<gloo_timers::callback::Timeout>,
}

/// Props of [`Announcer`].
#[derive(Properties, PartialEq)]
pub struct AnnouncerProps {
    /// Shared props.
    pub view: ViewProps,
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Says what is queued if it is time; otherwise sets a timer to say it.
fn flush(reader: &Rc<RefCell<Reader>>, shown: &UseStateHandle<(u64, Vec<Announcement>)>) {
    let mut r = reader.borrow_mut();
    let now = now_ms();
    if let Some(items) = r.throttle.take_due(now) {
        r.timer = None;
        shown.set((shown.0 + 1, items));
    } else if r.throttle.has_pending() && r.timer.is_none() {
        let wait = r.throttle.wait_ms(now).ceil() as u32;
        let (reader2, shown) = (reader.clone(), shown.clone());
        r.timer = Some(gloo_timers::callback::Timeout::new(wait, move || {
            reader2.borrow_mut().timer = None;
            flush(&reader2, &shown);
        }));
    }
}

/// The live region.
#[component]
pub fn Announcer(p: &AnnouncerProps) -> Html {
    crate::ui::render_count::count("Announcer");
    let v = &p.view;
    let names = v.names;
    let reader = use_mut_ref(Reader::default);
    let shown = use_state(|| (0u64, Vec::<Announcement>::new()));
    {
        let (reader, shown, sim) = (reader.clone(), shown.clone(), v.sim.clone());
        use_effect_with((sim.run_id(), v.version), move |(run, _)| {
            {
                let sim = sim.borrow();
                let trace = sim.world().trace();
                let (marks, total) = (trace.marks().len(), trace.total());
                let mut r = reader.borrow_mut();
                let fresh = r.run != *run || marks < r.marks || total < r.events;
                if fresh {
                    // A new run, or back in time: start reading from here.
                    r.throttle.clear();
                } else if total > r.events {
                    let new = ((total - r.events) as usize).min(trace.recent().len());
                    let skip = trace.recent().len() - new;
                    let events: Vec<_> = trace.recent().skip(skip).collect();
                    let marks: Vec<_> = trace.marks().iter_from(r.marks).copied().collect();
                    let items = collect(&marks, &events);
                    r.throttle.push(items);
                }
                r.run = *run;
                r.marks = marks;
                r.events = total;
            }
            flush(&reader, &shown);
        });
    }
    let text = text(v.lang, names, &shown.1).unwrap_or_default();
    html! {
        <div class="sr-only" data-testid="announcer" role="status" aria-live="polite" aria-atomic="true">
            {text}
        </div>
    }
}
