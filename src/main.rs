//! weizhong: an offline self-care guide for an ache behind the knee (委中, BL40).
//!
//! `main` reads the command line, builds the one [`Context`] the rest of the run is given —
//! language, width, colour, format — runs the command, and turns what happened into an exit code.

#![warn(clippy::pedantic)]
#![allow(clippy::missing_errors_doc, clippy::module_name_repetitions)]

mod check;
mod cli;
mod commands;
mod content;
mod context;
mod error;
#[cfg(test)]
mod fuzz;
mod history;
mod output;
mod page;
mod plan;
mod platform;
mod remind;
mod render;
mod routine;
mod settings;
mod shell;
mod words;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, Command};
use crate::context::Context;
use crate::error::{Error, code};
use crate::render::style;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    ExitCode::from(run(&args))
}

/// weizhong's work, from the arguments to the exit code.
fn run(args: &[OsString]) -> u8 {
    let settings = settings::load(settings::path(platform::paths::config_dir().as_deref()));
    // Decided before clap parses, so that its help and errors obey it too.
    anstream::ColorChoice::write_global(output::color_choice(args, settings.settings.color));
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let context = Context::new(&cli.options, &settings);
    // `weizhong check` reports them among its own.
    if !matches!(cli.command, Some(Command::Check { .. })) {
        let w = context.words;
        for found in &settings.problems {
            let problem = settings::message(w, found);
            let warning = if found.problem.is_the_files() {
                w.settings_ignored(problem)
            } else {
                w.settings_skipped(problem)
            };
            output::eprint(&error::warning_line(w, &warning));
        }
    }
    match commands::run(&cli, &context) {
        Ok(code) => code,
        Err(e) => {
            if !e.is_quiet() {
                output::eprint(&e.report(context.words));
            }
            e.exit_code()
        }
    }
}

/// The command line, or clap's help, version or usage error. (clap's tree of the command line
/// is dropped here, before any page is built.)
fn parse(args: &[OsString]) -> Result<Cli, clap::Error> {
    let mut command = Cli::command().styles(style::clap_styles());
    let cli = command
        .try_get_matches_from_mut(args)
        .and_then(|m| Cli::from_arg_matches(&m))?;
    if let Some(Command::Stretch {
        guide: false, run, ..
    }) = &cli.command
    {
        if run.any() {
            let kind = clap::error::ErrorKind::MissingRequiredArgument;
            let message = "--print, --no-wait, --view, --no-voice, --quiet and --no-log go with --guide: \
                weizhong stretch NAME --guide";
            return Err(match command.find_subcommand_mut("stretch") {
                Some(stretch) => stretch.error(kind, message),
                None => command.error(kind, message),
            });
        }
    }
    Ok(cli)
}

/// Prints clap's help, version or usage error with its exit code; a closed pipe is quiet.
fn clap_exit(e: &clap::Error) -> u8 {
    match e.print() {
        Ok(()) => {
            let _ = std::io::Write::flush(&mut std::io::stdout());
            u8::try_from(e.exit_code()).unwrap_or(code::USAGE)
        }
        Err(write) => {
            let write = Error::Write(write);
            if !write.is_quiet() {
                let words = context::lang_from_env().words();
                output::eprint(&write.report(words));
            }
            write.exit_code()
        }
    }
}
