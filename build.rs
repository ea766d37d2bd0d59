//! Work done once at build time so that none is done at each start:
//! - weizhong's own words, `content/ui/en.toml` and `content/ui/zh.toml`, become two Rust
//!   statics of one struct, so that a word missing from either language fails the build;
//! - every other content file is also kept as JSON, which reads several times faster than TOML,
//!   with each Chinese file already laid over its English one's numbers and ids;
//! - on Linux, the binary is linked position-dependent and with gcc's static unwinder, and
//!   its everyday code is laid out together (see `position_dependent`, `static_unwinder` and
//!   `hot_code_first`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

include!("src/content/untranslated.rs");

fn main() {
    ui_words();
    content_json();
    // A static build (`-C target-feature=+crt-static`) has no loader to spare work, and these
    // link flags would break it.
    let features = var("CARGO_CFG_TARGET_FEATURE");
    if !features.split(',').any(|f| f == "crt-static") {
        position_dependent();
        static_unwinder();
    }
    hot_code_first();
}

/// A variable cargo sets for build scripts, or "" where it is unset.
fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_default()
}

/// Whether this is a build on Linux for the machine that builds, not a cross-compile.
fn native_linux() -> bool {
    var("CARGO_CFG_TARGET_OS") == "linux" && var("HOST") == var("TARGET")
}

/// The functions `bench/symbol-order.txt` lists, those weizhong runs for its everyday commands
/// (`bench/order` makes the list), are laid out first and side by side. The kernel maps a
/// program's code into memory some pages around each page it touches; with the hot code
/// together, a start maps a third of the code instead of nearly all of it. The names are those
/// of a release build, so only a release build on Linux, and only where the linker takes a
/// symbol ordering file (lld, Rust's default on x86-64 Linux since 1.90), as a trial link finds
/// out. A name the list has and the binary lacks is skipped: `bash bench/order --check` counts
/// them.
fn hot_code_first() {
    let list = Path::new("bench/symbol-order.txt");
    println!("cargo::rerun-if-changed={}", list.display());
    for name in ["RUSTC_LINKER", "CARGO_ENCODED_RUSTFLAGS"] {
        println!("cargo::rerun-if-env-changed={name}");
    }
    if !native_linux() || var("PROFILE") != "release" || !list.is_file() {
        return;
    }
    // The linker's options are passed on through the C compiler, which splits them at commas.
    let list = match std::fs::canonicalize(list) {
        Ok(list) if !list.to_string_lossy().contains(',') => list,
        _ => {
            println!(
                "cargo::warning=the path of bench/symbol-order.txt cannot be given to the linker; the code is laid out as it comes"
            );
            return;
        }
    };
    let args = [
        format!("-Wl,--symbol-ordering-file={}", list.display()),
        "-Wl,--no-warn-symbol-ordering".to_owned(),
    ];
    if links_with(&args) {
        for arg in args {
            println!("cargo::rustc-link-arg-bins={arg}");
        }
    } else {
        println!(
            "cargo::warning=the linker takes no symbol ordering file; the code is laid out as it comes, and each start maps more of it (lld takes one)"
        );
    }
}

/// Whether an empty program links with these linker arguments added, with the rustc, linker
/// and flags of this build.
fn links_with(args: &[String]) -> bool {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let source = out.join("trial.rs");
    if std::fs::write(&source, "fn main() {}\n").is_err() {
        return false;
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let mut trial = std::process::Command::new(rustc);
    trial.arg(&source).arg("-o").arg(out.join("trial"));
    if let Ok(flags) = std::env::var("CARGO_ENCODED_RUSTFLAGS") {
        trial.args(flags.split('\x1f').filter(|f| !f.is_empty()));
    }
    if let Ok(linker) = std::env::var("RUSTC_LINKER") {
        trial.arg("-C").arg(format!("linker={linker}"));
    }
    for arg in args {
        trial.arg("-C").arg(format!("link-arg={arg}"));
    }
    trial
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// On Linux with glibc, the unwinder (in a release build, where panics abort, used only to print
/// a backtrace) is linked in from gcc's static libgcc_eh.a instead of loaded from libgcc_s.so at
/// each start, which was one shared object more to find, map and relocate: a tenth of a page's
/// run time. When cross-compiling, or where gcc's archive cannot be found, the build goes on
/// with libgcc_s as before.
fn static_unwinder() {
    println!("cargo::rerun-if-env-changed=CC");
    if !native_linux() || var("CARGO_CFG_TARGET_ENV") != "gnu" {
        return;
    }
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_owned());
    let Ok(out) = std::process::Command::new(cc)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
    else {
        return;
    };
    let archive = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    if let (true, Some(dir)) = (archive.is_absolute() && archive.is_file(), archive.parent()) {
        println!("cargo::rustc-link-search=native={}", dir.display());
        println!("cargo::rustc-link-lib=static=gcc_eh");
    }
}

/// On Linux, the weizhong binary is linked as a plain, position-dependent executable. A
/// position-independent one has its 1,450 pointers in static data (content, words, clap's
/// tables) fixed up by the loader at every start, which writes to, and so copies, eight pages:
/// five per cent of a page's run time. The cost is address-space randomisation of weizhong's
/// own code; weizhong reads only the user's own files and takes no input from a network.
fn position_dependent() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}

