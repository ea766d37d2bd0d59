//! The guide's words: TOML files under `content/`, embedded at build time, parsed on demand
//! into the typed model and checked.

mod lookup;
mod model;

use std::fmt;

use include_dir::{Dir, include_dir};
use serde::de::DeserializeOwned;

pub use lookup::{Lookup, Named, find};
pub use model::{About, Cause, Relief, Routine, Safety, Stretch};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// A content file that could not be read or does not fit the schema, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

impl std::error::Error for ContentError {}

/// A source text and its name, for errors that point into it.
struct File<'a> {
    path: String,
    text: &'a str,
}

impl File<'_> {
    fn error_at(&self, offset: usize, message: impl Into<String>) -> ContentError {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        ContentError {
            path: self.path.clone(),
            line,
            column: before[line_start..].chars().count() + 1,
            message: message.into(),
        }
    }

    /// An error pointing at the first place `needle` is written, or at the top of the file.
    fn error_near(&self, needle: &str, message: impl Into<String>) -> ContentError {
        self.error_at(self.text.find(needle).unwrap_or(0), message)
    }

    fn parse<T: DeserializeOwned>(&self) -> Result<T, ContentError> {
        toml::from_str(self.text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            self.error_at(offset, e.message().trim_end())
        })
    }
}

/// The embedded files, read on demand.
pub struct Library {
    dir: &'static Dir<'static>,
}

impl Library {
    /// The guide's own content, embedded in the binary.
    pub fn builtin() -> Self {
        Self { dir: &BUILTIN }
    }

    fn file(&self, path: &str) -> Result<File<'static>, ContentError> {
        let missing = |message: &str| ContentError {
            path: format!("content/{path}"),
            line: 1,
            column: 1,
            message: message.to_owned(),
        };
        let file = self
            .dir
            .get_file(path)
            .ok_or_else(|| missing("missing file"))?;
        let text = file
            .contents_utf8()
            .ok_or_else(|| missing("not valid UTF-8"))?;
        Ok(File {
            path: format!("content/{path}"),
            text,
        })
    }

    /// The files of one folder, sorted by name.
    fn folder(&self, folder: &str) -> Result<Vec<(String, File<'static>)>, ContentError> {
        let mut files = Vec::new();
        if let Some(dir) = self.dir.get_dir(folder) {
            for file in dir.files() {
                let path = file.path().to_string_lossy().into_owned();
                let Some(id) = path
                    .strip_prefix(&format!("{folder}/"))
                    .and_then(|name| name.strip_suffix(".toml"))
                else {
                    continue;
                };
                files.push((id.to_owned(), self.file(&path)?));
            }
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    }

    pub fn about(&self) -> Result<About, ContentError> {
        self.file("about.toml")?.parse()
    }

    pub fn safety(&self) -> Result<Safety, ContentError> {
        let file = self.file("safety.toml")?;
        let safety: Safety = file.parse()?;
        if safety.disclaimer.len() != 2 {
            return Err(file.error_near("disclaimer", "the disclaimer has exactly two lines"));
        }
        Ok(safety)
    }

    pub fn causes(&self) -> Result<Vec<Cause>, ContentError> {
        self.items("causes", |c: &mut Cause, id| c.id = id, |_, _| Ok(()))
    }

    pub fn relief(&self) -> Result<Vec<Relief>, ContentError> {
        self.items("relief", |r: &mut Relief, id| r.id = id, |_, _| Ok(()))
    }

    pub fn stretches(&self) -> Result<Vec<Stretch>, ContentError> {
        self.items("stretches", |s: &mut Stretch, id| s.id = id, check_stretch)
    }

    /// The routines, each naming only stretches in `stretches`.
    pub fn routines(&self, stretches: &[Stretch]) -> Result<Vec<Routine>, ContentError> {
        self.items(
            "routines",
            |r: &mut Routine, id| r.id = id,
            |routine, file| {
                if routine.stretches.is_empty() {
                    return Err(
                        file.error_near("stretches", "a routine names at least one stretch")
                    );
                }
                for name in &routine.stretches {
                    if !stretches.iter().any(|s| &s.id == name) {
                        return Err(file.error_near(
                            &format!("\"{name}\""),
                            format!("no stretch with the id '{name}'"),
                        ));
                    }
                }
                Ok(())
            },
        )
    }

    /// Every file of one folder, parsed, given its id, checked, unique and in order.
    fn items<T: DeserializeOwned + Named>(
        &self,
        folder: &str,
        set_id: impl Fn(&mut T, String),
        check: impl Fn(&T, &File) -> Result<(), ContentError>,
    ) -> Result<Vec<T>, ContentError> {
        let mut items: Vec<T> = Vec::new();
        for (id, file) in self.folder(folder)? {
            let mut item: T = file.parse()?;
            set_id(&mut item, id);
            check(&item, &file)?;
            for key in item.keys() {
                if let Some(other) = items.iter().find(|o| o.keys().contains(&key)) {
                    return Err(
                        file.error_near(&key, format!("'{key}' already names '{}'", other.id()))
                    );
                }
            }
            if let Some(order) = item.order() {
                if order == 0 {
                    return Err(file.error_near("order", "order starts at 1"));
                }
                if let Some(other) = items.iter().find(|o| o.order() == Some(order)) {
                    return Err(file.error_near(
                        "order",
                        format!("order {order} is already taken by '{}'", other.id()),
                    ));
                }
            }
            items.push(item);
        }
        items.sort_by_key(Named::order);
        Ok(items)
    }
}

