//! The space-time diagram's time axis: term bands behind the lanes and the
//! tick labels along the top.

use super::{StBand, StInput};
use crate::raft::Term;

/// Term bands: a term starts at the first tick any node is seen in it.
pub(super) fn bands(input: &StInput<'_>, t0: u64, t1: u64, x: &impl Fn(u64) -> f64) -> Vec<StBand> {
    let mut starts: Vec<(Term, u64)> = Vec::new();
    for n in input.nodes {
        for s in input.lanes.lane(*n) {
            match starts.iter_mut().find(|(t, _)| *t == s.term) {
                Some((_, at)) => *at = (*at).min(s.from),
                None => starts.push((s.term, s.from)),
            }
        }
    }
    crate::sort::sort(&mut starts);
    let mut out = Vec::new();
    for (i, &(term, at)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(t1, |&(_, next)| next.max(at));
        if end < t0 || at > t1 || term == 0 {
            continue;
        }
        out.push(StBand {
            term,
            x1: x(at.max(t0)),
            x2: x(end.min(t1)),
        });
    }
    out
}

/// Axis labels at a round step that gives about 8 labels.
pub(super) fn axis(t0: u64, t1: u64, x: &impl Fn(u64) -> f64) -> Vec<(u64, f64)> {
    let span = (t1 - t0).max(1);
    let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
        .into_iter()
        .find(|s| span / s <= 8)
        .unwrap_or(1000);
    let first = t0.div_ceil(step) * step;
    (first..=t1)
        .step_by(step as usize)
        .map(|t| (t, x(t)))
        .collect()
}
