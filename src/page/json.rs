//! The content model as JSON documents, one per command; the field names are listed in README
//! and stay stable, and tests/cmd/json/ holds each document whole.

use serde::Serialize;

use crate::content::{Routine, Stretch};
use crate::plan::{Phase, Plan, StretchPlan};
use crate::render::picture;

/// A stretch with the time it takes, get-ready and rests included.
#[derive(Serialize)]
pub struct StretchView<'a> {
    #[serde(flatten)]
    pub stretch: &'a Stretch,
    /// The picture as seen in a mirror, for a stretch done on each side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picture_right: Option<String>,
    pub total_seconds: u32,
}

impl<'a> StretchView<'a> {
    pub fn new(plan: &StretchPlan<'a>) -> Self {
        let stretch = plan.stretch;
        Self {
            stretch,
            picture_right: stretch
                .picture
                .as_deref()
                .filter(|_| stretch.each_side)
                .map(|p| picture::mirror(p.trim_matches('\n'))),
            total_seconds: plan.seconds(),
        }
    }
}

/// A routine with the time it takes.
#[derive(Serialize)]
pub struct RoutineView<'a> {
    #[serde(flatten)]
    pub routine: &'a Routine,
    pub total_seconds: u64,
}

/// A routine's plan: its stretches and every timed phase.
#[derive(Serialize)]
pub struct PlanView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub intro: Option<&'a str>,
    pub closing: Option<&'a str>,
    pub total_seconds: u32,
    pub stretches: Vec<PlanStretchView<'a>>,
}

#[derive(Serialize)]
pub struct PlanStretchView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub steps: &'a [String],
    pub total_seconds: u32,
    pub phases: &'a [Phase],
}

impl<'a> PlanView<'a> {
    pub fn new(plan: &'a Plan<'a>) -> Self {
        Self {
            id: plan.id,
            name: plan.name,
            intro: plan.intro,
            closing: plan.closing,
            total_seconds: plan.seconds(),
            stretches: plan
                .stretches
                .iter()
                .map(|s| PlanStretchView {
                    id: &s.stretch.id,
                    name: &s.stretch.name,
                    steps: &s.stretch.steps,
                    total_seconds: s.seconds(),
                    phases: &s.phases,
                })
                .collect(),
        }
    }
}

/// `weizhong` alone.
#[derive(Serialize)]
pub struct Overview<'a> {
    pub title: &'a str,
    pub commands: Vec<Command<'a>>,
    pub safety_note: &'a str,
}

#[derive(Serialize)]
pub struct Command<'a> {
    pub name: &'a str,
    pub about: &'a str,
}
