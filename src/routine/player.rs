//! The timed run: talks the user through a [`Plan`] phase by phase, with a live countdown line,
//! keys to pause, skip and quit, and a summary however it ends.

use std::io::{self, Write};
use std::time::Duration;

use super::clock::{Events, Key};
use super::countdown::{FINAL_SECONDS, filled, seconds_left};
use super::plan::{Action, Phase, Plan, Side, StretchPlan};
use crate::page;
use crate::render::{Doc, style, text, wrap};
use crate::ui::{fill, ui};

/// How the run is shown.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Wait for Enter before the first stretch.
    pub wait_for_enter: bool,
    /// Ring the terminal bell when a hold ends.
    pub bell: bool,
    /// Keep styles (otherwise they are stripped; cursor control stays).
    pub color: bool,
    pub width: usize,
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ending {
    Finished,
    Quit,
    Interrupted,
}

/// What was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub ending: Ending,
    /// The ids of the stretches whose every phase ran to its end.
    pub completed: Vec<String>,
    pub of: usize,
    /// Routine time spent, pauses left out.
    pub seconds: u32,
}

/// How a phase ended.
enum Outcome {
    Done,
    Skip,
    Stop(Ending),
}

/// How often the live line may change, in routine time.
const TICK: Duration = Duration::from_millis(100);
const HIDE_CURSOR: &str = "\x1b[?25l";
const SHOW_CURSOR: &str = "\x1b[?25h";
const CLEAR_TO_END: &str = "\x1b[K";
const BELL: &str = "\x07";

struct Player<'a, E: Events, W: Write> {
    events: &'a mut E,
    out: &'a mut W,
    options: Options,
    /// When the current phase should end if nothing stops it: the schedule, kept from drifting
    /// by adding each phase's seconds to the last end rather than to the time a phase began.
    schedule: Duration,
    paused: Duration,
    line: String,
}

/// Runs `plan` to its end or until the user stops it; the cursor is shown again whatever happens.
pub fn play<E: Events, W: Write>(
    plan: &Plan,
    events: &mut E,
    out: &mut W,
    options: Options,
) -> io::Result<Summary> {
    let mut player = Player {
        events,
        out,
        options,
        schedule: Duration::ZERO,
        paused: Duration::ZERO,
        line: String::new(),
    };
    let result = player.run(plan);
    let restored = write!(player.out, "{SHOW_CURSOR}").and_then(|()| player.out.flush());
    let summary = result?;
    restored?;
    Ok(summary)
}

