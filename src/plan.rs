//! The plan of a routine: for each stretch, its phases and their seconds. Pure data, from which
//! both the printed sheet and the timed run are made.

use serde::Serialize;

use crate::content::{Routine, Stretch};

/// Which side a phase is done on, for stretches done on each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

/// What the user does during a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// Get into position before the first repetition.
    GetReady,
    /// Change to the other side and get into position again.
    SwitchSides,
    /// Hold the stretch: repetition `rep` of `reps`.
    Hold { rep: u32, reps: u32 },
    /// Relax between repetitions.
    Rest,
}

/// One timed phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Phase {
    #[serde(flatten)]
    pub action: Action,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<Side>,
    pub seconds: u32,
}

/// One stretch and its phases in order.
#[derive(Debug, Clone)]
pub struct StretchPlan<'a> {
    pub stretch: &'a Stretch,
    pub phases: Vec<Phase>,
}

impl<'a> StretchPlan<'a> {
    /// Get ready, then the holds with rests between them; on each side, the left then the right.
    pub fn new(stretch: &'a Stretch) -> Self {
        let sides: &[Option<Side>] = if stretch.each_side {
            &[Some(Side::Left), Some(Side::Right)]
        } else {
            &[None]
        };
        let mut phases = Vec::new();
        for (i, &side) in sides.iter().enumerate() {
            let action = if i == 0 {
                Action::GetReady
            } else {
                Action::SwitchSides
            };
            phases.push(Phase {
                action,
                side,
                seconds: stretch.get_ready_seconds,
            });
            for rep in 1..=stretch.reps {
                if rep > 1 {
                    phases.push(Phase {
                        action: Action::Rest,
                        side,
                        seconds: stretch.rest_seconds,
                    });
                }
                phases.push(Phase {
                    action: Action::Hold {
                        rep,
                        reps: stretch.reps,
                    },
                    side,
                    seconds: stretch.hold_seconds,
                });
            }
        }
        Self { stretch, phases }
    }

    pub fn seconds(&self) -> u32 {
        self.phases.iter().map(|p| p.seconds).sum()
    }
}

/// A whole routine: its words and its stretches in order.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub intro: Option<&'a str>,
    pub closing: Option<&'a str>,
    pub stretches: Vec<StretchPlan<'a>>,
}

impl<'a> Plan<'a> {
    /// The plan of a routine, its stretch ids looked up in `stretches` (ids the loader checked).
    pub fn routine(routine: &'a Routine, stretches: &'a [Stretch]) -> Self {
        Self {
            id: &routine.id,
            name: &routine.name,
            intro: Some(&routine.intro),
            closing: Some(&routine.closing),
            stretches: routine
                .stretches
                .iter()
                .filter_map(|id| stretches.iter().find(|s| &s.id == id))
                .map(StretchPlan::new)
                .collect(),
        }
    }

    /// A plan of a single stretch.
    pub fn single(stretch: &'a Stretch) -> Self {
        Self {
            id: &stretch.id,
            name: &stretch.name,
            intro: None,
            closing: None,
            stretches: vec![StretchPlan::new(stretch)],
        }
    }

    pub fn seconds(&self) -> u32 {
        self.stretches.iter().map(StretchPlan::seconds).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Library;

    fn phases(plan: &StretchPlan) -> Vec<(Action, Option<Side>, u32)> {
        plan.phases
            .iter()
            .map(|p| (p.action, p.side, p.seconds))
            .collect()
    }

    #[test]
    fn a_stretch_on_each_side_does_all_left_reps_then_switches() {
        let stretches = Library::builtin().stretches().unwrap();
        let twist = stretches.iter().find(|s| s.id == "spiral-twist").unwrap();
        let hold = |rep| Action::Hold { rep, reps: 3 };
        let (l, r) = (Some(Side::Left), Some(Side::Right));
        assert_eq!(
            phases(&StretchPlan::new(twist)),
            [
                (Action::GetReady, l, 5),
                (hold(1), l, 10),
                (Action::Rest, l, 5),
                (hold(2), l, 10),
                (Action::Rest, l, 5),
                (hold(3), l, 10),
                (Action::SwitchSides, r, 5),
                (hold(1), r, 10),
                (Action::Rest, r, 5),
                (hold(2), r, 10),
                (Action::Rest, r, 5),
                (hold(3), r, 10),
            ]
        );
    }

    #[test]
    fn the_rules_count_a_stretch_as_its_phases_do_even_at_the_most() {
        use crate::content::rules::{routine_seconds, stretch_seconds};
        let library = Library::builtin();
        let mut stretches = library.stretches().unwrap();
        for s in &stretches {
            assert_eq!(stretch_seconds(s), u64::from(StretchPlan::new(s).seconds()));
        }
        let routines = library.routines(&stretches).unwrap();
        assert_eq!(routine_seconds(&routines[0], &stretches), 176);
        // Every number at its most: 2 × (3600 + 3600 × 3600 + 3599 × 3600).
        let most = &mut stretches[0];
        (
            most.hold_seconds,
            most.reps,
            most.rest_seconds,
            most.get_ready_seconds,
        ) = (3600, 3600, 3600, 3600);
        assert_eq!(stretch_seconds(most), 51_840_000);
        assert_eq!(StretchPlan::new(most).seconds(), 51_840_000);
        // Numbers no file may hold still do not wrap.
        most.hold_seconds = u32::MAX;
        most.reps = u32::MAX;
        assert_eq!(stretch_seconds(most), u64::MAX);
    }

    #[test]
    fn the_bedtime_routine_takes_its_phases_seconds() {
        let library = Library::builtin();
        let stretches = library.stretches().unwrap();
        let routines = library.routines(&stretches).unwrap();
        let bed = routines.iter().find(|r| r.id == "before-bed").unwrap();
        let plan = Plan::routine(bed, &stretches);
        let ids: Vec<_> = plan
            .stretches
            .iter()
            .map(|s| s.stretch.id.as_str())
            .collect();
        assert_eq!(ids, ["spiral-twist", "butterfly", "horizontal"]);
        // spiral twist: 2 × (5 + 3 × 10 + 2 × 5) = 90; butterfly: 5 + 2 × 8 + 5 = 26;
        // horizontal: 5 + 4 × 10 + 3 × 5 = 60.
        let seconds: Vec<_> = plan.stretches.iter().map(StretchPlan::seconds).collect();
        assert_eq!(seconds, [90, 26, 60]);
        assert_eq!(plan.seconds(), 176);
    }
}
