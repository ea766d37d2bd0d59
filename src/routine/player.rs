//! The timed run: plays a [`Plan`] phase by phase against a schedule, reacts to the user and to
//! signals, and tells what happens as [`Event`]s to the views it is handed — the screen and the
//! voice. It draws nothing and says nothing itself.

use std::io;
use std::time::Duration;

use super::clock::{Events, Input};
use crate::plan::Plan;

/// How often a phase tells its views that time passed, in routine time. Every second boundary of
/// a phase is a tick, so a countdown or a spoken cue is never late by more than a wake-up.
pub const TICK: Duration = Duration::from_millis(100);

/// What happens during a run, in order. Every view reads the same events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event<'a> {
    /// Before the first stretch; `prompt` when the run waits for Enter.
    Start {
        prompt: bool,
    },
    /// Stretch `stretch` of the plan begins.
    Stretch {
        stretch: usize,
    },
    /// Phase `phase` of stretch `stretch` begins.
    Phase {
        stretch: usize,
        phase: usize,
    },
    /// Time passed in the current phase: `elapsed` of `total`.
    Tick {
        elapsed: Duration,
        total: Duration,
    },
    /// The current phase ran to its end.
    PhaseDone,
    /// The run is paused, and goes on.
    Paused,
    Resumed,
    /// The process is about to stop as a shell job: give the terminal back.
    Suspend,
    /// The process goes on after being stopped: draw everything again.
    Continue,
    /// The window is now this many columns and rows.
    Resize {
        columns: u16,
        rows: u16,
    },
    /// The current stretch was skipped.
    Skipped,
    /// The run stopped in the current phase.
    Stopped,
    /// The run is over.
    End(&'a Summary),
}

/// A reader of the run's events: a screen, a voice.
pub trait View {
    fn show(&mut self, event: &Event) -> io::Result<()>;
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Finished,
    /// q.
    Quit,
    /// Ctrl-C, Ctrl-\ or a signal, by its number.
    Interrupted(i32),
}

/// What was done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub ending: Ending,
    /// Whether the first stretch began: a run quit at the prompt did nothing.
    pub started: bool,
    /// The ids of the stretches whose every phase ran to its end.
    pub completed: Vec<String>,
    pub of: usize,
    /// Routine time spent, pauses and suspensions left out.
    pub seconds: u32,
}

/// How a phase or a stretch ended.
enum Outcome {
    Done,
    Skip,
    Stop(Ending),
}

struct Player<'p, 'v, 'w, E: Events> {
    plan: &'p Plan<'p>,
    events: &'v mut E,
    views: &'v mut [&'w mut dyn View],
    /// When the current phase should end if nothing stops it: the schedule, kept from drifting
    /// by adding each phase's seconds to the last end rather than to the time a phase began.
    schedule: Duration,
    /// Routine time spent paused or suspended.
    paused: Duration,
    /// The first error a view met: the terminal is gone, and the run ends.
    failed: Option<io::Error>,
    /// What was done so far, and when the first stretch began.
    summary: Summary,
    start: Duration,
}

/// SIGHUP's number: a view that can no longer write has lost its terminal, as a hangup does.
pub const HANGUP: i32 = 1;

/// Runs `plan` to its end or until the user stops it, telling `views` what happens; waits for
/// Enter first when `prompt` is set. What was done is summed up whatever happened; the error,
/// if a view met one, comes with it (the run then ends as a hangup would end it).
pub fn play<E: Events>(
    plan: &Plan,
    events: &mut E,
    views: &mut [&mut dyn View],
    prompt: bool,
) -> (Summary, Option<io::Error>) {
    let mut player = Player {
        plan,
        events,
        views,
        schedule: Duration::ZERO,
        paused: Duration::ZERO,
        failed: None,
        summary: Summary {
            ending: Ending::Finished,
            started: false,
            completed: Vec::new(),
            of: plan.stretches.len(),
            seconds: 0,
        },
        start: Duration::ZERO,
    };
    if let Err(e) = player.run(prompt) {
        player.failed.get_or_insert(e);
        player.summary.ending = Ending::Interrupted(HANGUP);
    }
    if player.summary.started {
        let spent = player
            .events
            .now()
            .saturating_sub(player.start + player.paused);
        player.summary.seconds = u32::try_from(spent.as_secs()).unwrap_or(u32::MAX);
    }
    let summary = player.summary.clone();
    player.tell(&Event::End(&summary));
    (summary, player.failed)
}

