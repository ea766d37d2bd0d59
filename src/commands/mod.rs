//! What each command does: find the content it needs, build its page or plan, and show it in
//! the format asked for. A timed run, `weizhong config` and `weizhong remind` have files of
//! their own.

mod config;
mod reminder;
mod timed;

use clap::CommandFactory as _;
use serde::Serialize;

use crate::check;
use crate::cli::{Cli, Command, Format, Remind};
use crate::content::{ContentError, Library, Named, Routine, UserFiles, rules};
use crate::context::Context;
use crate::error::{self, Error, code};
use crate::history;
use crate::output;
use crate::page::{self, json};
use crate::plan::{Plan, StretchPlan};
use crate::platform::paths;
use crate::render::{self, Doc};
use crate::settings;
use crate::shell;

/// The routine run when none is named.
const DEFAULT_ROUTINE: &str = "before-bed";

/// Runs the command `cli` names; the user's files that could not be used are warned about once,
/// at the end.
pub fn run(cli: &Cli, cx: &Context) -> Result<u8, Error> {
    let user = match &cli.command {
        Some(Command::Check { paths, .. }) => return check(cx, paths),
        // They read no content: a content folder that is not there does not stop them.
        Some(Command::Man | Command::Config { .. }) => UserFiles::default(),
        Some(Command::Remind { action }) if !matches!(action, Remind::Notify) => {
            UserFiles::default()
        }
        _ => user_files(cx)?,
    };
    let library = Library::new(cx.lang, user).with_times(cx.settings.times());
    let result = command(cli, cx, &library);
    for warning in library.take_warnings() {
        output::eprint(&error::warning(cx.words, &warning));
    }
    result
}

fn command(cli: &Cli, cx: &Context, library: &Library) -> Result<u8, Error> {
    let w = cx.words;
    match &cli.command {
        None => overview(cx, library)?,
        Some(Command::About) => {
            let about = library.about()?;
            show(cx, &about, || page::guide::about(w, &about))?;
        }
        Some(Command::Causes { name: None }) => {
            let causes = library.causes()?;
            show(cx, &causes, || page::guide::causes(w, &causes))?;
        }
        Some(Command::Causes { name: Some(name) }) => {
            let causes = library.causes()?;
            let cause = one(library, &causes, name, Library::causes)?;
            show(cx, cause, || page::guide::cause(w, cause))?;
        }
        Some(Command::Stretch { name: None, .. }) => {
            let stretches = library.stretches()?;
            let plans: Vec<StretchPlan> = stretches.iter().map(StretchPlan::new).collect();
            let data: Vec<json::StretchView> = plans.iter().map(json::StretchView::new).collect();
            show(cx, &data, || page::guide::stretches(w, &plans))?;
        }
        Some(Command::Stretch {
            name: Some(name),
            guide,
            run,
        }) => {
            let stretches = library.stretches()?;
            let stretch = one(library, &stretches, name, Library::stretches)?;
            if *guide {
                let plan = Plan::single(stretch);
                return timed::guide_plan(cx, library, &plan, history::Kind::Stretch, run);
            }
            let plan = StretchPlan::new(stretch);
            show(cx, &json::StretchView::new(&plan), || {
                page::guide::stretch(w, &plan)
            })?;
        }
        Some(Command::Relief { name: None }) => {
            let relief = library.relief()?;
            show(cx, &relief, || page::guide::reliefs(w, &relief))?;
        }
        Some(Command::Relief { name: Some(name) }) => {
            let relief = library.relief()?;
            let one = one(library, &relief, name, Library::relief)?;
            show(cx, one, || page::guide::relief(w, one))?;
        }
        Some(Command::Safety) => {
            let safety = library.safety()?;
            show(cx, &safety, || page::guide::safety(w, &safety))?;
        }
        Some(Command::Routine { list: true, .. }) => routine_list(cx, library)?,
        Some(Command::Routine { name, run, .. }) => {
            let stretches = library.stretches()?;
            let routines = library.routines(&stretches)?;
            let routine = chosen_routine(cx, library, &routines, name.as_deref())?;
            let plan = Plan::routine(routine, &stretches);
            return timed::guide_plan(cx, library, &plan, history::Kind::Routine, run);
        }
        Some(Command::Log { days }) => log(cx, library, *days)?,
        Some(Command::Completions { shell }) => {
            output::print_bytes(&shell::completions(*shell, library)?)?;
        }
        Some(Command::Man) => output::print_bytes(&shell::man()?)?,
        Some(Command::Config { path }) => config::config(cli, cx, *path)?,
        Some(Command::Remind { action }) => return reminder::remind(cx, library, action),
        Some(Command::Check { .. }) => unreachable!("checked before the library is read"),
    }
    Ok(code::OK)
}

