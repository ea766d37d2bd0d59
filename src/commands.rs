//! What each command does: find the content it needs, build its page or plan, and show it in
//! the format asked for.

use std::fmt::Write as _;
use std::io::IsTerminal;

use clap::CommandFactory as _;
use serde::Serialize;

use crate::check;
use crate::cli::{self, Cli, Command, Format, RunArgs};
use crate::content::{ContentError, Library, Named, Routine, UserFiles, find, rules};
use crate::context::Context;
use crate::error::{self, Error, code};
use crate::history;
use crate::output;
use crate::page::config::{InForce, Source};
use crate::page::{self, json};
use crate::plan::{Plan, StretchPlan};
use crate::platform::speech::Voice;
use crate::platform::{self, paths, terminal};
use crate::render::{self, Doc};
use crate::routine::big::BigView;
use crate::routine::line::LineView;
use crate::routine::live::{self, Live};
use crate::routine::plain::PlainView;
use crate::routine::player::{self, Ending, Summary, View};
use crate::routine::voice::VoiceView;
use crate::shell;
use crate::words::Lang;
use crate::{remind, settings};

/// The routine run when none is named.
const DEFAULT_ROUTINE: &str = "before-bed";

/// Runs the command `cli` names; the user's files that could not be used are warned about once,
/// at the end.
pub fn run(cli: &Cli, cx: &Context) -> Result<u8, Error> {
    let user = match &cli.command {
        Some(Command::Check { paths, .. }) => return check(cx, paths),
        // They read no content: a content folder that is not there does not stop them.
        Some(Command::Man | Command::Config { .. }) => UserFiles::default(),
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
                return guide_plan(cx, library, &plan, history::Kind::Stretch, run);
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
            return guide_plan(cx, library, &plan, history::Kind::Routine, run);
        }
        Some(Command::Log { days }) => log(cx, library, *days)?,
        Some(Command::Completions { shell }) => {
            output::print_bytes(&shell::completions(*shell, library)?)?;
        }
        Some(Command::Man) => output::print_bytes(&shell::man()?)?,
        Some(Command::Config { path }) => config(cli, cx, *path)?,
        Some(Command::Remind { action }) => return remind(cx, library, action),
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

/// Runs a plan with its timer on a terminal and notes it in the log, or shows it as a sheet.
fn guide_plan(
    cx: &Context,
    library: &Library,
    plan: &Plan,
    kind: history::Kind,
    run: &RunArgs,
) -> Result<u8, Error> {
    let w = cx.words;
    let caution = library.safety()?.while_stretching;
    let stdout = std::io::stdout();
    if run.print || cx.format != Format::Text || !stdout.is_terminal() {
        show(cx, &json::PlanView::new(plan), || {
            page::routine::sheet(w, plan, &caution)
        })?;
        return Ok(code::OK);
    }
    let scale = live::time_scale(std::env::var("WEIZHONG_TIME_SCALE").ok().as_deref()).map_err(
        |value| Error::Usage {
            message: w.time_scale_bad(value),
            tip: w.time_scale_tip.to_owned(),
        },
    )?;

    let chosen = &cx.settings;
    let no_voice = run.no_voice || chosen.voice == Some(false);
    let voice = if run.quiet || no_voice {
        None
    } else {
        let path = std::env::var_os("PATH");
        Voice::find(cx.lang, speech_command(cx).as_deref(), path.as_deref())
    };
    // The bell where it is the only sound, unless the settings turn it off.
    let bell = !run.quiet && voice.is_none() && chosen.bell != Some(false);
    let sound = match (&voice, bell, no_voice) {
        (Some(voice), ..) => Some(w.sound_voice(&voice.name)),
        (None, false, _) => None,
        (None, true, true) => Some(w.sound_bell.to_owned()),
        (None, true, false) => Some(w.sound_no_voice.to_owned()),
    };
    let intro = page::routine::intro(w, plan, &caution, sound.as_deref());

    let size = terminal::size();
    let terminal = terminal::Terminal::take();
    let prompt = !run.no_wait && terminal.is_some();
    let mut events = Live::new(scale, terminal);
    let out = terminal::RawLines(stdout.lock());
    let mut screen: Box<dyn View> = match view(run.view.or(chosen.view), size) {
        ViewKind::Big(size) => Box::new(BigView::new(
            plan,
            intro,
            w,
            out,
            (cx.width, size, cx.color, bell),
        )),
        ViewKind::Line => Box::new(LineView::new(
            plan,
            intro,
            w,
            out,
            (cx.width, size.map(|s| s.0), cx.color, bell),
        )),
        ViewKind::Plain => Box::new(PlainView::new(plan, intro, w, out, (cx.width, bell))),
    };
    let mut voice = voice.map(|voice| VoiceView::new(plan, w, voice));
    let mut views: Vec<&mut dyn View> = vec![screen.as_mut()];
    if let Some(voice) = &mut voice {
        views.push(voice);
    }
    let (summary, failed) = player::play(plan, &mut events, &mut views, prompt);
    drop(views);
    drop(voice);
    drop(screen);
    // The terminal is given back here, before anything more is written; a signal now waits
    // until the record is written.
    events.give_back_terminal();
    if !run.no_log && summary.started {
        note(cx, &record(kind, plan.id, &summary));
    }
    drop(events);
    if let (Some(e), Ending::Finished | Ending::Quit) = (failed, summary.ending) {
        return Err(Error::Write(e));
    }
    Ok(match summary.ending {
        Ending::Interrupted(signal) => u8::try_from(128 + signal).unwrap_or(code::INTERRUPTED),
        Ending::Finished | Ending::Quit => code::OK,
    })
}

/// How a timed run is shown.
enum ViewKind {
    /// The full screen, of this many columns and rows.
    Big((u16, u16)),
    Line,
    Plain,
}

/// The view asked for, or the one that suits: plain lines for a screen reader (`ACCESSIBLE` set)
/// or a terminal that cannot move its cursor (`TERM=dumb`), the full screen on a window of at
/// least 60 × 16, one line on a smaller one.
fn view(asked: Option<cli::View>, size: Option<(u16, u16)>) -> ViewKind {
    let plain = std::env::var_os("ACCESSIBLE").is_some_and(|v| !v.is_empty())
        || std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    let big = size.filter(|&(columns, rows)| columns >= 60 && rows >= 16);
    match (asked.unwrap_or(cli::View::Auto), big) {
        (cli::View::Plain, _) => ViewKind::Plain,
        (cli::View::Auto, _) if plain => ViewKind::Plain,
        (cli::View::Big | cli::View::Auto, Some(size)) => ViewKind::Big(size),
        // A full screen asked for on a small window still shows, as well as it can.
        (cli::View::Big, None) => ViewKind::Big(size.unwrap_or((80, 24))),
        (cli::View::Line | cli::View::Auto, _) => ViewKind::Line,
    }
}

/// The log's record of a run that ended now.
fn record(kind: history::Kind, id: &str, summary: &Summary) -> history::Record {
    history::Record {
        at: history::Record::now(),
        kind,
        id: id.to_owned(),
        completed: summary.completed.clone(),
        of: summary.of,
        seconds: summary.seconds,
        ending: match summary.ending {
            Ending::Finished => history::Ending::Finished,
            Ending::Quit => history::Ending::Quit,
            Ending::Interrupted(_) => history::Ending::Interrupted,
        },
    }
}

/// Appends a session to the log; if it cannot, one warning, and the session still counts as
/// done.
fn note(cx: &Context, record: &history::Record) {
    let w = cx.words;
    let Some(dir) = paths::data_dir() else {
        output::eprint(&error::warning_line(w, w.not_noted_no_home));
        return;
    };
    if let Err(e) = history::append(&dir, record) {
        let path = dir.join(history::FILE_NAME);
        let problem = log_problem(cx, &e);
        output::eprint(&error::warning_line(
            w,
            &w.not_noted(path.display(), problem),
        ));
    }
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

/// The item `name` means, or a lookup error. Chinese names match in English too: a name that is
/// not ASCII and matches nothing is looked up among the Chinese items (`chinese` reads them
/// from a library), and the item with the same id is the one meant.
fn one<'a, T: Named>(
    library: &Library,
    items: &'a [T],
    name: &str,
    chinese: impl FnOnce(&Library) -> Result<Vec<T>, ContentError>,
) -> Result<&'a T, Error> {
    find(items, name).or_else(|e| {
        if name.is_ascii() || library.lang() == Lang::Zh {
            return Err(e.into());
        }
        let twins = chinese(&library.in_chinese())?;
        let twin = find(&twins, name).map_err(|_| e.clone())?;
        items
            .iter()
            .find(|i| i.id() == twin.id())
            .ok_or_else(|| e.into())
    })
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
        (None, Some(setting)) => one(library, routines, setting, chinese).map_err(|_| {
            let w = cx.words;
            let ids: Vec<&str> = routines.iter().map(|r| r.id.as_str()).collect();
            let path = cx.settings_path.as_ref().map(|p| p.display().to_string());
            let message = w.setting_no_routine(setting, ids.join(", "));
            Error::Usage {
                message: ContentError::file(&path.unwrap_or_default(), message).to_string(),
                tip: w.setting_routine_tip.to_owned(),
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

/// `weizhong config`: each setting in force and where it came from; `--path`, the file's path.
fn config(cli: &Cli, cx: &Context, path_only: bool) -> Result<(), Error> {
    let path = cx
        .settings_path
        .clone()
        .or_else(|| settings::path(paths::config_dir().as_deref()));
    let shown = path.as_ref().map(|p| p.display().to_string());
    if path_only {
        let Some(shown) = shown else {
            return Err(Error::Failed {
                message: cx.words.no_settings_place.to_owned(),
                tip: None,
            });
        };
        output::print(&format!("{shown}\n"), false)?;
        return Ok(());
    }
    let in_force = in_force(cli, cx);
    let data = page::config::Document {
        path: shown.as_deref(),
        settings: &in_force,
    };
    let exists = cx.settings_path.is_some();
    show(cx, &data, || {
        page::config::page(cx.words, &in_force, shown.as_deref(), exists)
    })
}

/// Each setting in force, and where it came from: the command line, the settings file, the
/// environment, or weizhong's default.
fn in_force(cli: &Cli, cx: &Context) -> Vec<InForce> {
    let w = cx.words;
    let (options, s) = (&cli.options, &cx.settings);
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let from = |option: bool, file: bool, variable: Option<&str>| {
        if option {
            Source::Option
        } else if file {
            Source::File
        } else if let Some(variable) = variable {
            Source::Environment(variable.to_owned())
        } else {
            Source::Default
        }
    };
    let row = |key, value: String, from| InForce { key, value, from };
    let on_off = |on: bool| if on { w.value_on } else { w.value_off }.to_owned();
    let seconds =
        |n: Option<u32>| n.map_or_else(|| w.value_each_stretch.to_owned(), |n| n.to_string());
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find(|v| var(v).is_some());
    let color_env = ["NO_COLOR", "CLICOLOR_FORCE"]
        .into_iter()
        .find(|v| var(v).is_some());
    let color = match (options.color.or(s.color), color_env) {
        (Some(when), _) => format!("{when:?}").to_lowercase(),
        (None, Some("NO_COLOR")) => "never".to_owned(),
        (None, Some(_)) => "always".to_owned(),
        (None, None) => "auto".to_owned(),
    };
    let width_from = match from(options.width.is_some(), s.width.is_some(), None) {
        Source::Default if std::io::stdout().is_terminal() => Source::Terminal,
        other => other,
    };
    let speech = speech_command(cx);
    let speech_value = speech.clone().unwrap_or_else(|| {
        let path = std::env::var_os("PATH");
        Voice::find(cx.lang, None, path.as_deref()).map_or_else(
            || w.value_none_found.to_owned(),
            |voice| w.value_first_found(&voice.name),
        )
    });
    let speech_from = from(
        false,
        s.speech_command.is_some(),
        speech.is_some().then_some("WEIZHONG_SPEECH_COMMAND"),
    );
    let view = format!("{:?}", s.view.unwrap_or(cli::View::Auto)).to_lowercase();
    let routine = s
        .routine
        .clone()
        .unwrap_or_else(|| DEFAULT_ROUTINE.to_owned());
    vec![
        row(
            "lang",
            cx.lang.code().to_owned(),
            from(options.lang.is_some(), s.lang.is_some(), locale),
        ),
        row(
            "color",
            color,
            from(options.color.is_some(), s.color.is_some(), color_env),
        ),
        row("width", cx.width.to_string(), width_from),
        row(
            "voice",
            on_off(s.voice != Some(false)),
            from(false, s.voice.is_some(), None),
        ),
        row("speech_command", speech_value, speech_from),
        row(
            "bell",
            on_off(s.bell != Some(false)),
            from(false, s.bell.is_some(), None),
        ),
        row("view", view, from(false, s.view.is_some(), None)),
        row("routine", routine, from(false, s.routine.is_some(), None)),
        row(
            "get_ready_seconds",
            seconds(s.get_ready_seconds),
            from(false, s.get_ready_seconds.is_some(), None),
        ),
        row(
            "rest_seconds",
            seconds(s.rest_seconds),
            from(false, s.rest_seconds.is_some(), None),
        ),
    ]
}

/// `weizhong remind`: set, remove or show the reminder, or send it.
fn remind(cx: &Context, library: &Library, action: &cli::Remind) -> Result<u8, Error> {
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
fn reminder_failed(w: &crate::words::Words, e: remind::Failed, tip: Option<&str>) -> Error {
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