impl<E: Events, W: Write> Player<'_, E, W> {
    fn run(&mut self, plan: &Plan) -> io::Result<Summary> {
        let of = plan.stretches.len();
        self.doc(&page::routine_intro(plan))?;
        let mut summary = Summary {
            ending: Ending::Finished,
            completed: Vec::new(),
            of,
            seconds: 0,
        };
        if self.options.wait_for_enter {
            if let Some(ending) = self.wait_for_enter()? {
                summary.ending = ending;
                return self.finish(plan, summary, Duration::ZERO);
            }
        }
        self.control(HIDE_CURSOR)?;
        let start = self.events.now();
        self.schedule = start;
        for (i, stretch) in plan.stretches.iter().enumerate() {
            self.write("\n")?;
            self.doc(&page::stretch_header(stretch, i + 1, of))?;
            self.write("\n")?;
            match self.stretch(stretch)? {
                Outcome::Done => summary.completed.push(stretch.stretch.id.clone()),
                Outcome::Skip => {}
                Outcome::Stop(ending) => {
                    summary.ending = ending;
                    break;
                }
            }
        }
        let spent = self.events.now().saturating_sub(start + self.paused);
        self.finish(plan, summary, spent)
    }

    fn wait_for_enter(&mut self) -> io::Result<Option<Ending>> {
        let prompt = fill(
            ui().press_enter,
            &[
                ("enter", &style::paint(style::LITERAL, ui().enter_key)),
                ("q", &style::paint(style::LITERAL, "q")),
            ],
        );
        self.write(&format!("\n{prompt}"))?;
        self.out.flush()?;
        let ending = loop {
            match self.events.wait(None)? {
                Some(Key::Begin) | None => break None,
                Some(Key::Quit) => break Some(Ending::Quit),
                Some(Key::Interrupt) => break Some(Ending::Interrupted),
                Some(Key::Pause | Key::Skip) => {}
            }
        };
        self.write("\n")?;
        Ok(ending)
    }

    fn stretch(&mut self, plan: &StretchPlan) -> io::Result<Outcome> {
        for phase in &plan.phases {
            match self.phase(plan, phase)? {
                Outcome::Done => {}
                other => return Ok(other),
            }
        }
        Ok(Outcome::Done)
    }

    fn phase(&mut self, plan: &StretchPlan, phase: &Phase) -> io::Result<Outcome> {
        let label = label(plan, phase);
        let total = Duration::from_secs(u64::from(phase.seconds));
        let mut end = self.schedule + total;
        loop {
            let now = self.events.now();
            if now >= end {
                self.schedule = end;
                self.draw_done(&label)?;
                if matches!(phase.action, Action::Hold { .. }) && self.options.bell {
                    self.control(BELL)?;
                }
                self.out.flush()?;
                return Ok(Outcome::Done);
            }
            let elapsed = total.saturating_sub(end.saturating_sub(now));
            self.draw_countdown(&label, phase, total, elapsed)?;
            // Wake at the next tick of this phase, or at its end.
            let ticks = elapsed.as_nanos() / TICK.as_nanos() + 1;
            let next = end.saturating_sub(total) + TICK * u32::try_from(ticks).unwrap_or(u32::MAX);
            match self.events.wait(Some(next.min(end)))? {
                None | Some(Key::Begin) => {}
                Some(Key::Pause) => {
                    let paused_at = self.events.now();
                    self.draw(&format!(
                        "  {label}  {}",
                        style::paint(style::WARN, ui().paused)
                    ))?;
                    match self.wait_while_paused()? {
                        None => {}
                        Some(Key::Skip) => return self.skipped(&label),
                        Some(Key::Interrupt) => return self.stopped(&label, Ending::Interrupted),
                        Some(_) => return self.stopped(&label, Ending::Quit),
                    }
                    let pause = self.events.now().saturating_sub(paused_at);
                    self.paused += pause;
                    end += pause;
                    self.schedule += pause;
                }
                Some(Key::Skip) => return self.skipped(&label),
                Some(Key::Quit) => return self.stopped(&label, Ending::Quit),
                Some(Key::Interrupt) => return self.stopped(&label, Ending::Interrupted),
            }
        }
    }

    /// Waits for the key that ends a pause: `None` to go on, or the key that stops instead.
    fn wait_while_paused(&mut self) -> io::Result<Option<Key>> {
        Ok(match self.events.wait(None)? {
            Some(Key::Pause | Key::Begin) | None => None,
            key => key,
        })
    }

    fn skipped(&mut self, label: &str) -> io::Result<Outcome> {
        self.draw(&format!(
            "  {label}  {}",
            style::paint(style::DIM, ui().skipped)
        ))?;
        self.end_line()?;
        self.schedule = self.events.now();
        Ok(Outcome::Skip)
    }

    fn stopped(&mut self, label: &str, ending: Ending) -> io::Result<Outcome> {
        self.draw(&format!(
            "  {label}  {}",
            style::paint(style::DIM, ui().stopped)
        ))?;
        self.end_line()?;
        Ok(Outcome::Stop(ending))
    }

    fn draw_countdown(
        &mut self,
        label: &str,
        phase: &Phase,
        total: Duration,
        elapsed: Duration,
    ) -> io::Result<()> {
        let left = seconds_left(total, elapsed);
        let seconds = countdown_seconds(u64::from(left));
        let room = self
            .options
            .width
            .saturating_sub(wrap::width(label) + wrap::width(&seconds) + 10);
        let cells = room.min(24);
        let done = filled(total, elapsed, cells);
        let near_end =
            matches!(phase.action, Action::Hold { .. }) && left <= FINAL_SECONDS && left > 0;
        let (accent, marks) = if near_end {
            (style::WARN, "•".repeat(left as usize))
        } else {
            (style::MARKER, String::new())
        };
        let bar = if cells >= 5 {
            format!(
                "{}{}  ",
                style::paint(accent, &"█".repeat(done)),
                style::paint(style::DIM, &"░".repeat(cells - done))
            )
        } else {
            String::new()
        };
        self.draw(&format!(
            "  {label}  {bar}{} {}",
            style::paint(accent, &seconds),
            style::paint(style::WARN, &marks)
        ))
    }

    fn draw_done(&mut self, label: &str) -> io::Result<()> {
        self.draw(&format!("  {label}  {}", style::paint(style::TIP, "✓")))?;
        self.end_line()
    }

    /// Redraws the live line in place, only when it changed.
    fn draw(&mut self, line: &str) -> io::Result<()> {
        if line != self.line {
            line.clone_into(&mut self.line);
            let line = self.styled(line);
            write!(self.out, "\r{line}{CLEAR_TO_END}")?;
            self.out.flush()?;
        }
        Ok(())
    }

    fn end_line(&mut self) -> io::Result<()> {
        self.line.clear();
        self.write("\n")
    }

    fn finish(&mut self, plan: &Plan, summary: Summary, spent: Duration) -> io::Result<Summary> {
        let seconds = u32::try_from(spent.as_secs()).unwrap_or(u32::MAX);
        let summary = Summary { seconds, ..summary };
        let template = match summary.ending {
            Ending::Finished => ui().summary_done,
            Ending::Quit => ui().summary_stopped,
            Ending::Interrupted => ui().summary_interrupted,
        };
        let mut doc = Doc::new();
        doc.title(
            fill(
                template,
                &[
                    ("done", &summary.completed.len()),
                    ("count", &page::count_and_time(summary.of, seconds)),
                ],
            ),
            None,
        );
        if let (Ending::Finished, Some(closing)) = (summary.ending, plan.closing) {
            doc.paragraph(closing);
        }
        self.write("\n")?;
        self.doc(&doc)?;
        Ok(summary)
    }

    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        self.write(&text::render(doc, self.options.width, self.options.color))
    }

    fn write(&mut self, text: &str) -> io::Result<()> {
        let text = self.styled(text);
        self.out.write_all(text.as_bytes())
    }

    /// Cursor control and the bell, which stay when styles are stripped.
    fn control(&mut self, codes: &str) -> io::Result<()> {
        self.out.write_all(codes.as_bytes())
    }

    fn styled(&self, text: &str) -> String {
        if self.options.color {
            text.to_owned()
        } else {
            anstream::adapter::strip_str(text).to_string()
        }
    }
}

