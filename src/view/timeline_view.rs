//! The timeline's maths: term bands from election marks, mark thinning so a
//! long run stays cheap to draw, tick ↔ x conversion, slider keys, and the
//! cache that remembers the marks of the future while the user looks at the past.

use crate::chunked::Chunked;
use crate::raft::{NodeId, Term};
use crate::sim::{Mark, MarkKind};

/// Width of the timeline's `viewBox`.
pub const TIMELINE_WIDTH: f64 = 1000.0;

/// A stretch of time during which one leader's term was the newest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    /// First tick.
    pub start: u64,
    /// Tick it ended (exclusive), or the head for the last band.
    pub end: u64,
    /// The term.
    pub term: Term,
    /// Its leader.
    pub leader: NodeId,
}

/// Term bands from `Elected` marks: each election of a newer term starts a
/// band; the band ends at the next one, when its leader crashes, or at `head`.
pub fn term_bands(marks: &[Mark], head: u64) -> Vec<Band> {
    let mut bands: Vec<Band> = Vec::new();
    let mut open: Option<Band> = None;
    for m in marks {
        match m.kind {
            MarkKind::Elected { term } => {
                let newest = bands.last().map(|b| b.term).into_iter();
                let newer = open
                    .map(|b| b.term)
                    .into_iter()
                    .chain(newest)
                    .all(|t| term > t);
                if !newer {
                    continue;
                }
                if let Some(mut b) = open.take() {
                    b.end = m.tick;
                    bands.push(b);
                }
                open = Some(Band {
                    start: m.tick,
                    end: head,
                    term,
                    leader: m.node,
                });
            }
            MarkKind::Crash => {
                if let Some(mut b) = open.filter(|b| b.leader == m.node) {
                    b.end = m.tick;
                    bands.push(b);
                    open = None;
                }
            }
            _ => {}
        }
    }
    if let Some(mut b) = open {
        b.end = head.max(b.start);
        bands.push(b);
    }
    bands.retain(|b| b.start <= head);
    for b in &mut bands {
        b.end = b.end.min(head);
    }
    bands
}

/// The band covering `tick`, if a leader's term was current then.
pub fn band_at(bands: &[Band], tick: u64) -> Option<&Band> {
    bands
        .iter()
        .rev()
        .find(|b| b.start <= tick && tick < b.end)
        .or_else(|| bands.last().filter(|b| b.start <= tick && tick == b.end))
}

/// A mark's kind as a stable name (`elected`, `crash`, `restart`, `link`, `commit`).
pub fn mark_name(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::Elected { .. } => "elected",
        MarkKind::Crash => "crash",
        MarkKind::Restart => "restart",
        MarkKind::Link => "link",
        MarkKind::Commit { .. } => "commit",
    }
}

/// At most one mark of each kind per bucket of ticks, so a run with
/// thousands of commits draws a few hundred lines. Buckets are a power of two
/// ticks wide (about `head / buckets`), so the kept marks stay the same while
/// the run grows, until the head doubles: the drawing need not change every tick.
pub fn thin_marks(marks: &[Mark], head: u64, buckets: usize) -> Vec<Mark> {
    let width = (head / buckets.max(1) as u64).next_power_of_two();
    let mut last: [Option<u64>; 5] = [None; 5];
    let mut out = Vec::new();
    for m in marks.iter().filter(|m| m.tick <= head) {
        let slot = match m.kind {
            MarkKind::Elected { .. } => 0,
            MarkKind::Crash => 1,
            MarkKind::Restart => 2,
            MarkKind::Link => 3,
            MarkKind::Commit { .. } => 4,
        };
        let bucket = m.tick / width;
        if last[slot] != Some(bucket) || slot == 0 {
            last[slot] = Some(bucket);
            out.push(*m);
        }
    }
    out
}

/// The x of `tick` on a timeline `width` wide showing `0..=head`.
pub fn x_of(tick: u64, head: u64, width: f64) -> f64 {
    if head == 0 {
        return 0.0;
    }
    (tick.min(head) as f64 / head as f64) * width
}

