//! The full-screen view of a timed run, to be read from the floor: on the alternate screen, the
//! stretch, the phase, the seconds left in large block digits, a progress bar, what comes next
//! and a short safety cue. The intro comes before it and the summary after it, on the normal
//! screen. A resize draws it again at the new size.

use std::io::{self, Write};
use std::time::Duration;

use anstyle::Style;
use crossterm::{QueueableCommand, cursor, terminal};

use super::countdown::{FINAL_SECONDS, filled, seconds_left};
use super::player::{Event, View};
use super::{describe, digits};
use crate::plan::{Action, Plan, Side};
use crate::platform::terminal as term;
use crate::render::{Doc, picture, style, text, wrap};
use crate::words::Words;

const BELL: &str = "\x07";

#[allow(
    clippy::struct_excessive_bools,
    reason = "two settings (colour, bell) and two states (paused, shown)"
)]
pub struct BigView<'a, W: Write> {
    plan: &'a Plan<'a>,
    intro: Doc,
    words: &'static Words,
    out: W,
    /// The width pages are wrapped to on the normal screen.
    width: usize,
    size: (u16, u16),
    color: bool,
    bell: bool,
    /// The current stretch and phase, how far into it, and whether the run is paused.
    at: (usize, usize),
    elapsed: Duration,
    total: Duration,
    paused: bool,
    /// Whether the first stretch has begun: before, the screen is the intro and its prompt.
    began: bool,
    /// Whether the alternate screen is up, and the rows on it now.
    shown: bool,
    rows: Vec<String>,
}

