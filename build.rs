//! Checks and code made once, at build time, so that a broken built-in file never reaches a user:
//! - weizhong's own words, `content/ui/en.toml` and `content/ui/zh.toml`, become `Words`: two
//!   statics of one struct, each template a method whose parameters are its `{placeholders}`. A
//!   word or a placeholder that one file has and the other lacks fails the build.
//! - every other built-in file is read with the same types and rules as a user's file (the
//!   modules are shared), each Chinese file is checked against its English twin, and any problem
//!   fails the build naming file:line:column. The checked files are then written as JSON, which
//!   reads several times faster than TOML, to `OUT_DIR/content/en/` and `OUT_DIR/content/zh/`,
//!   each Chinese file with its twin's numbers and ids, for `include_dir!` to embed. That is the
//!   one form weizhong reads its own content in; a user's files are read as TOML.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[allow(dead_code, reason = "shared with weizhong, which uses all of it")]
#[path = "src/content/model.rs"]
mod model;
#[allow(dead_code, reason = "shared with weizhong, which uses all of it")]
#[path = "src/content/rules.rs"]
mod rules;

use model::{About, Cause, Named, Origin, Relief, Routine, Safety, Stretch};

fn main() {
    words();
    content();
}

fn out_dir() -> PathBuf {
    PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
}

// ---------------------------------------------------------------------------------------------
// Content

/// Fields that only the English files hold: numbers and ids are the same in every language.
const UNTRANSLATED: [&str; 10] = [
    "order",
    "number",
    "picture",
    "sketch",
    "hold_seconds",
    "reps",
    "each_side",
    "rest_seconds",
    "get_ready_seconds",
    "stretches",
];

/// The folders of items, one per kind.
const FOLDERS: [&str; 4] = ["causes", "stretches", "relief", "routines"];

/// The languages besides English, each a folder under `content/`.
const TRANSLATIONS: [&str; 1] = ["zh"];

/// One built-in file as read: its path under `content/`, its text and its table.
struct File {
    path: String,
    text: String,
}

impl File {
    fn read(path: &str) -> Result<Self, String> {
        let text = std::fs::read_to_string(Path::new("content").join(path))
            .map_err(|e| format!("content/{path}: {e}"))?;
        Ok(Self {
            path: path.to_owned(),
            text,
        })
    }

    /// "content/x.toml:3:5: message", at byte `offset`.
    fn error_at(&self, offset: usize, message: impl std::fmt::Display) -> String {
        let before = &self.text[..offset.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
            .chars()
            .count()
            + 1;
        format!("content/{}:{line}:{column}: {message}", self.path)
    }

    /// An error at the first place `needle` is written, or at the top.
    fn error_near(&self, needle: &str, message: impl std::fmt::Display) -> String {
        self.error_at(self.text.find(needle).unwrap_or(0), message)
    }

    /// An error where a broken rule points, or at the top.
    fn error_for(&self, broken: &rules::Broken) -> String {
        let at = rules::span(&self.text, &broken.near).map_or(0, |s| s.start);
        self.error_at(at, &broken.problem)
    }

    fn parse<T: serde::de::DeserializeOwned>(&self) -> Result<T, String> {
        toml::from_str(&self.text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            self.error_at(at, e.message().trim_end())
        })
    }
}

/// Every built-in item of one language.
#[derive(Default)]
struct Language {
    causes: Vec<Cause>,
    stretches: Vec<Stretch>,
    relief: Vec<Relief>,
    routines: Vec<Routine>,
}