/// The tick under `x` on a timeline `width` wide showing `0..=head`, rounded
/// and clamped.
pub fn tick_at(x: f64, width: f64, head: u64) -> u64 {
    if width <= 0.0 || !x.is_finite() {
        return 0;
    }
    let f = (x / width).clamp(0.0, 1.0);
    ((f * head as f64).round() as u64).min(head)
}

/// Where a slider key moves the playhead: arrows ±1 (±10 with shift),
/// PageUp/PageDown ±10 % of the run, Home/End to the ends.
pub fn key_seek(key: &str, shift: bool, tick: u64, head: u64) -> Option<u64> {
    let step = if shift { 10 } else { 1 };
    let page = (head / 10).max(1);
    let target = match key {
        "ArrowLeft" | "ArrowDown" => tick.saturating_sub(step),
        "ArrowRight" | "ArrowUp" => tick.saturating_add(step),
        "PageDown" => tick.saturating_sub(page),
        "PageUp" => tick.saturating_add(page),
        "Home" => 0,
        "End" => head,
        _ => return None,
    };
    Some(target.min(head))
}

/// Round numbers to label the axis with: about `count` of them.
pub fn axis_ticks(head: u64, count: u64) -> Vec<u64> {
    if head == 0 {
        return vec![0];
    }
    let count = count.max(1);
    let raw = (head / count).max(1);
    let mag = 10u64.pow(raw.ilog10());
    let step = [1, 2, 5, 10]
        .iter()
        .map(|m| m * mag)
        .find(|s| head / s <= count)
        .unwrap_or(10 * mag);
    (0..=head / step).map(|i| i * step).collect()
}

