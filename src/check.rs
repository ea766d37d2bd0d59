//! `weizhong check`: every problem in a user's content files and settings file, each pointed at
//! with its line, and a warning for each file the loader passes over. A file is checked as the
//! guide reads it: with the built-in content and the content folder it sits in, so a routine may
//! name a stretch beside it.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::content::{ContentError, FOLDERS, Library, UserFiles, folder_of};
use crate::context::Context;
use crate::render::style::{ERROR, MARKER, TIP, WARN, paint};
use crate::render::wrap;
use crate::settings;
use crate::words::Words;

/// How much a finding matters: an error is a file the guide skips; a warning, one it never
/// reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
}

/// What checking found.
#[derive(Debug)]
pub struct Checked {
    findings: Vec<(Level, ContentError)>,
    /// How many files were checked: read, or named and not found.
    files: usize,
    /// Said instead when there was nothing to check.
    nothing: Option<String>,
}

/// One finding as `--format json` gives it.
#[derive(Debug, Serialize)]
pub struct FindingView<'a> {
    pub path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    pub level: Level,
    pub message: &'a str,
}

/// What a path on the command line asks to check.
enum Target {
    /// A content folder, all of it.
    Root(PathBuf),
    /// One folder of a kind (`routines/`) in the content folder above it.
    Kind { root: PathBuf, dir: PathBuf },
    /// One file in a folder of its kind.
    File { root: PathBuf, path: PathBuf },
}

/// The part of one content folder being checked, and what walking it found.
#[derive(Default)]
struct Scope {
    whole: bool,
    dirs: Vec<PathBuf>,
    files: Vec<PathBuf>,
    walked: Vec<(Level, ContentError)>,
}

impl Scope {
    fn contains(&self, path: &Path) -> bool {
        self.whole
            || self.files.iter().any(|f| f == path)
            || self.dirs.iter().any(|d| path.starts_with(d))
    }
}

/// Checks `paths` (files or folders), or the user's content folder and settings file when there
/// are none. The settings file, `settings_file`, is checked as settings wherever it is named:
/// itself, or the folder it is in.
pub fn check(
    cx: &Context,
    paths: &[PathBuf],
    default_root: Option<&Path>,
    settings_file: Option<&Path>,
) -> Result<Checked, ContentError> {
    let w = cx.words;
    let mut checked = Checked {
        findings: Vec::new(),
        files: 0,
        nothing: None,
    };
    // There, even as a link to nothing.
    let settings_file = settings_file.filter(|f| f.symlink_metadata().is_ok());
    let is_settings = |path: &Path| settings_file.is_some_and(|f| same_file(f, path));
    let paths: Vec<PathBuf> = if paths.is_empty() {
        let defaults = defaults(default_root, settings_file);
        if let (true, Some(root)) = (defaults.is_empty(), default_root) {
            checked.nothing = Some(w.no_content_folder(root.display()));
            return Ok(checked);
        }
        defaults
    } else {
        paths.to_vec()
    };
    // Each content folder once, with what is checked in it, in the order first named.
    let mut scopes: Vec<(PathBuf, Scope)> = Vec::new();
    // The settings file is checked once, when it or its folder is first named.
    let mut settings_unchecked = settings_file;
    for path in paths {
        let error = |message: &str| {
            (
                Level::Error,
                ContentError::file(&path.display().to_string(), message),
            )
        };
        let settings_named = is_settings(&path);
        if settings_named || is_settings(&path.join(settings::FILE_NAME)) {
            if let Some(file) = settings_unchecked.take() {
                checked.check_settings(cx, file, default_root)?;
            }
        }
        if settings_named {
            continue;
        }
        match target(&path) {
            None if !path.exists() => {
                checked.files += 1;
                checked.findings.push(error(w.no_such_path));
            }
            None => {
                checked.files += 1;
                checked.findings.push(error(&w.only_inside(folder_list())));
            }
            Some(Target::File { path, .. }) if path.extension().is_none_or(|e| e != "toml") => {
                checked.files += 1;
                checked.findings.push(error(w.not_read_name));
            }
            Some(Target::Root(root)) => {
                let scope = scope(&mut scopes, root.clone());
                if !scope.whole {
                    scope.walked.extend(walk_root(w, &root, &is_settings));
                    scope.whole = true;
                }
            }
            Some(Target::Kind { root, dir }) => {
                let scope = scope(&mut scopes, root);
                if !scope.dirs.contains(&dir) {
                    scope.walked.extend(walk_kind(w, &dir));
                    scope.dirs.push(dir);
                }
            }
            Some(Target::File { root, path }) => scope(&mut scopes, root).files.push(path),
        }
    }
    for (root, mut scope) in scopes {
        checked.files += scope
            .walked
            .iter()
            .filter(|(l, _)| *l == Level::Error)
            .count();
        // A kind's folder named besides its content folder is walked twice: say each once.
        let mut said = BTreeSet::new();
        scope.walked.retain(|(_, p)| said.insert(p.path.clone()));
        checked.findings.append(&mut scope.walked);
        let user = UserFiles {
            roots: vec![root],
            files: scope.files.clone(),
        };
        // As the guide reads them: with the settings file's times.
        let library = Library::new(cx.lang, user).with_times(cx.settings.times());
        library.causes()?;
        library.relief()?;
        let stretches = library.stretches()?;
        library.routines(&stretches)?;
        let mut files: BTreeSet<PathBuf> = library
            .user_files_read()
            .into_iter()
            .filter(|f| scope.contains(f))
            .collect();
        for problem in library.take_warnings() {
            if scope.contains(Path::new(&problem.path)) {
                files.insert(PathBuf::from(&problem.path));
                checked.findings.push((Level::Error, problem));
            }
        }
        checked.files += files.len();
    }
    Ok(checked)
}