fn content() {
    println!("cargo::rerun-if-changed=content");
    let out = out_dir().join("content");
    let _ = std::fs::remove_dir_all(&out);
    let mut problems = Vec::new();
    let mut english = Language::default();
    let mut others: Vec<Language> = TRANSLATIONS.iter().map(|_| Language::default()).collect();
    let mut paths = vec!["about.toml".to_owned(), "safety.toml".to_owned()];
    for folder in FOLDERS {
        paths.extend(toml_files(folder));
    }
    for path in &paths {
        let result = File::read(path).and_then(|file| {
            let folder = path.split('/').next().unwrap_or_default();
            let id = id(path);
            let json = Path::new(path).with_extension("json");
            keep(&mut english, folder, &file, &id, &file.text)?;
            write(&out.join("en").join(&json), &as_json(&file.parse()?));
            for (lang, items) in TRANSLATIONS.iter().zip(&mut others) {
                let twin = File::read(&format!("{lang}/{path}"))
                    .map_err(|_| format!("content/{lang}/{path} is missing"))?;
                let merged = translated(&file, &twin)?;
                let text = toml::to_string(&merged).expect("a table is TOML");
                keep(items, folder, &twin, &id, &text)?;
                write(&out.join(lang).join(&json), &as_json(&merged));
            }
            Ok(())
        });
        if let Err(problem) = result {
            problems.push(problem);
        }
    }
    for lang in TRANSLATIONS {
        for path in toml_files(lang) {
            let english = path.trim_start_matches(&format!("{lang}/")).to_owned();
            if !paths.contains(&english) && !english.starts_with("ui/") {
                problems.push(format!("content/{path} has no English twin"));
            }
        }
    }
    problems.extend(check_all(&english, ""));
    for (lang, items) in TRANSLATIONS.iter().zip(&others) {
        problems.extend(check_all(items, lang));
    }
    problems.extend(strays());
    if !problems.is_empty() {
        for problem in &problems {
            eprintln!("error: {problem}");
        }
        panic!("{} problems in the built-in content", problems.len());
    }
}

/// The id a file's name gives its item.
fn id(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.trim_end_matches(".toml").to_owned()
}

/// Reads `text` (the file's own, or its merged Chinese text) as the item its folder holds, checks
/// the rules that need no other item, and keeps it.
fn keep(
    items: &mut Language,
    folder: &str,
    file: &File,
    id: &str,
    text: &str,
) -> Result<(), String> {
    let read = File {
        path: file.path.clone(),
        text: text.to_owned(),
    };
    let rule = |broken: rules::Broken| file.error_for(&broken);
    match folder {
        "about.toml" => rules::picture("sketch", &read.parse::<About>()?.sketch).map_err(rule)?,
        "safety.toml" => {
            if read.parse::<Safety>()?.disclaimer.len() != 2 {
                return Err(file.error_near("disclaimer", "the disclaimer has exactly two lines"));
            }
        }
        "causes" => items.causes.push(item(&read, id)?),
        "relief" => items.relief.push(item(&read, id)?),
        "stretches" => {
            let stretch: Stretch = item(&read, id)?;
            rules::stretch(&stretch).map_err(rule)?;
            items.stretches.push(stretch);
        }
        "routines" => items.routines.push(item(&read, id)?),
        _ => return Err(format!("content/{}: not a known kind of file", file.path)),
    }
    Ok(())
}

fn item<T: serde::de::DeserializeOwned + Named>(file: &File, id: &str) -> Result<T, String> {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !ok {
        return Err(format!("content/{}: the name is not an id", file.path));
    }
    let mut item: T = file.parse()?;
    item.identify(id.to_owned(), Origin::Builtin);
    Ok(item)
}

/// The rules between items of one language: routines name stretches there are, and names and
/// orders are each item's own.
fn check_all(items: &Language, lang: &str) -> Vec<String> {
    let file = |kind: &str, id: &str| {
        let path = format!("{kind}/{id}.toml");
        let path = if lang.is_empty() {
            path
        } else {
            format!("{lang}/{path}")
        };
        File::read(&path).unwrap_or(File {
            path,
            text: String::new(),
        })
    };
    let mut problems = Vec::new();
    // A routine's stretches are named in the English file only.
    for routine in items.routines.iter().filter(|_| lang.is_empty()) {
        if let Err(broken) = rules::routine(routine, &items.stretches) {
            problems.push(file("routines", &routine.id).error_for(&broken));
        }
    }
    problems.extend(distinct(&items.causes, "causes", &file));
    problems.extend(distinct(&items.stretches, "stretches", &file));
    problems.extend(distinct(&items.relief, "relief", &file));
    problems.extend(distinct(&items.routines, "routines", &file));
    problems
}

