//! The terminal a timed run takes over, through crossterm: raw mode, so that keys arrive one at a
//! time without echo and Ctrl-C is a key rather than a signal; key events, read as events so an
//! escape sequence is never taken for the letters in it; and the terminal given back however the
//! run ends — its end, an error, or a panic.

use std::io::{self, IsTerminal, Write};
use std::sync::Once;
use std::time::Duration;

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};

/// What the user did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Enter,
    /// A key that types a character, without Ctrl.
    Char(char),
    /// A letter with Ctrl held: Ctrl-C, Ctrl-Z, Ctrl-\.
    Ctrl(char),
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

    /// Waits up to `timeout` for the user; `Ok(None)` when the time ran out.
    #[allow(
        clippy::unused_self,
        reason = "keys are read only while the terminal is taken"
    )]
    pub fn read(&self, timeout: Duration) -> io::Result<Option<Input>> {
        if !event::poll(timeout)? {
            return Ok(None);
        }
        Ok(match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => Some(input(key)),
            _ => Some(Input::Other),
        })
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        give_back();
    }
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

/// Cooked mode and a visible cursor again; safe to call more than once.
pub fn give_back() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(io::stdout(), cursor::Show);
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
