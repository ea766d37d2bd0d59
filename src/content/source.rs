//! One content file's text and name: reading it with limits, parsing it, and errors that point
//! at a line and column in it.

use std::borrow::Cow;
use std::fmt;
use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::rules::{self, Near};
use crate::words::Words;

/// The largest content file weizhong reads; the built-in ones are a few KiB.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// A content file that could not be read or does not fit the schema, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The line the error points at, and how many columns of it to underline.
    pub snippet: Option<(String, usize)>,
    /// Whether `line` and `column` mean something, or the error is about the whole file.
    pub placed: bool,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.placed {
            write!(
                f,
                "{}:{}:{}: {}",
                self.path, self.line, self.column, self.message
            )
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ContentError {}

impl ContentError {
    /// An error about a whole file, with no place in it.
    pub fn file(path: &str, message: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: message.into(),
            snippet: None,
            placed: false,
        }
    }
}

/// A source text and its name, for errors that point into it.
pub struct Source {
    pub path: String,
    pub text: Cow<'static, str>,
}

/// Why a user's file could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// The system said no: its kind of error, and its words.
    Io(std::io::ErrorKind, String),
    /// A folder, a named pipe, a device: not a regular file.
    NotAFile(std::fs::FileType),
    TooBig {
        size: u64,
        max: u64,
    },
    /// Not UTF-8 from this line and column on.
    NotUtf8 {
        line: usize,
        column: usize,
    },
}

impl Unreadable {
    /// The problem in the user's words, about the file `name`.
    pub fn error(&self, name: &str, w: &Words) -> ContentError {
        match self {
            Unreadable::Io(_, e) => ContentError::file(name, w.file_unreadable(e)),
            Unreadable::NotAFile(kind) => ContentError::file(name, not_a_file(w, *kind)),
            Unreadable::TooBig { size, max } => {
                let (size, max) = sizes(w, *size, *max);
                ContentError::file(name, w.file_too_big(size, max))
            }
            Unreadable::NotUtf8 { line, column } => ContentError {
                line: *line,
                column: *column,
                placed: true,
                ..ContentError::file(name, w.file_not_utf8)
            },
        }
    }
}

/// The text of the regular file at `path`, of at most `max` bytes, in UTF-8.
pub fn read_text(path: &Path, max: u64) -> Result<String, Unreadable> {
    let fail = |e: std::io::Error| Unreadable::Io(e.kind(), e.to_string());
    let too_big = |size: u64| Unreadable::TooBig { size, max };
    // Looked at before it is opened: opening a named pipe waits for a writer.
    let kind = std::fs::metadata(path).map_err(fail)?.file_type();
    if !kind.is_file() {
        return Err(Unreadable::NotAFile(kind));
    }
    let file = std::fs::File::open(path).map_err(fail)?;
    let meta = file.metadata().map_err(fail)?;
    if !meta.is_file() {
        return Err(Unreadable::NotAFile(meta.file_type()));
    }
    if meta.len() > max {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::new();
    file.take(max + 1).read_to_end(&mut bytes).map_err(fail)?;
    if bytes.len() as u64 > max {
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        // The prefix up to the first bad byte is UTF-8 by definition.
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]);
        let (line, column, _, _) = place(&text, text.len(), 0);
        Unreadable::NotUtf8 { line, column }
    })
}

impl Source {
    /// Reads a user's file: at most [`MAX_FILE_BYTES`], UTF-8, a file and not a folder.
    pub fn read(path: &Path, w: &Words) -> Result<Self, ContentError> {
        let name = path.display().to_string();
        match read_text(path, MAX_FILE_BYTES) {
            Ok(text) => Ok(Self {
                path: name,
                text: Cow::Owned(text),
            }),
            Err(e) => Err(e.error(&name, w)),
        }
    }

    /// An error at byte `offset`, underlining `len` bytes.
    pub fn error_at(&self, offset: usize, len: usize, message: impl Into<String>) -> ContentError {
        let (line, column, line_text, underline) = place(&self.text, offset, len);
        ContentError {
            path: self.path.clone(),
            line,
            column,
            message: message.into(),
            snippet: Some((line_text, underline)),
            placed: true,
        }
    }

    /// An error pointing at what `near` names in the file, or about the whole file when it is
    /// not written there.
    pub fn error_for(&self, near: &Near, message: impl Into<String>) -> ContentError {
        match rules::span(&self.text, near) {
            Some(span) => self.error_at(span.start, span.len(), message),
            None => ContentError::file(&self.path, message),
        }
    }

    /// An error underlining `key`, a key of the file's top table.
    pub fn error_at_key(&self, key: &str, message: impl Into<String>) -> ContentError {
        let table = toml::de::DeTable::parse(&self.text).ok();
        let span = table
            .as_ref()
            .and_then(|t| t.get_ref().get_key_value(key))
            .map(|(key, _)| key.span());
        match span {
            Some(span) => self.error_at(span.start, span.len(), message),
            None => ContentError::file(&self.path, message),
        }
    }

    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ContentError> {
        toml::from_str(&self.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            self.error_at(span.start, span.len(), e.message().trim_end())
        })
    }
}