/// Anything in `content/` that no loader reads.
fn strays() -> Vec<String> {
    let known = ["about.toml", "safety.toml", "ui"];
    let mut problems = Vec::new();
    for entry in std::fs::read_dir("content").expect("content/ is readable") {
        let name = entry.expect("a readable folder").file_name();
        let name = name.to_string_lossy();
        let known = known.contains(&name.as_ref())
            || FOLDERS.contains(&name.as_ref())
            || TRANSLATIONS.contains(&name.as_ref());
        if !known {
            problems.push(format!(
                "content/{name}: weizhong reads no such file or folder"
            ));
        }
    }
    problems
}

fn distinct<T: Named>(items: &[T], kind: &str, file: &impl Fn(&str, &str) -> File) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let before: Vec<&T> = items[..i].iter().collect();
        if let Err(broken) = rules::unique_names(&before, item) {
            problems.push(file(kind, item.id()).error_for(&broken));
        }
        // Only the guide's own items have an order of their own; a user's may share one.
        if let Some(order) = item.order() {
            let message = if order == 0 {
                "order starts at 1".to_owned()
            } else if let Some(other) = before.iter().find(|o| o.order() == Some(order)) {
                format!("order {order} is already taken by '{}'", other.id())
            } else {
                continue;
            };
            problems.push(file(kind, item.id()).error_near("order", message));
        }
    }
    problems
}

fn as_json(table: &toml::Table) -> String {
    serde_json::to_string(table).expect("a TOML table is JSON")
}

/// The Chinese (or other) twin of an English file, checked and given the English numbers and
/// ids: the same texts, and lists of the same lengths.
fn translated(english: &File, twin: &File) -> Result<toml::Table, String> {
    let en: toml::Table = english.parse()?;
    let mut table: toml::Table = twin.parse()?;
    if let Some(key) = table.keys().find(|k| UNTRANSLATED.contains(&k.as_str())) {
        return Err(twin.error_near(
            key,
            "numbers, ids and pictures live only in the English file",
        ));
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    shape(&toml::Value::Table(en.clone()), "", &mut a);
    shape(&toml::Value::Table(table.clone()), "", &mut b);
    if let Some(key) = a.iter().find(|k| !b.contains(k)) {
        return Err(format!("content/{} lacks {key}", twin.path));
    }
    if let Some(key) = b.iter().find(|k| !a.contains(k)) {
        return Err(format!(
            "content/{} has {key}, which content/{} has not",
            twin.path, english.path
        ));
    }
    for (key, value) in en {
        if UNTRANSLATED.contains(&key.as_str()) {
            table.insert(key, value);
        }
    }
    Ok(table)
}

/// The texts of a file: each key's path, and each list's length (aliases aside, which each
/// language has its own of).
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
        _ => out.push(at.trim_start_matches('.').to_owned()),
    }
}

/// The `.toml` files of a folder under `content/`, as paths under `content/`, sorted; every
/// other file there is an error.
fn toml_files(folder: &str) -> Vec<String> {
    let dir = Path::new("content").join(folder);
    let mut files = Vec::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.is_dir() {
            if folder == "zh" || FOLDERS.contains(&name.as_ref()) {
                files.extend(toml_files(&format!("{folder}/{name}")));
            }
        } else if name.ends_with(".toml") {
            files.push(format!("{folder}/{name}"));
        } else {
            panic!("content/{folder}/{name}: not a .toml file");
        }
    }
    files.sort();
    files
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a file in a folder"))
        .expect("OUT_DIR is writable");
    std::fs::write(path, text).expect("OUT_DIR is writable");
}

// ---------------------------------------------------------------------------------------------
// Words

