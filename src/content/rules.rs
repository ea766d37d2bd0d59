//! The rules a content file keeps beyond its shape, the same for the guide's own files and for a
//! user's. build.rs applies them to the built-in files, so this module knows nothing of the
//! words a user reads: a broken rule is a [`Problem`] and the text in the file to point at, and
//! the caller says it in the user's language.

use std::fmt;

use unicode_width::UnicodeWidthStr;

use super::model::{Named, Routine, Stretch};

/// The most any one number of a stretch may be: an hour of seconds, or as many repetitions.
pub const MAX_NUMBER: u32 = 3600;

/// The largest picture: it must fit beside the steps on an 80-column page.
pub const PICTURE_COLUMNS: usize = 40;
pub const PICTURE_ROWS: usize = 12;

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A number of a stretch is 0.
    TooSmall { field: &'static str },
    /// A number of a stretch is over [`MAX_NUMBER`].
    TooLarge { field: &'static str },
    /// A stretch without steps.
    NoSteps,
    /// A routine without stretches.
    NoStretches,
    /// A routine names a stretch there is not.
    UnknownStretch { id: String, known: Vec<String> },
    /// A spelling of the item already names another item.
    NameTaken { name: String, other: String },
    /// A line of a picture wider than [`PICTURE_COLUMNS`].
    PictureTooWide { columns: usize },
    /// A picture of more than [`PICTURE_ROWS`] rows.
    PictureTooTall { rows: usize },
    /// A tab or another control character in a picture, which would draw it askew.
    PictureControl,
}

/// A broken rule, and the text in the file to point at: a field's name or a value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub problem: Problem,
    pub near: String,
}

fn broken(problem: Problem, near: impl Into<String>) -> Broken {
    Broken {
        problem,
        near: near.into(),
    }
}

/// Every number is from 1 to [`MAX_NUMBER`], and there is at least one step.
pub fn stretch(stretch: &Stretch) -> Result<(), Broken> {
    for (field, value) in [
        ("hold_seconds", stretch.hold_seconds),
        ("reps", stretch.reps),
        ("rest_seconds", stretch.rest_seconds),
        ("get_ready_seconds", stretch.get_ready_seconds),
    ] {
        if value == 0 {
            return Err(broken(Problem::TooSmall { field }, field));
        }
        if value > MAX_NUMBER {
            return Err(broken(Problem::TooLarge { field }, field));
        }
    }
    if stretch.steps.is_empty() {
        return Err(broken(Problem::NoSteps, "steps"));
    }
    match &stretch.picture {
        Some(art) => picture(art),
        None => Ok(()),
    }
}

/// A picture fits in [`PICTURE_COLUMNS`] × [`PICTURE_ROWS`] and holds no control character;
/// the place to point at is the first line that breaks the rule.
pub fn picture(art: &str) -> Result<(), Broken> {
    let lines: Vec<&str> = art.trim_matches('\n').lines().collect();
    if let Some(line) = lines.iter().find(|l| l.chars().any(char::is_control)) {
        return Err(broken(Problem::PictureControl, *line));
    }
    if let Some(line) = lines.iter().find(|l| l.width() > PICTURE_COLUMNS) {
        let columns = line.width();
        return Err(broken(Problem::PictureTooWide { columns }, *line));
    }
    if lines.len() > PICTURE_ROWS {
        let rows = lines.len();
        return Err(broken(
            Problem::PictureTooTall { rows },
            lines[PICTURE_ROWS],
        ));
    }
    Ok(())
}

/// A routine names at least one stretch, and only stretches in `stretches`.
pub fn routine(routine: &Routine, stretches: &[Stretch]) -> Result<(), Broken> {
    if routine.stretches.is_empty() {
        return Err(broken(Problem::NoStretches, "stretches"));
    }
    for id in &routine.stretches {
        if !stretches.iter().any(|s| &s.id == id) {
            let known = stretches.iter().map(|s| s.id.clone()).collect();
            let near = format!("\"{id}\"");
            return Err(broken(
                Problem::UnknownStretch {
                    id: id.clone(),
                    known,
                },
                near,
            ));
        }
    }
    Ok(())
}

/// No spelling of `item` already names one of `others`.
pub fn unique_names<T: Named>(others: &[&T], item: &T) -> Result<(), Broken> {
    let others: Vec<(&T, Vec<String>)> = others.iter().map(|o| (*o, o.keys())).collect();
    for key in item.keys() {
        if let Some((other, _)) = others.iter().find(|(_, keys)| keys.contains(&key)) {
            let problem = Problem::NameTaken {
                name: key.clone(),
                other: other.id().to_owned(),
            };
            return Err(broken(problem, key));
        }
    }
    Ok(())
}

/// In English, for the build's own errors; a user reads these in their language.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::TooSmall { field } => write!(f, "{field} must be at least 1"),
            Problem::TooLarge { field } => write!(f, "{field} must be at most {MAX_NUMBER}"),
            Problem::NoSteps => write!(f, "a stretch has at least one step"),
            Problem::NoStretches => write!(f, "a routine names at least one stretch"),
            Problem::UnknownStretch { id, known } => write!(
                f,
                "no stretch has the id '{id}' (the stretches are {})",
                known.join(", ")
            ),
            Problem::NameTaken { name, other } => write!(f, "'{name}' already names '{other}'"),
            Problem::PictureTooWide { columns } => write!(
                f,
                "a picture is at most {PICTURE_COLUMNS} columns wide; this line is {columns}"
            ),
            Problem::PictureTooTall { rows } => write!(
                f,
                "a picture is at most {PICTURE_ROWS} rows high; this one is {rows}"
            ),
            Problem::PictureControl => {
                write!(f, "a picture holds no tab or other control character")
            }
        }
    }
}
