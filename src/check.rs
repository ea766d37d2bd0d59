//! `weizhong check`: every problem in a user's content files, each pointed at with its line.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::content::{ContentError, FOLDERS, Library, UserFiles, folder_of};
use crate::render::style::{ERROR, LITERAL, MARKER, TIP, paint};

/// What checking found.
pub struct Report {
    /// The report, styled.
    pub text: String,
    pub ok: bool,
}

/// Checks `paths` (files or folders), or the user's content folder when there are none.
pub fn check(paths: &[PathBuf], default_root: Option<&Path>) -> Result<Report, ContentError> {
    let mut problems: Vec<ContentError> = Vec::new();
    let mut user = UserFiles::default();
    let mut others = 0;
    let paths: Vec<PathBuf> = if paths.is_empty() {
        match default_root {
            Some(root) if root.is_dir() => vec![root.to_owned()],
            Some(root) => {
                return Ok(Report {
                    text: format!(
                        "No content folder at {} yet, so nothing to check.\n",
                        paint(LITERAL, &root.display().to_string())
                    ),
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
                    format!("weizhong reads .toml files only inside {}", folder_list()),
                ));
            }
            user.roots.push(path);
        } else if !path.exists() {
            others += 1;
            problems.push(ContentError::file(&name, "no such file or folder"));
        } else if folder_of(&path).is_none() {
            others += 1;
            problems.push(ContentError::file(
                &name,
                format!("weizhong reads it only inside {}", folder_list()),
            ));
        } else {
            user.files.push(path);
        }
    }
    let library = Library::with_user(user);
    library.causes()?;
    library.relief()?;
    let stretches = library.stretches()?;
    library.routines(&stretches)?;
    problems.extend(library.take_warnings());
    let files = library.user_files_read().len() + others;
    Ok(report(&problems, files))
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

fn report(problems: &[ContentError], files: usize) -> Report {
    let mut text = String::new();
    for problem in problems {
        let _ = writeln!(text, "{} {problem}", paint(ERROR, "error:"));
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
    let noun = |n: usize| if n == 1 { "file" } else { "files" };
    let ok = problems.is_empty();
    if ok {
        let _ = writeln!(text, "{} {files} {} OK", paint(TIP, "✓"), noun(files));
    } else {
        let bad = problems.len();
        let _ = writeln!(
            text,
            "{bad} of {files} {} {} problems",
            noun(files),
            if bad == 1 { "has" } else { "have" }
        );
    }
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
