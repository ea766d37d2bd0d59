//! One page per reading command, built from the content model as a [`Doc`], in the words of
//! the chosen language.

use crate::content::{About, Cause, Origin, Relief, Routine, Safety, Stretch};
use crate::history::{Date, Practice, Record};
use crate::render::{Block, Doc, duration};
use crate::routine::player::Ending;
use crate::routine::{Action, Phase, Plan, Side, StretchPlan};
use crate::ui::{fill, nth, ui};

/// `weizhong` alone: what this is, the commands, the safety note.
pub fn overview(title: &str, commands: &[(String, String)], safety: &Safety) -> Doc {
    let mut doc = Doc::new();
    doc.title(title, None).heading(ui().commands);
    doc.push(Block::Fields(commands.to_vec()));
    doc.push(Block::Warning(safety.note.clone()));
    doc
}

pub fn about(about: &About) -> Doc {
    let mut doc = Doc::new();
    doc.title(&about.title, None).paragraph(&about.summary);
    doc.push(Block::Pre(about.sketch.clone()));
    for section in &about.sections {
        doc.heading(&section.heading);
        for paragraph in &section.paragraphs {
            doc.paragraph(paragraph);
        }
        doc.bullets(&section.bullets);
    }
    doc.sources(&about.sources);
    doc
}

/// Every cause, in the article's order.
pub fn causes(causes: &[Cause]) -> Doc {
    concat(causes.iter().map(cause))
}

pub fn cause(cause: &Cause) -> Doc {
    let ui = ui();
    let mut doc = Doc::new();
    doc.title(
        format!("1.{} {}", cause.order, marked(&cause.name, cause.origin)),
        None,
    )
    .paragraph(&cause.summary)
    .heading(ui.what_happens)
    .paragraph(&cause.in_the_body)
    .bullet_section(ui.what_helps, &cause.helps)
    .heading(ui.heat_wrong);
    doc.push(Block::Warning(cause.not_when.clone()));
    if let Some(evidence) = &cause.evidence {
        doc.heading(ui.evidence).paragraph(evidence);
    }
    doc.sources(&cause.sources);
    doc
}

/// The stretches as a table: hold × reps, sides and time.
pub fn stretches(plans: &[StretchPlan]) -> Doc {
    let ui = ui();
    let header = [ui.col_stretch, ui.col_hold, ui.col_sides, ui.col_time]
        .map(String::from)
        .to_vec();
    let rows = plans
        .iter()
        .map(|plan| {
            let s = plan.stretch;
            vec![
                format!("{}  {}", s.order, marked(&s.name, s.origin)),
                fill(
                    ui.hold_reps,
                    &[("hold", &s.hold_seconds), ("reps", &s.reps)],
                ),
                if s.each_side {
                    ui.each_side
                } else {
                    ui.both_at_once
                }
                .to_owned(),
                duration(plan.seconds()),
            ]
        })
        .collect();
    let total: u32 = plans.iter().map(StretchPlan::seconds).sum();
    let mut doc = Doc::new();
    doc.title(ui.stretches_title, None);
    doc.push(Block::Table(header, rows));
    doc.paragraph(fill(ui.stretches_total, &[("time", &duration(total))]));
    doc
}

pub fn stretch(plan: &StretchPlan) -> Doc {
    let ui = ui();
    let s = plan.stretch;
    let (hold_text, time) = if s.each_side {
        (
            fill(ui.left_then_right, &[("hold", &hold(s))]),
            ui.time_in_all_each_side,
        )
    } else {
        (hold(s), ui.time_in_all)
    };
    let mut doc = Doc::new();
    doc.title(marked(&s.name, s.origin), None).paragraph(&s.why);
    doc.push(Block::Fields(vec![
        (ui.targets.to_owned(), s.targets.clone()),
        (ui.hold.to_owned(), hold_text),
        (
            ui.rest.to_owned(),
            fill(ui.rest_between, &[("rest", &s.rest_seconds)]),
        ),
        (
            ui.time.to_owned(),
            fill(
                time,
                &[
                    ("time", &duration(plan.seconds())),
                    ("ready", &s.get_ready_seconds),
                ],
            ),
        ),
    ]));
    doc.heading(ui.steps);
    doc.push(Block::Numbered(s.steps.clone()));
    doc.bullet_section(ui.cues, &s.cues)
        .bullet_section(ui.cautions, &s.cautions)
        .sources(&s.sources);
    doc
}

/// Every kind of relief, in order.
pub fn reliefs(reliefs: &[Relief]) -> Doc {
    concat(reliefs.iter().map(relief))
}