/// What `weizhong check` alone checks: the content folder, if there is one, and the settings
/// file, if it is not in that folder already.
fn defaults(root: Option<&Path>, settings_file: Option<&Path>) -> Vec<PathBuf> {
    let root = root.filter(|root| root.is_dir());
    let beside = settings_file
        .and_then(Path::parent)
        .is_some_and(|folder| root.is_some_and(|root| same_file(folder, root)));
    root.into_iter()
        .chain(settings_file.filter(|_| !beside))
        .map(Path::to_owned)
        .collect()
}

/// The scope of the content folder `root`, new if it has none yet.
fn scope(scopes: &mut Vec<(PathBuf, Scope)>, root: PathBuf) -> &mut Scope {
    let i = if let Some(i) = scopes.iter().position(|(r, _)| *r == root) {
        i
    } else {
        scopes.push((root, Scope::default()));
        scopes.len() - 1
    };
    &mut scopes[i].1
}

/// What `path` asks to check, by where it is: a folder named for a kind is that kind's folder
/// in the content folder above it, any other folder a content folder, and a file is checked in
/// the content folder above its kind's folder. `None` for a path that is not there, or a file
/// in no kind's folder.
fn target(path: &Path) -> Option<Target> {
    let meta = std::fs::metadata(path).ok()?;
    // "." or "calf.toml" say nothing of their folders: their full paths do.
    let named = if meta.is_dir() {
        path.file_name().is_some()
    } else {
        path.parent().and_then(Path::file_name).is_some()
    };
    let placed = if named {
        path.to_owned()
    } else {
        std::fs::canonicalize(path).ok()?
    };
    let parent = placed.parent().map(Path::to_owned);
    if meta.is_dir() {
        let kind = placed
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| FOLDERS.contains(&n));
        return Some(match parent {
            Some(root) if kind => Target::Kind { root, dir: placed },
            _ => Target::Root(if named { placed } else { path.to_owned() }),
        });
    }
    folder_of(&placed)?;
    let root = parent?.parent()?.to_owned();
    Some(Target::File { root, path: placed })
}

