//! The practice log through the real binary: sessions appended by guided runs (in a
//! pseudo-terminal), read back by `weizhong log`, never lost, never blocking a routine.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{folder, text, weizhong};

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

fn command(data: &Path, args: &[&str]) -> Command {
    let mut command = weizhong(args);
    command
        .env("XDG_DATA_HOME", data)
        .env("NO_COLOR", "1")
        .env("WEIZHONG_TIME_SCALE", "0");
    command
}

fn log(data: &Path, args: &[&str]) -> Output {
    command(data, &[&["log"], args].concat()).output().unwrap()
}

/// A guided run in a pseudo-terminal, where the timer runs; it does not wait (scale 0).
fn guided(data: &Path, args: &[&str]) -> PtySession {
    spawn_command(command(data, args), Some(20_000)).unwrap()
}

/// Waits for the end, and gives what the terminal showed (rexpect reads bytes as chars).
fn finish(mut p: PtySession) -> String {
    let out = p.exp_eof().unwrap();
    let bytes: Vec<u8> = out
        .chars()
        .map(|c| u8::try_from(c).unwrap_or(b'?'))
        .collect();
    let out = String::from_utf8_lossy(&bytes).into_owned();
    assert!(
        matches!(p.process().wait(), Ok(WaitStatus::Exited(_, 0))),
        "{out}"
    );
    out
}

fn history(data: &Path) -> String {
    std::fs::read_to_string(data.join("weizhong/history.jsonl")).unwrap_or_default()
}

/// A record on a day some days before today, in today's offset.
fn record(days_ago: i32, id: &str) -> String {
    let day = jiff::ZonedDateTime::now()
        .date()
        .checked_sub(jiff::Span::new().days(days_ago))
        .unwrap();
    format!(
        r#"{{"at":"{day}T21:30:00+01:00","kind":"routine","id":"{id}","completed":["butterfly"],"of":3,"seconds":60,"ending":"quit"}}"#
    )
}

#[test]
fn an_empty_or_missing_log_says_how_to_start() {
    let data = folder("log-empty");
    let out = log(&data, &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("No sessions yet. Run weizhong routine"));
    std::fs::create_dir_all(data.join("weizhong")).unwrap();
    std::fs::write(data.join("weizhong/history.jsonl"), "").unwrap();
    assert_eq!(log(&data, &[]).stdout, out.stdout);
}

#[test]
fn a_guided_run_is_noted_and_no_log_and_print_are_not() {
    let data = folder("log-noted");
    finish(guided(
        &data,
        &["stretch", "butterfly", "--guide", "--no-wait"],
    ));
    let lines: Vec<String> = history(&data).lines().map(String::from).collect();
    assert_eq!(lines.len(), 1);
    let record: serde_json::Value = serde_json::from_str(&lines[0]).unwrap();
    assert_eq!(record["kind"], "stretch");
    assert_eq!(record["id"], "butterfly");
    assert_eq!(record["completed"], serde_json::json!(["butterfly"]));
    assert_eq!(record["seconds"], 26);
    assert_eq!(record["ending"], "finished");
    assert!(
        record["at"]
            .as_str()
            .unwrap()
            .parse::<jiff::Timestamp>()
            .is_ok()
    );

    finish(guided(&data, &["routine", "--no-wait", "--no-log"]));
    command(&data, &["routine", "--print"]).output().unwrap();
    assert_eq!(history(&data).lines().count(), 1);

    let shown = text(&log(&data, &[]).stdout);
    assert!(shown.contains("Current streak  1 day"), "{shown}");
    assert!(
        shown.contains("Butterfly stretch · 1 of 1 stretch · 26 s"),
        "{shown}"
    );
}

