//! The timed run: plays a [`Plan`] phase by phase against a schedule, reacts to keys, and tells
//! what happens as [`Event`]s to the views it is handed. It draws nothing itself.

use std::io;
use std::time::Duration;

use super::clock::{Events, Key};
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
    Quit,
    Interrupted,
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
    /// Routine time spent, pauses left out.
    pub seconds: u32,
}

/// How a phase or a stretch ended.
enum Outcome {
    Done,
    Skip,
    Stop(Ending),
}

struct Player<'p, 'v, E: Events> {
    plan: &'p Plan<'p>,
    events: &'v mut E,
    views: &'v mut [&'v mut dyn View],
    /// When the current phase should end if nothing stops it: the schedule, kept from drifting
    /// by adding each phase's seconds to the last end rather than to the time a phase began.
    schedule: Duration,
    /// Routine time spent paused.
    paused: Duration,
}

/// Runs `plan` to its end or until the user stops it, telling `views` what happens; waits for
/// Enter first when `prompt` is set.
pub fn play<'v, E: Events>(
    plan: &Plan,
    events: &'v mut E,
    views: &'v mut [&'v mut dyn View],
    prompt: bool,
) -> io::Result<Summary> {
    let mut player = Player {
        plan,
        events,
        views,
        schedule: Duration::ZERO,
        paused: Duration::ZERO,
    };
    let summary = player.run(prompt)?;
    player.tell(&Event::End(&summary))?;
    Ok(summary)
}

impl<E: Events> Player<'_, '_, E> {
    fn tell(&mut self, event: &Event) -> io::Result<()> {
        for view in self.views.iter_mut() {
            view.show(event)?;
        }
        Ok(())
    }

    fn run(&mut self, prompt: bool) -> io::Result<Summary> {
        let mut summary = Summary {
            ending: Ending::Finished,
            started: false,
            completed: Vec::new(),
            of: self.plan.stretches.len(),
            seconds: 0,
        };
        self.tell(&Event::Start { prompt })?;
        if prompt {
            if let Some(ending) = self.wait_for_enter()? {
                summary.ending = ending;
                return Ok(summary);
            }
        }
        summary.started = true;
        let start = self.events.now();
        self.schedule = start;
        for (i, stretch) in self.plan.stretches.iter().enumerate() {
            self.tell(&Event::Stretch { stretch: i })?;
            match self.stretch(i)? {
                Outcome::Done => summary.completed.push(stretch.stretch.id.clone()),
                Outcome::Skip => {}
                Outcome::Stop(ending) => {
                    summary.ending = ending;
                    break;
                }
            }
        }
        let spent = self.events.now().saturating_sub(start + self.paused);
        summary.seconds = u32::try_from(spent.as_secs()).unwrap_or(u32::MAX);
        Ok(summary)
    }

