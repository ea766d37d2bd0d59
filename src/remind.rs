//! The bedtime reminder: a timer of the system's own that runs `weizhong remind notify` every
//! day at a set time — a systemd user timer where a systemd user manager answers, a launchd
//! agent where `launchctl` is found (macOS), and elsewhere a crontab line the user adds.
//! Setting one again replaces it; a failed `systemctl` or `launchctl` leaves the files as they
//! were. What the notification says is built by [`message`], from the log and the plan.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use jiff::civil::Time;

use crate::words::{Lang, Words};

/// The names the reminder goes by.
pub const TIMER: &str = "weizhong-remind.timer";
pub const SERVICE: &str = "weizhong-remind.service";
pub const LABEL: &str = "org.weizhong.remind";

/// What keeps the time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scheduler {
    /// A systemd user manager; the units go in this folder.
    Systemd(PathBuf),
    /// launchd; the agent goes in this folder.
    Launchd(PathBuf),
    /// Neither: the user adds a crontab line.
    Cron,
}

impl Scheduler {
    /// The scheduler this system has, asked: a systemd user manager that answers
    /// `systemctl --user show-environment`, else `launchctl`, else cron.
    pub fn find(config_home: Option<&Path>, home: Option<&Path>) -> Self {
        let answers = |program: &str, args: &[&str]| {
            Command::new(program)
                .args(args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        };
        if let Some(config) = config_home {
            if answers("systemctl", &["--user", "show-environment"]) {
                return Scheduler::Systemd(config.join("systemd/user"));
            }
        }
        if let Some(home) = home {
            if answers("launchctl", &["version"]) {
                return Scheduler::Launchd(home.join("Library/LaunchAgents"));
            }
        }
        Scheduler::Cron
    }

    /// Where the reminder's files are.
    pub fn paths(&self) -> Vec<PathBuf> {
        match self {
            Scheduler::Systemd(dir) => vec![dir.join(SERVICE), dir.join(TIMER)],
            Scheduler::Launchd(dir) => vec![PathBuf::from(plist_path(dir))],
            Scheduler::Cron => Vec::new(),
        }
    }

    /// The files a reminder at `time` is, each path and text.
    pub fn files(&self, program: &Path, lang: Lang, time: Time) -> Vec<(PathBuf, String)> {
        match self {
            Scheduler::Systemd(dir) => vec![
                (dir.join(SERVICE), service(program, lang)),
                (dir.join(TIMER), timer(time)),
            ],
            Scheduler::Launchd(dir) => {
                vec![(
                    dir.join(format!("{LABEL}.plist")),
                    plist(program, lang, time),
                )]
            }
            Scheduler::Cron => Vec::new(),
        }
    }

    /// The commands that take the files up, in order.
    fn start(&self) -> Vec<Vec<String>> {
        match self {
            Scheduler::Systemd(_) => vec![
                systemctl(&["daemon-reload"]),
                systemctl(&["enable", TIMER]),
                systemctl(&["restart", TIMER]),
            ],
            Scheduler::Launchd(dir) => vec![launchctl(&["bootstrap", &domain(), &plist_path(dir)])],
            Scheduler::Cron => Vec::new(),
        }
    }

    /// The commands that let the reminder go, before its files are removed.
    fn stop(&self) -> Vec<Vec<String>> {
        match self {
            Scheduler::Systemd(_) => vec![systemctl(&["disable", "--now", TIMER])],
            Scheduler::Launchd(_) => {
                vec![launchctl(&["bootout", &format!("{}/{LABEL}", domain())])]
            }
            Scheduler::Cron => Vec::new(),
        }
    }

    /// The time of the reminder that is set, if one is.
    pub fn set(&self) -> Option<Time> {
        match self {
            Scheduler::Systemd(dir) => {
                let text = std::fs::read_to_string(dir.join(TIMER)).ok()?;
                let at = text
                    .lines()
                    .find_map(|l| l.strip_prefix("OnCalendar=*-*-* "))?;
                at.trim().parse().ok()
            }
            Scheduler::Launchd(dir) => {
                let text = std::fs::read_to_string(plist_path(dir)).ok()?;
                let number = |key: &str| -> Option<i8> {
                    let after = text.split(&format!("<key>{key}</key>")).nth(1)?;
                    let value = after
                        .split("<integer>")
                        .nth(1)?
                        .split("</integer>")
                        .next()?;
                    value.trim().parse().ok()
                };
                Time::new(number("Hour")?, number("Minute")?, 0, 0).ok()
            }
            Scheduler::Cron => {
                let out = Command::new("crontab")
                    .arg("-l")
                    .stdin(Stdio::null())
                    .stderr(Stdio::null())
                    .output()
                    .ok()?;
                cron_time(&String::from_utf8_lossy(&out.stdout))
            }
        }
    }

    /// Sets the reminder: writes its files and takes them up. On failure the files are as they
    /// were before, and the error names the command and what it said.
    pub fn install(&self, files: &[(PathBuf, String)]) -> Result<(), Failed> {
        let before: Vec<Option<String>> = files
            .iter()
            .map(|(path, _)| std::fs::read_to_string(path).ok())
            .collect();
        let result = files
            .iter()
            .try_for_each(|(path, text)| write(path, text).map_err(Failed::Write))
            .and_then(|()| self.start().iter().try_for_each(|c| run(c)));
        if result.is_err() {
            for ((path, _), old) in files.iter().zip(before) {
                let _ = match old {
                    Some(text) => write(path, &text),
                    None => std::fs::remove_file(path),
                };
            }
            if let Scheduler::Systemd(_) = self {
                let _ = run(&systemctl(&["daemon-reload"]));
            }
        }
        result
    }

    /// Lets the reminder go and removes its files; `Ok(false)` when none was set.
    pub fn remove(&self) -> Result<bool, Failed> {
        let paths = self.paths();
        if !paths.iter().any(|path| path.exists()) {
            return Ok(false);
        }
        self.stop().iter().try_for_each(|c| run(c))?;
        for path in &paths {
            if let Err(e) = std::fs::remove_file(path) {
                if e.kind() != io::ErrorKind::NotFound {
                    return Err(Failed::Write(e));
                }
            }
        }
        if let Scheduler::Systemd(_) = self {
            run(&systemctl(&["daemon-reload"]))?;
        }
        Ok(true)
    }

    /// The commands [`install`](Self::install) runs, as a person would type them.
    pub fn start_commands(&self) -> Vec<String> {
        self.start().iter().map(|c| c.join(" ")).collect()
    }
}

/// Why setting or removing a reminder failed.
#[derive(Debug)]
pub enum Failed {
    /// A command failed, or could not be run: the command line and what it said.
    Command(String, String),
    /// A file could not be written or removed.
    Write(io::Error),
}

fn systemctl(args: &[&str]) -> Vec<String> {
    ["systemctl", "--user"]
        .iter()
        .chain(args)
        .map(|&a| a.to_owned())
        .collect()
}

fn launchctl(args: &[&str]) -> Vec<String> {
    std::iter::once("launchctl")
        .chain(args.iter().copied())
        .map(str::to_owned)
        .collect()
}

/// The user's launchd domain: `gui/UID`.
fn domain() -> String {
    #[cfg(unix)]
    let uid = rustix::process::getuid().as_raw();
    #[cfg(not(unix))]
    let uid = 0;
    format!("gui/{uid}")
}

fn plist_path(dir: &Path) -> String {
    dir.join(format!("{LABEL}.plist")).display().to_string()
}

/// Runs a command; its error output is the message when it fails.
fn run(command: &[String]) -> Result<(), Failed> {
    let line = command.join(" ");
    let out = Command::new(&command[0])
        .args(&command[1..])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Failed::Command(line.clone(), e.to_string()))?;
    if out.status.success() {
        return Ok(());
    }
    let said = String::from_utf8_lossy(&out.stderr).trim().to_owned();
    let said = if said.is_empty() {
        out.status.to_string()
    } else {
        said
    };
    Err(Failed::Command(line, said))
}

