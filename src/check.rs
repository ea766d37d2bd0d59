//! `weizhong check`: every problem in a user's content files, each pointed at with its line.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::content::{ContentError, FOLDERS, Library, UserFiles, folder_of};
use crate::context::Context;
use crate::render::style::{ERROR, MARKER, TIP, paint};
use crate::render::wrap;
use crate::words::Words;

/// What checking found.
pub struct Report {
    /// The report, styled.
    pub text: String,
    pub ok: bool,
}

/// Checks `paths` (files or folders), or the user's content folder when there are none.
pub fn check(
    cx: &Context,
    paths: &[PathBuf],
    default_root: Option<&Path>,
) -> Result<Report, ContentError> {
    let (w, width) = (cx.words, cx.width);
    let mut problems: Vec<ContentError> = Vec::new();
    let mut user = UserFiles::default();
    let mut others = 0;
    let paths: Vec<PathBuf> = if paths.is_empty() {
        match default_root {
            Some(root) if root.is_dir() => vec![root.to_owned()],
            Some(root) => {
                return Ok(Report {
                    text: wrapped(&w.no_content_folder(root.display()), width),
                    ok: true,
                });
            }
            None => Vec::new(),
        }
    } else {
        paths.to_vec()
    };
    for path in paths {
        let name = path.display().to_string();
        if path.is_dir() {
            for stray in toml_files(&path) {
                others += 1;
                problems.push(ContentError::file(
                    &stray.display().to_string(),
                    w.only_inside_folders(folder_list()),
                ));
            }
            user.roots.push(path);
        } else if !path.exists() {
            others += 1;
            problems.push(ContentError::file(&name, w.no_such_path));
        } else if folder_of(&path).is_none() {
            others += 1;
            problems.push(ContentError::file(&name, w.only_inside(folder_list())));
        } else {
            user.files.push(path);
        }
    }
    let library = Library::new(cx.lang, user);
    library.causes()?;
    library.relief()?;
    let stretches = library.stretches()?;
    library.routines(&stretches)?;
    problems.extend(library.take_warnings());
    let files = library.user_files_read().len() + others;
    Ok(report(w, &problems, files, width))
}

fn folder_list() -> String {
    FOLDERS.map(|f| format!("{f}/")).join(", ")
}

/// The `.toml` files directly in `dir`, where none belongs.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// `text` wrapped at `width`, each line ended.
fn wrapped(text: &str, width: usize) -> String {
    let mut text = wrap::wrap(text, width).join("\n");
    text.push('\n');
    text
}

fn report(w: &Words, problems: &[ContentError], files: usize, width: usize) -> Report {
    let mut text = String::new();
    for problem in problems {
        let _ = writeln!(text, "{}{}{problem}", paint(ERROR, w.error), w.after_prefix);
        if let Some((line, underline)) = &problem.snippet {
            let (line, column, underline) = window(line, problem.column, *underline);
            let number = problem.line.to_string();
            let gutter = " ".repeat(number.len());
            let bar = paint(MARKER, "|");
            let caret = format!(
                "{}{}",
                " ".repeat(column.saturating_sub(1)),
                paint(ERROR, &"^".repeat(underline))
            );
            let _ = writeln!(text, "{gutter} {bar}");
            let _ = writeln!(text, "{} {bar} {line}", paint(MARKER, &number));
            let _ = writeln!(text, "{gutter} {bar} {caret}");
        }
        text.push('\n');
    }
    let ok = problems.is_empty();
    let bad = problems.len();
    let summary = match (ok, files, bad) {
        (true, 1, _) => format!("{} {}", paint(TIP, "✓"), w.files_ok_one(1)),
        (true, n, _) => format!("{} {}", paint(TIP, "✓"), w.files_ok_many(n)),
        (false, 1, bad) => w.files_bad_one(bad, 1),
        (false, n, 1) => w.files_bad_many_one(1, n),
        (false, n, bad) => w.files_bad_many(bad, n),
    };
    text.push_str(&wrapped(&summary, width));
    Report { text, ok }
}

/// At most [`WINDOW`] characters of a long line around the column, cut with `…`, and the
/// column and underline within what is shown.
fn window(line: &str, column: usize, underline: usize) -> (String, usize, usize) {
    const WINDOW: usize = 72;
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= WINDOW {
        return (line.to_owned(), column, underline);
    }
    let start = column
        .saturating_sub(1)
        .saturating_sub(WINDOW / 2)
        .min(chars.len());
    let end = (start + WINDOW).min(chars.len());
    let mut shown: String = chars[start..end].iter().collect();
    let mut column = column - start;
    if start > 0 {
        shown.insert(0, '…');
        column += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    let underline = underline
        .min(WINDOW.saturating_sub(column.saturating_sub(1)))
        .max(1);
    (shown, column, underline)
}

#[cfg(test)]
mod tests {
    use super::window;

    #[test]
    fn long_lines_are_cut_around_the_column() {
        assert_eq!(window("a = 1", 5, 1), ("a = 1".to_owned(), 5, 1));
        let long = format!("a = {}", "[".repeat(500));
        let (shown, column, underline) = window(&long, 300, 1);
        assert_eq!(shown.chars().count(), 74);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!((column, underline), (38, 1));
        let (shown, column, _) = window(&long, 3, 900);
        assert!(shown.starts_with("a = [") && shown.ends_with('…'));
        assert_eq!(column, 3);
    }
}
