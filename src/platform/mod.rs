//! What weizhong needs of the system, each behind a small interface and a well-kept crate:
//! the terminal a timed run takes over, signals, and where a user's files live.

pub mod notify;
pub mod paths;
pub mod signals;
pub mod speech;
pub mod terminal;