impl<'a, W: Write> BigView<'a, W> {
    pub fn new(
        plan: &'a Plan<'a>,
        intro: Doc,
        words: &'static Words,
        out: W,
        (width, size, color, bell): (usize, (u16, u16), bool, bool),
    ) -> Self {
        Self {
            plan,
            intro,
            words,
            out,
            width,
            size,
            color,
            bell,
            at: (0, 0),
            elapsed: Duration::ZERO,
            total: Duration::ZERO,
            paused: false,
            began: false,
            shown: false,
            rows: Vec::new(),
        }
    }

    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        let text = text::render(doc, self.width, self.color);
        self.out.write_all(text.as_bytes())
    }

    fn show_screen(&mut self) -> io::Result<()> {
        term::enter_alternate_screen(&mut self.out)?;
        term::hide_cursor(&mut self.out)?;
        self.out.queue(terminal::Clear(terminal::ClearType::All))?;
        self.shown = true;
        self.rows.clear();
        self.draw()
    }

    fn hide_screen(&mut self) -> io::Result<()> {
        if self.shown {
            self.shown = false;
            term::leave_alternate_screen(&mut self.out)?;
            term::show_cursor(&mut self.out)?;
        }
        self.out.flush()
    }

    /// Draws the screen, writing only the rows that changed.
    fn draw(&mut self) -> io::Result<()> {
        if !self.shown {
            return Ok(());
        }
        let rows = self.frame();
        for (i, row) in rows.iter().enumerate() {
            if self.rows.get(i) != Some(row) {
                let y = u16::try_from(i).unwrap_or(u16::MAX);
                self.out.queue(cursor::MoveTo(0, y))?;
                self.out.write_all(row.as_bytes())?;
                self.out
                    .queue(terminal::Clear(terminal::ClearType::UntilNewLine))?;
            }
        }
        if rows.len() < self.rows.len() {
            let y = u16::try_from(rows.len()).unwrap_or(u16::MAX);
            self.out.queue(cursor::MoveTo(0, y))?;
            self.out
                .queue(terminal::Clear(terminal::ClearType::FromCursorDown))?;
        }
        self.rows = rows;
        self.out.flush()
    }

    /// The screen's rows, each no wider than the window, styled: what must show first, then
    /// what may give way on a small window, the least needed first to go.
    fn frame(&self) -> Vec<String> {
        let w = self.words;
        let (columns, height) = (usize::from(self.size.0), usize::from(self.size.1));
        let stretch = &self.plan.stretches[self.at.0];
        let phase = &stretch.phases[self.at.1];
        let left = seconds_left(self.total, self.elapsed);
        let near_end =
            matches!(phase.action, Action::Hold { .. }) && left <= FINAL_SECONDS && left > 0;
        let accent = if near_end { style::WARN } else { style::MARKER };
        // While getting into position the steps show, the digits small to make room.
        let ready = matches!(phase.action, Action::GetReady | Action::SwitchSides);
        let scale = if ready {
            1
        } else {
            (1..=3)
                .rev()
                .find(|&s| digits::width(left, s) <= columns && 5 * s + 10 <= height)
                .unwrap_or(1)
        };
        // With a picture to show while getting ready, the seconds take one line.
        let picture = ready && stretch.stretch.picture.is_some();
        let number = if picture {
            vec![w.seconds(left)]
        } else {
            digits::draw(left, scale)
        };
        // Title, phase, bar and keys always; the rest as room allows.
        let mut spare = height.saturating_sub(number.len() + 4);
        let mut room = |rows: usize| {
            let fits = rows <= spare;
            if fits {
                spare -= rows;
            }
            fits
        };

        let of = self.plan.stretches.len();
        let context = (of > 1).then(|| format!("{} · {}/{of}", self.plan.name, self.at.0 + 1));
        let next = describe::next(w, self.plan, self.at.0, self.at.1).map(|n| w.big_next(n));
        let show_context = context.is_some() && room(1);
        let show_next = next.is_some() && room(1);
        let gap_above = room(1);
        let gap_below = room(1);
        let show_cue = !ready && room(2);
        // The pose and the steps take what is left, with a row above them.
        let steps = if ready {
            self.figure(columns, spare.saturating_sub(1))
        } else {
            Vec::new()
        };
        let shown_steps = steps.len();

        let (label, label_style) = if self.paused {
            (w.paused.to_owned(), style::WARN)
        } else {
            (describe::short_label(w, phase), Style::new())
        };
        let mut rows = Vec::new();
        if let (true, Some(context)) = (show_context, context) {
            rows.push(self.centred(&context, style::DIM, columns));
        }
        rows.push(self.centred(&stretch.stretch.name, style::TITLE, columns));
        rows.push(self.centred(&label, label_style, columns));
        if gap_above {
            rows.push(String::new());
        }
        // The digits as one block, centred together.
        let block = number.iter().map(|l| wrap::width(l)).max().unwrap_or(0);
        let block = if picture {
            block
        } else {
            digits::width(left, scale)
        };
        let pad = " ".repeat(columns.saturating_sub(block) / 2);
        for line in &number {
            rows.push(format!("{pad}{}", self.paint(accent, line)));
        }
        if gap_below {
            rows.push(String::new());
        }
        let cells = columns.saturating_sub(4).min(60);
        let done = filled(self.total, self.elapsed, cells);
        rows.push(format!(
            "{}{}{}",
            " ".repeat(columns.saturating_sub(cells) / 2),
            self.paint(accent, &"█".repeat(done)),
            self.paint(style::DIM, &"░".repeat(cells - done))
        ));
        if shown_steps > 0 {
            rows.push(String::new());
            let widest = steps.iter().map(|l| wrap::width(l)).max().unwrap_or(0);
            let pad = " ".repeat(columns.saturating_sub(widest) / 2);
            rows.extend(steps[..shown_steps].iter().map(|l| format!("{pad}{l}")));
        }
        if show_cue {
            rows.push(String::new());
            rows.push(self.centred(w.big_cue, style::DIM, columns));
        }
        if let (true, Some(next)) = (show_next, next) {
            rows.push(self.centred(&next, Style::new(), columns));
        }
        // The keys on the last row, when there is one for them.
        if rows.len() < height {
            rows.resize(height - 1, String::new());
            rows.push(self.centred(w.big_keys, style::DIM, columns));
        }
        rows.truncate(height);
        rows
    }

    /// The pose for the side being done, with the steps beside it where the window is wide
    /// enough; the steps alone where the picture does not fit.
    /// At most `rows` rows: the picture whole or not at all, and only whole steps.
    fn figure(&self, columns: usize, rows: usize) -> Vec<String> {
        const GAP: usize = 3;
        let stretch = &self.plan.stretches[self.at.0];
        let steps_alone = || whole_steps(self.steps(columns.saturating_sub(4).min(72)), rows);
        let Some(art) = &stretch.stretch.picture else {
            return steps_alone();
        };
        let art = art.trim_matches('\n');
        let art = match stretch.phases[self.at.1].side {
            Some(Side::Right) => picture::mirror(art),
            _ => art.to_owned(),
        };
        let (width, height) = picture::size(&art);
        if width + 4 > columns || height > rows {
            return steps_alone();
        }
        let room = columns.saturating_sub(width + GAP + 4).min(60);
        let steps = if room >= 24 {
            whole_steps(self.steps(room), rows)
        } else {
            Vec::new()
        };
        let art: Vec<&str> = art.lines().collect();
        (0..art.len().max(steps.len()))
            .map(|i| {
                let drawn = art.get(i).copied().unwrap_or("");
                let step = steps.get(i).map_or("", String::as_str);
                let pad = " ".repeat(width - wrap::width(drawn) + GAP);
                format!("{drawn}{pad}{step}").trim_end().to_owned()
            })
            .collect()
    }

    /// The stretch's steps, numbered and wrapped to `width`: each step's first line starts with
    /// its number, the others with spaces.
    fn steps(&self, width: usize) -> Vec<String> {
        let steps = &self.plan.stretches[self.at.0].stretch.steps;
        let mut lines = Vec::new();
        for (i, step) in steps.iter().enumerate() {
            let marker = format!("{}. ", i + 1);
            for (j, line) in wrap::wrap(step, width.saturating_sub(marker.len()))
                .into_iter()
                .enumerate()
            {
                let lead = if j == 0 {
                    marker.clone()
                } else {
                    " ".repeat(marker.len())
                };
                lines.push(format!("{lead}{line}"));
            }
        }
        lines
    }

    fn centred(&self, text: &str, style: Style, columns: usize) -> String {
        let text = wrap::cut(text, columns);
        let pad = columns.saturating_sub(wrap::width(&text)) / 2;
        format!("{}{}", " ".repeat(pad), self.paint(style, &text))
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color && !text.trim().is_empty() {
            style::paint(style, text)
        } else {
            text.to_owned()
        }
    }
}

