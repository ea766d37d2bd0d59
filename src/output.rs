//! Where text goes: the width to wrap at, colour, and writing a whole page to stdout at once.

use std::io::{self, IsTerminal, Write};

use crate::cli::ColorWhen;

/// Never wider than this on a terminal, for easy reading.
const MAX_WIDTH: usize = 100;
/// The width when stdout is not a terminal.
const PIPE_WIDTH: usize = 80;

/// The width to wrap at: `--width`, else the terminal's (capped), else 80.
pub fn width(requested: Option<u16>) -> usize {
    if let Some(width) = requested {
        return usize::from(width);
    }
    let stdout = io::stdout();
    if stdout.is_terminal() {
        if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size_of(&stdout) {
            if w > 0 {
                return usize::from(w).min(MAX_WIDTH);
            }
        }
    }
    PIPE_WIDTH
}

impl From<ColorWhen> for anstream::ColorChoice {
    fn from(when: ColorWhen) -> Self {
        match when {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}

/// The `--color` value among raw arguments, read before clap so its help and errors obey it.
pub fn color_from_args(args: &[std::ffi::OsString]) -> ColorWhen {
    let mut when = ColorWhen::Auto;
    let mut args = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(arg) = args.next() {
        let value = match arg {
            "--" => break,
            "--color" => args.next().unwrap_or(""),
            _ => arg.strip_prefix("--color=").unwrap_or(""),
        };
        when = match value {
            "always" => ColorWhen::Always,
            "never" => ColorWhen::Never,
            "auto" => ColorWhen::Auto,
            _ => when,
        };
    }
    when
}

/// Whether what goes to stdout may be in colour.
pub fn color() -> bool {
    anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
}

/// Writes `text` to stdout in one go; any escape codes in it (a user's file may hold some) are
/// stripped where colour is off.
pub fn print(text: &str) -> io::Result<()> {
    // Stripped here, whole, so the page goes out in one write rather than one per styled piece.
    if text.contains('\x1b') && !color() {
        print_bytes(anstream::adapter::strip_str(text).to_string().as_bytes())
    } else {
        print_bytes(text.as_bytes())
    }
}

/// Writes bytes that carry no styles (a script, a man page) to stdout as they are.
pub fn print_bytes(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

/// Writes `text` to stderr, ignoring failure: there is nowhere left to report it.
pub fn eprint(text: &str) {
    let mut err = anstream::AutoStream::auto(io::stderr().lock());
    let _ = err.write_all(text.as_bytes());
    let _ = err.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn color(args: &[&str]) -> ColorWhen {
        let args: Vec<_> = args.iter().map(std::ffi::OsString::from).collect();
        color_from_args(&args)
    }

    #[test]
    fn color_is_found_before_clap_parses() {
        assert_eq!(color(&["weizhong", "--color", "always"]), ColorWhen::Always);
        assert_eq!(color(&["weizhong", "x", "--color=never"]), ColorWhen::Never);
        assert_eq!(
            color(&["weizhong", "--color=always", "--color=auto"]),
            ColorWhen::Auto
        );
        assert_eq!(
            color(&["weizhong", "--", "--color=always"]),
            ColorWhen::Auto
        );
        assert_eq!(color(&["weizhong", "--color", "bogus"]), ColorWhen::Auto);
    }

    #[test]
    fn a_requested_width_wins() {
        assert_eq!(width(Some(42)), 42);
    }
}
