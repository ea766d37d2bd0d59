//! The terminal a timed run takes over, through crossterm: raw mode, so that keys arrive one at a
//! time without echo and Ctrl-C, Ctrl-Z and Ctrl-\ are keys rather than signals; key and resize
//! events, read as events so an escape sequence is never taken for the letters in it; and the
//! terminal given back however the run ends — its end, an error, a signal, or a panic.

use std::io::{self, IsTerminal, Write};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{QueueableCommand, cursor, terminal};

/// What the user did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Enter,
    /// A key that types a character, without Ctrl.
    Char(char),
    /// A letter with Ctrl held: Ctrl-C, Ctrl-Z, Ctrl-\.
    Ctrl(char),
    /// The window is now this many columns and rows.
    Resized(u16, u16),
    /// Any other key: an arrow, a function key.
    Other,
}

/// The terminal in raw mode, given back when this is dropped.
pub struct Terminal(());

impl Terminal {
    /// Raw mode on the terminal stdin is; `None` when stdin is not a terminal.
    pub fn take() -> Option<Self> {
        if !io::stdin().is_terminal() {
            return None;
        }
        terminal::enable_raw_mode().ok()?;
        give_back_on_panic();
        Some(Self(()))
    }

    /// Waits up to `timeout` for the user; `Ok(None)` when the time ran out, an error when the
    /// terminal is gone.
    #[allow(
        clippy::unused_self,
        reason = "keys are read only while the terminal is taken"
    )]
    pub fn read(&self, timeout: Duration) -> io::Result<Option<Input>> {
        // crossterm's reader spins without end on a terminal that hung up (a closed window),
        // reading nothing again and again: the waiting is done here, and crossterm is asked only
        // once there is something to read. (A resize reaches it within a wait.)
        #[cfg(unix)]
        let timeout = {
            wait_for_input(timeout)?;
            Duration::ZERO
        };
        if !event::poll(timeout)? {
            return Ok(None);
        }
        Ok(match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => Some(input(key)),
            Event::Resize(columns, rows) => Some(Input::Resized(columns, rows)),
            _ => Some(Input::Other),
        })
    }

    /// Cooked mode and the cursor for the shell while the process is stopped as a job; raw mode
    /// again when it goes on.
    #[allow(
        clippy::unused_self,
        reason = "only a taken terminal is given back for a while"
    )]
    pub fn suspend(&self) {
        give_back();
        super::signals::stop_as_a_job();
        let _ = terminal::enable_raw_mode();
    }

    /// Raw mode set again after the process was stopped and continued from outside, when the
    /// shell may have put the terminal back in cooked mode.
    #[allow(clippy::unused_self, reason = "only a taken terminal is set again")]
    pub fn take_again(&self) {
        let _ = terminal::disable_raw_mode();
        let _ = terminal::enable_raw_mode();
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        // Keys typed ahead are the run's, not the shell's.
        while self.read(Duration::ZERO).is_ok_and(|input| input.is_some()) {}
        give_back();
    }
}

/// Waits up to `timeout` for stdin to have something to read; an error when it hung up.
#[cfg(unix)]
fn wait_for_input(timeout: Duration) -> io::Result<()> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let stdin = io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let timeout = Timespec::try_from(timeout).ok();
    match poll(&mut fds, timeout.as_ref()) {
        Ok(_) | Err(rustix::io::Errno::INTR) => {}
        Err(e) => return Err(e.into()),
    }
    if fds[0]
        .revents()
        .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)
    {
        return Err(io::Error::new(
            io::ErrorKind::BrokenPipe,
            "the terminal hung up",
        ));
    }
    Ok(())
}

fn input(key: KeyEvent) -> Input {
    match key.code {
        KeyCode::Enter => Input::Enter,
        KeyCode::Char(c) if key.modifiers.contains(KeyModifiers::CONTROL) => {
            Input::Ctrl(c.to_ascii_lowercase())
        }
        KeyCode::Char(c) => Input::Char(c),
        _ => Input::Other,
    }
}

/// The terminal's size, columns and rows, when stdout is one.
pub fn size() -> Option<(u16, u16)> {
    if !io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(io::stdout())
        .map(|(terminal_size::Width(w), terminal_size::Height(h))| (w, h))
        .filter(|&(w, h)| w > 0 && h > 0)
}

/// Whether a view switched to the alternate screen, or hid the cursor: what [`give_back`] must
/// undo, and nothing else (a terminal that was never sent a code is sent none).
static ALTERNATE: AtomicBool = AtomicBool::new(false);
static HIDDEN: AtomicBool = AtomicBool::new(false);

/// The full-screen view's own screen, which the terminal swaps back when it is left.
pub fn enter_alternate_screen(out: &mut impl Write) -> io::Result<()> {
    ALTERNATE.store(true, Ordering::SeqCst);
    out.queue(terminal::EnterAlternateScreen)?;
    Ok(())
}

pub fn leave_alternate_screen(out: &mut impl Write) -> io::Result<()> {
    ALTERNATE.store(false, Ordering::SeqCst);
    out.queue(terminal::LeaveAlternateScreen)?;
    Ok(())
}

pub fn hide_cursor(out: &mut impl Write) -> io::Result<()> {
    HIDDEN.store(true, Ordering::SeqCst);
    out.queue(cursor::Hide)?;
    Ok(())
}

pub fn show_cursor(out: &mut impl Write) -> io::Result<()> {
    HIDDEN.store(false, Ordering::SeqCst);
    out.queue(cursor::Show)?;
    Ok(())
}

/// Cooked mode, the normal screen and a visible cursor again; safe to call more than once. Where
/// the terminal is gone (a closed window), there is nothing to give back, and nothing fails.
pub fn give_back() {
    let _ = terminal::disable_raw_mode();
    let mut out = io::stdout();
    if ALTERNATE.load(Ordering::SeqCst) {
        let _ = leave_alternate_screen(&mut out);
    }
    if HIDDEN.load(Ordering::SeqCst) {
        let _ = show_cursor(&mut out);
    }
    let _ = out.flush();
}

/// A panic aborts the process (the release profile's `panic = "abort"`), so no destructor would
/// give the terminal back: the panic hook does, before the message is printed.
fn give_back_on_panic() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            give_back();
            previous(info);
        }));
    });
}

/// Writes to a terminal in raw mode, where a line feed no longer returns the carriage: each
/// `\n` goes out as `\r\n`.
pub struct RawLines<W: Write>(pub W);

impl<W: Write> Write for RawLines<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut start = 0;
        for (i, &b) in buf.iter().enumerate() {
            if b == b'\n' {
                self.0.write_all(&buf[start..i])?;
                self.0.write_all(b"\r\n")?;
                start = i + 1;
            }
        }
        self.0.write_all(&buf[start..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_events_not_bytes() {
        let key = |code, modifiers| input(KeyEvent::new(code, modifiers));
        assert_eq!(
            key(KeyCode::Char('q'), KeyModifiers::NONE),
            Input::Char('q')
        );
        assert_eq!(
            key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Input::Ctrl('c')
        );
        assert_eq!(key(KeyCode::Enter, KeyModifiers::NONE), Input::Enter);
        assert_eq!(key(KeyCode::F(1), KeyModifiers::NONE), Input::Other);
        assert_eq!(key(KeyCode::Left, KeyModifiers::NONE), Input::Other);
    }

    #[test]
    fn raw_lines_return_the_carriage() {
        let mut out = RawLines(Vec::new());
        write!(out, "a\nb\n\nc").unwrap();
        assert_eq!(out.0, b"a\r\nb\r\n\r\nc");
    }
}
