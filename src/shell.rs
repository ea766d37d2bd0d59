//! Fitting into the system: shell completion scripts and the manual page.

use std::io::Write;

use clap::CommandFactory as _;
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::content::{ContentError, Library, Named};
use crate::error::code;

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

/// The manual page as roff, one page for everything: the options of every command, a section
/// for each command with its own options and notes, then the exit status, the environment and
/// the files.
pub fn man() -> std::io::Result<Vec<u8>> {
    let mut command = Cli::command();
    command.build();
    let mut out = Vec::new();
    let page = clap_mangen::Man::new(command.clone());
    page.render_title(&mut out)?;
    page.render_name_section(&mut out)?;
    page.render_synopsis_section(&mut out)?;
    section(&mut out, "DESCRIPTION", DESCRIPTION)?;
    page.render_options_section(&mut out)?;
    for sub in command.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        let title = format!("weizhong {}", sub.get_name()).to_uppercase();
        writeln!(out, ".SH \"{title}\"")?;
        // The options of every command are told once, above.
        let own = sub.clone().mut_args(|arg| {
            let hide = arg.is_global_set() || arg.get_id() == "help";
            arg.hide(hide)
        });
        let page = clap_mangen::Man::new(own.clone());
        let mut part = Vec::new();
        page.render_synopsis_section(&mut part)?;
        page.render_description_section(&mut part)?;
        if own.get_arguments().any(|a| !a.is_hide_set()) {
            page.render_options_section(&mut part)?;
        }
        // The command's sections become subsections of its section here.
        for line in String::from_utf8_lossy(&part).lines() {
            if line.starts_with(".ie \\n(.g") || line.starts_with(".el .ds Aq") {
                continue;
            }
            match line.strip_prefix(".SH ") {
                Some(heading) => writeln!(out, ".SS {heading}")?,
                None => writeln!(out, "{line}")?,
            }
        }
        if let Some(notes) = sub.get_after_help() {
            writeln!(out, ".SS NOTES")?;
            paragraphs(&mut out, &notes.to_string())?;
        }
    }
    let codes = [
        (
            code::OK,
            "Done; also when a pipe closes early, as in weizhong causes | head -1.",
        ),
        (
            code::FAILURE,
            "A runtime failure: output could not be written (a full disk), a file could not be \
             read, or weizhong check found a problem.",
        ),
        (
            code::USAGE,
            "A usage error: an unknown option, command or name, a bad --width, a missing \
             --content folder, a bad WEIZHONG_TIME_SCALE.",
        ),
        (code::INTERRUPTED, "Interrupted: Ctrl-C during a timed run."),
    ];
    let signals = "A timed run stopped by signal n: 129 when its window closed (SIGHUP), 131 \
                   for Ctrl-\\ (SIGQUIT), 143 for kill (SIGTERM).";
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    for (code, meaning) in codes {
        writeln!(out, ".TP\n{code}\n{}", roman(meaning))?;
    }
    writeln!(out, ".TP\n128 + n\n{}", roman(signals))?;
    list(&mut out, "ENVIRONMENT", ENVIRONMENT)?;
    list(&mut out, "FILES", FILES)?;
    section(&mut out, "EXAMPLES", EXAMPLES)?;
    page.render_version_section(&mut out)?;
    Ok(out)
}

const DESCRIPTION: &str = "An offline guide for an ache in the middle of the crease behind the \
knee, the Weizhong point (BL40): what may cause it, the article's three stretches, relief, and \
when the ache is a job for a doctor. weizhong alone shows the commands and the safety note; \
weizhong routine talks you through the bedtime stretches with a timer. Every command takes the \
options below, before or after its name; weizhong help COMMAND shows a command's help. Names \
match in any case, by id, alias, name, the number a page shows, or a unique start.";