/// Writes a whole file or none of it: into a file beside it, then renamed over it.
fn write(path: &Path, text: &str) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    let part = PathBuf::from(part);
    std::fs::write(&part, text)?;
    std::fs::rename(&part, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&part);
    })
}

/// The command the timer runs, for systemd: each word quoted where it must be, `%` and `$`
/// doubled (systemd would expand them).
fn exec_start(program: &Path, lang: Lang) -> String {
    let program = program
        .display()
        .to_string()
        .replace('%', "%%")
        .replace('$', "$$");
    let program = if program.contains([' ', '"', '\\', '\'']) {
        format!("\"{}\"", program.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        program
    };
    format!("{program} --lang {} remind notify", lang.code())
}

fn service(program: &Path, lang: Lang) -> String {
    format!(
        "[Unit]\n\
         Description=weizhong: a reminder to stretch before bed\n\
         \n\
         [Service]\n\
         Type=oneshot\n\
         ExecStart={}\n",
        exec_start(program, lang)
    )
}

fn timer(time: Time) -> String {
    format!(
        "[Unit]\n\
         Description=weizhong: a reminder to stretch before bed, at {hh:02}:{mm:02}\n\
         \n\
         [Timer]\n\
         OnCalendar=*-*-* {hh:02}:{mm:02}:00\n\
         # A bedtime nudge after waking would be no use.\n\
         Persistent=false\n\
         \n\
         [Install]\n\
         WantedBy=timers.target\n",
        hh = time.hour(),
        mm = time.minute()
    )
}

fn plist(program: &Path, lang: Lang, time: Time) -> String {
    let xml = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut args = String::new();
    let program = program.display().to_string();
    for arg in [program.as_str(), "--lang", lang.code(), "remind", "notify"] {
        let _ = writeln!(args, "\t\t<string>{}</string>", xml(arg));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \
         \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n\
         <plist version=\"1.0\">\n\
         <dict>\n\
         \t<key>Label</key>\n\
         \t<string>{LABEL}</string>\n\
         \t<key>ProgramArguments</key>\n\
         \t<array>\n\
         {args}\
         \t</array>\n\
         \t<key>StartCalendarInterval</key>\n\
         \t<dict>\n\
         \t\t<key>Hour</key>\n\
         \t\t<integer>{}</integer>\n\
         \t\t<key>Minute</key>\n\
         \t\t<integer>{}</integer>\n\
         \t</dict>\n\
         </dict>\n\
         </plist>\n",
        time.hour(),
        time.minute()
    )
}

/// The crontab line for a reminder at `time`, with what a desktop notification needs from cron:
/// the display and the session bus, which cron's bare environment lacks. Every text is quoted
/// for the shell, and a `%` escaped: cron would end the command there.
pub fn cron_line(
    program: &Path,
    lang: Lang,
    time: Time,
    env: impl Fn(&str) -> Option<String>,
) -> String {
    #[cfg(unix)]
    let uid = rustix::process::getuid().as_raw();
    #[cfg(not(unix))]
    let uid = 0;
    let runtime = env("XDG_RUNTIME_DIR").unwrap_or_else(|| format!("/run/user/{uid}"));
    let bus = env("DBUS_SESSION_BUS_ADDRESS").unwrap_or_else(|| format!("unix:path={runtime}/bus"));
    let display = env("DISPLAY").unwrap_or_else(|| ":0".to_owned());
    let quote = |text: &str| format!("'{}'", text.replace('\'', "'\\''").replace('%', "\\%"));
    format!(
        "{} {} * * * DISPLAY={} DBUS_SESSION_BUS_ADDRESS={} {} --lang {} remind notify",
        time.minute(),
        time.hour(),
        quote(&display),
        quote(&bus),
        quote(&program.display().to_string()),
        lang.code()
    )
}

/// The time of weizhong's line in a crontab, if it has one.
fn cron_time(crontab: &str) -> Option<Time> {
    let line = crontab
        .lines()
        .find(|l| !l.trim_start().starts_with('#') && l.contains("remind notify"))?;
    let mut fields = line.split_whitespace();
    let minute = fields.next()?.parse().ok()?;
    let hour = fields.next()?.parse().ok()?;
    Time::new(hour, minute, 0, 0).ok()
}

/// When a reminder at `time` comes next, from `now`: "today at 21:30", "tomorrow at 21:30".
pub fn next(w: &Words, time: Time, now: Time) -> String {
    let at = format!("{:02}:{:02}", time.hour(), time.minute());
    if time > now {
        w.next_today(at)
    } else {
        w.next_tomorrow(at)
    }
}

/// What the notification says: the routine, its time, and the streak to keep.
pub fn message(w: &Words, count_and_time: &str, streak: u32, command: &str) -> String {
    if streak > 0 {
        w.remind_streak(count_and_time, streak, command)
    } else {
        w.remind_start(count_and_time, command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_systemd_units_run_this_binary_at_the_time() {
        let at = jiff::civil::time(21, 30, 0, 0);
        let scheduler = Scheduler::Systemd(PathBuf::from("/home/me/.config/systemd/user"));
        let files = scheduler.files(Path::new("/usr/bin/weizhong"), Lang::Zh, at);
        assert_eq!(
            files[0].0,
            Path::new("/home/me/.config/systemd/user/weizhong-remind.service")
        );
        assert_eq!(
            files[0].1,
            "[Unit]\nDescription=weizhong: a reminder to stretch before bed\n\n[Service]\n\
             Type=oneshot\nExecStart=/usr/bin/weizhong --lang zh remind notify\n"
        );
        assert_eq!(
            files[1].1,
            "[Unit]\nDescription=weizhong: a reminder to stretch before bed, at 21:30\n\n\
             [Timer]\nOnCalendar=*-*-* 21:30:00\n# A bedtime nudge after waking would be no use.\n\
             Persistent=false\n\n[Install]\nWantedBy=timers.target\n"
        );
    }

    #[test]
    fn a_path_with_spaces_or_a_percent_is_quoted_for_systemd() {
        assert_eq!(
            exec_start(Path::new("/opt/my apps/100%/weizhong"), Lang::En),
            "\"/opt/my apps/100%%/weizhong\" --lang en remind notify"
        );
        assert_eq!(
            exec_start(Path::new("/opt/$HOME/weizhong"), Lang::Zh),
            "/opt/$$HOME/weizhong --lang zh remind notify"
        );
    }

    #[test]
    fn the_crontab_line_carries_the_display_and_the_bus() {
        let env = |name: &str| (name == "DISPLAY").then(|| ":1".to_owned());
        let line = cron_line(
            Path::new("/usr/bin/weizhong"),
            Lang::En,
            jiff::civil::time(21, 5, 0, 0),
            env,
        );
        assert!(
            line.starts_with(
                "5 21 * * * DISPLAY=':1' DBUS_SESSION_BUS_ADDRESS='unix:path=/run/user/"
            ),
            "{line}"
        );
        assert!(
            line.ends_with("/bus' '/usr/bin/weizhong' --lang en remind notify"),
            "{line}"
        );
        assert_eq!(
            cron_time(&format!("# mine\n{line}\n")),
            Some(jiff::civil::time(21, 5, 0, 0))
        );
        assert_eq!(cron_time("0 7 * * * backup\n"), None);
        let line = cron_line(
            Path::new("/opt/100%/weizhong"),
            Lang::En,
            jiff::civil::time(21, 5, 0, 0),
            env,
        );
        assert!(
            line.ends_with("/bus' '/opt/100\\%/weizhong' --lang en remind notify"),
            "{line}"
        );
    }

    #[test]
    fn the_launchd_agent_names_the_hour_and_minute() {
        let dir = std::env::temp_dir().join(format!("weizhong-plist-{}", std::process::id()));
        let scheduler = Scheduler::Launchd(dir.clone());
        let files = scheduler.files(
            Path::new("/a&b/weizhong"),
            Lang::En,
            jiff::civil::time(7, 45, 0, 0),
        );
        assert!(
            files[0].1.contains("<string>/a&amp;b/weizhong</string>"),
            "{}",
            files[0].1
        );
        write(&files[0].0, &files[0].1).unwrap();
        assert_eq!(scheduler.set(), Some(jiff::civil::time(7, 45, 0, 0)));
        let _ = std::fs::remove_dir_all(dir);
    }
}