impl<W: Write> View for BigView<'_, W> {
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
                self.at = (stretch, 0);
                self.began = true;
                if !self.shown {
                    self.show_screen()?;
                }
            }
            Event::Phase { stretch, phase } => {
                self.at = (stretch, phase);
                self.elapsed = Duration::ZERO;
                self.total = Duration::from_secs(u64::from(
                    self.plan.stretches[stretch].phases[phase].seconds,
                ));
                self.draw()?;
            }
            Event::Tick { elapsed, total } => {
                (self.elapsed, self.total) = (elapsed, total);
                self.draw()?;
            }
            Event::PhaseDone => {
                let phase = &self.plan.stretches[self.at.0].phases[self.at.1];
                if self.bell && matches!(phase.action, Action::Hold { .. }) {
                    self.out.write_all(BELL.as_bytes())?;
                    self.out.flush()?;
                }
            }
            Event::Paused => {
                self.paused = true;
                self.draw()?;
            }
            Event::Resumed => {
                self.paused = false;
                self.draw()?;
            }
            Event::Suspend => self.hide_screen()?,
            Event::Continue => {
                if let Some(size) = term::size() {
                    self.size = size;
                }
                if self.began {
                    self.show_screen()?;
                } else {
                    // Back at the prompt, which the shell's lines have pushed up.
                    write!(self.out, "{}", describe::press_enter(w, self.color))?;
                    self.out.flush()?;
                }
            }
            Event::Resize { columns, rows } => {
                self.size = (columns, rows);
                self.width = self.width.min(usize::from(columns).max(20));
                if self.shown {
                    self.out.queue(terminal::Clear(terminal::ClearType::All))?;
                    self.rows.clear();
                    self.draw()?;
                }
            }
            Event::Skipped | Event::Stopped => {}
            Event::End(summary) => {
                self.hide_screen()?;
                if summary.started {
                    self.out.write_all(b"\n")?;
                    self.doc(&describe::summary(w, self.plan, summary))?;
                } else {
                    self.out.write_all(b"\n")?;
                }
                self.out.flush()?;
            }
        }
        Ok(())
    }
}

