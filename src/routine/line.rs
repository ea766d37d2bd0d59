//! The line view of a timed run: the routine's intro, each stretch's steps, and each phase
//! counted down on one line redrawn in place, then the summary. The line never wraps: on a
//! narrow window its bar goes first, then its label shortens.

use std::io::{self, Write};
use std::time::Duration;

use anstyle::Style;
use crossterm::{QueueableCommand, terminal};

use super::countdown::{FINAL_SECONDS, filled, seconds_left};
use super::describe;
use super::player::{Event, Summary, View};
use crate::page::routine as page;
use crate::plan::{Action, Phase, Plan, StretchPlan};
use crate::platform::terminal as term;
use crate::render::{Doc, picture, style, text, wrap};
use crate::words::Words;

const BELL: &str = "\x07";

/// The narrowest line drawn; a narrower window gets this much, cut by the terminal.
const MIN_COLUMNS: usize = 20;

pub struct LineView<'a, W: Write> {
    plan: &'a Plan<'a>,
    /// What the run shows before it starts.
    intro: Doc,
    words: &'static Words,
    out: W,
    /// The width pages are wrapped to, and the columns the live line may take.
    width: usize,
    columns: usize,
    color: bool,
    /// Ring the terminal bell when a hold ends.
    bell: bool,
    /// The current stretch and phase.
    at: (usize, usize),
    /// Whether the first stretch has begun: before, the cursor waits at the prompt.
    began: bool,
    /// What the live line shows now, to redraw it only when it changes.
    line: String,
}

impl<'a, W: Write> LineView<'a, W> {
    /// `width`: the width of pages; `columns`: the terminal's, if known.
    pub fn new(
        plan: &'a Plan<'a>,
        intro: Doc,
        words: &'static Words,
        out: W,
        (width, columns, color, bell): (usize, Option<u16>, bool, bool),
    ) -> Self {
        Self {
            plan,
            intro,
            words,
            out,
            width,
            columns: line_columns(width, columns),
            color,
            bell,
            at: (0, 0),
            began: false,
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

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            style::paint(style, text)
        } else {
            text.to_owned()
        }
    }

    /// The live line: "  {label}  {tail}", redrawn in place only when it changed. `tail` is
    /// pieces of text and their styles; the label is cut to leave room for them.
    fn draw(&mut self, tail: &[(&str, Style)]) -> io::Result<()> {
        let tail_width: usize = tail.iter().map(|(t, _)| wrap::width(t)).sum();
        let label = describe::label(self.words, self.stretch(), self.phase());
        let room = self.columns.saturating_sub(4 + tail_width);
        let mut line = format!("  {}  ", wrap::cut(&label, room.max(1)));
        for (text, style) in tail {
            line.push_str(&self.paint(*style, text));
        }
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

    /// The live line, finished with `word`, and a new line for the next.
    fn finish_line(&mut self, word: &str, style: Style) -> io::Result<()> {
        self.draw(&[(word, style)])?;
        self.line.clear();
        self.out.write_all(b"\n")
    }

    fn countdown(&mut self, total: Duration, elapsed: Duration) -> io::Result<()> {
        let left = seconds_left(total, elapsed);
        let seconds = self.words.seconds(format!("{left:>3}"));
        let near_end =
            matches!(self.phase().action, Action::Hold { .. }) && left <= FINAL_SECONDS && left > 0;
        let (accent, marks) = if near_end {
            (style::WARN, format!(" {}", "•".repeat(left as usize)))
        } else {
            (style::MARKER, String::new())
        };
        // The bar takes what the label and the seconds leave, up to 24 cells, or none below 5.
        let label = describe::label(self.words, self.stretch(), self.phase());
        let room = self
            .columns
            .saturating_sub(wrap::width(&label) + wrap::width(&seconds) + 10);
        let cells = room.min(24);
        let (done, rest) = if cells >= 5 {
            let done = filled(total, elapsed, cells);
            ("█".repeat(done), format!("{}  ", "░".repeat(cells - done)))
        } else {
            (String::new(), String::new())
        };
        self.draw(&[
            (&done, accent),
            (&rest, style::DIM),
            (&seconds, accent),
            (&marks, style::WARN),
        ])
    }

    fn end(&mut self, summary: &Summary) -> io::Result<()> {
        if !summary.started {
            // Only the prompt was shown: end its line.
            self.out.write_all(b"\n")?;
            return self.out.flush();
        }
        self.out.write_all(b"\n")?;
        self.doc(&describe::summary(self.words, self.plan, summary))?;
        term::show_cursor(&mut self.out)?;
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
                    let press = describe::press_enter(w, self.color);
                    write!(self.out, "\n{press}")?;
                }
                self.out.flush()?;
            }
            Event::Stretch { stretch } => {
                if !self.began {
                    self.began = true;
                    term::hide_cursor(&mut self.out)?;
                }
                self.at = (stretch, 0);
                let header = page::stretch_header(
                    w,
                    self.stretch(),
                    (stretch + 1, self.plan.stretches.len()),
                    true,
                );
                self.out.write_all(b"\n")?;
                self.doc(&header)?;
                self.out.write_all(b"\n")?;
            }
            Event::Phase { stretch, phase } => {
                self.at = (stretch, phase);
                // The header showed the left side; the right is its mirror image.
                if self.phase().action == Action::SwitchSides {
                    if let Some(art) = &self.stretch().stretch.picture {
                        let art = picture::mirror(art.trim_matches('\n'));
                        if picture::size(&art).0 + 2 <= self.columns {
                            for line in art.lines() {
                                writeln!(self.out, "  {line}")?;
                            }
                        }
                    }
                }
            }
            Event::Tick { elapsed, total } => self.countdown(total, elapsed)?,
            Event::PhaseDone => {
                self.finish_line("✓", style::TIP)?;
                if self.bell && matches!(self.phase().action, Action::Hold { .. }) {
                    self.out.write_all(BELL.as_bytes())?;
                }
                self.out.flush()?;
            }
            Event::Paused => self.draw(&[(w.paused, style::WARN)])?,
            Event::Resumed => {}
            Event::Suspend => {
                // The shell's "Stopped" goes on a line of its own, the cursor shown.
                self.line.clear();
                self.out.write_all(b"\n")?;
                term::show_cursor(&mut self.out)?;
                self.out.flush()?;
            }
            Event::Continue => {
                if self.began {
                    term::hide_cursor(&mut self.out)?;
                } else {
                    // Back at the prompt, which the shell's lines have pushed up.
                    write!(self.out, "{}", describe::press_enter(w, self.color))?;
                    self.out.flush()?;
                }
            }
            Event::Resize { columns, .. } => {
                self.columns = line_columns(self.width, Some(columns));
                self.width = self.width.min(usize::from(columns).max(MIN_COLUMNS));
                // The old line may be longer than the window now: clear it and draw anew.
                self.line.clear();
                self.out.write_all(b"\r")?;
                self.out
                    .queue(terminal::Clear(terminal::ClearType::CurrentLine))?;
            }
            Event::Skipped => self.finish_line(w.skipped, style::DIM)?,
            Event::Stopped => self.finish_line(w.stopped, style::DIM)?,
            Event::End(summary) => self.end(summary)?,
        }
        Ok(())
    }
}

