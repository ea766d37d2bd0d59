//! Countdown arithmetic: what a phase's live line shows at a given moment. Pure, so it is tested
//! against a fake clock.

use std::time::Duration;

/// How far into a phase we are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Whole seconds left, rounded up: a 10 s hold shows 10 until a full second has passed.
    pub seconds_left: u32,
    /// Cells of a bar of `cells` that are filled.
    pub filled: usize,
}

/// The progress of a phase of `total` that has run for `elapsed`, on a bar of `cells` cells.
pub fn progress(total: Duration, elapsed: Duration, cells: usize) -> Progress {
    let left = total.saturating_sub(elapsed);
    let seconds_left = u32::try_from(left.as_millis().div_ceil(1000)).unwrap_or(u32::MAX);
    let filled = if total.is_zero() {
        cells
    } else {
        let part = elapsed.min(total).as_nanos() * cells as u128 / total.as_nanos();
        usize::try_from(part).unwrap_or(cells).min(cells)
    };
    Progress {
        seconds_left,
        filled,
    }
}

/// The last seconds of a hold are marked, so the user knows the end is near without looking.
pub const FINAL_SECONDS: u32 = 3;

#[cfg(test)]
mod tests {
    use super::*;

    fn at(total: u64, elapsed_ms: u64) -> Progress {
        progress(
            Duration::from_secs(total),
            Duration::from_millis(elapsed_ms),
            20,
        )
    }

    #[test]
    fn seconds_count_down_rounding_up() {
        assert_eq!(at(10, 0).seconds_left, 10);
        assert_eq!(at(10, 1).seconds_left, 10);
        assert_eq!(at(10, 999).seconds_left, 10);
        assert_eq!(at(10, 1000).seconds_left, 9);
        assert_eq!(at(10, 9_001).seconds_left, 1);
        assert_eq!(at(10, 10_000).seconds_left, 0);
        assert_eq!(at(10, 60_000).seconds_left, 0);
    }

    #[test]
    fn the_bar_fills_in_proportion() {
        assert_eq!(at(10, 0).filled, 0);
        assert_eq!(at(10, 5_000).filled, 10);
        assert_eq!(at(8, 7_999).filled, 19);
        assert_eq!(at(8, 8_000).filled, 20);
        assert_eq!(at(8, 99_000).filled, 20);
        assert_eq!(progress(Duration::ZERO, Duration::ZERO, 20).filled, 20);
    }
}
