//! The rules a content file keeps beyond its shape, the same for the guide's own files and for a
//! user's. build.rs applies them to the built-in files, so this module knows nothing of the
//! words a user reads: a broken rule is a [`Problem`] and where in the file it is, and the caller
//! says it in the user's language.

use std::fmt;
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::model::{Named, Routine, Stretch};

/// The most any one number of a stretch may be: an hour of seconds, or as many repetitions.
pub const MAX_NUMBER: u32 = 3600;

/// The longest a stretch or a routine may take, get-ready and rests included: a day.
pub const MAX_TOTAL_SECONDS: u64 = 24 * 3600;

/// The most stretches a routine may name.
pub const MAX_ROUTINE_STRETCHES: usize = 100;

/// The largest picture: it must fit beside the steps on an 80-column page.
pub const PICTURE_COLUMNS: usize = 40;
pub const PICTURE_ROWS: usize = 12;

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A number is 0.
    TooSmall { field: &'static str },
    /// A number of a stretch is over [`MAX_NUMBER`].
    TooLarge { field: &'static str },
    /// A stretch takes longer than [`MAX_TOTAL_SECONDS`].
    StretchTooLong { seconds: u64 },
    /// A stretch without steps.
    NoSteps,
    /// A routine without stretches.
    NoStretches,
    /// A routine names more than [`MAX_ROUTINE_STRETCHES`] stretches.
    TooManyStretches { count: usize },
    /// A routine takes longer than [`MAX_TOTAL_SECONDS`].
    RoutineTooLong { seconds: u64 },
    /// A routine names a stretch there is not.
    UnknownStretch { id: String, known: Vec<String> },
    /// A spelling of the item, as written, already names another item.
    NameTaken { name: String, other: String },
    /// A line of a picture wider than [`PICTURE_COLUMNS`].
    PictureTooWide { columns: usize },
    /// A picture of more than [`PICTURE_ROWS`] rows.
    PictureTooTall { rows: usize },
    /// A tab or another control character in a picture, which would draw it askew.
    PictureControl,
}

/// Where in its file a broken rule is to be pointed at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Near {
    /// A field's value.
    Value(&'static str),
    /// One item of a list, counted from 0.
    Item(&'static str, usize),
    /// One line of a text written over several lines, counted from 0.
    Line(&'static str, usize),
    /// Nowhere in it: the file's name.
    File,
}

/// A broken rule, and where in the file it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub problem: Problem,
    pub near: Near,
}

fn broken(problem: Problem, near: Near) -> Broken {
    Broken { problem, near }
}

/// The bytes of `text`, a TOML file, that `near` points at, if it is written there.
pub fn span(text: &str, near: &Near) -> Option<Range<usize>> {
    let (Near::Value(field) | Near::Item(field, _) | Near::Line(field, _)) = near else {
        return None;
    };
    let table = toml::de::DeTable::parse(text).ok()?;
    let value = table.get_ref().get(*field)?;
    match near {
        Near::Value(_) => Some(value.span()),
        Near::Item(_, i) => Some(value.get_ref().as_array()?.get(*i)?.span()),
        Near::Line(_, i) => {
            // After the opening quotes and the line break that follows them, which TOML drops.
            let span = value.span();
            let written = &text[span.clone()];
            let first = written.find('\n').map_or(0, |n| n + 1);
            let mut start = span.start + first;
            for _ in 0..*i {
                start += text[start..span.end].find('\n')? + 1;
            }
            let end = text[start..span.end]
                .find('\n')
                .map_or(span.end, |n| start + n);
            Some(start..end)
        }
        Near::File => None,
    }
}

/// An item listed in order has an order of at least 1.
pub fn order<T: Named>(item: &T) -> Result<(), Broken> {
    match item.order() {
        Some(0) => Err(broken(
            Problem::TooSmall { field: "order" },
            Near::Value("order"),
        )),
        _ => Ok(()),
    }
}

/// Every number is from 1 to [`MAX_NUMBER`], there is at least one step, and the whole
/// stretch takes at most [`MAX_TOTAL_SECONDS`].
pub fn stretch(stretch: &Stretch) -> Result<(), Broken> {
    for (field, value) in [
        ("hold_seconds", stretch.hold_seconds),
        ("reps", stretch.reps),
        ("rest_seconds", stretch.rest_seconds),
        ("get_ready_seconds", stretch.get_ready_seconds),
    ] {
        if value == 0 {
            return Err(broken(Problem::TooSmall { field }, Near::Value(field)));
        }
        if value > MAX_NUMBER {
            return Err(broken(Problem::TooLarge { field }, Near::Value(field)));
        }
    }
    if stretch.steps.is_empty() {
        return Err(broken(Problem::NoSteps, Near::Value("steps")));
    }
    let seconds = stretch_seconds(stretch);
    if seconds > MAX_TOTAL_SECONDS {
        // Only many repetitions make a day: one of each number is at most four hours.
        return Err(broken(
            Problem::StretchTooLong { seconds },
            Near::Value("reps"),
        ));
    }
    match &stretch.picture {
        Some(art) => picture("picture", art),
        None => Ok(()),
    }
}

/// A picture (the value of `field`) fits in [`PICTURE_COLUMNS`] × [`PICTURE_ROWS`] and holds
/// no control character; the place to point at is the first line that breaks the rule.
pub fn picture(field: &'static str, art: &str) -> Result<(), Broken> {
    let lines: Vec<&str> = art.lines().collect();
    if let Some(i) = lines.iter().position(|l| l.chars().any(char::is_control)) {
        return Err(broken(Problem::PictureControl, Near::Line(field, i)));
    }
    if let Some(i) = lines.iter().position(|l| l.width() > PICTURE_COLUMNS) {
        let columns = lines[i].width();
        return Err(broken(
            Problem::PictureTooWide { columns },
            Near::Line(field, i),
        ));
    }
    let rows = art.trim_matches('\n').lines().count();
    if rows > PICTURE_ROWS {
        let last = lines.len().saturating_sub(1);
        return Err(broken(
            Problem::PictureTooTall { rows },
            Near::Line(field, last),
        ));
    }
    Ok(())
}

/// How long a stretch takes: on each side, getting ready, the holds and the rests between them.
/// Counted in 64 bits and saturating, so that no numbers make it wrap.
pub fn stretch_seconds(stretch: &Stretch) -> u64 {
    let sides: u64 = if stretch.each_side { 2 } else { 1 };
    let reps = u64::from(stretch.reps);
    let side = u64::from(stretch.get_ready_seconds)
        .saturating_add(reps.saturating_mul(u64::from(stretch.hold_seconds)))
        .saturating_add(
            reps.saturating_sub(1)
                .saturating_mul(u64::from(stretch.rest_seconds)),
        );
    sides.saturating_mul(side)
}

/// A routine names from one to [`MAX_ROUTINE_STRETCHES`] stretches, only stretches in
/// `stretches`, and takes at most [`MAX_TOTAL_SECONDS`] in all.
pub fn routine(routine: &Routine, stretches: &[Stretch]) -> Result<(), Broken> {
    let count = routine.stretches.len();
    if count == 0 {
        return Err(broken(Problem::NoStretches, Near::Value("stretches")));
    }
    if count > MAX_ROUTINE_STRETCHES {
        return Err(broken(
            Problem::TooManyStretches { count },
            Near::Item("stretches", MAX_ROUTINE_STRETCHES),
        ));
    }
    let mut seconds: u64 = 0;
    let mut passed = None;
    for (i, id) in routine.stretches.iter().enumerate() {
        let Some(stretch) = stretches.iter().find(|s| &s.id == id) else {
            let known = stretches.iter().map(|s| s.id.clone()).collect();
            let problem = Problem::UnknownStretch {
                id: id.clone(),
                known,
            };
            return Err(broken(problem, Near::Item("stretches", i)));
        };
        seconds = seconds.saturating_add(stretch_seconds(stretch));
        if seconds > MAX_TOTAL_SECONDS && passed.is_none() {
            passed = Some(i);
        }
    }
    match passed {
        Some(i) => Err(broken(
            Problem::RoutineTooLong { seconds },
            Near::Item("stretches", i),
        )),
        None => Ok(()),
    }
}

/// How long a routine takes, its stretch ids looked up in `stretches`; without building its
/// phases, so a long routine costs no more than its list.
pub fn routine_seconds(routine: &Routine, stretches: &[Stretch]) -> u64 {
    routine
        .stretches
        .iter()
        .filter_map(|id| stretches.iter().find(|s| &s.id == id))
        .map(stretch_seconds)
        .fold(0, u64::saturating_add)
}

/// No spelling of `item` already names one of `others`.
pub fn unique_names<T: Named>(others: &[&T], item: &T) -> Result<(), Broken> {
    let others: Vec<(&T, Vec<String>)> = others.iter().map(|o| (*o, o.keys())).collect();
    let spellings = std::iter::once((item.id(), Near::File))
        .chain(
            item.aliases()
                .iter()
                .enumerate()
                .map(|(i, alias)| (alias.as_str(), Near::Item("aliases", i))),
        )
        .chain(std::iter::once((item.name(), Near::Value("name"))));
    for (spelling, near) in spellings {
        let key = super::model::normalise(spelling);
        if let Some((other, _)) = others.iter().find(|(_, keys)| keys.contains(&key)) {
            let problem = Problem::NameTaken {
                name: spelling.to_owned(),
                other: other.id().to_owned(),
            };
            return Err(broken(problem, near));
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
            Problem::StretchTooLong { seconds } => write!(
                f,
                "the stretch takes {seconds} s in all; a stretch takes at most {MAX_TOTAL_SECONDS} s"
            ),
            Problem::NoSteps => write!(f, "a stretch has at least one step"),
            Problem::NoStretches => write!(f, "a routine names at least one stretch"),
            Problem::TooManyStretches { count } => write!(
                f,
                "the routine names {count} stretches; a routine names at most \
                 {MAX_ROUTINE_STRETCHES}"
            ),
            Problem::RoutineTooLong { seconds } => write!(
                f,
                "the routine takes {seconds} s in all, and passes {MAX_TOTAL_SECONDS} s here; a \
                 routine takes at most {MAX_TOTAL_SECONDS} s"
            ),
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