/// Warnings for what the loader passes over in a content folder, and errors for `.toml` files
/// where none is read. Hidden entries (`.git`, an editor's swap files) are let be.
fn walk_root(
    w: &Words,
    root: &Path,
    is_settings: &impl Fn(&Path) -> bool,
) -> Vec<(Level, ContentError)> {
    let mut found = Vec::new();
    for (path, name, is_dir) in entries(root) {
        let shown = path.display().to_string();
        if is_settings(&path) {
            // Checked as settings.
        } else if FOLDERS.contains(&name.as_str()) {
            if is_dir {
                found.extend(walk_kind(w, &path));
            }
            // A kind's folder that is not one: the loader says so.
        } else if is_dir {
            let message = w.not_read_folder(folder_list());
            found.push((Level::Warning, ContentError::file(&shown, message)));
        } else if Path::new(&name).extension().is_some_and(|e| e == "toml") {
            let message = w.only_inside_folders(folder_list());
            found.push((Level::Error, ContentError::file(&shown, message)));
        } else {
            let message = w.not_read_place(folder_list());
            found.push((Level::Warning, ContentError::file(&shown, message)));
        }
    }
    found
}

/// Warnings for what the loader passes over in one kind's folder: files whose names do not end
/// in `.toml`, and folders.
fn walk_kind(w: &Words, dir: &Path) -> Vec<(Level, ContentError)> {
    let kind = dir.file_name().unwrap_or_default().to_string_lossy();
    let mut found = Vec::new();
    for (path, name, is_dir) in entries(dir) {
        // The loader reads every .toml, and says what is wrong with one.
        if Path::new(&name).extension().is_some_and(|e| e == "toml") {
            continue;
        }
        let message = if is_dir {
            w.not_read_subfolder(&kind)
        } else {
            w.not_read_name.to_owned()
        };
        let shown = path.display().to_string();
        found.push((Level::Warning, ContentError::file(&shown, message)));
    }
    found
}

/// Whether `a` and `b` name one file, however each is written.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The entries of `dir` that are not hidden, sorted: path, name, and whether it is a folder.
fn entries(dir: &Path) -> Vec<(PathBuf, String, bool)> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            let is_dir = path.is_dir();
            (!name.starts_with('.')).then_some((path, name, is_dir))
        })
        .collect();
    entries.sort();
    entries
}

fn folder_list() -> String {
    FOLDERS.map(|f| format!("{f}/")).join(", ")
}

impl Checked {
    /// Checks the settings file, one file: its keys, and that the routine it names is one of the
    /// built-in ones or the user's in `root`.
    fn check_settings(
        &mut self,
        cx: &Context,
        file: &Path,
        root: Option<&Path>,
    ) -> Result<(), ContentError> {
        self.files += 1;
        let loaded = settings::load(Some(file.to_owned()));
        let mut problems = loaded.problems;
        if let Some(name) = &loaded.settings.routine {
            let roots = root.filter(|r| r.is_dir()).map(Path::to_owned);
            let user = UserFiles {
                roots: roots.into_iter().collect(),
                files: Vec::new(),
            };
            let library = Library::new(cx.lang, user).with_times(cx.settings.times());
            let routines = library.routines(&library.stretches()?)?;
            if let Err(lookup) = library.find_routine(&routines, name)? {
                problems.push(settings::routine_problem(file, lookup));
            }
        }
        for found in problems {
            let problem = settings::message(cx.words, &found);
            self.findings.push((Level::Error, problem));
        }
        Ok(())
    }

    /// Whether no file has a problem; warnings are no problem.
    pub fn ok(&self) -> bool {
        self.findings
            .iter()
            .all(|(level, _)| *level == Level::Warning)
    }

