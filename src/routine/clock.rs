//! The player's view of time and of the user, behind a trait so that tests run a whole routine
//! in milliseconds against a scripted clock.

use std::io;
use std::time::Duration;

/// What the player acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Enter: begin.
    Begin,
    /// Space or p: pause, or go on after a pause.
    Pause,
    /// s: on to the next stretch.
    Skip,
    /// q: stop here.
    Quit,
    /// Ctrl-C, Ctrl-\ or a signal (SIGINT, SIGQUIT, SIGHUP, SIGTERM), by its number: stop here,
    /// and exit with 128 + it.
    Stop(i32),
    /// Ctrl-Z, or SIGTSTP: stop as a shell job until `fg`.
    Suspend,
    /// The process was stopped and continued from outside: the screen may need drawing again.
    Continued,
    /// The window is now this many columns and rows.
    Resized(u16, u16),
}

/// Time and input as the player sees them. Time is routine time: already scaled by
/// `WEIZHONG_TIME_SCALE`, counted from an arbitrary start, never going back.
pub trait Events {
    fn now(&self) -> Duration;

    /// Returns when routine time reaches `deadline` (`None`) or the user does something,
    /// whichever is first; `deadline: None` waits for the user only, and returns `None` when
    /// nothing can ever come.
    fn wait(&mut self, deadline: Option<Duration>) -> io::Result<Option<Input>>;

    /// Stops the process as a shell job is stopped, the terminal given back, and returns when
    /// it goes on.
    fn suspend(&mut self);
}

/// A clock for tests: time jumps to each deadline at once, inputs arrive at set times, and a
/// suspension lasts `suspended` of routine time.
#[cfg(test)]
pub struct Scripted {
    now: Duration,
    inputs: Vec<(Duration, Input)>,
    pub suspended: Duration,
}

#[cfg(test)]
impl Scripted {
    /// `inputs` come at the given routine times, in order.
    pub fn new(inputs: &[(Duration, Input)]) -> Self {
        let mut inputs = inputs.to_vec();
        inputs.reverse();
        Self {
            now: Duration::ZERO,
            inputs,
            suspended: Duration::from_secs(60),
        }
    }
}

#[cfg(test)]
impl Events for Scripted {
    fn now(&self) -> Duration {
        self.now
    }

    fn wait(&mut self, deadline: Option<Duration>) -> io::Result<Option<Input>> {
        match (self.inputs.last().copied(), deadline) {
            (Some((at, input)), Some(deadline)) if at <= deadline => {
                self.inputs.pop();
                self.now = self.now.max(at);
                Ok(Some(input))
            }
            (Some((at, input)), None) => {
                self.inputs.pop();
                self.now = self.now.max(at);
                Ok(Some(input))
            }
            (_, Some(deadline)) => {
                self.now = self.now.max(deadline);
                Ok(None)
            }
            (None, None) => Ok(None),
        }
    }

    fn suspend(&mut self) {
        self.now += self.suspended;
    }
}
