//! The command line, as clap's derive: every flag spelled out, each doc comment its help.

// Doc comments here are help text for people, not rustdoc.
#![allow(clippy::doc_markdown)]

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// A self-care guide for an ache behind the knee (委中, Weizhong, BL40)
#[derive(Debug, Parser)]
#[command(
    name = "weizhong",
    version,
    after_help = "Examples:\n  weizhong routine\n  weizhong causes\n  weizhong stretch butterfly\n  weizhong safety"
)]
pub struct Cli {
    #[command(flatten)]
    pub options: CommonOptions,

    #[command(subcommand)]
    pub command: Option<Command>,
}

// Options every command takes, before or after its name: clap's global arguments, so the
// value given last on the command line wins. (Plain comments: a doc comment here would become
// every command's description.)
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Options of every command")]
pub struct CommonOptions {
    /// When to use colour (auto: on a terminal, unless NO_COLOR is set) [default: auto]
    #[arg(long = "color", value_name = "WHEN", global = true)]
    pub color: Option<ColorWhen>,

    /// Wrap text at this many columns [default: the terminal's, up to 100; 80 when not a terminal]
    #[arg(
        long = "width",
        value_name = "COLUMNS",
        global = true,
        value_parser = clap::value_parser!(u16).range(20..=1000)
    )]
    pub width: Option<u16>,

    /// Show pages as text, Markdown (to paste into notes) or JSON (for scripts) [default: text]
    #[arg(long = "format", value_name = "FORMAT", global = true)]
    pub format: Option<Format>,

    /// The language of the guide [default: from LC_ALL, LC_MESSAGES or LANG: zh… is Chinese]
    #[arg(long = "lang", value_name = "LANG", global = true)]
    pub lang: Option<crate::words::Lang>,

    /// Read your own stretches, routines, causes and relief from this folder [default:
    /// $WEIZHONG_CONTENT, else $XDG_CONFIG_HOME/weizhong or ~/.config/weizhong]
    #[arg(long = "content", value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

// Each command's arguments are built only when it is the one used.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Be talked through the bedtime stretches, every hold timed
    #[command(
        after_help = "Keys while it runs: Space or p pauses and goes on, s skips to the next \
        stretch, q quits; Ctrl-C stops too.\n\nExamples:\n  weizhong routine\n  \
        weizhong routine --print > plan.txt"
    )]
    Routine {
        /// A routine, by id, name or the start of one [default: before-bed]
        #[arg(value_name = "NAME")]
        name: Option<String>,

        /// List the routines there are, yours marked
        #[arg(long = "list", conflicts_with = "name")]
        list: bool,

        #[command(flatten)]
        run: RunArgs,
    },

    /// Where the Weizhong point is and why it aches
    #[command(after_help = "Example:\n  weizhong about")]
    About,

    /// Why it hurts: the causes, and what helps each
    #[command(after_help = "Examples:\n  weizhong causes\n  weizhong causes calcium")]
    Causes {
        /// One cause, by name or the start of one [default: all]
        #[arg(value_name = "NAME")]
        name: Option<String>,
    },

    /// The stretches: a table, or one stretch step by step
    #[command(
        after_help = "Examples:\n  weizhong stretch\n  weizhong stretch butterfly\n  \
        weizhong stretch butterfly --guide"
    )]
    Stretch {
        /// One stretch, by name or the start of one [default: a table of all]
        #[arg(value_name = "NAME")]
        name: Option<String>,

        /// Talk me through this stretch with a timer, as the routine does
        #[arg(long = "guide", requires = "name")]
        guide: bool,

        #[command(flatten)]
        run: RunArgs,
    },

    /// Easing the ache: hot compress, massage, foot soak, while standing
    #[command(after_help = "Examples:\n  weizhong relief\n  weizhong relief foot-soak")]
    Relief {
        /// One kind of relief, by name or the start of one [default: all]
        #[arg(value_name = "NAME")]
        name: Option<String>,
    },

    /// When to see a doctor
    #[command(after_help = "Example:\n  weizhong safety")]
    Safety,

    /// Your practice: the last days, your streak, the last sessions
    #[command(
        after_help = "Sessions are noted in $XDG_DATA_HOME/weizhong/history.jsonl \
        (~/.local/share/weizhong/).\n\nExamples:\n  weizhong log\n  weizhong log --days 30"
    )]
    Log {
        /// How many days to show
        #[arg(
            long = "days",
            value_name = "N",
            default_value_t = 14,
            value_parser = clap::value_parser!(u32).range(1..=366)
        )]
        days: u32,
    },

    /// A daily reminder at bedtime, unless you have already stretched
    #[command(
        after_help = "Examples:\n  weizhong remind at 21:30\n  weizhong remind status\n  \
        weizhong remind off"
    )]
    Remind {
        #[command(subcommand)]
        action: Remind,
    },

    /// Show the settings in force and where each comes from
    #[command(
        after_help = "The settings file is $XDG_CONFIG_HOME/weizhong/config.toml \
        (~/.config/weizhong/config.toml). Every key is optional; the command line wins over the \
        file, and the file over the environment:\n\n  \
        lang = \"zh\"                  # en or zh\n  \
        color = \"auto\"               # auto, always or never\n  \
        width = 80                    # 20 to 1000 columns\n  \
        voice = true                  # speak the cues of a timed run\n  \
        speech_command = \"espeak-ng -s 160\"\n  \
        bell = true                   # ring the bell where there is no voice\n  \
        view = \"auto\"                # auto, big, line or plain\n  \
        routine = \"before-bed\"       # the routine `weizhong routine` runs\n  \
        get_ready_seconds = 8         # instead of each stretch's own\n  \
        rest_seconds = 5\n\n\
        Examples:\n  weizhong config\n  weizhong config --path"
    )]
    Config {
        /// Print the settings file's path only
        #[arg(long = "path")]
        path: bool,
    },

    /// Check your own content files and show each problem
    #[command(
        after_help = "Exit status: 0 when every file is fine, 1 when any has a problem.\n\n\
        Examples:\n  weizhong check\n  weizhong check ~/.config/weizhong/stretches/calf.toml"
    )]
    Check {
        /// Files or folders to check [default: your content folder]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },

    /// Print a completion script for a shell
    #[command(after_help = "Example (bash):\n  weizhong completions bash > \
        ~/.local/share/bash-completion/completions/weizhong")]
    Completions {
        /// The shell
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },

    /// Print the manual page, as roff
    #[command(after_help = "Example:\n  weizhong man | man -l -")]
    Man,
}

