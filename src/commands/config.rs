//! `weizhong config`: each setting in force, and where it came from.

use std::io::IsTerminal;

use crate::cli::{self, Cli};
use crate::context::Context;
use crate::error::Error;
use crate::output;
use crate::page;
use crate::page::config::{InForce, Source};
use crate::platform::paths;
use crate::platform::speech::Voice;
use crate::settings;

use super::{DEFAULT_ROUTINE, show, speech_command};

/// `weizhong config`: each setting in force and where it came from; `--path`, the file's path.
pub(super) fn config(cli: &Cli, cx: &Context, path_only: bool) -> Result<(), Error> {
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