    /// Every finding, for `--format json`.
    pub fn views(&self) -> Vec<FindingView<'_>> {
        self.findings
            .iter()
            .map(|(level, p)| FindingView {
                path: &p.path,
                line: p.placed.then_some(p.line),
                column: p.placed.then_some(p.column),
                level: *level,
                message: &p.message,
            })
            .collect()
    }

    /// The report as text, styled: each finding with its line, then a summary.
    pub fn text(&self, w: &Words, width: usize) -> String {
        if let Some(nothing) = &self.nothing {
            return wrapped(nothing, width);
        }
        let mut text = String::new();
        for (level, problem) in &self.findings {
            let prefix = match level {
                Level::Error => paint(ERROR, w.error),
                Level::Warning => paint(WARN, w.warning),
            };
            let _ = writeln!(text, "{prefix}{}{problem}", w.after_prefix);
            if let Some((line, underline)) = &problem.snippet {
                let (line, column, underline) = window(line, problem.column, *underline);
                let (line, before, under) = on_screen(&line, column, underline);
                let number = problem.line.to_string();
                let gutter = " ".repeat(number.len());
                let bar = paint(MARKER, "|");
                let caret = format!("{}{}", " ".repeat(before), paint(ERROR, &"^".repeat(under)));
                let _ = writeln!(text, "{gutter} {bar}");
                let _ = writeln!(text, "{} {bar} {line}", paint(MARKER, &number));
                let _ = writeln!(text, "{gutter} {bar} {caret}");
            }
            text.push('\n');
        }
        let bad: BTreeSet<&str> = self
            .findings
            .iter()
            .filter(|(level, _)| *level == Level::Error)
            .map(|(_, p)| p.path.as_str())
            .collect();
        let (files, bad) = (self.files.max(bad.len()), bad.len());
        let mut summary = match (bad, files) {
            (0, 1) => format!("{} {}", paint(TIP, "✓"), w.files_ok_one(1)),
            (0, n) => format!("{} {}", paint(TIP, "✓"), w.files_ok_many(n)),
            (bad, 1) => w.files_bad_one(bad, 1),
            (1, n) => w.files_bad_many_one(1, n),
            (bad, n) => w.files_bad_many(bad, n),
        };
        let warnings = self.findings.len()
            - self
                .findings
                .iter()
                .filter(|(l, _)| *l == Level::Error)
                .count();
        if warnings == 1 {
            summary = w.with_warnings_one(summary, warnings);
        } else if warnings > 1 {
            summary = w.with_warnings_many(summary, warnings);
        }
        text.push_str(&wrapped(&summary, width));
        text
    }
}

/// `text` wrapped at `width`, each line ended.
fn wrapped(text: &str, width: usize) -> String {
    let mut text = wrap::wrap(text, width).join("\n");
    text.push('\n');
    text
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

/// The line as the terminal shows it (a tab as one space), and the columns before the
/// characters from `column` on and under `count` of them (at least 1): a Chinese character
/// takes two.
fn on_screen(line: &str, column: usize, count: usize) -> (String, usize, usize) {
    let line = line.replace('\t', " ");
    let chars: Vec<char> = line.chars().collect();
    let start = column.saturating_sub(1).min(chars.len());
    let end = (start + count).min(chars.len());
    let width = |chars: &[char]| wrap::width(&chars.iter().collect::<String>());
    let (before, under) = (width(&chars[..start]), width(&chars[start..end]));
    (line, before, under.max(1))
}

#[cfg(test)]
mod tests {
    use super::{on_screen, window};

    #[test]
    fn carets_stand_under_wide_characters_and_tabs() {
        // name = "蝴蝶蝴蝶": the value from column 8, six characters over ten columns.
        let (line, before, under) = on_screen("name = \"蝴蝶蝴蝶\"", 8, 6);
        assert_eq!(
            (line.as_str(), before, under),
            ("name = \"蝴蝶蝴蝶\"", 7, 10)
        );
        let (line, before, under) = on_screen("名字\t= 1", 4, 1);
        assert_eq!((line.as_str(), before, under), ("名字 = 1", 5, 1));
        assert_eq!(on_screen("a = 1", 6, 1), ("a = 1".to_owned(), 5, 1));
    }

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