impl<E: Events> Player<'_, '_, '_, E> {
    /// Tells every view; the first error is kept, and the run ends at the next step.
    fn tell(&mut self, event: &Event) {
        for view in self.views.iter_mut() {
            if let Err(e) = view.show(event) {
                self.failed.get_or_insert(e);
            }
        }
    }

    /// Fails when a view could not show the last event.
    fn told(&mut self, event: &Event) -> io::Result<()> {
        self.tell(event);
        match &self.failed {
            Some(e) => Err(io::Error::new(e.kind(), e.to_string())),
            None => Ok(()),
        }
    }

    fn run(&mut self, prompt: bool) -> io::Result<()> {
        self.told(&Event::Start { prompt })?;
        if prompt {
            if let Some(ending) = self.wait_for_enter()? {
                self.summary.ending = ending;
                return Ok(());
            }
        }
        self.summary.started = true;
        self.start = self.events.now();
        self.schedule = self.start;
        for (i, stretch) in self.plan.stretches.iter().enumerate() {
            self.told(&Event::Stretch { stretch: i })?;
            match self.stretch(i)? {
                Outcome::Done => self.summary.completed.push(stretch.stretch.id.clone()),
                Outcome::Skip => {}
                Outcome::Stop(ending) => {
                    self.summary.ending = ending;
                    break;
                }
            }
        }
        Ok(())
    }

    /// `None` to begin, or how the run ended before it began.
    fn wait_for_enter(&mut self) -> io::Result<Option<Ending>> {
        loop {
            match self.events.wait(None)? {
                Some(Input::Begin) | None => return Ok(None),
                Some(Input::Quit) => return Ok(Some(Ending::Quit)),
                Some(Input::Stop(signal)) => return Ok(Some(Ending::Interrupted(signal))),
                Some(other) => self.aside(other)?,
            }
        }
    }

    /// What the screen and the process do whatever the run is doing: follow the window's size,
    /// stop as a job and come back, draw again. Keys that mean nothing now are let go.
    fn aside(&mut self, input: Input) -> io::Result<()> {
        match input {
            Input::Resized(columns, rows) => self.told(&Event::Resize { columns, rows }),
            Input::Suspend => {
                self.told(&Event::Suspend)?;
                self.events.suspend();
                self.told(&Event::Continue)
            }
            Input::Continued => self.told(&Event::Continue),
            Input::Begin | Input::Pause | Input::Skip | Input::Quit | Input::Stop(_) => Ok(()),
        }
    }

    fn stretch(&mut self, stretch: usize) -> io::Result<Outcome> {
        for phase in 0..self.plan.stretches[stretch].phases.len() {
            match self.phase(stretch, phase)? {
                Outcome::Done => {}
                other => return Ok(other),
            }
        }
        Ok(Outcome::Done)
    }

    fn phase(&mut self, stretch: usize, phase: usize) -> io::Result<Outcome> {
        self.told(&Event::Phase { stretch, phase })?;
        let seconds = self.plan.stretches[stretch].phases[phase].seconds;
        let total = Duration::from_secs(u64::from(seconds));
        let mut end = self.schedule + total;
        loop {
            let now = self.events.now();
            if now >= end {
                self.schedule = end;
                self.told(&Event::PhaseDone)?;
                return Ok(Outcome::Done);
            }
            let elapsed = total.saturating_sub(end.saturating_sub(now));
            self.told(&Event::Tick { elapsed, total })?;
            // Wake at the next tick of this phase, or at its end.
            let ticks = elapsed.as_nanos() / TICK.as_nanos() + 1;
            let next = end.saturating_sub(total) + TICK * u32::try_from(ticks).unwrap_or(u32::MAX);
            let paused_at = match self.events.wait(Some(next.min(end)))? {
                None | Some(Input::Begin) => continue,
                Some(input @ Input::Resized(..)) => {
                    self.aside(input)?;
                    continue;
                }
                Some(Input::Pause) => self.events.now(),
                Some(Input::Suspend) => {
                    // The time stopped counts as paused, from the moment Ctrl-Z was pressed.
                    let at = self.events.now();
                    self.aside(Input::Suspend)?;
                    at
                }
                Some(Input::Continued) => {
                    // Stopped from outside, for who knows how long: it comes back paused.
                    self.aside(Input::Continued)?;
                    self.events.now()
                }
                Some(input) => return self.stop(input),
            };
            self.told(&Event::Paused)?;
            let key = self.wait_while_paused()?;
            let pause = self.events.now().saturating_sub(paused_at);
            self.paused += pause;
            end += pause;
            self.schedule += pause;
            match key {
                None => self.told(&Event::Resumed)?,
                Some(key) => return self.stop(key),
            }
        }
    }

    /// Waits for what ends a pause: `None` to go on, or the input that stops instead.
    fn wait_while_paused(&mut self) -> io::Result<Option<Input>> {
        loop {
            match self.events.wait(None)? {
                Some(Input::Pause | Input::Begin) | None => return Ok(None),
                Some(input @ (Input::Skip | Input::Quit | Input::Stop(_))) => {
                    return Ok(Some(input));
                }
                Some(other) => {
                    self.aside(other)?;
                    if matches!(other, Input::Suspend | Input::Continued) {
                        self.told(&Event::Paused)?;
                    }
                }
            }
        }
    }

    /// The current stretch is skipped, or the run stops, by `input`.
    fn stop(&mut self, input: Input) -> io::Result<Outcome> {
        if input == Input::Skip {
            self.told(&Event::Skipped)?;
            self.schedule = self.events.now();
            return Ok(Outcome::Skip);
        }
        self.told(&Event::Stopped)?;
        Ok(Outcome::Stop(match input {
            Input::Stop(signal) => Ending::Interrupted(signal),
            _ => Ending::Quit,
        }))
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

    /// Every event but the ticks, as text.
    #[derive(Default)]
    struct Transcript(Vec<String>);

    impl View for Transcript {
        fn show(&mut self, event: &Event) -> io::Result<()> {
            if !matches!(event, Event::Tick { .. }) {
                self.0.push(format!("{event:?}"));
            }
            Ok(())
        }
    }

    fn run(keys: &[(Duration, Input)], prompt: bool) -> (Summary, Vec<String>, Duration) {
        let library = Library::builtin();
        let stretches = library.stretches().unwrap();
        let routines = library.routines(&stretches).unwrap();
        let bed = routines.iter().find(|r| r.id == "before-bed").unwrap();
        let plan = Plan::routine(bed, &stretches);
        let mut clock = Scripted::new(keys);
        let mut transcript = Transcript::default();
        let (summary, failed) = play(&plan, &mut clock, &mut [&mut transcript], prompt);
        assert!(failed.is_none());
        (summary, transcript.0, clock.now())
    }

    #[test]
    fn a_whole_routine_takes_exactly_its_plans_time() {
        let (summary, events, now) = run(&[(secs(0.0), Input::Begin)], true);
        assert_eq!(
            summary,
            Summary {
                ending: Ending::Finished,
                started: true,
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
        // 12 + 4 + 8 phases, each begun and done.
        assert_eq!(events.iter().filter(|e| *e == "PhaseDone").count(), 24);
        assert_eq!(events[0], "Start { prompt: true }");
        assert_eq!(events[1], "Stretch { stretch: 0 }");
        assert!(events.last().unwrap().starts_with("End("));
    }

    #[test]
    fn a_pause_stops_the_clock_and_the_schedule_moves_with_it() {
        // Pause 7 s in, during the first hold; go on 60 s later.
        let keys = [(secs(7.0), Input::Pause), (secs(67.0), Input::Pause)];
        let (summary, events, now) = run(&keys, false);
        assert_eq!(summary.seconds, 176);
        assert_eq!(now, secs(236.0));
        assert!(events.contains(&"Paused".to_owned()));
        assert!(events.contains(&"Resumed".to_owned()));
    }

    #[test]
    fn skip_moves_to_the_next_stretch_and_it_does_not_count() {
        // Skip the spiral twist 20 s in; the other two take 26 s + 60 s.
        let (summary, events, now) = run(&[(secs(20.0), Input::Skip)], false);
        assert_eq!(summary.completed, ["butterfly", "horizontal"]);
        assert_eq!(summary.of, 3);
        assert_eq!(now, secs(106.0));
        assert_eq!(summary.seconds, 106);
        assert_eq!(events.iter().filter(|e| *e == "Skipped").count(), 1);
    }

    #[test]
    fn quit_and_ctrl_c_stop_in_the_phase() {
        let (summary, events, _) = run(&[(secs(100.0), Input::Quit)], false);
        assert_eq!(
            (summary.ending, summary.completed.len(), summary.seconds),
            (Ending::Quit, 1, 100)
        );
        assert_eq!(events[events.len() - 2], "Stopped");
        let (summary, _, _) = run(&[(secs(3.0), Input::Stop(2))], false);
        assert_eq!(summary.ending, Ending::Interrupted(2));
        assert!(summary.completed.is_empty());
        assert_eq!(summary.seconds, 3);
    }

    #[test]
    fn quitting_while_paused_counts_only_the_time_before_the_pause() {
        let keys = [(secs(12.0), Input::Pause), (secs(500.0), Input::Quit)];
        let (summary, _, _) = run(&keys, false);
        assert_eq!((summary.ending, summary.seconds), (Ending::Quit, 12));
    }

    #[test]
    fn q_at_the_prompt_quits_before_anything_starts() {
        let (summary, events, _) = run(&[(secs(0.0), Input::Quit)], true);
        assert_eq!(
            (summary.ending, summary.started, summary.seconds),
            (Ending::Quit, false, 0)
        );
        assert!(summary.completed.is_empty());
        assert_eq!(events.len(), 2, "{events:?}");
    }

    #[test]
    fn ctrl_z_suspends_comes_back_paused_and_the_stop_is_not_practice() {
        // Ctrl-Z 12 s in; the scripted suspension lasts 60 s; Space 10 s after coming back.
        let keys = [(secs(12.0), Input::Suspend), (secs(82.0), Input::Pause)];
        let (summary, events, now) = run(&keys, false);
        assert_eq!(summary.seconds, 176);
        assert_eq!(now, secs(246.0));
        let at = events.iter().position(|e| e == "Suspend").unwrap();
        assert_eq!(
            events[at..at + 4],
            ["Suspend", "Continue", "Paused", "Resumed"]
        );
    }

    #[test]
    fn a_resize_is_passed_on_and_the_schedule_keeps() {
        let (summary, events, now) = run(&[(secs(3.5), Input::Resized(40, 12))], false);
        assert_eq!((summary.seconds, now), (176, secs(176.0)));
        assert!(events.contains(&"Resize { columns: 40, rows: 12 }".to_owned()));
    }

    #[test]
    fn a_signal_stops_the_run_with_its_number() {
        let (summary, events, _) = run(&[(secs(30.0), Input::Stop(15))], false);
        assert_eq!(
            (summary.ending, summary.seconds, summary.started),
            (Ending::Interrupted(15), 30, true)
        );
        assert_eq!(events[events.len() - 2], "Stopped");
    }
}
