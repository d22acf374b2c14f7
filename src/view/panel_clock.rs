//! Which version of the run each group of panels shows (issue 15, "render
//! less"). The cluster drawing follows every frame; panels follow every
//! change the user makes at once, and the clock's own ticks at most every
//! [`PANEL_REFRESH_MS`] when it runs faster than 10 ticks a second. The
//! groups take turns: a frame refreshes at most one group, the one that
//! has waited longest, so the logs, the timeline and the event log never
//! all re-render in the same frame. Whatever a group shows is the run as it
//! is when it renders (the panels read the live simulation); only how often
//! it looks is throttled. Pure, so the schedule is tested without a browser.

use super::clock::{MAX_FRAME_MS, SPEEDS};

/// How often a panel group refreshes at most while the clock runs faster
/// than that: 10 times a second.
pub const PANEL_REFRESH_MS: f64 = 100.0;

/// The panel groups that take turns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelGroup {
    /// The nodes' logs.
    Logs,
    /// The timeline under the stage.
    Timeline,
    /// The event log.
    Events,
    /// The side pane: inspector, client, configuration, challenge, cause.
    Side,
    /// The space-time diagram's turn: it redraws one frame after it
    /// (`view::spacetime::cadence`).
    SpaceTime,
    /// The small ones: safety badge, unsafe strip, narration, share box,
    /// bookmarks, settings, the screen-reader announcer.
    Small,
}

impl PanelGroup {
    /// Every group, in turn order.
    pub const ALL: [PanelGroup; 6] = [
        PanelGroup::Logs,
        PanelGroup::Timeline,
        PanelGroup::Events,
        PanelGroup::Side,
        PanelGroup::SpaceTime,
        PanelGroup::Small,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

const GROUPS: usize = PanelGroup::ALL.len();

/// The run version each panel group shows.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PanelClock {
    shown: [u64; GROUPS],
    since_ms: [f64; GROUPS],
}

impl PanelClock {
    /// The run version `group` shows.
    pub fn shown(&self, group: PanelGroup) -> u64 {
        self.shown[group.index()]
    }

    /// After anything but a frame: every group shows `version` now.
    pub fn sync(&mut self, version: u64) {
        self.shown = [version; GROUPS];
        self.since_ms = [0.0; GROUPS];
    }

    /// After a frame of `dt_ms` that left the run at `version`, playing at
    /// speed index `speed`. At 10 ticks a second or slower every tick shows
    /// in every group at once; faster, the group that has waited longest
    /// (at least [`PANEL_REFRESH_MS`]) and is behind catches up, one group
    /// per frame.
    pub fn on_frame(&mut self, dt_ms: f64, version: u64, speed: usize) {
        let dt = dt_ms.clamp(0.0, MAX_FRAME_MS);
        for s in &mut self.since_ms {
            *s += dt;
        }
        let slow = SPEEDS[speed.min(SPEEDS.len() - 1)] <= 1000.0 / PANEL_REFRESH_MS;
        if slow {
            if self.shown.iter().any(|&v| v != version) {
                self.sync(version);
            }
            return;
        }
        let due = (0..GROUPS)
            .filter(|&g| self.shown[g] != version && self.since_ms[g] >= PANEL_REFRESH_MS - 1e-6)
            .fold(None, |best: Option<usize>, g| match best {
                Some(b) if self.since_ms[b] >= self.since_ms[g] => Some(b),
                _ => Some(g),
            });
        if let Some(g) = due {
            self.shown[g] = version;
            self.since_ms[g] = 0.0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FASTEST: usize = SPEEDS.len() - 1;
    const FRAME: f64 = 1000.0 / 60.0;

    /// Runs `frames` frames, a new version each, and returns for each group
    /// how often it refreshed, and the most groups refreshed in one frame.
    fn run(c: &mut PanelClock, frames: u64, dt: f64, from: u64) -> ([usize; GROUPS], usize) {
        let mut refreshes = [0; GROUPS];
        let mut most = 0;
        for v in from..from + frames {
            let before = *c;
            c.on_frame(dt, v, FASTEST);
            let changed: Vec<_> = PanelGroup::ALL
                .iter()
                .filter(|&&g| c.shown(g) != before.shown(g))
                .collect();
            for g in &changed {
                refreshes[g.index()] += 1;
            }
            most = most.max(changed.len());
        }
        (refreshes, most)
    }

    #[test]
    fn fast_clocks_refresh_each_group_at_most_ten_times_a_second_one_group_a_frame() {
        let mut c = PanelClock::default();
        let (refreshes, most) = run(&mut c, 600, FRAME, 1);
        assert_eq!(most, 1);
        // 6 groups take turns over 60 frames a second: each every 6 frames.
        for r in refreshes {
            assert!((95..=100).contains(&r), "{refreshes:?}");
        }
        // A user action shows everywhere at once.
        c.sync(1000);
        assert!(PanelGroup::ALL.iter().all(|&g| c.shown(g) == 1000));
    }

    #[test]
    fn slow_frames_still_refresh_one_group_each_and_every_group_in_turn() {
        // A throttled laptop at 10 frames a second: one group per frame, in
        // turn, so each group still shows a new state every 6 frames.
        let mut c = PanelClock::default();
        let (refreshes, most) = run(&mut c, 60, 100.0, 1);
        assert_eq!(most, 1);
        assert_eq!(refreshes, [10; GROUPS]);
        // A group already showing the latest version does not take a turn:
        // after a pause (everything in sync) and one new tick, the groups
        // catch up one per frame, and then nothing changes.
        c.sync(100);
        c.on_frame(100.0, 101, FASTEST);
        assert_eq!(c.shown(PanelGroup::Logs), 101);
        assert_eq!(c.shown(PanelGroup::Timeline), 100);
        for _ in 1..GROUPS {
            c.on_frame(100.0, 101, FASTEST);
        }
        assert!(PanelGroup::ALL.iter().all(|&g| c.shown(g) == 101));
        let settled = c.shown;
        c.on_frame(100.0, 101, FASTEST);
        assert_eq!(c.shown, settled);
    }

    #[test]
    fn slow_clocks_show_every_tick_in_every_group() {
        let mut c = PanelClock::default();
        c.on_frame(16.0, 1, 3); // 10 ticks/s
        assert!(PanelGroup::ALL.iter().all(|&g| c.shown(g) == 1));
        c.on_frame(16.0, 1, 3);
        c.on_frame(16.0, 2, crate::view::clock::DEFAULT_SPEED);
        assert!(PanelGroup::ALL.iter().all(|&g| c.shown(g) == 2));
    }
}
