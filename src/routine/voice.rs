//! The spoken cues of a timed run: each phase named as it begins ("Spiral twist, left side. Get
//! into position.", "Hold, 10 seconds.", "Relax."), the last three seconds of a hold counted,
//! a pause and its end said, and a short closing line. The words are content/ui's, in the run's
//! language; what says them is handed in.

use std::io;
use std::time::Duration;

use super::countdown::{FINAL_SECONDS, seconds_left};
use super::describe;
use super::player::{Ending, Event, View};
use crate::plan::{Action, Plan};
use crate::platform::speech::Voice;
use crate::words::Words;

/// Something that says a cue aloud.
pub trait Speaker {
    /// Says `cue`, cutting off the one before it.
    fn say(&mut self, cue: &str);
    /// Stops whatever is being said.
    fn silence(&mut self);
    /// Lets the last cue be said to its end, for at most `time`.
    fn finish(&mut self, time: Duration);
}

impl Speaker for Voice {
    fn say(&mut self, cue: &str) {
        Voice::say(self, cue);
    }

    fn silence(&mut self) {
        Voice::silence(self);
    }

    fn finish(&mut self, time: Duration) {
        Voice::finish(self, time);
    }
}

/// How long the closing line may take before the run ends.
const CLOSING: Duration = Duration::from_secs(5);

pub struct VoiceView<'a, S: Speaker> {
    plan: &'a Plan<'a>,
    words: &'static Words,
    speaker: S,
    /// The current stretch and phase, and the last second counted aloud in it.
    at: (usize, usize),
    counted: Option<u32>,
}

impl<'a, S: Speaker> VoiceView<'a, S> {
    pub fn new(plan: &'a Plan<'a>, words: &'static Words, speaker: S) -> Self {
        Self {
            plan,
            words,
            speaker,
            at: (0, 0),
            counted: None,
        }
    }
}