/// The columns the live line may take: one less than the window's, so the cursor never wraps,
/// and no more than the page's width.
fn line_columns(width: usize, columns: Option<u16>) -> usize {
    let window = columns.map_or(width, |c| usize::from(c).saturating_sub(1));
    window.min(width).max(MIN_COLUMNS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::routine::clock::{Input, Scripted};
    use crate::routine::player::play;
    use crate::words::EN;

    const HIDE_CURSOR: &str = "\x1b[?25l";
    const SHOW_CURSOR: &str = "\x1b[?25h";
    const CLEAR_TO_END: &str = "\x1b[K";

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    /// What the line view writes for the bedtime routine with these keys.
    fn run(keys: &[(Duration, Input)], prompt: bool) -> String {
        let library = Library::builtin();
        let stretches = library.stretches().unwrap();
        let routines = library.routines(&stretches).unwrap();
        let bed = routines.iter().find(|r| r.id == "before-bed").unwrap();
        let plan = Plan::routine(bed, &stretches);
        let mut clock = Scripted::new(keys);
        let mut out = Vec::new();
        let intro = page::intro(&EN, &plan, "Mind how you stretch.", None);
        let mut view = LineView::new(&plan, intro, &EN, &mut out, (80, None, false, true));
        let (_, failed) = play(&plan, &mut clock, &mut [&mut view], prompt);
        assert!(failed.is_none());
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_whole_routine_is_shown_and_summed_up() {
        let out = run(&[(secs(0.0), Input::Begin)], true);
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
            (secs(7.0), Input::Pause),
            (secs(9.0), Input::Pause),
            (secs(20.0), Input::Skip),
            (secs(40.0), Input::Quit),
        ];
        let out = run(&keys, false);
        assert!(out.contains("paused · Space to go on"), "{out}");
        assert!(out.contains("skipped"), "{out}");
        assert!(out.contains("Stopped: 0 of 3 stretches · 38 s"), "{out}");
        assert!(!out.contains("foot-soak"), "{out}");
    }

    #[test]
    fn q_at_the_prompt_shows_nothing_more() {
        let out = run(&[(secs(0.0), Input::Quit)], true);
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