/// "  8 s": the seconds left, right-aligned so the line does not jump.
fn countdown_seconds(seconds: u64) -> String {
    fill(ui().seconds, &[("seconds", &format!("{seconds:>3}"))])
}

/// "Butterfly stretch · rep 2 of 2 — hold", "Get into position · left side", "Relax".
fn label(plan: &StretchPlan, phase: &Phase) -> String {
    let ui = ui();
    let side: &str = match phase.side {
        Some(Side::Left) => ui.on_left_side,
        Some(Side::Right) => ui.on_right_side,
        None => "",
    };
    match phase.action {
        Action::GetReady => fill(ui.get_into_position, &[("side", &side)]),
        Action::SwitchSides => ui.switch_to_right.to_owned(),
        Action::Hold { rep, reps } => fill(
            ui.rep_hold,
            &[
                ("name", &plan.stretch.name),
                ("side", &side),
                ("rep", &rep),
                ("reps", &reps),
            ],
        ),
        Action::Rest => ui.relax.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::routine::clock::Scripted;

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    fn run(keys: &[(Duration, Key)], wait_for_enter: bool) -> (Summary, String, Duration) {
        let library = Library::builtin();
        let stretches = library.stretches().unwrap();
        let routines = library.routines(&stretches).unwrap();
        let bed = routines.iter().find(|r| r.id == "before-bed").unwrap();
        let plan = Plan::routine(bed, &stretches);
        let mut clock = Scripted::new(keys);
        let mut out = Vec::new();
        let options = Options {
            wait_for_enter,
            bell: true,
            color: false,
            width: 80,
        };
        let summary = play(&plan, &mut clock, &mut out, options).unwrap();
        (summary, String::from_utf8(out).unwrap(), clock.now())
    }

    #[test]
    fn a_whole_routine_takes_exactly_its_plans_time() {
        let (summary, out, now) = run(&[(secs(0.0), Key::Begin)], true);
        assert_eq!(
            summary,
            Summary {
                ending: Ending::Finished,
                completed: vec![
                    "spiral-twist".into(),
                    "butterfly".into(),
                    "horizontal".into()
                ],
                of: 3,
                seconds: 176
            }
        );
        assert_eq!(now, secs(176.0));
        assert!(out.contains("Press Enter to begin (q to quit)"), "{out}");
        assert!(out.contains("Switch to the right side"), "{out}");
        assert!(
            out.contains("Butterfly stretch · rep 2 of 2 — hold"),
            "{out}"
        );
        assert!(out.contains("Done: 3 of 3 stretches · 2 min 56 s"), "{out}");
        assert!(out.contains("weizhong relief foot-soak"), "{out}");
        // One bell per hold: 3 × 2 + 2 + 4.
        assert_eq!(out.matches(BELL).count(), 12);
        assert_eq!(out.matches(HIDE_CURSOR).count(), 1);
        assert!(out.ends_with(&format!("\n{SHOW_CURSOR}")), "{out}");
    }

    #[test]
    fn the_last_seconds_of_a_hold_are_marked() {
        let (_, out, _) = run(&[], false);
        assert!(out.contains("  3 s •••"), "{out}");
        assert!(out.contains("  1 s •\x1b[K"), "{out}");
    }

    #[test]
    fn a_pause_stops_the_clock_and_the_schedule_moves_with_it() {
        // Pause 7 s in, during the first hold; go on 60 s later.
        let keys = [(secs(7.0), Key::Pause), (secs(67.0), Key::Pause)];
        let (summary, out, now) = run(&keys, false);
        assert_eq!(summary.seconds, 176);
        assert_eq!(now, secs(236.0));
        assert!(out.contains("paused · Space to go on"), "{out}");
    }

    #[test]
    fn skip_moves_to_the_next_stretch_and_it_does_not_count() {
        // Skip the spiral twist 20 s in; the other two take 26 s + 60 s.
        let (summary, out, now) = run(&[(secs(20.0), Key::Skip)], false);
        assert_eq!(summary.completed, ["butterfly", "horizontal"]);
        assert_eq!(summary.of, 3);
        assert_eq!(now, secs(106.0));
        assert_eq!(summary.seconds, 106);
        assert!(out.contains("skipped"), "{out}");
        assert!(out.contains("Done: 2 of 3 stretches · 1 min 46 s"), "{out}");
    }

    #[test]
    fn quit_and_ctrl_c_stop_with_a_summary_and_no_closing_tip() {
        let (summary, out, _) = run(&[(secs(100.0), Key::Quit)], false);
        assert_eq!(
            (summary.ending, summary.completed.len(), summary.seconds),
            (Ending::Quit, 1, 100)
        );
        assert!(
            out.contains("Stopped: 1 of 3 stretches · 1 min 40 s"),
            "{out}"
        );
        assert!(!out.contains("foot-soak"), "{out}");
        assert!(out.contains(SHOW_CURSOR));

        let (summary, out, _) = run(&[(secs(3.0), Key::Interrupt)], false);
        assert_eq!(summary.ending, Ending::Interrupted);
        assert!(summary.completed.is_empty());
        assert!(out.contains("Interrupted: 0 of 3 stretches · 3 s"), "{out}");
    }

    #[test]
    fn q_at_the_prompt_quits_before_anything_starts() {
        let (summary, out, _) = run(&[(secs(0.0), Key::Quit)], true);
        assert_eq!((summary.ending, summary.seconds), (Ending::Quit, 0));
        assert!(summary.completed.is_empty());
        assert!(!out.contains("1 of 3 ·"), "{out}");
        assert!(!out.contains(HIDE_CURSOR));
    }

    #[test]
    fn the_live_line_has_no_styles_when_colour_is_off() {
        let (_, out, _) = run(&[], false);
        let without_cursor_control = out
            .replace(HIDE_CURSOR, "")
            .replace(SHOW_CURSOR, "")
            .replace(CLEAR_TO_END, "");
        assert!(!without_cursor_control.contains('\x1b'));
    }
}
