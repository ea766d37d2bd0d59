//! Turns weizhong's own words, `content/ui/en.toml` and `content/ui/zh.toml`, into two Rust
//! statics of one struct, so that a word missing from either language fails the build and no
//! words are parsed when weizhong runs.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
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
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("ui.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
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
