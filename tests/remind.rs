//! The bedtime reminder through the real binary, with fake `systemctl`, `launchctl`, `crontab`
//! and `notify-send` programs on PATH that write down how they were called: the unit files'
//! exact text, setting, replacing and removing a reminder, a failed `systemctl`, the launchd
//! agent, the crontab line where there is neither, and the notification, silent after a
//! session today.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{folder, text, weizhong};

/// A home of its own, fake programs, and what they were asked.
struct Home {
    dir: PathBuf,
}

/// How each fake behaves; each writes "NAME ARGS" to the log first.
const SYSTEMCTL: &str = r#"case "$*" in
  *show-environment*) exit "${FAKE_NO_USER_MANAGER:-0}" ;;
  *enable*) if [ -n "$FAKE_FAIL_ENABLE" ]; then echo "Failed to enable unit: Access denied" >&2; exit 1; fi ;;
esac"#;

impl Home {
    /// A home with these fakes: each name with what it does after noting its call.
    fn new(name: &str, fakes: &[(&str, &str)]) -> Self {
        use std::os::unix::fs::PermissionsExt;
        let dir = folder(name);
        let bin = dir.join("bin");
        std::fs::create_dir_all(&bin).unwrap();
        for (program, body) in fakes {
            let log = dir.join("calls.log");
            let script = format!(
                "#!/bin/sh\necho \"{program} $*\" >> '{}'\n{body}\nexit 0\n",
                log.display()
            );
            let path = bin.join(program);
            std::fs::write(&path, script).unwrap();
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        Self { dir }
    }

    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut command = weizhong(args);
        command
            .env("PATH", self.dir.join("bin"))
            .env("HOME", &self.dir)
            .env("XDG_CONFIG_HOME", self.dir.join("config"))
            .env("XDG_DATA_HOME", self.dir.join("data"));
        for (key, value) in env {
            command.env(key, value);
        }
        command.output().unwrap()
    }

    /// The calls the fakes noted, one a line.
    fn calls(&self) -> Vec<String> {
        std::fs::read_to_string(self.dir.join("calls.log"))
            .unwrap_or_default()
            .lines()
            .map(String::from)
            .collect()
    }

    fn forget_calls(&self) {
        let _ = std::fs::remove_file(self.dir.join("calls.log"));
    }

    fn units(&self) -> PathBuf {
        self.dir.join("config/systemd/user")
    }

    /// A session noted `days_ago` days before today.
    fn practised(&self, days_ago: &[i32]) {
        let lines: String = days_ago
            .iter()
            .map(|&ago| {
                let day = jiff::ZonedDateTime::now()
                    .date()
                    .checked_sub(jiff::Span::new().days(ago))
                    .unwrap();
                format!(
                    "{{\"at\":\"{day}T21:30:00+01:00\",\"kind\":\"routine\",\"id\":\"before-bed\",\
                     \"completed\":[],\"of\":3,\"seconds\":176,\"ending\":\"finished\"}}\n"
                )
            })
            .collect();
        std::fs::create_dir_all(self.dir.join("data/weizhong")).unwrap();
        std::fs::write(self.dir.join("data/weizhong/history.jsonl"), lines).unwrap();
    }
}

fn program() -> &'static str {
    env!("CARGO_BIN_EXE_weizhong")
}