pub fn relief(relief: &Relief) -> Doc {
    let ui = ui();
    let mut doc = Doc::new();
    doc.title(marked(&relief.name, relief.origin), None)
        .paragraph(&relief.summary);
    doc.push(Block::Fields(vec![(
        ui.how_long.to_owned(),
        relief.duration.clone(),
    )]));
    doc.heading(ui.how_to);
    doc.push(Block::Numbered(relief.steps.clone()));
    doc.bullet_section(ui.safely, &relief.safety)
        .sources(&relief.sources);
    doc
}

pub fn safety(safety: &Safety) -> Doc {
    let mut doc = Doc::new();
    doc.title(ui().safety_title, None).paragraph(&safety.intro);
    for group in &safety.groups {
        doc.heading(&group.heading).bullets(&group.signs);
    }
    doc.push(Block::Aside(safety.disclaimer.join("\n")));
    doc.sources(&safety.sources);
    doc
}

/// The routines as a table: id and name, stretches, time.
pub fn routines(routines: &[Routine], plans: &[Plan]) -> Doc {
    let ui = ui();
    let header = [ui.col_routine, ui.col_name, ui.col_stretches, ui.col_time]
        .map(String::from)
        .to_vec();
    let rows = routines
        .iter()
        .zip(plans)
        .map(|(routine, plan)| {
            vec![
                routine.id.clone(),
                marked(&routine.name, routine.origin),
                plan.stretches.len().to_string(),
                duration(plan.seconds()),
            ]
        })
        .collect();
    let mut doc = Doc::new();
    doc.title(ui.routines_title, None);
    doc.push(Block::Table(header, rows));
    doc.paragraph(ui.routines_hint);
    doc
}

/// `weizhong log`: a mark for each day, the streaks, the totals and the last sessions.
pub fn log(practice: &Practice, name_of: &dyn Fn(&Record) -> String) -> Doc {
    let ui = ui();
    let mut doc = Doc::new();
    doc.title(ui.log_title, None);
    if practice.sessions == 0 {
        doc.paragraph(ui.log_empty);
        return doc;
    }
    if let (Some(first), Some(last)) = (practice.days.first(), practice.days.last()) {
        doc.heading(fill(
            ui.log_days,
            &[
                ("days", &practice.days.len()),
                ("from", &day_month(&first.date)),
                ("to", &day_month(&last.date)),
            ],
        ));
        let marks: Vec<&str> = practice
            .days
            .iter()
            .map(|d| if d.sessions > 0 { "●" } else { "·" })
            .collect();
        doc.paragraph(marks.join(" "));
    }
    let days = |n: u32| fill(if n == 1 { ui.day_one } else { ui.day_many }, &[("n", &n)]);
    let seconds = u32::try_from(practice.seconds).unwrap_or(u32::MAX);
    doc.push(Block::Fields(vec![
        (ui.current_streak.to_owned(), days(practice.current_streak)),
        (ui.longest_streak.to_owned(), days(practice.longest_streak)),
        (
            ui.sessions.to_owned(),
            fill(
                ui.sessions_value,
                &[("n", &practice.sessions), ("time", &duration(seconds))],
            ),
        ),
    ]));
    let recent: Vec<String> = practice
        .recent
        .iter()
        .map(|r| {
            let ending = match r.ending {
                Ending::Finished => "",
                Ending::Quit => ui.session_stopped,
                Ending::Interrupted => ui.session_interrupted,
            };
            let session = fill(
                ui.session,
                &[
                    ("when", &when(&r.at)),
                    ("name", &name_of(r)),
                    ("done", &r.completed.len()),
                    ("count", &count_and_time(r.of, r.seconds)),
                ],
            );
            format!("{session}{ending}")
        })
        .collect();
    doc.heading(ui.last_sessions).bullets(&recent);
    doc
}

/// "25 Nov" from "2026-11-25".
fn day_month(date: &str) -> String {
    date.parse::<Date>().map_or_else(
        |()| date.to_owned(),
        |d| {
            let (_, month, day) = d.parts();
            let month = nth(ui().months, month as usize - 1);
            fill(ui().day_month, &[("day", &day), ("month", &month)])
        },
    )
}

/// "Wed 25 Nov 21:30" from a record's time, as written.
fn when(at: &str) -> String {
    match (
        at.get(..10).and_then(|d| d.parse::<Date>().ok()),
        at.get(11..16),
    ) {
        (Some(date), Some(time)) => {
            let (_, month, day) = date.parts();
            fill(
                ui().when,
                &[
                    ("weekday", &nth(ui().weekdays, date.weekday() as usize)),
                    ("day", &day),
                    ("month", &nth(ui().months, month as usize - 1)),
                    ("time", &time),
                ],
            )
        }
        _ => at.to_owned(),
    }
}