/// `OUT_DIR/words.rs`: the `Words` struct, its `EN` and `ZH` statics, and a method for each
/// template.
fn words() {
    let dir = Path::new("content/ui");
    println!("cargo::rerun-if-changed=content/ui");
    let languages = [("EN", "en.toml"), ("ZH", "zh.toml")];
    let tables: Vec<toml::Table> = languages
        .iter()
        .map(|(_, file)| {
            let path = dir.join(file);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect();
    for (i, (_, file)) in languages.iter().enumerate().skip(1) {
        compare(&tables[0], &tables[i], "", file);
    }

    let mut code = String::from("/// Every word weizhong says, in one language.\n");
    // Some words name things only Unix has (a named pipe, a socket).
    code.push_str(
        "#[derive(Debug)]\n#[cfg_attr(not(unix), allow(dead_code))]\npub struct Words {\n",
    );
    declare(&tables[0], &mut code, "Commands");
    code.push_str(
        "}\n\n/// One line about each command.\n#[derive(Debug)]\npub struct Commands {\n",
    );
    if let Some(toml::Value::Table(commands)) = tables[0].get("command") {
        declare(commands, &mut code, "");
    }
    code.push_str("}\n\n#[allow(clippy::doc_markdown, reason = \"the docs are the templates\")]\nimpl Words {\n");
    for (key, value) in &tables[0] {
        if let toml::Value::String(template) = value {
            let names = placeholders(template);
            if names.is_empty() {
                continue;
            }
            let params: Vec<String> = names
                .iter()
                .map(|n| format!("{n}: impl std::fmt::Display"))
                .collect();
            let values: Vec<String> = names.iter().map(|n| format!("(\"{n}\", &{n})")).collect();
            let _ = writeln!(
                code,
                "    /// {template:?}\n    pub fn {key}(&self, {}) -> String {{\n        \
                 fill(self.{key}, &[{}])\n    }}\n",
                params.join(", "),
                values.join(", ")
            );
        }
    }
    code.push_str("}\n\n");
    for ((name, file), table) in languages.iter().zip(&tables) {
        let _ = writeln!(
            code,
            "/// From content/ui/{file}.\npub static {name}: Words = Words {{"
        );
        define(table, &mut code, "Commands");
        code.push_str("};\n\n");
    }
    write(&out_dir().join("words.rs"), &code);
}

/// The `{names}` of a template, in the order they first appear.
fn placeholders(template: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            panic!("{template:?}: a {{ without its }}");
        };
        let name = &after[..close];
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{template:?}: {{{name}}} is not a placeholder name"
        );
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
        rest = &after[close + 1..];
    }
    names
}

/// Both languages have the same words, with the same shapes and the same placeholders.
fn compare(english: &toml::Table, other: &toml::Table, at: &str, file: &str) {
    for (key, value) in english {
        match (value, other.get(key)) {
            (toml::Value::Table(a), Some(toml::Value::Table(b))) => {
                compare(a, b, &format!("{at}{key}."), file);
            }
            (toml::Value::Array(a), Some(toml::Value::Array(b))) if a.len() == b.len() => {}
            (toml::Value::String(a), Some(toml::Value::String(b))) => {
                let (a, b): (BTreeSet<String>, BTreeSet<String>) = (
                    placeholders(a).into_iter().collect(),
                    placeholders(b).into_iter().collect(),
                );
                assert!(
                    a == b,
                    "content/ui/{file}: {at}{key} has the placeholders {b:?}, content/ui/en.toml {a:?}"
                );
            }
            _ => panic!("content/ui/{file} lacks {at}{key}, or it is not like the English one"),
        }
    }
    if let Some(key) = other.keys().find(|k| !english.contains_key(*k)) {
        panic!("content/ui/{file} has {at}{key}, which content/ui/en.toml has not");
    }
}

/// The struct's fields: a plain word is public, a template private behind its method.
fn declare(table: &toml::Table, code: &mut String, nested: &str) {
    for (key, value) in table {
        let (public, kind) = match value {
            toml::Value::Table(_) => (true, nested.to_owned()),
            toml::Value::Array(_) => (true, "&'static [&'static str]".to_owned()),
            toml::Value::String(s) => (placeholders(s).is_empty(), "&'static str".to_owned()),
            _ => panic!("content/ui: {key} is neither a word, a list nor a table"),
        };
        let visibility = if public { "pub " } else { "" };
        let _ = writeln!(code, "    {visibility}{key}: {kind},");
    }
}

fn define(table: &toml::Table, code: &mut String, nested: &str) {
    for (key, value) in table {
        match value {
            toml::Value::Table(inner) => {
                let _ = writeln!(code, "    {key}: {nested} {{");
                define(inner, code, "");
                code.push_str("    },\n");
            }
            toml::Value::Array(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|i| format!("{:?}", i.as_str().unwrap_or_default()))
                    .collect();
                let _ = writeln!(code, "    {key}: &[{}],", items.join(", "));
            }
            other => {
                let _ = writeln!(code, "    {key}: {:?},", other.as_str().unwrap_or_default());
            }
        }
    }
}
