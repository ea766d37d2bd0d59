//! The routines' pages: the list of routines, and a routine's plan as the printed sheet, as the
//! timed run introduces it, and each stretch as the run comes to it.

use super::guide::{hold, steps};
use super::{count_and_time, marked};
use crate::content::Routine;
use crate::plan::{Action, Phase, Plan, Side, StretchPlan};
use crate::render::{Block, Doc};
use crate::words::Words;

/// The routines as a table: id and name, stretches, time (`totals`, in seconds, one for each).
pub fn list(w: &Words, routines: &[Routine], totals: &[u64]) -> Doc {
    let header = [w.col_routine, w.col_name, w.col_stretches, w.col_time]
        .map(String::from)
        .to_vec();
    let rows = routines
        .iter()
        .zip(totals)
        .map(|(routine, &total)| {
            vec![
                routine.id.clone(),
                marked(w, &routine.name, routine.origin),
                routine.stretches.len().to_string(),
                w.duration(total),
            ]
        })
        .collect();
    let mut doc = Doc::new();
    doc.title(w.routines_title, None);
    doc.push(Block::Table(header, rows));
    doc.paragraph(w.routines_hint);
    doc
}

/// What a routine is before it starts: its words, how to stretch safely (`caution`), its
/// stretches and the total time, and for a timed run what will be heard (`sound`).
pub fn intro(w: &Words, plan: &Plan, caution: &str, sound: Option<&str>) -> Doc {
    let mut doc = Doc::new();
    doc.title(plan.name, None);
    if let Some(intro) = plan.intro {
        doc.paragraph(intro);
    }
    doc.push(Block::Warning(caution.to_owned()));
    if let Some(sound) = sound {
        doc.aside(sound);
    }
    if plan.stretches.len() > 1 {
        let items = plan
            .stretches
            .iter()
            .map(|s| format!("{} · {}", s.stretch.name, hold(w, s.stretch)))
            .collect();
        doc.push(Block::Numbered(items));
    }
    doc.paragraph(count_and_time(w, plan.stretches.len(), plan.seconds()));
    doc
}

/// The printed plan: the intro, then every stretch with its steps and every phase with its
/// seconds.
pub fn sheet(w: &Words, plan: &Plan, caution: &str) -> Doc {
    let mut doc = intro(w, plan, caution, None);
    for (i, s) in plan.stretches.iter().enumerate() {
        doc.heading(format!(
            "{}. {} · {}",
            i + 1,
            s.stretch.name,
            w.duration(s.seconds())
        ));
        doc.push(steps(s.stretch));
        doc.push(Block::Fields(timeline(w, &s.phases)));
    }
    if let Some(closing) = plan.closing {
        doc.heading(w.afterwards).paragraph(closing);
    }
    doc
}

/// A stretch as the timed run comes to it: "2 of 3 · Butterfly stretch", its steps (with its
/// picture, where `picture`) and hold.
pub fn stretch_header(
    w: &Words,
    plan: &StretchPlan,
    (number, of): (usize, usize),
    picture: bool,
) -> Doc {
    let mut doc = Doc::new();
    doc.title(w.stretch_header(number, of, &plan.stretch.name), None);
    doc.push(if picture {
        steps(plan.stretch)
    } else {
        Block::Numbered(plan.stretch.steps.clone())
    });
    doc.push(Block::Fields(vec![(
        w.hold.to_owned(),
        hold(w, plan.stretch),
    )]));
    doc
}

/// The phases told side by side: "get into position 5 s, hold 10 s × 3, relax 5 s between
/// holds". Everything in it is counted from the phases themselves.
fn timeline(w: &Words, phases: &[Phase]) -> Vec<(String, String)> {
    let mut sides: Vec<(Option<Side>, Vec<&Phase>)> = Vec::new();
    for phase in phases {
        match sides.last_mut() {
            Some((side, group)) if *side == phase.side => group.push(phase),
            _ => sides.push((phase.side, vec![phase])),
        }
    }
    sides
        .into_iter()
        .map(|(side, group)| {
            let seconds = |wanted: fn(Action) -> bool| -> Vec<u32> {
                group
                    .iter()
                    .filter(|p| wanted(p.action))
                    .map(|p| p.seconds)
                    .collect()
            };
            let mut parts: Vec<String> = group
                .iter()
                .filter_map(|p| {
                    let phase = match p.action {
                        Action::GetReady => w.phase_get_ready,
                        Action::SwitchSides => w.phase_switch_sides,
                        Action::Hold { .. } | Action::Rest => return None,
                    };
                    Some(w.phase_seconds(phase, p.seconds))
                })
                .collect();
            let holds = repeated(w, &seconds(|a| matches!(a, Action::Hold { .. })));
            parts.push(w.timeline_hold(holds));
            match seconds(|a| a == Action::Rest).as_slice() {
                [] => {}
                [first, rest @ ..] if rest.iter().all(|s| s == first) => {
                    parts.push(w.relax_between(first));
                }
                rests => parts.push(w.relax_each(repeated(w, rests))),
            }
            let label = match side {
                Some(Side::Left) => w.left_side,
                Some(Side::Right) => w.right_side,
                None => w.timing,
            };
            (label.to_owned(), parts.join(w.timeline_separator))
        })
        .collect()
}

/// "10 s × 3" when all are the same, else "10 s + 8 s".
fn repeated(w: &Words, seconds: &[u32]) -> String {
    match seconds {
        [first, rest @ ..] if rest.iter().all(|s| s == first) && !rest.is_empty() => {
            w.seconds_times(first, seconds.len())
        }
        _ => seconds
            .iter()
            .map(|s| w.seconds(s))
            .collect::<Vec<_>>()
            .join(w.plus),
    }
}
