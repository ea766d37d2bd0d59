//! Fitting into the system: shell completion scripts and the manual page.

use std::io::Write;

use clap::CommandFactory as _;
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::content::{ContentError, Library, Named};

/// A completion script for `shell`, completing the names of stretches, causes, relief and
/// routines (the user's included) where the shell can.
pub fn completions(shell: Shell, library: &Library) -> Result<Vec<u8>, ContentError> {
    let stretches = library.stretches()?;
    let names = [
        ("causes", ids(&library.causes()?)),
        ("stretch", ids(&stretches)),
        ("relief", ids(&library.relief()?)),
        ("routine", ids(&library.routines(&stretches)?)),
    ];
    let mut command = Cli::command();
    // Each command's arguments are built when it is first used: all of them, here.
    command.build();
    for (subcommand, ids) in names {
        command = command.mut_subcommand(subcommand, |sub| {
            sub.mut_arg("name", |arg| {
                arg.value_parser(PossibleValuesParser::new(ids))
            })
        });
    }
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "weizhong", &mut out);
    Ok(out)
}

fn ids<T: Named>(items: &[T]) -> Vec<String> {
    items.iter().map(|i| i.id().to_owned()).collect()
}

/// The manual page as roff: the main page, then a section for each command with its options.
pub fn man() -> std::io::Result<Vec<u8>> {
    let mut command = Cli::command();
    command.build();
    let mut out = Vec::new();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        let title = format!("weizhong {}", sub.get_name()).to_uppercase();
        writeln!(out, ".SH \"{title}\"")?;
        let page = clap_mangen::Man::new(sub.clone());
        let mut section = Vec::new();
        page.render_synopsis_section(&mut section)?;
        page.render_description_section(&mut section)?;
        page.render_options_section(&mut section)?;
        if sub.get_after_help().is_some() {
            page.render_extra_section(&mut section)?;
        }
        // The command's own sections become subsections of its section here.
        for line in String::from_utf8_lossy(&section).lines() {
            match line.strip_prefix(".SH ") {
                Some(heading) => writeln!(out, ".SS {heading}")?,
                None => writeln!(out, "{line}")?,
            }
        }
    }
    Ok(out)
}
