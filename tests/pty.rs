//! The timed routine in a real pseudo-terminal, sped up with WEIZHONG_TIME_SCALE: keys, the live
//! countdown, Ctrl-C, the restored cursor and the exit code.

#![cfg(unix)]

mod common;

use std::time::Instant;

use common::weizhong;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

const SHOW_CURSOR: &str = "\u{1b}[?25h";

/// rexpect reads the terminal byte by byte, each byte as one char: match UTF-8 that way.
fn expect(p: &mut PtySession, text: &str) {
    let needle: String = text.bytes().map(char::from).collect();
    if let Err(e) = p.exp_string(&needle) {
        let message = e.to_string();
        let tail: String = message
            .chars()
            .rev()
            .take(400)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        panic!("did not see {text:?}: …{tail}");
    }
}

fn press(p: &mut PtySession, keys: &str) {
    p.send(keys).expect("keys are sent");
    p.flush().expect("keys are sent");
}

fn routine(scale: &str, args: &[&str]) -> PtySession {
    let mut command = weizhong(args);
    command
        .env("WEIZHONG_TIME_SCALE", scale)
        .env("NO_COLOR", "1")
        // Sessions are noted in a log of the tests' own.
        .env(
            "XDG_DATA_HOME",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/pty-data"),
        );
    spawn_command(command, Some(20_000)).expect("weizhong starts in a pty")
}

#[test]
fn enter_pause_skip_and_ctrl_c() {
    // 33 times faster: a 10 s hold takes 0.3 s.
    let mut p = routine("0.03", &["routine"]);
    expect(&mut p, "3 stretches · 2 min 56 s");
    expect(&mut p, "Press Enter to begin (q to quit)");
    press(&mut p, "\r");
    expect(&mut p, "1 of 3 · Spiral twist");
    expect(&mut p, "Get into position · left side");
    expect(&mut p, "rep 2 of 3 — hold");

    press(&mut p, " ");
    expect(&mut p, "paused · Space to go on");
    press(&mut p, " ");
    expect(&mut p, "Switch to the right side");

    press(&mut p, "s");
    expect(&mut p, "skipped");
    expect(&mut p, "2 of 3 · Butterfly stretch");
    expect(&mut p, "Butterfly stretch · rep 2 of 2 — hold");
    expect(&mut p, "3 of 3 · Horizontal stretch");

    p.send_control('c').unwrap();
    expect(&mut p, "Interrupted: 1 of 3 stretches · ");
    let rest = p.exp_eof().unwrap();
    assert!(
        rest.contains(SHOW_CURSOR),
        "the cursor is shown again: {rest:?}"
    );
    assert!(matches!(p.process().wait(), Ok(WaitStatus::Exited(_, 130))));
}

#[test]
fn a_whole_routine_ends_with_its_summary_and_the_bedtime_tip() {
    let mut p = routine("0", &["routine", "--no-wait"]);
    expect(&mut p, "Done: 3 of 3 stretches · 2 min 56 s");
    expect(&mut p, "weizhong relief foot-soak");
    let rest = p.exp_eof().unwrap();
    assert!(rest.contains(SHOW_CURSOR), "{rest:?}");
    assert!(matches!(p.process().wait(), Ok(WaitStatus::Exited(_, 0))));
}

#[test]
fn q_quits_with_exit_0_and_a_guided_stretch_runs_the_same_way() {
    let mut p = routine("0.02", &["stretch", "butterfly", "--guide", "--no-wait"]);
    expect(&mut p, "1 of 1 · Butterfly stretch");
    expect(&mut p, "rep 1 of 2 — hold");
    press(&mut p, "q");
    expect(&mut p, "Stopped: 0 of 1 stretch · ");
    p.exp_eof().unwrap();
    assert!(matches!(p.process().wait(), Ok(WaitStatus::Exited(_, 0))));
}

#[test]
fn the_timed_run_speaks_chinese() {
    let mut p = routine("0", &["--lang", "zh", "routine"]);
    expect(&mut p, "3 个动作 · 2 分 56 秒");
    expect(&mut p, "按回车键开始（按 q 退出）");
    press(&mut p, "\r");
    expect(&mut p, "第 1/3 个 · 螺旋扭转");
    expect(&mut p, "换到右侧");
    expect(&mut p, "蝴蝶式伸展 · 第 2/2 次 — 保持");
    expect(&mut p, "完成：3/3 个动作 · 2 分 56 秒");
    expect(&mut p, "weizhong relief foot-soak");
    p.exp_eof().unwrap();
    assert!(matches!(p.process().wait(), Ok(WaitStatus::Exited(_, 0))));
}

#[test]
fn a_bad_time_scale_is_a_usage_error() {
    let mut p = routine("fast", &["routine", "--no-wait"]);
    expect(&mut p, "error: WEIZHONG_TIME_SCALE is 'fast'");
    p.exp_eof().unwrap();
    assert!(matches!(p.process().wait(), Ok(WaitStatus::Exited(_, 2))));
}

#[test]
fn a_hold_lasts_its_time_scaled() {
    // The butterfly: 26 s of plan at 1/20 speed is 1.3 s; a drifting clock would overshoot.
    let started = Instant::now();
    let mut p = routine(
        "0.05",
        &["stretch", "butterfly", "--guide", "--no-wait", "--quiet"],
    );
    expect(&mut p, "Done: 1 of 1 stretch · 26 s");
    p.exp_eof().unwrap();
    // Never early. (How late it may be on a busy machine is the benchmark's to measure.)
    let elapsed = started.elapsed().as_secs_f64();
    assert!(elapsed >= 1.3, "{elapsed}");
}
