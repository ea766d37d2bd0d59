//! The real clock, keyboard and signals: monotonic time scaled by `WEIZHONG_TIME_SCALE`, key and
//! resize events from the terminal, and the signals a run answers, as the player's [`Events`].

use std::io;
use std::time::{Duration, Instant};

use super::clock::{Events, Input};
use super::player::TICK;
use crate::platform::signals::{self, Caught, Signals};
use crate::platform::terminal::{self, Terminal};

/// The time scales a routine may run at, besides 0: from a thousand times faster than real time
/// to a hundred times slower.
const SCALES: std::ops::RangeInclusive<f64> = 0.001..=100.0;

/// How much faster than real time a routine runs: 1 is real time, 0.01 is 100 times faster, and
/// 0 does not wait at all. An unusable value is given back as it was.
pub fn time_scale(value: Option<&str>) -> Result<f64, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(1.0),
        Some(text) => match text.parse::<f64>() {
            Ok(scale) if scale == 0.0 || SCALES.contains(&scale) => Ok(scale),
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

    /// Gives the terminal back to the shell, and goes on catching signals until dropped, so that
    /// what is written after a run (its record) is not cut short by a Ctrl-C.
    pub fn give_back_terminal(&mut self) {
        self.terminal = None;
    }

    /// A signal to stop that came after the run ended, while its record was written, if any.
    pub fn late_stop(&self) -> Option<i32> {
        std::iter::from_fn(|| self.signals.take()).find_map(|caught| match caught {
            Caught::Stop(signal) => Some(signal),
            Caught::Suspend | Caught::Continued => None,
        })
    }

    /// Real time from routine time.
    fn real(&self, routine: Duration) -> Duration {
        routine.mul_f64(self.scale)
    }
}

/// What a key or a resize asks of the run, if anything.
fn input(input: terminal::Input) -> Option<Input> {
    use terminal::Input as Term;
    match input {
        Term::Enter => Some(Input::Begin),
        Term::Char(' ' | 'p' | 'P') => Some(Input::Pause),
        Term::Char('s' | 'S') => Some(Input::Skip),
        Term::Char('q' | 'Q') => Some(Input::Quit),
        Term::Ctrl('c') => Some(Input::Stop(signals::INTERRUPT)),
        // Ctrl-\ arrives as Ctrl-4, the key the same byte stands for.
        Term::Ctrl('\\' | '4') => Some(Input::Stop(signals::QUIT)),
        Term::Ctrl('z') => Some(Input::Suspend),
        Term::Resized(columns, rows) => Some(Input::Resized(columns, rows)),
        Term::Char(_) | Term::Ctrl(_) | Term::Other => None,
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

    fn wait(&mut self, deadline: Option<Duration>) -> io::Result<Option<Input>> {
        loop {
            match self.signals.take() {
                Some(Caught::Stop(signal)) => return Ok(Some(Input::Stop(signal))),
                Some(Caught::Suspend) => return Ok(Some(Input::Suspend)),
                Some(Caught::Continued) => {
                    if let Some(terminal) = &self.terminal {
                        terminal.take_again();
                    }
                    return Ok(Some(Input::Continued));
                }
                None => {}
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
                Some(terminal) => match terminal.read(timeout) {
                    Ok(Some(read)) => {
                        if let Some(input) = input(read) {
                            return Ok(Some(input));
                        }
                    }
                    Ok(None) => {}
                    // The terminal is gone (a closed window): nothing more will come from it.
                    Err(_) => self.terminal = None,
                },
                None => std::thread::sleep(timeout),
            }
            if let (Some(deadline), 0.0) = (deadline, self.scale) {
                self.jumped = deadline;
            }
        }
    }

    fn suspend(&mut self) {
        if let Some(terminal) = &self.terminal {
            terminal.suspend();
        } else {
            signals::stop_as_a_job();
        }
        // The player knows it has continued: the signal that says so is not news.
        self.signals.forget_continued();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_scale_is_0_or_from_a_thousandth_to_a_hundred() {
        assert_eq!(time_scale(None), Ok(1.0));
        assert_eq!(time_scale(Some(" ")), Ok(1.0));
        assert_eq!(time_scale(Some("0.01")), Ok(0.01));
        assert_eq!(time_scale(Some("0")), Ok(0.0));
        assert_eq!(time_scale(Some("0.001")), Ok(0.001));
        assert_eq!(time_scale(Some("100")), Ok(100.0));
        for bad in [
            "-1", "fast", "NaN", "inf", "1e308", "1e-300", "5e-324", "1e-20", "100.1",
        ] {
            assert_eq!(time_scale(Some(bad)), Err(bad.to_owned()), "{bad}");
        }
    }

    #[test]
    fn keys_and_resizes_map_to_inputs() {
        use terminal::Input as Term;
        assert_eq!(input(Term::Char(' ')), Some(Input::Pause));
        assert_eq!(input(Term::Char('p')), Some(Input::Pause));
        assert_eq!(input(Term::Char('S')), Some(Input::Skip));
        assert_eq!(input(Term::Char('q')), Some(Input::Quit));
        assert_eq!(input(Term::Enter), Some(Input::Begin));
        assert_eq!(input(Term::Ctrl('c')), Some(Input::Stop(2)));
        assert_eq!(input(Term::Ctrl('4')), Some(Input::Stop(3)));
        assert_eq!(input(Term::Ctrl('z')), Some(Input::Suspend));
        assert_eq!(input(Term::Resized(40, 12)), Some(Input::Resized(40, 12)));
        assert_eq!(input(Term::Char('x')), None);
        assert_eq!(input(Term::Other), None);
    }
}