#[test]
fn a_quit_session_is_noted_as_quit() {
    let data = folder("log-quit");
    let mut p = spawn_command(
        {
            let mut c = command(&data, &["routine", "--no-wait"]);
            c.env("WEIZHONG_TIME_SCALE", "0.05");
            c
        },
        Some(20_000),
    )
    .unwrap();
    p.exp_string("rep 1 of 3").unwrap();
    p.send("q").unwrap();
    p.flush().unwrap();
    finish(p);
    let record: serde_json::Value = serde_json::from_str(history(&data).trim()).unwrap();
    assert_eq!(record["ending"], "quit");
    assert_eq!(record["completed"], serde_json::json!([]));
    assert_eq!(record["of"], 3);
}

#[test]
fn fifty_sessions_at_once_leave_fifty_whole_lines() {
    // Each session needs a terminal; `script` (util-linux, on every Debian) gives each its own
    // and drains it, which a test harness reading ptys byte by byte cannot do for fifty at once.
    let data = folder("log-fifty");
    let line = format!(
        "{} stretch butterfly --guide --no-wait --quiet",
        env!("CARGO_BIN_EXE_weizhong")
    );
    let children: Vec<_> = (0..50)
        .map(|_| {
            let mut script = Command::new("script");
            script.args(["-qec", &line, "/dev/null"]);
            // Its own PATH, to find `script` and the shell it runs weizhong with.
            for (key, value) in command(&data, &[]).get_envs().filter(|(k, _)| *k != "PATH") {
                match value {
                    Some(value) => script.env(key, value),
                    None => script.env_remove(key),
                };
            }
            script
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("script runs")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let all = history(&data);
    assert_eq!(all.lines().count(), 50);
    for line in all.lines() {
        let record: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(record["id"], "butterfly");
    }
    let shown = text(&log(&data, &[]).stdout);
    assert!(
        shown.contains("Sessions        50, 21 min 40 s in all"),
        "{shown}"
    );
}

#[test]
fn a_broken_line_is_skipped_with_one_warning_and_the_rest_count() {
    let data = folder("log-broken");
    std::fs::create_dir_all(data.join("weizhong")).unwrap();
    let file = format!(
        "{}\n{{\"at\":\"2026-11-2\n{}\n{}\n",
        record(2, "before-bed"),
        record(1, "before-bed"),
        record(0, "before-bed")
    );
    std::fs::write(data.join("weizhong/history.jsonl"), &file).unwrap();
    let out = log(&data, &[]);
    assert_eq!(out.status.code(), Some(0));
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("warning: skipped line 2 of "),
        "{stderr}"
    );
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Current streak  3 days"), "{stdout}");
    assert!(
        stdout.contains("Sessions        3, 3 min in all"),
        "{stdout}"
    );
    assert!(stdout.contains("· · · · · · · · · · · ● ● ●"), "{stdout}");
    // The log only reads: the broken line is still there.
    assert_eq!(history(&data), file);
}

#[test]
fn an_unwritable_data_folder_warns_once_and_the_routine_still_runs() {
    let data = folder("log-unwritable");
    // A file where the data folder should be: root can write anywhere, but not into a file.
    std::fs::write(data.join("weizhong"), "not a folder").unwrap();
    let p = guided(&data, &["stretch", "butterfly", "--guide", "--no-wait"]);
    let out = finish(p);
    assert!(out.contains("Done: 1 of 1 stretch · 26 s"), "{out}");
    assert_eq!(out.matches("warning:").count(), 1, "{out}");
    assert!(
        out.contains("warning: this session was not noted in "),
        "{out}"
    );
    let folder = data.join("weizhong");
    assert!(
        out.contains(&format!("{} is a file, not a folder", folder.display())),
        "{out}"
    );
    assert!(!out.contains("os error"), "{out}");

    let log = log(&data, &[]);
    assert_eq!(log.status.code(), Some(1));
    assert_eq!(
        text(&log.stderr),
        format!(
            "error: could not read {}/history.jsonl: {} is a file, not a folder\n",
            folder.display(),
            folder.display()
        )
    );
}

#[test]
fn a_log_that_is_a_named_pipe_is_not_opened() {
    let data = folder("log-fifo");
    std::fs::create_dir_all(data.join("weizhong")).unwrap();
    let fifo = data.join("weizhong/history.jsonl");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    // Opening a pipe would wait for its other end: both must fail at once instead.
    let out = log(&data, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "error: could not read {}: {} is not a regular file\n",
            fifo.display(),
            fifo.display()
        )
    );
    let out = finish(guided(
        &data,
        &["stretch", "butterfly", "--guide", "--no-wait"],
    ));
    assert!(
        out.contains(&format!("{} is not a regular file", fifo.display())),
        "{out}"
    );
}