/// Keeps `cache` holding the marks of the whole timeline (up to the head),
/// given the marks of the world at the current tick. At the head the world's
/// marks are the truth: they extend the cache, or replace it after a fork.
/// In the past the cache is kept if it agrees with what the world has seen.
pub fn sync_marks(cache: &mut Vec<Mark>, world: &Chunked<Mark>, at_head: bool) {
    let agrees = world.len() <= cache.len()
        && world.first() == cache.first()
        && (world.is_empty() || world.last() == cache.get(world.len() - 1));
    if at_head {
        let extends = cache.len() <= world.len()
            && (cache.is_empty() || cache.last() == world.get(cache.len() - 1));
        if extends {
            let from = cache.len();
            cache.extend(world.iter_from(from).copied());
        } else {
            *cache = world.to_vec();
        }
    } else if !agrees {
        *cache = world.to_vec();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(tick: u64, node: NodeId, kind: MarkKind) -> Mark {
        Mark { tick, node, kind }
    }

    #[test]
    fn bands_follow_elections_and_end_with_a_crashed_leader() {
        let marks = [
            mark(30, 2, MarkKind::Elected { term: 1 }),
            mark(40, 2, MarkKind::Commit { index: 1 }),
            mark(90, 3, MarkKind::Crash),
            mark(100, 2, MarkKind::Crash),
            mark(130, 4, MarkKind::Elected { term: 3 }),
            mark(140, 1, MarkKind::Elected { term: 2 }), // stale: ignored
            mark(200, 5, MarkKind::Elected { term: 4 }),
        ];
        let bands = term_bands(&marks, 250);
        let summary: Vec<(u64, u64, Term, NodeId)> = bands
            .iter()
            .map(|b| (b.start, b.end, b.term, b.leader))
            .collect();
        assert_eq!(
            summary,
            vec![(30, 100, 1, 2), (130, 200, 3, 4), (200, 250, 4, 5)]
        );
        assert_eq!(band_at(&bands, 50).map(|b| b.term), Some(1));
        assert_eq!(band_at(&bands, 110), None);
        assert_eq!(band_at(&bands, 200).map(|b| b.term), Some(4));
        assert_eq!(band_at(&bands, 250).map(|b| b.term), Some(4));
        assert!(term_bands(&[], 10).is_empty());
        // Seen from the past: bands are clipped to the head.
        let early = term_bands(&marks, 60);
        assert_eq!(early.len(), 1);
        assert_eq!((early[0].start, early[0].end), (30, 60));
    }

    #[test]
    fn thinning_keeps_one_mark_per_kind_per_bucket() {
        let mut marks: Vec<Mark> = (1..=10_000)
            .map(|i| mark(i, 1, MarkKind::Commit { index: i }))
            .collect();
        marks.push(mark(5000, 2, MarkKind::Crash));
        crate::sort::sort_by_key(&mut marks, |m| m.tick);
        let thin = thin_marks(&marks, 10_000, 200);
        assert!(thin.len() <= 202, "{}", thin.len());
        assert!(thin.iter().any(|m| m.kind == MarkKind::Crash));
        assert_eq!(thin_marks(&marks, 100, 1000).len(), 100);
        // Stable while the run grows (same bucket width up to a doubling).
        let a = thin_marks(&marks[..4000], 4100, 500);
        let b = thin_marks(&marks[..4000], 4400, 500);
        assert_eq!(a, b);
        assert_eq!(mark_name(MarkKind::Elected { term: 2 }), "elected");
    }

    #[test]
    fn x_and_tick_round_trip_and_clamp() {
        assert_eq!(x_of(50, 100, 1000.0), 500.0);
        assert_eq!(x_of(5, 0, 1000.0), 0.0);
        assert_eq!(tick_at(500.0, 1000.0, 100), 50);
        assert_eq!(tick_at(-20.0, 1000.0, 100), 0);
        assert_eq!(tick_at(2000.0, 1000.0, 100), 100);
        assert_eq!(tick_at(10.0, 0.0, 100), 0);
        assert_eq!(tick_at(f64::NAN, 100.0, 100), 0);
        for t in [0, 1, 37, 99, 100] {
            assert_eq!(tick_at(x_of(t, 100, 640.0), 640.0, 100), t);
        }
    }

    #[test]
    fn slider_keys() {
        assert_eq!(key_seek("ArrowLeft", false, 5, 100), Some(4));
        assert_eq!(key_seek("ArrowLeft", false, 0, 100), Some(0));
        assert_eq!(key_seek("ArrowRight", true, 95, 100), Some(100));
        assert_eq!(key_seek("PageDown", false, 50, 100), Some(40));
        assert_eq!(key_seek("Home", false, 50, 100), Some(0));
        assert_eq!(key_seek("End", false, 50, 100), Some(100));
        assert_eq!(key_seek("x", false, 50, 100), None);
    }

    #[test]
    fn axis_ticks_are_round() {
        assert_eq!(axis_ticks(0, 5), vec![0]);
        assert_eq!(axis_ticks(100, 5), vec![0, 20, 40, 60, 80, 100]);
        assert_eq!(axis_ticks(7, 5), vec![0, 2, 4, 6]);
        let t = axis_ticks(12_345, 6);
        assert!(t.len() >= 4 && t.len() <= 8, "{t:?}");
        assert!(t.iter().all(|x| x % 1000 == 0));
    }

    #[test]
    fn the_cache_remembers_the_future_and_forgets_it_on_a_fork() {
        let a = mark(10, 1, MarkKind::Elected { term: 1 });
        let b = mark(50, 1, MarkKind::Crash);
        let c = mark(90, 2, MarkKind::Elected { term: 2 });
        let d = mark(60, 3, MarkKind::Link);
        let mut cache = Vec::new();
        sync_marks(&mut cache, &Chunked::from(vec![a, b, c]), true);
        assert_eq!(cache, vec![a, b, c]);
        // Looking at tick 55: the world only knows a, b; the cache keeps c.
        sync_marks(&mut cache, &Chunked::from(vec![a, b]), false);
        assert_eq!(cache, vec![a, b, c]);
        // Acting at 55 forks: the head is now 55 and the world's marks rule.
        sync_marks(&mut cache, &Chunked::from(vec![a, b]), true);
        assert_eq!(cache, vec![a, b]);
        sync_marks(&mut cache, &Chunked::from(vec![a, b, d]), true);
        assert_eq!(cache, vec![a, b, d]);
        // A different run entirely.
        sync_marks(&mut cache, &Chunked::from(vec![c]), false);
        assert_eq!(cache, vec![c]);
    }
}
