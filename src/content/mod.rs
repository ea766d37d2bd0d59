//! The guide's words: TOML files under `content/`, embedded at build time (with the JSON build.rs
//! makes of them, which is what is read), with a user's own files laid over them; parsed on
//! demand into the typed model and checked.

mod lookup;
mod model;
mod source;

use std::cell::RefCell;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::de::DeserializeOwned;

use crate::ui::{Lang, fill, ui};

pub use lookup::{Kind, Lookup, Named, find};
pub use model::{About, Cause, Origin, Relief, Routine, Safety, Stretch};
pub use source::{ContentError, Source};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/content");

/// The same files as JSON, made by build.rs (`JSON`).
mod prebuilt {
    include!(concat!(env!("OUT_DIR"), "/builtin.rs"));
}

/// A built-in file read from its JSON twin, if build.rs made one and it fits `T`; otherwise
/// `None`, and the TOML is read instead, for an error that points into it.
fn prebuilt<T: DeserializeOwned>(path: &str) -> Option<T> {
    let json = &prebuilt::JSON;
    let i = json.binary_search_by(|(p, _)| (*p).cmp(path)).ok()?;
    serde_json::from_str(json[i].1).ok()
}

include!("untranslated.rs");

/// A number, a truth value or a list of ids, written as TOML; anything else (no field in
/// [`UNTRANSLATED`] holds it) as an empty string, which the item's parser then refuses.
fn toml_value(value: &toml::Value) -> String {
    match value {
        toml::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(toml_value).collect();
            format!("[{}]", items.join(", "))
        }
        toml::Value::String(id) if id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') => {
            format!("\"{id}\"")
        }
        toml::Value::Integer(n) => n.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        _ => "\"\"".to_owned(),
    }
}

/// The folders a user's content directory may hold, one per kind of item.
pub const FOLDERS: [&str; 4] = ["causes", "stretches", "relief", "routines"];

/// Where a user's own files are: whole content directories, and single files (each in a folder
/// named for its kind).
#[derive(Debug, Clone, Default)]
pub struct UserFiles {
    pub roots: Vec<PathBuf>,
    pub files: Vec<PathBuf>,
}

/// The built-in content and the user's, read on demand. A broken user file is skipped with a
/// warning; a broken built-in file is an error.
pub struct Library {
    dir: &'static Dir<'static>,
    /// Whether built-in files are read from their JSON twins: always, but in the tests that
    /// compare the two, which read the TOML and also check built-in names against each other.
    prebuilt: bool,
    lang: Lang,
    user: UserFiles,
    warnings: RefCell<Vec<ContentError>>,
    user_files_read: RefCell<Vec<PathBuf>>,
}

impl Library {
    /// The guide's own content alone.
    #[cfg(test)]
    pub fn builtin() -> Self {
        Self::with_user(UserFiles::default())
    }

    /// The built-in content with the user's files laid over it.
    pub fn with_user(user: UserFiles) -> Self {
        Self {
            dir: &BUILTIN,
            prebuilt: true,
            lang: crate::ui::lang(),
            user,
            warnings: RefCell::new(Vec::new()),
            user_files_read: RefCell::new(Vec::new()),
        }
    }