#[test]
fn a_last_line_without_its_end_loses_no_session() {
    // A whole record without its newline, as a hand edit or a copy leaves it.
    let data = folder("log-no-end");
    std::fs::create_dir_all(data.join("weizhong")).unwrap();
    let old = record(1, "before-bed");
    std::fs::write(data.join("weizhong/history.jsonl"), &old).unwrap();
    for _ in 0..2 {
        finish(guided(
            &data,
            &["stretch", "butterfly", "--guide", "--no-wait"],
        ));
    }
    let all = history(&data);
    assert_eq!(all.lines().count(), 3, "{all}");
    assert!(all.starts_with(&format!("{old}\n{{")), "{all}");
    let out = log(&data, &[]);
    assert_eq!(text(&out.stderr), "");
    let shown = text(&out.stdout);
    assert!(
        shown.contains("Sessions        3, 1 min 52 s in all"),
        "{shown}"
    );

    // The 50 bytes a full disk let through: they are one line, skipped, and both sessions
    // after them count.
    let data = folder("log-torn");
    std::fs::create_dir_all(data.join("weizhong")).unwrap();
    let torn = &old[..50];
    std::fs::write(data.join("weizhong/history.jsonl"), torn).unwrap();
    for _ in 0..2 {
        finish(guided(
            &data,
            &["stretch", "butterfly", "--guide", "--no-wait"],
        ));
    }
    let all = history(&data);
    assert!(all.starts_with(&format!("{torn}\n{{")), "{all}");
    let out = log(&data, &[]);
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("warning: skipped line 1 of ") && stderr.lines().count() == 1,
        "{stderr}"
    );
    let shown = text(&out.stdout);
    assert!(shown.contains("Sessions        2, 52 s in all"), "{shown}");
}

#[test]
fn days_and_json() {
    let data = folder("log-json");
    std::fs::create_dir_all(data.join("weizhong")).unwrap();
    let (before, morning) = (record(3, "before-bed"), record(0, "morning"));
    let file = format!("{before}\n{morning}\n");
    std::fs::write(data.join("weizhong/history.jsonl"), file).unwrap();
    let out = log(&data, &["--days", "5", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let today = jiff::ZonedDateTime::now().date();
    let day = |ago: i32, sessions: u32| {
        let date = today.checked_sub(jiff::Span::new().days(ago)).unwrap();
        serde_json::json!({"date": date.to_string(), "sessions": sessions})
    };
    let record = |line: &str| serde_json::from_str::<serde_json::Value>(line).unwrap();
    // The whole document, as README promises its fields.
    assert_eq!(
        json,
        serde_json::json!({
            "days": [day(4, 0), day(3, 1), day(2, 0), day(1, 0), day(0, 1)],
            "current_streak": 1,
            "longest_streak": 1,
            "sessions": 2,
            "seconds": 120,
            "recent": [record(&morning), record(&before)],
        })
    );
    let markdown = text(&log(&data, &["--format", "markdown"]).stdout);
    assert!(markdown.starts_with("# Practice log\n"), "{markdown}");
    // An id that no longer names anything is shown as it is.
    assert!(
        markdown.contains(" · morning · 1 of 3 stretches"),
        "{markdown}"
    );
}
