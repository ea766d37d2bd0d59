//! What each command does: find the content it needs, build its page or plan, and show it in
//! the format asked for.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::CommandFactory as _;
use serde::Serialize;

use crate::check;
use crate::cli::{Cli, Command, CommonOptions, Format, RunArgs};
use crate::content::{Library, Named, UserFiles, find};
use crate::error::{self, Error, code};
use crate::history;
use crate::output;
use crate::page;
use crate::paths;
use crate::render::{self, Doc, json};
use crate::routine::{Plan, StretchPlan, player, terminal};
use crate::shell;
use crate::ui::{fill, ui};

/// The routine run when none is named.
const DEFAULT_ROUTINE: &str = "before-bed";

/// How pages are shown.
struct Show {
    format: Format,
    width: usize,
}

impl Show {
    /// `data` as JSON, or the page `doc` builds as Markdown or text.
    fn page<T: Serialize + ?Sized>(
        &self,
        data: &T,
        doc: impl FnOnce() -> Doc,
    ) -> Result<(), Error> {
        let text = match self.format {
            Format::Json => json::render(data).map_err(std::io::Error::other)?,
            Format::Markdown => render::markdown::render(&doc()),
            Format::Text => render::text::render(&doc(), self.width, output::color()),
        };
        output::print(&text)?;
        Ok(())
    }
}

