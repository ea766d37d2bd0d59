//! What can go wrong, how it is told on stderr, and the exit code it gives.

use std::fmt::Write as _;
use std::io;

use crate::content::{ContentError, Kind, Lookup};
use crate::render::style::{ERROR, LITERAL, TIP, WARN, paint};
use crate::words::Words;

/// The exit codes, as README.md lists them.
pub mod code {
    pub const OK: u8 = 0;
    /// A runtime failure: broken content, a file or output that failed.
    pub const FAILURE: u8 = 1;
    /// A usage error or a name that matches nothing.
    pub const USAGE: u8 = 2;
    /// Ctrl-C during a timed run.
    pub const INTERRUPTED: u8 = 130;
}

#[derive(Debug)]
pub enum Error {
    /// A name that matches nothing, or more than one thing: a usage error.
    Lookup(Lookup),
    /// A setting that cannot be used, with what to do about it: a usage error.
    Usage { message: String, tip: String },
    /// Something that could not be done, and what it left: a runtime failure.
    Failed {
        message: String,
        tip: Option<String>,
    },
    /// The embedded content is broken: a bug in this build.
    Content(ContentError),
    /// A file could not be read.
    Read { path: String, error: io::Error },
    /// Output could not be written.
    Write(io::Error),
}

impl From<Lookup> for Error {
    fn from(e: Lookup) -> Self {
        Error::Lookup(e)
    }
}

impl From<ContentError> for Error {
    fn from(e: ContentError) -> Self {
        Error::Content(e)
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Write(e)
    }
}

impl Error {
    /// A closed pipe is the reader saying it has read enough: not an error.
    pub fn is_quiet(&self) -> bool {
        matches!(self, Error::Write(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Lookup(_) | Error::Usage { .. } => code::USAGE,
            Error::Write(_) if self.is_quiet() => code::OK,
            Error::Content(_) | Error::Read { .. } | Error::Write(_) | Error::Failed { .. } => {
                code::FAILURE
            }
        }
    }

    /// The message for stderr, styled: an `error:` line and any `tip:` lines.
    pub fn report(&self, w: &Words) -> String {
        let error = paint(ERROR, w.error);
        let tip = paint(TIP, w.tip);
        let mut out = String::new();
        let mut line = |prefix: &str, text: String| {
            let _ = writeln!(out, "{prefix}{}{text}", w.after_prefix);
        };
        match self {
            Error::Lookup(Lookup::Unknown {
                kind,
                name,
                suggestion,
                ids,
            }) => {
                let (kind, kinds) = kind_words(w, *kind);
                line(&error, w.no_such_name(kind, shown(name)));
                if let Some(suggestion) = suggestion {
                    line(&tip, w.did_you_mean(paint(LITERAL, suggestion)));
                }
                line(&tip, w.names_are(kinds, list(ids)));
            }
            Error::Lookup(Lookup::Ambiguous {
                kind,
                name,
                matches,
            }) => {
                let (kind, _) = kind_words(w, *kind);
                line(&error, w.ambiguous(shown(name), kind));
                line(&tip, w.type_more(list(matches)));
            }
            Error::Usage { message, tip: hint } => {
                line(&error, message.clone());
                line(&tip, hint.clone());
            }
            Error::Failed { message, tip: hint } => {
                line(&error, message.clone());
                if let Some(hint) = hint {
                    line(&tip, hint.clone());
                }
            }
            Error::Content(e) => line(&error, w.content_broken(e)),
            Error::Read { path, error: e } => line(&error, w.could_not_read(path, e)),
            Error::Write(e) => line(&error, w.could_not_write(e)),
        }
        out
    }
}

/// The words for a kind of item: one, and several.
fn kind_words(w: &Words, kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Cause => (w.kind_cause, w.kinds_cause),
        Kind::Stretch => (w.kind_stretch, w.kinds_stretch),
        Kind::Relief => (w.kind_relief, w.kinds_relief),
        Kind::Routine => (w.kind_routine, w.kinds_routine),
    }
}

/// One warning line for stderr.
pub fn warning_line(w: &Words, message: &str) -> String {
    format!("{}{}{message}\n", paint(WARN, w.warning), w.after_prefix)
}

/// One line on stderr for a user's file that was skipped.
pub fn warning(w: &Words, problem: &ContentError) -> String {
    warning_line(
        w,
        &w.skipped_file(problem, paint(LITERAL, "weizhong check")),
    )
}

fn list(ids: &[String]) -> String {
    ids.iter()
        .map(|id| paint(LITERAL, id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A name as typed, safe to print: control characters escaped, at most 40 characters.
pub fn shown(name: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = name
        .chars()
        .take(MAX)
        .flat_map(|c| {
            let escaped: Vec<char> = if c.is_control() {
                c.escape_debug().collect()
            } else {
                vec![c]
            };
            escaped
        })
        .collect();
    if name.chars().count() > MAX {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn names_are_shown_safely() {
        assert_eq!(shown("buterfly"), "buterfly");
        assert_eq!(shown("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(shown(&"x".repeat(100)), format!("{}…", "x".repeat(40)));
    }
}