/// `data` as JSON, or the page `doc` builds as Markdown or text.
fn show<T: Serialize + ?Sized>(
    cx: &Context,
    data: &T,
    doc: impl FnOnce() -> Doc,
) -> Result<(), Error> {
    let text = match cx.format {
        Format::Json => render::json(data).map_err(std::io::Error::other)?,
        Format::Markdown => render::markdown::render(&doc()),
        Format::Text => render::text::render(&doc(), cx.width, cx.color),
    };
    output::print(&text, cx.color)?;
    Ok(())
}

/// Where the user's own files are: the folder asked for, which must exist, else the XDG config
/// folder, if there is one.
fn user_files(cx: &Context) -> Result<UserFiles, Error> {
    let w = cx.words;
    let roots = match &cx.content {
        Some(dir) if dir.is_dir() => vec![dir.clone()],
        Some(dir) => {
            let message = if dir.exists() {
                w.content_not_folder(dir.display())
            } else {
                w.content_missing(dir.display())
            };
            return Err(Error::Usage {
                message,
                tip: w.content_tip.to_owned(),
            });
        }
        None => paths::config_dir()
            .filter(|d| d.is_dir())
            .into_iter()
            .collect(),
    };
    Ok(UserFiles {
        roots,
        files: Vec::new(),
    })
}

/// `weizhong` alone: the commands and the safety note.
fn overview(cx: &Context, library: &Library) -> Result<(), Error> {
    let w = cx.words;
    // `help` is clap's own, for the command line: the guide's commands are the others.
    let commands: Vec<(String, String)> = Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(|c| {
            let about = w.command.about(c.get_name()).map_or_else(
                || c.get_about().map(ToString::to_string).unwrap_or_default(),
                str::to_owned,
            );
            (c.get_name().to_owned(), about)
        })
        .collect();
    let safety = library.safety()?;
    let data = json::Overview {
        title: w.overview_title,
        commands: commands
            .iter()
            .map(|(name, about)| json::Command { name, about })
            .collect(),
        safety_note: &safety.note,
    };
    show(cx, &data, || page::guide::overview(w, &commands, &safety))
}

/// `weizhong routine --list`: each routine's time is counted from its stretches' numbers, not
/// from its phases, so a long routine costs no more than its list.
fn routine_list(cx: &Context, library: &Library) -> Result<(), Error> {
    let stretches = library.stretches()?;
    let routines = library.routines(&stretches)?;
    let totals: Vec<u64> = routines
        .iter()
        .map(|r| rules::routine_seconds(r, &stretches))
        .collect();
    let data: Vec<json::RoutineView> = routines
        .iter()
        .zip(&totals)
        .map(|(routine, &total_seconds)| json::RoutineView {
            routine,
            total_seconds,
        })
        .collect();
    show(cx, &data, || {
        page::routine::list(cx.words, &routines, &totals)
    })
}

/// `weizhong check`: exit 1 when any file has a problem.
fn check(cx: &Context, paths: &[std::path::PathBuf]) -> Result<u8, Error> {
    if paths.is_empty() {
        // A content folder named and not there is a usage error, as for every command.
        user_files(cx)?;
    }
    let root = cx.content.clone().or_else(paths::config_dir);
    let settings_file = settings::path(paths::config_dir().as_deref());
    let checked = check::check(cx, paths, root.as_deref(), settings_file.as_deref())?;
    let text = match cx.format {
        Format::Json => render::json(&checked.views()).map_err(std::io::Error::other)?,
        Format::Text | Format::Markdown => checked.text(cx.words, cx.width),
    };
    output::print(&text, cx.color)?;
    Ok(if checked.ok() {
        code::OK
    } else {
        code::FAILURE
    })
}

