//! The settings file through the real binary: every key, which wins over which, a bad file, and
//! `weizhong config`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{folder, text, weizhong};

/// A config folder holding `config.toml` with `text`.
fn config(name: &str, text: &str) -> PathBuf {
    let dir = folder(name);
    std::fs::create_dir_all(dir.join("weizhong")).unwrap();
    std::fs::write(dir.join("weizhong/config.toml"), text).unwrap();
    dir
}

fn run(config: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = weizhong(args);
    command.env("XDG_CONFIG_HOME", config);
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().unwrap()
}

#[test]
fn the_documented_example_is_the_file_the_tests_read_and_it_is_fine() {
    let docs = std::fs::read_to_string("docs/settings.md").unwrap();
    let example = std::fs::read_to_string("tests/fixtures/settings/weizhong/config.toml").unwrap();
    assert!(docs.contains(&format!("```toml\n{example}```")));
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/settings");
    let out = run(&fixture, &["config"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    for row in [
        "width               72                 settings file",
        "speech_command      espeak-ng -s 150   settings file",
        "view                big                settings file",
        "get_ready_seconds   8                  settings file",
    ] {
        assert!(shown.contains(row), "{row}\n{shown}");
    }
}

#[test]
fn the_command_line_wins_over_the_file_and_the_file_over_the_environment() {
    let dir = config("settings-precedence", "lang = \"zh\"\nwidth = 60\n");
    let chinese = text(&run(&dir, &["safety"], &[("LC_ALL", "en_GB.UTF-8")]).stdout);
    assert!(chinese.starts_with("什么时候该去看医生"), "{chinese}");
    assert!(chinese.lines().all(|l| common::width(l) <= 60), "{chinese}");
    let english = text(&run(&dir, &["safety", "--lang", "en", "--width", "100"], &[]).stdout);
    assert!(english.starts_with("When to see a doctor"), "{english}");
    assert!(english.lines().any(|l| common::width(l) > 80), "{english}");

    let table = text(&run(&dir, &["config", "--width", "90"], &[("NO_COLOR", "1")]).stdout);
    for row in [
        "lang                zh",
        "color               never",
        "width               90",
    ] {
        assert!(table.contains(row), "{row}\n{table}");
    }
    let json = run(
        &dir,
        &["config", "--format", "json", "--width", "90"],
        &[("NO_COLOR", "1")],
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let from = |key: &str| {
        json["settings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == key)
            .unwrap()
            .clone()
    };
    assert_eq!(
        from("lang"),
        serde_json::json!({"key": "lang", "value": "zh", "from": "file"})
    );
    assert_eq!(from("width")["from"], "option");
    assert_eq!(
        from("color"),
        serde_json::json!({"key": "color", "value": "never", "from": "environment", "variable": "NO_COLOR"})
    );
    assert_eq!(
        from("routine"),
        serde_json::json!({"key": "routine", "value": "before-bed", "from": "default"})
    );
    assert_eq!(
        json["path"],
        dir.join("weizhong/config.toml").display().to_string()
    );
}

#[test]
fn the_settings_change_the_plan() {
    let dir = config(
        "settings-plan",
        "get_ready_seconds = 10\nrest_seconds = 3\nroutine = \"before-bed\"\n",
    );
    let sheet = text(&run(&dir, &["routine", "--print"], &[]).stdout);
    assert!(
        sheet.contains("Timing  get into position 10 s, hold 8 s × 2, relax 3 s between holds"),
        "{sheet}"
    );
    // Spiral twist 2 × (10 + 30 + 2 × 3), butterfly 10 + 16 + 3, horizontal 10 + 40 + 3 × 3.
    assert!(sheet.contains("3 stretches · 3 min\n"), "{sheet}");
}

#[test]
fn a_stretch_the_settings_times_make_longer_than_a_day_is_skipped_and_check_says_why() {
    // 2 sides × (5 + 30 × 20 + 29 × 3600) s: 58 h 20 min 10 s with an hour's rest; 25 min with
    // its own 5 s.
    let dir = config("settings-too-long", "rest_seconds = 3600\n");
    let stretches = dir.join("weizhong/stretches");
    std::fs::create_dir_all(&stretches).unwrap();
    let calf = std::fs::read_to_string("tests/fixtures/content/stretches/calf.toml").unwrap();
    std::fs::write(
        stretches.join("calf.toml"),
        calf.replace("reps = 2", "reps = 30"),
    )
    .unwrap();
    let says = "calf.toml:13:8: this stretch takes 58 h 20 min 10 s in all; a stretch may take at \
                most 24 h, with the settings file's times to get ready and to rest";
    let out = run(&dir, &["stretch"], &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains(says), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("Calf stretch"));
    let check = run(&dir, &["check", "--width", "300"], &[("NO_COLOR", "1")]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).contains(says),
        "{}",
        text(&check.stdout)
    );
    std::fs::remove_file(dir.join("weizhong/config.toml")).unwrap();
    let check = run(&dir, &["check"], &[("NO_COLOR", "1")]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));

    // Too long with its own numbers: the settings, which shorten it, are not blamed.
    std::fs::write(dir.join("weizhong/config.toml"), "rest_seconds = 1\n").unwrap();
    std::fs::write(
        stretches.join("calf.toml"),
        calf.replace("reps = 2", "reps = 3000"),
    )
    .unwrap();
    let check = run(&dir, &["check", "--width", "300"], &[("NO_COLOR", "1")]);
    let said = text(&check.stdout);
    assert!(
        said.contains("this stretch takes 41 h 40 min in all; a stretch may take at most 24 h\n"),
        "{said}"
    );
}

#[test]
fn a_bad_key_is_one_warning_with_its_place_and_the_rest_applies() {
    let dir = config(
        "settings-bad",
        "width = 60\ncolour = \"never\"\nview = \"huge\"\n",
    );
    let out = run(&dir, &["safety"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let path = dir.join("weizhong/config.toml").display().to_string();
    assert_eq!(
        text(&out.stderr),
        format!(
            "warning: {path}:2:1: unknown setting 'colour'; the settings are lang, color, width, \
             voice, speech_command, bell, view, routine, get_ready_seconds, rest_seconds (the other \
             settings apply)\nwarning: {path}:3:1: view must be auto, big, line or plain (the \
             other settings apply)\n"
        )
    );
    assert!(text(&out.stdout).lines().all(|l| common::width(l) <= 60));
    let broken = config("settings-broken", "width = = 3\n");
    let out = run(&broken, &["safety"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stderr).lines().count(),
        1,
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("config.toml:1:9: "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_file_that_cannot_be_read_is_one_warning_and_none_of_it_applies() {
    let mut long = "width = 30\n".to_owned();
    long.push_str(&"#".repeat(70_000));
    long.push_str("\nlang = \"zh\"\n");
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "settings-long",
            long.as_bytes(),
            "config.toml: cannot read the settings: is 68 KiB; weizhong reads files of at most \
             64 KiB (none of its settings apply)\n",
        ),
        (
            "settings-not-utf8",
            b"width = 30\nlang = \"\xff\"\n",
            "config.toml:2:9: cannot read the settings: is not valid UTF-8 here; save the file as \
             UTF-8 (none of its settings apply)\n",
        ),
        (
            "settings-syntax",
            b"width = 30\nlang = = \"zh\"\n",
            "config.toml:2:8: cannot read the settings: extra `=`, expected nothing (none of its \
             settings apply)\n",
        ),
    ];
    for (name, bytes, says) in cases {
        let dir = folder(name);
        std::fs::create_dir_all(dir.join("weizhong")).unwrap();
        std::fs::write(dir.join("weizhong/config.toml"), bytes).unwrap();
        let out = run(&dir, &["safety"], &[("NO_COLOR", "1")]);
        assert_eq!(out.status.code(), Some(0));
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with("warning: "), "{stderr}");
        assert!(stderr.ends_with(says), "{stderr}");
        // Nothing of it applies: not the width, and not a line after the cut.
        assert!(text(&out.stdout).starts_with("When to see a doctor\n"));
        assert!(text(&out.stdout).lines().any(|l| common::width(l) > 30));
        let check = run(&dir, &["check"], &[("NO_COLOR", "1")]);
        assert_eq!(check.status.code(), Some(1), "{name}");
    }
}

#[cfg(unix)]
#[test]
fn a_settings_file_that_links_to_nothing_is_a_problem_not_no_settings() {
    let dir = folder("settings-dangling");
    std::fs::create_dir_all(dir.join("weizhong")).unwrap();
    let link = dir.join("weizhong/config.toml");
    std::os::unix::fs::symlink(dir.join("nowhere.toml"), &link).unwrap();
    let says = format!(
        "{}: cannot read the settings: No such file or directory (os error 2)",
        link.display()
    );
    let out = run(&dir, &["safety"], &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stderr),
        format!("warning: {says} (none of its settings apply)\n")
    );
    let check = run(&dir, &["check", "--width", "200"], &[("NO_COLOR", "1")]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).starts_with(&format!("error: {says}\n")),
        "{}",
        text(&check.stdout)
    );
}

#[cfg(unix)]
#[test]
fn a_settings_file_that_is_a_named_pipe_is_not_opened() {
    let dir = folder("settings-fifo");
    std::fs::create_dir_all(dir.join("weizhong")).unwrap();
    let pipe = dir.join("weizhong/config.toml");
    nix::unistd::mkfifo(&pipe, nix::sys::stat::Mode::S_IRWXU).unwrap();
    // Were it opened, each would wait for a writer for ever: the test would hang.
    let out = run(&dir, &["safety"], &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stderr).contains("is a named pipe (FIFO), not a file"));
    let check = run(&dir, &["check"], &[("NO_COLOR", "1")]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).starts_with(&format!(
            "error: {}: cannot read the settings: is a named pipe (FIFO), not a file",
            pipe.display()
        )),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn config_path_prints_the_path() {
    let dir = folder("settings-path");
    let out = run(&dir, &["config", "--path"], &[]);
    assert_eq!(
        text(&out.stdout),
        format!("{}\n", dir.join("weizhong/config.toml").display())
    );
}

#[test]
fn without_a_home_there_is_no_settings_path_and_config_says_so() {
    let without = |args: &[&str]| {
        weizhong(args)
            .env_remove("HOME")
            .env_remove("XDG_CONFIG_HOME")
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let out = without(&["config", "--path"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "error: there is no place for a settings file: neither XDG_CONFIG_HOME nor HOME is set\n"
    );
    let out = without(&["config", "--width", "100"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).ends_with(
            "\n  There is no place for a settings file: neither XDG_CONFIG_HOME nor HOME is set.\n"
        ),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn check_reads_the_settings_file_as_settings_and_passes_a_good_one() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/settings");
    for args in [&["check"][..], &["check", "--format", "json"]] {
        let out = run(&fixture, args, &[("NO_COLOR", "1")]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let said = text(&out.stdout);
        assert!(said == "✓ 1 file OK\n" || said == "[]\n", "{said}");
    }

    let dir = config("settings-check", "width = 72\ncolour = \"never\"\n");
    let path = dir.join("weizhong/config.toml");
    let expected = format!(
        "error: {}:2:1: unknown setting 'colour'; the settings are lang, color, width, voice, \
         speech_command, bell, view, routine, get_ready_seconds, rest_seconds\n  |\n2 | colour = \
         \"never\"\n  | ^^^^^^\n\n1 of 1 file has problems\n",
        path.display()
    );
    // By default, by its folder, and by its own name: one file, checked once.
    let folder = dir.join("weizhong");
    let named: [&[&str]; 3] = [
        &["check", "--width", "200"],
        &["check", "--width", "200", folder.to_str().unwrap()],
        &[
            "check",
            "--width",
            "200",
            path.to_str().unwrap(),
            path.to_str().unwrap(),
        ],
    ];
    for args in named {
        let out = run(&dir, args, &[("NO_COLOR", "1")]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(text(&out.stdout), expected, "{args:?}");
    }

    // The routine it names is looked for among the built-in ones and the user's.
    std::fs::write(&path, "routine = \"morning\"\n").unwrap();
    let out = run(&dir, &["check", "--width", "200"], &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        format!(
            "error: {}:1:1: no routine named 'morning' (the routines are before-bed)\n  |\n1 | \
             routine = \"morning\"\n  | ^^^^^^^\n\n1 of 1 file has problems\n",
            path.display()
        )
    );
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    for kind in ["stretches", "routines"] {
        let to = folder.join(kind);
        std::fs::create_dir_all(&to).unwrap();
        for file in std::fs::read_dir(fixtures.join(kind)).unwrap() {
            let file = file.unwrap().path();
            std::fs::copy(&file, to.join(file.file_name().unwrap())).unwrap();
        }
    }
    let out = run(&dir, &["check"], &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));

    // Found as `weizhong routine` finds it: by its Chinese name on an English page too; and a
    // name that could be two routines is told as such, by check and by routine alike.
    std::fs::write(&path, "routine = \"睡前\"\n").unwrap();
    let out = run(&dir, &["check"], &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let sheet = run(&dir, &["routine", "--print"], &[("NO_COLOR", "1")]);
    assert!(text(&sheet.stdout).starts_with("Before bed\n"));
    let gentle = "name = \"Be gentle\"\nintro = \"One calf stretch.\"\nstretches = [\"calf\"]\n\
                  closing = \"Sleep well.\"\n";
    std::fs::write(folder.join("routines/be-gentle.toml"), gentle).unwrap();
    std::fs::write(&path, "routine = \"be\"\n").unwrap();
    let says = format!(
        "{}:1:1: 'be' could be more than one routine: before-bed, be-gentle",
        path.display()
    );
    let out = run(&dir, &["check", "--width", "200"], &[("NO_COLOR", "1")]);
    assert!(text(&out.stdout).contains(&says), "{}", text(&out.stdout));
    let out = run(&dir, &["routine", "--print"], &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with(&format!("error: {says}\n")),
        "{}",
        text(&out.stderr)
    );

    // A config.toml that is not the settings file is not read, and check says so.
    let elsewhere = folder_with_stray_config();
    let out = run(
        &dir,
        &["check", elsewhere.to_str().unwrap()],
        &[("NO_COLOR", "1")],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("reads .toml files only inside"));
}

fn folder_with_stray_config() -> PathBuf {
    let dir = folder("settings-check-stray");
    std::fs::write(dir.join("config.toml"), "width = 72\n").unwrap();
    dir
}
