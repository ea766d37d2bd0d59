//! The line view of a timed run: the routine's intro, each stretch's steps, and each phase
//! counted down on one line redrawn in place, then the summary.

use std::io::{self, Write};
use std::time::Duration;

use crossterm::{QueueableCommand, cursor, terminal};

use super::countdown::{FINAL_SECONDS, filled, seconds_left};
use super::player::{Ending, Event, Summary, View};
use crate::page::{count_and_time, routine as page};
use crate::plan::{Action, Phase, Plan, Side, StretchPlan};
use crate::render::{Doc, style, text, wrap};
use crate::words::Words;

const BELL: &str = "\x07";

pub struct LineView<'a, W: Write> {
    plan: &'a Plan<'a>,
    /// What the run shows before it starts.
    intro: Doc,
    words: &'static Words,
    out: W,
    width: usize,
    color: bool,
    /// Ring the terminal bell when a hold ends.
    bell: bool,
    /// The current stretch and phase.
    at: (usize, usize),
    /// What the live line shows now, to redraw it only when it changes.
    line: String,
}

impl<'a, W: Write> LineView<'a, W> {
    pub fn new(
        plan: &'a Plan<'a>,
        intro: Doc,
        words: &'static Words,
        out: W,
        (width, color, bell): (usize, bool, bool),
    ) -> Self {
        Self {
            plan,
            intro,
            words,
            out,
            width,
            color,
            bell,
            at: (0, 0),
            line: String::new(),
        }
    }

    fn stretch(&self) -> &StretchPlan<'a> {
        &self.plan.stretches[self.at.0]
    }

    fn phase(&self) -> &Phase {
        &self.stretch().phases[self.at.1]
    }

    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        let text = text::render(doc, self.width, self.color);
        self.out.write_all(text.as_bytes())
    }

    /// The live line: "  {label}  {what}", redrawn in place only when it changed.
    fn draw(&mut self, what: &str) -> io::Result<()> {
        let line = format!(
            "  {}  {what}",
            label(self.words, self.stretch(), self.phase())
        );
        if line != self.line {
            self.out.write_all(b"\r")?;
            self.out.write_all(line.as_bytes())?;
            self.out
                .queue(terminal::Clear(terminal::ClearType::UntilNewLine))?;
            self.out.flush()?;
            self.line = line;
        }
        Ok(())
    }

    /// The live line, finished with `what`, and a new line for the next.
    fn finish_line(&mut self, what: &str) -> io::Result<()> {
        self.draw(what)?;
        self.line.clear();
        self.out.write_all(b"\n")
    }

    fn paint(&self, style: anstyle::Style, text: &str) -> String {
        if self.color {
            style::paint(style, text)
        } else {
            text.to_owned()
        }
    }

    fn countdown(&mut self, total: Duration, elapsed: Duration) -> io::Result<()> {
        let left = seconds_left(total, elapsed);
        let seconds = self.words.seconds(format!("{left:>3}"));
        let label = label(self.words, self.stretch(), self.phase());
        let room = self
            .width
            .saturating_sub(wrap::width(&label) + wrap::width(&seconds) + 10);
        let cells = room.min(24);
        let done = filled(total, elapsed, cells);
        let near_end =
            matches!(self.phase().action, Action::Hold { .. }) && left <= FINAL_SECONDS && left > 0;
        let (accent, marks) = if near_end {
            (style::WARN, "•".repeat(left as usize))
        } else {
            (style::MARKER, String::new())
        };
        let bar = if cells >= 5 {
            format!(
                "{}{}  ",
                self.paint(accent, &"█".repeat(done)),
                self.paint(style::DIM, &"░".repeat(cells - done))
            )
        } else {
            String::new()
        };
        let what = format!(
            "{bar}{} {}",
            self.paint(accent, &seconds),
            self.paint(style::WARN, &marks)
        );
        self.draw(&what)
    }

    fn end(&mut self, summary: &Summary) -> io::Result<()> {
        if !summary.started {
            // Only the prompt was shown: end its line.
            self.out.write_all(b"\n")?;
            return self.out.flush();
        }
        let w = self.words;
        let count = count_and_time(w, summary.of, summary.seconds);
        let done = summary.completed.len();
        let title = match summary.ending {
            Ending::Finished => w.summary_done(done, count),
            Ending::Quit => w.summary_stopped(done, count),
            Ending::Interrupted => w.summary_interrupted(done, count),
        };
        let mut doc = Doc::new();
        doc.title(title, None);
        if let (Ending::Finished, Some(closing)) = (summary.ending, self.plan.closing) {
            doc.paragraph(closing);
        }
        self.out.write_all(b"\n")?;
        self.doc(&doc)?;
        self.out.queue(cursor::Show)?;
        self.out.flush()
    }
}

