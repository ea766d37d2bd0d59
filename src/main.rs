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

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, Command};
use crate::content::{Library, Named, find};
use crate::error::Error;
use crate::render::{Doc, style};
use crate::routine::StretchPlan;

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
    match run(&cli, &command) {
        Ok(()) => ExitCode::SUCCESS,
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

fn run(cli: &Cli, command: &clap::Command) -> Result<(), Error> {
    let library = Library::builtin();
    let doc = page_for(cli, command, &library)?;
    let width = output::width(cli.global.width);
    output::print(&render::text::render(&doc, width))?;
    Ok(())
}

fn page_for(cli: &Cli, command: &clap::Command, library: &Library) -> Result<Doc, Error> {
    Ok(match &cli.command {
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
        Some(Command::Stretch { name: None }) => {
            let stretches = library.stretches()?;
            let plans: Vec<StretchPlan> = stretches.iter().map(StretchPlan::new).collect();
            page::stretches(&plans)
        }
        Some(Command::Stretch { name: Some(name) }) => {
            let stretches = library.stretches()?;
            page::stretch(&StretchPlan::new(one(&stretches, name)?))
        }
        Some(Command::Relief { name: None }) => page::reliefs(&library.relief()?),
        Some(Command::Relief { name: Some(name) }) => page::relief(one(&library.relief()?, name)?),
        Some(Command::Safety) => page::safety(&library.safety()?),
    })
}

/// The item `name` means, or a lookup error.
fn one<'a, T: Named>(items: &'a [T], name: &str) -> Result<&'a T, Error> {
    Ok(find(items, name)?)
}
