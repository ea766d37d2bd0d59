//! The settings file, `$XDG_CONFIG_HOME/weizhong/config.toml` (beside the user's own content):
//! what a person would otherwise type every time. Read once at start; a key that is unknown or
//! has a bad value is one warning naming its place, and every other key still applies.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::cli::{ColorWhen, View};
use crate::content::{ContentError, Lookup, Source, Times, Unreadable, read_text, rules};
use crate::words::{Lang, Words};

/// The file's name in the config folder.
pub const FILE_NAME: &str = "config.toml";

/// The largest settings file read: a few lines are all it needs.
const MAX_BYTES: u64 = 64 * 1024;

/// Every setting, `None` where the file does not give it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    pub lang: Option<Lang>,
    pub color: Option<ColorWhen>,
    pub width: Option<u16>,
    pub voice: Option<bool>,
    pub speech_command: Option<String>,
    pub bell: Option<bool>,
    pub view: Option<View>,
    pub routine: Option<String>,
    pub get_ready_seconds: Option<u32>,
    pub rest_seconds: Option<u32>,
}

impl Settings {
    /// The times that replace every stretch's own.
    pub fn times(&self) -> Times {
        Times {
            get_ready_seconds: self.get_ready_seconds,
            rest_seconds: self.rest_seconds,
        }
    }
}

/// The keys, in the order `weizhong config` lists them.
pub const KEYS: [&str; 10] = [
    "lang",
    "color",
    "width",
    "voice",
    "speech_command",
    "bell",
    "view",
    "routine",
    "get_ready_seconds",
    "rest_seconds",
];

/// What is wrong with a key, or with the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A key that is no setting.
    Unknown(String),
    /// A value out of a key's range or of the wrong kind.
    Bad(&'static str),
    /// The routine named is none, or could be more than one.
    Routine(Lookup),
    /// The file is not TOML: the parser's words.
    Syntax(String),
    /// The file could not be read.
    Unreadable(Unreadable),
}

impl Problem {
    /// Whether it is the whole file's, so that none of its settings apply.
    pub fn is_the_files(&self) -> bool {
        matches!(self, Problem::Syntax(_) | Problem::Unreadable(_))
    }
}

/// A problem and where it is: the place's message is filled in by [`message`].
#[derive(Debug, Clone)]
pub struct Found {
    pub problem: Problem,
    pub place: ContentError,
}

/// The settings file as read: what applies, and what does not.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub settings: Settings,
    /// The file, if there is one.
    pub path: Option<PathBuf>,
    pub problems: Vec<Found>,
}

/// The settings file's path: in the config folder.
pub fn path(config_dir: Option<&Path>) -> Option<PathBuf> {
    config_dir.map(|dir| dir.join(FILE_NAME))
}

/// Reads the settings at `path`; no file is no settings.
pub fn load(path: Option<PathBuf>) -> Loaded {
    let Some(path) = path else {
        return Loaded::default();
    };
    let name = path.display().to_string();
    let text = match read_text(&path, MAX_BYTES) {
        Ok(text) => text,
        // No file is no settings; a link to no file is a problem.
        Err(Unreadable::Io(std::io::ErrorKind::NotFound, _))
            if path.symlink_metadata().is_err() =>
        {
            return Loaded::default();
        }
        Err(problem) => {
            return Loaded {
                problems: vec![Found {
                    problem: Problem::Unreadable(problem),
                    place: ContentError::file(&name, ""),
                }],
                path: Some(path),
                ..Loaded::default()
            };
        }
    };
    let source = Source {
        path: name,
        text: Cow::Owned(text),
    };
    let mut loaded = Loaded {
        path: Some(path),
        ..Loaded::default()
    };
    let table: toml::Table = match source.parse() {
        Ok(table) => table,
        Err(e) => {
            let problem = Problem::Syntax(e.message.clone());
            loaded.problems.push(Found { problem, place: e });
            return loaded;
        }
    };
    for (key, value) in &table {
        if let Err(problem) = apply(&mut loaded.settings, key, value) {
            let place = source.error_at_key(key, "");
            loaded.problems.push(Found { problem, place });
        }
    }
    loaded
}

/// The routine the settings file at `path` names, and why it names none, at its place.
pub fn routine_problem(path: &Path, lookup: Lookup) -> Found {
    Found {
        problem: Problem::Routine(lookup),
        place: key_place(path, "routine"),
    }
}

/// The place of `key` in the settings file at `path`, for a problem found once other files are
/// read (a routine named that is none of the user's).
fn key_place(path: &Path, key: &str) -> ContentError {
    let name = path.display().to_string();
    match read_text(path, MAX_BYTES) {
        Ok(text) => Source {
            path: name,
            text: Cow::Owned(text),
        }
        .error_at_key(key, ""),
        Err(_) => ContentError::file(&name, ""),
    }
}

