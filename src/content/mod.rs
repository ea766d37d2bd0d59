//! The guide's words: TOML files under `content/`, checked by build.rs and embedded for each
//! language, with a user's own files laid over them; parsed on demand into the typed model.

mod lookup;
mod model;
pub mod rules;
mod source;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::de::DeserializeOwned;

use crate::words::{Lang, Words};

pub use lookup::{Lookup, find};
pub use model::{About, Cause, Kind, Named, Origin, Relief, Routine, Safety, Stretch};
pub use source::{ContentError, Source, Unreadable, read_text};

/// The built-in files as build.rs checked them, as JSON: `en/` and `zh/`, each laid out like
/// `content/`, every Chinese file with its English twin's numbers and ids.
static BUILTIN: Dir<'static> = include_dir!("$OUT_DIR/content");

/// The folders a user's content directory may hold, one per kind of item.
pub const FOLDERS: [&str; 4] = ["causes", "stretches", "relief", "routines"];

/// Where a user's own files are: whole content directories, and single files (each in a folder
/// named for its kind).
#[derive(Debug, Clone, Default)]
pub struct UserFiles {
    pub roots: Vec<PathBuf>,
    pub files: Vec<PathBuf>,
}

/// Times that replace every stretch's own (the settings file's): to get into position, and to
/// rest between holds.
#[derive(Debug, Clone, Copy, Default)]
pub struct Times {
    pub get_ready_seconds: Option<u32>,
    pub rest_seconds: Option<u32>,
}

impl Times {
    fn is_set(self) -> bool {
        self.get_ready_seconds.is_some() || self.rest_seconds.is_some()
    }

    fn apply(self, stretch: &mut Stretch) {
        if let Some(seconds) = self.get_ready_seconds {
            stretch.get_ready_seconds = seconds;
        }
        if let Some(seconds) = self.rest_seconds {
            stretch.rest_seconds = seconds;
        }
    }
}

/// The built-in content in one language and the user's, read on demand. A broken user file is
/// skipped with a warning.
pub struct Library {
    lang: Lang,
    words: &'static Words,
    user: UserFiles,
    times: Times,
    warnings: RefCell<Vec<ContentError>>,
    user_files_read: RefCell<Vec<PathBuf>>,
}

impl Library {
    /// The built-in content in `lang` with the user's files laid over it.
    pub fn new(lang: Lang, user: UserFiles) -> Self {
        Self {
            lang,
            words: lang.words(),
            user,
            times: Times::default(),
            warnings: RefCell::new(Vec::new()),
            user_files_read: RefCell::new(Vec::new()),
        }
    }

    /// The same, with `times` in place of every stretch's own; a user's stretch or routine that
    /// then breaks a rule (takes over a day) is skipped with a warning.
    pub fn with_times(self, times: Times) -> Self {
        Self { times, ..self }
    }

    /// The guide's own content alone, in English.
    #[cfg(test)]
    pub fn builtin() -> Self {
        Self::new(Lang::En, UserFiles::default())
    }

    /// The same content with its texts in Chinese, to find items by their Chinese names.
    pub fn in_chinese(&self) -> Self {
        Self::new(Lang::Zh, self.user.clone()).with_times(self.times)
    }

    /// The user's files that could not be used so far, each once.
    pub fn take_warnings(&self) -> Vec<ContentError> {
        let mut warnings = self.warnings.take();
        let mut seen = Vec::new();
        warnings.retain(|w| {
            let new = !seen.contains(&w.path);
            seen.push(w.path.clone());
            new
        });
        warnings
    }

    /// The user's files read so far.
    pub fn user_files_read(&self) -> Vec<PathBuf> {
        let mut files = self.user_files_read.borrow().clone();
        files.sort();
        files.dedup();
        files
    }

    pub fn about(&self) -> Result<About, ContentError> {
        builtin_file(self.lang, "about.json")
    }

    pub fn safety(&self) -> Result<Safety, ContentError> {
        builtin_file(self.lang, "safety.json")
    }

    pub fn causes(&self) -> Result<Vec<Cause>, ContentError> {
        self.items("causes", |_| {}, rules::order)
    }

    pub fn relief(&self) -> Result<Vec<Relief>, ContentError> {
        self.items("relief", |_| {}, rules::order)
    }

    /// The stretches, with the library's times in place of their own.
    pub fn stretches(&self) -> Result<Vec<Stretch>, ContentError> {
        self.items(
            "stretches",
            |s| self.times.apply(s),
            |s| rules::order(s).and_then(|()| rules::stretch(s)),
        )
    }

