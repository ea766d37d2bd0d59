//! The timed run: the player that plays a plan against the clock and the keys, the views that
//! show it, and the real clock and keyboard.

pub mod clock;
pub mod countdown;
pub mod line;
pub mod live;
pub mod player;