const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "WEIZHONG_CONTENT",
        "The folder of your own content, as --content gives it; empty means unset.",
    ),
    (
        "WEIZHONG_TIME_SCALE",
        "A testing and demo aid: scales every wait of a timed run, from 0.001 to 100; 0.01 \
         runs it 100 times faster, 0 does not wait at all.",
    ),
    (
        "WEIZHONG_SPEECH_COMMAND",
        "The program that speaks the cues, with its options, when the settings file does not \
         say (split at spaces); the cue's words are added as its last argument.",
    ),
    (
        "ACCESSIBLE",
        "Set and not empty: a timed run writes plain lines, one for each cue, for a screen \
         reader, as --view plain does, unless --view (or the settings file) chooses another \
         view.",
    ),
    (
        "XDG_CONFIG_HOME",
        "Your content and settings are read from $XDG_CONFIG_HOME/weizhong when it is set to \
         an absolute path.",
    ),
    (
        "XDG_DATA_HOME",
        "The practice log is kept in $XDG_DATA_HOME/weizhong when it is set to an absolute path.",
    ),
    (
        "HOME",
        "Where the folders above are, when the XDG variables are not set.",
    ),
    (
        "LC_ALL, LC_MESSAGES, LANG",
        "The first of them that is set chooses the language: zh... is Chinese, anything else \
         English; --lang wins over them.",
    ),
    (
        "NO_COLOR",
        "Set and not empty: no colour, unless --color always (or color = \"always\" in the \
         settings file).",
    ),
    (
        "CLICOLOR_FORCE",
        "Set and not empty: colour even when not writing to a terminal, unless NO_COLOR is set \
         too.",
    ),
    (
        "TERM",
        "dumb: no colour, and a timed run writes plain lines unless --view (or the settings \
         file) chooses another view.",
    ),
];

const FILES: &[(&str, &str)] = &[
    (
        "~/.config/weizhong/",
        "Your own content, laid out as weizhong's: causes/, stretches/, relief/ and routines/, \
         one .toml file for each item. weizhong check shows each problem in them.",
    ),
    (
        "~/.config/weizhong/config.toml",
        "Your settings: the options you always give, and the reminder's routine. weizhong config \
         shows each setting in force and where it came from; weizhong check checks the file.",
    ),
    (
        "~/.local/share/weizhong/history.jsonl",
        "The practice log: one line of JSON for each session, appended and never rewritten.",
    ),
];

const EXAMPLES: &str = "weizhong routine\n\
weizhong routine --print > plan.txt\n\
weizhong stretch butterfly --guide\n\
weizhong causes 1.2a\n\
weizhong log --days 30\n\
weizhong check ~/.config/weizhong/routines/morning.toml\n\
weizhong man | man -l -";

/// A section of lines as they are.
fn section(out: &mut Vec<u8>, heading: &str, text: &str) -> std::io::Result<()> {
    writeln!(out, ".SH {heading}")?;
    if text.contains('\n') {
        writeln!(out, ".nf")?;
    }
    for line in text.lines() {
        writeln!(out, "{}", roman(line))?;
    }
    if text.contains('\n') {
        writeln!(out, ".fi")?;
    }
    Ok(())
}

/// Help text as roff: lines filled into paragraphs, a blank line between them, and indented
/// lines (examples) kept as they are.
fn paragraphs(out: &mut Vec<u8>, text: &str) -> std::io::Result<()> {
    let mut kept = false;
    for line in text.lines() {
        let indented = line.starts_with("  ");
        if indented != kept {
            writeln!(out, "{}", if indented { ".nf" } else { ".fi" })?;
            kept = indented;
        }
        if line.trim().is_empty() {
            writeln!(out, ".PP")?;
        } else {
            writeln!(out, "{}", roman(line))?;
        }
    }
    if kept {
        writeln!(out, ".fi")?;
    }
    Ok(())
}

/// A section of names, each with what it means.
fn list(out: &mut Vec<u8>, heading: &str, items: &[(&str, &str)]) -> std::io::Result<()> {
    writeln!(out, ".SH {heading}")?;
    for (name, meaning) in items {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", roman(name), roman(meaning))?;
    }
    Ok(())
}

/// Text as roff shows it: backslashes and hyphens escaped, no line read as a request.
fn roman(text: &str) -> String {
    let text = text.replace('\\', "\\e").replace('-', "\\-");
    if text.starts_with('.') || text.starts_with('\'') {
        format!("\\&{text}")
    } else {
        text
    }
}
