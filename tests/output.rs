//! What the binary writes where: colour on demand, errors only on stderr, closed pipes and full
//! disks.

mod common;

use std::process::Stdio;

use common::{run, text, weizhong};

#[test]
fn color_always_styles_headings_and_steps() {
    let out = run(&["stretch", "butterfly", "--color", "always"]);
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("\u{1b}[1m\u{1b}[36mButterfly stretch\u{1b}[0m\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\u{1b}[1m\u{1b}[32mSteps\u{1b}[0m\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  \u{1b}[36m1. \u{1b}[0mSit"), "{stdout}");
}

#[test]
fn color_always_styles_errors_and_help_too() {
    let out = run(&["stretch", "buterfly", "--color=always"]);
    assert!(text(&out.stderr).starts_with("\u{1b}[1m\u{1b}[31merror:\u{1b}[0m no stretch"));
    let help = run(&["--color", "always", "--help"]);
    assert!(
        text(&help.stdout).contains("\u{1b}[1m\u{1b}[32mUsage:"),
        "{}",
        text(&help.stdout)
    );
}

#[test]
fn piped_output_and_color_never_have_no_escape_codes() {
    for args in [
        &["causes"][..],
        &["stretch", "--color", "never"][..],
        &["--help"][..],
    ] {
        let out = run(args);
        assert!(!out.stdout.contains(&0x1b), "{args:?}");
        assert!(!out.stdout.contains(&b'\r'), "{args:?}");
    }
}

#[test]
fn clicolor_force_colours_a_pipe_and_no_color_wins_over_it() {
    let forced = weizhong(&["safety"])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(forced.stdout.contains(&0x1b));
    let both = weizhong(&["safety"])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!both.stdout.contains(&0x1b));
}

#[test]
fn an_unknown_name_writes_nothing_to_stdout() {
    let out = run(&["stretch", "buterfly"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "error: no stretch named 'buterfly'\n\
         tip: did you mean 'butterfly'?\n\
         tip: the stretches are: spiral-twist, butterfly, horizontal\n"
    );
}

#[test]
fn a_closed_pipe_exits_quietly() {
    for args in [&["causes"][..], &[][..], &["--help"][..]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = weizhong(args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(text(&out.stderr), "", "{args:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_error_line_and_exit_1() {
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = weizhong(&["causes"])
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: could not write the output: "),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn non_utf8_arguments_are_a_usage_error_not_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let out = weizhong(&["stretch"])
        .arg(std::ffi::OsStr::from_bytes(b"\xff\xfe"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).starts_with("error: "),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn very_long_names_are_cut_short_in_errors() {
    let long = "x".repeat(10_000);
    let out = run(&["causes", &long]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with(&format!("error: no cause named '{}…'\n", "x".repeat(40))));
}

#[test]
fn every_line_fits_the_requested_width_in_both_languages() {
    let commands: [&[&str]; 11] = [
        &[],
        &["about"],
        &["causes"],
        &["stretch"],
        &["stretch", "spiral"],
        &["relief"],
        &["safety"],
        &["routine"],
        &["routine", "--list"],
        &["log"],
        &["check", "tests/fixtures/broken"],
    ];
    for lang in ["en", "zh"] {
        for width in ["20", "40", "80"] {
            for command in commands {
                let args = [&["--lang", lang, "--width", width][..], command].concat();
                let out = run(&args);
                let limit: usize = width.parse().unwrap();
                for line in text(&out.stdout).lines() {
                    // weizhong check names files and shows their lines as they are.
                    let quoted = ["tests/fixtures", " |"];
                    if quoted.iter().any(|q| line.contains(q)) {
                        continue;
                    }
                    let columns = unicode_width::UnicodeWidthStr::width(line);
                    assert!(columns <= limit, "{args:?}: {line:?}");
                }
            }
        }
    }
}

#[test]
fn a_chinese_locale_gives_the_chinese_guide() {
    let chinese = weizhong(&["causes"])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(
        text(&chinese.stdout).starts_with("1.1 筋膜炎\n"),
        "{}",
        text(&chinese.stdout)
    );
    let messages = weizhong(&["causes"])
        .env_remove("LC_ALL")
        .env("LC_MESSAGES", "zh_TW.UTF-8")
        .env("LANG", "en_GB.UTF-8")
        .output()
        .unwrap();
    assert!(text(&messages.stdout).starts_with("1.1 筋膜炎\n"));
    for locale in ["en_US.UTF-8", "C", "POSIX", "", "fr_FR"] {
        let out = weizhong(&["causes"])
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", locale)
            .output()
            .unwrap();
        assert!(
            text(&out.stdout).starts_with("1.1 Fasciitis\n"),
            "LANG={locale:?}"
        );
    }
    let forced = weizhong(&["--lang", "en", "causes"])
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(text(&forced.stdout).starts_with("1.1 Fasciitis\n"));
}