impl<W: Write> View for LineView<'_, W> {
    fn show(&mut self, event: &Event) -> io::Result<()> {
        let w = self.words;
        match *event {
            Event::Start { prompt } => {
                let intro = std::mem::take(&mut self.intro);
                self.doc(&intro)?;
                if prompt {
                    let enter = self.paint(style::LITERAL, w.enter_key);
                    let q = self.paint(style::LITERAL, "q");
                    write!(self.out, "\n{}", w.press_enter(enter, q))?;
                }
                self.out.flush()?;
            }
            Event::Stretch { stretch } => {
                if stretch == 0 {
                    self.out.queue(cursor::Hide)?;
                }
                self.at = (stretch, 0);
                let header =
                    page::stretch_header(w, self.stretch(), stretch + 1, self.plan.stretches.len());
                self.out.write_all(b"\n")?;
                self.doc(&header)?;
                self.out.write_all(b"\n")?;
            }
            Event::Phase { stretch, phase } => self.at = (stretch, phase),
            Event::Tick { elapsed, total } => self.countdown(total, elapsed)?,
            Event::PhaseDone => {
                self.finish_line(&self.paint(style::TIP, "✓"))?;
                if self.bell && matches!(self.phase().action, Action::Hold { .. }) {
                    self.out.write_all(BELL.as_bytes())?;
                }
                self.out.flush()?;
            }
            Event::Paused => self.draw(&self.paint(style::WARN, w.paused))?,
            Event::Resumed => {}
            Event::Skipped => self.finish_line(&self.paint(style::DIM, w.skipped))?,
            Event::Stopped => self.finish_line(&self.paint(style::DIM, w.stopped))?,
            Event::End(summary) => self.end(summary)?,
        }
        Ok(())
    }
}

/// "Butterfly stretch · rep 2 of 2 — hold", "Get into position · left side", "Relax".
pub fn label(w: &Words, plan: &StretchPlan, phase: &Phase) -> String {
    let side: &str = match phase.side {
        Some(Side::Left) => w.on_left_side,
        Some(Side::Right) => w.on_right_side,
        None => "",
    };
    match phase.action {
        Action::GetReady => w.get_into_position(side),
        Action::SwitchSides => w.switch_to_right.to_owned(),
        Action::Hold { rep, reps } => w.rep_hold(&plan.stretch.name, side, rep, reps),
        Action::Rest => w.relax.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::routine::clock::{Key, Scripted};
    use crate::routine::player::play;
    use crate::words::EN;

    const HIDE_CURSOR: &str = "\x1b[?25l";
    const SHOW_CURSOR: &str = "\x1b[?25h";
    const CLEAR_TO_END: &str = "\x1b[K";

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    /// What the line view writes for the bedtime routine with these keys.
    fn run(keys: &[(Duration, Key)], prompt: bool) -> String {
        let library = Library::builtin();
        let stretches = library.stretches().unwrap();
        let routines = library.routines(&stretches).unwrap();
        let bed = routines.iter().find(|r| r.id == "before-bed").unwrap();
        let plan = Plan::routine(bed, &stretches);
        let mut clock = Scripted::new(keys);
        let mut out = Vec::new();
        let intro = page::intro(&EN, &plan, "Mind how you stretch.");
        let mut view = LineView::new(&plan, intro, &EN, &mut out, (80, false, true));
        play(&plan, &mut clock, &mut [&mut view], prompt).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_whole_routine_is_shown_and_summed_up() {
        let out = run(&[(secs(0.0), Key::Begin)], true);
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
        assert!(out.ends_with(SHOW_CURSOR), "{out}");
    }

    #[test]
    fn the_last_seconds_of_a_hold_are_marked() {
        let out = run(&[], false);
        assert!(out.contains("  3 s •••"), "{out}");
        assert!(out.contains(&format!("  1 s •{CLEAR_TO_END}")), "{out}");
    }

    #[test]
    fn a_pause_skip_and_quit_are_shown_on_the_line() {
        let keys = [
            (secs(7.0), Key::Pause),
            (secs(9.0), Key::Pause),
            (secs(20.0), Key::Skip),
            (secs(40.0), Key::Quit),
        ];
        let out = run(&keys, false);
        assert!(out.contains("paused · Space to go on"), "{out}");
        assert!(out.contains("skipped"), "{out}");
        assert!(out.contains("Stopped: 0 of 3 stretches · 38 s"), "{out}");
        assert!(!out.contains("foot-soak"), "{out}");
    }

    #[test]
    fn q_at_the_prompt_shows_nothing_more() {
        let out = run(&[(secs(0.0), Key::Quit)], true);
        assert!(!out.contains("1 of 3 ·"), "{out}");
        assert!(!out.contains(HIDE_CURSOR));
        assert!(!out.contains("Stopped"), "{out}");
    }

    #[test]
    fn the_line_has_no_styles_when_colour_is_off() {
        let out = run(&[], false);
        let without_cursor_control = out
            .replace(HIDE_CURSOR, "")
            .replace(SHOW_CURSOR, "")
            .replace(CLEAR_TO_END, "");
        assert!(!without_cursor_control.contains('\x1b'));
    }
}