    /// The item `name` means among `items` (see [`find`]), or why none is. Chinese names match
    /// in English too: a name that is not ASCII and matches nothing is looked up among the
    /// Chinese items (`chinese` reads them from a library), and the item with the same id is the
    /// one meant.
    pub fn find<'a, T: Named>(
        &self,
        items: &'a [T],
        name: &str,
        chinese: impl FnOnce(&Library) -> Result<Vec<T>, ContentError>,
    ) -> Result<Result<&'a T, Lookup>, ContentError> {
        let lookup = match find(items, name) {
            Ok(item) => return Ok(Ok(item)),
            Err(lookup) => lookup,
        };
        if name.is_ascii() || self.lang == Lang::Zh {
            return Ok(Err(lookup));
        }
        let twins = chinese(&self.in_chinese())?;
        let twin = find(&twins, name).ok();
        let item = twin.and_then(|twin| items.iter().find(|i| i.id() == twin.id()));
        Ok(item.ok_or(lookup))
    }

    /// The routine `name` means among `routines`, as [`Library::find`] finds it.
    pub fn find_routine<'a>(
        &self,
        routines: &'a [Routine],
        name: &str,
    ) -> Result<Result<&'a Routine, Lookup>, ContentError> {
        self.find(routines, name, |l| l.routines(&l.stretches()?))
    }

    /// The routines, each naming only stretches in `stretches`.
    pub fn routines(&self, stretches: &[Stretch]) -> Result<Vec<Routine>, ContentError> {
        self.items("routines", |_| {}, |r| rules::routine(r, stretches))
    }

    /// Every item of one folder, built-in then the user's, in order, each `adjust`ed; a user's
    /// file with a built-in id replaces that item. In a translation, each built-in item answers
    /// to its English names too.
    fn items<T: DeserializeOwned + Named>(
        &self,
        folder: &str,
        adjust: impl Fn(&mut T),
        rule: impl Fn(&T) -> Result<(), rules::Broken>,
    ) -> Result<Vec<T>, ContentError> {
        let mut items: Vec<T> = builtin_items(self.lang, folder)?;
        items.iter_mut().for_each(&adjust);
        if self.lang != Lang::En {
            let english: Vec<T> = builtin_items(Lang::En, folder)?;
            for (item, english) in items.iter_mut().zip(&english) {
                item.add_aliases(english.aliases());
            }
        }
        for path in self.user_folder(folder) {
            self.user_files_read.borrow_mut().push(path.clone());
            match self.user_item(&path, &items, &adjust, &rule) {
                Ok(item) => match items.iter().position(|o| o.id() == item.id()) {
                    Some(i) => items[i] = item,
                    None => items.push(item),
                },
                Err(e) => self.warn(e),
            }
        }
        items.sort_by_key(|i| (i.order(), i.origin()));
        Ok(items)
    }

    /// A user's file as an item, or why it cannot be one.
    fn user_item<T: DeserializeOwned + Named>(
        &self,
        path: &Path,
        items: &[T],
        adjust: &impl Fn(&mut T),
        rule: &impl Fn(&T) -> Result<(), rules::Broken>,
    ) -> Result<T, ContentError> {
        let w = self.words;
        let source = Source::read(path, w)?;
        let Some(id) = file_id(path) else {
            return Err(ContentError::file(&source.path, w.file_name_not_id));
        };
        let mut item: T = source.parse()?;
        item.identify(id, Origin::User);
        let others: Vec<&T> = items.iter().filter(|o| o.id() != item.id()).collect();
        let check = |item: &T| rule(item).and_then(|()| rules::unique_names(&others, item));
        let refuse = |broken: rules::Broken, settings: bool| {
            let mut message = problem(w, &broken.problem);
            if settings {
                message = w.with_settings_times(message);
            }
            source.error_for(&broken.near, message)
        };
        // With its own numbers first, so that what they break is told as the file's alone. (A
        // routine's total is counted with the stretches as they are given, settings and all.)
        check(&item).map_err(|broken| {
            let routine = matches!(broken.problem, rules::Problem::RoutineTooLong { .. });
            refuse(broken, routine && self.times.is_set())
        })?;
        // Then with the settings' times, which may make a stretch too long.
        if self.times.is_set() {
            adjust(&mut item);
            check(&item).map_err(|broken| refuse(broken, true))?;
        }
        Ok(item)
    }

    /// The user's `.toml` files for one folder, sorted by path. Hidden files (an editor's lock
    /// files, `.#calf.toml`) are not the user's content.
    fn user_folder(&self, folder: &str) -> Vec<PathBuf> {
        let mut paths = Vec::new();
        for root in &self.user.roots {
            let dir = root.join(folder);
            match std::fs::read_dir(&dir) {
                Ok(entries) => paths.extend(
                    entries
                        .filter_map(Result::ok)
                        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "toml")),
                ),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    let message = if dir.exists() && !dir.is_dir() {
                        self.words.file_not_folder.to_owned()
                    } else {
                        self.words.folder_unreadable(e)
                    };
                    self.warn(ContentError::file(&dir.display().to_string(), message));
                }
            }
        }
        paths.extend(
            self.user
                .files
                .iter()
                .filter(|p| folder_of(p).as_deref() == Some(folder))
                .cloned(),
        );
        paths.sort();
        paths.dedup();
        paths
    }

    fn warn(&self, error: ContentError) {
        self.warnings.borrow_mut().push(error);
    }
}

