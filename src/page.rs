//! One page per reading command, built from the content model as a [`Doc`].

use crate::content::{About, Cause, Origin, Relief, Routine, Safety, Stretch};
use crate::history::{Date, Practice, Record};
use crate::render::{Block, Doc, duration};
use crate::routine::player::Ending;
use crate::routine::{Action, Phase, Plan, Side, StretchPlan};

/// `weizhong` alone: what this is, the commands, the safety note.
pub fn overview(title: &str, commands: &[(String, String)], safety: &Safety) -> Doc {
    let mut doc = Doc::new();
    doc.title(title, None).heading("Commands");
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
    let mut doc = Doc::new();
    doc.title(
        format!("1.{} {}", cause.order, marked(&cause.name, cause.origin)),
        None,
    )
    .paragraph(&cause.summary)
    .heading("What happens in the body")
    .paragraph(&cause.in_the_body)
    .bullet_section("What helps", &cause.helps)
    .heading("When heat and massage are wrong");
    doc.push(Block::Warning(cause.not_when.clone()));
    if let Some(evidence) = &cause.evidence {
        doc.heading("How good is the evidence").paragraph(evidence);
    }
    doc.sources(&cause.sources);
    doc
}

/// The stretches as a table: hold × reps, sides and time.
pub fn stretches(plans: &[StretchPlan]) -> Doc {
    let header = ["Stretch", "Hold", "Sides", "Time"]
        .map(String::from)
        .to_vec();
    let rows = plans
        .iter()
        .map(|plan| {
            let s = plan.stretch;
            vec![
                format!("{}  {}", s.order, marked(&s.name, s.origin)),
                format!("{} s × {}", s.hold_seconds, s.reps),
                sides(s).to_owned(),
                duration(plan.seconds()),
            ]
        })
        .collect();
    let total: u32 = plans.iter().map(StretchPlan::seconds).sum();
    let mut doc = Doc::new();
    doc.title("Stretches", None);
    doc.push(Block::Table(header, rows));
    doc.paragraph(format!(
        "{} in all, with time to get ready and rest. `weizhong stretch NAME` shows one step by step.",
        duration(total)
    ));
    doc
}

fn sides(stretch: &Stretch) -> &'static str {
    if stretch.each_side {
        "each side"
    } else {
        "both at once"
    }
}

pub fn stretch(plan: &StretchPlan) -> Doc {
    let s = plan.stretch;
    let mut doc = Doc::new();
    let hold_text = if s.each_side {
        format!("{}, left then right", hold(s))
    } else {
        hold(s)
    };
    doc.title(marked(&s.name, s.origin), None).paragraph(&s.why);
    doc.push(Block::Fields(vec![
        ("Targets".into(), s.targets.clone()),
        ("Hold".into(), hold_text),
        ("Rest".into(), format!("{} s between holds", s.rest_seconds)),
        (
            "Time".into(),
            format!(
                "{} in all, with {} s to get ready{}",
                duration(plan.seconds()),
                s.get_ready_seconds,
                if s.each_side { " on each side" } else { "" }
            ),
        ),
    ]));
    doc.heading("Steps");
    doc.push(Block::Numbered(s.steps.clone()));
    doc.bullet_section("Cues", &s.cues)
        .bullet_section("Cautions", &s.cautions)
        .sources(&s.sources);
    doc
}

/// Every kind of relief, in order.
pub fn reliefs(reliefs: &[Relief]) -> Doc {
    concat(reliefs.iter().map(relief))
}

pub fn relief(relief: &Relief) -> Doc {
    let mut doc = Doc::new();
    doc.title(marked(&relief.name, relief.origin), None)
        .paragraph(&relief.summary);
    doc.push(Block::Fields(vec![(
        "How long".into(),
        relief.duration.clone(),
    )]));
    doc.heading("How to do it");
    doc.push(Block::Numbered(relief.steps.clone()));
    doc.bullet_section("Safely", &relief.safety)
        .sources(&relief.sources);
    doc
}

pub fn safety(safety: &Safety) -> Doc {
    let mut doc = Doc::new();
    doc.title("When to see a doctor", None)
        .paragraph(&safety.intro);
    for group in &safety.groups {
        doc.heading(&group.heading).bullets(&group.signs);
    }
    doc.push(Block::Aside(safety.disclaimer.join("\n")));
    doc.sources(&safety.sources);
    doc
}

/// The routines as a table: id and name, stretches, time.
pub fn routines(routines: &[Routine], plans: &[Plan]) -> Doc {
    let header = ["Routine", "Name", "Stretches", "Time"]
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
    doc.title("Routines", None);
    doc.push(Block::Table(header, rows));
    doc.paragraph("`weizhong routine NAME` runs one.");
    doc
}