impl<S: Speaker> View for VoiceView<'_, S> {
    fn show(&mut self, event: &Event) -> io::Result<()> {
        let w = self.words;
        match *event {
            Event::Phase { stretch, phase } => {
                self.at = (stretch, phase);
                self.counted = None;
                let plan = &self.plan.stretches[stretch];
                self.speaker
                    .say(&describe::cue(w, plan, &plan.phases[phase]));
            }
            Event::Tick { elapsed, total } => {
                let phase = &self.plan.stretches[self.at.0].phases[self.at.1];
                let left = seconds_left(total, elapsed);
                let counts = matches!(phase.action, Action::Hold { .. })
                    && (1..=FINAL_SECONDS).contains(&left)
                    && left < phase.seconds;
                if counts && self.counted != Some(left) {
                    self.counted = Some(left);
                    self.speaker.say(&left.to_string());
                }
            }
            Event::Paused => self.speaker.say(w.cue_paused),
            Event::Resumed => self.speaker.say(w.cue_going_on),
            Event::Suspend | Event::Stopped => self.speaker.silence(),
            Event::End(summary) => match summary.ending {
                Ending::Finished => {
                    self.speaker.say(w.cue_finished);
                    self.speaker.finish(CLOSING);
                }
                Ending::Quit | Ending::Interrupted(_) => self.speaker.silence(),
            },
            Event::Start { .. }
            | Event::Stretch { .. }
            | Event::PhaseDone
            | Event::Continue
            | Event::Resize { .. }
            | Event::Skipped => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use super::*;
    use crate::content::{Library, UserFiles};
    use crate::plan::StretchPlan;
    use crate::routine::clock::{Input, Scripted};
    use crate::routine::player::play;
    use crate::words::Lang;

    /// Routine time, as the events tell it, shared with the speaker.
    #[derive(Default, Clone)]
    struct Time {
        phase_start: Rc<Cell<Duration>>,
        now: Rc<Cell<Duration>>,
    }

    /// Keeps `Time` as the events pass: placed before the voice, it is told first.
    struct Clock<'p> {
        plan: &'p Plan<'p>,
        time: Time,
        phase_seconds: u32,
    }

    impl View for Clock<'_> {
        fn show(&mut self, event: &Event) -> io::Result<()> {
            match *event {
                Event::Phase { stretch, phase } => {
                    let before: u32 = self.plan.stretches[..stretch]
                        .iter()
                        .map(StretchPlan::seconds)
                        .sum::<u32>()
                        + self.plan.stretches[stretch].phases[..phase]
                            .iter()
                            .map(|p| p.seconds)
                            .sum::<u32>();
                    let start = Duration::from_secs(u64::from(before));
                    self.time.phase_start.set(start);
                    self.time.now.set(start);
                    self.phase_seconds = self.plan.stretches[stretch].phases[phase].seconds;
                }
                Event::PhaseDone => {
                    let end = Duration::from_secs(u64::from(self.phase_seconds));
                    self.time.now.set(self.time.phase_start.get() + end);
                }
                Event::Tick { elapsed, .. } => {
                    self.time.now.set(self.time.phase_start.get() + elapsed);
                }
                _ => {}
            }
            Ok(())
        }
    }

    /// Every cue said, with the routine time it was said at, in tenths of a second.
    #[derive(Clone, Default)]
    struct Recorder {
        time: Time,
        said: Rc<RefCell<Vec<(u128, String)>>>,
    }

    impl Speaker for Recorder {
        fn say(&mut self, cue: &str) {
            let at = self.time.now.get().as_millis() / 100;
            self.said.borrow_mut().push((at, cue.to_owned()));
        }
        fn silence(&mut self) {
            self.said.borrow_mut().push((0, "(silence)".to_owned()));
        }
        fn finish(&mut self, _: Duration) {}
    }

    fn cues(lang: Lang, stretch: &str, inputs: &[(Duration, Input)]) -> Vec<(u128, String)> {
        let words = lang.words();
        let library = Library::new(lang, UserFiles::default());
        let stretches = library.stretches().unwrap();
        let stretch = stretches.iter().find(|s| s.id == stretch).unwrap();
        let plan = Plan::single(stretch);
        let recorder = Recorder::default();
        let mut clock = Clock {
            plan: &plan,
            time: recorder.time.clone(),
            phase_seconds: 0,
        };
        let mut voice = VoiceView::new(&plan, words, recorder.clone());
        let mut events = Scripted::new(inputs);
        let (_, failed) = play(&plan, &mut events, &mut [&mut clock, &mut voice], false);
        assert!(failed.is_none());
        recorder.said.take()
    }

    fn at(seconds: f64, cue: &str) -> (u128, String) {
        // Tenths of a second, as the recorder keeps them.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        ((seconds * 10.0).round() as u128, cue.to_owned())
    }

    #[test]
    fn the_butterfly_is_talked_through_on_time() {
        assert_eq!(
            cues(Lang::En, "butterfly", &[]),
            [
                at(0.0, "Butterfly stretch. Get into position."),
                at(5.0, "Hold, 8 seconds."),
                at(10.0, "3"),
                at(11.0, "2"),
                at(12.0, "1"),
                at(13.0, "Relax."),
                at(18.0, "Hold, 8 seconds."),
                at(23.0, "3"),
                at(24.0, "2"),
                at(25.0, "1"),
                at(26.0, "All done. Well done."),
            ]
        );
    }

    #[test]
    fn a_pause_is_said_and_quitting_silences() {
        let inputs = [
            (Duration::from_secs(6), Input::Pause),
            (Duration::from_secs(9), Input::Pause),
            (Duration::from_secs(12), Input::Quit),
        ];
        let said: Vec<String> = cues(Lang::En, "butterfly", &inputs)
            .into_iter()
            .map(|(_, cue)| cue)
            .collect();
        assert_eq!(
            said,
            [
                "Butterfly stretch. Get into position.",
                "Hold, 8 seconds.",
                "Paused.",
                "Going on.",
                "(silence)",
                "(silence)",
            ]
        );
    }

    #[test]
    fn the_spiral_twist_names_each_side() {
        let said: Vec<String> = cues(Lang::En, "spiral-twist", &[])
            .into_iter()
            .map(|(_, cue)| cue)
            .filter(|cue| cue.len() > 1)
            .collect();
        assert_eq!(said[0], "Spiral twist, left side. Get into position.");
        assert_eq!(said[1], "Hold, 10 seconds.");
        assert!(said.contains(&"Switch to the right side. Get into position.".to_owned()));
        assert_eq!(said.last().unwrap(), "All done. Well done.");
    }

    #[test]
    fn the_cues_are_chinese_in_chinese() {
        let said: Vec<String> = cues(Lang::Zh, "butterfly", &[])
            .into_iter()
            .map(|(_, cue)| cue)
            .collect();
        assert_eq!(said[..3], ["蝴蝶式伸展。摆好姿势。", "保持 8 秒。", "3"]);
        assert_eq!(said.last().unwrap(), "全部做完了。");
    }
}