/// `OUT_DIR/builtin.rs`: `JSON`, each content file's path and its JSON, sorted by path. A file
/// that does not parse, or a Chinese one holding a number, is left out: weizhong then reads its
/// TOML and reports the problem with its line and column.
fn content_json() {
    println!("cargo::rerun-if-changed=content");
    let mut files = Vec::new();
    toml_files(Path::new("content"), &mut files);
    let mut entries = Vec::new();
    for path in &files {
        let name = path.strip_prefix("content").expect("under content/");
        let name = name.to_string_lossy().replace('\\', "/");
        if name.starts_with("ui/") {
            continue;
        }
        let Some(mut table) = read_table(path) else {
            continue;
        };
        if let Some(english) = name.strip_prefix("zh/") {
            if table.keys().any(|k| UNTRANSLATED.contains(&k.as_str())) {
                continue;
            }
            let Some(english) = read_table(&Path::new("content").join(english)) else {
                continue;
            };
            for (key, value) in english {
                if UNTRANSLATED.contains(&key.as_str()) {
                    table.insert(key, value);
                }
            }
        }
        let json = serde_json::to_string(&table).expect("a TOML table is JSON");
        entries.push((name, json));
    }
    entries.sort();
    let mut code = format!(
        "/// Each built-in content file, as JSON.\npub static JSON: [(&str, &str); {}] = [\n",
        entries.len()
    );
    for (name, json) in &entries {
        let _ = writeln!(code, "    ({name:?}, {json:?}),");
    }
    code.push_str("];\n");
    write_out("builtin.rs", &code);
}

fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder").path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn read_table(path: &Path) -> Option<toml::Table> {
    toml::from_str(&std::fs::read_to_string(path).ok()?).ok()
}

fn write_out(name: &str, code: &str) {
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(name);
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

/// `OUT_DIR/ui.rs`: the `Ui` struct and its `EN` and `ZH` statics.
fn ui_words() {
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
    code.push_str("#[derive(Debug)]\npub struct Ui {\n");
    declare(&tables[0], &mut code, "Commands");
    code.push_str(
        "}\n\n/// One line about each command.\n#[derive(Debug)]\npub struct Commands {\n",
    );
    if let Some(toml::Value::Table(commands)) = tables[0].get("command") {
        declare(commands, &mut code, "");
    }
    code.push_str("}\n\n");
    for ((name, file), table) in languages.iter().zip(&tables) {
        let _ = writeln!(
            code,
            "/// From content/ui/{file}.\npub static {name}: Ui = Ui {{"
        );
        define(table, &mut code, "Commands");
        code.push_str("};\n\n");
    }
    write_out("ui.rs", &code);
}

/// Both languages have the same words, with the same shapes.
fn compare(english: &toml::Table, other: &toml::Table, at: &str, file: &str) {
    for (key, value) in english {
        match (value, other.get(key)) {
            (toml::Value::Table(a), Some(toml::Value::Table(b))) => {
                compare(a, b, &format!("{at}{key}."), file);
            }
            (toml::Value::Array(a), Some(toml::Value::Array(b))) if a.len() == b.len() => {}
            (toml::Value::String(_), Some(toml::Value::String(_))) => {}
            _ => panic!("content/ui/{file} lacks {at}{key}, or it is not like the English one"),
        }
    }
    if let Some(key) = other.keys().find(|k| !english.contains_key(*k)) {
        panic!("content/ui/{file} has {at}{key}, which content/ui/en.toml has not");
    }
}

fn declare(table: &toml::Table, code: &mut String, nested: &str) {
    for (key, value) in table {
        let kind = match value {
            toml::Value::Table(_) => nested.to_owned(),
            toml::Value::Array(_) => "&'static [&'static str]".to_owned(),
            _ => "&'static str".to_owned(),
        };
        let _ = writeln!(code, "    pub {key}: {kind},");
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