/// Sets `key` from `value`, or says why it cannot.
fn apply(settings: &mut Settings, key: &str, value: &toml::Value) -> Result<(), Problem> {
    let text = value.as_str();
    let flag = value.as_bool().or(match text {
        Some("on") => Some(true),
        Some("off") => Some(false),
        _ => None,
    });
    let number = value.as_integer();
    let seconds = || {
        number
            .and_then(|n| u32::try_from(n).ok())
            .filter(|n| (1..=rules::MAX_NUMBER).contains(n))
    };
    let bad = || Problem::Bad(KEYS.iter().find(|k| **k == key).copied().unwrap_or(""));
    match key {
        "lang" => settings.lang = Some(choice(text).ok_or_else(bad)?),
        "color" => settings.color = Some(choice(text).ok_or_else(bad)?),
        "width" => {
            let width = number
                .and_then(|n| u16::try_from(n).ok())
                .filter(|n| (20..=1000).contains(n));
            settings.width = Some(width.ok_or_else(bad)?);
        }
        "voice" => settings.voice = Some(flag.ok_or_else(bad)?),
        "bell" => settings.bell = Some(flag.ok_or_else(bad)?),
        "speech_command" => {
            let command = text.filter(|t| !t.trim().is_empty());
            settings.speech_command = Some(command.ok_or_else(bad)?.to_owned());
        }
        "view" => settings.view = Some(choice(text).ok_or_else(bad)?),
        "routine" => {
            let id = text.filter(|t| !t.trim().is_empty());
            settings.routine = Some(id.ok_or_else(bad)?.to_owned());
        }
        "get_ready_seconds" => settings.get_ready_seconds = Some(seconds().ok_or_else(bad)?),
        "rest_seconds" => settings.rest_seconds = Some(seconds().ok_or_else(bad)?),
        _ => return Err(Problem::Unknown(key.to_owned())),
    }
    Ok(())
}

/// One of an option's values, spelt as on the command line.
fn choice<T: ValueEnum>(text: Option<&str>) -> Option<T> {
    T::from_str(text?, false).ok()
}

/// A problem in the user's words, with its place.
pub fn message(w: &Words, found: &Found) -> ContentError {
    let message = match &found.problem {
        Problem::Unknown(key) => w.setting_unknown(key, KEYS.join(", ")),
        Problem::Bad(key) => w.setting_bad(key, expected(w, key)),
        Problem::Routine(Lookup::Unknown { name, ids, .. }) => {
            w.setting_no_routine(name, ids.join(", "))
        }
        Problem::Routine(Lookup::Ambiguous { name, matches, .. }) => {
            w.setting_ambiguous_routine(name, matches.join(", "))
        }
        Problem::Syntax(problem) => w.settings_unreadable(problem),
        Problem::Unreadable(problem) => {
            let error = problem.error(&found.place.path, w);
            // The system's words, without the content files' "cannot read it" before them.
            let why = match problem {
                Unreadable::Io(_, said) => said.clone(),
                _ => error.message.clone(),
            };
            return ContentError {
                message: w.settings_unreadable(why),
                ..error
            };
        }
    };
    ContentError {
        message,
        ..found.place.clone()
    }
}

/// What a key takes, in words.
fn expected(w: &Words, key: &str) -> &'static str {
    match key {
        "lang" => w.setting_lang,
        "color" => w.setting_color,
        "width" => w.setting_width,
        "voice" | "bell" => w.setting_on_off,
        "view" => w.setting_view,
        "get_ready_seconds" | "rest_seconds" => w.setting_seconds,
        _ => w.setting_text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loaded(text: &str) -> Loaded {
        let dir = std::env::temp_dir().join(format!(
            "weizhong-settings-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(FILE_NAME);
        std::fs::write(&path, text).unwrap();
        let loaded = load(Some(path));
        let _ = std::fs::remove_dir_all(dir);
        loaded
    }

    #[test]
    fn every_key_is_read() {
        let text = "lang = \"zh\"\ncolor = \"never\"\nwidth = 72\nvoice = \"off\"\n\
            speech_command = \"say -r 180\"\nbell = false\nview = \"plain\"\n\
            routine = \"morning\"\nget_ready_seconds = 10\nrest_seconds = 8\n";
        let loaded = loaded(text);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(
            loaded.settings,
            Settings {
                lang: Some(Lang::Zh),
                color: Some(ColorWhen::Never),
                width: Some(72),
                voice: Some(false),
                speech_command: Some("say -r 180".to_owned()),
                bell: Some(false),
                view: Some(View::Plain),
                routine: Some("morning".to_owned()),
                get_ready_seconds: Some(10),
                rest_seconds: Some(8),
            }
        );
    }

    #[test]
    fn a_bad_key_is_one_problem_with_its_place_and_the_others_apply() {
        let loaded = loaded("width = 72\ncolour = \"never\"\nview = \"huge\"\nbell = true\n");
        assert_eq!(loaded.settings.width, Some(72));
        assert_eq!(loaded.settings.bell, Some(true));
        let places: Vec<(usize, usize, Problem)> = loaded
            .problems
            .iter()
            .map(|f| (f.place.line, f.place.column, f.problem.clone()))
            .collect();
        assert_eq!(
            places,
            [
                (2, 1, Problem::Unknown("colour".to_owned())),
                (3, 1, Problem::Bad("view")),
            ]
        );
        let said = message(&crate::words::EN, &loaded.problems[1]).to_string();
        assert!(
            said.ends_with(":3:1: view must be auto, big, line or plain"),
            "{said}"
        );
    }

    #[test]
    fn numbers_keep_their_ranges_and_a_broken_file_is_one_problem() {
        for bad in [
            "width = 5",
            "width = 100000",
            "rest_seconds = 0",
            "get_ready_seconds = 3601",
        ] {
            assert_eq!(loaded(bad).problems.len(), 1, "{bad}");
        }
        let broken = loaded("width = = 3\n");
        assert_eq!(broken.settings, Settings::default());
        assert_eq!(
            (
                broken.problems[0].place.line,
                broken.problems[0].place.column
            ),
            (1, 9)
        );
        assert!(load(None).problems.is_empty());
    }
}
