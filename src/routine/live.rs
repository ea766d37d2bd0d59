//! The real clock and keyboard: monotonic time scaled by `WEIZHONG_TIME_SCALE`, keys from the
//! terminal, and signals, as the player's [`Events`].

use std::io;
use std::time::{Duration, Instant};

use super::clock::{Events, Key};
use super::player::TICK;
use crate::platform::signals::Signals;
use crate::platform::terminal::{Input, Terminal};

/// How much faster than real time a routine runs: 1 is real time, 0.01 is 100 times faster, and
/// 0 does not wait at all. An unusable value is given back as it was.
pub fn time_scale(value: Option<&str>) -> Result<f64, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(1.0),
        Some(text) => match text.parse::<f64>() {
            Ok(scale) if scale.is_finite() && scale >= 0.0 => Ok(scale),
            _ => Err(text.to_owned()),
        },
    }
}

/// Real time, the real keyboard when stdin is a terminal, and signals.
pub struct Live {
    start: Instant,
    scale: f64,
    /// Routine time when `scale` is 0: it jumps to each deadline.
    jumped: Duration,
    terminal: Option<Terminal>,
    signals: Signals,
}

impl Live {
    pub fn new(scale: f64, terminal: Option<Terminal>) -> Self {
        Self {
            start: Instant::now(),
            scale,
            jumped: Duration::ZERO,
            terminal,
            signals: Signals::catch(),
        }
    }

    /// Real time from routine time.
    fn real(&self, routine: Duration) -> Duration {
        routine.mul_f64(self.scale)
    }
}

fn key(input: Input) -> Option<Key> {
    match input {
        Input::Enter => Some(Key::Begin),
        Input::Char(' ' | 'p' | 'P') => Some(Key::Pause),
        Input::Char('s' | 'S') => Some(Key::Skip),
        Input::Char('q' | 'Q') => Some(Key::Quit),
        Input::Ctrl('c') => Some(Key::Interrupt),
        _ => None,
    }
}

impl Events for Live {
    fn now(&self) -> Duration {
        if self.scale > 0.0 {
            self.start.elapsed().div_f64(self.scale)
        } else {
            self.jumped
        }
    }

    fn wait(&mut self, deadline: Option<Duration>) -> io::Result<Option<Key>> {
        loop {
            if self.signals.take().is_some() {
                return Ok(Some(Key::Interrupt));
            }
            let now = self.now();
            // Signals are looked for at least once a tick.
            let timeout = match deadline {
                Some(deadline) if deadline <= now => return Ok(None),
                Some(_) if self.scale == 0.0 => Duration::ZERO,
                Some(deadline) => self.real(deadline.saturating_sub(now)).min(TICK),
                None if self.terminal.is_none() => return Ok(None),
                None => TICK,
            };
            match &self.terminal {
                Some(terminal) => {
                    if let Some(key) = terminal.read(timeout)?.and_then(key) {
                        return Ok(Some(key));
                    }
                }
                None => std::thread::sleep(timeout),
            }
            if let (Some(deadline), 0.0) = (deadline, self.scale) {
                self.jumped = deadline;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_scale_is_a_number_of_zero_or_more() {
        assert_eq!(time_scale(None), Ok(1.0));
        assert_eq!(time_scale(Some("0.01")), Ok(0.01));
        assert_eq!(time_scale(Some("0")), Ok(0.0));
        assert!(time_scale(Some("-1")).is_err());
        assert!(time_scale(Some("fast")).is_err());
        assert!(time_scale(Some("NaN")).is_err());
        assert!(time_scale(Some("inf")).is_err());
    }

    #[test]
    fn keys_map_from_inputs() {
        assert_eq!(key(Input::Char(' ')), Some(Key::Pause));
        assert_eq!(key(Input::Char('p')), Some(Key::Pause));
        assert_eq!(key(Input::Char('S')), Some(Key::Skip));
        assert_eq!(key(Input::Char('q')), Some(Key::Quit));
        assert_eq!(key(Input::Enter), Some(Key::Begin));
        assert_eq!(key(Input::Ctrl('c')), Some(Key::Interrupt));
        assert_eq!(key(Input::Char('x')), None);
        assert_eq!(key(Input::Other), None);
    }
}