    /// `None` to begin, or how the run ended before it began.
    fn wait_for_enter(&mut self) -> io::Result<Option<Ending>> {
        loop {
            match self.events.wait(None)? {
                Some(Key::Begin) | None => return Ok(None),
                Some(Key::Quit) => return Ok(Some(Ending::Quit)),
                Some(Key::Interrupt) => return Ok(Some(Ending::Interrupted)),
                Some(Key::Pause | Key::Skip) => {}
            }
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
        self.tell(&Event::Phase { stretch, phase })?;
        let seconds = self.plan.stretches[stretch].phases[phase].seconds;
        let total = Duration::from_secs(u64::from(seconds));
        let mut end = self.schedule + total;
        loop {
            let now = self.events.now();
            if now >= end {
                self.schedule = end;
                self.tell(&Event::PhaseDone)?;
                return Ok(Outcome::Done);
            }
            let elapsed = total.saturating_sub(end.saturating_sub(now));
            self.tell(&Event::Tick { elapsed, total })?;
            // Wake at the next tick of this phase, or at its end.
            let ticks = elapsed.as_nanos() / TICK.as_nanos() + 1;
            let next = end.saturating_sub(total) + TICK * u32::try_from(ticks).unwrap_or(u32::MAX);
            match self.events.wait(Some(next.min(end)))? {
                None | Some(Key::Begin) => {}
                Some(Key::Pause) => {
                    let paused_at = self.events.now();
                    self.tell(&Event::Paused)?;
                    let key = self.wait_while_paused()?;
                    let pause = self.events.now().saturating_sub(paused_at);
                    self.paused += pause;
                    end += pause;
                    self.schedule += pause;
                    match key {
                        None => self.tell(&Event::Resumed)?,
                        Some(key) => return self.stop(key),
                    }
                }
                Some(key) => return self.stop(key),
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

    /// The current stretch is skipped, or the run stops, by `key`.
    fn stop(&mut self, key: Key) -> io::Result<Outcome> {
        if key == Key::Skip {
            self.tell(&Event::Skipped)?;
            self.schedule = self.events.now();
            return Ok(Outcome::Skip);
        }
        self.tell(&Event::Stopped)?;
        Ok(Outcome::Stop(if key == Key::Interrupt {
            Ending::Interrupted
        } else {
            Ending::Quit
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

    fn run(keys: &[(Duration, Key)], prompt: bool) -> (Summary, Vec<String>, Duration) {
        let library = Library::builtin();
        let stretches = library.stretches().unwrap();
        let routines = library.routines(&stretches).unwrap();
        let bed = routines.iter().find(|r| r.id == "before-bed").unwrap();
        let plan = Plan::routine(bed, &stretches);
        let mut clock = Scripted::new(keys);
        let mut transcript = Transcript::default();
        let summary = play(&plan, &mut clock, &mut [&mut transcript], prompt).unwrap();
        (summary, transcript.0, clock.now())
    }

    #[test]
    fn a_whole_routine_takes_exactly_its_plans_time() {
        let (summary, events, now) = run(&[(secs(0.0), Key::Begin)], true);
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
        let keys = [(secs(7.0), Key::Pause), (secs(67.0), Key::Pause)];
        let (summary, events, now) = run(&keys, false);
        assert_eq!(summary.seconds, 176);
        assert_eq!(now, secs(236.0));
        assert!(events.contains(&"Paused".to_owned()));
        assert!(events.contains(&"Resumed".to_owned()));
    }

    #[test]
    fn skip_moves_to_the_next_stretch_and_it_does_not_count() {
        // Skip the spiral twist 20 s in; the other two take 26 s + 60 s.
        let (summary, events, now) = run(&[(secs(20.0), Key::Skip)], false);
        assert_eq!(summary.completed, ["butterfly", "horizontal"]);
        assert_eq!(summary.of, 3);
        assert_eq!(now, secs(106.0));
        assert_eq!(summary.seconds, 106);
        assert_eq!(events.iter().filter(|e| *e == "Skipped").count(), 1);
    }

    #[test]
    fn quit_and_ctrl_c_stop_in_the_phase() {
        let (summary, events, _) = run(&[(secs(100.0), Key::Quit)], false);
        assert_eq!(
            (summary.ending, summary.completed.len(), summary.seconds),
            (Ending::Quit, 1, 100)
        );
        assert_eq!(events[events.len() - 2], "Stopped");
        let (summary, _, _) = run(&[(secs(3.0), Key::Interrupt)], false);
        assert_eq!(summary.ending, Ending::Interrupted);
        assert!(summary.completed.is_empty());
        assert_eq!(summary.seconds, 3);
    }

    #[test]
    fn quitting_while_paused_counts_only_the_time_before_the_pause() {
        let keys = [(secs(12.0), Key::Pause), (secs(500.0), Key::Quit)];
        let (summary, _, _) = run(&keys, false);
        assert_eq!((summary.ending, summary.seconds), (Ending::Quit, 12));
    }

    #[test]
    fn q_at_the_prompt_quits_before_anything_starts() {
        let (summary, events, _) = run(&[(secs(0.0), Key::Quit)], true);
        assert_eq!(
            (summary.ending, summary.started, summary.seconds),
            (Ending::Quit, false, 0)
        );
        assert!(summary.completed.is_empty());
        assert_eq!(events.len(), 2, "{events:?}");
    }
}