/// What went wrong with the log's file, in the user's words where weizhong knows them.
fn log_problem(cx: &Context, e: &std::io::Error) -> String {
    let w = cx.words;
    match history::Trouble::of(e) {
        Some(history::Trouble::NotAFolder(path)) => w.not_a_folder(path.display()),
        Some(history::Trouble::NotAFile(path)) => w.not_a_file(path.display()),
        Some(history::Trouble::Short { written, of }) => w.short_write(written, of),
        None => e.to_string(),
    }
}

/// `weizhong log`.
fn log(cx: &Context, library: &Library, days: u32) -> Result<(), Error> {
    let w = cx.words;
    let path = paths::data_dir().map(|d| d.join(history::FILE_NAME));
    let today = jiff::ZonedDateTime::now().date();
    let reading = match &path {
        Some(path) => history::read(path, today, days).map_err(|e| Error::Read {
            path: path.display().to_string(),
            error: std::io::Error::new(e.kind(), log_problem(cx, &e)),
        })?,
        None => history::Reading::empty(today, days),
    };
    if let Some(path) = &path {
        let bad = &reading.bad_lines;
        for line in &bad.first {
            output::eprint(&error::warning_line(
                w,
                &w.skipped_line(line, path.display()),
            ));
        }
        if bad.count > bad.first.len() {
            let more = bad.count - bad.first.len();
            output::eprint(&error::warning_line(w, &w.skipped_more_lines(more)));
        }
    }
    let stretches = library.stretches()?;
    let routines = library.routines(&stretches)?;
    let name_of = |record: &history::Record| -> String {
        let name = match record.kind {
            history::Kind::Routine => routines.iter().find(|r| r.id == record.id).map(|r| &r.name),
            history::Kind::Stretch => stretches
                .iter()
                .find(|s| s.id == record.id)
                .map(|s| &s.name),
        };
        name.cloned().unwrap_or_else(|| record.id.clone())
    };
    let practice = reading.practice;
    show(cx, &practice, || {
        page::log::log(w, &practice, today, &name_of)
    })
}

/// The one item `name` means, in either language: see [`Library::find`].
fn one<'a, T: Named>(
    library: &Library,
    items: &'a [T],
    name: &str,
    chinese: impl FnOnce(&Library) -> Result<Vec<T>, ContentError>,
) -> Result<&'a T, Error> {
    Ok(library.find(items, name, chinese)??)
}

/// The routine `name`d, or else the settings file's, or else the bedtime routine. A routine the
/// settings file names and there is none is the file's mistake, and the error says so.
fn chosen_routine<'a>(
    cx: &Context,
    library: &Library,
    routines: &'a [Routine],
    name: Option<&str>,
) -> Result<&'a Routine, Error> {
    let chinese = |l: &Library| l.routines(&l.stretches()?);
    match (name, &cx.settings.routine) {
        (Some(name), _) => one(library, routines, name, chinese),
        (None, Some(setting)) => library.find_routine(routines, setting)?.map_err(|lookup| {
            let path = cx.settings_path.clone().unwrap_or_default();
            let found = settings::routine_problem(&path, lookup);
            Error::Usage {
                message: settings::message(cx.words, &found).to_string(),
                tip: cx.words.setting_routine_tip.to_owned(),
            }
        }),
        (None, None) => one(library, routines, DEFAULT_ROUTINE, chinese),
    }
}

/// The speech program the settings or the environment name, if any: the file first.
fn speech_command(cx: &Context) -> Option<String> {
    cx.settings
        .speech_command
        .clone()
        .or_else(|| std::env::var("WEIZHONG_SPEECH_COMMAND").ok())
        .filter(|c| !c.trim().is_empty())
}