    /// The same content with its texts in Chinese, to find items by their Chinese names.
    pub fn in_chinese(&self) -> Self {
        Self {
            lang: Lang::Zh,
            ..Self::with_user(self.user.clone())
        }
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

    fn embedded(&self, path: &str) -> Result<Source, ContentError> {
        let name = format!("content/{path}");
        let file = self
            .dir
            .get_file(path)
            .ok_or_else(|| ContentError::file(&name, "missing file"))?;
        Source::embedded(name, file.contents())
    }

    /// The embedded files of one folder, sorted by name: their ids, paths and bytes.
    fn embedded_folder(&self, folder: &str) -> Vec<(String, String, &'static [u8])> {
        let mut files = Vec::new();
        if let Some(dir) = self.dir.get_dir(folder) {
            for file in dir.files() {
                if let Some(id) = file_id(file.path()) {
                    let path = file.path().to_string_lossy().into_owned();
                    files.push((id, path, file.contents()));
                }
            }
        }
        files.sort();
        files
    }

    /// A built-in file (`source`, at `path` under `content/`) as an item, in the chosen
    /// language: for Chinese, the texts of `content/zh/<path>` with the English file's numbers
    /// and ids, which stay the only ones, and the English item too (its aliases still name it).
    fn translated<T: DeserializeOwned>(
        &self,
        source: Source,
        path: &str,
    ) -> Result<(T, Source, Option<T>), ContentError> {
        let fast = |path: &str| self.prebuilt.then(|| prebuilt(path)).flatten();
        let english: T = match fast(path) {
            Some(english) => english,
            None => source.parse()?,
        };
        if self.lang == Lang::En {
            return Ok((english, source, None));
        }
        let twin_path = format!("{}/{path}", self.lang.code());
        if let Some(item) = fast(&twin_path) {
            return Ok((item, source, Some(english)));
        }
        let twin = self.embedded(&twin_path)?;
        if let Some(key) = twin
            .parse::<toml::Table>()?
            .keys()
            .find(|k| UNTRANSLATED.contains(&k.as_str()))
        {
            return Err(twin.error_near(key, "numbers and ids live only in the English file"));
        }
        // The English numbers and ids, as TOML lines ahead of the Chinese texts: parsed by the
        // same code as an English file, so Chinese costs no second deserializer.
        let mut merged = String::new();
        for (key, value) in source.parse::<toml::Table>()? {
            if UNTRANSLATED.contains(&key.as_str()) {
                let _ = writeln!(merged, "{key} = {}", toml_value(&value));
            }
        }
        merged.push_str(&twin.text);
        let item = Source {
            path: twin.path.clone(),
            text: merged.into(),
        }
        .parse()?;
        Ok((item, source, Some(english)))
    }

    /// The user's `.toml` files for one folder, sorted by path.
    fn user_folder(&self, folder: &str) -> Vec<PathBuf> {
        let mut paths = Vec::new();
        for root in &self.user.roots {
            let dir = root.join(folder);
            match std::fs::read_dir(&dir) {
                Ok(entries) => paths.extend(
                    entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|e| e == "toml")),
                ),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => self.warn(ContentError::file(
                    &dir.display().to_string(),
                    fill(ui().folder_unreadable, &[("problem", &e)]),
                )),
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

    pub fn about(&self) -> Result<About, ContentError> {
        Ok(self
            .translated(self.embedded("about.toml")?, "about.toml")?
            .0)
    }

    pub fn safety(&self) -> Result<Safety, ContentError> {
        let (safety, source, _): (Safety, _, _) =
            self.translated(self.embedded("safety.toml")?, "safety.toml")?;
        if safety.disclaimer.len() != 2 {
            return Err(source.error_near("disclaimer", "the disclaimer has exactly two lines"));
        }
        Ok(safety)
    }

    pub fn causes(&self) -> Result<Vec<Cause>, ContentError> {
        self.items("causes", |_, _| Ok(()))
    }

    pub fn relief(&self) -> Result<Vec<Relief>, ContentError> {
        self.items("relief", |_, _| Ok(()))
    }

    pub fn stretches(&self) -> Result<Vec<Stretch>, ContentError> {
        self.items("stretches", check_stretch)
    }

    /// The routines, each naming only stretches in `stretches`.
    pub fn routines(&self, stretches: &[Stretch]) -> Result<Vec<Routine>, ContentError> {
        self.items("routines", |routine: &Routine, source| {
            if routine.stretches.is_empty() {
                return Err(source.error_near("stretches", ui().no_stretches));
            }
            for name in &routine.stretches {
                if !stretches.iter().any(|s| &s.id == name) {
                    let known: Vec<&str> = stretches.iter().map(|s| s.id.as_str()).collect();
                    return Err(source.error_near(
                        &format!("\"{name}\""),
                        fill(
                            ui().no_stretch_id,
                            &[("name", name), ("list", &known.join(", "))],
                        ),
                    ));
                }
            }
            Ok(())
        })
    }

    /// Every file of one folder, built-in then the user's, parsed, given its id, checked and in
    /// order; a user's file with a built-in id replaces that item.
    fn items<T: DeserializeOwned + Named>(
        &self,
        folder: &str,
        check: impl Fn(&T, &Source) -> Result<(), ContentError>,
    ) -> Result<Vec<T>, ContentError> {
        let mut items: Vec<T> = Vec::new();
        for (id, path, bytes) in self.embedded_folder(folder) {
            let source = Source::embedded(format!("content/{path}"), bytes)?;
            let (mut item, source, english): (T, _, _) = self.translated(source, &path)?;
            if let Some(english) = english {
                item.add_aliases(english.aliases());
            }
            item.identify(id, Origin::Builtin);
            check(&item, &source)?;
            // Built-in names that clash are looked for when the TOML is read, as the tests do;
            // the JSON is made from the same files at build time.
            if !self.prebuilt {
                check_unique(&items, &item, &source)?;
            }
            if let Some(order) = item.order() {
                if order == 0 {
                    return Err(source.error_near("order", "order starts at 1"));
                }
                if let Some(other) = items.iter().find(|o| o.order() == Some(order)) {
                    return Err(source.error_near(
                        "order",
                        format!("order {order} is already taken by '{}'", other.id()),
                    ));
                }
            }
            items.push(item);
        }
        for path in self.user_folder(folder) {
            self.user_files_read.borrow_mut().push(path.clone());
            match user_item(&path, &items, &check) {
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
}

/// A user's file as an item, or why it cannot be one.
fn user_item<T: DeserializeOwned + Named>(
    path: &Path,
    items: &[T],
    check: &impl Fn(&T, &Source) -> Result<(), ContentError>,
) -> Result<T, ContentError> {
    let source = Source::read(path)?;
    let Some(id) = file_id(path) else {
        return Err(ContentError::file(&source.path, ui().file_name_not_id));
    };
    let mut item: T = source.parse()?;
    item.identify(id, Origin::User);
    check(&item, &source)?;
    let others: Vec<&T> = items.iter().filter(|o| o.id() != item.id()).collect();
    check_unique(&others, &item, &source)?;
    Ok(item)
}

/// No spelling of `item` may already name another item.
fn check_unique<T: Named, O: std::borrow::Borrow<T>>(
    others: &[O],
    item: &T,
    source: &Source,
) -> Result<(), ContentError> {
    let others: Vec<(&T, Vec<String>)> = others
        .iter()
        .map(|o| (o.borrow(), o.borrow().keys()))
        .collect();
    for key in item.keys() {
        if let Some((other, _)) = others.iter().find(|(_, keys)| keys.contains(&key)) {
            let message = fill(ui().name_taken, &[("name", &key), ("other", &other.id())]);
            return Err(source.error_near(&key, message));
        }
    }
    Ok(())
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

fn check_stretch(stretch: &Stretch, source: &Source) -> Result<(), ContentError> {
    for (field, value) in [
        ("hold_seconds", stretch.hold_seconds),
        ("reps", stretch.reps),
        ("rest_seconds", stretch.rest_seconds),
        ("get_ready_seconds", stretch.get_ready_seconds),
    ] {
        if value == 0 {
            return Err(source.error_near(field, fill(ui().too_small, &[("field", &field)])));
        }
        if value > 3600 {
            return Err(source.error_near(field, fill(ui().too_large, &[("field", &field)])));
        }
    }
    if stretch.steps.is_empty() {
        return Err(source.error_near("steps", ui().no_steps));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every item of a library, as JSON values.
    fn everything(library: &Library) -> Vec<serde_json::Value> {
        fn value(item: impl serde::Serialize) -> serde_json::Value {
            serde_json::to_value(item).unwrap()
        }
        let stretches = library.stretches().unwrap();
        vec![
            value(library.about().unwrap()),
            value(library.safety().unwrap()),
            value(library.causes().unwrap()),
            value(library.relief().unwrap()),
            value(library.routines(&stretches).unwrap()),
            value(stretches),
        ]
    }

    #[test]
    fn the_prebuilt_json_reads_as_the_toml_does() {
        for lang in [Lang::En, Lang::Zh] {
            let mut fast = Library::builtin();
            fast.lang = lang;
            let mut slow = Library::builtin();
            slow.lang = lang;
            slow.prebuilt = false;
            assert_eq!(everything(&fast), everything(&slow), "{lang:?}");
        }
    }

    #[test]
    fn every_built_in_file_has_json_that_fits_it() {
        fn fits<T: DeserializeOwned>(path: &str) -> bool {
            prebuilt::<T>(path).is_some()
        }
        let mut paths = Vec::new();
        for dir in [&BUILTIN, BUILTIN.get_dir("zh").unwrap()] {
            for file in dir.files() {
                paths.push(file.path().to_string_lossy().into_owned());
            }
            for folder in FOLDERS {
                for file in dir.get_dir(dir.path().join(folder)).unwrap().files() {
                    paths.push(file.path().to_string_lossy().into_owned());
                }
            }
        }
        assert_eq!(paths.len(), prebuilt::JSON.len());
        for path in &paths {
            let kind = path.trim_start_matches("zh/");
            let ok = match kind.split('/').next() {
                Some("about.toml") => fits::<About>(path),
                Some("safety.toml") => fits::<Safety>(path),
                Some("causes") => fits::<Cause>(path),
                Some("relief") => fits::<Relief>(path),
                Some("stretches") => fits::<Stretch>(path),
                Some("routines") => fits::<Routine>(path),
                _ => false,
            };
            assert!(ok, "{path} has no JSON that reads as its item");
        }
    }

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
    fn every_embedded_file_loads_and_checks() {
        load_all(&Library::builtin());
    }

    #[test]
    fn every_embedded_file_is_read_by_some_loader() {
        let known = ["about.toml", "safety.toml"];
        let folders = ["causes", "stretches", "relief", "routines", "ui", "zh"];
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

    /// Every text of an English file has its Chinese twin in `content/zh/`, and the other way
    /// round: the same keys (numbers and ids aside) and lists of the same lengths.
    #[test]
    fn every_english_text_has_its_chinese_twin_and_back() {
        fn shape(value: &toml::Value, at: &str, out: &mut Vec<String>) {
            match value {
                toml::Value::Table(table) => {
                    for (key, value) in table {
                        if !UNTRANSLATED.contains(&key.as_str()) && key != "aliases" {
                            shape(value, &format!("{at}.{key}"), out);
                        }
                    }
                }
                toml::Value::Array(items) => {
                    out.push(format!("{at}: {} items", items.len()));
                    for (i, item) in items.iter().enumerate() {
                        shape(item, &format!("{at}[{i}]"), out);
                    }
                }
                _ => out.push(at.to_owned()),
            }
        }
        fn files(dir: &Dir<'static>, out: &mut Vec<String>) {
            for file in dir.files() {
                out.push(file.path().to_string_lossy().into_owned());
            }
            for sub in dir.dirs() {
                files(sub, out);
            }
        }
        let mut all = Vec::new();
        files(&BUILTIN, &mut all);
        let english: Vec<&String> = all
            .iter()
            .filter(|p| !p.starts_with("zh/") && !p.starts_with("ui/"))
            .collect();
        let mut problems = Vec::new();
        for path in &english {
            let twin = format!("zh/{path}");
            if !all.contains(&twin) {
                problems.push(format!("content/{twin} is missing"));
                continue;
            }
            let parse = |p: &str| -> toml::Value {
                let text = BUILTIN.get_file(p).and_then(|f| f.contents_utf8()).unwrap();
                toml::from_str(text).unwrap_or_else(|e| panic!("content/{p}: {e}"))
            };
            let (mut en, mut zh) = (Vec::new(), Vec::new());
            shape(&parse(path), "", &mut en);
            shape(&parse(&twin), "", &mut zh);
            for key in en.iter().filter(|k| !zh.contains(k)) {
                problems.push(format!("content/{twin} lacks {key}"));
            }
            for key in zh.iter().filter(|k| !en.contains(k)) {
                problems.push(format!(
                    "content/{twin} has {key}, which content/{path} has not"
                ));
            }
        }
        for path in all.iter().filter(|p| p.starts_with("zh/")) {
            if !all.contains(&path["zh/".len()..].to_owned()) {
                problems.push(format!("content/{path} has no English twin"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
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
