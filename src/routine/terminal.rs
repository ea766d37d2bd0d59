//! The real clock and keyboard: monotonic time scaled by `WEIZHONG_TIME_SCALE`, keys read from a
//! terminal in non-canonical mode, and Ctrl-C caught so the terminal is always restored.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use super::clock::{Events, Key};

/// Set by the SIGINT handler, read by the wait loop.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_interrupt(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

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

/// The terminal as it was, put back when this is dropped.
struct RawMode {
    saved: libc::termios,
}

impl RawMode {
    /// Keys arrive one at a time without Enter and without echo; Ctrl-C still signals.
    fn enter() -> Option<Self> {
        // SAFETY: tcgetattr writes a termios for fd 0 into the zeroed struct, or fails.
        let mut saved: libc::termios = unsafe { std::mem::zeroed() };
        if unsafe { libc::tcgetattr(libc::STDIN_FILENO, &raw mut saved) } != 0 {
            return None;
        }
        let mut raw = saved;
        raw.c_lflag &= !(libc::ICANON | libc::ECHO);
        raw.c_cc[libc::VMIN] = 1;
        raw.c_cc[libc::VTIME] = 0;
        // SAFETY: sets fd 0's attributes from a valid termios.
        if unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &raw const raw) } != 0 {
            return None;
        }
        Some(Self { saved })
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        // SAFETY: restores the attributes read in `enter`.
        unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, &raw const self.saved) };
    }
}

/// Catches SIGINT while alive, so Ctrl-C ends the routine cleanly instead of killing it.
struct CatchInterrupt {
    saved: libc::sigaction,
}

impl CatchInterrupt {
    fn install() -> Self {
        INTERRUPTED.store(false, Ordering::SeqCst);
        // SAFETY: installs a handler that only stores to an atomic; no SA_RESTART, so a blocked
        // poll returns EINTR and the loop sees the flag at once.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = on_interrupt as *const () as libc::sighandler_t;
            libc::sigemptyset(&raw mut action.sa_mask);
            let mut saved: libc::sigaction = std::mem::zeroed();
            libc::sigaction(libc::SIGINT, &raw const action, &raw mut saved);
            Self { saved }
        }
    }
}

impl Drop for CatchInterrupt {
    fn drop(&mut self) {
        // SAFETY: puts back the action saved in `install`.
        unsafe { libc::sigaction(libc::SIGINT, &raw const self.saved, std::ptr::null_mut()) };
    }
}

/// Real time and the real keyboard.
pub struct Live {
    start: Instant,
    scale: f64,
    /// Routine time when `scale` is 0: it jumps to each deadline.
    jumped: Duration,
    input_open: bool,
    _raw: Option<RawMode>,
    _interrupt: CatchInterrupt,
}

impl Live {
    pub fn new(scale: f64) -> Self {
        Self {
            start: Instant::now(),
            scale,
            jumped: Duration::ZERO,
            input_open: true,
            _raw: RawMode::enter(),
            _interrupt: CatchInterrupt::install(),
        }
    }

    /// Waits up to `timeout` (forever when `None`) for a key on stdin.
    fn read_key(&mut self, timeout: Option<Duration>) -> io::Result<Option<Key>> {
        if !self.input_open {
            std::thread::sleep(timeout.unwrap_or(Duration::from_millis(50)));
            return Ok(None);
        }
        let millis = timeout.map_or(-1, |t| {
            i32::try_from(t.as_nanos().div_ceil(1_000_000)).unwrap_or(i32::MAX)
        });
        let mut fd = libc::pollfd {
            fd: libc::STDIN_FILENO,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&raw mut fd, 1, millis) };
        if ready < 0 {
            let error = io::Error::last_os_error();
            return if error.kind() == io::ErrorKind::Interrupted {
                Ok(None)
            } else {
                Err(error)
            };
        }
        if ready == 0 {
            return Ok(None);
        }
        let mut buf = [0u8; 32];
        // SAFETY: reads at most buf.len() bytes into buf.
        let n = unsafe { libc::read(libc::STDIN_FILENO, buf.as_mut_ptr().cast(), buf.len()) };
        match usize::try_from(n) {
            Ok(0) | Err(_) => {
                // End of input (or an unreadable stdin): no key will come again.
                self.input_open = false;
                Ok(None)
            }
            Ok(n) => Ok(buf[..n].iter().find_map(|&b| key(b))),
        }
    }
}

fn key(byte: u8) -> Option<Key> {
    match byte {
        b'\r' | b'\n' => Some(Key::Begin),
        b' ' | b'p' | b'P' => Some(Key::Pause),
        b's' | b'S' => Some(Key::Skip),
        b'q' | b'Q' => Some(Key::Quit),
        3 => Some(Key::Interrupt),
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
            if INTERRUPTED.swap(false, Ordering::SeqCst) {
                return Ok(Some(Key::Interrupt));
            }
            let now = self.now();
            let timeout = match deadline {
                Some(deadline) if deadline <= now => return Ok(None),
                Some(_) if self.scale == 0.0 => Some(Duration::ZERO),
                Some(deadline) => Some(deadline.saturating_sub(now).mul_f64(self.scale)),
                None if !self.input_open => return Ok(None),
                None => None,
            };
            if let Some(key) = self.read_key(timeout)? {
                return Ok(Some(key));
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
    fn keys_map_from_bytes() {
        assert_eq!(key(b' '), Some(Key::Pause));
        assert_eq!(key(b'p'), Some(Key::Pause));
        assert_eq!(key(b'S'), Some(Key::Skip));
        assert_eq!(key(b'q'), Some(Key::Quit));
        assert_eq!(key(b'\r'), Some(Key::Begin));
        assert_eq!(key(3), Some(Key::Interrupt));
        assert_eq!(key(b'x'), None);
    }
}