fn check_stretch(stretch: &Stretch, file: &File) -> Result<(), ContentError> {
    for (field, value) in [
        ("hold_seconds", stretch.hold_seconds),
        ("reps", stretch.reps),
        ("rest_seconds", stretch.rest_seconds),
        ("get_ready_seconds", stretch.get_ready_seconds),
    ] {
        if value == 0 {
            return Err(file.error_near(field, format!("{field} must be at least 1")));
        }
    }
    if stretch.steps.is_empty() {
        return Err(file.error_near("steps", "a stretch has at least one step"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_file_loads_and_checks() {
        let library = Library::builtin();
        library.about().unwrap_or_else(|e| panic!("{e}"));
        library.safety().unwrap_or_else(|e| panic!("{e}"));
        library.causes().unwrap_or_else(|e| panic!("{e}"));
        library.relief().unwrap_or_else(|e| panic!("{e}"));
        let stretches = library.stretches().unwrap_or_else(|e| panic!("{e}"));
        library
            .routines(&stretches)
            .unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn every_embedded_file_is_read_by_some_loader() {
        let known = ["about.toml", "safety.toml"];
        let folders = ["causes", "stretches", "relief", "routines"];
        for file in BUILTIN.files() {
            let path = file.path().to_string_lossy();
            assert!(known.contains(&path.as_ref()), "stray file content/{path}");
        }
        for dir in BUILTIN.dirs() {
            let path = dir.path().to_string_lossy();
            assert!(
                folders.contains(&path.as_ref()),
                "stray folder content/{path}"
            );
            for file in dir.files() {
                let name = file.path().to_string_lossy();
                assert!(name.ends_with(".toml"), "not a .toml file: content/{name}");
            }
        }
    }

    #[test]
    fn the_articles_numbers_are_kept() {
        let stretches = Library::builtin().stretches().unwrap();
        let numbers: Vec<_> = stretches
            .iter()
            .map(|s| (s.id.as_str(), s.hold_seconds, s.reps, s.each_side))
            .collect();
        assert_eq!(
            numbers,
            [
                ("spiral-twist", 10, 3, true),
                ("butterfly", 8, 2, false),
                ("horizontal", 10, 4, false),
            ]
        );
    }

    #[test]
    fn the_articles_causes_are_in_its_order() {
        let causes = Library::builtin().causes().unwrap();
        let ids: Vec<_> = causes.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["fasciitis", "trauma", "calcium-deficiency"]);
        assert!(
            causes[2].evidence.is_some(),
            "calcium deficiency has its evidence note"
        );
    }

    #[test]
    fn the_bedtime_routine_names_the_three_stretches() {
        let library = Library::builtin();
        let stretches = library.stretches().unwrap();
        let routines = library.routines(&stretches).unwrap();
        let bed = routines.iter().find(|r| r.id == "before-bed").unwrap();
        assert_eq!(bed.stretches, ["spiral-twist", "butterfly", "horizontal"]);
    }

    fn file(text: &str) -> File<'_> {
        File {
            path: "content/stretches/x.toml".into(),
            text,
        }
    }

    #[test]
    fn a_syntax_error_names_file_line_and_column() {
        let err = file("name = \"x\"\norder = = 1\n")
            .parse::<Stretch>()
            .unwrap_err();
        assert_eq!(
            (err.path.as_str(), err.line, err.column),
            ("content/stretches/x.toml", 2, 9)
        );
    }

    #[test]
    fn an_unknown_field_is_pointed_at() {
        let text = std::str::from_utf8(
            BUILTIN
                .get_file("stretches/butterfly.toml")
                .unwrap()
                .contents(),
        )
        .unwrap()
        .replacen("reps =", "repetitions =", 1);
        let err = file(&text).parse::<Stretch>().unwrap_err();
        let line = text
            .lines()
            .position(|l| l.starts_with("repetitions"))
            .unwrap()
            + 1;
        assert_eq!((err.line, err.column), (line, 1));
        assert!(
            err.message.contains("unknown field `repetitions`"),
            "{}",
            err.message
        );
    }

    #[test]
    fn a_missing_field_is_named() {
        let err = file("order = 1\n").parse::<Stretch>().unwrap_err();
        assert!(err.message.contains("missing field"), "{}", err.message);
    }
}
