//! Bad input and faults: the user's broken files, odd environments and shell integration. Each
//! gives a clear error or a sane fallback, never a panic.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{folder, run, text, weizhong};

fn write(dir: &Path, file: &str, bytes: &[u8]) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn no_panic(out: &Output) {
    let stderr = text(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.contains("RUST_BACKTRACE"), "{stderr}");
}

/// Runs a command with and without a broken user folder: stdout is the same, stderr has exactly
/// one warning naming the file and `weizhong check`.
fn skipped_with_one_warning(dir: &Path, file: &str, args: &[&str], says: &str) {
    let plain = run(args);
    let content = ["--content", dir.to_str().unwrap()];
    let out = run(&[&content[..], args].concat());
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        text(&plain.stdout),
        "the guide works as before"
    );
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("warning: skipped "), "{stderr}");
    assert!(stderr.contains(file), "{stderr}");
    assert!(stderr.contains(says), "{stderr}");
    assert!(stderr.contains("weizhong check"), "{stderr}");

    let check = run(&["check", dir.to_str().unwrap()]);
    no_panic(&check);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).contains(says),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn a_ten_megabyte_file_is_refused_not_read() {
    let dir = folder("big");
    let mut big = b"name = \"".to_vec();
    big.resize(10 * 1024 * 1024, b'x');
    big.extend_from_slice(b"\"\n");
    write(&dir, "stretches/big.toml", &big);
    skipped_with_one_warning(
        &dir,
        "big.toml",
        &["stretch"],
        "is 10 MiB; weizhong reads files of at most 1 MiB",
    );
    // One byte over is told in bytes, where the difference shows.
    let dir = folder("big-by-one");
    let mut big = b"name = \"".to_vec();
    big.resize(1024 * 1024 - 1, b'x');
    big.extend_from_slice(b"\"\n");
    write(&dir, "stretches/big.toml", &big);
    skipped_with_one_warning(
        &dir,
        "big.toml",
        &["stretch"],
        "is 1048577 bytes; weizhong reads files of at most 1048576 bytes",
    );
}

#[test]
fn invalid_utf8_is_pointed_at() {
    let dir = folder("utf8");
    write(&dir, "causes/bad.toml", b"order = 5\nname = \"\xff\xfe\"\n");
    skipped_with_one_warning(&dir, "bad.toml:2:9", &["causes"], "not valid UTF-8");
}