/// The first steps of `lines` (as [`BigView::steps`] writes them) that fit in `rows`, each
/// whole.
fn whole_steps(mut lines: Vec<String>, rows: usize) -> Vec<String> {
    if lines.len() > rows {
        lines.truncate(rows + 1);
        // Back to the start of the step that would be cut.
        while let Some(last) = lines.pop() {
            if !last.starts_with(' ') {
                break;
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;
    use crate::words::EN;

    /// The screen with the butterfly's second hold 2.5 s in, as text.
    fn screen(size: (u16, u16), paused: bool) -> String {
        let library = Library::builtin();
        let stretches = library.stretches().unwrap();
        let routines = library.routines(&stretches).unwrap();
        let bed = routines.iter().find(|r| r.id == "before-bed").unwrap();
        let plan = Plan::routine(bed, &stretches);
        let mut view = BigView::new(&plan, Doc::new(), &EN, Vec::new(), (80, size, false, false));
        view.at = (1, 3);
        view.total = Duration::from_secs(8);
        view.elapsed = Duration::from_millis(2500);
        view.paused = paused;
        view.frame().join("\n")
    }

    #[test]
    fn the_full_screen_at_80_by_24() {
        let expected = "                                Before bed · 2/3
                               Butterfly stretch
                               Rep 2 of 2 — hold

                                  ████████████
                                  ████████████
                                  ████
                                  ████
                                  ████████████
                                  ████████████
                                  ████    ████
                                  ████    ████
                                  ████████████
                                  ████████████

          ██████████████████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░

                    A mild pull, never pain. Breathe slowly.
                            Next: Horizontal stretch




                         Space pause · s skip · q quit";
        assert_eq!(screen((80, 24), false), expected);
    }

    #[test]
    fn a_small_window_keeps_the_title_the_digits_and_the_bar() {
        let expected = "       Before bed · 2/3
      Butterfly stretch
   paused · Space to go on

            ██████
            ██
            ██████
            ██  ██
            ██████
  ████████░░░░░░░░░░░░░░░░░░
   Next: Horizontal stretch
Space pause · s skip · q quit";
        let shown = screen((30, 12), true);
        assert_eq!(shown, expected);
        assert!(shown.lines().all(|l| l.chars().count() <= 30));
    }

    #[test]
    fn getting_ready_for_the_right_side_shows_the_pose_mirrored() {
        let library = Library::builtin();
        let stretches = library.stretches().unwrap();
        let twist = stretches.iter().find(|s| s.id == "spiral-twist").unwrap();
        let plan = Plan::single(twist);
        let mut view = BigView::new(
            &plan,
            Doc::new(),
            &EN,
            Vec::new(),
            (80, (80, 24), false, false),
        );
        // Phase 6 of the spiral twist: switch to the right side.
        view.at = (0, 6);
        view.total = Duration::from_secs(5);
        let shown = view.frame().join("\n");
        let art = twist.picture.as_deref().unwrap().trim_matches('\n');
        let mirrored = picture::mirror(art);
        let first = mirrored.lines().next().unwrap();
        assert!(shown.contains(first), "{shown}");
        assert!(!shown.contains(art.lines().next().unwrap()), "{shown}");
        assert!(shown.contains("Switch to the right side"), "{shown}");
    }
}
