//! weizhong: an offline self-care guide for an ache behind the knee (委中, BL40).

#![warn(clippy::pedantic)]
#![allow(clippy::missing_errors_doc, clippy::module_name_repetitions)]

mod cli;
mod content;
mod error;
mod output;
mod page;
mod render;
mod routine;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, Command, RunArgs};
use crate::content::{Library, Named, find};
use crate::error::Error;
use crate::render::{Doc, style};
use crate::routine::{Plan, StretchPlan, player, terminal};

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    let color = output::color_from_args(&args);
    anstream::ColorChoice::from(color).write_global();

    let command = Cli::command().styles(style::clap_styles());
    let cli = match command
        .clone()
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    if let Some(Command::Stretch {
        guide: false, run, ..
    }) = &cli.command
    {
        if run.any() {
            let mut built = command.clone();
            built.build();
            let mut stretch = built.find_subcommand("stretch").cloned().unwrap_or(built);
            let e = stretch.error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "--print, --no-wait and --quiet go with --guide: weizhong stretch NAME --guide",
            );
            return clap_exit(&e);
        }
    }
    match run(&cli, &command) {
        Ok(code) => code,
        Err(e) => {
            if !e.is_quiet() {
                output::eprint(&e.report());
            }
            e.exit_code()
        }
    }
}

/// Prints clap's help, version or usage error with its exit code; a closed pipe is quiet.
fn clap_exit(e: &clap::Error) -> ExitCode {
    match e.print() {
        Ok(()) => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
        Err(write) => {
            let write = Error::Write(write);
            if !write.is_quiet() {
                output::eprint(&write.report());
            }
            write.exit_code()
        }
    }
}

fn run(cli: &Cli, command: &clap::Command) -> Result<ExitCode, Error> {
    let library = Library::builtin();
    let width = output::width(cli.global.width);
    if let Some(doc) = page_for(cli, command, &library)? {
        output::print(&render::text::render(&doc, width))?;
        return Ok(ExitCode::SUCCESS);
    }
    let stretches = library.stretches()?;
    let routines;
    let (plan, run) = match &cli.command {
        Some(Command::Routine { name, run }) => {
            routines = library.routines(&stretches)?;
            let routine = one(&routines, name.as_deref().unwrap_or(DEFAULT_ROUTINE))?;
            (Plan::routine(routine, &stretches), run)
        }
        Some(Command::Stretch {
            name: Some(name),
            run,
            ..
        }) => (Plan::single(one(&stretches, name)?), run),
        _ => return Ok(ExitCode::SUCCESS),
    };
    guide(&plan, run, width)
}

/// The routine run when none is named.
const DEFAULT_ROUTINE: &str = "before-bed";

/// Runs a plan with its timer on a terminal, or prints it as a sheet.
fn guide(plan: &Plan, run: &RunArgs, width: usize) -> Result<ExitCode, Error> {
    let stdout = std::io::stdout();
    if run.print || !stdout.is_terminal() {
        output::print(&render::text::render(&page::routine_sheet(plan), width))?;
        return Ok(ExitCode::SUCCESS);
    }
    let scale = terminal::time_scale(std::env::var("WEIZHONG_TIME_SCALE").ok().as_deref())
        .map_err(|message| Error::Usage {
            message,
            tip: "unset it to run in real time".into(),
        })?;
    let options = player::Options {
        wait_for_enter: !run.no_wait,
        bell: !run.quiet,
        color: anstream::AutoStream::choice(&stdout) != anstream::ColorChoice::Never,
        width,
    };
    let mut events = terminal::Live::new(scale);
    let summary = player::play(plan, &mut events, &mut stdout.lock(), options)?;
    Ok(match summary.ending {
        player::Ending::Interrupted => ExitCode::from(130),
        player::Ending::Finished | player::Ending::Quit => ExitCode::SUCCESS,
    })
}

/// The page a reading command shows; `None` for a command that runs a plan.
fn page_for(cli: &Cli, command: &clap::Command, library: &Library) -> Result<Option<Doc>, Error> {
    Ok(Some(match &cli.command {
        None => {
            let commands: Vec<(String, String)> = command
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(|c| {
                    let about = c.get_about().map(ToString::to_string).unwrap_or_default();
                    (c.get_name().to_owned(), about)
                })
                .collect();
            let title = command
                .get_about()
                .map(ToString::to_string)
                .unwrap_or_default();
            page::overview(&title, &commands, &library.safety()?)
        }
        Some(Command::About) => page::about(&library.about()?),
        Some(Command::Causes { name: None }) => page::causes(&library.causes()?),
        Some(Command::Causes { name: Some(name) }) => page::cause(one(&library.causes()?, name)?),
        Some(Command::Stretch {
            name: None,
            guide: false,
            ..
        }) => {
            let stretches = library.stretches()?;
            let plans: Vec<StretchPlan> = stretches.iter().map(StretchPlan::new).collect();
            page::stretches(&plans)
        }
        Some(Command::Stretch {
            name: Some(name),
            guide: false,
            ..
        }) => {
            let stretches = library.stretches()?;
            page::stretch(&StretchPlan::new(one(&stretches, name)?))
        }
        Some(Command::Relief { name: None }) => page::reliefs(&library.relief()?),
        Some(Command::Relief { name: Some(name) }) => page::relief(one(&library.relief()?, name)?),
        Some(Command::Safety) => page::safety(&library.safety()?),
        Some(Command::Routine { .. } | Command::Stretch { guide: true, .. }) => return Ok(None),
    }))
}

/// The item `name` means, or a lookup error.
fn one<'a, T: Named>(items: &'a [T], name: &str) -> Result<&'a T, Error> {
    Ok(find(items, name)?)
}
