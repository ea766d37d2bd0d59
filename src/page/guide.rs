//! The reading guide's pages: the overview, about, causes, stretches, relief and safety.

use super::{concat, marked, sources};
use crate::content::{About, Cause, Relief, Safety, Stretch};
use crate::plan::StretchPlan;
use crate::render::{Block, Doc};
use crate::words::Words;

/// `weizhong` alone: what this is, the commands, the safety note.
pub fn overview(w: &Words, commands: &[(String, String)], safety: &Safety) -> Doc {
    let mut doc = Doc::new();
    doc.title(w.overview_title, None).heading(w.commands);
    doc.push(Block::Fields(commands.to_vec()));
    doc.push(Block::Warning(safety.note.clone()));
    doc
}

pub fn about(w: &Words, about: &About) -> Doc {
    let mut doc = Doc::new();
    doc.title(&about.title, None).paragraph(&about.summary);
    doc.paragraph(&about.caption);
    doc.push(Block::Figure(
        about.sketch.clone(),
        Box::new(Block::Numbered(about.legend.clone())),
    ));
    for section in &about.sections {
        doc.heading(&section.heading);
        for paragraph in &section.paragraphs {
            doc.paragraph(paragraph);
        }
        doc.bullets(&section.bullets);
    }
    sources(&mut doc, w, &about.sources);
    doc
}

/// Every cause, in the article's order.
pub fn causes(w: &Words, causes: &[Cause]) -> Doc {
    concat(causes.iter().map(|c| cause(w, c)))
}

pub fn cause(w: &Words, cause: &Cause) -> Doc {
    let mut doc = Doc::new();
    doc.title(
        format!(
            "{} {}",
            cause.shown_number(),
            marked(w, &cause.name, cause.origin)
        ),
        None,
    )
    .paragraph(&cause.summary)
    .heading(w.what_happens)
    .paragraph(&cause.in_the_body)
    .bullet_section(w.what_helps, &cause.helps)
    .heading(w.heat_wrong);
    doc.push(Block::Warning(cause.not_when.clone()));
    if let Some(evidence) = &cause.evidence {
        doc.heading(w.evidence).paragraph(evidence);
    }
    sources(&mut doc, w, &cause.sources);
    doc
}

/// The stretches as a table: hold × reps, sides and time.
pub fn stretches(w: &Words, plans: &[StretchPlan]) -> Doc {
    let header = [w.col_stretch, w.col_hold, w.col_sides, w.col_time]
        .map(String::from)
        .to_vec();
    let rows = plans
        .iter()
        .map(|plan| {
            let s = plan.stretch;
            vec![
                format!("{}  {}", s.order, marked(w, &s.name, s.origin)),
                w.hold_reps(s.hold_seconds, s.reps),
                if s.each_side {
                    w.each_side
                } else {
                    w.both_at_once
                }
                .to_owned(),
                w.duration(plan.seconds()),
            ]
        })
        .collect();
    let total: u64 = plans.iter().map(|p| u64::from(p.seconds())).sum();
    let mut doc = Doc::new();
    doc.title(w.stretches_title, None);
    doc.push(Block::Table(header, rows));
    doc.paragraph(w.stretches_total(w.duration(total)));
    doc
}

pub fn stretch(w: &Words, plan: &StretchPlan) -> Doc {
    let s = plan.stretch;
    let time = w.duration(plan.seconds());
    let (hold_text, time) = if s.each_side {
        (
            w.left_then_right(hold(w, s)),
            w.time_in_all_each_side(time, s.get_ready_seconds),
        )
    } else {
        (hold(w, s), w.time_in_all(time, s.get_ready_seconds))
    };
    let mut doc = Doc::new();
    doc.title(marked(w, &s.name, s.origin), None)
        .paragraph(&s.why);
    doc.push(Block::Fields(vec![
        (w.targets.to_owned(), s.targets.clone()),
        (w.hold.to_owned(), hold_text),
        (w.rest.to_owned(), w.rest_between(s.rest_seconds)),
        (w.time.to_owned(), time),
    ]));
    doc.heading(w.steps);
    doc.push(steps(s));
    doc.bullet_section(w.cues, &s.cues)
        .bullet_section(w.cautions, &s.cautions);
    sources(&mut doc, w, &s.sources);
    doc
}

/// A stretch's steps, with its picture beside them where it has one.
pub fn steps(stretch: &Stretch) -> Block {
    let steps = Block::Numbered(stretch.steps.clone());
    match &stretch.picture {
        Some(picture) => Block::Figure(picture.clone(), Box::new(steps)),
        None => steps,
    }
}

/// "10 s × 3 on each side", "8 s × 2".
pub fn hold(w: &Words, s: &Stretch) -> String {
    if s.each_side {
        w.hold_reps_each_side(s.hold_seconds, s.reps)
    } else {
        w.hold_reps(s.hold_seconds, s.reps)
    }
}

/// Every kind of relief, in order.
pub fn reliefs(w: &Words, reliefs: &[Relief]) -> Doc {
    concat(reliefs.iter().map(|r| relief(w, r)))
}

pub fn relief(w: &Words, relief: &Relief) -> Doc {
    let mut doc = Doc::new();
    doc.title(marked(w, &relief.name, relief.origin), None)
        .paragraph(&relief.summary);
    doc.push(Block::Fields(vec![(
        w.how_long.to_owned(),
        relief.duration.clone(),
    )]));
    doc.heading(w.how_to);
    doc.push(Block::Numbered(relief.steps.clone()));
    doc.bullet_section(w.safely, &relief.safety);
    sources(&mut doc, w, &relief.sources);
    doc
}

pub fn safety(w: &Words, safety: &Safety) -> Doc {
    let mut doc = Doc::new();
    doc.title(w.safety_title, None).paragraph(&safety.intro);
    for group in &safety.groups {
        doc.heading(&group.heading).bullets(&group.signs);
    }
    doc.aside(safety.disclaimer.join("\n"));
    sources(&mut doc, w, &safety.sources);
    doc
}
