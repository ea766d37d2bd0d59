//! Speaking a cue aloud through the system's speech program: `WEIZHONG_SPEECH_COMMAND` when it is
//! set, else the first found on PATH — espeak-ng, espeak or spd-say on Linux, `say` on macOS,
//! PowerShell's System.Speech on Windows. Each cue is a child process of its own with its output
//! thrown away, never waited for: a slow voice never holds the timer up. A new cue cuts off one
//! still speaking, and dropping the voice silences it.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::words::Lang;

/// How the cue's text reaches the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Text {
    /// As the last argument.
    Argument,
    /// In the `WEIZHONG_CUE` environment variable (PowerShell reads it: quoting a text into a
    /// PowerShell command line is a trap).
    Environment,
}

/// A speech program and the arguments that come before each cue.
#[derive(Debug)]
pub struct Voice {
    /// What the intro calls it: "espeak-ng", or the command line given.
    pub name: String,
    program: PathBuf,
    args: Vec<String>,
    text: Text,
    speaking: Option<Child>,
}

/// The programs looked for, in order, with their arguments for each language. (eSpeak's
/// Mandarin is slow at its usual rate: a stretch's name and "get into position" would run past
/// the five seconds of getting ready.)
const PROGRAMS: [(&str, &[&str], &[&str]); 4] = [
    ("espeak-ng", &["-v", "en"], &["-v", "cmn", "-s", "200"]),
    ("espeak", &["-v", "en"], &["-v", "zh", "-s", "200"]),
    ("spd-say", &["-l", "en"], &["-l", "zh"]),
    ("say", &[], &["-v", "Tingting"]),
];

impl Voice {
    /// The voice for `lang`: `command` (`WEIZHONG_SPEECH_COMMAND`: a command line split on
    /// white space, no shell) when it is set and not empty, else the first speech program found
    /// on `path` (`PATH`).
    pub fn find(lang: Lang, command: Option<&str>, path: Option<&OsStr>) -> Option<Self> {
        if let Some(command) = command.filter(|c| !c.trim().is_empty()) {
            let mut words = command.split_whitespace().map(str::to_owned);
            let program = words.next()?;
            let found = if program.contains(std::path::MAIN_SEPARATOR) {
                Some(PathBuf::from(&program)).filter(|p| p.is_file())
            } else {
                on_path(&program, path)
            };
            return Some(Self {
                name: command.trim().to_owned(),
                program: found?,
                args: words.collect(),
                text: Text::Argument,
                speaking: None,
            });
        }
        for (name, english, chinese) in PROGRAMS {
            if let Some(program) = on_path(name, path) {
                let args = if lang == Lang::Zh { chinese } else { english };
                return Some(Self {
                    name: name.to_owned(),
                    program,
                    args: args.iter().map(|&a| a.to_owned()).collect(),
                    text: Text::Argument,
                    speaking: None,
                });
            }
        }
        if cfg!(windows) {
            let program = on_path("powershell", path)?;
            let script = "Add-Type -AssemblyName System.Speech; \
                (New-Object System.Speech.Synthesis.SpeechSynthesizer).Speak($env:WEIZHONG_CUE)";
            return Some(Self {
                name: "PowerShell (System.Speech)".to_owned(),
                program,
                args: ["-NoProfile", "-NonInteractive", "-Command", script]
                    .map(str::to_owned)
                    .to_vec(),
                text: Text::Environment,
                speaking: None,
            });
        }
        None
    }

    /// Says `cue`, cutting off the cue before it if that is still being said. A program that
    /// cannot be started is quietly given up on: the run goes on, as the bell would.
    pub fn say(&mut self, cue: &str) {
        self.silence();
        let mut command = Command::new(&self.program);
        command
            .args(&self.args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match self.text {
            Text::Argument => command.arg(cue),
            Text::Environment => command.env("WEIZHONG_CUE", cue),
        };
        self.speaking = command.spawn().ok();
    }

    /// Lets the cue being said end by itself, for at most `time`, then stops it.
    pub fn finish(&mut self, time: std::time::Duration) {
        let until = std::time::Instant::now() + time;
        while let Some(child) = &mut self.speaking {
            if !matches!(child.try_wait(), Ok(None)) || std::time::Instant::now() >= until {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        self.silence();
    }

    /// Stops the cue being said, if any.
    pub fn silence(&mut self) {
        if let Some(mut child) = self.speaking.take() {
            // Killing a program that has already ended does nothing; the wait reaps it.
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Voice {
    fn drop(&mut self) {
        self.silence();
    }
}

/// `name` as a program in one of the folders of `path`.
fn on_path(name: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    let names: Vec<String> = if cfg!(windows) {
        vec![format!("{name}.exe"), name.to_owned()]
    } else {
        vec![name.to_owned()]
    };
    std::env::split_paths(path?)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| runnable(p))
}

fn runnable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    path.is_file()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn folder_with(programs: &[&str]) -> PathBuf {
        folder_running(programs, "")
    }

    /// A folder of programs that each run `body`.
    fn folder_running(programs: &[&str], body: &str) -> PathBuf {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!(
            "weizhong-speech-{}-{}",
            std::process::id(),
            programs.join("-")
        ));
        std::fs::create_dir_all(&dir).unwrap();
        for program in programs {
            let path = dir.join(program);
            std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        dir
    }

    #[test]
    fn the_first_program_found_speaks_the_language() {
        let dir = folder_with(&["spd-say", "espeak-ng"]);
        let path = Some(dir.as_os_str());
        let voice = Voice::find(Lang::Zh, None, path).unwrap();
        assert_eq!(voice.name, "espeak-ng");
        assert_eq!(voice.args, ["-v", "cmn", "-s", "200"]);
        let voice = Voice::find(Lang::En, Some("  "), path).unwrap();
        assert_eq!(voice.args, ["-v", "en"]);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_command_given_wins_and_nothing_found_is_none() {
        let dir = folder_with(&["espeak-ng", "my-voice"]);
        let path = Some(dir.as_os_str());
        let voice = Voice::find(Lang::En, Some("my-voice --fast  -x"), path).unwrap();
        assert_eq!(voice.program, dir.join("my-voice"));
        assert_eq!(voice.args, ["--fast", "-x"]);
        assert_eq!(voice.name, "my-voice --fast  -x");
        assert!(Voice::find(Lang::En, Some("no-such-program"), path).is_none());
        let empty = folder_with(&[]);
        assert!(Voice::find(Lang::En, None, Some(empty.as_os_str())).is_none());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_new_cue_cuts_off_one_still_speaking_and_nothing_waits_for_it() {
        let dir = folder_running(&["slow-voice"], "sleep 30");
        let mut voice = Voice::find(Lang::En, Some("slow-voice"), Some(dir.as_os_str())).unwrap();
        let started = std::time::Instant::now();
        voice.say("Hold, 10 seconds.");
        voice.say("3");
        voice.silence();
        // Each 30-second cue was cut off, not waited for.
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        assert!(voice.speaking.is_none());
        let _ = std::fs::remove_dir_all(dir);
    }
}
