//! What the integration tests share: the real binary, run apart from the caller's environment.

#![allow(dead_code, reason = "each test file uses part of this")]

#[cfg(unix)]
pub mod screen;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The binary with a plain environment: no colour settings, no terminal width, English, and no
/// content, config or data folders of the caller's.
pub fn weizhong(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_weizhong"));
    command.args(args);
    for var in [
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "TERM",
        "COLUMNS",
        "WEIZHONG_CONTENT",
        "WEIZHONG_TIME_SCALE",
        "LC_MESSAGES",
        "LANG",
        "ACCESSIBLE",
        "WEIZHONG_SPEECH_COMMAND",
        "DISPLAY",
        "DBUS_SESSION_BUS_ADDRESS",
        "XDG_RUNTIME_DIR",
    ] {
        command.env_remove(var);
    }
    command
        // No speech program but a test's own fake is ever found.
        .env("PATH", "/nonexistent/weizhong-tests")
        .env("LC_ALL", "C")
        .env("XDG_CONFIG_HOME", "/nonexistent/weizhong-tests")
        .env("XDG_DATA_HOME", "/nonexistent/weizhong-tests");
    command
}

pub fn run(args: &[&str]) -> Output {
    weizhong(args).output().expect("weizhong runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh, empty folder for one test.
pub fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Columns `line` takes in a terminal, counting a Chinese character as two.
pub fn width(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}
