//! One page per reading command, built from the content model as a [`Doc`].

use crate::content::{About, Cause, Relief, Safety, Stretch};
use crate::render::{Block, Doc, duration};
use crate::routine::StretchPlan;

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
    doc.title(format!("1.{} {}", cause.order, cause.name), None)
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
                format!("{}  {}", s.order, s.name),
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
    let hold = if s.each_side {
        format!(
            "{} s × {} on each side, left then right",
            s.hold_seconds, s.reps
        )
    } else {
        format!("{} s × {}", s.hold_seconds, s.reps)
    };
    doc.title(&s.name, None).paragraph(&s.why);
    doc.push(Block::Fields(vec![
        ("Targets".into(), s.targets.clone()),
        ("Hold".into(), hold),
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
    doc.title(&relief.name, None).paragraph(&relief.summary);
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

fn concat(docs: impl Iterator<Item = Doc>) -> Doc {
    let mut all = Doc::new();
    for doc in docs {
        all.blocks.extend(doc.blocks);
    }
    all
}
