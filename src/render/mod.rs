//! Showing the guide: pages as [`Doc`]s, drawn as styled, wrapped text.

pub mod doc;
pub mod json;
pub mod markdown;
pub mod style;
pub mod text;
pub mod wrap;

pub use doc::{Block, Doc};

use crate::ui::fill;

/// Seconds as a person says them: "26 s", "1 min", "1 min 30 s".
pub fn duration(seconds: u32) -> String {
    let ui = crate::ui::ui();
    match (seconds / 60, seconds % 60) {
        (0, s) => fill(ui.duration_seconds, &[("s", &s)]),
        (m, 0) => fill(ui.duration_minutes, &[("m", &m)]),
        (m, s) => fill(ui.duration_minutes_seconds, &[("m", &m), ("s", &s)]),
    }
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations_read_as_minutes_and_seconds() {
        assert_eq!(duration(0), "0 s");
        assert_eq!(duration(26), "26 s");
        assert_eq!(duration(60), "1 min");
        assert_eq!(duration(90), "1 min 30 s");
        assert_eq!(duration(176), "2 min 56 s");
    }
}
