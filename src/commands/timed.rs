//! A timed run: the views and the voice it is shown with, the keyboard and signals it answers,
//! and the record it leaves in the practice log.

use std::io::IsTerminal;

use crate::cli::{self, Format, RunArgs};
use crate::content::Library;
use crate::context::Context;
use crate::error::{self, Error, code};
use crate::history;
use crate::output;
use crate::page::{self, json};
use crate::plan::Plan;
use crate::platform::speech::Voice;
use crate::platform::{paths, terminal};
use crate::routine::big::BigView;
use crate::routine::line::LineView;
use crate::routine::live::{self, Live};
use crate::routine::plain::PlainView;
use crate::routine::player::{self, Ending, Summary, View};
use crate::routine::voice::VoiceView;

use super::{log_problem, show, speech_command};

/// Runs a plan with its timer on a terminal and notes it in the log, or shows it as a sheet.
pub(super) fn guide_plan(
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
    // until the record is written, and then ends the process as it would have.
    events.give_back_terminal();
    if !run.no_log && summary.started {
        note(cx, &record(kind, plan.id, &summary));
    }
    let signal = match summary.ending {
        Ending::Interrupted(signal) => Some(signal),
        Ending::Finished | Ending::Quit => events.late_stop(),
    };
    drop(events);
    if let Some(signal) = signal {
        return Ok(u8::try_from(128 + signal).unwrap_or(code::INTERRUPTED));
    }
    match failed {
        Some(e) => Err(Error::Write(e)),
        None => Ok(code::OK),
    }
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
