//! When the space-time diagram redraws (issues 13 and 15: the frame budget).
//!
//! While the clock runs fast, the panels redraw about ten times a second
//! (`view::clock::PanelClock`); the diagram follows the same cadence, but
//! one animation frame later, so a frame never pays for both. When the clock
//! is slow or stopped (the panels show every tick), the diagram redraws with
//! them, in the same frame. A postponed redraw happens in the very next
//! frame whatever else redraws then, so the diagram is never more than one
//! frame behind the panels.

/// The diagram's redraw state, fed once per render of its wrapper.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cadence {
    /// The run version the diagram shows.
    shown: Option<u64>,
    /// The panels' version at the previous render.
    panels: Option<u64>,
    /// Whether the panels lagged the run at the previous render (the panel
    /// clock was skipping frames).
    lagging: bool,
    /// A redraw was postponed to the next frame.
    due: bool,
}

impl Cadence {
    /// A render in which the run is at `run` and the panels show `panels`.
    /// Returns the run version the diagram shows now.
    pub fn on_render(&mut self, run: u64, panels: u64) -> u64 {
        let refreshed = self.panels.is_some_and(|p| p != panels);
        let was_lagging = self.lagging;
        self.panels = Some(panels);
        self.lagging = run != panels;
        match self.shown {
            Some(s) if s == run => self.due = false,
            // The panels redraw in this frame after skipping some: next frame.
            Some(_) if !self.due && refreshed && was_lagging => self.due = true,
            // Postponed last frame, or the panels show every tick.
            Some(_) if self.due || !self.lagging => self.draw(run),
            // A fast clock between two panel redraws: keep, as the panels do.
            Some(_) => {}
            None => self.draw(run),
        }
        self.shown.unwrap_or(run)
    }

    /// Whether a redraw waits for the next animation frame.
    pub fn due(&self) -> bool {
        self.due
    }

    fn draw(&mut self, run: u64) {
        self.shown = Some(run);
        self.due = false;
    }
}

#[cfg(test)]
mod tests {
    use super::Cadence;

    #[test]
    fn a_slow_clock_redraws_with_the_panels() {
        let mut c = Cadence::default();
        assert_eq!(c.on_render(1, 1), 1);
        // Every tick, panels and run together (slow clock, steps, seeks).
        for v in 2..6 {
            assert_eq!(c.on_render(v, v), v);
            assert!(!c.due());
        }
        // Something else changed (a filter): the version stays.
        assert_eq!(c.on_render(5, 5), 5);
    }

    #[test]
    fn a_fast_clock_redraws_one_frame_after_the_panels() {
        let mut c = Cadence::default();
        assert_eq!(c.on_render(10, 10), 10);
        // Frames between two panel redraws: the run moves, both keep.
        assert_eq!(c.on_render(11, 10), 10);
        assert_eq!(c.on_render(12, 10), 10);
        // The panels redraw at 13: the diagram waits for the next frame…
        assert_eq!(c.on_render(13, 13), 10);
        assert!(c.due());
        // …and draws there, at that frame's run.
        assert_eq!(c.on_render(14, 13), 14);
        assert!(!c.due());
        assert_eq!(c.on_render(15, 13), 14);
        // Paused right at a panel redraw: the frame the wrapper asks for
        // (no new run version) draws it.
        assert_eq!(c.on_render(16, 16), 14);
        assert!(c.due());
        assert_eq!(c.on_render(16, 16), 16);
        assert!(!c.due());
    }

    #[test]
    fn a_postponed_redraw_never_waits_twice() {
        // Under heavy throttling the panels redraw nearly every frame: a
        // postponed redraw happens in the next frame even if the panels
        // redraw there too.
        let mut c = Cadence::default();
        c.on_render(100, 100);
        c.on_render(110, 100);
        let shown: Vec<u64> = [(120, 120), (130, 120), (140, 140), (150, 150)]
            .into_iter()
            .map(|(run, panels)| c.on_render(run, panels))
            .collect();
        assert_eq!(shown, vec![100, 130, 130, 150]);
        assert!(!c.due());
    }
}
