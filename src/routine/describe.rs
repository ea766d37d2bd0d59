//! What a phase is called, on a line, on the full screen, in a plain transcript and aloud: the
//! views' shared words for the same plan, so that they never disagree.

use super::player::{Ending, Summary};
use crate::page::count_and_time;
use crate::plan::{Action, Phase, Plan, Side, StretchPlan};
use crate::render::Doc;
use crate::render::style;
use crate::words::Words;

/// "Press Enter to begin (q to quit)", with the keys in colour when `color`.
pub fn press_enter(w: &Words, color: bool) -> String {
    let key = |key: &str| {
        if color {
            style::paint(style::LITERAL, key)
        } else {
            key.to_owned()
        }
    };
    w.press_enter(key(w.enter_key), key("q"))
}

/// "Butterfly stretch · rep 2 of 2 — hold", "Get into position · left side", "Relax".
pub fn label(w: &Words, plan: &StretchPlan, phase: &Phase) -> String {
    let side = side(phase, w.on_left_side, w.on_right_side);
    match phase.action {
        Action::GetReady => w.get_into_position(side),
        Action::SwitchSides => w.switch_to_right.to_owned(),
        Action::Hold { rep, reps } => w.rep_hold(&plan.stretch.name, side, rep, reps),
        Action::Rest => w.relax.to_owned(),
    }
}

/// The phase under the stretch's name on the full screen: "Rep 2 of 3 · left side — hold".
pub fn short_label(w: &Words, phase: &Phase) -> String {
    let side = side(phase, w.on_left_side, w.on_right_side);
    match phase.action {
        Action::GetReady => w.get_into_position(side),
        Action::SwitchSides => w.switch_to_right.to_owned(),
        Action::Hold { rep, reps } => w.big_hold(rep, reps, side),
        Action::Rest => w.relax.to_owned(),
    }
}

/// A phase as one line of a transcript: "Butterfly stretch, rep 1 of 2: hold 8 seconds".
pub fn sentence(w: &Words, plan: &StretchPlan, phase: &Phase) -> String {
    let side = side(phase, w.plain_side_left, w.plain_side_right);
    let (name, seconds) = (&plan.stretch.name, phase.seconds);
    match phase.action {
        Action::GetReady => w.plain_get_ready(name, side, seconds),
        Action::SwitchSides => w.plain_switch(seconds),
        Action::Hold { rep, reps } => w.plain_hold(name, side, rep, reps, seconds),
        Action::Rest => w.plain_rest(seconds),
    }
}

/// What is said as a phase begins: "Spiral twist, left side. Get into position.", "Hold, 10
/// seconds.", "Relax."
pub fn cue(w: &Words, plan: &StretchPlan, phase: &Phase) -> String {
    let side = side(phase, w.plain_side_left, w.plain_side_right);
    match phase.action {
        Action::GetReady => w.cue_get_ready(&plan.stretch.name, side),
        Action::SwitchSides => w.cue_switch.to_owned(),
        Action::Hold { .. } => w.cue_hold(phase.seconds),
        Action::Rest => w.cue_relax.to_owned(),
    }
}

/// "3 seconds left".
pub fn seconds_left(w: &Words, n: u32) -> String {
    if n == 1 {
        w.seconds_left_one(n)
    } else {
        w.seconds_left_many(n)
    }
}

/// What comes after phase `phase` of stretch `stretch`: the next phase, or the next stretch.
pub fn next(w: &Words, plan: &Plan, stretch: usize, phase: usize) -> Option<String> {
    let current = &plan.stretches[stretch];
    if let Some(next) = current.phases.get(phase + 1) {
        return Some(short_label(w, next));
    }
    plan.stretches
        .get(stretch + 1)
        .map(|s| s.stretch.name.clone())
}

fn side<'w>(phase: &Phase, left: &'w str, right: &'w str) -> &'w str {
    match phase.side {
        Some(Side::Left) => left,
        Some(Side::Right) => right,
        None => "",
    }
}

/// The run summed up: "Done: 3 of 3 stretches · 2 min 56 s", and the routine's closing words
/// when it was finished.
pub fn summary(w: &Words, plan: &Plan, summary: &Summary) -> Doc {
    let count = count_and_time(w, summary.of, summary.seconds);
    let done = summary.completed.len();
    let title = match summary.ending {
        Ending::Finished => w.summary_done(done, count),
        Ending::Quit => w.summary_stopped(done, count),
        Ending::Interrupted(_) => w.summary_interrupted(done, count),
    };
    let mut doc = Doc::new();
    doc.title(title, None);
    if let (Ending::Finished, Some(closing)) = (summary.ending, plan.closing) {
        doc.paragraph(closing);
    }
    doc
}
