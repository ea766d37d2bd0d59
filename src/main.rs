//! weizhong: an offline self-care guide for an ache behind the knee (委中, BL40).
//!
//! The C `main` is weizhong's own (`no_main`): Rust's start-up code reads /proc/self/maps and
//! maps a signal stack to report stack overflows, which cost a quarter of a page's run time.
//! What weizhong needs of it, it does here: SIGPIPE ignored, the arguments read from argv, stdout
//! flushed at the end. What it gives up: a stack overflow is a bare SIGSEGV, closed standard
//! streams are not reopened on /dev/null, and a panic message names no thread.

#![cfg_attr(not(test), no_main)]
#![warn(clippy::pedantic)]
#![allow(clippy::missing_errors_doc, clippy::module_name_repetitions)]

mod check;
mod cli;
mod commands;
mod content;
mod error;
#[cfg(test)]
mod fuzz;
mod history;
mod output;
mod page;
mod paths;
mod render;
mod routine;
mod shell;
mod ui;

use clap::{CommandFactory, FromArgMatches};

use crate::cli::{Cli, Command};
use crate::content::Library;
use crate::error::{Error, code};
use crate::render::style;

#[cfg(not(test))]
#[unsafe(no_mangle)]
extern "C" fn main(
    count: std::ffi::c_int,
    values: *const *const std::ffi::c_char,
) -> std::ffi::c_int {
    use std::os::unix::ffi::OsStrExt as _;

    // A closed pipe then fails a write with EPIPE, which weizhong treats as the reader being done.
    // SAFETY: setting a signal's disposition to SIG_IGN before any other thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    // The arguments as the C runtime hands them over: std::env::args is filled in without Rust's
    // start-up only on some systems (glibc's, Apple's), not on musl or the BSDs.
    let count = usize::try_from(count).unwrap_or(0);
    let args: Vec<std::ffi::OsString> = (0..count)
        .map(|i| {
            // SAFETY: the C runtime passes `count` pointers to NUL-terminated strings in
            // `values` (argc and argv), valid for the life of the process.
            let arg = unsafe { std::ffi::CStr::from_ptr(*values.add(i)) };
            std::ffi::OsStr::from_bytes(arg.to_bytes()).to_owned()
        })
        .collect();
    let exit = run(&args);
    // Every page was already flushed and its errors reported; this catches clap's output.
    let _ = std::io::Write::flush(&mut std::io::stdout());
    exit.into()
}

/// weizhong's work, from the arguments to the exit code.
#[cfg_attr(test, allow(dead_code))]
fn run(args: &[std::ffi::OsString]) -> u8 {
    let color = output::color_from_args(args);
    anstream::ColorChoice::from(color).write_global();

    let mut command = Cli::command().styles(style::clap_styles());
    let cli = match command
        .try_get_matches_from_mut(args)
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
            let kind = clap::error::ErrorKind::MissingRequiredArgument;
            let message = "--print, --no-wait, --quiet and --no-log go with --guide: weizhong stretch NAME --guide";
            let e = match command.find_subcommand_mut("stretch") {
                Some(stretch) => stretch.error(kind, message),
                None => command.error(kind, message),
            };
            return clap_exit(&e);
        }
    }
    // clap's tree is freed before the page is built, which then reuses its memory: `causes`
    // touches 40 KiB of heap instead of 64. The overview, the completions and the man page
    // build a tree of their own.
    drop(command);
    let options = cli.options();
    ui::set_lang(options.lang.unwrap_or_else(ui::Lang::from_env));
    let result = commands::user_files(&options).and_then(|user| {
        let library = Library::with_user(user);
        let result = commands::run(&cli, &options, &library);
        if !matches!(cli.command, Some(Command::Check { .. })) {
            for warning in library.take_warnings() {
                output::eprint(&error::warning(&warning));
            }
        }
        result
    });
    match result {
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
#[cfg_attr(test, allow(dead_code))]
fn clap_exit(e: &clap::Error) -> u8 {
    match e.print() {
        Ok(()) => u8::try_from(e.exit_code()).unwrap_or(code::USAGE),
        Err(write) => {
            let write = Error::Write(write);
            if !write.is_quiet() {
                output::eprint(&write.report());
            }
            write.exit_code()
        }
    }
}
