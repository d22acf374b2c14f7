//! Display settings for a classroom: presenter mode and the zoom of the
//! text panels (logs, event log, cards). Pure, so the steps are tested
//! natively; the reducer keeps the state and the app root reflects it
//! (`data-presenter`, `data-zoom`, the `--zoom` CSS variable).

/// The zoom steps of the text panels, in percent.
pub const ZOOMS: [u16; 8] = [80, 90, 100, 115, 130, 150, 175, 200];

/// Index of 100 % in [`ZOOMS`].
pub const DEFAULT_ZOOM: usize = 2;

/// One step larger (stays at the largest).
pub fn zoom_in(i: usize) -> usize {
    (i + 1).min(ZOOMS.len() - 1)
}

/// One step smaller (stays at the smallest).
pub fn zoom_out(i: usize) -> usize {
    i.min(ZOOMS.len() - 1).saturating_sub(1)
}

/// The percentage at step `i` (clamped to the table).
pub fn zoom_percent(i: usize) -> u16 {
    ZOOMS[i.min(ZOOMS.len() - 1)]
}

/// The CSS zoom factor at step `i`, e.g. `"1.15"`.
pub fn zoom_factor(i: usize) -> String {
    let p = zoom_percent(i);
    format!("{}.{:02}", p / 100, p % 100)
}

/// The step showing `percent`, if it is one of [`ZOOMS`].
pub fn zoom_index(percent: u16) -> Option<usize> {
    ZOOMS.iter().position(|&z| z == percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_steps_clamp_at_both_ends() {
        assert_eq!(zoom_percent(DEFAULT_ZOOM), 100);
        assert_eq!(zoom_percent(zoom_in(DEFAULT_ZOOM)), 115);
        assert_eq!(zoom_percent(zoom_out(DEFAULT_ZOOM)), 90);
        assert_eq!(zoom_in(ZOOMS.len() - 1), ZOOMS.len() - 1);
        assert_eq!(zoom_out(0), 0);
        assert_eq!(
            zoom_out(99),
            ZOOMS.len() - 2,
            "out of range counts as the largest"
        );
        assert_eq!(zoom_percent(99), 200);
    }

    #[test]
    fn factors_and_indexes() {
        assert_eq!(zoom_factor(DEFAULT_ZOOM), "1.00");
        assert_eq!(zoom_factor(0), "0.80");
        assert_eq!(zoom_factor(3), "1.15");
        assert_eq!(zoom_factor(7), "2.00");
        assert_eq!(zoom_index(130), Some(4));
        assert_eq!(zoom_index(120), None);
        for (i, z) in ZOOMS.iter().enumerate() {
            assert_eq!(zoom_index(*z), Some(i));
        }
    }
}
