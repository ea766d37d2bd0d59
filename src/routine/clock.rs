//! The player's view of time and keys, behind a trait so tests run a whole routine in
//! milliseconds against a scripted clock.

use std::io;
use std::time::Duration;

/// A key the player acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Enter: begin.
    Begin,
    /// Space or p: pause, or go on after a pause.
    Pause,
    /// s: on to the next stretch.
    Skip,
    /// q: stop here.
    Quit,
    /// Ctrl-C: stop here, exit 130.
    Interrupt,
}

/// Time and input as the player sees them. Time is routine time: already scaled by
/// `WEIZHONG_TIME_SCALE`, counted from an arbitrary start, never going back.
pub trait Events {
    fn now(&self) -> Duration;

    /// Returns when routine time reaches `deadline` (`None`) or a key comes, whichever is first;
    /// `deadline: None` waits for a key only, and returns `None` when no key can ever come.
    fn wait(&mut self, deadline: Option<Duration>) -> io::Result<Option<Key>>;
}

/// A clock for tests: time jumps to each deadline at once, and keys arrive at set times.
#[cfg(test)]
pub struct Scripted {
    now: Duration,
    keys: Vec<(Duration, Key)>,
}

#[cfg(test)]
impl Scripted {
    /// `keys` are pressed at the given routine times, in order.
    pub fn new(keys: &[(Duration, Key)]) -> Self {
        let mut keys = keys.to_vec();
        keys.reverse();
        Self {
            now: Duration::ZERO,
            keys,
        }
    }
}

#[cfg(test)]
impl Events for Scripted {
    fn now(&self) -> Duration {
        self.now
    }

    fn wait(&mut self, deadline: Option<Duration>) -> io::Result<Option<Key>> {
        match (self.keys.last().copied(), deadline) {
            (Some((at, key)), Some(deadline)) if at <= deadline => {
                self.keys.pop();
                self.now = self.now.max(at);
                Ok(Some(key))
            }
            (Some((at, key)), None) => {
                self.keys.pop();
                self.now = self.now.max(at);
                Ok(Some(key))
            }
            (_, Some(deadline)) => {
                self.now = self.now.max(deadline);
                Ok(None)
            }
            (None, None) => Ok(None),
        }
    }
}