#[derive(Debug, Subcommand)]
pub enum Remind {
    /// Remind me every day at this time
    #[command(after_help = "Example:\n  weizhong remind at 21:30")]
    At {
        /// The time, on the 24-hour clock: HH:MM
        #[arg(value_name = "TIME", value_parser = clock_time)]
        time: jiff::civil::Time,

        /// Show the files or the line it would write, and write nothing
        #[arg(long = "print")]
        print: bool,
    },
    /// Stop reminding me
    Off,
    /// Say what is set, and when it reminds next
    Status,
    /// Send the reminder now, unless a session was already noted today
    Notify,
}

/// "21:30" or "9:30", on the 24-hour clock.
fn clock_time(text: &str) -> Result<jiff::civil::Time, String> {
    let bad = || format!("'{text}' is not a time on the 24-hour clock, such as 21:30");
    let (hour, minute) = text.trim().split_once(':').ok_or_else(bad)?;
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(hour, 1..=2) || !digits(minute, 2..=2) {
        return Err(bad());
    }
    let (hour, minute) = (
        hour.parse().map_err(|_| bad())?,
        minute.parse().map_err(|_| bad())?,
    );
    // jiff refuses an hour past 23 and a minute past 59.
    jiff::civil::Time::new(hour, minute, 0, 0).map_err(|_| bad())
}

// How a routine or a guided stretch runs. (A doc comment would become the command's description.)
#[derive(Debug, Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each is an independent command-line flag"
)]
pub struct RunArgs {
    /// Print the plan as a sheet instead of running it (the default when not writing to a terminal)
    #[arg(long = "print")]
    pub print: bool,

    /// Start at once, without waiting for Enter
    #[arg(long = "no-wait")]
    pub no_wait: bool,

    /// How to show the run: big digits on the whole screen, one line, or plain lines for screen
    /// readers [default: auto: big on a window of 60 × 16 or more, plain when TERM=dumb or
    /// ACCESSIBLE is set]
    #[arg(long = "view", value_name = "VIEW")]
    pub view: Option<View>,

    /// Ring a bell when a hold ends instead of speaking the cues
    #[arg(long = "no-voice")]
    pub no_voice: bool,

    /// No voice and no bell
    #[arg(long = "quiet")]
    pub quiet: bool,

    /// Do not note this session in the practice log
    #[arg(long = "no-log")]
    pub no_log: bool,
}

impl RunArgs {
    pub fn any(&self) -> bool {
        self.print
            || self.no_wait
            || self.quiet
            || self.no_log
            || self.no_voice
            || self.view.is_some()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum View {
    Auto,
    Big,
    Line,
    Plain,
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::*;

    fn options(args: &[&str]) -> CommonOptions {
        Cli::try_parse_from(args).unwrap().options
    }

    #[test]
    fn a_reminder_time_is_on_the_24_hour_clock() {
        assert_eq!(clock_time("21:30"), Ok(jiff::civil::time(21, 30, 0, 0)));
        assert_eq!(clock_time("9:05"), Ok(jiff::civil::time(9, 5, 0, 0)));
        assert_eq!(clock_time("00:00"), Ok(jiff::civil::time(0, 0, 0, 0)));
        for bad in [
            "25:00", "21:60", "21:3", "2130", "21:30:00", "-1:30", "x:30", "", "021:30",
        ] {
            assert!(clock_time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn options_go_before_or_after_the_command_and_the_later_one_wins() {
        assert_eq!(
            options(&["weizhong", "--width", "40", "causes"]).width,
            Some(40)
        );
        assert_eq!(
            options(&["weizhong", "causes", "--width", "40"]).width,
            Some(40)
        );
        let both = options(&[
            "weizhong", "--width", "60", "--lang", "zh", "causes", "--width", "30",
        ]);
        assert_eq!(
            (both.width, both.lang),
            (Some(30), Some(crate::words::Lang::Zh))
        );
        let none = options(&["weizhong", "stretch", "butterfly"]);
        assert_eq!((none.width, none.format, none.content), (None, None, None));
        assert_eq!(
            options(&["weizhong", "--format", "json"]).format,
            Some(Format::Json)
        );
    }
}
