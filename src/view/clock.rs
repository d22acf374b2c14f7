//! The play clock: how many ticks an animation frame advances at a speed,
//! and the fraction of the way to the next tick left over for smooth motion.
//! Pure, so the accumulator is tested without a browser.

/// Speeds in ticks per second; at 1 tick/s a message's flight lasts 2–4 s.
pub const SPEEDS: [f64; 8] = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 200.0, 1000.0];
/// Default speed index (5 ticks/s).
pub const DEFAULT_SPEED: usize = 2;
/// Most ticks simulated in one animation frame (fast-forward stays responsive).
pub const MAX_TICKS_PER_FRAME: u64 = 400;
/// A frame gap longer than this (a background tab, a debugger pause) counts
/// as this long: the clock does not leap ahead after a stall.
pub const MAX_FRAME_MS: f64 = 250.0;

/// What one animation frame does to the clock.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameStep {
    /// Whole ticks to simulate now.
    pub ticks: u64,
    /// The fraction of the way to the next tick afterwards, in `[0, 1)`.
    pub phase: f64,
}

/// One frame `dt_ms` after the last, at speed index `speed` (clamped), with
/// `phase` carried over. When a frame hits [`MAX_TICKS_PER_FRAME`] the rest
/// is dropped (phase 0) rather than owed to later frames.
pub fn frame_step(phase: f64, dt_ms: f64, speed: usize) -> FrameStep {
    let tps = SPEEDS[speed.min(SPEEDS.len() - 1)];
    let dt = dt_ms.clamp(0.0, MAX_FRAME_MS);
    let total = phase + dt * tps / 1000.0;
    let ticks = (total.floor() as u64).min(MAX_TICKS_PER_FRAME);
    let phase = if ticks == MAX_TICKS_PER_FRAME {
        0.0
    } else {
        total.fract()
    };
    FrameStep { ticks, phase }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_accumulate_fractions_of_a_tick() {
        // 5 ticks/s: a 60 Hz frame is 1/12 of a tick.
        let mut phase = 0.0;
        let mut ticks = 0;
        for _ in 0..12 {
            let s = frame_step(phase, 1000.0 / 60.0, DEFAULT_SPEED);
            ticks += s.ticks;
            phase = s.phase;
        }
        assert_eq!(ticks, 1);
        assert!(!(1e-9..=1.0 - 1e-9).contains(&phase), "{phase}");
    }

    #[test]
    fn stalls_and_fast_forward_are_capped() {
        // A 10 s stall at 1 tick/s counts as 250 ms: no tick yet.
        let s = frame_step(0.0, 10_000.0, 0);
        assert_eq!(s.ticks, 0);
        assert!((s.phase - 0.25).abs() < 1e-9);
        // 1000 ticks/s for 250 ms would be 250 ticks: under the cap.
        assert_eq!(frame_step(0.0, 250.0, 7).ticks, 250);
        assert_eq!(
            frame_step(0.0, -5.0, 7),
            FrameStep {
                ticks: 0,
                phase: 0.0
            }
        );
        // An out-of-range speed index is the fastest speed.
        assert_eq!(frame_step(0.0, 100.0, 99).ticks, 100);
    }

    #[test]
    fn the_phase_carries_over_and_the_cap_drops_the_remainder() {
        let s = frame_step(0.5, 250.0, 7);
        assert_eq!(s.ticks, 250);
        assert!((s.phase - 0.5).abs() < 1e-9);
        // A phase of 399.5 owed ticks plus 1 more hits the cap: nothing owed.
        assert_eq!(
            frame_step(399.5, 1.0, 7),
            FrameStep {
                ticks: MAX_TICKS_PER_FRAME,
                phase: 0.0
            }
        );
    }
}
