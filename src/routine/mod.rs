//! The timed run: the player that plays a plan against the clock and the user, the views that
//! read what happens — the full screen, the line, the plain transcript and the voice — and the
//! real clock and keyboard.

pub mod big;
pub mod clock;
pub mod countdown;
pub mod describe;
pub mod digits;
pub mod line;
pub mod live;
pub mod plain;
pub mod player;
pub mod voice;
