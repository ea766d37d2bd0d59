//! Where text goes: the width to wrap at, colour, and writing a whole page to stdout at once.

use std::io::{self, IsTerminal, Write};

use anstream::ColorChoice;

use crate::cli::ColorWhen;

impl From<ColorWhen> for ColorChoice {
    fn from(when: ColorWhen) -> Self {
        match when {
            ColorWhen::Auto => ColorChoice::Auto,
            ColorWhen::Always => ColorChoice::Always,
            ColorWhen::Never => ColorChoice::Never,
        }
    }
}

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

/// The one place colour is decided: the last `--color` among the raw arguments, read before
/// clap parses them so that its help and errors obey it too, else the settings file's. With
/// `auto`, anstream then follows `NO_COLOR`, `CLICOLOR_FORCE`, `TERM=dumb` and whether each
/// stream is a terminal.
pub fn color_choice(args: &[std::ffi::OsString], setting: Option<ColorWhen>) -> ColorChoice {
    let mut when = setting.map_or(ColorChoice::Auto, ColorChoice::from);
    let mut args = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(arg) = args.next() {
        let value = match arg {
            "--" => break,
            "--color" => args.next().unwrap_or(""),
            _ => arg.strip_prefix("--color=").unwrap_or(""),
        };
        when = match value {
            "always" => ColorChoice::Always,
            "never" => ColorChoice::Never,
            "auto" => ColorChoice::Auto,
            _ => when,
        };
    }
    when
}

/// Whether what goes to stdout may be in colour, by the choice made in [`color_choice`].
pub fn stdout_color() -> bool {
    anstream::AutoStream::choice(&io::stdout()) != ColorChoice::Never
}

/// Writes `text` to stdout in one go; any escape codes in it (a user's file may hold some) are
/// stripped when `color` is off.
pub fn print(text: &str, color: bool) -> io::Result<()> {
    if text.contains('\x1b') && !color {
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

    fn choice(args: &[&str]) -> ColorChoice {
        let args: Vec<_> = args.iter().map(std::ffi::OsString::from).collect();
        color_choice(&args, None)
    }

    #[test]
    fn color_is_found_before_clap_parses() {
        assert_eq!(
            choice(&["weizhong", "--color", "always"]),
            ColorChoice::Always
        );
        assert_eq!(
            choice(&["weizhong", "x", "--color=never"]),
            ColorChoice::Never
        );
        assert_eq!(
            choice(&["weizhong", "--color=always", "--color=auto"]),
            ColorChoice::Auto
        );
        assert_eq!(
            choice(&["weizhong", "--", "--color=always"]),
            ColorChoice::Auto
        );
        assert_eq!(choice(&["weizhong", "--color", "bogus"]), ColorChoice::Auto);
        let args: Vec<_> = ["weizhong", "causes"]
            .map(std::ffi::OsString::from)
            .to_vec();
        assert_eq!(
            color_choice(&args, Some(ColorWhen::Never)),
            ColorChoice::Never
        );
        let args: Vec<_> = ["weizhong", "--color=always"]
            .map(std::ffi::OsString::from)
            .to_vec();
        assert_eq!(
            color_choice(&args, Some(ColorWhen::Never)),
            ColorChoice::Always
        );
    }

    #[test]
    fn a_requested_width_wins() {
        assert_eq!(width(Some(42)), 42);
    }
}