/// A built-in file, by its path in one language's folder.
fn builtin_file<T: DeserializeOwned>(lang: Lang, path: &str) -> Result<T, ContentError> {
    let path = format!("{}/{path}", lang.code());
    let file = BUILTIN
        .get_file(&path)
        .ok_or_else(|| ContentError::file(&path, "missing file"))?;
    builtin(file)
}

/// A built-in file as the item it holds; build.rs has checked that it is one.
fn builtin<T: DeserializeOwned>(file: &include_dir::File) -> Result<T, ContentError> {
    serde_json::from_slice(file.contents())
        .map_err(|e| ContentError::file(&file.path().to_string_lossy(), e.to_string()))
}

/// The built-in items of one folder in one language, in the order of their file names.
fn builtin_items<T: DeserializeOwned + Named>(
    lang: Lang,
    folder: &str,
) -> Result<Vec<T>, ContentError> {
    let Some(dir) = BUILTIN.get_dir(format!("{}/{folder}", lang.code())) else {
        return Ok(Vec::new());
    };
    let mut files: Vec<_> = dir.files().collect();
    files.sort_by_key(|f| f.path());
    files
        .into_iter()
        .map(|file| {
            let mut item: T = builtin(file)?;
            let id = file
                .path()
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy();
            item.identify(id.into_owned(), Origin::Builtin);
            Ok(item)
        })
        .collect()
}

/// A broken rule, in the user's words.
fn problem(w: &Words, problem: &rules::Problem) -> String {
    use rules::Problem;
    match problem {
        Problem::TooSmall { field } => w.too_small(field),
        Problem::TooLarge { field } => w.too_large(field),
        Problem::StretchTooLong { seconds } => {
            w.stretch_too_long(w.duration(*seconds), w.duration(rules::MAX_TOTAL_SECONDS))
        }
        Problem::NoSteps => w.no_steps.to_owned(),
        Problem::NoStretches => w.no_stretches.to_owned(),
        Problem::TooManyStretches { count } => {
            w.too_many_stretches(count, rules::MAX_ROUTINE_STRETCHES)
        }
        Problem::RoutineTooLong { seconds } => {
            w.routine_too_long(w.duration(*seconds), w.duration(rules::MAX_TOTAL_SECONDS))
        }
        Problem::UnknownStretch { id, known } => w.no_stretch_id(id, known.join(", ")),
        Problem::NameTaken { name, other } => w.name_taken(name, other),
        Problem::PictureTooWide { columns } => w.picture_too_wide(rules::PICTURE_COLUMNS, columns),
        Problem::PictureTooTall { rows } => w.picture_too_tall(rules::PICTURE_ROWS, rows),
        Problem::PictureControl => w.picture_control.to_owned(),
    }
}

/// The id a file gives its item: its name without `.toml`, in lower case letters, digits and
/// hyphens.
fn file_id(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let ok = path.extension().is_some_and(|e| e == "toml")
        && !stem.is_empty()
        && stem
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    ok.then(|| stem.to_owned())
}

/// The name of the folder a file is in, if it is one of [`FOLDERS`].
pub fn folder_of(path: &Path) -> Option<String> {
    let folder = path.parent()?.file_name()?.to_str()?;
    FOLDERS.contains(&folder).then(|| folder.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Loads every kind of item, failing with the broken file's place; the stretches are kept.
    fn load_all(library: &Library) -> Vec<Stretch> {
        library.about().unwrap_or_else(|e| panic!("{e}"));
        library.safety().unwrap_or_else(|e| panic!("{e}"));
        library.causes().unwrap_or_else(|e| panic!("{e}"));
        library.relief().unwrap_or_else(|e| panic!("{e}"));
        let stretches = library.stretches().unwrap_or_else(|e| panic!("{e}"));
        library
            .routines(&stretches)
            .unwrap_or_else(|e| panic!("{e}"));
        stretches
    }

    #[test]
    fn every_embedded_file_loads_in_every_language() {
        load_all(&Library::builtin());
        load_all(&Library::builtin().in_chinese());
    }

    #[test]
    fn every_chinese_file_loads_and_keeps_the_english_numbers() {
        let english = Library::builtin();
        let stretches = load_all(&english.in_chinese());
        let numbers = |s: &Stretch| {
            (
                s.id.clone(),
                s.hold_seconds,
                s.reps,
                s.each_side,
                s.rest_seconds,
            )
        };
        let en: Vec<_> = english.stretches().unwrap().iter().map(numbers).collect();
        let zh: Vec<_> = stretches.iter().map(numbers).collect();
        assert_eq!(en, zh);
        assert_eq!(stretches[1].name, "蝴蝶式伸展");
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

    fn file(text: &str) -> Source {
        Source {
            path: "content/stretches/x.toml".into(),
            text: std::borrow::Cow::Owned(text.to_owned()),
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
        let text = std::str::from_utf8(include_bytes!("../../content/stretches/butterfly.toml"))
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