/// `size` and `max` in the largest unit that still shows `size` to be the larger: "10 MiB" and
/// "1 MiB", "1536 KiB" and "1024 KiB", "1048577 bytes" and "1048576 bytes".
fn sizes(w: &Words, size: u64, max: u64) -> (String, String) {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * KIB;
    let say = |unit: u64, n: u64| match unit {
        MIB => w.size_mib(n),
        KIB => w.size_kib(n),
        _ => w.size_bytes(n),
    };
    let unit = [MIB, KIB, 1]
        .into_iter()
        .find(|unit| size / unit > max.div_ceil(*unit))
        .unwrap_or(1);
    (say(unit, size / unit), say(unit, max.div_ceil(unit)))
}

/// Why something that is not a regular file cannot be read as one.
pub fn not_a_file(w: &Words, kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return w.file_is_fifo;
        }
        if kind.is_socket() {
            return w.file_is_socket;
        }
        if kind.is_block_device() || kind.is_char_device() {
            return w.file_is_device;
        }
    }
    if kind.is_dir() {
        w.file_is_folder
    } else {
        w.file_not_regular
    }
}

/// The 1-based line and column (in characters) of byte `offset`, the text of that line and the
/// number of characters of it from there that `len` bytes cover (at least 1).
fn place(text: &str, offset: usize, len: usize) -> (usize, usize, String, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let (before, after) = text.split_at(offset);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    let rest_of_line = after.split('\n').next().unwrap_or("");
    let line_text = format!("{}{rest_of_line}", &before[line_start..]);
    let mut end = len.min(rest_of_line.len());
    while !rest_of_line.is_char_boundary(end) {
        end -= 1;
    }
    let underline = rest_of_line[..end].chars().count().max(1);
    (
        line,
        column,
        line_text.trim_end_matches('\r').to_owned(),
        underline,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &'static str) -> Source {
        Source {
            path: "x.toml".into(),
            text: Cow::Borrowed(text),
        }
    }

    #[test]
    fn places_count_lines_and_characters() {
        assert_eq!(place("a = 1\nbé = 2\n", 10, 1), (2, 4, "bé = 2".into(), 1));
        assert_eq!(place("", 5, 3), (1, 1, String::new(), 1));
        // An offset inside a character moves back to its start.
        assert_eq!(place("é", 1, 1).0..place("é", 1, 1).1, 1..1);
    }

    #[test]
    fn a_syntax_error_points_at_its_line_and_column() {
        let err = source("name = \"x\"\norder = = 1\n")
            .parse::<toml::Table>()
            .unwrap_err();
        assert_eq!((err.line, err.column), (2, 9));
        assert_eq!(err.snippet, Some(("order = = 1".into(), 1)));
    }

    #[test]
    fn error_for_underlines_the_field_value_or_item() {
        // The first "nope" is in a comment; the item is the second.
        let text = "a = 1 # \"nope\"\nstretches = [\"x\", \"nope\"]\n";
        let err = source(text).error_for(&Near::Item("stretches", 1), "no such");
        assert_eq!((err.line, err.column), (2, 19));
        assert_eq!(
            err.snippet,
            Some(("stretches = [\"x\", \"nope\"]".into(), 6))
        );
        let err = source(text).error_for(&Near::Value("a"), "no");
        assert_eq!(
            (err.line, err.column, err.snippet),
            (1, 5, Some(("a = 1 # \"nope\"".into(), 1)))
        );
        for near in [Near::File, Near::Value("b"), Near::Item("stretches", 2)] {
            let err = source(text).error_for(&near, "no");
            assert!(!err.placed && err.snippet.is_none(), "{near:?}");
        }
    }

    #[test]
    fn a_size_is_told_in_the_unit_that_shows_the_difference() {
        let w = &crate::words::EN;
        let told = |size| {
            let (size, max) = sizes(w, size, MAX_FILE_BYTES);
            format!("{size} > {max}")
        };
        assert_eq!(told(10 * 1024 * 1024 + 9), "10 MiB > 1 MiB");
        assert_eq!(told(2 * 1024 * 1024), "2 MiB > 1 MiB");
        assert_eq!(told(1536 * 1024 + 5), "1536 KiB > 1024 KiB");
        assert_eq!(told(1024 * 1024 + 1), "1048577 bytes > 1048576 bytes");
        assert_eq!(told(1025 * 1024), "1025 KiB > 1024 KiB");
    }

    #[test]
    fn invalid_utf8_names_where() {
        let dir = std::env::temp_dir().join(format!("weizhong-utf8-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.toml");
        std::fs::write(&path, b"a = 1\nb = \"\xff\"").unwrap();
        let read = read_text(&path, MAX_FILE_BYTES);
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(read, Err(Unreadable::NotUtf8 { line: 2, column: 6 }));
        let err = read.unwrap_err().error("x.toml", &crate::words::EN);
        assert_eq!(
            err.to_string(),
            format!("x.toml:2:6: {}", crate::words::EN.file_not_utf8)
        );
    }
}