/// `weizhong log`: a mark for each day, the streaks, the totals and the last sessions.
pub fn log(practice: &Practice, name_of: &dyn Fn(&Record) -> String) -> Doc {
    let mut doc = Doc::new();
    doc.title("Practice log", None);
    if practice.sessions == 0 {
        doc.paragraph(
            "No sessions yet. Run `weizhong routine` before bed: each session is noted here, \
             and your streak grows with every day you stretch.",
        );
        return doc;
    }
    if let (Some(first), Some(last)) = (practice.days.first(), practice.days.last()) {
        doc.heading(format!(
            "Last {} days · {} to {}",
            practice.days.len(),
            day_month(&first.date),
            day_month(&last.date)
        ));
        let marks: Vec<&str> = practice
            .days
            .iter()
            .map(|d| if d.sessions > 0 { "●" } else { "·" })
            .collect();
        doc.paragraph(marks.join(" "));
    }
    let plural = |n: u32| if n == 1 { "day" } else { "days" };
    doc.push(Block::Fields(vec![
        (
            "Current streak".into(),
            format!(
                "{} {}",
                practice.current_streak,
                plural(practice.current_streak)
            ),
        ),
        (
            "Longest streak".into(),
            format!(
                "{} {}",
                practice.longest_streak,
                plural(practice.longest_streak)
            ),
        ),
        (
            "Sessions".into(),
            format!(
                "{}, {} in all",
                practice.sessions,
                duration(u32::try_from(practice.seconds).unwrap_or(u32::MAX))
            ),
        ),
    ]));
    let recent: Vec<String> = practice
        .recent
        .iter()
        .map(|r| {
            let ending = match r.ending {
                Ending::Finished => "",
                Ending::Quit => " · stopped",
                Ending::Interrupted => " · interrupted",
            };
            format!(
                "{} · {} · {} of {}{ending}",
                when(&r.at),
                name_of(r),
                r.completed.len(),
                count_and_time(r.of, r.seconds)
            )
        })
        .collect();
    doc.heading("Last sessions").bullets(&recent);
    doc
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// "25 Nov" from "2026-11-25".
fn day_month(date: &str) -> String {
    date.parse::<Date>().map_or_else(
        |()| date.to_owned(),
        |d| {
            let (_, month, day) = d.parts();
            format!("{day} {}", MONTHS[month as usize - 1])
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
            let weekday = WEEKDAYS[date.weekday() as usize];
            format!("{weekday} {day} {} {time}", MONTHS[month as usize - 1])
        }
        _ => at.to_owned(),
    }
}

/// A user's own item is marked as theirs wherever it is listed.
fn marked(name: &str, origin: Origin) -> String {
    match origin {
        Origin::Builtin => name.to_owned(),
        Origin::User => format!("{name} (yours)"),
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
        doc.heading("Afterwards").paragraph(closing);
    }
    doc
}

/// A stretch as the timed run introduces it.
pub fn stretch_header(plan: &StretchPlan, number: usize, of: usize) -> Doc {
    let mut doc = Doc::new();
    doc.title(format!("{number} of {of} · {}", plan.stretch.name), None);
    doc.push(Block::Numbered(plan.stretch.steps.clone()));
    doc.push(Block::Fields(vec![("Hold".into(), hold(plan.stretch))]));
    doc
}

/// "3 stretches · 2 min 56 s"
pub fn count_and_time(count: usize, seconds: u32) -> String {
    let noun = if count == 1 { "stretch" } else { "stretches" };
    format!("{count} {noun} · {}", duration(seconds))
}

fn hold(s: &Stretch) -> String {
    let each = if s.each_side { " on each side" } else { "" };
    format!("{} s × {}{each}", s.hold_seconds, s.reps)
}

/// The phases told side by side: "get into position 5 s, then hold 10 s × 3, relaxing 5 s
/// between". Everything in it is counted from the phases themselves.
fn timeline(phases: &[Phase]) -> Vec<(String, String)> {
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
                .filter(|p| matches!(p.action, Action::GetReady | Action::SwitchSides))
                .map(|p| format!("{} {} s", phase_name(p.action), p.seconds))
                .collect();
            parts.push(format!(
                "hold {}",
                repeated(&seconds(|a| matches!(a, Action::Hold { .. })))
            ));
            match seconds(|a| a == Action::Rest).as_slice() {
                [] => {}
                [first, rest @ ..] if rest.iter().all(|s| s == first) => {
                    parts.push(format!("relax {first} s between holds"));
                }
                rests => parts.push(format!("relax {}", repeated(rests))),
            }
            (side_name(side).to_owned(), parts.join(", "))
        })
        .collect()
}

/// "10 s × 3" when all are the same, else "10 s + 8 s".
fn repeated(seconds: &[u32]) -> String {
    match seconds {
        [first, rest @ ..] if rest.iter().all(|s| s == first) && !rest.is_empty() => {
            format!("{first} s × {}", seconds.len())
        }
        _ => seconds
            .iter()
            .map(|s| format!("{s} s"))
            .collect::<Vec<_>>()
            .join(" + "),
    }
}

/// What a phase is called, in lower case.
pub fn phase_name(action: Action) -> &'static str {
    match action {
        Action::GetReady => "get into position",
        Action::SwitchSides => "switch sides",
        Action::Hold { .. } => "hold",
        Action::Rest => "relax",
    }
}

pub fn side_name(side: Option<Side>) -> &'static str {
    match side {
        Some(Side::Left) => "Left side",
        Some(Side::Right) => "Right side",
        None => "Timing",
    }
}
