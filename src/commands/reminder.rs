//! `weizhong remind`: set, show and remove the bedtime reminder, and the notification it sends.

use std::fmt::Write as _;

use crate::cli;
use crate::content::Library;
use crate::context::Context;
use crate::error::{Error, code};
use crate::history;
use crate::output;
use crate::page;
use crate::plan::Plan;
use crate::platform::{self, paths};
use crate::remind;
use crate::render::{self, Doc};
use crate::words::Words;

use super::{chosen_routine, log_problem};

/// `weizhong remind`: set, remove or show the reminder, or send it.
pub(super) fn remind(cx: &Context, library: &Library, action: &cli::Remind) -> Result<u8, Error> {
    let w = cx.words;
    let scheduler =
        remind::Scheduler::find(paths::config_home().as_deref(), paths::home().as_deref());
    let how = match scheduler {
        remind::Scheduler::Systemd(_) => w.remind_how_systemd,
        remind::Scheduler::Launchd(_) => w.remind_how_launchd,
        remind::Scheduler::Cron => w.remind_how_cron,
    };
    let now = jiff::ZonedDateTime::now().time();
    let set_for = |time: jiff::civil::Time| {
        let at = format!("{:02}:{:02}", time.hour(), time.minute());
        w.remind_set(at, how, remind::next(w, time, now))
    };
    // Prose, wrapped, then text to copy as it is.
    let (prose, verbatim) = match action {
        cli::Remind::Notify => return notify(cx, library),
        cli::Remind::At { time, print } => {
            let program = std::env::current_exe().map_err(|e| Error::Failed {
                message: w.remind_no_program(e),
                tip: None,
            })?;
            let files = scheduler.files(&program, cx.lang, *time);
            if scheduler == remind::Scheduler::Cron {
                let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
                let line = remind::cron_line(&program, cx.lang, *time, env);
                (w.remind_cron.to_owned(), format!("{line}\n"))
            } else if *print {
                let mut text = String::new();
                for (path, file) in &files {
                    let _ = writeln!(text, "{}\n{file}", w.remind_would_write(path.display()));
                }
                for command in scheduler.start_commands() {
                    let _ = writeln!(text, "{}", w.remind_would_run(command));
                }
                (String::new(), text)
            } else {
                scheduler
                    .install(&files)
                    .map_err(|e| reminder_failed(w, e, Some(w.remind_left_as_it_was)))?;
                (set_for(*time), String::new())
            }
        }
        cli::Remind::Off => match scheduler.remove() {
            Ok(true) => (w.remind_off.to_owned(), String::new()),
            Ok(false) if scheduler == remind::Scheduler::Cron && scheduler.set().is_some() => {
                (w.remind_cron_off.to_owned(), String::new())
            }
            Ok(false) => (w.remind_none.to_owned(), String::new()),
            Err(e) => return Err(reminder_failed(w, e, None)),
        },
        cli::Remind::Status => match scheduler.set() {
            Some(time) => (set_for(time), String::new()),
            None => (w.remind_none.to_owned(), String::new()),
        },
    };
    let mut text = String::new();
    if !prose.is_empty() {
        let mut doc = Doc::new();
        doc.paragraph(prose);
        text = render::text::render(&doc, cx.width, cx.color);
    }
    if !verbatim.is_empty() && !text.is_empty() {
        text.push('\n');
    }
    text.push_str(&verbatim);
    output::print(&text, cx.color)?;
    Ok(code::OK)
}

/// Setting or removing the reminder failed: the command and what it said.
fn reminder_failed(w: &Words, e: remind::Failed, tip: Option<&str>) -> Error {
    let message = match (e, tip.is_some()) {
        (remind::Failed::Command(command, said), true) => w.remind_failed(command, said),
        (remind::Failed::Command(command, said), false) => w.remind_off_failed(command, said),
        (remind::Failed::Write(e), _) => w.remind_write_failed(e),
    };
    Error::Failed {
        message,
        tip: tip.map(str::to_owned),
    }
}

/// `weizhong remind notify`: one desktop notification with the routine and the streak, unless a
/// session was noted today. Without a program to show it, nothing.
fn notify(cx: &Context, library: &Library) -> Result<u8, Error> {
    let w = cx.words;
    let today = jiff::ZonedDateTime::now().date();
    let practice = match paths::data_dir().map(|d| d.join(history::FILE_NAME)) {
        Some(path) => history::read(&path, today, 1).map_err(|e| Error::Read {
            path: path.display().to_string(),
            error: std::io::Error::new(e.kind(), log_problem(cx, &e)),
        })?,
        None => history::Reading::empty(today, 1),
    }
    .practice;
    if practice.days.last().is_some_and(|day| day.sessions > 0) {
        return Ok(code::OK);
    }
    let stretches = library.stretches()?;
    let routines = library.routines(&stretches)?;
    let routine = chosen_routine(cx, library, &routines, None)?;
    let plan = Plan::routine(routine, &stretches);
    let count = page::count_and_time(w, plan.stretches.len(), plan.seconds());
    let body = remind::message(w, &count, practice.current_streak, "weizhong routine");
    platform::notify::send(w.remind_title, &body).map_err(|e| Error::Failed {
        message: w.notify_failed(e),
        tip: None,
    })?;
    Ok(code::OK)
}
