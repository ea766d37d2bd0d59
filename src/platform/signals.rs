//! Signals a timed run stops for, caught while it runs so it can give the terminal back, note
//! what was done and exit with the signal's code. On Unix through signal-hook; elsewhere there
//! are none to catch, and Ctrl-C arrives as a key.

/// The signals caught while this is alive; dropping it lets them act as before.
pub struct Signals {
    #[cfg(unix)]
    caught: Vec<(
        i32,
        std::sync::Arc<std::sync::atomic::AtomicBool>,
        signal_hook::SigId,
    )>,
}

impl Signals {
    /// Catches SIGINT (sent by `kill`: in raw mode Ctrl-C is a key).
    pub fn catch() -> Self {
        #[cfg(unix)]
        {
            use std::sync::{Arc, atomic::AtomicBool};
            let caught = [signal_hook::consts::SIGINT]
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
    pub fn take(&self) -> Option<i32> {
        #[cfg(unix)]
        {
            use std::sync::atomic::Ordering;
            self.caught
                .iter()
                .find(|(_, flag, _)| flag.swap(false, Ordering::SeqCst))
                .map(|(signal, _, _)| *signal)
        }
        #[cfg(not(unix))]
        None
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
