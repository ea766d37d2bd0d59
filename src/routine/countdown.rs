//! Countdown arithmetic: what a phase's live line shows at a given moment. Pure, so it is tested
//! against a fake clock.

use std::time::Duration;

/// Whole seconds left of a phase of `total` that has run for `elapsed`, rounded up: a 10 s hold
/// shows 10 until a full second has passed.
pub fn seconds_left(total: Duration, elapsed: Duration) -> u32 {
    let left = total.saturating_sub(elapsed);
    u32::try_from(left.as_millis().div_ceil(1000)).unwrap_or(u32::MAX)
}

/// How many of a bar's `cells` are filled when a phase of `total` has run for `elapsed`.
pub fn filled(total: Duration, elapsed: Duration, cells: usize) -> usize {
    if total.is_zero() {
        return cells;
    }
    let part = elapsed.min(total).as_nanos() * cells as u128 / total.as_nanos();
    usize::try_from(part).unwrap_or(cells).min(cells)
}

/// The last seconds of a hold are marked, so the user knows the end is near without looking.
pub const FINAL_SECONDS: u32 = 3;

#[cfg(test)]
mod tests {
    use super::*;

    /// (seconds left, cells of 20 filled).
    fn at(total: u64, elapsed_ms: u64) -> (u32, usize) {
        let (total, elapsed) = (
            Duration::from_secs(total),
            Duration::from_millis(elapsed_ms),
        );
        (seconds_left(total, elapsed), filled(total, elapsed, 20))
    }

    #[test]
    fn seconds_count_down_rounding_up() {
        assert_eq!(at(10, 0).0, 10);
        assert_eq!(at(10, 1).0, 10);
        assert_eq!(at(10, 999).0, 10);
        assert_eq!(at(10, 1000).0, 9);
        assert_eq!(at(10, 9_001).0, 1);
        assert_eq!(at(10, 10_000).0, 0);
        assert_eq!(at(10, 60_000).0, 0);
    }

    #[test]
    fn the_bar_fills_in_proportion() {
        assert_eq!(at(10, 0).1, 0);
        assert_eq!(at(10, 5_000).1, 10);
        assert_eq!(at(8, 7_999).1, 19);
        assert_eq!(at(8, 8_000).1, 20);
        assert_eq!(at(8, 99_000).1, 20);
        assert_eq!(filled(Duration::ZERO, Duration::ZERO, 20), 20);
    }
}