#[test]
fn a_systemd_timer_is_set_replaced_shown_and_removed() {
    let home = Home::new("remind-systemd", &[("systemctl", SYSTEMCTL)]);
    let out = home.run(&["remind", "at", "21:30"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(
        said.starts_with("  A reminder is set for 21:30 every day, by a systemd user timer"),
        "{said}"
    );
    let service = std::fs::read_to_string(home.units().join("weizhong-remind.service")).unwrap();
    assert_eq!(
        service,
        format!(
            "[Unit]\nDescription=weizhong: a reminder to stretch before bed\n\n[Service]\n\
             Type=oneshot\nExecStart={} --lang en remind notify\n",
            program()
        )
    );
    let timer = std::fs::read_to_string(home.units().join("weizhong-remind.timer")).unwrap();
    assert_eq!(
        timer,
        "[Unit]\nDescription=weizhong: a reminder to stretch before bed, at 21:30\n\n[Timer]\n\
         OnCalendar=*-*-* 21:30:00\n# A bedtime nudge after waking would be no use.\n\
         Persistent=false\n\n[Install]\nWantedBy=timers.target\n"
    );
    assert_eq!(
        home.calls(),
        [
            "systemctl --user show-environment",
            "systemctl --user daemon-reload",
            "systemctl --user enable weizhong-remind.timer",
            "systemctl --user restart weizhong-remind.timer",
        ]
    );
    // Where systemd's own checker is, it finds nothing wrong with the units.
    if Path::new("/usr/bin/systemd-analyze").exists() {
        let check = std::process::Command::new("/usr/bin/systemd-analyze")
            .arg("verify")
            .arg(home.units().join("weizhong-remind.timer"))
            .arg(home.units().join("weizhong-remind.service"))
            .output()
            .unwrap();
        assert!(check.status.success(), "{}", text(&check.stderr));
    }

    let out = home.run(&["remind", "at", "22:05"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let timer = std::fs::read_to_string(home.units().join("weizhong-remind.timer")).unwrap();
    assert!(timer.contains("OnCalendar=*-*-* 22:05:00\n"), "{timer}");
    let status = text(&home.run(&["remind", "status"], &[]).stdout);
    assert!(status.contains("set for 22:05 every day"), "{status}");

    home.forget_calls();
    let out = home.run(&["remind", "off"], &[]);
    assert_eq!(text(&out.stdout), "  The reminder is off.\n");
    assert_eq!(
        home.calls(),
        [
            "systemctl --user show-environment",
            "systemctl --user disable --now weizhong-remind.timer",
            "systemctl --user daemon-reload",
        ]
    );
    assert!(!home.units().join("weizhong-remind.timer").exists());
    assert!(!home.units().join("weizhong-remind.service").exists());
    let again = home.run(&["remind", "off"], &[]);
    assert!(text(&again.stdout).contains("No reminder is set."));
}

#[test]
fn a_failed_systemctl_is_reported_and_leaves_the_files_as_they_were() {
    let home = Home::new("remind-failed", &[("systemctl", SYSTEMCTL)]);
    let out = home.run(&["remind", "at", "21:30"], &[("FAKE_FAIL_ENABLE", "1")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        text(&out.stderr),
        "error: the reminder was not set: `systemctl --user enable weizhong-remind.timer` \
         failed: Failed to enable unit: Access denied\n\
         tip: nothing was left half-written; the reminder is as it was before\n"
    );
    assert!(!home.units().join("weizhong-remind.timer").exists());
    assert!(!home.units().join("weizhong-remind.service").exists());

    // A reminder that was set stays as it was.
    assert_eq!(
        home.run(&["remind", "at", "21:30"], &[]).status.code(),
        Some(0)
    );
    let out = home.run(&["remind", "at", "06:00"], &[("FAKE_FAIL_ENABLE", "1")]);
    assert_eq!(out.status.code(), Some(1));
    let timer = std::fs::read_to_string(home.units().join("weizhong-remind.timer")).unwrap();
    assert!(timer.contains("OnCalendar=*-*-* 21:30:00\n"), "{timer}");
    let leftovers: Vec<_> = std::fs::read_dir(home.units())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_bad_time_is_a_usage_error_and_print_writes_nothing() {
    let home = Home::new("remind-print", &[("systemctl", SYSTEMCTL)]);
    for bad in ["25:00", "21:60", "9.30", "nine"] {
        let out = home.run(&["remind", "at", bad], &[]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(
            text(&out.stderr).contains("is not a time on the 24-hour clock, such as 21:30"),
            "{bad}: {}",
            text(&out.stderr)
        );
    }
    let out = home.run(&["--lang", "zh", "remind", "at", "21:30", "--print"], &[]);
    assert_eq!(out.status.code(), Some(0));
    let shown = text(&out.stdout);
    assert!(shown.contains("将写入"), "{shown}");
    assert!(shown.contains(&format!("ExecStart={} --lang zh remind notify", program())));
    assert!(
        shown.ends_with("将运行：systemctl --user restart weizhong-remind.timer\n"),
        "{shown}"
    );
    assert!(!home.units().exists());
    assert_eq!(home.calls(), ["systemctl --user show-environment"]);
}

#[test]
fn launchd_has_an_agent_in_the_library() {
    let home = Home::new("remind-launchd", &[("launchctl", "")]);
    let out = home.run(&["remind", "at", "07:45"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let said = text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        said.contains("by a launchd agent (org.weizhong.remind)"),
        "{said}"
    );
    let plist = home
        .dir
        .join("Library/LaunchAgents/org.weizhong.remind.plist");
    let agent = std::fs::read_to_string(&plist).unwrap();
    assert!(
        agent.contains("<key>Hour</key>\n\t\t<integer>7</integer>"),
        "{agent}"
    );
    assert!(
        agent.contains("<key>Minute</key>\n\t\t<integer>45</integer>"),
        "{agent}"
    );
    assert!(
        agent.contains(&format!("<string>{}</string>", program())),
        "{agent}"
    );
    let calls = home.calls();
    assert_eq!(calls[0], "launchctl version");
    assert!(
        calls[1].starts_with("launchctl bootstrap gui/") && calls[1].ends_with(".plist"),
        "{calls:?}"
    );
    let off = home.run(&["remind", "off"], &[]);
    assert_eq!(text(&off.stdout), "  The reminder is off.\n");
    assert!(!plist.exists());
}

#[test]
fn elsewhere_the_crontab_line_is_given_and_nothing_written() {
    let home = Home::new(
        "remind-cron",
        &[(
            "crontab",
            "echo '30 21 * * * DISPLAY=:0 /usr/bin/weizhong --lang en remind notify'",
        )],
    );
    let env = [("DISPLAY", ":7"), ("XDG_RUNTIME_DIR", "/run/user/1000")];
    let out = home.run(&["remind", "at", "21:30"], &env);
    assert_eq!(out.status.code(), Some(0));
    let shown = text(&out.stdout);
    assert!(
        shown.contains("neither a systemd user manager nor launchd"),
        "{shown}"
    );
    let line = format!(
        "30 21 * * * DISPLAY=':7' DBUS_SESSION_BUS_ADDRESS='unix:path=/run/user/1000/bus' '{}' \
         --lang en remind notify\n",
        program()
    );
    assert!(shown.ends_with(&line), "{shown}");
    assert!(!home.dir.join("config").exists());
    let status = text(&home.run(&["remind", "status"], &[]).stdout);
    assert!(
        status.contains("set for 21:30 every day, by a line in your crontab"),
        "{status}"
    );
    let off = text(&home.run(&["remind", "off"], &[]).stdout);
    assert!(off.contains("take it out with crontab -e"), "{off}");
    assert!(
        home.calls().iter().all(|c| c == "crontab -l"),
        "{:?}",
        home.calls()
    );
}

const NOTIFY: &str = "";

#[test]
fn the_notification_keeps_the_streak_and_is_silent_after_a_session_today() {
    let home = Home::new("remind-notify", &[("notify-send", NOTIFY)]);
    // No session yet.
    let out = home.run(&["remind", "notify"], &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        home.calls(),
        [
            "notify-send --app-name=weizhong Bedtime stretches 3 stretches · 2 min 56 s · a few minutes before bed: weizhong routine"
        ]
    );
    // Four days in a row, up to yesterday.
    home.forget_calls();
    home.practised(&[4, 3, 2, 1]);
    home.run(&["remind", "notify"], &[]);
    assert_eq!(
        home.calls(),
        [
            "notify-send --app-name=weizhong Bedtime stretches 3 stretches · 2 min 56 s · keep your 4-day streak: weizhong routine"
        ]
    );
    // In Chinese.
    home.forget_calls();
    home.run(&["--lang", "zh", "remind", "notify"], &[]);
    assert_eq!(
        home.calls(),
        [
            "notify-send --app-name=weizhong 睡前伸展 3 个动作 · 2 分 56 秒 · 保持你连续 4 天的记录：weizhong routine"
        ]
    );
    // A session today: nothing to say.
    home.forget_calls();
    home.practised(&[1, 0]);
    let out = home.run(&["remind", "notify"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(home.calls().is_empty(), "{:?}", home.calls());
}

#[test]
fn without_a_notification_program_notify_does_nothing() {
    let home = Home::new("remind-no-notifier", &[]);
    let out = home.run(&["remind", "notify"], &[]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn a_failed_notification_and_a_routine_setting_that_is_none_are_told_as_such() {
    let home = Home::new(
        "remind-notify-fails",
        &[("notify-send", "echo 'cannot reach the bus' >&2; exit 1")],
    );
    let out = home.run(&["remind", "notify"], &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "error: the reminder could not be shown: notify-send: cannot reach the bus\n"
    );

    // The routine the timer would name comes from the settings file: the error says so.
    std::fs::create_dir_all(home.dir.join("config/weizhong")).unwrap();
    let settings = home.dir.join("config/weizhong/config.toml");
    std::fs::write(&settings, "routine = \"morning\"\n").unwrap();
    home.forget_calls();
    let out = home.run(&["remind", "notify"], &[("NO_COLOR", "1")]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!(
            "error: {}:1:1: no routine named 'morning' (the routines are before-bed)\ntip: change \
             routine in the settings file, or name a routine: weizhong routine NAME\n",
            settings.display()
        )
    );
    assert!(home.calls().is_empty(), "{:?}", home.calls());
}
