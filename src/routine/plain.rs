//! The plain view of a timed run, for screen readers and logs: no redraws, no cursor or
//! clear-line codes, no bar glyphs — a new line at each phase, and at 10, 5, 3, 2 and 1 seconds
//! left.

use std::io::{self, Write};
use std::time::Duration;

use super::countdown::seconds_left;
use super::describe;
use super::player::{Event, View};
use crate::page::routine as page;
use crate::plan::{Action, Plan, StretchPlan};
use crate::render::{Doc, text};
use crate::words::Words;

/// The seconds left at which a line is written.
const SAID_AT: [u32; 5] = [10, 5, 3, 2, 1];

pub struct PlainView<'a, W: Write> {
    plan: &'a Plan<'a>,
    intro: Doc,
    words: &'static Words,
    out: W,
    width: usize,
    /// Ring the terminal bell when a hold ends.
    bell: bool,
    /// The current stretch and phase, and the last seconds-left written in it.
    at: (usize, usize),
    said: Option<u32>,
    /// Whether the first stretch has begun: before, the prompt waits for Enter.
    began: bool,
}

impl<'a, W: Write> PlainView<'a, W> {
    pub fn new(
        plan: &'a Plan<'a>,
        intro: Doc,
        words: &'static Words,
        out: W,
        (width, bell): (usize, bool),
    ) -> Self {
        Self {
            plan,
            intro,
            words,
            out,
            width,
            bell,
            at: (0, 0),
            said: None,
            began: false,
        }
    }

    fn stretch(&self) -> &StretchPlan<'a> {
        &self.plan.stretches[self.at.0]
    }

    fn doc(&mut self, doc: &Doc) -> io::Result<()> {
        self.out
            .write_all(text::render(doc, self.width, false).as_bytes())
    }

    fn line(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.out, "{line}")?;
        self.out.flush()
    }

    fn tick(&mut self, total: Duration, elapsed: Duration) -> io::Result<()> {
        let left = seconds_left(total, elapsed);
        let whole = u32::try_from(total.as_secs()).unwrap_or(u32::MAX);
        if left < whole && SAID_AT.contains(&left) && self.said != Some(left) {
            self.said = Some(left);
            let line = describe::seconds_left(self.words, left);
            self.line(&line)?;
        }
        Ok(())
    }
}

impl<W: Write> View for PlainView<'_, W> {
    fn show(&mut self, event: &Event) -> io::Result<()> {
        let w = self.words;
        match *event {
            Event::Start { prompt } => {
                let intro = std::mem::take(&mut self.intro);
                self.doc(&intro)?;
                if prompt {
                    self.out.write_all(b"\n")?;
                    self.line(&describe::press_enter(w, false))?;
                }
            }
            Event::Stretch { stretch } => {
                self.at = (stretch, 0);
                self.began = true;
                let header =
                    // A drawing is noise to a screen reader.
                    page::stretch_header(
                        w,
                        self.stretch(),
                        (stretch + 1, self.plan.stretches.len()),
                        false,
                    );
                self.out.write_all(b"\n")?;
                self.doc(&header)?;
                self.out.write_all(b"\n")?;
            }
            Event::Phase { stretch, phase } => {
                self.at = (stretch, phase);
                self.said = None;
                let line = describe::sentence(w, self.stretch(), &self.stretch().phases[phase]);
                self.line(&line)?;
            }
            Event::Tick { elapsed, total } => self.tick(total, elapsed)?,
            Event::PhaseDone => {
                let phase = &self.stretch().phases[self.at.1];
                if self.bell && matches!(phase.action, Action::Hold { .. }) {
                    self.out.write_all(b"\x07")?;
                    self.out.flush()?;
                }
            }
            Event::Paused => self.line(w.paused)?,
            Event::Skipped => self.line(w.skipped)?,
            Event::Stopped => self.line(w.stopped)?,
            Event::End(summary) if summary.started => {
                self.out.write_all(b"\n")?;
                self.doc(&describe::summary(w, self.plan, summary))?;
                self.out.flush()?;
            }
            // Back at the prompt, which the shell's lines have pushed up.
            Event::Continue if !self.began => self.line(&describe::press_enter(w, false))?,
            Event::Resumed
            | Event::Suspend
            | Event::Continue
            | Event::Resize { .. }
            | Event::End(_) => {}
        }
        Ok(())
    }
}