/// Where the user's own files are: `--content` (or `WEIZHONG_CONTENT`), which must exist, else
/// the XDG config folder, if there is one.
pub fn user_files(options: &CommonOptions) -> Result<UserFiles, Error> {
    let roots = match &content_dir(options) {
        Some(dir) if dir.is_dir() => vec![dir.clone()],
        Some(dir) => {
            let template = if dir.exists() {
                ui().content_not_folder
            } else {
                ui().content_missing
            };
            return Err(Error::Usage {
                message: fill(template, &[("dir", &dir.display())]),
                tip: ui().content_tip.to_owned(),
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

/// `--content`, else a non-empty `WEIZHONG_CONTENT`.
fn content_dir(options: &CommonOptions) -> Option<PathBuf> {
    options.content.clone().or_else(|| {
        std::env::var_os("WEIZHONG_CONTENT")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// Runs the command `cli` names, with `options`, the common options merged from it.
pub fn run(cli: &Cli, options: &CommonOptions, library: &Library) -> Result<u8, Error> {
    let show = Show {
        format: options.format.unwrap_or_default(),
        width: output::width(options.width),
    };
    match &cli.command {
        None => overview(library, &show)?,
        Some(Command::About { .. }) => {
            let about = library.about()?;
            show.page(&about, || page::about(&about))?;
        }
        Some(Command::Causes { name: None, .. }) => {
            let causes = library.causes()?;
            show.page(&causes, || page::causes(&causes))?;
        }
        Some(Command::Causes {
            name: Some(name), ..
        }) => {
            let causes = library.causes()?;
            let cause = one(&causes, name, || library.in_chinese().causes())?;
            show.page(cause, || page::cause(cause))?;
        }
        Some(Command::Stretch { name: None, .. }) => {
            let stretches = library.stretches()?;
            let plans: Vec<StretchPlan> = stretches.iter().map(StretchPlan::new).collect();
            let data: Vec<json::StretchView> = plans.iter().map(json::StretchView::new).collect();
            show.page(&data, || page::stretches(&plans))?;
        }
        Some(Command::Stretch {
            name: Some(name),
            guide,
            run,
            ..
        }) => {
            let stretches = library.stretches()?;
            let plan =
                StretchPlan::new(one(&stretches, name, || library.in_chinese().stretches())?);
            if *guide {
                let single = Plan::single(plan.stretch);
                return guide_plan(&single, history::Kind::Stretch, run, &show);
            }
            show.page(&json::StretchView::new(&plan), || page::stretch(&plan))?;
        }
        Some(Command::Relief { name: None, .. }) => {
            let relief = library.relief()?;
            show.page(&relief, || page::reliefs(&relief))?;
        }
        Some(Command::Relief {
            name: Some(name), ..
        }) => {
            let relief = library.relief()?;
            let one = one(&relief, name, || library.in_chinese().relief())?;
            show.page(one, || page::relief(one))?;
        }
        Some(Command::Safety { .. }) => {
            let safety = library.safety()?;
            show.page(&safety, || page::safety(&safety))?;
        }
        Some(Command::Routine { list: true, .. }) => routine_list(library, &show)?,
        Some(Command::Routine { name, run, .. }) => {
            let stretches = library.stretches()?;
            let routines = library.routines(&stretches)?;
            let name = name.as_deref().unwrap_or(DEFAULT_ROUTINE);
            let routine = one(&routines, name, || {
                let chinese = library.in_chinese();
                chinese.routines(&chinese.stretches()?)
            })?;
            let plan = Plan::routine(routine, &stretches);
            return guide_plan(&plan, history::Kind::Routine, run, &show);
        }
        Some(Command::Check { paths, .. }) => return check(options, paths, show.width),
        Some(Command::Log { days, .. }) => log(library, *days, &show)?,
        Some(Command::Completions { shell, .. }) => {
            let script = shell::completions(*shell, library)?;
            output::print_bytes(&script)?;
        }
        Some(Command::Man { .. }) => output::print_bytes(&shell::man()?)?,
    }
    Ok(code::OK)
}

/// `weizhong` alone: the commands and the safety note.
fn overview(library: &Library, show: &Show) -> Result<(), Error> {
    let commands: Vec<(String, String)> = Cli::command()
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| {
            let about = ui().command.about(c.get_name()).map_or_else(
                || c.get_about().map(ToString::to_string).unwrap_or_default(),
                str::to_owned,
            );
            (c.get_name().to_owned(), about)
        })
        .collect();
    let title = ui().overview_title.to_owned();
    let safety = library.safety()?;
    let data = json::Overview {
        title: &title,
        commands: commands
            .iter()
            .map(|(name, about)| json::Command { name, about })
            .collect(),
        safety_note: &safety.note,
    };
    show.page(&data, || page::overview(&title, &commands, &safety))
}

/// `weizhong routine --list`.
fn routine_list(library: &Library, show: &Show) -> Result<(), Error> {
    let stretches = library.stretches()?;
    let routines = library.routines(&stretches)?;
    let plans: Vec<Plan> = routines
        .iter()
        .map(|r| Plan::routine(r, &stretches))
        .collect();
    let data: Vec<json::RoutineView> = routines
        .iter()
        .zip(&plans)
        .map(|(routine, plan)| json::RoutineView {
            routine,
            total_seconds: plan.seconds(),
        })
        .collect();
    show.page(&data, || page::routines(&routines, &plans))
}

/// `weizhong check`: exit 1 when any file has a problem.
fn check(options: &CommonOptions, paths: &[PathBuf], width: usize) -> Result<u8, Error> {
    let root = content_dir(options).or_else(paths::config_dir);
    let report = check::check(paths, root.as_deref(), width)?;
    output::print(&report.text)?;
    Ok(if report.ok { code::OK } else { code::FAILURE })
}

/// Runs a plan with its timer on a terminal and notes it in the log, or shows it as a sheet.
fn guide_plan(plan: &Plan, kind: history::Kind, run: &RunArgs, show: &Show) -> Result<u8, Error> {
    let stdout = std::io::stdout();
    if run.print || show.format != Format::Text || !stdout.is_terminal() {
        show.page(&json::PlanView::new(plan), || page::routine_sheet(plan))?;
        return Ok(code::OK);
    }
    let scale = terminal::time_scale(std::env::var("WEIZHONG_TIME_SCALE").ok().as_deref())
        .map_err(|value| Error::Usage {
            message: fill(ui().time_scale_bad, &[("value", &value)]),
            tip: ui().time_scale_tip.to_owned(),
        })?;
    let options = player::Options {
        wait_for_enter: !run.no_wait,
        bell: !run.quiet,
        color: anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never,
        width: show.width,
    };
    let mut events = terminal::Live::new(scale);
    let summary = player::play(plan, &mut events, &mut stdout.lock(), options)?;
    if !run.no_log {
        note(&history::Record::now(kind, plan.id, &summary));
    }
    Ok(match summary.ending {
        player::Ending::Interrupted => code::INTERRUPTED,
        player::Ending::Finished | player::Ending::Quit => code::OK,
    })
}

/// Appends a session to the log; if it cannot, one warning, and the session still counts as
/// done.
fn note(record: &history::Record) {
    let Some(dir) = paths::data_dir() else {
        output::eprint(&error::warning_line(ui().not_noted_no_home));
        return;
    };
    if let Err(e) = history::append(&dir, record) {
        let path = dir.join(history::FILE_NAME);
        output::eprint(&error::warning_line(&fill(
            ui().not_noted,
            &[("path", &path.display()), ("problem", &e)],
        )));
    }
}

/// `weizhong log`.
fn log(library: &Library, days: u32, show: &Show) -> Result<(), Error> {
    let path = paths::data_dir().map(|d| d.join(history::FILE_NAME));
    let history = match &path {
        Some(path) => history::read(path).map_err(|e| Error::Read {
            path: path.display().to_string(),
            error: e,
        })?,
        None => history::History::default(),
    };
    if let Some(path) = &path {
        const SHOWN: usize = 3;
        for line in history.bad_lines.iter().take(SHOWN) {
            output::eprint(&error::warning_line(&fill(
                ui().skipped_line,
                &[("line", line), ("path", &path.display())],
            )));
        }
        if history.bad_lines.len() > SHOWN {
            output::eprint(&error::warning_line(&fill(
                ui().skipped_more_lines,
                &[("n", &(history.bad_lines.len() - SHOWN))],
            )));
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
    let practice = history::Practice::new(&history.records, history::LocalTime::now().date, days);
    show.page(&practice, || page::log(&practice, &name_of))
}

/// The item `name` means, or a lookup error. Chinese names match in English too: a name that is not ASCII and matches nothing is looked up
/// among the `chinese` items, and the item with the same id is the one meant.
fn one<'a, T: Named>(
    items: &'a [T],
    name: &str,
    chinese: impl FnOnce() -> Result<Vec<T>, crate::content::ContentError>,
) -> Result<&'a T, Error> {
    find(items, name).or_else(|e| {
        if name.is_ascii() || crate::ui::lang() == crate::ui::Lang::Zh {
            return Err(e.into());
        }
        let twins = chinese()?;
        let twin = find(&twins, name).map_err(|_| e.clone())?;
        items
            .iter()
            .find(|i| i.id() == twin.id())
            .ok_or_else(|| e.into())
    })
}