#[test]
fn deeply_nested_toml_is_an_error_not_a_stack_overflow() {
    let dir = folder("deep");
    let deep = format!("a = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    write(&dir, "stretches/deep.toml", deep.as_bytes());
    let tables = format!("a = {}1{}\n", "{ b = ".repeat(20_000), " }".repeat(20_000));
    write(&dir, "relief/deep.toml", tables.as_bytes());
    skipped_with_one_warning(&dir, "deep.toml", &["stretch"], "recursion");
    skipped_with_one_warning(&dir, "deep.toml", &["relief"], "recursion");
}

#[test]
fn a_folder_where_a_file_should_be() {
    let dir = folder("folder-file");
    std::fs::create_dir_all(dir.join("stretches/odd.toml")).unwrap();
    skipped_with_one_warning(&dir, "odd.toml", &["stretch"], "is a folder");
}

/// Runs weizhong with `args`, failing if it has not finished within a second.
#[cfg(unix)]
fn within_a_second(dir: &Path, args: &[&str]) -> Output {
    use std::time::{Duration, Instant};
    let (out, err) = (dir.join("stdout"), dir.join("stderr"));
    let mut child = weizhong(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(1) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("weizhong {args:?} was still running after a second");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Output {
        status,
        stdout: std::fs::read(out).unwrap(),
        stderr: std::fs::read(err).unwrap(),
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_skipped_with_one_warning_and_nothing_waits_for_it() {
    let dir = folder("fifo");
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("stretches")).unwrap();
    let fifo = content.join("stretches/anything.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let content = content.to_str().unwrap();
    for args in [
        &["stretch"][..],
        &["routine", "--list"],
        &["log"],
        &["completions", "bash"],
    ] {
        let out = within_a_second(&dir, &[&["--content", content][..], args].concat());
        no_panic(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(out.stdout, run(args).stdout, "{args:?}");
        assert_eq!(
            text(&out.stderr),
            format!(
                "warning: skipped {}: is a named pipe (FIFO), not a file; weizhong reads only \
                 files (weizhong check shows more)\n",
                fifo.display()
            ),
            "{args:?}"
        );
    }
    let check = within_a_second(&dir, &["check", content]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        text(&check.stdout).starts_with(&format!(
            "error: {}: is a named pipe (FIFO), not a file",
            fifo.display()
        )),
        "{}",
        text(&check.stdout)
    );
    let one = within_a_second(&dir, &["check", fifo.to_str().unwrap()]);
    assert_eq!(one.status.code(), Some(1));
}

#[test]
fn a_file_where_a_folder_should_be() {
    let dir = folder("file-folder");
    write(&dir, "stretches", b"not a folder");
    skipped_with_one_warning(&dir, "stretches", &["stretch"], "is a file, not a folder");
}

#[test]
fn hidden_files_are_let_be() {
    // An editor's lock file, which is no TOML at all, beside a good stretch.
    let dir = folder("hidden");
    write(&dir, "stretches/.#calf.toml", b"user@host.1234:1700000000");
    let calf = std::fs::read("tests/fixtures/content/stretches/calf.toml").unwrap();
    write(&dir, "stretches/calf.toml", &calf);
    let out = run(&["--content", dir.to_str().unwrap(), "stretch", "calf"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "");
    let check = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(text(&check.stdout), "✓ 1 file OK\n");
}

#[test]
fn check_counts_each_file_once() {
    // A problem with a folder and one with a file: two of two, not "2 of 1 file".
    let dir = folder("check-counts");
    write(&dir, "stretches", b"not a folder");
    let morning = std::fs::read("tests/fixtures/content/routines/morning.toml").unwrap();
    write(&dir, "routines/morning.toml", &morning);
    let out = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.ends_with("\n2 of 2 files have problems\n"),
        "{stdout}"
    );
    // A file named twice is one file, and a folder named twice says its warnings once.
    let calf = "tests/fixtures/content/stretches/calf.toml";
    let out = run(&["check", calf, calf, "tests/fixtures/content"]);
    assert_eq!(text(&out.stdout), "✓ 2 files OK\n");
    let ignored = "tests/fixtures/ignored";
    let once = text(&run(&["check", ignored]).stdout);
    let stretches = "tests/fixtures/ignored/stretches";
    assert_eq!(
        text(&run(&["check", ignored, stretches, ignored]).stdout),
        once
    );
}

#[test]
fn a_name_that_is_already_taken() {
    let dir = folder("taken");
    let calf = std::fs::read_to_string("tests/fixtures/content/stretches/calf.toml").unwrap();
    write(
        &dir,
        "stretches/calf.toml",
        calf.replace("\"wall-calf\"", "\"twist\"").as_bytes(),
    );
    skipped_with_one_warning(
        &dir,
        "calf.toml",
        &["stretch"],
        "'twist' already names 'spiral-twist'",
    );
}

#[test]
fn an_order_of_0_is_pointed_at() {
    let dir = folder("order-0");
    let cause = std::fs::read_to_string("content/causes/fasciitis.toml").unwrap();
    let cause = cause.replacen("order = 1\n", "order = 0\n", 1);
    write(&dir, "causes/zero.toml", cause.as_bytes());
    let line = cause.lines().position(|l| l == "order = 0").unwrap() + 1;
    skipped_with_one_warning(
        &dir,
        &format!("zero.toml:{line}:9"),
        &["causes"],
        "order must be at least 1",
    );
}

#[test]
fn a_content_folder_that_is_a_file_is_a_usage_error() {
    let dir = folder("content-file");
    write(&dir, "file", b"");
    let out = run(&["--content", dir.join("file").to_str().unwrap(), "causes"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("is not a folder"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn weizhong_content_names_the_folder_and_empty_means_unset() {
    let out = weizhong(&["stretch"])
        .env("WEIZHONG_CONTENT", "tests/fixtures/content")
        .output()
        .unwrap();
    assert!(text(&out.stdout).contains("Calf stretch (yours)"));
    let out = weizhong(&["stretch"])
        .env("WEIZHONG_CONTENT", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!text(&out.stdout).contains("(yours)"));
}

#[test]
fn a_missing_content_folder_stops_only_what_reads_content() {
    let with = |args: &[&str]| {
        weizhong(args)
            .env("WEIZHONG_CONTENT", "/no/such/folder")
            .output()
            .unwrap()
    };
    for args in [&["stretch"][..], &["check"]] {
        let out = with(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stdout).is_empty());
        assert!(
            text(&out.stderr)
                .starts_with("error: the content folder /no/such/folder does not exist"),
            "{}",
            text(&out.stderr)
        );
    }
    for args in [
        &["man"][..],
        &["config", "--path"],
        &["config"],
        &["remind", "status"],
        &["remind", "at", "21:30", "--print"],
    ] {
        let out = with(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(text(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn the_xdg_config_folder_is_read() {
    let dir = folder("xdg");
    let calf = std::fs::read("tests/fixtures/content/stretches/calf.toml").unwrap();
    write(&dir, "weizhong/stretches/calf.toml", &calf);
    let out = weizhong(&["stretch", "calf"])
        .env("XDG_CONFIG_HOME", &dir)
        .output()
        .unwrap();
    assert!(
        text(&out.stdout).starts_with("Calf stretch (yours)\n"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_user_file_with_a_builtin_id_replaces_it() {
    let dir = folder("replace");
    let calf = std::fs::read_to_string("tests/fixtures/content/stretches/calf.toml").unwrap();
    let butterfly = calf
        .replace("order = 4", "order = 2")
        .replace("Calf stretch", "My butterfly")
        .replace("aliases = [\"calf\", \"wall-calf\"]", "aliases = []");
    write(&dir, "stretches/butterfly.toml", butterfly.as_bytes());
    let out = run(&["--content", dir.to_str().unwrap(), "stretch"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("2  My butterfly (yours)   20 s × 2"),
        "{stdout}"
    );
    assert!(!stdout.contains("Butterfly stretch"), "{stdout}");
}

#[test]
fn garbage_columns_and_empty_arguments() {
    let plain = run(&["causes"]);
    for columns in ["abc", "-5", "0", "99999999999999999999", ""] {
        let out = weizhong(&["causes"])
            .env("COLUMNS", columns)
            .output()
            .unwrap();
        assert_eq!(out.stdout, plain.stdout, "COLUMNS={columns:?}");
    }
    for args in [&["stretch", ""][..], &["causes", " "][..], &["", ""][..]] {
        let out = run(args);
        no_panic(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).starts_with("error: "), "{args:?}");
    }
}

#[test]
fn completions_name_the_stretches_where_the_shell_allows() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        for command in ["routine", "stretch", "causes", "relief", "check"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
        // clap_complete completes positional values for bash and zsh only.
        if matches!(shell, "bash" | "zsh") {
            for name in ["spiral-twist", "butterfly", "foot-soak", "before-bed"] {
                assert!(script.contains(name), "{shell} lacks {name}");
            }
        }
    }
    let mine = run(&["--content", "tests/fixtures/content", "completions", "bash"]);
    assert!(text(&mine.stdout).contains("spiral-twist butterfly horizontal calf"));
    let bash = text(&run(&["completions", "bash"]).stdout);
    assert!(bash.contains(
        "about safety log remind config check completions man help causes stretch relief routine\""
    ));
}

#[test]
fn the_man_page_has_every_command() {
    let out = run(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let roff = text(&out.stdout);
    assert!(
        roff.starts_with(".ie \\n(.g .ds Aq \\(aq") || roff.starts_with(".TH"),
        "{roff}"
    );
    assert!(roff.contains(".TH weizhong 1"), "{roff}");
    for command in [
        "ROUTINE",
        "ABOUT",
        "CAUSES",
        "STRETCH",
        "RELIEF",
        "SAFETY",
        "LOG",
        "CHECK",
        "COMPLETIONS",
        "MAN",
    ] {
        assert!(
            roff.contains(&format!(".SH \"WEIZHONG {command}\"")),
            "{command}"
        );
    }
    assert!(roff.contains("\\-\\-guide"), "{roff}");
    // One page: no pointers to pages that are not there, and help is no section of its own.
    assert!(!roff.contains("(1)"), "{roff}");
    assert!(!roff.contains("WEIZHONG HELP"), "{roff}");
    for section in [
        ".SH \"EXIT STATUS\"\n.TP\n0\n",
        ".TP\n1\n",
        ".TP\n2\n",
        ".TP\n130\n",
        ".SH ENVIRONMENT\n",
        ".SH FILES\n",
    ] {
        assert!(roff.contains(section), "{section:?} in {roff}");
    }
    for name in [
        "WEIZHONG_CONTENT",
        "WEIZHONG_TIME_SCALE",
        "XDG_CONFIG_HOME",
        "XDG_DATA_HOME",
        "HOME",
        "LC_ALL, LC_MESSAGES, LANG",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "TERM",
        "~/.config/weizhong/",
        "~/.local/share/weizhong/history.jsonl",
    ] {
        assert!(roff.contains(&format!(".TP\n\\fB{name}\\fR\n")), "{name}");
    }

    // Where man is installed (it is on the machines this project runs on), it renders the page.
    if Path::new("/usr/bin/man").exists() {
        let mut man = Command::new("/usr/bin/man")
            .args(["-l", "-"])
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(&mut man.stdin.take().unwrap(), roff.as_bytes()).unwrap();
        let shown = man.wait_with_output().unwrap();
        assert!(shown.status.success(), "{}", text(&shown.stderr));
        let page = text(&shown.stdout);
        assert!(page.contains("WEIZHONG STRETCH"), "{page}");
    }
}

#[test]
fn the_documented_example_is_the_file_the_tests_load() {
    let docs = std::fs::read_to_string("docs/content.md").unwrap();
    for file in ["stretches/calf.toml", "routines/morning.toml"] {
        let example = std::fs::read_to_string(format!("tests/fixtures/content/{file}")).unwrap();
        assert!(
            docs.contains(&format!("```toml\n{example}```")),
            "docs/content.md does not show {file} as it is"
        );
    }
    let out = run(&["check", "tests/fixtures/content"]);
    assert_eq!(text(&out.stdout), "✓ 2 files OK\n");
}
