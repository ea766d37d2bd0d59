//! The timed run as a user meets it, in a pseudo-terminal read through a terminal emulator: the
//! full-screen view and a resize, Ctrl-Z and `fg`, closing the window and `kill`, keys that are
//! not the run's, the plain view's whole transcript, and the spoken cues through a fake speech
//! program that writes down what it is asked to say.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::time::Duration;

use common::screen::Screen;
use common::{folder, text};

/// The practice log's records in `data`, as JSON values.
fn records(data: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(data.join("weizhong/history.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A run with its own log and time scale.
fn run(args: &[&str], data: &Path, scale: &str, size: (u16, u16)) -> Screen {
    let data = data.to_str().unwrap();
    Screen::spawn(
        args,
        &[
            ("XDG_DATA_HOME", data),
            ("WEIZHONG_TIME_SCALE", scale),
            ("NO_COLOR", "1"),
        ],
        size,
    )
}

/// The rows of the screen with the block digits and the bar as `<blocks>`.
fn screen_rows(screen: &Screen) -> Vec<String> {
    screen
        .rows()
        .into_iter()
        .map(|row| {
            let blocks = !row.trim().is_empty() && row.chars().all(|c| " █░".contains(c));
            if blocks { "<blocks>".to_owned() } else { row }
        })
        .collect()
}

fn centred(text: &str, columns: usize) -> String {
    let width = text.chars().count();
    format!("{}{text}", " ".repeat((columns - width) / 2))
}

#[test]
fn the_full_screen_at_80_by_24_and_after_a_resize_to_40_by_12() {
    let data = folder("screen-big");
    // Real time: the run is paused within its first second, so the screen holds still.
    let mut screen = run(&["routine", "--no-wait"], &data, "1", (80, 24));
    screen.wait_for("Get into position · left side");
    screen.send(" ");
    screen.wait_for("paused · Space to go on");
    let rows = screen_rows(&screen);
    let shown = screen.contents();
    assert_eq!(
        rows[..4],
        [
            centred("Before bed · 1/3", 80),
            centred("Spiral twist", 80),
            centred("paused · Space to go on", 80),
            String::new(),
        ],
        "\n{shown}"
    );
    // While getting into position, the seconds take one line, and the pose is drawn with the
    // steps beside it.
    assert!(
        [centred("5 s", 80), centred("4 s", 80)].contains(&rows[4]),
        "\n{shown}"
    );
    assert_eq!(rows[5..8], ["", "<blocks>", ""], "\n{shown}");
    assert!(
        rows[8].ends_with("▄███▄        ▄████▄            1. Sit tall on the mat with both"),
        "\n{shown}"
    );
    assert!(
        rows[19].starts_with("  ▄▄▄▄▄▄▄▄▄▄"),
        "the floor line\n{shown}"
    );
    assert_eq!(rows[22], centred("Next: Rep 1 of 3 · left side — hold", 80));
    assert_eq!(rows[23], centred("Space pause · s skip · q quit", 80));

    screen.resize(40, 12);
    screen.wait_for("Before bed · 1/3");
    std::thread::sleep(Duration::from_millis(300));
    let rows = screen_rows(&screen);
    // No room for the picture, nor for one whole step: the phase, the time, what is next.
    assert_eq!(rows.len(), 12);
    assert_eq!(
        rows[..4],
        [
            centred("Before bed · 1/3", 40),
            centred("Spiral twist", 40),
            centred("paused · Space to go on", 40),
            String::new(),
        ]
    );
    assert_eq!(
        rows[5..8],
        [
            "",
            "<blocks>",
            &centred("Next: Rep 1 of 3 · left side — hold", 40)
        ]
    );
    assert_eq!(rows[8..11], ["", "", ""], "\n{}", screen.contents());
    assert_eq!(rows[11], centred("Space pause · s skip · q quit", 40));
    assert!(rows.iter().all(|r| r.chars().count() <= 40));

    screen.send("q");
    assert_eq!(screen.wait(), 0);
    // The summary is on the normal screen, where the intro was.
    let shown = screen.contents();
    assert!(shown.contains("Stopped: 0 of 3 stretches"), "{shown}");
    assert!(shown.contains("3 stretches · 2 min 56 s"), "{shown}");
    assert!(screen.cooked());
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_comes_back_paused() {
    let data = folder("screen-suspend");
    let mut screen = run(
        &[
            "stretch",
            "butterfly",
            "--guide",
            "--no-wait",
            "--view",
            "line",
        ],
        &data,
        "0.1",
        (80, 24),
    );
    screen.wait_for("rep 1 of 2 — hold");
    screen.send("\x1a");
    // Stopped, as a shell job is, with the terminal cooked and the cursor shown.
    wait_until_stopped(&screen, true);
    assert!(screen.cooked());
    // The last bytes written before the stop may reach the reader a moment after it.
    let waited = std::time::Instant::now();
    while !screen.output().ends_with("\u{1b}[?25h") {
        assert!(
            waited.elapsed() < Duration::from_secs(10),
            "{:?}",
            screen.output()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // Stopped for 1 s of real time, 10 s of the routine's: none of it counts.
    std::thread::sleep(Duration::from_secs(1));
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(screen.pid()),
        nix::sys::signal::Signal::SIGCONT,
    )
    .unwrap();
    screen.wait_for("paused · Space to go on");
    assert!(!screen.cooked());
    screen.send(" ");
    screen.wait_for("Done: 1 of 1 stretch · 26 s");
    assert_eq!(screen.wait(), 0);
    let records = records(&data);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["seconds"], 26);
    assert_eq!(records[0]["ending"], "finished");
}

/// Waits until the process is stopped as a shell job is (state T), or running again.
fn wait_until_stopped(screen: &Screen, stopped: bool) {
    let stat = format!("/proc/{}/stat", screen.pid());
    let state = || std::fs::read_to_string(&stat).unwrap_or_default();
    let waited = std::time::Instant::now();
    while state().contains(") T ") != stopped {
        assert!(waited.elapsed() < Duration::from_secs(10), "{}", state());
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn ctrl_z_and_fg_at_the_prompt_come_back_to_the_prompt() {
    for view in ["big", "line", "plain"] {
        let data = folder(&format!("screen-suspend-prompt-{view}"));
        let mut screen = run(&["routine", "--view", view], &data, "0.1", (80, 24));
        let prompt = "Press Enter to begin (q to quit)";
        screen.wait_for(prompt);
        screen.send("\x1a");
        wait_until_stopped(&screen, true);
        let pid = nix::unistd::Pid::from_raw(screen.pid());
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGCONT).unwrap();
        wait_until_stopped(&screen, false);
        // The prompt again, once, where a shell would have put the cursor after its own lines;
        // and no full screen before Enter.
        let waited = std::time::Instant::now();
        while screen.output().matches(prompt).count() < 2 {
            assert!(waited.elapsed() < Duration::from_secs(10), "{view}");
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(300));
        assert_eq!(screen.output().matches(prompt).count(), 2, "{view}");
        assert!(!screen.output().contains("\u{1b}[?1049h"), "{view}");
        screen.send("\r");
        screen.wait_for_output(if view == "big" {
            "Before bed · 1/3"
        } else {
            "1 of 3 · Spiral twist"
        });
        screen.send("q");
        assert_eq!(screen.wait(), 0, "{view}");
    }
}

#[test]
fn closing_the_window_or_kill_stops_and_notes_the_part_done() {
    for (signal, code) in [
        (nix::sys::signal::Signal::SIGHUP, 129),
        (nix::sys::signal::Signal::SIGTERM, 143),
        (nix::sys::signal::Signal::SIGQUIT, 131),
    ] {
        let data = folder(&format!("screen-{signal}"));
        let screen = run(
            &["routine", "--no-wait", "--view", "big"],
            &data,
            "0.1",
            (80, 24),
        );
        let mut screen = screen;
        screen.wait_for("Rep 1 of 3 · left side — hold");
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(screen.pid()), signal).unwrap();
        assert_eq!(screen.wait(), code, "{signal}");
        assert!(screen.cooked(), "{signal}");
        let records = records(&data);
        assert_eq!(records.len(), 1, "{signal}");
        assert_eq!(records[0]["ending"], "interrupted", "{signal}");
        assert_eq!(records[0]["completed"], serde_json::json!([]), "{signal}");
        // Back on the normal screen, the summary says so.
        assert!(
            screen.contents().contains("Interrupted: 0 of 3 stretches"),
            "{signal}: {}",
            screen.contents()
        );
    }
}

#[test]
fn function_keys_are_not_letters_and_each_s_skips() {
    let data = folder("screen-keys");
    let mut screen = run(
        &["routine", "--no-wait", "--view", "line"],
        &data,
        "0.2",
        (80, 24),
    );
    // The stretch's header is longer than the window: it is in the output, scrolled by.
    screen.wait_for_output("1 of 3 · Spiral twist");
    // F1, F2 and F4 end in P, Q and S: none of them pauses, quits or skips.
    screen.send("\u{1b}OP\u{1b}OQ\u{1b}OS\u{1b}[15~");
    std::thread::sleep(Duration::from_millis(300));
    let shown = screen.contents();
    assert!(!shown.contains("paused"), "{shown}");
    assert!(!shown.contains("skipped"), "{shown}");
    screen.send("sss");
    screen.wait_for("Done: 0 of 3 stretches");
    assert_eq!(screen.wait(), 0);
    assert_eq!(screen.output().matches("skipped").count(), 3);
    assert_eq!(records(&data)[0]["completed"], serde_json::json!([]));
}

#[test]
fn quitting_while_paused_notes_the_time_before_the_pause() {
    let data = folder("screen-paused-quit");
    let mut screen = run(
        &[
            "stretch",
            "butterfly",
            "--guide",
            "--no-wait",
            "--view",
            "line",
        ],
        &data,
        "0.25",
        (80, 24),
    );
    screen.wait_for("rep 1 of 2 — hold");
    screen.send(" ");
    screen.wait_for("paused · Space to go on");
    // 3 s paused are 12 s of the routine's; the note keeps only the 5 or 6 before the pause.
    std::thread::sleep(Duration::from_secs(3));
    screen.send("q");
    assert_eq!(screen.wait(), 0);
    let seconds = records(&data)[0]["seconds"].as_u64().unwrap();
    assert!((5..=7).contains(&seconds), "{seconds}");
}

#[test]
fn quitting_at_the_prompt_notes_nothing() {
    let data = folder("screen-prompt-quit");
    let mut screen = run(&["routine"], &data, "0.1", (80, 24));
    screen.wait_for("Press Enter to begin (q to quit)");
    screen.send("q");
    assert_eq!(screen.wait(), 0);
    assert!(records(&data).is_empty());
    assert!(screen.cooked());
}

#[test]
fn without_a_keyboard_there_is_no_prompt() {
    let data = folder("screen-no-stdin");
    let line = format!(
        "{} routine --view line < /dev/null",
        env!("CARGO_BIN_EXE_weizhong")
    );
    let mut script = std::process::Command::new("script");
    script.args(["-qec", &line, "/dev/null"]);
    for (key, value) in common::weizhong(&[])
        .get_envs()
        .filter(|(k, _)| *k != "PATH")
    {
        match value {
            Some(value) => script.env(key, value),
            None => script.env_remove(key),
        };
    }
    let out = script
        .env("XDG_DATA_HOME", &data)
        .env("WEIZHONG_TIME_SCALE", "0")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let shown = text(&out.stdout);
    assert!(!shown.contains("Press Enter"), "{shown}");
    assert!(shown.contains("Done: 3 of 3 stretches"), "{shown}");
}

#[test]
fn the_plain_view_is_one_line_a_step() {
    let data = folder("screen-plain");
    let mut screen = run(
        &[
            "stretch",
            "butterfly",
            "--guide",
            "--no-wait",
            "--view",
            "plain",
        ],
        &data,
        "0",
        (80, 24),
    );
    assert_eq!(screen.wait(), 0);
    let transcript = screen.output().replace("\r\n", "\n");
    assert!(!transcript.contains('\u{1b}'), "{transcript:?}");
    let golden = std::fs::read_to_string("tests/golden/plain-butterfly.txt").unwrap();
    assert_eq!(transcript, golden);
}

/// A fake speech program that writes down each cue, and the file it writes to.
fn fake_voice(dir: &Path) -> (String, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let cues = dir.join("cues.txt");
    let program = dir.join("fake-say");
    std::fs::write(
        &program,
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", cues.display()),
    )
    .unwrap();
    std::fs::set_permissions(&program, std::fs::Permissions::from_mode(0o755)).unwrap();
    (program.display().to_string(), cues)
}

fn cues_of(args: &[&str], name: &str) -> (Vec<String>, String) {
    let dir = folder(name);
    let (program, cues) = fake_voice(&dir);
    let mut screen = Screen::spawn(
        args,
        &[
            ("XDG_DATA_HOME", dir.to_str().unwrap()),
            ("WEIZHONG_TIME_SCALE", "0.05"),
            ("WEIZHONG_SPEECH_COMMAND", &program),
            ("NO_COLOR", "1"),
        ],
        (80, 24),
    );
    assert_eq!(screen.wait(), 0);
    let said = std::fs::read_to_string(cues).unwrap_or_default();
    (said.lines().map(String::from).collect(), screen.output())
}

#[test]
fn the_spiral_twist_is_spoken_in_english() {
    let (said, shown) = cues_of(
        &[
            "stretch",
            "spiral-twist",
            "--guide",
            "--no-wait",
            "--view",
            "line",
        ],
        "voice-en",
    );
    let side = |first: &str| {
        let mut cues = vec![first.to_owned()];
        for rep in 1..=3 {
            cues.extend(["Hold, 10 seconds.", "3", "2", "1"].map(String::from));
            if rep < 3 {
                cues.push("Relax.".to_owned());
            }
        }
        cues
    };
    let mut expected = side("Spiral twist, left side. Get into position.");
    expected.extend(side("Switch to the right side. Get into position."));
    expected.push("All done. Well done.".to_owned());
    assert_eq!(said, expected);
    assert!(shown.contains("Cues are spoken by"), "{shown}");
}

#[test]
fn the_butterfly_is_spoken_in_chinese() {
    let (said, _) = cues_of(
        &[
            "--lang",
            "zh",
            "stretch",
            "butterfly",
            "--guide",
            "--no-wait",
            "--view",
            "line",
        ],
        "voice-zh",
    );
    assert_eq!(
        said,
        [
            "蝴蝶式伸展。摆好姿势。",
            "保持 8 秒。",
            "3",
            "2",
            "1",
            "放松。",
            "保持 8 秒。",
            "3",
            "2",
            "1",
            "全部做完了。",
        ]
    );
}
