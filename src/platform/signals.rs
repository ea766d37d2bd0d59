//! Signals a timed run answers, caught while it runs so that it can give the terminal back, note
//! what was done and exit with the signal's code, or stop as a shell job and come back. On Unix
//! through signal-hook; elsewhere there are none to catch, and Ctrl-C arrives as a key.

/// What a caught signal asks of the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    not(unix),
    allow(dead_code, reason = "signals are caught on Unix only")
)]
pub enum Caught {
    /// SIGINT, SIGTERM, SIGHUP or SIGQUIT, by number: stop, and exit with 128 + it.
    Stop(i32),
    /// SIGTSTP sent by `kill`: stop as a shell job.
    Suspend,
    /// SIGCONT after the process was stopped from outside: the screen may need drawing again.
    Continued,
}

/// SIGINT and SIGQUIT by number, for the keys that stand for them in raw mode (Ctrl-C, Ctrl-\).
pub const INTERRUPT: i32 = 2;
pub const QUIT: i32 = 3;

/// The signals caught while this is alive. Dropping it stops catching them; signal-hook then
/// leaves them ignored rather than at their defaults, which is why it lives until the very end
/// of a run.
pub struct Signals {
    #[cfg(unix)]
    caught: Vec<(
        i32,
        std::sync::Arc<std::sync::atomic::AtomicBool>,
        signal_hook::SigId,
    )>,
}

impl Signals {
    pub fn catch() -> Self {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
            use std::sync::{Arc, atomic::AtomicBool};
            let caught = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT]
                .into_iter()
                .filter_map(|signal| {
                    let flag = Arc::new(AtomicBool::new(false));
                    let id = signal_hook::flag::register(signal, Arc::clone(&flag)).ok()?;
                    Some((signal, flag, id))
                })
                .collect();
            Self { caught }
        }
        #[cfg(not(unix))]
        Self {}
    }

    /// A signal that came since the last call, if any.
    pub fn take(&self) -> Option<Caught> {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGCONT, SIGTSTP};
            use std::sync::atomic::Ordering;
            let signal = self
                .caught
                .iter()
                .find(|(_, flag, _)| flag.swap(false, Ordering::SeqCst))
                .map(|(signal, _, _)| *signal)?;
            Some(match signal {
                SIGTSTP => Caught::Suspend,
                SIGCONT => Caught::Continued,
                other => Caught::Stop(other),
            })
        }
        #[cfg(not(unix))]
        None
    }
}

impl Signals {
    /// Forgets a continue already seen: the one that ends a stop this process asked for.
    #[allow(clippy::unused_self, reason = "nothing is caught off Unix")]
    pub fn forget_continued(&self) {
        #[cfg(unix)]
        for (signal, flag, _) in &self.caught {
            if *signal == signal_hook::consts::SIGCONT {
                flag.store(false, std::sync::atomic::Ordering::SeqCst);
            }
        }
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        #[cfg(unix)]
        for (_, _, id) in self.caught.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Stops this process as a shell job is stopped, and returns when it is continued (`fg`).
pub fn stop_as_a_job() {
    #[cfg(unix)]
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
}