/// A user's own item is marked as theirs wherever it is listed.
fn marked(name: &str, origin: Origin) -> String {
    match origin {
        Origin::Builtin => name.to_owned(),
        Origin::User => fill(ui().yours, &[("name", &name)]),
    }
}

fn concat(docs: impl Iterator<Item = Doc>) -> Doc {
    let mut all = Doc::new();
    for doc in docs {
        all.blocks.extend(doc.blocks);
    }
    all
}

/// What a routine is before it starts: its words, its stretches and the total time.
pub fn routine_intro(plan: &Plan) -> Doc {
    let mut doc = Doc::new();
    doc.title(plan.name, None);
    if let Some(intro) = plan.intro {
        doc.paragraph(intro);
    }
    if plan.stretches.len() > 1 {
        let items = plan
            .stretches
            .iter()
            .map(|s| format!("{} · {}", s.stretch.name, hold(s.stretch)))
            .collect();
        doc.push(Block::Numbered(items));
    }
    doc.paragraph(count_and_time(plan.stretches.len(), plan.seconds()));
    doc
}

/// The printed plan: every stretch with its steps and every phase with its seconds.
pub fn routine_sheet(plan: &Plan) -> Doc {
    let mut doc = routine_intro(plan);
    for (i, s) in plan.stretches.iter().enumerate() {
        doc.heading(format!(
            "{}. {} · {}",
            i + 1,
            s.stretch.name,
            duration(s.seconds())
        ));
        doc.push(Block::Numbered(s.stretch.steps.clone()));
        doc.push(Block::Fields(timeline(&s.phases)));
    }
    if let Some(closing) = plan.closing {
        doc.heading(ui().afterwards).paragraph(closing);
    }
    doc
}

/// A stretch as the timed run introduces it.
pub fn stretch_header(plan: &StretchPlan, number: usize, of: usize) -> Doc {
    let ui = ui();
    let mut doc = Doc::new();
    doc.title(
        fill(
            ui.stretch_header,
            &[("n", &number), ("of", &of), ("name", &plan.stretch.name)],
        ),
        None,
    );
    doc.push(Block::Numbered(plan.stretch.steps.clone()));
    doc.push(Block::Fields(vec![(
        ui.hold.to_owned(),
        hold(plan.stretch),
    )]));
    doc
}

/// "3 stretches · 2 min 56 s"
pub fn count_and_time(count: usize, seconds: u32) -> String {
    let ui = ui();
    let template = if count == 1 {
        ui.count_one
    } else {
        ui.count_many
    };
    fill(template, &[("n", &count), ("time", &duration(seconds))])
}

fn hold(s: &Stretch) -> String {
    let ui = ui();
    let template = if s.each_side {
        ui.hold_reps_each_side
    } else {
        ui.hold_reps
    };
    fill(template, &[("hold", &s.hold_seconds), ("reps", &s.reps)])
}

/// The phases told side by side: "get into position 5 s, then hold 10 s × 3, relaxing 5 s
/// between". Everything in it is counted from the phases themselves.
fn timeline(phases: &[Phase]) -> Vec<(String, String)> {
    let ui = ui();
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
                        Action::GetReady => ui.phase_get_ready,
                        Action::SwitchSides => ui.phase_switch_sides,
                        Action::Hold { .. } | Action::Rest => return None,
                    };
                    Some(fill(
                        ui.phase_seconds,
                        &[("phase", &phase), ("seconds", &p.seconds)],
                    ))
                })
                .collect();
            let holds = repeated(&seconds(|a| matches!(a, Action::Hold { .. })));
            parts.push(fill(ui.timeline_hold, &[("seconds", &holds)]));
            match seconds(|a| a == Action::Rest).as_slice() {
                [] => {}
                [first, rest @ ..] if rest.iter().all(|s| s == first) => {
                    parts.push(fill(ui.relax_between, &[("seconds", first)]));
                }
                rests => parts.push(fill(ui.relax_each, &[("seconds", &repeated(rests))])),
            }
            let label = match side {
                Some(Side::Left) => ui.left_side,
                Some(Side::Right) => ui.right_side,
                None => ui.timing,
            };
            (label.to_owned(), parts.join(ui.timeline_separator))
        })
        .collect()
}

/// "10 s × 3" when all are the same, else "10 s + 8 s".
fn repeated(seconds: &[u32]) -> String {
    let ui = ui();
    match seconds {
        [first, rest @ ..] if rest.iter().all(|s| s == first) && !rest.is_empty() => fill(
            ui.seconds_times,
            &[("seconds", first), ("n", &seconds.len())],
        ),
        _ => seconds
            .iter()
            .map(|s| fill(ui.seconds, &[("seconds", s)]))
            .collect::<Vec<_>>()
            .join(ui.plus),
    }
}
